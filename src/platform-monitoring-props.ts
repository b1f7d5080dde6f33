import { RemovalPolicy } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AlarmOptions } from './alarms/alarm-options';
import { AuditOptions } from './audit/audit-options';
import { DeploymentEnvironment } from './core/environment';
import { CrossAccountAlertOptions } from './cross-account/cross-account-alert-options';
import { DashboardOptions } from './dashboards/dashboard-props';
import { LoggingOptions } from './logging/logging-options';
import { MlComponent } from './metrics/ml-component';
import { DmsReplicationTask, MonitoredHttpApi, MonitoredRestApiStage } from './model/monitored-resources';
import { AlertRecipients } from './notifications/alert-recipients';

/**
 * Properties of `PlatformMonitoring`.
 */
export interface PlatformMonitoringProps {
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

  // ---------------------------------------------------------------- what is monitored

  /**
   * The Lambda functions of the platform: each gets an encrypted log group with an error metric
   * filter, alarms, dashboard widgets and Lambda invoke data events in the trail. Functions of this
   * stack's account only: list functions of source accounts in `lambdaFunctionArns`.
   *
   * @default - none
   */
  readonly lambdaFunctions?: lambda.IFunction[];

  /**
   * Lambda functions of other (source) accounts, by ARN
   * (`arn:aws:lambda:<region>:<account>:function:<name>`, unqualified), watched through CloudWatch
   * cross-account observability (the source account linked to this account's sink: see
   * `SourceAccountLink`). The account and Region are read from the ARN. Their errors and throttles
   * join the platform sums (metric queries with `AccountId`), their graphs carry the account ID and
   * the "Recent Lambda errors" widgets query their log groups in the source account. No log group,
   * metric filter or trail selector is created for them: their logs stay in their account. With
   * the platform's alarms on, the Region must be the stack's (an alarm watches metrics of its own
   * Region). An ARN of this stack's account is refused: list that function in `lambdaFunctions`.
   *
   * @default - none
   * @experimental
   */
  readonly lambdaFunctionArns?: string[];

  /**
   * REST APIs to monitor (metrics by `ApiName` and the deployment stage). When
   * `logging.restApiAccessLogs` is on, their deployment stages write access logs to the platform's
   * access-log group.
   *
   * @default - none
   */
  readonly restApis?: apigateway.IRestApi[];

  /**
   * REST API stages given by name, for imported APIs or stages other than the deployment stage.
   *
   * @default - none
   */
  readonly restApiStages?: MonitoredRestApiStage[];

  /**
   * API Gateway HTTP APIs (v2) to monitor (metrics by `ApiId` and `Stage`).
   *
   * @default - none
   */
  readonly httpApis?: MonitoredHttpApi[];

  /**
   * DMS replication tasks to monitor: latency and throughput per task, host health per replication
   * instance, and (with `alarms.eventCapture` on) their `DMS Replication Task State Change` events
   * in the platform events log group and the "Recent DMS task state changes" table.
   *
   * @default - none (the events of every task of the account and region are still captured)
   */
  readonly dmsReplicationTasks?: DmsReplicationTask[];

  /**
   * AWS Batch job queues to monitor: each gets a dashboard row of AWS Batch's native `AWS/Batch`
   * metrics (per queue name), and with event capture on only their state changes are counted. Each is a queue
   * name (`etl-queue`) or a queue ARN (`arn:aws:batch:<region>:<account>:job-queue/etl-queue`). A
   * name stands for the queue of that name in this stack's account and region. When given, only
   * these queues' events are delivered and counted.
   *
   * State-change events carry the ARN and are only delivered in the queue's own account and region.
   * So an ARN of another account (a source account linked to this monitoring account, same region)
   * is watched through its `AWS/Batch` metrics only, read with its account ID: per-queue graphs,
   * and its own `batch-<account>-<queue>-job-failures` alarm; no event of it ever arrives here. An
   * ARN of another region is refused.
   *
   * @default - every queue's events, no per-queue rows
   */
  readonly batchJobQueues?: string[];

  /**
   * Glue crawlers whose runs are counted, broken down per crawler. When given, only these
   * crawlers' events are delivered and counted. Crawlers of this account only: a crawler ARN of
   * another account is refused (crawlers publish no CloudWatch metrics, and their events stay in
   * their account: watch them with a `PlatformMonitoring` there).
   *
   * @default - every crawler of the account and region, without a per-crawler breakdown
   */
  readonly glueCrawlerNames?: string[];

  /**
   * Glue jobs whose runs are counted (broken down per job) and whose task metrics go on the
   * data-pipeline dashboard. When given, only these jobs' events are delivered and counted.
   *
   * A job of a source account (linked to this monitoring account, same region) is given by ARN
   * (`arn:aws:glue:<region>:<account>:job/<name>`): its `Glue` job metrics are read with its
   * account ID (graphs, and a `glue-<account>-<job>-failed-tasks` alarm); its events stay in its
   * account.
   *
   * @default - every job of the account and region, without a per-job breakdown
   */
  readonly glueJobNames?: string[];

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
   * key policies trust their CloudWatch alarms (see README "Many accounts").
   *
   * @default - only this account's alarms may publish
   * @experimental
   */
  readonly crossAccountAlerts?: CrossAccountAlertOptions;
}
