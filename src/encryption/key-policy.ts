import * as iam from 'aws-cdk-lib/aws-iam';
import { AlarmSeverity } from '../notifications/alarm-severity';

/**
 * What the platform key's service statements are scoped to. Values may be tokens (env-agnostic
 * stacks) or placeholders (when we print the statements for a user-managed key).
 */
export interface KeyPolicyScope {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  /** The alert topic's name. */
  readonly alertTopicName: string;
  /** The audit trail's name. */
  readonly trailName: string;
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
  /**
   * CloudWatch alarms use the key for the platform's alert topics only (by SNS's encryption context).
   * Which alarms may publish (this account's, listed source accounts', an organization's) is decided
   * by the topic policy, not here.
   */
  CLOUDWATCH = 'AllowCloudWatchAlarmsToPublishToEncryptedTopic',
}

/**
 * The key-policy statements that let AWS services use the platform key, each scoped by a condition
 * key that AWS documents as present in that service's request (the page is cited beside each
 * condition): an encryption context, or `aws:SourceArn` where the service's guide documents it.
 *
 * - CloudWatch Logs: encrypt/decrypt for log groups of this account and region only.
 * - CloudTrail: generate data keys for trails of this account (and the one trail we create);
 *   describe the key; decrypt as our trail (needed because the trail bucket uses an S3 Bucket Key);
 *   principals of this account may decrypt trail logs.
 * - SNS: the service may use the key for the alert topic and its two severity topics only.
 * - CloudWatch: alarms may use the key for those topics only. Without this, alarm notifications
 *   are dropped silently while the alarm shows ALARM. Which alarms may publish at all is decided by
 *   the topic policy (`AlertTopic`), whose `aws:SourceAccount` / `aws:SourceArn` (or
 *   `aws:SourceOrgID`) conditions AWS documents for service principals publishing to SNS.
 */
export function platformKeyStatements(scope: KeyPolicyScope): iam.PolicyStatement[] {
  const { partition, region, account } = scope;
  const trailArn = `arn:${partition}:cloudtrail:${region}:${account}:trail/${scope.trailName}`;
  const anyTrailOfAccount = `arn:${partition}:cloudtrail:*:${account}:trail/*`;
  const topicArn = `arn:${partition}:sns:${region}:${account}:${scope.alertTopicName}`;
  // The severity topics (`AlertRouting`, named as in AlertTopic) are encrypted with the same key:
  // SNS needs the same grant for them, or their subscribers (emails, chat channels) get nothing.
  const topicArns = [topicArn, ...Object.values(AlarmSeverity).map((s) => `${topicArn}-${s.toLowerCase()}`)];

  return [
    new iam.PolicyStatement({
      sid: KeyPolicySid.LOGS,
      principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        // CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using AWS KMS" (step 2, the
        // key policy): the encryption context is aws:logs:arn = the log group's ARN.
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
        // CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail" ("Granting encrypt
        // permissions"): the encryption context aws:cloudtrail:arn and aws:SourceArn = the trail ARN.
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
        // CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail" ("Granting
        // permissions for CloudTrail to describe a KMS key"): aws:SourceArn = the trail ARN.
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
        // CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail" ("Granting decrypt
        // permissions"): kms:CallerAccount and the aws:cloudtrail:arn encryption context.
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
        // The encryption context of every KMS request SNS makes for an encrypted topic is
        // aws:sns:topicArn = the topic ARN: Amazon SNS Developer Guide, "Encryption at rest" / "Key
        // management" (sns-key-management.html); AWS's own service key policies for encrypted topics
        // scope by it, e.g. Amazon GameLift Servers FlexMatch Developer Guide, "Set up an SNS topic
        // with server-side encryption" (queue-notification-sns-sse.html). No AWS page documents
        // aws:SourceAccount in these requests, so the statement does not depend on it.
        StringEquals: { 'kms:EncryptionContext:aws:sns:topicArn': topicArns },
      },
    }),
    new iam.PolicyStatement({
      sid: KeyPolicySid.CLOUDWATCH,
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        // Amazon SNS Developer Guide, "Key management" ("Enable compatibility between event sources
        // from AWS services and encrypted topics") gives this grant to cloudwatch.amazonaws.com with no
        // condition. No AWS page documents aws:SourceArn / aws:SourceAccount / aws:SourceOrgID in the
        // KMS requests made for an alarm's notification (a condition on an absent key denies, and
        // the notification is dropped silently). The SNS encryption context is documented (see the
        // SNS statement above), so the key serves the platform's topics only; which alarms may
        // publish is the topic policy's decision (AlertTopic).
        StringEquals: { 'kms:EncryptionContext:aws:sns:topicArn': topicArns },
      },
    }),
  ];
}

/** Statement ids of the account (root) statements of a key created by `PlatformKey`. */
export enum KeyAdminSid {
  /** The account's IAM policies may administer and use the key: every key action except `kms:CreateGrant`. */
  ACCOUNT_ADMIN = 'EnableIamPoliciesForEverythingButGrants',
  /** The account's IAM policies may create grants only for AWS services acting on its behalf. */
  ACCOUNT_GRANTS = 'EnableIamPoliciesForGrantsToAwsServices',
  /** Nobody creates a grant unless an AWS service asks for it (AWS Control Tower CT.KMS.PR.3). */
  DENY_GRANTS_EXCEPT_AWS_SERVICES = 'DenyGrantsExceptForAwsServices',
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
      // AWS KMS Developer Guide, "AWS KMS condition keys" (kms:GrantIsForAWSResource).
      conditions: { Bool: { 'kms:GrantIsForAWSResource': true } },
    }),
    denyNonServiceGrantsStatement(),
  ];
}

/**
 * The statement AWS Control Tower's proactive control CT.KMS.PR.3 requires in every key policy
 * (AWS Control Tower Controls Reference, "AWS KMS controls", [CT.KMS.PR.3] "Require an AWS KMS key
 * policy to have a statement that limits creation of AWS KMS grants to AWS services",
 * https://docs.aws.amazon.com/controltower/latest/controlreference/kms-rules.html): deny
 * `kms:CreateGrant` to every principal (`"*"`) on resource `"*"` when `kms:GrantIsForAWSResource`
 * and `aws:PrincipalIsAWSService` are both `"false"` under `BoolIfExists`, and no other condition
 * (the control's guard rule accepts only those two keys, with the string value `"false"`).
 *
 * It breaks no path of the platform: CloudWatch Logs, CloudTrail, SNS and CloudWatch use the key
 * through key-policy statements, not grants. Services that do create grants on a principal's behalf
 * (EBS, RDS, Lambda environment variables, ...) send `kms:GrantIsForAWSResource` = true, and a
 * service principal calling CreateGrant itself has `aws:PrincipalIsAWSService` = true: both are
 * exempt (AWS KMS Developer Guide, "AWS KMS condition keys"; IAM User Guide, "AWS global condition
 * context keys").
 */
export function denyNonServiceGrantsStatement(): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: KeyAdminSid.DENY_GRANTS_EXCEPT_AWS_SERVICES,
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['kms:CreateGrant'],
    resources: ['*'],
    conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
  });
}
