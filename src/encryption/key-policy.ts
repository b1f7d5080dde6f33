import * as iam from 'aws-cdk-lib/aws-iam';
import { AlarmSeverity } from '../notifications/alarm-severity';
import { sourceAccountAlarmConditions } from '../private/cross-account-policy';

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
  /**
   * Source accounts whose CloudWatch alarms may publish to the encrypted alert topic.
   *
   * @default - none
   */
  readonly alarmSourceAccounts?: string[];
  /**
   * The alarm-name prefix trusted in the source accounts.
   *
   * @default - `alarmNamePrefix`
   */
  readonly alarmSourceNamePrefix?: string;
}

/** Statement ids, stable so users (and tests) can find each grant in the key policy. */
export enum KeyPolicySid {
  /** CloudWatch Logs encrypts and decrypts the log groups of this account and region. */
  LOGS = 'AllowCloudWatchLogsForPlatformLogGroups',
  /** CloudTrail generates data keys for the platform trail's log and digest files. */
  CLOUDTRAIL_ENCRYPT = 'AllowCloudTrailToEncryptLogs',
  /** CloudTrail describes the key (the platform trail only). */
  CLOUDTRAIL_DESCRIBE = 'AllowCloudTrailToDescribeKey',
  /** Principals of this account decrypt the trail's log files. */
  CLOUDTRAIL_DECRYPT = 'AllowAccountToDecryptCloudTrailLogs',
  /** CloudTrail decrypts with the key when the trail bucket uses an S3 Bucket Key (trail create/update). */
  CLOUDTRAIL_BUCKET_KEY_DECRYPT = 'AllowCloudTrailToDecryptWithBucketKey',
  /** SNS uses the key for the alert topic and its severity topics (`-critical`, `-warning`). */
  SNS = 'AllowSnsForTheAlertTopic',
  /** CloudWatch alarms named with the platform prefix publish to the encrypted alert topic. */
  CLOUDWATCH = 'AllowCloudWatchAlarmsToPublishToEncryptedTopic',
  /** CloudWatch alarms of the listed source accounts publish to the encrypted alert topic (cross-account alerts). */
  CLOUDWATCH_SOURCE_ACCOUNTS = 'AllowSourceAccountAlarmsToPublishToEncryptedTopic',
}

/**
 * The key-policy statements that let AWS services use the platform key, each scoped by
 * encryption context and/or `aws:SourceAccount` / `aws:SourceArn` (confused-deputy protection).
 *
 * - CloudWatch Logs: encrypt/decrypt for log groups of this account and region only.
 * - CloudTrail: generate data keys for trails of this account (and the one trail we create);
 *   describe the key; decrypt as our trail (needed because the trail bucket uses an S3 Bucket Key);
 *   principals of this account may decrypt trail logs.
 * - SNS: the service may use the key for the alert topic and its two severity topics only.
 * - CloudWatch: alarms named with our prefix may publish to the encrypted alert topic. Without
 *   this, alarm notifications are dropped silently while the alarm shows ALARM.
 */
