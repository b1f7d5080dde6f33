import { App, NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DeploymentEnvironment, PlatformMonitoring } from '../../src';
import { AlarmShards } from '../../src/alarms/alarm-shards';
import { RECOMMENDED_CONTEXT } from '../fixtures';

// The API Gateway and DMS task alarms live in nested stacks chosen by a hash of each resource's key,
// so the platform stack does not grow with APIs or tasks, and listing more never moves an alarm.

function build(apis: string[], tasks: string[]): { stack: Stack; placement: Map<string, string> } {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'Platform', { env: { account: '123456789012', region: 'eu-west-1' } });
  new PlatformMonitoring(stack, 'Monitoring', {
    projectName: 'shop',
    environment: DeploymentEnvironment.PROD,
    recipients: { emails: ['ops@example.com'] },
    restApiStages: apis.map((apiName) => ({ apiName, stageName: 'prod' })),
    dmsReplicationTasks: tasks.map((t) => ({ replicationInstanceIdentifier: 'repl', replicationTaskIdentifier: t })),
  });
  const placement = new Map<string, string>();
  for (const nested of stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack)) {
    for (const alarm of Object.values(Template.fromStack(nested).findResources('AWS::CloudWatch::Alarm'))) {
      placement.set(alarm.Properties.AlarmName, nested.node.path);
    }
  }
  return { stack, placement };
}

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

test('no API or DMS task alarm in the platform stack; each in an api-alarms / dms-alarms shard', () => {
  const { stack, placement } = build(names('api', 20), names('TASK', 10));
  const own = Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmName as string);
  expect(own.filter((n) => /-(5xx|latency-p99|replication-lag|source-latency)$/.test(n))).toEqual([]);
  const api = [...placement].filter(([n]) => /rest-api/.test(n));
  expect(api).toHaveLength(40);
  for (const [, path] of api) expect(path).toMatch(new RegExp(`^Platform/Monitoring/Alarms/api-alarms-[1-${AlarmShards.SHARDS}]$`));
  const dms = [...placement].filter(([n]) => /-dms-TASK/.test(n));
  expect(dms).toHaveLength(20);
  for (const [, path] of dms) expect(path).toMatch(new RegExp(`^Platform/Monitoring/Alarms/dms-alarms-[1-${AlarmShards.SHARDS}]$`));
  // Spread over several shards, not one.
  expect(new Set(api.map(([, p]) => p)).size).toBeGreaterThan(3);
});

test('adding APIs and tasks (before, between and after) never moves an existing alarm', () => {
  const before = build(names('api', 20), names('TASK', 10)).placement;
  const after = build(['first', ...names('api', 10), 'middle', ...names('api', 20).slice(10), 'last'],
    ['TASKA', ...names('TASK', 10), 'TASKZ']).placement;
  for (const [name, path] of before) expect({ name, path: after.get(name) }).toEqual({ name, path });
  expect(after.size).toBe(before.size + 3 * 2 + 2 * 2);
});
