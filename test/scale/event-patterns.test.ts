import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DeploymentEnvironment, PlatformMonitoring } from '../../src';
import { renderForLength, SHARED_QUOTAS } from '../../src/limits/shared-quotas';
import { RECOMMENDED_CONTEXT } from '../fixtures';

// An event pattern is at most 2,048 characters (Amazon EventBridge quotas). Long lists of DMS tasks,
// Batch queues, Glue crawlers and jobs are split across several rules, each within the quota; the
// first rule keeps its logical ID, and together they match every listed resource once.

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const long = (prefix: string, i: number) => `${prefix}-${i}-`.padEnd(255, 'x');

let template: Template;
let monitoring: PlatformMonitoring;

beforeAll(() => {
  // Environment-agnostic: the Batch queue ARNs hold tokens, counted at their longest.
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'Platform');
  monitoring = new PlatformMonitoring(stack, 'Monitoring', {
    projectName: 'shop',
    environment: DeploymentEnvironment.PROD,
    recipients: { emails: ['ops@example.com'] },
    dmsReplicationTasks: range(100).map((i) => ({ replicationInstanceIdentifier: 'shop-replication', replicationTaskIdentifier: `SHOPTASK${i}ABCDEFGHIJKLMNOPQRSTUV` })),
    batchJobQueues: range(60).map((i) => `shop-queue-${i}`),
    glueCrawlerNames: range(10).map((i) => long('crawler', i)),
    glueJobNames: range(10).map((i) => long('job', i)),
  });
  app.synth(); // the plugin fails the synth on any pattern over the quota
  template = Template.fromStack(stack);
});

function rules(detailType: string): Array<[string, any]> {
  return Object.entries(template.findResources('AWS::Events::Rule'))
    .filter(([, r]) => r.Properties.EventPattern['detail-type']?.[0] === detailType) as Array<[string, any]>;
}

test.each([
  ['DMS Replication Task State Change', 'DmsTaskStateChange', (p: any) => p.resources.map((m: any) => m.suffix), 100],
  ['Batch Job State Change', 'BatchJobStateChange', (p: any) => p.detail.jobQueue, 60],
  ['Glue Crawler State Change', 'GlueCrawlerStateChange', (p: any) => p.detail.crawlerName, 10],
  ['Glue Job State Change', 'GlueJobStateChange', (p: any) => p.detail.jobName, 10],
])('%s: split into rules of at most 2,048 characters, the first keeping its id, every resource once', (detailType, id, listed, count) => {
  const found = rules(detailType);
  expect(found.length).toBeGreaterThan(1);
  expect(found.map(([logicalId]) => logicalId)).toContainEqual(expect.stringMatching(new RegExp(`^MonitoringAlarmsEvents${id}[0-9A-F]{8}$`)));
  for (const [, r] of found) {
    expect(JSON.stringify(renderForLength(r.Properties.EventPattern, {})).length).toBeLessThanOrEqual(SHARED_QUOTAS.eventPatternCharacters);
  }
  expect(found.flatMap(([, r]) => listed(r.Properties.EventPattern))).toHaveLength(count);
});

test('the public rule lists hold every rule; the single-rule properties are the first', () => {
  const events = monitoring.alarms.platformEvents!;
  expect(events.dmsTaskRules.length).toBe(rules('DMS Replication Task State Change').length);
  expect(events.dmsTaskRule).toBe(events.dmsTaskRules[0]);
  expect(events.batchJobRule).toBe(events.batchJobRules[0]);
  expect(events.glueCrawlerRules.length).toBe(rules('Glue Crawler State Change').length);
  expect(events.glueJobRule).toBe(events.glueJobRules[0]);
});
