import { App, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ApiPerformanceDashboard } from '../../src/dashboards/api-performance-dashboard';
import { HttpApiMetrics, RestApiMetrics } from '../../src/metrics/api-gateway-metrics';
import { DmsMetrics } from '../../src/metrics/dms-metrics';
import { GlueJobMetrics } from '../../src/metrics/glue-metrics';
import { LambdaMetrics } from '../../src/metrics/lambda-metrics';
import { BatchJobStatus, GlueCrawlerOutcome, GlueJobOutcome, PlatformEventMetrics } from '../../src/metrics/platform-event-metrics';
import { alarmsOf, allOptionsPlatform, assemblyTemplates } from '../alerts/alarm-fixtures';
import { allMetrics, dashboardBody } from '../dashboards/body';
import { newStack } from '../nag-helpers';

/**
 * What AWS documents each service to publish, written here as literals (never imported from src, so
 * a change in src cannot change what the test expects): per namespace, the dimension sets a metric
 * may be published with, and per metric the statistics AWS names for it (none listed: AWS names none).
 */
interface Documented {
  readonly source: string;
  readonly metrics: { [metricName: string]: { readonly dimensionSets: string[][]; readonly statistics?: RegExp } };
}

// Lambda: AWS Lambda Developer Guide, "Types of metrics for Lambda functions"
// (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html; source
// awsdocs/aws-lambda-developer-guide doc_source/monitoring-metrics.md): dimensions "By Function
// Name (FunctionName)" and "Across All Functions (none)"; invocation metrics (Invocations, Errors,
// Throttles): "View the following metrics with the Sum statistic"; performance metrics (Duration):
// "view these metrics with the Average or Max statistic", "Duration also supports percentile
// statistics"; concurrency metrics (ConcurrentExecutions): "view these metrics with the Max statistic".
const LAMBDA_DIMS = [['FunctionName'], []];
// API Gateway REST: "Amazon API Gateway dimensions and metrics"
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html):
// dimensions ApiName, or ApiName + Stage; 4XXError/5XXError "The Sum statistic represents this
// metric ... The Average statistic represents the ... error rate"; Count "The SampleCount statistic
// represents this metric" (the dashboards graph its Sum: see the note on Count below).
const REST_DIMS = [['ApiName', 'Stage'], ['ApiName']];
// API Gateway HTTP: "Monitor CloudWatch metrics for HTTP APIs in API Gateway"
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-metrics.html): metrics 4xx,
// 5xx, Count, IntegrationLatency, Latency; dimensions ApiId, or ApiId + Stage.
const HTTP_DIMS = [['ApiId', 'Stage'], ['ApiId']];
// DMS: AWS DMS User Guide, "Monitoring AWS DMS tasks" > "Replication task metrics"
// (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Monitoring.html) for the names; the task
// dimensions (instance + task resource id) are in /work/shared/AWS-FACTS.md (DMS), as the stored
// copy of that page does not list dimensions.
const DMS_DIMS = [['ReplicationInstanceIdentifier', 'ReplicationTaskIdentifier']];
// Glue: AWS Glue Developer Guide, "Monitoring AWS Glue using Amazon CloudWatch metrics"
// (https://docs.aws.amazon.com/glue/latest/dg/monitoring-awsglue-with-cloudwatch-metrics.html):
// namespace Glue; numCompletedTasks / numFailedTasks "Valid dimensions: JobName (the name of the AWS
// Glue Job), JobRunId (the JobRun ID. or ALL), and Type (count). Valid Statistics: SUM."
const GLUE_DIMS = [['JobName', 'JobRunId', 'Type']];
// Glue observability metrics (Glue 4.0+): AWS Glue Developer Guide, "Monitoring with AWS Glue
// Observability metrics" (https://docs.aws.amazon.com/glue/latest/dg/monitor-observability.html)
// names glue.succeed.ALL and glue.error.ALL; the page does not list dimensions: these are the ones
// src/metrics/glue-metrics.ts uses (marked @experimental there for that reason).
const GLUE_OBSERVABILITY_DIMS = [['JobName', 'JobRunId', 'Type', 'ObservabilityGroup']];
// DMS replication instance metrics: the same DMS page, "Replication instance metrics"; dimension
// ReplicationInstanceIdentifier (AWS-FACTS.md, DMS).
const DMS_INSTANCE_DIMS = [['ReplicationInstanceIdentifier']];
// AWS Batch: AWS Batch User Guide, "Using CloudWatch Metrics with AWS Batch"
// (https://docs.aws.amazon.com/batch/latest/userguide/using_cloudwatch_metrics.html): namespace
// AWS/Batch, the one dimension JobQueueName; state transitions in Count, durations in Milliseconds.
const BATCH_DIMS = [['JobQueueName']];

