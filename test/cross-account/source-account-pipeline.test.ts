import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { DeploymentEnvironment } from '../../src/core/environment';
import { DataPipelineDashboard } from '../../src/dashboards/data-pipeline-dashboard';
import { PlatformEvents } from '../../src/events/platform-events';
import { PlatformMonitoring } from '../../src/platform-monitoring';
import { PlatformMonitoringProps } from '../../src/platform-monitoring-props';
import { dashboardBody } from '../dashboards/body';
import { newStack } from '../nag-helpers';

// Batch queues and Glue jobs of source accounts, by ARN (README "Many accounts"): their AWS/Batch
// and Glue metrics are read with AccountId (alarms) and accountId (graphs); their EventBridge
// events stay in their account, so the event rule and the event metrics only ever count this
// account's; crawlers of other accounts have no metric at all and are refused.

const MONITORING = '111111111111';
const ORDERS = '222222222222';
const queueArn = (account: string, name: string, region = 'eu-west-1') => `arn:aws:batch:${region}:${account}:job-queue/${name}`;
const jobArn = (account: string, name: string, region = 'eu-west-1') => `arn:aws:glue:${region}:${account}:job/${name}`;
const crawlerArn = (account: string, name: string, region = 'eu-west-1') => `arn:aws:glue:${region}:${account}:crawler/${name}`;

function platform(extra: Partial<PlatformMonitoringProps> = {}) {
  const { stack } = newStack({ account: MONITORING, region: 'eu-west-1' });
  const monitoring = new PlatformMonitoring(stack, 'M', {
    environment: DeploymentEnvironment.PROD,
    recipients: { emails: ['ops@example.com'] },
    projectName: 'shop',
    batchJobQueues: ['etl', queueArn(ORDERS, 'etl')],
    glueJobNames: ['nightly', jobArn(ORDERS, 'orders-export')],
    ...extra,
  });
  return { stack, monitoring, template: Template.fromStack(stack) };
}

function alarmNamed(template: Template, name: string): any {
  const found = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a: any) => a.Properties)
    .filter((p: any) => p.AlarmName === name);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('Batch queues of source accounts', () => {
  test('with event capture: a JobsMovedToFailed alarm per source queue, read with its AccountId', () => {
    const { template } = platform();
    const alarm = alarmNamed(template, `shop-prod-batch-${ORDERS}-etl-job-failures`);
    expect(alarm.Metrics).toHaveLength(1);
    expect(alarm.Metrics[0]).toMatchObject({ AccountId: ORDERS, ReturnData: true });
    expect(alarm.Metrics[0].MetricStat).toMatchObject({
      Metric: { Namespace: 'AWS/Batch', MetricName: 'JobsMovedToFailed', Dimensions: [{ Name: 'JobQueueName', Value: 'etl' }] },
      Stat: 'Sum',
    });
    expect(alarm.Metrics[0].MetricStat.Unit).toBeUndefined();
    expect(alarm).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
    // This account's queues keep the event-count alarm.
    expect(alarmNamed(template, 'shop-prod-batch-job-failures').MetricName).toBe('Batch.JobsFailed');
  });

  test('the event rule and per-queue event metrics are this account\'s: a source queue\'s events never arrive', () => {
    const { template } = platform();
    const rules = Object.values(template.findResources('AWS::Events::Rule')).map((r: any) => r.Properties.EventPattern)
      .filter((p: any) => p['detail-type']?.[0] === 'Batch Job State Change');
    expect(rules).toHaveLength(1);
    // The source queue's ARN may sit in the pattern, but no event of another account reaches this bus:
    // it matches nothing, and the local queue is matched by its ARN in this account.
    expect(JSON.stringify(rules[0].detail.jobQueue)).toContain(`:${MONITORING}:job-queue/etl`);
  });

  test('without event capture, source queues join the native sum with their AccountId', () => {
    const { template } = platform({ alarms: { eventCapture: false } });
    const alarm = alarmNamed(template, 'shop-prod-batch-job-failures');
    const queries = alarm.Metrics.filter((m: any) => m.MetricStat);
    expect(queries.map((m: any) => m.AccountId)).toEqual([undefined, ORDERS]);
    expect(alarm.Metrics.find((m: any) => m.Expression).Expression).toBe('FILL(q1, 0) + FILL(q2, 0)');
    expect(Object.values(template.findResources('AWS::CloudWatch::Alarm'))
      .some((a: any) => String(a.Properties.AlarmName).startsWith(`shop-prod-batch-${ORDERS}`))).toBe(false);
  });

  test('the dashboard graphs a source queue with its accountId', () => {
    const { monitoring } = platform();
    const body = dashboardBody(monitoring.dataPipelineDashboard.dashboard);
    const graph = body.widgets.find((w: any) => w.properties.title === `Batch etl (account ${ORDERS}): state transitions`);
    expect(graph).toBeDefined();
    for (const m of graph.properties.metrics) expect(m[m.length - 1].accountId).toBe(ORDERS);
    const local = body.widgets.find((w: any) => w.properties.title === 'Batch etl: state transitions');
    for (const m of local.properties.metrics) expect(m[m.length - 1].accountId).toBeUndefined();
  });

  test('a local queue and a source queue of the same name are not duplicates; the same source queue twice is', () => {
    expect(() => platform({ batchJobQueues: [queueArn(ORDERS, 'etl'), queueArn(ORDERS, 'etl')] }))
      .toThrow(/batchJobQueues lists the job queue "etl" of account 222222222222 more than once \(entries 0 and 1\)/);
  });

  test('a queue of another region is still refused', () => {
    expect(() => platform({ batchJobQueues: [queueArn(ORDERS, 'etl', 'us-east-1')] }))
      .toThrow(/batchJobQueues\[0\] is the job queue "etl" in Region us-east-1, but this stack deploys to Region eu-west-1/);
  });
});