export function platformKeyStatements(scope: KeyPolicyScope): iam.PolicyStatement[] {
  const { partition, region, account } = scope;
  const trailArn = `arn:${partition}:cloudtrail:${region}:${account}:trail/${scope.trailName}`;
  const anyTrailOfAccount = `arn:${partition}:cloudtrail:*:${account}:trail/*`;
  const topicArn = `arn:${partition}:sns:${region}:${account}:${scope.alertTopicName}`;
  // The severity topics (`AlertRouting`, named as in AlertTopic) are encrypted with the same key:
  // SNS needs the same grant for them, or their subscribers (emails, chat channels) get nothing.
  const topicArns = [topicArn, ...Object.values(AlarmSeverity).map((s) => `${topicArn}-${s.toLowerCase()}`)];
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
    // CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail": "If you are using an
    // existing S3 bucket with an S3 Bucket Key, kms:Decrypt permissions are required to create or
    // update a trail with SSE-KMS encryption enabled", and aws:SourceArn (the trail ARN) is the
    // recommended scope. The page documents no encryption context for this decrypt (its example
    // statement has no condition at all); a Bucket Key's context is the bucket ARN (S3 User Guide,
    // "Reducing the cost of SSE-KMS with Amazon S3 Bucket Keys"), not the trail's, so a
    // kms:EncryptionContext:aws:cloudtrail:arn condition here could deny the very call it is for.
    new iam.PolicyStatement({
      sid: KeyPolicySid.CLOUDTRAIL_BUCKET_KEY_DECRYPT,
      principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
      actions: ['kms:Decrypt'],
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
          'kms:EncryptionContext:aws:sns:topicArn': topicArns,
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
    ...sourceAccountAlarmKeyStatements(scope),
  ];
}

/**
 * The key-policy statement for alarms of source accounts publishing to the encrypted topic (none
 * without `alarmSourceAccounts`): the same grant as for this account's alarms, scoped by
 * `aws:SourceAccount` and `aws:SourceArn` to the source accounts' alarms in this Region.
 */
function sourceAccountAlarmKeyStatements(scope: KeyPolicyScope): iam.PolicyStatement[] {
  const accounts = scope.alarmSourceAccounts ?? [];
  if (accounts.length === 0) return [];
  return [new iam.PolicyStatement({
    sid: KeyPolicySid.CLOUDWATCH_SOURCE_ACCOUNTS,
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    resources: ['*'],
    conditions: sourceAccountAlarmConditions(scope.partition, scope.region, accounts,
      scope.alarmSourceNamePrefix ?? scope.alarmNamePrefix),
  })];
}

/** Statement ids of the account (root) statements of a key created by `PlatformKey`. */
export enum KeyAdminSid {
  /** The account's IAM policies may administer and use the key: every key action except `kms:CreateGrant`. */
  ACCOUNT_ADMIN = 'EnableIamPoliciesForEverythingButGrants',
  /** The account's IAM policies may create grants only for AWS services acting on its behalf. */
  ACCOUNT_GRANTS = 'EnableIamPoliciesForGrantsToAwsServices',
}

/**
 * Every AWS KMS action on a key, as prefixes that do not cover `kms:CreateGrant` (hence no
 * `kms:Create*`, whose only other key action is `kms:CreateAlias`). `kms:PutKeyPolicy` is among
 * them, so the account can always change the policy: it is never locked out of its own key.
 */
const ACCOUNT_KEY_ACTIONS = [
  'kms:CancelKeyDeletion', 'kms:CreateAlias', 'kms:Decrypt', 'kms:Delete*', 'kms:DeriveSharedSecret',
  'kms:Describe*', 'kms:Disable*', 'kms:Enable*', 'kms:Encrypt', 'kms:Generate*', 'kms:Get*', 'kms:ImportKeyMaterial',
  'kms:List*', 'kms:PutKeyPolicy', 'kms:ReEncrypt*', 'kms:ReplicateKey', 'kms:RetireGrant', 'kms:RevokeGrant',
  'kms:RotateKeyOnDemand', 'kms:ScheduleKeyDeletion', 'kms:Sign', 'kms:SynchronizeMultiRegionKey', 'kms:TagResource',
  'kms:UntagResource', 'kms:Update*', 'kms:Verify*',
];

/**
 * The account statements of a key created by `PlatformKey`, replacing aws-cdk-lib's default
 * `kms:*` for the account root. Like the default (AWS KMS Developer Guide, "Default key policy":
 * the statement that "allows access to the AWS account and enables IAM policies"), they let IAM
 * policies of the account grant any use and administration of the key; unlike it, `kms:CreateGrant`
 * is allowed only with `kms:GrantIsForAWSResource` = true (AWS KMS Developer Guide, "AWS KMS
 * condition keys": true only when an AWS service integrated with AWS KMS calls CreateGrant on the
 * principal's behalf). That is what AWS Control Tower's proactive control CT.KMS.PR.3 ("Require an
 * AWS KMS key policy to have a statement that limits creation of AWS KMS grants to AWS services")
 * asks of every statement that allows `kms:CreateGrant`.
 *
 * No delivery path of this library needs a grant: CloudWatch Logs, CloudTrail, SNS, CloudWatch
 * and S3 (SSE-KMS, replication) are all allowed by key-policy statements or by IAM policies
 * through the account statement. Services that do create grants for a principal (e.g. EBS, RDS,
 * Lambda environment variables) call CreateGrant themselves, with the condition true.
 */
export function accountKeyStatements(): iam.PolicyStatement[] {
  const account = new iam.AccountRootPrincipal();
  return [
    new iam.PolicyStatement({
      sid: KeyAdminSid.ACCOUNT_ADMIN,
      principals: [account],
      actions: ACCOUNT_KEY_ACTIONS,
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: KeyAdminSid.ACCOUNT_GRANTS,
      principals: [account],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: { Bool: { 'kms:GrantIsForAWSResource': true } },
    }),
  ];
}