const SUM = /^Sum$/;
const DOCUMENTED: { [namespace: string]: Documented } = {
  'AWS/Lambda': {
    source: 'Types of metrics for Lambda functions',
    metrics: {
      Invocations: { dimensionSets: LAMBDA_DIMS, statistics: SUM },
      Errors: { dimensionSets: LAMBDA_DIMS, statistics: SUM },
      Throttles: { dimensionSets: LAMBDA_DIMS, statistics: SUM },
      Duration: { dimensionSets: LAMBDA_DIMS, statistics: /^(Average|Maximum|p\d+(\.\d+)?)$/ },
      ConcurrentExecutions: { dimensionSets: LAMBDA_DIMS, statistics: /^Maximum$/ },
    },
  },
  'AWS/ApiGateway': {
    source: 'Amazon API Gateway dimensions and metrics; Monitor CloudWatch metrics for HTTP APIs',
    metrics: {
      '4XXError': { dimensionSets: REST_DIMS, statistics: /^(Sum|Average)$/ },
      '5XXError': { dimensionSets: REST_DIMS, statistics: /^(Sum|Average)$/ },
      // AWS names SampleCount; the dashboards graph Sum (reported to the lead in issue 13, not changed here).
      'Count': { dimensionSets: [...REST_DIMS, ...HTTP_DIMS], statistics: /^(SampleCount|Sum)$/ },
      'Latency': { dimensionSets: [...REST_DIMS, ...HTTP_DIMS] },
      'IntegrationLatency': { dimensionSets: [...REST_DIMS, ...HTTP_DIMS] },
      '4xx': { dimensionSets: HTTP_DIMS },
      '5xx': { dimensionSets: HTTP_DIMS },
    },
  },
  'AWS/DMS': {
    source: 'Monitoring AWS DMS tasks, Replication task metrics',
    metrics: Object.fromEntries([
      'CDCLatencySource', 'CDCLatencyTarget', 'CDCThroughputRowsSource', 'CDCThroughputRowsTarget',
      'CDCThroughputBandwidthSource', 'CDCThroughputBandwidthTarget', 'CDCIncomingChanges',
    ].map((name) => [name, { dimensionSets: DMS_DIMS }]).concat(
      ['CPUUtilization', 'FreeableMemory', 'FreeStorageSpace', 'SwapUsage'].map((name) => [name, { dimensionSets: DMS_INSTANCE_DIMS }]),
    )),
  },
  'AWS/Batch': {
    source: 'Using CloudWatch Metrics with AWS Batch',
    metrics: Object.fromEntries([
      ...['JobsSubmitted', 'JobsMovedToPending', 'JobsMovedToRunnable', 'JobsMovedToStarting', 'JobsMovedToRunning',
        'JobsMovedToSucceeded', 'JobsMovedToFailed', 'JobsCancelled', 'JobsTerminated', 'JobsRetried']
        .map((name) => [name, { dimensionSets: BATCH_DIMS, statistics: SUM }]),
      ...['JobSubmittedToRunnableDuration', 'JobAttemptRunnableToStartingDuration', 'JobSubmittedToFirstStartingDuration',
        'JobAttemptStartingToRunningDuration', 'JobAttemptExecutionDuration', 'JobAttemptDuration']
        .map((name) => [name, { dimensionSets: BATCH_DIMS, statistics: /^(Average|Maximum)$/ }]),
    ]),
  },
  'Glue': {
    source: 'Monitoring AWS Glue using Amazon CloudWatch metrics',
    metrics: {
      'glue.driver.aggregate.numCompletedTasks': { dimensionSets: GLUE_DIMS, statistics: SUM },
      'glue.driver.aggregate.numFailedTasks': { dimensionSets: GLUE_DIMS, statistics: SUM },
      'glue.succeed.ALL': { dimensionSets: GLUE_OBSERVABILITY_DIMS, statistics: SUM },
      'glue.error.ALL': { dimensionSets: GLUE_OBSERVABILITY_DIMS, statistics: SUM },
    },
  },
};

/** A metric as a synthesized alarm or dashboard uses it. */
interface UsedMetric {
  readonly where: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: { [name: string]: unknown };
  readonly statistic?: string;
}

const dims = (list: Array<{ Name: string; Value: unknown }> = []) => Object.fromEntries(list.map((d) => [d.Name, d.Value]));

