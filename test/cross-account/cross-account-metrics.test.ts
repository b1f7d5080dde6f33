import { NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { DeploymentEnvironment } from '../../src/core/environment';
import { PlatformMonitoring } from '../../src/platform-monitoring';
import { PlatformMonitoringProps } from '../../src/platform-monitoring-props';
import { dashboardBody } from '../dashboards/body';
import { newStack } from '../nag-helpers';

// Resources of source accounts watched from the monitoring account (README "Many accounts"):
// graphs carry the metric's accountId (CloudWatch dashboard body structure: "accountId" in a
// metric's rendering properties), and alarms read it through a metric query with AccountId
// (PutMetricAlarm / MetricDataQuery "AccountId: the ID of the account where the metrics are
// located", for monitoring accounts of CloudWatch cross-account observability).

const MONITORING = '123456789012';
const WORKLOAD_A = '222222222222';
const WORKLOAD_B = '333333333333';

function platform(extra: Partial<PlatformMonitoringProps> = {}) {
  const { stack } = newStack({ account: MONITORING, region: 'eu-west-1' });
  const httpApi = apigatewayv2.HttpApi.fromHttpApiAttributes(stack, 'Http', { httpApiId: 'a1b2c3d4e5' });
  const monitoring = new PlatformMonitoring(stack, 'M', {
    environment: DeploymentEnvironment.PROD,
    recipients: { emails: ['ops@example.com'] },
    projectName: 'shop',
    dmsReplicationTasks: [
      { replicationInstanceIdentifier: 'repl', replicationTaskIdentifier: 'TASKAAAA', account: WORKLOAD_A },
      { replicationInstanceIdentifier: 'repl', replicationTaskIdentifier: 'TASKAAAA' }, // same ids, this account: not a duplicate
    ],
    restApiStages: [{ apiName: 'orders', stageName: 'prod', account: WORKLOAD_B, region: 'eu-west-1' }],
    httpApis: [{ api: httpApi, account: WORKLOAD_A, displayName: 'checkout' }],
    ...extra,
  });
  return { stack, monitoring };
}

/** Every alarm's metric query entries (MetricStat with AccountId) by namespace. */
function alarmQueries(stack: Stack, namespace: string): any[] {
  // The stack and its nested stacks: API and DMS task alarms sit in nested shards.
  const stacks = [stack, ...stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack)];
  return stacks.flatMap((s) => Object.values(Template.fromStack(s).findResources('AWS::CloudWatch::Alarm')))
    .map((a: any) => a.Properties)
    .filter((p: any) => p.Namespace === namespace || (p.Metrics ?? []).some((m: any) => m.MetricStat?.Metric.Namespace === namespace));
}

test('alarms on source-account metrics query them with AccountId; same-account alarms stay plain', () => {
  const { stack } = platform();
  const dms = alarmQueries(stack, 'AWS/DMS');
  const crossDms = dms.filter((p) => p.Metrics);
  expect(crossDms.length).toBeGreaterThan(0);
  for (const p of crossDms) {
    expect(p.Namespace).toBeUndefined();
    const [m] = p.Metrics;
    expect(m.AccountId).toBe(WORKLOAD_A);
    expect(m.MetricStat.Metric.Dimensions).toEqual(expect.arrayContaining([{ Name: 'ReplicationInstanceIdentifier', Value: 'repl' }]));
    expect(m.MetricStat.Unit).toBeUndefined();
  }
  // Task alarms (lag, source latency) and the instance's free-storage alarm: the source account's
  // instance "repl" is not this account's "repl", so each has its own storage alarm.
  const metricNames = crossDms.map((p) => p.Metrics[0].MetricStat.Metric.MetricName).sort();
  expect(metricNames).toEqual(['CDCLatencySource', 'CDCLatencyTarget', 'FreeStorageSpace']);
  for (const p of crossDms.filter((q) => q.Metrics[0].MetricStat.Metric.MetricName !== 'FreeStorageSpace')) {
    expect(p.Metrics[0].MetricStat.Metric.Dimensions).toEqual(expect.arrayContaining([{ Name: 'ReplicationTaskIdentifier', Value: 'TASKAAAA' }]));
  }
  // The same task ids in the monitoring account: a plain metric alarm, no AccountId.
  expect(dms.filter((p) => p.Namespace === 'AWS/DMS').length).toBe(crossDms.length);

  const api = alarmQueries(stack, 'AWS/ApiGateway');
  const accounts = api.flatMap((p) => (p.Metrics ?? []).map((m: any) => m.AccountId)).filter(Boolean);
  expect(new Set(accounts)).toEqual(new Set([WORKLOAD_A, WORKLOAD_B]));
  expect(api.every((p) => p.Metrics)).toBe(true);
});

