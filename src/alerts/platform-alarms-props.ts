import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { IAlarmActionStrategy } from './alarm-action-strategy';
import { AlarmOptions } from './alarm-options';
import { CisBenchmarkVersion, CisControl } from './cis-controls';
import { DeploymentEnvironment } from '../environment';
import { DmsReplicationTask, MonitoredHttpApi, MonitoredRestApiStage } from '../metrics/monitored-resources';

/**
 * Properties of `PlatformAlarms`. Every alarm's threshold, period, evaluation periods and datapoints
 * can be overridden through its `AlarmOptions` prop (`enabled: false` removes it).
 */
export interface PlatformAlarmsProps extends PlatformAlarmOptions {
  /** The project name: alarm names are `<projectName>-<environment>-<key>`. */
  readonly projectName: string;

  /**
   * The deployment environment.
   *
   * @default DeploymentEnvironment.PROD
   */
  readonly environment?: DeploymentEnvironment;

  /**
   * The alert topic every alarm notifies on ALARM and OK. Ignored if `actionStrategy` is set.
   *
   * @default - no notifications (unless `actionStrategy` is set)
   */
  readonly alertTopic?: sns.ITopic;

  /**
   * What every alarm does on each state change.
   *
   * @default - `SnsAlarmActionStrategy` for `alertTopic` (ALARM and OK)
   */
  readonly actionStrategy?: IAlarmActionStrategy;

  /** DMS replication tasks: replication lag and source latency alarms per task. @default - none */
  readonly dmsReplicationTasks?: DmsReplicationTask[];

  /** REST APIs (metrics by `ApiName` + `deploymentStage.stageName`): 5xx and p99 latency alarms per API. @default - none */
  readonly restApis?: apigateway.IRestApi[];

  /** REST API stages by name (imported APIs, or stages other than the deployment stage). @default - none */
  readonly restApiStages?: MonitoredRestApiStage[];

  /** HTTP APIs (v2) and their stage: `5xx` and p99 latency alarms per API. @default - none */
  readonly httpApis?: MonitoredHttpApi[];

  /** Lambda functions whose errors and throttles are summed. @default - none: account-wide metrics */
  readonly lambdaFunctions?: lambda.IFunction[];

  /**
   * Alarm on the account-wide Lambda metrics even when functions are listed: exact for any number
   * of functions, but includes functions outside the platform.
   *
   * @default false
   */
  readonly lambdaAlarmsAccountWide?: boolean;

  /**
   * The encrypted log group (under `/aws/events/`) for Batch and Glue state-change events. When set,
   * a `PlatformEvents` is created on it and the Batch and Glue failure alarms are added.
   *
   * @default - no Batch or Glue alarms
   */
  readonly eventsLogGroup?: logs.ILogGroup;

  /**
   * Batch job queues, as names or ARNs, to limit and break down Batch events by (a name is the
   * queue of that name in this stack's account and region). Ignored without `eventsLogGroup`.
   *
   * @default - all queues
   */
  readonly batchJobQueues?: string[];

  /** Glue crawlers to limit and break down crawler events by. Ignored without `eventsLogGroup`. @default - all crawlers */
  readonly glueCrawlerNames?: string[];

  /** Glue jobs to limit and break down job events by. Ignored without `eventsLogGroup`. @default - all jobs */
  readonly glueJobNames?: string[];

  /**
   * The CloudTrail log group for the CIS security alarms.
   *
   * @default - no security alarms
   */
  readonly cloudTrailLogGroup?: logs.ILogGroup;

  /**
   * Create the CIS security alarms (needs `cloudTrailLogGroup`). They fire on every security-group,
   * route or IAM policy change, which is routine in development accounts.
   *
   * @default - true in PROD, false elsewhere
   */
  readonly securityAlarms?: boolean;

  /** CIS controls to leave out. @default - none */
  readonly disabledCisControls?: CisControl[];

  /**
   * The CIS AWS Foundations Benchmark version whose filter patterns the security alarms use.
   *
   * @default CisBenchmarkVersion.V1_2_0 - the exact patterns Security Hub's CloudWatch.1-14 controls check
   */
  readonly cisBenchmarkVersion?: CisBenchmarkVersion;

  /** Composite "platform health" alarm: ALARM when any other (non-security, non-ML) alarm is; no actions by default. @default true */
  readonly platformHealthAlarm?: boolean;
}

/**
 * Per-alarm settings (threshold, period, evaluation periods, missing data, runbook, enabled) for
 * each kind of platform alarm. Anything not set keeps its default.
 */
export interface PlatformAlarmOptions {
  /**
   * DMS replication lag: `CDCLatencyTarget` Maximum > 300 s in 3 of 3 periods of 5 min; missing data
   * is breaching (a stopped or deleted task publishes nothing). @default - defaults
   */
  readonly dmsReplicationLag?: AlarmOptions;
  /** DMS source latency: `CDCLatencySource` Maximum > 300 s, 1 period of 5 min, missing data not breaching. @default - defaults */
  readonly dmsSourceLatency?: AlarmOptions;
  /** Lambda errors: Sum > 10 in 5 min (per group of 10 functions), missing data not breaching. @default - defaults */
  readonly lambdaErrors?: AlarmOptions;
  /** Lambda throttles: Sum > 5 in 5 min (per group of 10 functions), missing data not breaching. @default - defaults */
  readonly lambdaThrottles?: AlarmOptions;
  /** API Gateway server errors: `5XXError` / `5xx` Sum > 5 in 5 min per API. @default - defaults */
  readonly apiGateway5xx?: AlarmOptions;
  /** API Gateway latency: `Latency` p99 > 3000 ms in 3 of 3 periods of 5 min per API. @default - defaults */
  readonly apiLatencyP99?: AlarmOptions;
  /** Batch job failures: `Batch.JobsFailed` Sum >= 1 in 5 min. @default - defaults */
  readonly batchJobFailures?: AlarmOptions;
  /** Glue crawler failures: `Glue.CrawlerRunsFailed` Sum >= 1 in 5 min. @default - defaults */
  readonly glueCrawlerFailures?: AlarmOptions;
  /** Glue job failures: `Glue.JobRunsFailed` + `Glue.JobRunsTimedOut` >= 1 in 5 min. @default - defaults */
  readonly glueJobFailures?: AlarmOptions;

  /**
   * What the composite "platform health" alarm does on state changes, e.g.
   * `new SnsAlarmActionStrategy({ topics: [pagerTopic] })` to page once per incident. Every input
   * alarm already notifies the alert topic, so synth fails if these actions include one of theirs
   * (each incident would be sent twice).
   *
   * @default - none: the composite is a health signal (dashboards, `DescribeAlarms`), its inputs notify
   */
  readonly platformHealthActions?: IAlarmActionStrategy;
}
