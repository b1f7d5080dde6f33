/**
 * Cross-account alarm publishing: which source accounts' CloudWatch alarms may notify the
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
   * The alarm-name prefix trusted in the source accounts.
   *
   * @default - this platform's own prefix, `<projectName>-<environment>-` (the prefix of a
   * `PlatformMonitoring` with the same project name and environment in the source account)
   */
  readonly alarmSourceNamePrefix?: string;
}
