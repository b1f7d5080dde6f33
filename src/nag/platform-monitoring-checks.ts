import { CfnResource } from 'aws-cdk-lib';
// Per-module imports: the cdk-nag barrel loads every pack and its rules, and with them many
// aws-cdk-lib service modules (about 0.4 s at each cold start of an app that imports this library).
import { NagPack, NagPackProps } from 'cdk-nag/lib/nag-pack';
import { NagMessageLevel } from 'cdk-nag/lib/nag-rules';
import { IConstruct } from 'constructs';
import { PlatformRule } from './private/rule';
import { AlarmHasAction } from './rules/alarm-has-action';
import { AlarmTopicKeyAllowsCloudWatch } from './rules/alarm-topic-key-allows-cloudwatch';
import { AlarmTopicPolicyAllowsCloudWatch } from './rules/alarm-topic-policy-allows-cloudwatch';
import { CloudTrailCloudWatchLogs } from './rules/cloud-trail-cloud-watch-logs';
import { CloudTrailEncrypted } from './rules/cloud-trail-encrypted';
import { CloudTrailLogFileValidation } from './rules/cloud-trail-log-file-validation';
import { CloudTrailMultiRegion } from './rules/cloud-trail-multi-region';
import { KmsKeyRotation } from './rules/kms-key-rotation';
import { KmsServicePrincipalScoped } from './rules/kms-service-principal-scoped';
import { LogGroupEncrypted } from './rules/log-group-encrypted';
import { LogGroupRetention } from './rules/log-group-retention';
import { S3BucketEncrypted } from './rules/s3-bucket-encrypted';
import { S3BucketPublicAccessBlocked } from './rules/s3-bucket-public-access-blocked';
import { S3BucketSslOnly } from './rules/s3-bucket-ssl-only';
import { SnsTopicCustomerManagedKey } from './rules/sns-topic-customer-managed-key';
import { SnsTopicSslPublishOnly } from './rules/sns-topic-ssl-publish-only';

interface RuleEntry {
  readonly rule: PlatformRule;
  readonly info: string;
  readonly explanation: string;
  /**
   * True when a standard cdk-nag pack (AwsSolutions, HIPAA.Security, NIST.800-53.R4/R5,
   * PCI.DSS.321, Serverless) already reports the failure the rule is for: the rule then runs only
   * with `includeOverlappingRules`. Rules that have a cdk-nag counterpart but catch a failure it
   * lets through stay in the default set, and their explanation says what the counterpart misses.
   * The README's rule table lists the counterparts; test/nag/overlap.test.ts checks both.
   */
  readonly overlapping: boolean;
}