/** Every metric of every alarm in the app's templates (nested stacks included), single or in metric math. */
function alarmMetrics(app: App): UsedMetric[] {
  return alarmsOf(assemblyTemplates(app)).flatMap(({ props: p }) => [
    ...(p.MetricName ? [{ where: `alarm ${p.AlarmName}`, namespace: p.Namespace, metricName: p.MetricName, dimensions: dims(p.Dimensions), statistic: p.Statistic ?? p.ExtendedStatistic }] : []),
    ...(p.Metrics ?? []).filter((m: any) => m.MetricStat).map((m: any) => ({
      where: `alarm ${p.AlarmName} (${m.Id})`,
      namespace: m.MetricStat.Metric.Namespace,
      metricName: m.MetricStat.Metric.MetricName,
      dimensions: dims(m.MetricStat.Metric.Dimensions),
      statistic: m.MetricStat.Stat,
    })),
  ]);
}

/** Every metric graphed on the dashboards under `scope`, SEARCH expressions read as their metric and dimension names. */
function dashboardMetrics(scope: Stack): UsedMetric[] {
  const dashboards = scope.node.findAll().filter((c): c is cloudwatch.Dashboard => c instanceof cloudwatch.Dashboard);
  return dashboards.flatMap((d) => allMetrics(dashboardBody(d)).flatMap((m): UsedMetric[] => {
    const where = `dashboard ${d.node.path}`;
    if (!m.expression) return [{ where, namespace: m.namespace!, metricName: m.metricName!, dimensions: m.dimensions, statistic: m.stat }];
    // SEARCH('{Namespace,Dim1,...} MetricName="X" ...', 'Stat', period): CloudWatch User Guide, "CloudWatch search expression syntax".
    const search = /^SEARCH\('\{([^}]*)\} MetricName="([^"]+)"[^']*', '([^']+)', \d+\)$/.exec(m.expression);
    if (!search) return [];
    const [namespace, ...names] = search[1].split(',');
    return [{ where: `${where} (SEARCH)`, namespace, metricName: search[2], dimensions: Object.fromEntries(names.map((n) => [n, '*'])), statistic: search[3] }];
  }));
}

/** What differs from the AWS documentation, one line per metric use. */
function undocumented(used: UsedMetric[], ownNamespace: string): string[] {
  const problems: string[] = [];
  for (const m of used) {
    const label = `${m.where}: ${m.namespace} ${m.metricName} [${Object.keys(m.dimensions).join(', ')}] ${m.statistic}`;
    if (m.namespace === ownNamespace) continue; // the project's own metrics (metric filters, EventBridge rules, ML)
    const doc = DOCUMENTED[m.namespace]?.metrics[m.metricName];
    if (!doc) { problems.push(`${label}: not a metric AWS documents in ${m.namespace}`); continue; }
    const names = Object.keys(m.dimensions).sort().join(',');
    if (!doc.dimensionSets.some((set) => [...set].sort().join(',') === names)) problems.push(`${label}: dimensions not one of ${JSON.stringify(doc.dimensionSets)}`);
    if (doc.statistics && !doc.statistics.test(m.statistic ?? '')) problems.push(`${label}: statistic not ${doc.statistics}`);
    if (m.namespace === 'Glue' && (m.dimensions.JobRunId !== 'ALL' || m.dimensions.Type !== 'count')) problems.push(`${label}: JobRunId must be ALL and Type count`);
  }
  return problems;
}

describe('every AWS metric the platform alarms on or graphs is one AWS documents', () => {
  test('all options: alarms (nested stacks included) and the three dashboards', () => {
    const { app, stack } = allOptionsPlatform();
    const used = [...alarmMetrics(app), ...dashboardMetrics(stack)];
    // The check sees every service the platform monitors (an empty collection would pass vacuously).
    expect([...new Set(used.map((m) => m.namespace))].sort()).toEqual(['AWS/ApiGateway', 'AWS/Batch', 'AWS/DMS', 'AWS/Lambda', 'Glue', 'shop']);
    expect(used.filter((m) => m.where.startsWith('alarm')).map((m) => m.namespace)).toEqual(expect.arrayContaining(['AWS/ApiGateway', 'AWS/DMS', 'AWS/Lambda']));
    expect(undocumented(used, 'shop')).toEqual([]);
  });

  test('600 functions: the SEARCH expressions of the API dashboard', () => {
    const { stack } = newStack();
    const fns = Array.from({ length: 600 }, (_, i) => lambda.Function.fromFunctionAttributes(stack, `Fn${i}`, {
      functionArn: `arn:aws:lambda:eu-west-1:123456789012:function:shop-fn-${i}`, sameEnvironment: true,
    }));
    new ApiPerformanceDashboard(stack, 'Api', { projectName: 'shop', lambdaFunctions: fns });
    const used = dashboardMetrics(stack);
    expect(used.filter((m) => m.where.endsWith('(SEARCH)')).map((m) => m.metricName)).toEqual(expect.arrayContaining(['Invocations', 'Errors', 'Throttles', 'Duration']));
    expect(undocumented(used, 'shop')).toEqual([]);
  });

  test('the check fails on what AWS does not publish', () => {
    const wrong: UsedMetric[] = [
      { where: 'a', namespace: 'AWS/ApiGateway', metricName: '5XXError', dimensions: { ApiId: 'x', Stage: 'y' }, statistic: 'Sum' },
      { where: 'b', namespace: 'AWS/ApiGateway', metricName: '5xx', dimensions: { ApiName: 'x', Stage: 'y' }, statistic: 'Sum' },
      { where: 'c', namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'f' }, statistic: 'Average' },
      { where: 'd', namespace: 'AWS/DMS', metricName: 'CDCLatencyTarget', dimensions: { ReplicationInstanceIdentifier: 'r' }, statistic: 'Maximum' },
      { where: 'e', namespace: 'Glue', metricName: 'glue.driver.aggregate.numFailedTasks', dimensions: { JobName: 'j', JobRunId: 'jr_1', Type: 'count' }, statistic: 'Sum' },
      { where: 'f', namespace: 'AWS/Lambda', metricName: 'Error', dimensions: { FunctionName: 'f' }, statistic: 'Sum' },
    ];
    expect(undocumented(wrong, 'shop').map((p) => p.split(':')[0])).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

test('factories create no resources', () => {
  const stack = new Stack();
  new DmsMetrics({ replicationInstanceIdentifier: 'a', replicationTaskIdentifier: 'b' }).metricCdcLatencyTarget();
  expect(stack.node.children).toHaveLength(0);
});

/** One metric of each factory method (the public API users build their own alarms and graphs from). */
function factoryMetrics(): cloudwatch.Metric[] {
  const dms = new DmsMetrics({ replicationInstanceIdentifier: 'ri', replicationTaskIdentifier: 'T' });
  const fn = new LambdaMetrics({ functionName: 'fn' });
  const all = new LambdaMetrics();
  const rest = new RestApiMetrics({ apiName: 'a', stageName: 's' });
  const http = new HttpApiMetrics({ apiId: 'id' });
  const glue = new GlueJobMetrics({ jobName: 'j' });
  const events = new PlatformEventMetrics({ namespace: 'ns' });
  return [
    dms.metricCdcLatencySource(), dms.metricCdcLatencyTarget(), dms.metricCdcThroughputRowsSource(), dms.metricCdcThroughputRowsTarget(),
    dms.metricCdcThroughputBandwidthSource(), dms.metricCdcThroughputBandwidthTarget(), dms.metricCdcIncomingChanges(),
    fn.metricInvocations(), fn.metricErrors(), fn.metricThrottles(), fn.metricDuration(), fn.metricConcurrentExecutions(),
    all.metricInvocations(), all.metricErrors(), all.metricThrottles(), all.metricDuration(), all.metricConcurrentExecutions(),
    rest.metricCount(), rest.metricClientErrors(), rest.metricServerErrors(), rest.metricLatency(), rest.metricIntegrationLatency(),
    http.metricCount(), http.metricClientErrors(), http.metricServerErrors(), http.metricLatency(), http.metricIntegrationLatency(),
    glue.metricCompletedTasks(), glue.metricFailedTasks(),
    events.metricBatchJobs(BatchJobStatus.FAILED), events.metricGlueCrawlerRuns(GlueCrawlerOutcome.FAILED),
    events.metricGlueJobRuns(GlueJobOutcome.FAILED),
  ];
}

test('every factory metric, with its default statistic, is one AWS documents', () => {
  const used = factoryMetrics().map((m): UsedMetric => ({
    where: `factory ${m.metricName}`, namespace: m.namespace, metricName: m.metricName, dimensions: m.dimensions ?? {}, statistic: m.statistic,
  }));
  expect(undocumented(used, 'ns')).toEqual([]);
});

test('no metric factory sets a unit (an alarm on a unit the service does not publish never gets data)', () => {
  // PutMetricAlarm, "Unit": "We recommend omitting Unit" (CloudWatch API Reference); aws-cdk-lib's
  // Metric docs: CloudWatch does not honor the unit for graphs, so dashboards lose nothing.
  expect(factoryMetrics().filter((m) => m.unit !== undefined).map((m) => m.metricName)).toEqual([]);
});
