import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CisBenchmarkVersion, CisControl } from './alerts/cis-controls';
import { PlatformAlarmOptions } from './alerts/platform-alarms-props';
import { DeploymentEnvironment } from './environment';
import { LogGroupPlacement } from './logging/log-group-placement';
import { ServiceLogGroupMode } from './logging/service-log-group-mode';
import { MlMetricAlarmDefinition } from './metrics/ml-alarms';
import { MlComponent } from './metrics/ml-component';
import { DmsReplicationTask, MonitoredHttpApi, MonitoredRestApiStage } from './metrics/monitored-resources';

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
   * The deployment environment.
   *
   * @default DeploymentEnvironment.PROD
   */
  readonly environment?: DeploymentEnvironment;

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
   * filter, alarms, dashboard widgets and Lambda invoke data events in the trail.
   *
   * @default - none
   */
  readonly lambdaFunctions?: lambda.IFunction[];

  /**
   * REST APIs to monitor (metrics by `ApiName` and the deployment stage). When
   * `restApiAccessLogs` is on, their deployment stages write access logs to the platform's
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
   * DMS replication tasks to monitor (latency and throughput).
   *
   * @default - none
   */
  readonly dmsReplicationTasks?: DmsReplicationTask[];

  /**
   * AWS Batch job queues whose job state changes are counted, broken down per queue: each a queue
   * name (`etl-queue`) or a queue ARN (`arn:aws:batch:<region>:<account>:job-queue/etl-queue`). A
   * name stands for the queue of that name in this stack's account and region (state-change events
   * carry the ARN, and are only delivered in the queue's own account and region, so an ARN of
   * another region or account is refused). When given, only these queues' events are delivered and
   * counted.
   *
   * @default - every queue of the account and region, without a per-queue breakdown
   */
  readonly batchJobQueues?: string[];

  /**
   * Glue crawlers whose runs are counted, broken down per crawler. When given, only these
   * crawlers' events are delivered and counted.
   *
   * @default - every crawler of the account and region, without a per-crawler breakdown
   */
  readonly glueCrawlerNames?: string[];

  /**
   * Glue jobs whose runs are counted (broken down per job) and whose task metrics go on the
   * data-pipeline dashboard. When given, only these jobs' events are delivered and counted.
   *
   * @default - every job of the account and region, without a per-job breakdown
   */
  readonly glueJobNames?: string[];

  /**
   * The platform's ML components and their custom metrics (dashboard sections, and what
   * `mlAlarms` refer to).
   *
   * @default MlMetricCatalog.defaultComponents()
   */
  readonly mlComponents?: MlComponent[];

  // ---------------------------------------------------------------- logging

  /**
   * How long the platform's log groups keep their events. Must be a finite value that CloudWatch
   * Logs accepts.
   *
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * Whether to create each function's `/aws/lambda/<name>` group, or to use the group that already
   * exists (created by Lambda on the function's first run, before this construct was added).
   *
   * By default it depends on where the function comes from, so that the first deploy succeeds: an
   * imported function (`fromFunctionName`, `fromFunctionArn`, `fromFunctionAttributes`) already
   * runs, so its group is referenced (`USE_EXISTING`); a function defined in the app gets a new,
   * encrypted group (`CREATE`). A mode set here applies to every function.
   *
   * @default - `CREATE` for functions defined in the app, `USE_EXISTING` for imported functions
   */
  readonly lambdaLogGroupMode?: ServiceLogGroupMode;

  /**
   * Where the per-function log groups and metric filters are created.
   *
   * @default LogGroupPlacement.NESTED_STACKS - from the first function, so adding functions never moves a group
   */
  readonly lambdaLogGroupPlacement?: LogGroupPlacement;

  /**
   * The log group AWS Batch jobs write to.
   *
   * @default '/aws/batch/job'
   */
  readonly batchLogGroupName?: string;

  /**
   * Whether to create the Batch log group or use the one that already exists.
   *
   * @default ServiceLogGroupMode.CREATE
   */
  readonly batchLogGroupMode?: ServiceLogGroupMode;

  /**
   * Sets access logging (destination: the platform's access-log group; format:
   * `PlatformMonitoring.apiAccessLogFormat()`) on the deployment stage of each of `restApis` that
   * has none yet and is defined in the same stack. A stage of another stack is left unchanged
   * (changing it would make each stack depend on the other) and a warning gives the code to add
   * in the API's stack (`ApiAccessLogDestination`).
   *
   * @default true
   */
  readonly restApiAccessLogs?: boolean;

  /**
   * Requests slower than this are listed by the saved query "Find slow API requests".
   *
   * @default Duration.seconds(1)
   */
  readonly slowApiRequestThreshold?: Duration;

  // ---------------------------------------------------------------- audit

  /**
   * The data-lake bucket whose object-level (S3 data) events the audit trail records.
   *
   * @default - no S3 data events
   */
  readonly dataLakeBucket?: s3.IBucket;

  /**
   * Record invoke data events of every Lambda function in the account instead of only
   * `lambdaFunctions`. Data events cost $0.10 per 100,000 events: on busy accounts this can be the
   * largest line of the trail's bill. Required above 249 functions (CloudTrail's limit of 250
   * data resources per trail).
   *
   * @default false
   */
  readonly logAllLambdaDataEvents?: boolean;

  /**
   * How long the CloudTrail log group keeps events (what the CIS security alarms and the CloudTrail
   * saved queries read). The same default applies when `AuditTrail` or `CentralLogging` is used
   * alone; the trail bucket keeps the log files for `trailBucketRetention` regardless.
   *
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly trailLogGroupRetention?: logs.RetentionDays;

  /**
   * CloudTrail Insights types (API call rate, API error rate) to enable. Billed per event analyzed.
   *
   * @default - no Insights
   */
  readonly trailInsightTypes?: cloudtrail.InsightType[];

  /**
   * Make the trail an organization trail (deploy in the management account or a delegated
   * administrator account; requires `organizationId`).
   *
   * @default false
   */
  readonly isOrganizationTrail?: boolean;

  /**
   * The AWS Organizations id (`o-...`) of an organization trail.
   *
   * @default - none (required when `isOrganizationTrail` is true)
   */
  readonly organizationId?: string;

  /**
   * The trail bucket's name.
   *
   * @default - `<project>-cloudtrail-logs-<account-id>` in PROD, `<project>-<env>-cloudtrail-logs-<account-id>` elsewhere
   */
  readonly trailBucketName?: string;

  /**
   * How long trail log files are kept in S3 before they expire (moving to Infrequent Access
   * after 30 days and Glacier after 90).
   *
   * @default Duration.days(2557) (7 years)
   */
  readonly trailBucketRetention?: Duration;

  /**
   * The audit retention your policy requires; synth fails if `trailBucketRetention` is shorter.
   *
   * @default - no requirement beyond `trailBucketRetention`
   */
  readonly requiredAuditRetention?: Duration;

  /**
   * Turn on S3 Object Lock in compliance mode with this default retention for the trail bucket
   * (tamper-proof audit logs: nobody, root included, can delete them before it elapses).
   *
   * @default - no Object Lock
   */
  readonly objectLockRetention?: Duration;

  /**
   * A bucket in another region to replicate trail log files to (requires
   * `replicationDestinationKey`).
   *
   * @default - no replication
   */
  readonly replicationDestination?: s3.IBucket;

  /**
   * The KMS key that encrypts replicas in `replicationDestination`.
   *
   * @default - none (required with `replicationDestination`)
   */
  readonly replicationDestinationKey?: kms.IKey;

  // ---------------------------------------------------------------- alerts

  /**
   * Email addresses subscribed to the alert topic. Each recipient must confirm the subscription
   * from the email AWS sends after deployment.
   *
   * @default - no subscriptions
   */
  readonly alertEmails?: string[];

  /**
   * Thresholds, periods, evaluation periods and runbook links of each kind of alarm.
   *
   * @default - the documented defaults
   */
  readonly alarmOptions?: PlatformAlarmOptions;

  /**
   * Alert on the account-wide Lambda `Errors` metric instead of the sum over `lambdaFunctions`
   * (exact for any number of functions, but counts every function in the account and region).
   *
   * @default false
   */
  readonly lambdaAlarmsAccountWide?: boolean;

  /**
   * The CIS AWS Foundations Benchmark security alarms on the CloudTrail log group.
   *
   * @default - true in PROD, false elsewhere
   */
  readonly securityAlarms?: boolean;

  /**
   * CIS controls to leave out of the security alarms.
   *
   * @default - none
   */
  readonly disabledCisControls?: CisControl[];

  /**
   * The CIS AWS Foundations Benchmark version whose filter patterns the security alarms use.
   *
   * @default CisBenchmarkVersion.V1_2_0 - the exact patterns Security Hub's CloudWatch.1-14 controls check
   */
  readonly cisBenchmarkVersion?: CisBenchmarkVersion;

  /**
   * The composite "platform health" alarm: ALARM when any other non-security alarm is.
   *
   * @default true
   */
  readonly platformHealthAlarm?: boolean;

  /**
   * Alarms on ML metrics (e.g. forecast accuracy below a floor), notifying the alert topic.
   *
   * @default - none
   */
  readonly mlAlarms?: MlMetricAlarmDefinition[];
}
