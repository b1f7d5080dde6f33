import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { allMetrics, dashboardBody, layoutProblems, titles, widget, widgetMetrics } from './body';
import { DataPipelineDashboard } from '../../src/dashboards/data-pipeline-dashboard';
import { newStack } from '../nag-helpers';

const TASK = { replicationInstanceIdentifier: 'platform-repl', replicationTaskIdentifier: 'ABCDEF123', displayName: 'orders' };
const QUEUE = 'arn:aws:batch:eu-west-1:123456789012:job-queue/etl-queue';
const DMS_DIMS = { ReplicationInstanceIdentifier: 'platform-repl', ReplicationTaskIdentifier: 'ABCDEF123' };

function build(extra: object = {}) {
  const { stack } = newStack();
  const d = new DataPipelineDashboard(stack, 'Pipeline', {
    projectName: 'shop',
    dmsReplicationTasks: [TASK],
    batchJobQueues: [QUEUE],
    glueCrawlerNames: ['raw-crawler'],
    glueJobNames: ['curate-job'],
    ...extra,
  });
  return { stack, d, body: dashboardBody(d.dashboard) };
}

describe('DataPipelineDashboard', () => {
  test('name, time range, widgets in order, layout on the grid', () => {
    const { stack, body } = build();
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'shop-data-pipeline' });
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Alarm', 0);
    Template.fromStack(stack).resourceCountIs('AWS::Logs::LogGroup', 0);
    expect(body.start).toBe('-PT3H');
    expect(titles(body)).toEqual([
      '## DMS replication',
      'DMS orders: throughput (rows/s)',
      'DMS orders: throughput (KB/s)',
      'DMS orders: latency (s)',
      'DMS instance platform-repl: CPU (%)',
      'DMS instance platform-repl: memory (bytes)',
      'DMS instance platform-repl: free storage (bytes)',
      '## AWS Batch jobs',
      'Batch etl-queue: state transitions',
      'Batch etl-queue: durations (ms)',
      'Batch jobs by status (all queues)',
      'Recent Batch job errors',
      '## AWS Glue',
      'Glue crawler runs',
      'Glue job tasks',
      'Glue job runs (observability metrics)',
      'Glue job errors by category (observability metrics)',
    ]);
    expect(layoutProblems(body)).toEqual([]);
  });

  test('DMS metrics per task; no lag line without a lag alarm unless replicationLagThreshold is given', () => {
    expect(widget(build().body, 'DMS orders: latency (s)').properties.annotations).toBeUndefined();
    const { body } = build({ replicationLagThreshold: Duration.seconds(300) });
    const m = (name: string, stat: string, label: string) => ({ namespace: 'AWS/DMS', metricName: name, dimensions: DMS_DIMS, stat, period: 300, label });
    expect(widgetMetrics(widget(body, 'DMS orders: throughput (rows/s)'))).toEqual([
      m('CDCThroughputRowsSource', 'Average', 'Source'), m('CDCThroughputRowsTarget', 'Average', 'Target'),
    ]);
    expect(widgetMetrics(widget(body, 'DMS orders: throughput (KB/s)'))).toEqual([
      m('CDCThroughputBandwidthSource', 'Average', 'Source'), m('CDCThroughputBandwidthTarget', 'Average', 'Target'),
    ]);
    const latency = widget(body, 'DMS orders: latency (s)');
    expect(widgetMetrics(latency)).toEqual([m('CDCLatencySource', 'Maximum', 'Source'), m('CDCLatencyTarget', 'Maximum', 'Target')]);
    expect(latency.properties.annotations.horizontal).toEqual([
      expect.objectContaining({ value: 300, label: 'Replication lag limit (300 s)' }),
    ]);
  });

  // AWS DMS User Guide, "Monitoring AWS DMS tasks" (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Monitoring.html):
  // replication instance metrics CPUUtilization, FreeableMemory, FreeStorageSpace, SwapUsage by ReplicationInstanceIdentifier.
  test('DMS replication instance health: one row per instance, instance dimension only', () => {
    const other = { ...TASK, replicationTaskIdentifier: 'XYZ', displayName: 'payments' };
    const { body } = build({ dmsReplicationTasks: [TASK, other] });
    expect(titles(body).filter(t => t.startsWith('DMS instance'))).toHaveLength(3);
    const dims = { ReplicationInstanceIdentifier: 'platform-repl' };
    const m = (metricName: string, stat: string, label: string) => ({ namespace: 'AWS/DMS', metricName, dimensions: dims, stat, period: 300, label });
    expect(widgetMetrics(widget(body, 'DMS instance platform-repl: CPU (%)'))).toEqual([m('CPUUtilization', 'Average', 'CPU')]);
    expect(widgetMetrics(widget(body, 'DMS instance platform-repl: memory (bytes)')))
      .toEqual([m('FreeableMemory', 'Minimum', 'Freeable memory (min)'), m('SwapUsage', 'Maximum', 'Swap used (max)')]);
    expect(widgetMetrics(widget(body, 'DMS instance platform-repl: free storage (bytes)')))
      .toEqual([m('FreeStorageSpace', 'Minimum', 'Free storage (min)')]);
  });

  // AWS Batch User Guide, "Using CloudWatch Metrics with AWS Batch"
  // (https://docs.aws.amazon.com/batch/latest/userguide/using_cloudwatch_metrics.html): namespace AWS/Batch,
  // single dimension JobQueueName (the queue's name); transitions are Count, durations Milliseconds.
  const transitions = (queueName: string) => [
    ['JobsSubmitted', 'Submitted'], ['JobsMovedToRunnable', 'Runnable'], ['JobsMovedToRunning', 'Running'],
    ['JobsMovedToSucceeded', 'Succeeded'], ['JobsMovedToFailed', 'Failed (incl. cancelled, terminated)'], ['JobsRetried', 'Retried attempts'],
  ].map(([metricName, label]) => ({ namespace: 'AWS/Batch', metricName, dimensions: { JobQueueName: queueName }, stat: 'Sum', period: 300, label }));
  const durations = (queueName: string) => [
    ['JobAttemptRunnableToStartingDuration', 'Average', 'Waiting in queue (avg)'],
    ['JobAttemptRunnableToStartingDuration', 'Maximum', 'Waiting in queue (max)'],
    ['JobAttemptExecutionDuration', 'Average', 'Run time (avg)'],
    ['JobAttemptExecutionDuration', 'Maximum', 'Run time (max)'],
  ].map(([metricName, stat, label]) => ({ namespace: 'AWS/Batch', metricName, dimensions: { JobQueueName: queueName }, stat, period: 300, label }));

  test('native AWS/Batch metrics per queue, by JobQueueName (the name, from an ARN too)', () => {
    const { body } = build();
    expect(widgetMetrics(widget(body, 'Batch etl-queue: state transitions'))).toEqual(transitions('etl-queue'));
    expect(widgetMetrics(widget(body, 'Batch etl-queue: durations (ms)'))).toEqual(durations('etl-queue'));
    // The all-queues event totals stay (event capture is on by default).
    const statuses = [['Batch.JobsSubmitted', 'Submitted'], ['Batch.JobsRunning', 'Running'], ['Batch.JobsSucceeded', 'Succeeded'], ['Batch.JobsFailed', 'Failed']];
    expect(widgetMetrics(widget(body, 'Batch jobs by status (all queues)'))).toEqual(statuses.map(([metricName, label]) =>
      ({ namespace: 'shop', metricName, dimensions: {}, stat: 'Sum', period: 300, label })));
  });

  test('a queue name works like its ARN; a token ARN yields a JobQueueName token', () => {
    const byName = build({ batchJobQueues: ['etl-queue'] }).body;
    expect(widgetMetrics(widget(byName, 'Batch etl-queue: state transitions'))).toEqual(transitions('etl-queue'));
    expect(widgetMetrics(widget(byName, 'Batch etl-queue: durations (ms)'))).toEqual(durations('etl-queue'));
    const { stack } = newStack();
    const arn = new cloudwatch.CfnAlarm(stack, 'Anything', { comparisonOperator: 'GreaterThanThreshold', evaluationPeriods: 1 }).attrArn;
    const d = new DataPipelineDashboard(stack, 'P', { projectName: 'shop', batchJobQueues: [arn] });
    const dims = widgetMetrics(widget(dashboardBody(d.dashboard), 'Batch queue 1: state transitions'))[0].dimensions;
    expect(Object.keys(dims)).toEqual(['JobQueueName']);
    expect(dims.JobQueueName).toBe('${Fn::Select}'); // the name part of the ARN, resolved by CloudFormation
    const raw = JSON.stringify(stack.resolve((d.dashboard.node.defaultChild as cloudwatch.CfnDashboard).dashboardBody));
    expect(raw).toMatch(/"Fn::Select":\[1,\{"Fn::Split":\["\/",\{"Fn::Select":\[5,\{"Fn::Split":\[":",\{"Fn::GetAtt":\["Anything","Arn"\]/);
  });

  test('Recent Batch job failures: FAILED Batch Job State Change events from the events log group', () => {
    const { stack } = newStack();
    const events = logs.LogGroup.fromLogGroupName(stack, 'E', '/aws/events/shop/platform');
    const body = build({ eventsLogGroup: events }).body;
    const q = widget(body, 'Recent Batch job failures').properties;
    expect(q.view).toBe('table');
    expect(q.query).toContain("SOURCE '/aws/events/shop/platform'");
    for (const field of ['detail.jobName', 'detail.jobQueue', 'detail.statusReason', 'detail.container.exitCode']) expect(q.query).toContain(field);
    expect(q.query).toContain('detail.status = "FAILED"');
    expect(q.query).toContain('`detail-type` = "Batch Job State Change"');
    expect(titles(build().body)).not.toContain('Recent Batch job failures');
  });

  // AWS DMS User Guide, "Working with Amazon EventBridge events and notifications in AWS Database Migration
  // Service" (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_EventBridge.html): source aws.dms,
  // detail-type "DMS Replication Task State Change", the task ARN in resources, detail.category /
  // eventType / detailMessage. Logs Insights names the first array element resources.0 (CloudWatch Logs
  // User Guide, "Supported logs and discovered fields").
  test('Recent DMS task state changes: a table over the events log group, after the DMS rows', () => {
    const { stack } = newStack();
    const events = logs.LogGroup.fromLogGroupName(stack, 'E', '/aws/events/shop/platform');
    const { body } = build({ eventsLogGroup: events });
    const w = widget(body, 'Recent DMS task state changes');
    expect(w.type).toBe('log');
    expect(w.width).toBe(24);
    expect(w.properties.view).toBe('table');
    expect(w.properties.query).toBe("SOURCE '/aws/events/shop/platform' | "
      + 'fields @timestamp, resources.0 as task, detail.category as category, detail.eventType as eventType, detail.detailMessage as message'
      + '\n| filter source = "aws.dms" and `detail-type` = "DMS Replication Task State Change"'
      + '\n| sort @timestamp desc\n| limit 100');
    const all = titles(body);
    expect(all.indexOf('Recent DMS task state changes')).toBe(all.indexOf('DMS instance platform-repl: free storage (bytes)') + 1);
    expect(all.indexOf('Recent DMS task state changes')).toBeLessThan(all.indexOf('## AWS Batch jobs'));
    expect(layoutProblems(body)).toEqual([]);
    // Not without the events log group, nor without DMS tasks.
    expect(titles(build().body)).not.toContain('Recent DMS task state changes');
    expect(titles(build({ eventsLogGroup: events, dmsReplicationTasks: [] }).body)).not.toContain('Recent DMS task state changes');
  });

  test('eventCapture false: native Batch rows only, no event graphs or failure tables', () => {
    const { stack } = newStack();
    const events = logs.LogGroup.fromLogGroupName(stack, 'E', '/aws/events/shop/platform');
    const body = build({ eventCapture: false, eventsLogGroup: events }).body;
    expect(titles(body)).toEqual(expect.arrayContaining(['Batch etl-queue: state transitions', 'Batch etl-queue: durations (ms)']));
    expect(titles(body)).not.toContain('Batch jobs by status (all queues)');
    expect(titles(body)).not.toContain('Recent Batch job failures');
    expect(titles(body)).not.toContain('Recent DMS task state changes');
    expect(body.widgets.filter((w: any) => w.type === 'log').map((w: any) => w.properties.title)).toEqual(['Recent Batch job errors']);
    expect(titles(body).filter(t => /crawler/i.test(t))).toEqual([]);
    expect(allMetrics(body).filter(m => m.namespace === 'shop')).toEqual([]);
  });

  test('Glue crawler runs (event metrics) and job tasks (Glue namespace)', () => {
    const { body } = build();
    expect(widgetMetrics(widget(body, 'Glue crawler runs'))).toEqual([
      { namespace: 'shop', metricName: 'Glue.CrawlerRunsSucceeded', dimensions: { CrawlerName: 'raw-crawler' }, stat: 'Sum', period: 300, label: 'raw-crawler succeeded' },
      { namespace: 'shop', metricName: 'Glue.CrawlerRunsFailed', dimensions: { CrawlerName: 'raw-crawler' }, stat: 'Sum', period: 300, label: 'raw-crawler failed' },
    ]);
    const jobDims = { JobName: 'curate-job', JobRunId: 'ALL', Type: 'count' };
    expect(widgetMetrics(widget(body, 'Glue job tasks'))).toEqual([
      { namespace: 'Glue', metricName: 'glue.driver.aggregate.numCompletedTasks', dimensions: jobDims, stat: 'Sum', period: 300, label: 'curate-job completed' },
      { namespace: 'Glue', metricName: 'glue.driver.aggregate.numFailedTasks', dimensions: jobDims, stat: 'Sum', period: 300, label: 'curate-job failed' },
    ]);
  });

  // AWS Glue Developer Guide, "Monitoring with AWS Glue Observability metrics"
  // (https://docs.aws.amazon.com/glue/latest/dg/monitor-observability.html): Glue 4.0+, job argument
  // --enable-observability-metrics true; glue.succeed.ALL / glue.error.ALL / glue.error.<category>.
  test('Glue observability metrics beside the task metrics: runs succeeded / failed, errors by category', () => {
    const { body } = build();
    const dims = { JobName: 'curate-job', JobRunId: 'ALL', Type: 'count', ObservabilityGroup: 'error' };
    expect(widgetMetrics(widget(body, 'Glue job runs (observability metrics)'))).toEqual([
      { namespace: 'Glue', metricName: 'glue.succeed.ALL', dimensions: dims, stat: 'Sum', period: 300, label: 'curate-job succeeded' },
      { namespace: 'Glue', metricName: 'glue.error.ALL', dimensions: dims, stat: 'Sum', period: 300, label: 'curate-job failed' },
    ]);
    const [search] = widgetMetrics(widget(body, 'Glue job errors by category (observability metrics)'));
    expect(search.expression).toBe('SEARCH(\'{Glue,JobName,JobRunId,ObservabilityGroup,Type} ObservabilityGroup="error" '
      + 'NOT MetricName="glue.error.ALL" NOT MetricName="glue.succeed.ALL" (JobName="curate-job")\', \'Sum\', 300)');
    // Long job names: the category searches split so that each query stays within 1,024 characters.
    const long = Array.from({ length: 12 }, (_, i) => `${'x'.repeat(120)}-${i}`);
    const split = build({ glueJobNames: long }).body;
    const searches = split.widgets.filter((w: any) => /errors by category/.test(w.properties.title ?? '')).flatMap(widgetMetrics);
    expect(searches.length).toBeGreaterThan(1);
    const queries = searches.map((m: any) => /^SEARCH\('(.*)', 'Sum', 300\)$/.exec(m.expression)![1]);
    for (const q of queries) expect(q.length).toBeLessThanOrEqual(1024);
    expect(queries.join(' ').match(/JobName="/g)).toHaveLength(12);
  });

  test('Recent Batch job errors: default /aws/batch/job, or the given log groups', () => {
    const q = widget(build().body, 'Recent Batch job errors').properties;
    expect(q.query).toBe("SOURCE '/aws/batch/job' | fields @timestamp, @logStream, @message"
      + '\n| filter @message like /(?i)(error|exception|fatal|traceback)/\n| sort @timestamp desc\n| limit 100');
    expect(q.view).toBe('table');
    const { stack } = newStack();
    const groups = [logs.LogGroup.fromLogGroupName(stack, 'G1', '/platform/batch-a'), logs.LogGroup.fromLogGroupName(stack, 'G2', '/platform/batch-b')];
    const d = new DataPipelineDashboard(stack, 'P', { projectName: 'shop', batchLogGroups: groups });
    expect(widget(dashboardBody(d.dashboard), 'Recent Batch job errors').properties.query)
      .toMatch(/^SOURCE '\/platform\/batch-a' \| SOURCE '\/platform\/batch-b' \| fields/);
  });

  test('without crawlers or jobs: crawler totals, no job graph, no DMS section', () => {
    const { body } = build({ dmsReplicationTasks: [], glueCrawlerNames: [], glueJobNames: [], batchJobQueues: [] });
    expect(titles(body)).toEqual(['## AWS Batch jobs', 'Batch jobs by status (all queues)', 'Recent Batch job errors',
      '## AWS Glue', 'Glue crawler runs (all crawlers)']);
    expect(widgetMetrics(widget(body, 'Glue crawler runs (all crawlers)')).map(m => [m.metricName, m.dimensions]))
      .toEqual([['Glue.CrawlerRunsSucceeded', {}], ['Glue.CrawlerRunsFailed', {}]]);
  });

  test('alarm status widget lists the alarms given', () => {
    const { stack } = newStack();
    const alarm = cloudwatch.Alarm.fromAlarmArn(stack, 'A', 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:shop-prod-dms-lag');
    const d = new DataPipelineDashboard(stack, 'P', { projectName: 'shop', alarms: [alarm] });
    const body = dashboardBody(d.dashboard);
    expect(body.widgets[0]).toMatchObject({
      type: 'alarm',
      x: 0,
      y: 0,
      width: 24,
      properties: { title: 'Data pipeline alarms', alarms: ['arn:aws:cloudwatch:eu-west-1:123456789012:alarm:shop-prod-dms-lag'] },
    });
  });

  test('many crawlers, jobs and 120 log groups split into graphs and Logs Insights widgets within the limits', () => {
    const { stack } = newStack();
    const groups = Array.from({ length: 120 }, (_, i) => logs.LogGroup.fromLogGroupName(stack, `G${i}`, `/batch/g${i}`));
    const d = new DataPipelineDashboard(stack, 'P', {
      projectName: 'shop',
      glueCrawlerNames: Array.from({ length: 60 }, (_, i) => `crawler-${i}`),
      glueJobNames: Array.from({ length: 30 }, (_, i) => `job-${i}`),
      batchLogGroups: groups,
    });
    const body = dashboardBody(d.dashboard);
    const logWidgets = body.widgets.filter((w: any) => w.type === 'log');
    expect(logWidgets.map((w: any) => w.properties.title)).toEqual(['Recent Batch job errors (1/3)', 'Recent Batch job errors (2/3)', 'Recent Batch job errors (3/3)']);
    expect(logWidgets.map((w: any) => (w.properties.query.match(/SOURCE /g) ?? []).length)).toEqual([50, 50, 20]);
    expect(titles(body).filter(t => t.startsWith('Glue'))).toEqual(['Glue crawler runs (1/3)', 'Glue crawler runs (2/3)',
      'Glue crawler runs (3/3)', 'Glue job tasks (1/2)', 'Glue job tasks (2/2)',
      'Glue job runs (observability metrics) (1/2)', 'Glue job runs (observability metrics) (2/2)',
      'Glue job errors by category (observability metrics)']);
    expect(allMetrics(body)).toHaveLength(4 + 120 + 60 + 60 + 1);
    expect(layoutProblems(body)).toEqual([]);
  });

  test('bad DMS tasks fail at synth', () => {
    const { stack } = newStack();
    expect(() => new DataPipelineDashboard(stack, 'A', { projectName: 'shop', dmsReplicationTasks: [{ ...TASK, replicationTaskIdentifier: '' }] }))
      .toThrow(/dmsReplicationTasks\[0\]\.replicationTaskIdentifier must be a non-empty DMS replication task resource id/);
    expect(() => new DataPipelineDashboard(stack, 'B', { projectName: 'shop', dmsReplicationTasks: [TASK, TASK] }))
      .toThrow(/dmsReplicationTasks lists platform-repl\/ABCDEF123 more than once/);
  });
});