/** Every rule of the pack, in the order findings are reported. The id is `PlatformMonitoring-<rule name>`. */
const RULES: readonly RuleEntry[] = [
  {
    rule: LogGroupEncrypted,
    info: 'The CloudWatch Logs log group is not encrypted with a KMS key.',
    explanation: 'Logs often hold personal data and secrets. Set `encryptionKey` on the log group, and allow `logs.<region>.amazonaws.com` in the key policy (with a `kms:EncryptionContext:aws:logs:arn` condition), or the deployment fails.',
    overlapping: true,
  },
  {
    rule: LogGroupRetention,
    info: 'The log group never expires its events, or its retention is not a value CloudWatch Logs accepts.',
    explanation: 'Retention must be finite for data minimisation and cost, and one of the periods CloudWatch accepts. Set `retention` to a `logs.RetentionDays` member other than INFINITE (e.g. ONE_YEAR); a retention passed as a parameter cannot be checked.',
    overlapping: true,
  },
  {
    rule: SnsTopicCustomerManagedKey,
    info: 'The SNS topic is not encrypted, or is encrypted with an AWS-managed key (alias/aws/...).',
    explanation: 'Use a customer-managed key (`masterKey`). The AWS-managed `alias/aws/sns` key policy cannot be changed, so CloudWatch alarms and EventBridge can never publish to the topic: notifications are dropped silently. (cdk-nag\'s `SNSEncryptedKMS` accepts any key, the AWS-managed one included.)',
    overlapping: false,
  },
  {
    rule: SnsTopicSslPublishOnly,
    info: 'No topic policy denies sns:Publish over plain HTTP (aws:SecureTransport false).',
    explanation: 'Require TLS in transit: set `enforceSSL: true` on the topic (or add a Deny for `sns:Publish` with condition `Bool aws:SecureTransport false`), and then also allow `cloudwatch.amazonaws.com` to publish if alarms use the topic. (`AwsSolutions-SNS3` checks only unencrypted topics; this rule checks encrypted ones too.)',
    overlapping: false,
  },
  {
    rule: AlarmTopicPolicyAllowsCloudWatch,
    info: 'The alarm notifies a topic whose topic policy does not allow cloudwatch.amazonaws.com sns:Publish.',
    explanation: 'A topic policy replaces the SNS default policy; without an Allow for `cloudwatch.amazonaws.com` the alarm fires but no notification is delivered. Add `topic.addToResourcePolicy` with that service principal, `sns:Publish`, and `aws:SourceAccount` / `aws:SourceArn` conditions.',
    overlapping: false,
  },
  {
    rule: AlarmTopicKeyAllowsCloudWatch,
    info: 'The alarm notifies an encrypted topic whose KMS key policy does not allow cloudwatch.amazonaws.com kms:Decrypt and kms:GenerateDataKey*.',
    explanation: 'CloudWatch must use the topic key to publish; without the grant notifications are dropped silently while the alarm shows ALARM. Add a key-policy statement for `cloudwatch.amazonaws.com` with those actions, scoped by `aws:SourceAccount` and `aws:SourceArn`.',
    overlapping: false,
  },
  {
    rule: S3BucketPublicAccessBlocked,
    info: 'The S3 bucket does not set all four public access block settings to true.',
    explanation: 'Set `blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL` so the template itself guarantees the bucket cannot be made public by an ACL or policy.',
    overlapping: true,
  },
  {
    rule: S3BucketSslOnly,
    info: 'No bucket policy denies all S3 actions over plain HTTP (aws:SecureTransport false) on the bucket and its objects.',
    explanation: 'Require TLS in transit: set `enforceSSL: true` on the bucket.',
    overlapping: true,
  },
  {
    rule: S3BucketEncrypted,
    info: 'The S3 bucket does not declare default encryption.',
    explanation: 'Declare encryption at rest explicitly: set `encryption` (KMS with a customer key for audit data, or S3_MANAGED).',
    overlapping: true,
  },
  {
    rule: CloudTrailEncrypted,
    info: 'The CloudTrail trail does not encrypt its log files with a KMS key.',
    explanation: 'Set `encryptionKey`; the key policy must allow `cloudtrail.amazonaws.com` kms:GenerateDataKey* with a `kms:EncryptionContext:aws:cloudtrail:arn` condition.',
    overlapping: true,
  },
  {
    rule: CloudTrailLogFileValidation,
    info: 'The CloudTrail trail does not have log file validation enabled.',
    explanation: 'Digest files prove the logs were not altered or deleted. Keep `enableFileValidation: true` (the default).',
    overlapping: true,
  },
  {
    rule: CloudTrailMultiRegion,
    info: 'The CloudTrail trail records only one region.',
    explanation: 'Activity in an unused region is a classic sign of compromise. Keep `isMultiRegionTrail: true` (the default).',
    overlapping: false,
  },
  {
    rule: CloudTrailCloudWatchLogs,
    info: 'The CloudTrail trail does not deliver events to CloudWatch Logs.',
    explanation: 'Metric filters and alarms on API activity need the events in CloudWatch Logs. Set `sendToCloudWatchLogs: true` with an encrypted `cloudWatchLogGroup`.',
    overlapping: true,
  },
  {
    rule: KmsKeyRotation,
    info: 'The symmetric KMS key does not have automatic rotation enabled.',
    explanation: 'Set `enableKeyRotation: true`. Asymmetric, HMAC and imported-material (EXTERNAL) keys cannot rotate and are not checked.',
    overlapping: true,
  },
  {
    rule: KmsServicePrincipalScoped,
    info: 'The KMS key policy allows a service principal without an aws:SourceAccount, aws:SourceArn, aws:SourceOrgID/OrgPaths, kms:ViaService or kms:EncryptionContext condition.',
    explanation: 'Without such a condition any account can make the service use the key on its behalf (confused deputy). Add a condition naming your account, resource ARN or encryption context.',
    overlapping: false,
  },
  {
    rule: AlarmHasAction,
    info: 'The alarm has no alarm or OK action, or its actions are disabled.',
    explanation: 'An alarm nobody is notified about is only a dashboard colour. Add an action (e.g. `SnsAction` on an alert topic) and keep `actionsEnabled` true. (Unlike cdk-nag\'s `CloudWatchAlarmAction`, composite alarms are checked, an INSUFFICIENT_DATA action alone does not count, and `ActionsEnabled` given as a token fails.)',
    overlapping: false,
  },
];

