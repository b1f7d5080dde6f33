import { App, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ApiPerformanceDashboard } from '../../src/dashboards/api-performance-dashboard';
import { HttpApiMetrics, RestApiMetrics } from '../../src/metrics/api-gateway-metrics';
import { DmsMetrics } from '../../src/metrics/dms-metrics';
import { GlueJobMetrics } from '../../src/metrics/glue-metrics';
import { LambdaMetrics } from '../../src/metrics/lambda-metrics';
import { BatchJobStatus, GlueCrawlerOutcome, GlueJobOutcome, PlatformEventMetrics } from '../../src/metrics/platform-event-metrics';
import { alarmsOf, allOptionsPlatform, assemblyTemplates } from '../alarms/alarm-fixtures';
import { dashboardBody, FlatMetric, parseAnomalyBand, widgetMetrics } from '../dashboards/body';
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

// Anomaly detection: a model is specific to one metric and statistic ("Using CloudWatch anomaly
// detection", https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Anomaly_Detection.html);
// an anomaly alarm may use "one of the statistics or predefined percentiles, or ... a custom
// percentile (for example, p95.45)" ("Create a CloudWatch alarm based on anomaly detection",
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Anomaly_Detection_Alarm.html).
// ANOMALY_DETECTION_BAND(<metric id>, <standard deviations>) bands the metric of that id in the same
// request ("Using metric math", https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html);
// an alarm names the band in ThresholdMetricId and compares with one of the three band operators
// (PutMetricAlarm, https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html).
const ANOMALY_STATISTICS = /^(Average|Minimum|Maximum|Sum|SampleCount|p\d+(\.\d+)?)$/;
const BAND_OPERATORS = ['GreaterThanUpperThreshold', 'LessThanLowerThreshold', 'LessThanLowerOrGreaterThanUpperThreshold'];

/** A metric as a synthesized alarm or dashboard uses it. */
interface UsedMetric {
  readonly where: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: { [name: string]: unknown };
  readonly statistic?: string;
  /**
   * Set when this use is the metric an ANOMALY_DETECTION_BAND expression bands: the band's width, whether
   * its id names a metric of the same alarm / widget (`resolved`), and for alarms whether the alarm
   * compares with the band (ThresholdMetricId, band operator, both returned).
   */
  readonly band?: { readonly width: number; readonly resolved: boolean; readonly wired: boolean };
}

const dims = (list: Array<{ Name: string; Value: unknown }> = []) => Object.fromEntries(list.map((d) => [d.Name, d.Value]));

const UNRESOLVED = { namespace: '?', metricName: '?', dimensions: {} };

/** Every metric of every alarm in the app's templates (nested stacks included), single or in metric math, and what each anomaly band bands. */
function alarmMetrics(app: App): UsedMetric[] {
  return alarmsOf(assemblyTemplates(app)).flatMap(({ props }) => alarmUses(props));
}

/** The metrics of one alarm's CloudFormation properties, and what each anomaly band bands. */
function alarmUses(p: any): UsedMetric[] {
  const stats = (p.Metrics ?? []).filter((m: any) => m.MetricStat).map((m: any) => ({
    id: m.Id as string,
    returned: m.ReturnData !== false,
    used: {
      where: `alarm ${p.AlarmName} (${m.Id})`,
      namespace: m.MetricStat.Metric.Namespace,
      metricName: m.MetricStat.Metric.MetricName,
      dimensions: dims(m.MetricStat.Metric.Dimensions),
      statistic: m.MetricStat.Stat,
    } as UsedMetric,
  }));
  const bands = (p.Metrics ?? []).flatMap((e: any): UsedMetric[] => {
    const band = parseAnomalyBand(e.Expression);
    if (!band) return [];
    const target = stats.find((m: any) => m.id === band.ref);
    const wired = p.ThresholdMetricId === e.Id && BAND_OPERATORS.includes(p.ComparisonOperator)
      && e.ReturnData !== false && target?.returned === true;
    return [{ ...(target?.used ?? UNRESOLVED), where: `alarm ${p.AlarmName} (band ${e.Id} over ${band.ref})`, band: { width: band.width, resolved: !!target, wired } }];
  });
  // A band comparison without a band expression compares with nothing.
  const bandless = BAND_OPERATORS.includes(p.ComparisonOperator) && bands.length === 0
    ? [{ ...UNRESOLVED, where: `alarm ${p.AlarmName} (${p.ComparisonOperator} without a band)`, band: { width: NaN, resolved: false, wired: false } }]
    : [];
  return [
    ...(p.MetricName ? [{ where: `alarm ${p.AlarmName}`, namespace: p.Namespace, metricName: p.MetricName, dimensions: dims(p.Dimensions), statistic: p.Statistic ?? p.ExtendedStatistic }] : []),
    ...stats.map((m: any) => m.used),
    ...bands,
    ...bandless,
  ];
}

