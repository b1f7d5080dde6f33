import { Duration, Stack } from 'aws-cdk-lib';
import { HttpApiMetrics, RestApiMetrics } from '../../src/metrics/api-gateway-metrics';
import { DmsMetrics } from '../../src/metrics/dms-metrics';
import { GlueJobMetrics } from '../../src/metrics/glue-metrics';
import { LambdaMetrics } from '../../src/metrics/lambda-metrics';
import { BatchJobStatus, GlueCrawlerOutcome, GlueJobOutcome, PlatformEventMetrics } from '../../src/metrics/platform-event-metrics';

const FIVE_MIN = 300;

describe('metric factories', () => {
  test('DMS latency is Maximum in seconds per instance + task', () => {
    const dms = new DmsMetrics({ replicationInstanceIdentifier: 'ri-1', replicationTaskIdentifier: 'TASKID' });
    const m = dms.metricCdcLatencyTarget();
    expect(m.namespace).toBe('AWS/DMS');
    expect(m.metricName).toBe('CDCLatencyTarget');
    expect(m.statistic).toBe('Maximum');
    expect(m.unit).toBeUndefined(); // alarms must not filter by unit (PutMetricAlarm reference)
    expect(m.period.toSeconds()).toBe(FIVE_MIN);
    expect(m.dimensions).toEqual({ ReplicationInstanceIdentifier: 'ri-1', ReplicationTaskIdentifier: 'TASKID' });
    expect(dms.metricCdcLatencySource().metricName).toBe('CDCLatencySource');
    expect(dms.metricCdcThroughputRowsSource().metricName).toBe('CDCThroughputRowsSource');
    expect(dms.metricCdcThroughputRowsTarget().metricName).toBe('CDCThroughputRowsTarget');
    expect(dms.metricCdcThroughputBandwidthSource().unit).toBeUndefined();
    expect(dms.metricCdcThroughputBandwidthTarget().metricName).toBe('CDCThroughputBandwidthTarget');
    expect(dms.metricCdcIncomingChanges().metricName).toBe('CDCIncomingChanges');
  });

  test('Lambda per function and account-wide, any statistic', () => {
    const fn = new LambdaMetrics({ functionName: 'fn' });
    expect(fn.metricErrors().dimensions).toEqual({ FunctionName: 'fn' });
    expect(fn.metricErrors().statistic).toBe('Sum');
    expect(fn.metricDuration({ statistic: 'p99' }).statistic).toBe('p99');
    expect(fn.metricDuration({ statistic: 'p50' }).metricName).toBe('Duration');
    expect(fn.metricConcurrentExecutions().statistic).toBe('Maximum');
    const all = new LambdaMetrics();
    expect(all.metricThrottles().dimensions).toBeUndefined();
    expect(all.metricInvocations().namespace).toBe('AWS/Lambda');
    expect(fn.metricErrors({ period: Duration.minutes(1) }).period.toSeconds()).toBe(60);
  });

  test('API Gateway REST and HTTP names and dimensions differ', () => {
    const rest = new RestApiMetrics({ apiName: 'orders', stageName: 'prod' });
    expect(rest.metricServerErrors().metricName).toBe('5XXError');
    expect(rest.metricClientErrors().metricName).toBe('4XXError');
    expect(rest.metricCount().metricName).toBe('Count');
    expect(rest.metricIntegrationLatency().metricName).toBe('IntegrationLatency');
    expect(rest.metricServerErrors().dimensions).toEqual({ ApiName: 'orders', Stage: 'prod' });
    const http = new HttpApiMetrics({ apiId: 'abc123' });
    expect(http.metricServerErrors().metricName).toBe('5xx');
    expect(http.metricClientErrors().metricName).toBe('4xx');
    expect(http.metricLatency({ statistic: 'p99' }).dimensions).toEqual({ ApiId: 'abc123', Stage: '$default' });
  });

  test('Glue job metrics live in namespace Glue with JobRunId=ALL and Type=count', () => {
    const m = new GlueJobMetrics({ jobName: 'etl' }).metricFailedTasks();
    expect(m.namespace).toBe('Glue');
    expect(m.metricName).toBe('glue.driver.aggregate.numFailedTasks');
    expect(m.dimensions).toEqual({ JobName: 'etl', JobRunId: 'ALL', Type: 'count' });
    expect(new GlueJobMetrics({ jobName: 'etl' }).metricCompletedTasks().metricName).toBe('glue.driver.aggregate.numCompletedTasks');
  });

  test('platform event metrics: totals and per-resource', () => {
    const m = new PlatformEventMetrics({ namespace: 'my-proj' });
    expect(m.metricBatchJobs(BatchJobStatus.FAILED).metricName).toBe('Batch.JobsFailed');
    expect(m.metricBatchJobs(BatchJobStatus.FAILED).dimensions).toBeUndefined();
    expect(m.metricBatchJobs(BatchJobStatus.SUBMITTED, 'arn:q').dimensions).toEqual({ JobQueue: 'arn:q' });
    expect(m.metricGlueCrawlerRuns(GlueCrawlerOutcome.FAILED, 'c').dimensions).toEqual({ CrawlerName: 'c' });
    expect(m.metricGlueJobRuns(GlueJobOutcome.TIMED_OUT, 'j').metricName).toBe('Glue.JobRunsTimedOut');
    expect(m.metricGlueJobRuns(GlueJobOutcome.FAILED).namespace).toBe('my-proj');
    expect(m.metricGlueJobRuns(GlueJobOutcome.FAILED).statistic).toBe('Sum');
  });

  test('factories create no resources', () => {
    const stack = new Stack();
    new DmsMetrics({ replicationInstanceIdentifier: 'a', replicationTaskIdentifier: 'b' }).metricCdcLatencyTarget();
    expect(stack.node.children).toHaveLength(0);
  });
});

