import { AlarmSettings } from './alarm-settings';
import { MlMetricAlarmDefinition } from './ml-alarm-definition';
import { MlAnomalyAlarmOptions } from './ml-alarms';
import { PlatformHealthAlarmOptions } from './platform-health-options';
import { SecurityAlarmOptions } from './security-alarm-options';
import { EventsDeliveryPolicy } from '../events/events-delivery-policy';
import { IAlarmActionStrategy } from '../notifications/alarm-action-strategy';
import { MaintenanceWindow } from '../notifications/maintenance-window';
import { SeverityRoutingOptions } from '../notifications/severity-routing-options';

/**
 * Which alarms the platform has, how each is tuned, and who is told.
 *
 * Declared once: `PlatformAlarms` takes these as part of its props, and `PlatformMonitoring` as
 * `alarms`. Every kind of alarm has an `AlarmSettings` member (threshold, period, evaluation
 * periods, missing data, runbook; `enabled: false` removes it); the README's alarm table lists
 * each one's defaults, severity included; the families switched as a whole (`securityAlarms`,
 * `platformHealth`, `mlAnomalyAlarms`) are objects with `enabled` too. Every alarm notifies the alert topic and `actions`; alarms
 * of one severity also take `criticalActions` or `warningActions`.
 */
export interface AlarmOptions extends SeverityRoutingOptions, MlAnomalyAlarmOptions {
  /**
   * Further action strategies applied to every alarm (platform, security and ML alarms), after the
   * alert topic's notifications: for example an `SnsAlarmActionStrategy` for a pager topic, or your
   * own `IAlarmActionStrategy` (ticketing, Systems Manager OpsItems). Each alarm state accepts at
   * most 5 actions in all: synth fails beyond that.
   *
   * @default - none: only the alert topic is notified (on ALARM and OK)
   */
  readonly actions?: IAlarmActionStrategy[];

  /**
   * Notify the alert topic on ALARM and OK. Set to false to route alarms only through `actions`.
   * Ignored without an alert topic (`PlatformAlarms` with no `alertTopic`).
   *
   * @default true
   */
  readonly notifyAlertTopic?: boolean;

  /**
   * Let a `PlatformMonitoring` in STAGING or PROD synthesize although no alarm would notify anyone:
   * nothing in `recipients` (no email address or chat channel), no `actions`, `criticalActions` or
   * `warningActions`, and nothing subscribed to the alert topic. Set it when the alert topic's
   * messages reach people another way (a subscription made outside this app). DEV platforms need
   * no recipient. Read by `PlatformMonitoring` only.
   *
   * @default false - synth fails in STAGING and PROD when alarms would notify nobody
   */
  readonly allowNoRecipients?: boolean;

  /**
   * DMS replication lag: `CDCLatencyTarget` Maximum > 300 s in 3 of 3 periods of 5 min; missing data
   * is breaching (a stopped or deleted task publishes nothing).
   *
   * @default - the defaults above
   */
  readonly dmsReplicationLag?: AlarmSettings;

  /**
   * DMS source latency: `CDCLatencySource` Maximum > 300 s, 1 period of 5 min, missing data not breaching.
   *
   * @default - the defaults above
   */
  readonly dmsSourceLatency?: AlarmSettings;

  /**
   * DMS replication instance free storage: `FreeStorageSpace` Minimum < 5 GiB (in bytes) in 2 of 2
   * periods of 5 min, one alarm per replication instance of `dmsReplicationTasks`; missing data not
   * breaching. A full disk stops replication: set the threshold to about a tenth of the instance's
   * allocated storage (the default suits the default 50 GB).
   *
   * @default - the defaults above
   */
  readonly dmsFreeStorage?: AlarmSettings;

  /**
   * Lambda errors: Sum > 10 in 5 min (per group of 10 functions), missing data not breaching.
   *
   * @default - the defaults above
   */
  readonly lambdaErrors?: AlarmSettings;

  /**
   * Lambda throttles: Sum > 5 in 5 min (per group of 10 functions), missing data not breaching.
   *
   * @default - the defaults above
   */
  readonly lambdaThrottles?: AlarmSettings;

  /**
   * API Gateway server errors: `5XXError` (REST) / `5xx` (HTTP) Sum > 5 in 5 min per API.
   *
   * @default - the defaults above
   */
  readonly apiGateway5xx?: AlarmSettings;

  /**
   * API Gateway latency: `Latency` p99 > 3000 ms in 3 of 3 periods of 5 min per API.
   *
   * @default - the defaults above
   */
  readonly apiLatencyP99?: AlarmSettings;

