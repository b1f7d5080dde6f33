import { RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AlarmOptions } from './alarms/alarm-options';
import { AuditOptions } from './audit/audit-options';
import { DeploymentEnvironment } from './core/environment';
import { CrossAccountAlertOptions } from './cross-account/cross-account-alert-options';
import { DashboardOptions } from './dashboards/dashboard-props';
import { LoggingOptions } from './logging/logging-options';
import { MlComponent } from './metrics/ml-component';
import { MonitoredResourceProps } from './model/monitored-resource-props';
import { AlertRecipients } from './notifications/alert-recipients';

/**
 * Properties of `PlatformMonitoring`: what is monitored (`MonitoredResourceProps`: every part reads
 * these lists), and the options of each part.
 */
export interface PlatformMonitoringProps extends MonitoredResourceProps {
  // ---------------------------------------------------------------- identity and encryption

  /**
   * The project name. It names every resource (buckets, topic, dashboards, alarms), prefixes alarm
   * names and is the namespace of the platform's custom metrics.
   *
   * 1-34 lowercase letters, digits and hyphens, starting and ending with a letter or digit.
   */
  readonly projectName: string;

  /**
   * The deployment environment: part of every name the platform creates, and it decides what is
   * retained. PROD retains audit data and refuses `RemovalPolicy.DESTROY`; DEV and STAGING accept
   * it, for a platform you can tear down with `cdk destroy`.
   *
   * Required: there is no safe default (PROD retains what a first try leaves behind; DEV would
   * name a production platform as a development one).
   */
  readonly environment: DeploymentEnvironment;

  /**
   * End the names that are global to the account or to AWS (the dashboards, the trail and the trail bucket) with `-<region>` (the stack's Region, which must be literal), so that a platform
   * of the same project and environment can be deployed in another Region of the account.
   * Dashboard names and multi-Region trail names are unique per account, and bucket names across
   * every account: without this, a second Region's platform collides with the first.
   *
   * Changing it on a deployed platform renames (replaces) those resources: set it only on the
   * platforms of the other Regions.
   *
   * @default false
   */
  readonly regionInNames?: boolean;

  /**
   * The KMS key that encrypts logs, the audit trail and the alert topic.
   *
   * A key imported from outside the app cannot have its policy changed: a synth warning lists the
   * statements to add.
   *
   * @default - a new customer-managed key with rotation enabled
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * What happens to stateful resources (the key, log groups, buckets) when they leave the stack.
   *
   * `RemovalPolicy.DESTROY` is accepted in DEV and STAGING only: in PROD, audit data is always
   * retained. `SNAPSHOT` is not supported by these resources.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  // ---------------------------------------------------------------- what is monitored (and MonitoredResourceProps)

  /**
   * The platform's ML components and their custom metrics (dashboard sections, and what
   * `alarms.mlAlarms` refer to). The ML performance dashboard and the anomaly-detection alarms
   * exist only when at least one component is listed.
   *
   * @default - none: no ML dashboard and no ML alarms
   */
  readonly mlComponents?: MlComponent[];

  // ---------------------------------------------------------------- logging, audit, alerts

  /**
   * How long the platform's log groups keep their events (the CloudTrail group has its own:
   * `audit.trailLogGroupRetention`). Must be a finite value that CloudWatch Logs accepts.
   *
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * The data-lake bucket whose object-level (S3 data) events the audit trail records.
   *
   * @default - no S3 data events
   */
  readonly dataLakeBucket?: s3.IBucket;


  // ---------------------------------------------------------------- options of each part

  /**
   * How the log groups are created and used (Lambda and Batch groups, API access logs, saved
   * query settings): the options `CentralLogging` takes.
   *
   * @default - the documented defaults of each option
   */
  readonly logging?: LoggingOptions;

  /**
   * How the audit trail is set up (data events, Insights, organization trail, bucket, retention,
   * Object Lock, replication): the options `AuditTrail` takes.
   *
   * @default - the documented defaults of each option
   */
  readonly audit?: AuditOptions;

  /**
   * Which alarms exist, how each is tuned and who is told (extra action strategies, security and
   * ML alarms, the platform-health composite): the options `PlatformAlarms` takes.
   *
   * @default - the documented defaults of each option
   */
  readonly alarms?: AlarmOptions;

  /**
   * The period and time range of the three dashboards.
   *
   * @default - the documented defaults of each option
   */
  readonly dashboards?: DashboardOptions;

  /**
   * Everyone the alarms reach: `emails` (every alarm, on the alert topic), `criticalEmails` and
   * `warningEmails` (one severity each, on its own encrypted topic), and Slack or Microsoft Teams
   * channels (AWS Chatbot) told about every alarm or one severity. `emails` is what `AlertTopic`
   * takes, the others what `AlertRouting` takes; alarm severities themselves are set in `alarms`
   * (`AlarmSettings.severity`). A STAGING or PROD platform needs at least one recipient (here or
   * in `alarms`), unless `alarms.allowNoRecipients` is set.
   *
   * @default - nobody: every alarm notifies the alert topic, which nothing subscribes to
   */
  readonly recipients?: AlertRecipients;

  /**
   * Alarms of other (source) accounts that may notify this platform's alert topic: the topic and
   * key policies trust their CloudWatch alarms (see docs/many-accounts.md).
   *
   * @default - only this account's alarms may publish
   * @experimental
   */
  readonly crossAccountAlerts?: CrossAccountAlertOptions;
}