test('no metric factory sets a unit (an alarm on a unit the service does not publish never gets data)', () => {
  // PutMetricAlarm, "Unit": "We recommend omitting Unit" (CloudWatch API Reference); aws-cdk-lib's
  // Metric docs: CloudWatch does not honor the unit for graphs, so dashboards lose nothing.
  const dms = new DmsMetrics({ replicationInstanceIdentifier: 'ri', replicationTaskIdentifier: 'T' });
  const fn = new LambdaMetrics({ functionName: 'fn' });
  const rest = new RestApiMetrics({ apiName: 'a', stageName: 's' });
  const http = new HttpApiMetrics({ apiId: 'id' });
  const glue = new GlueJobMetrics({ jobName: 'j' });
  const events = new PlatformEventMetrics({ namespace: 'ns' });
  const metrics = [
    dms.metricCdcLatencySource(), dms.metricCdcLatencyTarget(), dms.metricCdcThroughputRowsSource(), dms.metricCdcThroughputRowsTarget(),
    dms.metricCdcThroughputBandwidthSource(), dms.metricCdcThroughputBandwidthTarget(), dms.metricCdcIncomingChanges(),
    fn.metricInvocations(), fn.metricErrors(), fn.metricThrottles(), fn.metricDuration(), fn.metricConcurrentExecutions(),
    rest.metricCount(), rest.metricClientErrors(), rest.metricServerErrors(), rest.metricLatency(), rest.metricIntegrationLatency(),
    http.metricCount(), http.metricClientErrors(), http.metricServerErrors(), http.metricLatency(), http.metricIntegrationLatency(),
    glue.metricCompletedTasks(), glue.metricFailedTasks(),
    events.metricBatchJobs(BatchJobStatus.FAILED), events.metricGlueCrawlerRuns(GlueCrawlerOutcome.FAILED),
    events.metricGlueJobRuns(GlueJobOutcome.FAILED),
  ];
  expect(metrics.filter((m) => m.unit !== undefined).map((m) => m.metricName)).toEqual([]);
});