  /**
   * Capture AWS Batch, Glue and DMS replication task state-change events: EventBridge rules
   * deliver them to the platform events log group, where metric filters count the Batch and Glue
   * ones. They feed the `batch-job-failures`, `glue-crawler-failures` and `glue-job-failures`
   * alarms (Glue crawlers publish no metrics, and Glue jobs that fail before Spark starts publish
   * none) and the "Recent Batch job failures" and "Recent DMS task state changes" tables (DMS task
   * events have no alarm: a stopped task's replication-lag alarm reports it). Each captured event
   * is a CloudWatch Logs ingestion (see the README, "What monitoring costs"). When false: no rules and no filters; the Glue failure alarms are not created, and
   * `batch-job-failures` reads AWS Batch's native `JobsMovedToFailed` of the listed
   * `batchJobQueues` instead (at most 10 queues; none listed: no Batch alarm).
   *
   * @default true
   * @experimental what is captured may narrow as AWS publishes more native metrics.
   */
  readonly eventCapture?: boolean;

  /**
   * The CloudWatch Logs resource policy that lets EventBridge write the captured events to the
   * platform events log group. An account holds at most 10 account-level resource policies per
   * Region (not adjustable), so by default every platform of an account and Region shares one,
   * `platform-monitoring-events-to-logs`, created by the app's first platform there (`SHARED`).
   * Set `EXISTING` in an app whose account and Region already have it (another CDK app created
   * it), or `PER_LOG_GROUP` for one of the platform's own. Ignored when `eventCapture` is false.
   *
   * @default EventsDeliveryPolicy.SHARED
   */
  readonly eventsDeliveryPolicy?: EventsDeliveryPolicy;

  /**
   * AWS Batch job failures: `Batch.JobsFailed` Sum >= 1 in 5 min (from the captured events; with
   * `eventCapture` false, the native `AWS/Batch` `JobsMovedToFailed` summed over `batchJobQueues`).
   *
   * @default - the defaults above
   */
  readonly batchJobFailures?: AlarmSettings;

  /**
   * Glue crawler failures: `Glue.CrawlerRunsFailed` Sum >= 1 in 5 min.
   *
   * @default - the defaults above
   */
  readonly glueCrawlerFailures?: AlarmSettings;

  /**
   * Glue job failures: `Glue.JobRunsFailed` + `Glue.JobRunsTimedOut` >= 1 in 5 min.
   *
   * @default - the defaults above
   */
  readonly glueJobFailures?: AlarmSettings;

  /**
   * Alert on the account-wide Lambda `Errors` and `Throttles` metrics instead of the sums over
   * `lambdaFunctions`: exact for any number of functions, but counts every function in the
   * account and region.
   *
   * Without it, above 10 functions the sums are per group of 10 (a metric-math alarm reads at
   * most 10 metrics), each group with its own alarm and the threshold applying per group, up to
   * 1,500 functions: no documented CloudWatch feature sums a longer list in one alarm (see the
   * README, "Many Lambda functions").
   *
   * @default false
   */
  readonly lambdaAlarmsAccountWide?: boolean;

  /**
   * The CIS AWS Foundations Benchmark security alarms on the CloudTrail log group: `enabled`
   * (default: in PROD only, since they fire on every security-group, route or IAM policy change,
   * routine in development accounts), the controls left out, the benchmark version and per-control
   * severities. E.g. `{ enabled: true, disabledCisControls: [CisControl.VPC_CHANGES] }`.
   *
   * @default - on in PROD, off elsewhere; every control, CIS v1.2.0 patterns, the default severities
   */
  readonly securityAlarms?: SecurityAlarmOptions;

  /**
   * The composite "platform health" alarm (ALARM when any DMS, Lambda, API Gateway, Batch or Glue
   * alarm is): `enabled`, and its own `actions` (e.g. a pager, once per incident).
   *
   * @default - created, without actions of its own
   */
  readonly platformHealth?: PlatformHealthAlarmOptions;

  /**
   * Static-threshold alarms on the platform's ML metrics (e.g. forecast accuracy below a floor).
   * Each refers to a metric of the ML components (`mlComponents`). Anomaly-detection alarms need no
   * entry: every catalog metric with `anomalyDetection` gets one (`mlAnomalyAlarms`).
   *
   * @default - none
   */
  readonly mlAlarms?: MlMetricAlarmDefinition[];

  /**
   * Times when alarm actions are muted (CloudWatch alarm mute rules): each window mutes the
   * platform's metric alarms of its severities while it is open. Alarms still change state and
   * show on the dashboards.
   *
   * @default - none: alarms always notify
   * @experimental alarm mute rules are new in CloudWatch and in aws-cdk-lib.
   */
  readonly maintenanceWindows?: MaintenanceWindow[];
}