describe('Glue jobs of source accounts', () => {
  test('a failed-tasks alarm per source job, read with its AccountId', () => {
    const { template } = platform();
    const alarm = alarmNamed(template, `shop-prod-glue-${ORDERS}-orders-export-failed-tasks`);
    expect(alarm.Metrics[0]).toMatchObject({ AccountId: ORDERS, ReturnData: true });
    expect(alarm.Metrics[0].MetricStat.Metric).toEqual({
      Namespace: 'Glue',
      MetricName: 'glue.driver.aggregate.numFailedTasks',
      Dimensions: expect.arrayContaining([
        { Name: 'JobName', Value: 'orders-export' }, { Name: 'JobRunId', Value: 'ALL' }, { Name: 'Type', Value: 'count' },
      ]),
    });
    expect(alarm).toMatchObject({ Threshold: 1, TreatMissingData: 'notBreaching' });
    expect(Object.values(template.findResources('AWS::CloudWatch::Alarm'))
      .filter((a: any) => /failed-tasks$/.test(a.Properties.AlarmName))).toHaveLength(1);
  });

  test('the dashboard graphs a source job with its accountId, and leaves it out of the SEARCH expressions', () => {
    const { monitoring } = platform();
    const body = dashboardBody(monitoring.dataPipelineDashboard.dashboard);
    const tasks = body.widgets.find((w: any) => w.properties.title === 'Glue job tasks');
    const entries = tasks.properties.metrics.map((m: any[]) => ({ job: m[3], options: m[m.length - 1] }));
    expect(entries.filter((e: any) => e.job === 'orders-export').map((e: any) => e.options.accountId)).toEqual([ORDERS, ORDERS]);
    expect(entries.filter((e: any) => e.job === 'nightly').every((e: any) => e.options.accountId === undefined)).toBe(true);
    const searches = JSON.stringify(body.widgets.filter((w: any) => /errors by category/.test(w.properties.title ?? '')));
    expect(searches).toContain('nightly');
    expect(searches).not.toContain('orders-export');
  });

  test('DataPipelineDashboard alone takes a source job ARN', () => {
    const { stack } = newStack({ account: MONITORING, region: 'eu-west-1' });
    const d = new DataPipelineDashboard(stack, 'D', { projectName: 'shop', glueJobNames: [jobArn(ORDERS, 'orders-export')] });
    expect(JSON.stringify(dashboardBody(d.dashboard))).toContain(`"accountId":"${ORDERS}"`);
  });

  test.each([
    [{ glueJobNames: [jobArn(ORDERS, 'x', 'us-east-1')] },
      /glueJobNames\[0\] is the Glue job "x" in Region us-east-1, but this stack deploys to Region eu-west-1: .*cross-account observability shares telemetry within one Region/],
    [{ glueJobNames: [jobArn(ORDERS, 'x'), jobArn(ORDERS, 'x')] }, /glueJobNames lists the Glue job "x" of account 222222222222 more than once/],
  ])('refuses %j', (extra, message) => {
    expect(() => platform(extra as any)).toThrow(message);
  });
});

describe('Glue crawlers of source accounts are refused', () => {
  test('with the reason and what to do', () => {
    expect(() => platform({ glueCrawlerNames: [crawlerArn(ORDERS, 'raw-zone')] })).toThrow(
      'glueCrawlerNames[0] is the Glue crawler "raw-zone" of account 222222222222, but this stack deploys to account 111111111111: '
      + 'Glue crawlers publish no CloudWatch metrics, and their only signal, the Glue Crawler State Change event, is delivered '
      + 'only to EventBridge in the crawler\'s own account and Region (a cross-account observability link shares metrics, logs '
      + 'and traces, not events). Deploy a PlatformMonitoring in account 222222222222 with this crawler in its glueCrawlerNames '
      + '(its alarms can notify this account\'s topic: crossAccountAlerts), and remove it here.');
  });

  test('PlatformEvents alone refuses it too', () => {
    const { stack } = newStack({ account: MONITORING, region: 'eu-west-1' });
    const logGroup = new logs.LogGroup(stack, 'G');
    expect(() => new PlatformEvents(stack, 'E', { projectName: 'shop', logGroup, glueCrawlerNames: [crawlerArn(ORDERS, 'raw')] }))
      .toThrow(/glueCrawlerNames\[0\] is the Glue crawler "raw" of account 222222222222/);
  });

  test('a crawler of another region is refused', () => {
    expect(() => platform({ glueCrawlerNames: [crawlerArn(ORDERS, 'raw', 'us-east-1')] }))
      .toThrow(/glueCrawlerNames\[0\] is the Glue crawler "raw" in Region us-east-1, but this stack deploys to Region eu-west-1/);
  });
});