/** Options of `PlatformMonitoringChecks`: cdk-nag's own pack options plus the rule set. */
export interface PlatformMonitoringChecksProps extends NagPackProps {
  /**
   * Also run the rules whose failures a standard cdk-nag pack (AwsSolutions, HIPAA.Security,
   * NIST.800-53.R4/R5, PCI.DSS.321, Serverless) already reports: log group encryption and
   * retention, S3 public access block, SSL-only and default encryption, CloudTrail encryption, log
   * file validation and CloudWatch Logs delivery, KMS key rotation. The README's rule table names
   * the cdk-nag rules each one overlaps with.
   *
   * Leave it off when you run those packs too (each finding would be reported twice); turn it on
   * when this pack is the only one you run. Rule ids are the same either way.
   *
   * @default false - only the rules no standard pack checks (alarm → topic → key grant chains,
   *   scoped service principals, multi-region trails) and the rules stricter than their cdk-nag
   *   counterpart (customer-managed topic keys, SSL-only publish on encrypted topics, alarm actions)
   */
  readonly includeOverlappingRules?: boolean;
}

/**
 * The rules cdk-platform-monitoring stands for, as a cdk-nag pack for your whole app. By default it
 * adds to cdk-nag's own packs rather than repeating them: CloudWatch alarms that can actually
 * publish to their topic (topic policy and key policy allow CloudWatch), customer-managed topic
 * keys, TLS-only topics, key-policy service grants scoped to your account, multi-region trails,
 * alarms that notify someone. With `includeOverlappingRules` it also checks what the standard
 * packs check (encrypted, expiring log groups; locked-down S3 buckets; encrypted, validated
 * trails delivering to CloudWatch Logs; rotating keys), for apps that run this pack alone.
 *
 * Findings are errors, named `PlatformMonitoring-<Rule>`; acknowledge one with
 * `Validations.of(scope).acknowledge({ id: 'PlatformMonitoring-<Rule>', reason })`.
 *
 * @example
 * Validations.of(app).addPlugins(new PlatformMonitoringChecks(app));
 * // without the standard cdk-nag packs:
 * // Validations.of(app).addPlugins(new PlatformMonitoringChecks(app, { includeOverlappingRules: true }));
 */
export class PlatformMonitoringChecks extends NagPack {
  /** The plugin name shown in CDK's validation report. */
  public readonly name: string;
  private readonly rules: readonly RuleEntry[];

  /**
   * @param scope the app (or construct) the pack is registered on; only used when
   *   `writeSuppressionsToCloudFormation` is set.
   * @param props the rule set, and cdk-nag's verbosity and CloudFormation metadata options.
   */
  constructor(scope?: IConstruct, props?: PlatformMonitoringChecksProps) {
    super(scope, props);
    this.name = 'PlatformMonitoring';
    this.packName = 'PlatformMonitoring';
    this.rules = props?.includeOverlappingRules ? RULES : RULES.filter((entry) => !entry.overlapping);
  }

  /** Applies the pack's rules to one resource (called by cdk-nag for each L1 resource in the tree). */
  protected checkResource(node: CfnResource): void {
    for (const entry of this.rules) {
      this.applyRule({
        info: entry.info,
        explanation: entry.explanation,
        level: NagMessageLevel.ERROR,
        rule: entry.rule,
        node,
      });
    }
  }
}