/** One widget's metrics: plain ones, SEARCH expressions read as their metric and dimension names, anomaly bands as the metric they band. */
function widgetUses(where: string, metrics: FlatMetric[]): UsedMetric[] {
  return metrics.flatMap((m): UsedMetric[] => {
    if (!m.expression) return [{ where, namespace: m.namespace!, metricName: m.metricName!, dimensions: m.dimensions, statistic: m.stat }];
    const band = parseAnomalyBand(m.expression);
    if (band) {
      const target = metrics.find((x) => x.id === band.ref && !x.expression);
      const base = target
        ? { namespace: target.namespace!, metricName: target.metricName!, dimensions: target.dimensions, statistic: target.stat }
        : UNRESOLVED;
      return [{ ...base, where: `${where} (band over ${band.ref})`, band: { width: band.width, resolved: !!target, wired: true } }];
    }
    // SEARCH('{Namespace,Dim1,...} MetricName="X" ...', 'Stat', period): CloudWatch User Guide, "CloudWatch search expression syntax".
    const search = /^SEARCH\('\{([^}]*)\} MetricName="([^"]+)"[^']*', '([^']+)', \d+\)$/.exec(m.expression);
    if (!search) return [];
    const [namespace, ...names] = search[1].split(',');
    return [{ where: `${where} (SEARCH)`, namespace, metricName: search[2], dimensions: Object.fromEntries(names.map((n) => [n, '*'])), statistic: search[3] }];
  });
}

/** Every metric graphed on the dashboards under `scope`, widget by widget (a band refers to a metric of its own widget). */
function dashboardMetrics(scope: Stack): UsedMetric[] {
  const dashboards = scope.node.findAll().filter((c): c is cloudwatch.Dashboard => c instanceof cloudwatch.Dashboard);
  return dashboards.flatMap((d) => dashboardBody(d).widgets.filter((w: any) => w.type === 'metric')
    .flatMap((w: any) => widgetUses(`dashboard ${d.node.path} "${w.properties.title}"`, widgetMetrics(w))));
}

/** What differs from the AWS documentation, one line per metric use. */
function undocumented(used: UsedMetric[], ownNamespace: string): string[] {
  const problems: string[] = [];
  for (const m of used) {
    const label = `${m.where}: ${m.namespace} ${m.metricName} [${Object.keys(m.dimensions).join(', ')}] ${m.statistic}`;
    if (m.band) {
      if (!m.band.resolved) { problems.push(`${label}: the band refers to no metric of its alarm or widget`); continue; }
      if (!(Number.isFinite(m.band.width) && m.band.width > 0)) problems.push(`${label}: band width ${m.band.width} is not a number of standard deviations > 0`);
      if (!ANOMALY_STATISTICS.test(m.statistic ?? '')) problems.push(`${label}: anomaly detection models take a statistic or percentile, not ${m.statistic}`);
      if (!m.band.wired) problems.push(`${label}: the alarm does not compare with its band (ThresholdMetricId, band operator, ReturnData)`);
    }
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
    // The ML catalog's anomaly bands, in their alarms and on the ML dashboard, were read (and checked below).
    const bands = used.filter((m) => m.band);
    expect(bands.filter((m) => m.where.startsWith('alarm')).map((m) => m.metricName)).toHaveLength(12);
    expect(bands.filter((m) => m.where.startsWith('dashboard')).map((m) => m.metricName)).toHaveLength(12);
    expect(bands.map((m) => m.statistic)).toEqual(expect.arrayContaining(['Average', 'Sum', 'p90']));
    expect(undocumented(used, 'shop')).toEqual([]);
  });

  test('lambdaSearchExpressions: the SEARCH expressions of the API dashboard', () => {
    const { stack } = newStack();
    const fns = Array.from({ length: 60 }, (_, i) => lambda.Function.fromFunctionAttributes(stack, `Fn${i}`, {
      functionArn: `arn:aws:lambda:eu-west-1:123456789012:function:shop-fn-${i}`, sameEnvironment: true,
    }));
    new ApiPerformanceDashboard(stack, 'Api', { projectName: 'shop', lambdaFunctions: fns, lambdaSearchExpressions: true });
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

  test('the check fails on anomaly bands CloudWatch cannot evaluate', () => {
    const ok = { namespace: 'shop', metricName: 'M.X', dimensions: {}, statistic: 'p90', band: { width: 2, resolved: true, wired: true } };
    const wrong: UsedMetric[] = [
      { ...ok, where: 'fine' },
      { ...ok, where: 'g', band: { width: 2, resolved: false, wired: true } },
      { ...ok, where: 'h', band: { width: 0, resolved: true, wired: true } },
      { ...ok, where: 'i', statistic: 'TM(10%:90%)' },
      { ...ok, where: 'j', band: { width: 2, resolved: true, wired: false } },
      // A band over an AWS metric is still held to the AWS fact table.
      { ...ok, where: 'k', namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'f' }, statistic: 'Average' },
    ];
    expect(undocumented(wrong, 'shop').map((p) => p.split(':')[0])).toEqual(['g', 'h', 'i', 'j', 'k']);
    // And the parsers read what the platform writes: the band's metric, width, and for alarms the wiring.
    expect(widgetUses('w', [
      { namespace: 'shop', metricName: 'M.X', dimensions: {}, stat: 'p90', id: 'm0' },
      { dimensions: {}, expression: 'ANOMALY_DETECTION_BAND(m0, 2.5)' },
      { dimensions: {}, expression: 'ANOMALY_DETECTION_BAND(m9)' },
    ]).map((m) => [m.metricName, m.band])).toEqual([
      ['M.X', undefined],
      ['M.X', { width: 2.5, resolved: true, wired: true }],
      ['?', { width: 2, resolved: false, wired: true }],
    ]);
    const alarm = {
      AlarmName: 'a',
      ComparisonOperator: 'LessThanLowerThreshold',
      ThresholdMetricId: 'expr_1',
      Metrics: [
        { Id: 'expr_1', Expression: 'ANOMALY_DETECTION_BAND(m0, 2)', ReturnData: true },
        { Id: 'm0', ReturnData: true, MetricStat: { Metric: { Namespace: 'shop', MetricName: 'M.X' }, Period: 300, Stat: 'Average' } },
      ],
    };
    const wiring = (p: any) => alarmUses(p).filter((m) => m.band).map((m) => m.band!.wired && m.band!.resolved);
    expect(wiring(alarm)).toEqual([true]);
    expect(wiring({ ...alarm, ThresholdMetricId: 'm0' })).toEqual([false]);
    expect(wiring({ ...alarm, ComparisonOperator: 'LessThanThreshold' })).toEqual([false]);
    expect(wiring({ ...alarm, Metrics: [alarm.Metrics[0], { ...alarm.Metrics[1], ReturnData: false }] })).toEqual([false]);
    expect(wiring({ ...alarm, Metrics: [alarm.Metrics[1]] })).toEqual([false]); // band operator, no band
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
