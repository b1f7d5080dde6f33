import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * What the platform key's service statements are scoped to. Values may be tokens (env-agnostic
 * stacks) or placeholders (when we print the statements for a user-managed key).
 */
export interface KeyPolicyScope {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  /** Every alarm of the platform is named with this prefix. */
  readonly alarmNamePrefix: string;
  /** The alert topic's name. */
  readonly alertTopicName: string;
  /** The audit trail's name. */
  readonly trailName: string;
}

/** Statement ids, stable so users (and tests) can find each grant in the key policy. */
export enum KeyPolicySid {
  LOGS = 'AllowCloudWatchLogsForPlatformLogGroups',
  CLOUDTRAIL_ENCRYPT = 'AllowCloudTrailToEncryptLogs',
  CLOUDTRAIL_DESCRIBE = 'AllowCloudTrailToDescribeKey',
  CLOUDTRAIL_DECRYPT = 'AllowAccountToDecryptCloudTrailLogs',
  SNS = 'AllowSnsForTheAlertTopic',
  CLOUDWATCH = 'AllowCloudWatchAlarmsToPublishToEncryptedTopic',
}

/**
 * The key-policy statements that let AWS services use the platform key, each scoped by
 * encryption context and/or `aws:SourceAccount` / `aws:SourceArn` (confused-deputy protection).
 *
 * - CloudWatch Logs: encrypt/decrypt for log groups of this account and region only.
 * - CloudTrail: generate data keys for trails of this account (and the one trail we create);
 *   describe the key; principals of this account may decrypt trail logs.
 * - SNS: the service may use the key for the alert topic only.
 * - CloudWatch: alarms named with our prefix may publish to the encrypted alert topic. Without
 *   this, alarm notifications are dropped silently while the alarm shows ALARM.
 */
export function platformKeyStatements(scope: KeyPolicyScope): iam.PolicyStatement[] {
  const { partition, region, account } = scope;
  const trailArn = `arn:${partition}:cloudtrail:${region}:${account}:trail/${scope.trailName}`;
  const anyTrailOfAccount = `arn:${partition}:cloudtrail:*:${account}:trail/*`;
  const topicArn = `arn:${partition}:sns:${region}:${account}:${scope.alertTopicName}`;
  const alarmArns = `arn:${partition}:cloudwatch:${region}:${account}:alarm:${scope.alarmNamePrefix}*`;

  return [
    new iam.PolicyStatement({
      sid: KeyPolicySid.LOGS,
      principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        // A pattern, not the exact group ARN: the exact ARN would make key and group depend on each other.
        ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:*` },
      },
    }),
    new iam.PolicyStatement({
      sid: KeyPolicySid.CLOUDTRAIL_ENCRYPT,
      principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
      actions: ['kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': anyTrailOfAccount },
        StringEquals: { 'aws:SourceArn': trailArn },
      },
    }),
    new iam.PolicyStatement({
      sid: KeyPolicySid.CLOUDTRAIL_DESCRIBE,
      principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
      actions: ['kms:DescribeKey'],
      resources: ['*'],
      conditions: {
        StringEquals: { 'aws:SourceArn': trailArn },
      },
    }),
    new iam.PolicyStatement({
      sid: KeyPolicySid.CLOUDTRAIL_DECRYPT,
      principals: [new iam.ArnPrincipal(`arn:${partition}:iam::${account}:root`)],
      actions: ['kms:Decrypt', 'kms:ReEncryptFrom'],
      resources: ['*'],
      conditions: {
        StringEquals: { 'kms:CallerAccount': account },
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': anyTrailOfAccount },
      },
    }),
    new iam.PolicyStatement({
      sid: KeyPolicySid.SNS,
      principals: [new iam.ServicePrincipal('sns.amazonaws.com')],
      actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      resources: ['*'],
      conditions: {
        StringEquals: {
          'aws:SourceAccount': account,
          'kms:EncryptionContext:aws:sns:topicArn': topicArn,
        },
      },
    }),
    new iam.PolicyStatement({
      sid: KeyPolicySid.CLOUDWATCH,
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        StringEquals: { 'aws:SourceAccount': account },
        ArnLike: { 'aws:SourceArn': alarmArns },
      },
    }),
  ];
}
