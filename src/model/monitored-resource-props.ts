import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DmsReplicationTask, MonitoredHttpApi, MonitoredRestApiStage } from './monitored-resources';

/*
 * The lists of what is monitored, declared once: `PlatformMonitoringProps` and `PlatformAlarmsProps`
 * take all of them (`MonitoredResourceProps`), each other part the groups it reads. Where a resource
 * of another account or Region may be listed is one rule for every list (docs/many-accounts.md).
 */

/**
 * The Lambda functions to monitor. `CentralLogging` (log groups and error metric filters) and
 * `AuditTrail` (invoke data events) read `lambdaFunctions` only; `PlatformAlarms` and
 * `ApiPerformanceDashboard` both lists.
 */
export interface MonitoredFunctionsProps {
  /**
   * The Lambda functions of the platform: each gets an encrypted log group with an error metric
   * filter (`CentralLogging`), Lambda invoke data events in the trail (`AuditTrail`), its errors and
   * throttles in the platform sums (`PlatformAlarms`) and its graphs (`ApiPerformanceDashboard`).
   * Functions of this stack's account and Region only: list functions of source accounts in
   * `lambdaFunctionArns`.
   *
   * @default - none (the alarms and graphs read the account-wide Lambda metrics)
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
   * alarms (`PlatformAlarms`, `PlatformMonitoring`) the Region must be the stack's (an alarm
   * watches metrics of its own Region); a dashboard alone graphs any Region. An ARN of this stack's
   * account and Region is refused: list that function in `lambdaFunctions`.
   *
   * @default - none
   * @experimental
   */
  readonly lambdaFunctionArns?: string[];
}

/**
 * The API Gateway stages to monitor. `CentralLogging` reads `restApis` only (their access logs);
 * `PlatformAlarms` and `ApiPerformanceDashboard` every list.
 */
export interface MonitoredApisProps {
  /**
   * REST APIs to monitor (metrics by `ApiName` and the deployment stage, so each needs a
   * `deploymentStage`: list imported APIs in `restApiStages`): 5xx and p99 latency alarms, graphs,
   * and, with `restApiAccessLogs` on, access logs of their deployment stages in the platform's
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
}

/**
 * The data pipeline to monitor: DMS tasks, Batch queues and Glue crawlers and jobs. Read by
 * `PlatformAlarms`, `PlatformEvents` and `DataPipelineDashboard`.
 */
export interface MonitoredPipelineProps {
  /**
   * DMS replication tasks to monitor: latency and throughput per task, host health per replication
   * instance, and (with event capture on) their `DMS Replication Task State Change` events in the
   * platform events log group and the "Recent DMS task state changes" table.
   *
   * @default - none (the events of every task of the account and Region are still captured)
   */
  readonly dmsReplicationTasks?: DmsReplicationTask[];

  /**
   * AWS Batch job queues to monitor: each gets a dashboard row of AWS Batch's native `AWS/Batch`
   * metrics (per queue name), and with event capture on only their state changes are delivered and
   * counted. Each is a queue name (`etl-queue`) or a queue ARN
   * (`arn:aws:batch:<region>:<account>:job-queue/etl-queue`). A name stands for the queue of that
   * name in this stack's account and Region.
   *
   * State-change events carry the ARN and are only delivered in the queue's own account and Region.
   * So an ARN of another account (a source account linked to this monitoring account, same Region)
   * is watched through its `AWS/Batch` metrics only, read with its account ID: per-queue graphs,
   * and its own `batch-<account>-<queue>-job-failures` alarm; `PlatformEvents` alone refuses it. An
   * ARN of another Region is refused.
   *
   * @default - every queue's events, no per-queue rows
   */
  readonly batchJobQueues?: string[];

  /**
   * Glue crawlers whose runs are counted, broken down per crawler, each a crawler name or a crawler
   * ARN (`arn:aws:glue:<region>:<account>:crawler/<name>`). When given, only these crawlers' events
   * are delivered and counted. Crawlers of this account and Region only: crawlers publish no
   * CloudWatch metrics, and their events stay in their account and Region (watch them with a
   * `PlatformMonitoring` there).
   *
   * @default - every crawler of the account and Region, without a per-crawler breakdown
   */
  readonly glueCrawlerNames?: string[];

  /**
   * Glue jobs whose runs are counted (broken down per job) and whose task metrics go on the
   * data-pipeline dashboard, each a job name or a job ARN (`arn:aws:glue:<region>:<account>:job/<name>`).
   * When given, only these jobs' events are delivered and counted.
   *
   * A job of a source account (linked to this monitoring account, same Region) is given by ARN: its
   * `Glue` job metrics are read with its account ID (graphs, and a `glue-<account>-<job>-failed-tasks`
   * alarm); its events stay in its account (`PlatformEvents` alone refuses it). An ARN of another
   * Region is refused.
   *
   * @default - every job of the account and Region, without a per-job breakdown
   */
  readonly glueJobNames?: string[];
}

/**
 * Every list of what is monitored: the functions, the API stages and the data pipeline. Where a
 * resource of another account or Region may be listed is decided by one rule for every list (see
 * docs/many-accounts.md): another Region is refused wherever an alarm, event rule, log group or
 * metric filter would be created for it (a dashboard alone graphs other Regions for the lists whose
 * entries carry one), and another account is read through cross-account observability where the
 * service publishes metrics.
 */
export interface MonitoredResourceProps extends MonitoredFunctionsProps, MonitoredApisProps, MonitoredPipelineProps {}
