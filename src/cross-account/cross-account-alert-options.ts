/**
 * Cross-account alarm publishing: which source accounts' (or which organization's) CloudWatch alarms may notify the
 * monitoring account's encrypted alert topic. Used by `AlertTopic`, `PlatformKey` and
 * `PlatformMonitoring` (`crossAccountAlerts`).
 *
 * @experimental
 */
export interface CrossAccountAlertOptions {
  /**
   * Source accounts (12-digit IDs) whose CloudWatch alarms may publish to the alert topic. Each gets
   * a topic-policy and a key-policy statement for `cloudwatch.amazonaws.com`, scoped by
   * `aws:SourceAccount` to these accounts and by `aws:SourceArn` to their alarms named with
   * `alarmSourceNamePrefix` in this Region. Point the source accounts' alarms at the topic's ARN
   * (for `PlatformMonitoring` in a source account: `alarms.actions` with an SNS action strategy).
   *
   * @default - only this account's alarms may publish
   */
  readonly alarmSourceAccounts?: string[];

  /**
   * The AWS Organizations organization (`o-` and 10-32 lowercase letters or digits) whose accounts'
   * CloudWatch alarms may publish to the alert topic: an account that joins the organization can
   * notify without any change in the monitoring account. The topic policy gets one statement for
   * `cloudwatch.amazonaws.com`, scoped by `aws:SourceOrgID` to this organization and by
   * `aws:SourceArn` to alarms named with `alarmSourceNamePrefix` in this Region, in any account.
   * (`aws:PrincipalOrgID` would not work: the publisher is the CloudWatch service principal, which
   * belongs to no organization.) May be combined with `alarmSourceAccounts` (accounts outside the
   * organization). The key policy needs nothing more: it serves the platform's topics, whoever
   * publishes.
   *
   * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceorgid
   * @default - no organization: only this account's alarms and `alarmSourceAccounts` may publish
   */
  readonly alarmSourceOrganizationId?: string;

  /**
   * The alarm-name prefix trusted in the source accounts.
   *
   * @default - this platform's own prefix, `<projectName>-<environment>-` (the prefix of a
   * `PlatformMonitoring` with the same project name and environment in the source account)
   */
  readonly alarmSourceNamePrefix?: string;
}
