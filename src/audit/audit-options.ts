import { Duration } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * How the audit trail is set up: what it records beyond management events, where and how long it
 * keeps the log files, and organization, Object Lock and replication settings.
 *
 * Declared once: `AuditTrail` takes these as part of its props, and `PlatformMonitoring` as
 * `audit`.
 */
export interface AuditOptions {
  /**
   * Use a trail that already exists instead of creating one: the CloudWatch Logs group it delivers
   * to, which must be in the platform's account and Region (metric filters and saved queries read a
   * group of their own account and Region only). The CIS security alarms, their metric filters and
   * the CloudTrail saved queries then read this group, and the platform creates no trail, no trail
   * bucket, no access-log bucket, no trail log group and no trail role. Every other `audit` option
   * configures the trail the platform creates, so none may be set with this one.
   *
   * The group must receive the trail's management events (AWS CloudTrail User Guide, "Sending events
   * to CloudWatch Logs"). An organization trail of AWS Control Tower delivers to
   * `aws-controltower/CloudTrailLogs` in the management account: usable by a platform deployed
   * there; in a member account, create a trail (the default) or use a trail of that account.
   * Import it with `logs.LogGroup.fromLogGroupName(this, 'Trail', '<group name>')`.
   *
   * Only `PlatformMonitoring` reads it: `AuditTrail` always creates a trail, and refuses it.
   *
   * @default - the platform creates its own multi-Region trail
   */
  readonly existingTrailLogGroup?: logs.ILogGroup;

  /**
   * How long the trail's CloudWatch Logs group keeps events (what the CIS security alarms and the
   * CloudTrail saved queries read). The trail bucket keeps the log files for `bucketRetention`
   * regardless. Applies to the group `AuditTrail` creates (ignored when `AuditTrail` is given a
   * `trailLogGroup`) and, under `PlatformMonitoring`, to the group `CentralLogging` creates for the trail.
   *
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly trailLogGroupRetention?: logs.RetentionDays;

  /**
   * Record the invocations of every Lambda function in the account (current and future), in every
   * region the trail covers, instead of `lambdaFunctions`.
   *
   * Cost: data events are charged per event delivered ($0.10 per 100,000 at the time of writing),
   * so every invocation of every function is billed, plus CloudWatch Logs ingestion ($0.50 per GB)
   * for the log group and S3 storage. 10 million invocations a month cost about $10 in CloudTrail
   * alone; a busy event-driven account can reach hundreds of dollars a month.
   *
   * @default false
   */
  readonly logAllLambdaDataEvents?: boolean;

  /**
   * CloudTrail Insights types to enable (unusual API call rate or error rate). Billed per 100,000
   * write management events analyzed per insight type.
   *
   * @default - no Insights
   */
  readonly insightTypes?: cloudtrail.InsightType[];

  /**
   * Whether the trail records every account of the AWS Organization. The stack must be deployed
   * in the management account, with trusted access for CloudTrail enabled in Organizations.
   * Requires `organizationId`; set `managementAccountId` too, so a deploy from another account
   * is refused before anything is created.
   *
   * A CloudTrail delegated administrator account is not supported: AWS makes the management
   * account the owner of an organization trail a delegated administrator creates, so the trail's
   * ARN names the management account and the bucket and key policies, scoped to this stack's
   * account, would refuse CloudTrail.
   *
   * @default false
   */
  readonly isOrganizationTrail?: boolean;

  /**
   * The organization's management account id (12 digits). With `isOrganizationTrail`, the stack's
   * account must be this one: a literal stack account is checked at synth, an environment-agnostic
   * one by a CloudFormation rule when the stack is created or updated.
   *
   * @default - not checked (a synth warning says so)
   */
  readonly managementAccountId?: string;

  /**
   * The organization id (`o-...`): member accounts' log files are written under
   * `AWSLogs/<organizationId>/`, which the bucket policy allows. Required if `isOrganizationTrail`.
   *
   * @default - none
   */
  readonly organizationId?: string;

  /**
   * The trail bucket's name.
   *
   * @default - `<project>-cloudtrail-logs-<account-id>` in PROD, `<project>-<env>-cloudtrail-logs-<account-id>` elsewhere
   */
  readonly bucketName?: string;

  /**
   * How long log files (and their noncurrent versions) stay in the trail bucket before they
   * expire. They move to Standard-IA after 30 days and to Glacier Flexible Retrieval after 90.
   * Must be at least `requiredAuditRetention` and `objectLockRetention`.
   *
   * @default Duration.days(2557) (7 years)
   */
  readonly bucketRetention?: Duration;

  /**
   * The retention your audit policy requires (for example 1 year for PCI DSS, 6 years for HIPAA
   * documentation). Synth fails if `bucketRetention` is shorter.
   *
   * @default - no requirement beyond `bucketRetention`
   */
  readonly requiredAuditRetention?: Duration;

  /**
   * Turn on S3 Object Lock in compliance mode with this default retention: no one, including
   * the root user, can delete or overwrite a log file version before it ends. Object Lock can only
   * be set when the bucket is created; a replication destination must also have Object Lock.
   *
   * @default - no Object Lock
   */
  readonly objectLockRetention?: Duration;

  /**
   * A bucket (normally in another region) the trail bucket is replicated to, versioned.
   *
   * @default - no replication
   */
  readonly replicationDestination?: s3.IBucket;

  /**
   * The KMS key of the replication destination's region that encrypts the replicas. Required if
   * `replicationDestination` is set (the trail's log files are SSE-KMS encrypted).
   *
   * @default - none
   */
  readonly replicationDestinationKey?: kms.IKey;
}