test('dashboards graph source-account metrics with accountId', () => {
  const { monitoring } = platform();
  const pipeline = JSON.stringify(dashboardBody(monitoring.dataPipelineDashboard.dashboard));
  expect(pipeline).toMatch(new RegExp(`"AWS/DMS","CDCLatencyTarget"[^\\]]*"TASKAAAA"[^\\]]*\\{[^}]*"accountId":"${WORKLOAD_A}"`));
  const apis = JSON.stringify(dashboardBody(monitoring.apiPerformanceDashboard.dashboard));
  expect(apis).toContain(`"accountId":"${WORKLOAD_B}"`);
  expect(apis).toContain(`"accountId":"${WORKLOAD_A}"`);
  expect(apis).not.toContain(`"accountId":"${MONITORING}"`);
});

test.each([
  [{ dmsReplicationTasks: [{ replicationInstanceIdentifier: 'r', replicationTaskIdentifier: 'T', account: '2222' }] },
    /dmsReplicationTasks\[0\].account "2222" is not a valid AWS account ID/],
  [{ restApiStages: [{ apiName: 'a', stageName: 'p', region: 'Europe' }] }, /restApiStages\[0\].region "Europe" is not a Region code/],
  [{ restApiStages: [{ apiName: 'a', stageName: 'p', region: 'us-east-1' }] },
    /restApiStages\[0\] is the REST API stage "a\/p" in Region us-east-1, but this stack deploys to Region eu-west-1: a CloudWatch alarm watches metrics of its own Region only/],
  [{
    dmsReplicationTasks: [{ replicationInstanceIdentifier: 'r', replicationTaskIdentifier: 'T', account: WORKLOAD_A },
      { replicationInstanceIdentifier: 'r', replicationTaskIdentifier: 'T', account: WORKLOAD_A }],
  }, /more than once/],
])('rejects %j', (extra, message) => {
  expect(() => platform(extra as any)).toThrow(message);
});

// A source account's task publishes nothing in the monitoring account until that account's link to
// the sink exists: counted as breaching, its lag alarm would page from the first deploy. It stays
// INSUFFICIENT_DATA instead (no action); this account's task keeps "breaching" (a stopped task).
test('the replication-lag alarm of a source account\'s DMS task treats missing data as missing; this account\'s as breaching', () => {
  const { stack } = platform();
  const lag = alarmQueries(stack, 'AWS/DMS').filter((p) => (p.MetricName ?? p.Metrics?.[0].MetricStat.Metric.MetricName) === 'CDCLatencyTarget');
  const byAccount = Object.fromEntries(lag.map((p) => [p.Metrics ? p.Metrics[0].AccountId : 'own', p]));
  expect(Object.keys(byAccount).sort()).toEqual([WORKLOAD_A, 'own']);
  expect(byAccount[WORKLOAD_A].TreatMissingData).toBe('missing');
  expect(byAccount[WORKLOAD_A].InsufficientDataActions ?? []).toEqual([]);
  expect(byAccount.own.TreatMissingData).toBe('breaching');
});
