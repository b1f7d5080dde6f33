import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AlarmOptions } from './alarm-options';
import { DeploymentEnvironment } from '../core/environment';
import { MlComponent } from '../metrics/ml-component';
import { DmsReplicationTask, MonitoredHttpApi, MonitoredRestApiStage } from '../model/monitored-resources';

/**
 * Properties of `PlatformAlarms`: the resources to watch, where their events and trail logs are,
 * and its `AlarmOptions` (each alarm's `AlarmSettings`, actions, security and ML alarms).
 */
export interface PlatformAlarmsProps extends AlarmOptions {
  /** The project name: alarm names are `<projectName>-<environment>-<key>`. */
  readonly projectName: string;

  /**
   * The deployment environment.
   *
   * @default DeploymentEnvironment.PROD
   */
  readonly environment?: DeploymentEnvironment;

  /**
   * The alert topic every alarm notifies on ALARM and OK (unless `notifyAlertTopic` is false).
   *
   * @default - no topic: alarms take only the `actions`
   */
  readonly alertTopic?: sns.ITopic;

  /**
   * DMS replication tasks: replication lag and source latency alarms per task, a free storage alarm
   * per replication instance; with `eventsLogGroup`, their `DMS Replication Task State Change`
   * events are captured (no alarm).
   *
   * @default - none
   */
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
   * The encrypted log group (under `/aws/events/`) for Batch, Glue and DMS task state-change events.
   * When set (and `eventCapture` is on), a `PlatformEvents` is created on it and the Batch and Glue
   * failure alarms are added (DMS task events get no alarm: see the README).
   *
   * @default - no Batch or Glue alarms
   */
  readonly eventsLogGroup?: logs.ILogGroup;

  /**
   * Batch job queues, as names or ARNs, to limit Batch events to (a name is the queue of that name
   * in this stack's account and region). Ignored without `eventsLogGroup`, except for ARNs of
   * another account (source accounts, same region): each gets its own `AWS/Batch`
   * `JobsMovedToFailed` alarm read with its account ID (their events never arrive here). With
   * `eventCapture` false, the queues whose native `JobsMovedToFailed` the Batch failure alarm sums.
   *
   * @default - all queues
   */
  readonly batchJobQueues?: string[];

  /** Glue crawlers to limit and break down crawler events by. Ignored without `eventsLogGroup`. @default - all crawlers */
  readonly glueCrawlerNames?: string[];

  /**
   * Glue jobs to limit and break down job events by. Ignored without `eventsLogGroup`, except for
   * ARNs of jobs of another account (source accounts, same region): each gets a failed-tasks alarm
   * on its `Glue` job metrics, read with its account ID (their events never arrive here).
   *
   * @default - all jobs
   */
  readonly glueJobNames?: string[];

  /**
   * The CloudTrail log group for the CIS security alarms (`securityAlarms`).
   *
   * @default - no security alarms
   */
  readonly trailLogGroup?: logs.ILogGroup;

  /**
   * The platform's ML components, whose metrics `mlAlarms` refer to and whose metrics with
   * `anomalyDetection` get anomaly-detection alarms.
   *
   * @default - none: no ML alarms
   */
  readonly mlComponents?: MlComponent[];
}
