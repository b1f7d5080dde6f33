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
   * How long the trail's CloudWatch Logs group keeps events (what the CIS security alarms and the
   * CloudTrail saved queries read). The trail bucket keeps the log files for `bucketRetention`
   * regardless. Applies to the group `AuditTrail` creates (ignored when `AuditTrail` is given a
   * `logGroup`) and, under `PlatformMonitoring`, to the group `CentralLogging` creates for the trail.
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
   * in the management account (or a CloudTrail delegated administrator account) with trusted
   * access for CloudTrail enabled in Organizations. Requires `organizationId`.
   *
   * @default false
   */
  readonly isOrganizationTrail?: boolean;

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
