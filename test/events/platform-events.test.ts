import { Template, Match } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { DeploymentEnvironment } from '../../src/core/environment';
import { PlatformKey } from '../../src/encryption/platform-key';
import { batchJobStatusPattern, glueCrawlerOutcomePattern, glueJobOutcomePattern } from '../../src/events/event-filter-patterns';
import { PlatformEvents } from '../../src/events/platform-events';
import { BatchJobStatus, GlueCrawlerOutcome, GlueJobOutcome } from '../../src/metrics/platform-event-metrics';
import { matchesFilterPattern } from '../alarms/filter-pattern';
import { nagFindings, newStack } from '../nag-helpers';

const QUEUE = 'arn:aws:batch:eu-west-1:123456789012:job-queue/etl-queue';

// Shapes of the AWS sample events (EventBridge envelope + detail).
function batchEvent(status: string, extra: object = {}) {
  return {
    'version': '0',
    'id': 'c8f9c4b5-76e5-d76a-f980-7011e206042b',
    'detail-type': 'Batch Job State Change',
    'source': 'aws.batch',
    'account': '123456789012',
    'time': '2022-01-11T23:36:40Z',
    'region': 'eu-west-1',
    'resources': ['arn:aws:batch:eu-west-1:123456789012:job/4c7599ae-0a82-49aa-ba5a-4727fcce14a8'],
    'detail': {
      jobArn: 'arn:aws:batch:eu-west-1:123456789012:job/4c7599ae-0a82-49aa-ba5a-4727fcce14a8',
      jobName: 'event-test',
      jobId: '4c7599ae-0a82-49aa-ba5a-4727fcce14a8',
      jobQueue: QUEUE,
      status,
      attempts: [],
      createdAt: 1641944200058,
      retryStrategy: { attempts: 2, evaluateOnExit: [] },
      dependsOn: [],
      jobDefinition: 'arn:aws:batch:eu-west-1:123456789012:job-definition/first-run-job-definition:1',
      parameters: {},
      container: { image: 'busybox', command: ['sleep', '600'] },
      tags: {},
      propagateTags: false,
      platformCapabilities: [],
      ...extra,
    },
  };
}
const attempt = { container: { exitCode: 1, logStreamName: 'x' }, startedAt: 1641944300000, stoppedAt: 1641944400000, statusReason: 'Essential container exited' };
const crawlerEvent = (state: string) => ({
  'version': '0',
  'id': '1',
  'detail-type': 'Glue Crawler State Change',
  'source': 'aws.glue',
  'account': '123456789012',
  'time': '2024-01-01T00:00:00Z',
  'region': 'eu-west-1',
  'resources': [],
  'detail': {
    crawlerName: 'raw-crawler',
    errorMessage: 'Internal Service Exception',
    accountId: '123456789012',
    cloudWatchLogLink: 'https://console.aws.amazon.com/cloudwatch/home',
    state,
  },
});
// The sample event of the AWS DMS User Guide, "Working with Amazon EventBridge events and
// notifications in AWS Database Migration Service" (CHAP_EventBridge), with a task of this account.
const TASK = { replicationInstanceIdentifier: 'platform-repl', replicationTaskIdentifier: 'AAAABBBB0CCCCDDDDEEEEE1FFFF2GGG3FFFFFF3' };
const dmsTaskEvent = {
  'version': '0',
  'id': '11a11b11-222b-333a-44d4-01234a5b67890',
  'detail-type': 'DMS Replication Task State Change',
  'source': 'aws.dms',
  'account': '123456789012',
  'time': '1970-01-01T00:00:00Z',
  'region': 'eu-west-1',
  'resources': ['arn:aws:dms:eu-west-1:123456789012:task:AAAABBBB0CCCCDDDDEEEEE1FFFF2GGG3FFFFFF3'],
  'detail': {
    type: 'ReplicationTask',
    category: 'StateChange',
    eventType: 'REPLICATION_TASK_STARTED',
    eventName: 'DMS-EVENT-0069',
    resourceLink: 'https://console.aws.amazon.com/dms/v2/home?region=eu-west-1#taskDetails/taskName',
    detailMessage: 'Replication task started, with flag = fresh start',
  },
};

const jobEvent = (state: string) => ({
  'version': '0',
  'id': '2',
  'detail-type': 'Glue Job State Change',
  'source': 'aws.glue',
  'account': '123456789012',
  'time': '2024-01-01T00:00:00Z',
  'region': 'eu-west-1',
  'resources': [],
  'detail': { jobName: 'etl-job', severity: 'ERROR', state, jobRunId: 'jr_0123', message: 'Job run failed' },
});

describe('event filter patterns against AWS sample events', () => {
  test('Batch statuses', () => {
    expect(matchesFilterPattern(batchJobStatusPattern(BatchJobStatus.FAILED), batchEvent('FAILED', { attempts: [attempt] }))).toBe(true);
    expect(matchesFilterPattern(batchJobStatusPattern(BatchJobStatus.FAILED), batchEvent('SUCCEEDED'))).toBe(false);
    expect(matchesFilterPattern(batchJobStatusPattern(BatchJobStatus.SUCCEEDED), batchEvent('SUCCEEDED'))).toBe(true);
    expect(matchesFilterPattern(batchJobStatusPattern(BatchJobStatus.RUNNING), batchEvent('RUNNING'))).toBe(true);
    expect(matchesFilterPattern(batchJobStatusPattern(BatchJobStatus.STARTING), batchEvent('STARTING'))).toBe(true);
    expect(matchesFilterPattern(batchJobStatusPattern(BatchJobStatus.RUNNABLE), batchEvent('RUNNABLE'))).toBe(true);
    // A Glue event with the same word is not a Batch job.
    expect(matchesFilterPattern(batchJobStatusPattern(BatchJobStatus.FAILED), jobEvent('FAILED'))).toBe(false);
  });

  test('Batch "submitted" counts a job once: first RUNNABLE or PENDING, not retries or dependants', () => {
    const submitted = batchJobStatusPattern(BatchJobStatus.SUBMITTED);
    expect(matchesFilterPattern(submitted, batchEvent('RUNNABLE'))).toBe(true);
    expect(matchesFilterPattern(submitted, batchEvent('PENDING', { dependsOn: [{ jobId: 'parent' }] }))).toBe(true);
    expect(matchesFilterPattern(submitted, batchEvent('RUNNABLE', { dependsOn: [{ jobId: 'parent' }] }))).toBe(false);
    expect(matchesFilterPattern(submitted, batchEvent('RUNNABLE', { attempts: [attempt] }))).toBe(false);
    expect(matchesFilterPattern(submitted, batchEvent('RUNNING'))).toBe(false);
  });

  test('Batch "submitted" counts a retried job once, also when the failed attempt never reached RUNNING', () => {
    const submitted = batchJobStatusPattern(BatchJobStatus.SUBMITTED);
    const count = (events: object[]) => events.filter((e) => matchesFilterPattern(submitted, e)).length;
    // AttemptDetail: startedAt/stoppedAt only once RUNNING; container.taskArn from STARTING (AWS Batch API reference).
    const failedWhileStarting = {
      container: { taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/c/1', reason: 'CannotPullContainerError: pull access denied' },
      statusReason: 'Task failed to start',
    };
    const ranAndFailed = { ...attempt, container: { ...attempt.container, taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/c/2' } };
    const succeeded = { container: { exitCode: 0, taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/c/3' }, startedAt: 1, stoppedAt: 2, statusReason: 'Essential container in task exited' };
    // First attempt fails while STARTING (image pull), second succeeds.
    expect(count([
      batchEvent('RUNNABLE'), batchEvent('STARTING'),
      batchEvent('RUNNABLE', { attempts: [failedWhileStarting] }), batchEvent('STARTING', { attempts: [failedWhileStarting] }),
      batchEvent('RUNNING', { attempts: [failedWhileStarting] }), batchEvent('SUCCEEDED', { attempts: [failedWhileStarting, succeeded] }),
    ])).toBe(1);
    // First attempt runs and fails, the retry fails too.
    expect(count([
      batchEvent('RUNNABLE'), batchEvent('STARTING'), batchEvent('RUNNING'),
      batchEvent('RUNNABLE', { attempts: [ranAndFailed] }), batchEvent('STARTING', { attempts: [ranAndFailed] }),
      batchEvent('RUNNING', { attempts: [ranAndFailed] }), batchEvent('FAILED', { attempts: [ranAndFailed, ranAndFailed] }),
    ])).toBe(1);
    // A dependent job: PENDING first, then RUNNABLE (still listing its dependency), retried once.
    const dependsOn = [{ jobId: 'parent', type: 'SEQUENTIAL' }];
    expect(count([
      batchEvent('PENDING', { dependsOn }), batchEvent('RUNNABLE', { dependsOn }), batchEvent('STARTING', { dependsOn }),
      batchEvent('RUNNABLE', { dependsOn, attempts: [failedWhileStarting] }), batchEvent('RUNNING', { dependsOn, attempts: [failedWhileStarting] }),
      batchEvent('SUCCEEDED', { dependsOn, attempts: [failedWhileStarting, succeeded] }),
    ])).toBe(1);
  });

  test('Glue crawler and job outcomes', () => {
    expect(matchesFilterPattern(glueCrawlerOutcomePattern(GlueCrawlerOutcome.FAILED), crawlerEvent('Failed'))).toBe(true);
    expect(matchesFilterPattern(glueCrawlerOutcomePattern(GlueCrawlerOutcome.FAILED), crawlerEvent('Succeeded'))).toBe(false);
    expect(matchesFilterPattern(glueCrawlerOutcomePattern(GlueCrawlerOutcome.SUCCEEDED), crawlerEvent('Succeeded'))).toBe(true);
    expect(matchesFilterPattern(glueCrawlerOutcomePattern(GlueCrawlerOutcome.FAILED), jobEvent('FAILED'))).toBe(false);
    expect(matchesFilterPattern(glueJobOutcomePattern(GlueJobOutcome.FAILED), jobEvent('FAILED'))).toBe(true);
    expect(matchesFilterPattern(glueJobOutcomePattern(GlueJobOutcome.TIMED_OUT), jobEvent('TIMEOUT'))).toBe(true);
    expect(matchesFilterPattern(glueJobOutcomePattern(GlueJobOutcome.TIMED_OUT), jobEvent('FAILED'))).toBe(false);
    expect(matchesFilterPattern(glueJobOutcomePattern(GlueJobOutcome.SUCCEEDED), jobEvent('SUCCEEDED'))).toBe(true);
    expect(matchesFilterPattern(glueJobOutcomePattern(GlueJobOutcome.FAILED), crawlerEvent('Failed'))).toBe(false);
  });

  test('the evaluator catches a wrong field path', () => {
    expect(matchesFilterPattern('{ $.detail.jobStatus = "FAILED" }', batchEvent('FAILED'))).toBe(false);
  });
});

describe('PlatformEvents', () => {
  function setup(withLists: boolean, extra: object = {}) {
    const { app, stack } = newStack();
    const key = new PlatformKey(stack, 'Key', { projectName: 'my-proj', environment: DeploymentEnvironment.DEV });
    const logGroup = new logs.LogGroup(stack, 'Group', {
      logGroupName: '/aws/events/my-proj/platform', retention: logs.RetentionDays.ONE_MONTH, encryptionKey: key.key,
    });
    const events = new PlatformEvents(stack, 'Events', {
      projectName: 'my-proj',
      environment: DeploymentEnvironment.DEV,
      logGroup,
      ...(withLists ? { batchJobQueues: [QUEUE], glueCrawlerNames: ['raw-crawler'], glueJobNames: ['etl-job'], dmsReplicationTasks: [TASK] } : {}),
      ...extra,
    });
    return { app, stack, events, t: Template.fromStack(stack) };
  }

  test('rules for the four event types, delivered to the log group ARN, no Lambda', () => {
    const { t } = setup(true);
    t.resourceCountIs('AWS::Events::Rule', 4);
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { 'source': ['aws.batch'], 'detail-type': ['Batch Job State Change'], 'detail': { jobQueue: [QUEUE] } },
      Targets: [Match.objectLike({
        Arn: { 'Fn::Join': ['', Match.arrayWith([':logs:eu-west-1:123456789012:log-group:', { Ref: Match.stringLikeRegexp('^Group') }])] },
      })],
    });
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { 'source': ['aws.glue'], 'detail-type': ['Glue Crawler State Change'], 'detail': { crawlerName: ['raw-crawler'] } },
    });
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { 'source': ['aws.glue'], 'detail-type': ['Glue Job State Change'], 'detail': { jobName: ['etl-job'] } },
    });
    t.resourceCountIs('AWS::Lambda::Function', 0);
    t.resourceCountIs('Custom::CloudwatchLogResourcePolicy', 0);
    // Every rule writes to the same group, after the resource policy that lets EventBridge write.
    const rules = Object.values(t.findResources('AWS::Events::Rule')) as any[];
    for (const r of rules) {
      expect(r.Properties.Targets).toHaveLength(1);
      expect(JSON.stringify(r.Properties.Targets[0].Arn)).toMatch(/:log-group:",\{"Ref":"Group[0-9A-F]+"\}\]\]\}$/);
      expect(r.DependsOn).toEqual([expect.stringMatching(/^EventsDeliveryPolicy/)]);
    }
    // The group is named /aws/events/<name>/platform: the shared account-level policy covers it.
    const policy = Object.values(t.findResources('AWS::Logs::ResourcePolicy'))[0].Properties;
    expect(policy.PolicyName).toBe('platform-monitoring-events-to-logs');
    const doc = JSON.parse(JSON.stringify(policy.PolicyDocument).replace(/\{"Ref":"AWS::Partition"\}/g, '"aws"'));
    expect(doc).toEqual({
      'Fn::Join': ['', [expect.stringContaining(
        '"Action":["logs:CreateLogStream","logs:PutLogEvents"],"Effect":"Allow","Principal":{"Service":'
      + '["events.amazonaws.com","delivery.logs.amazonaws.com"]},"Resource":"arn:'), 'aws',
      expect.stringMatching(/^:logs:eu-west-1:123456789012:log-group:\/aws\/events\/\*\/platform:\*"/)]],
    });
  });

  test('a queue given by name is matched through its ARN in this stack\'s partition, region and account', () => {
    const { stack } = newStack();
    const logGroup = new logs.LogGroup(stack, 'Group', { logGroupName: '/aws/events/my-proj/platform' });
    new PlatformEvents(stack, 'Events', { projectName: 'my-proj', logGroup, batchJobQueues: ['etl-queue'] });
    const rule = Object.values(Template.fromStack(stack).findResources('AWS::Events::Rule', {
      Properties: { EventPattern: { source: ['aws.batch'] } },
    }))[0] as any;
    const [queue] = rule.Properties.EventPattern.detail.jobQueue;
    expect(queue).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':batch:eu-west-1:123456789012:job-queue/etl-queue']] });
    // In the aws partition that is exactly the ARN a Batch event carries in detail.jobQueue.
    const arn = queue['Fn::Join'][1].map((part: unknown) => (typeof part === 'string' ? part : 'aws')).join('');
    expect(arn).toBe(batchEvent('FAILED').detail.jobQueue);
  });

  test('an env-agnostic stack builds the queue ARN from its region and account', () => {
    const { stack } = newStack({});
    const logGroup = new logs.LogGroup(stack, 'Group', { logGroupName: '/aws/events/my-proj/platform' });
    new PlatformEvents(stack, 'Events', { projectName: 'my-proj', logGroup, batchJobQueues: ['etl-queue'] });
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        detail: {
          jobQueue: [{
            'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':batch:', { Ref: 'AWS::Region' }, ':',
              { Ref: 'AWS::AccountId' }, ':job-queue/etl-queue']],
          }],
        },
      },
    });
  });

  test('unfiltered rules and totals only without lists', () => {
    const { t } = setup(false);
    t.hasResourceProperties('AWS::Events::Rule', { EventPattern: { 'source': ['aws.batch'], 'detail-type': ['Batch Job State Change'] } });
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { 'source': ['aws.dms'], 'detail-type': ['DMS Replication Task State Change'], 'resources': Match.absent() },
    });
    t.resourceCountIs('AWS::Logs::MetricFilter', 4 + 2 + 3);
  });

  // Amazon EventBridge Events Reference, "AWS Database Migration Service events": source aws.dms,
  // detail-type "DMS Replication Task State Change"; the event's resources hold the task ARN (AWS DMS
  // User Guide, CHAP_EventBridge), arn:aws:dms:<region>:<account>:task:<resource id> (CHAP_Introduction.AWS.ARN),
  // matched by its end (EventBridge "Comparison operators for use in event patterns": suffix).
  test('DMS task state changes: exact source and detail-type, only the listed tasks by the end of their ARN in resources', () => {
    const { t, events } = setup(true);
    const dmsRules = t.findResources('AWS::Events::Rule', { Properties: { EventPattern: { source: ['aws.dms'] } } });
    expect(Object.keys(dmsRules)).toEqual([expect.stringMatching(/^EventsDmsTaskStateChange/)]);
    const rule = (Object.values(dmsRules)[0] as any).Properties;
    expect(Object.keys(rule.EventPattern).sort()).toEqual(['detail-type', 'resources', 'source']);
    expect(rule.EventPattern['detail-type']).toEqual(['DMS Replication Task State Change']);
    expect(rule.EventPattern.resources).toEqual([{ suffix: ':task:AAAABBBB0CCCCDDDDEEEEE1FFFF2GGG3FFFFFF3' }]);
    // The sample event's task ARN ends with it; another task's ARN does not.
    expect(dmsTaskEvent.resources[0].endsWith(rule.EventPattern.resources[0].suffix)).toBe(true);
    expect('arn:aws:dms:eu-west-1:123456789012:task:OTHER'.endsWith(rule.EventPattern.resources[0].suffix)).toBe(false);
    expect(rule.Description).toBe('my-proj-dev: DMS replication task state changes to the platform events log group');
    expect(rule.Targets).toEqual([{
      Id: 'Target0',
      Arn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:eu-west-1:123456789012:log-group:', { Ref: expect.stringMatching(/^Group/) }]] },
    }]);
    expect(events.dmsTaskRule.node.path).toBe('TestStack/Events/DmsTaskStateChange');
    // Task events feed no metric filter.
    expect(JSON.stringify(t.findResources('AWS::Logs::MetricFilter'))).not.toMatch(/aws\.dms|DMS/);
  });

  test('DMS task matchers: one suffix per listed task, without partition, Region or account tokens even when env-agnostic', () => {
    const agnostic = newStack({}).stack;
    new PlatformEvents(agnostic, 'Events', {
      projectName: 'my-proj',
      logGroup: new logs.LogGroup(agnostic, 'Group', { logGroupName: '/aws/events/my-proj/platform' }),
      dmsReplicationTasks: [TASK, { replicationInstanceIdentifier: 'other-repl', replicationTaskIdentifier: 'XYZ', account: '210987654321' }],
    });
    const rule = Object.values(Template.fromStack(agnostic).findResources('AWS::Events::Rule', {
      Properties: { EventPattern: { source: ['aws.dms'] } },
    }))[0] as any;
    expect(rule.Properties.EventPattern.resources).toEqual([
      { suffix: ':task:AAAABBBB0CCCCDDDDEEEEE1FFFF2GGG3FFFFFF3' },
      { suffix: ':task:XYZ' },
    ]);
  });

  test('bad DMS tasks fail at synth', () => {
    const { stack } = newStack();
    const logGroup = new logs.LogGroup(stack, 'Group', { logGroupName: '/aws/events/my-proj/platform' });
    expect(() => new PlatformEvents(stack, 'A', { projectName: 'my-proj', logGroup, dmsReplicationTasks: [{ ...TASK, replicationTaskIdentifier: '' }] }))
      .toThrow(/dmsReplicationTasks\[0\]\.replicationTaskIdentifier must be a non-empty DMS replication task resource id/);
    expect(() => new PlatformEvents(stack, 'B', { projectName: 'my-proj', logGroup, dmsReplicationTasks: [TASK, TASK] }))
      .toThrow(/dmsReplicationTasks lists platform-repl\/AAAABBBB0CCCCDDDDEEEEE1FFFF2GGG3FFFFFF3 more than once/);
  });

  test('metric filters: namespace, names, patterns, per-resource dimensions for Glue only', () => {
    const { t } = setup(true);
    // Batch totals (4: Runnable and Starting are read by nothing, AWS/Batch counts them per queue for
    // free), Glue crawler (2) and job (3) totals, and per crawler; per job only on request
    // (glueJobMetricsByJob: nothing of the platform reads them). No per-queue Batch filters
    // (AWS/Batch publishes per-queue counts natively, by JobQueueName).
    t.resourceCountIs('AWS::Logs::MetricFilter', 4 + 2 * 2 + 3);
    t.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: batchJobStatusPattern(BatchJobStatus.FAILED),
      MetricTransformations: [{ MetricNamespace: 'my-proj-dev', MetricName: 'Batch.JobsFailed', MetricValue: '1', Unit: 'Count' }],
    });
    const batchFilters = Object.values(t.findResources('AWS::Logs::MetricFilter')).map((f: any) => f.Properties.MetricTransformations[0])
      .filter((m: any) => m.MetricName.startsWith('Batch.'));
    expect(batchFilters.map((m: any) => m.MetricName).sort()).toEqual(['Batch.JobsFailed', 'Batch.JobsRunning',
      'Batch.JobsSubmitted', 'Batch.JobsSucceeded']);
    for (const m of batchFilters) expect(m.Dimensions).toBeUndefined();
    t.hasResourceProperties('AWS::Logs::MetricFilter', {
      MetricTransformations: [Match.objectLike({ MetricName: 'Glue.CrawlerRunsFailed', Dimensions: [{ Key: 'CrawlerName', Value: '$.detail.crawlerName' }] })],
    });
    expect(JSON.stringify(t.findResources('AWS::Logs::MetricFilter'))).not.toContain('"Key":"JobName"');
    const byJob = setup(true, { glueJobMetricsByJob: true }).t;
    byJob.resourceCountIs('AWS::Logs::MetricFilter', 4 + 2 * 2 + 2 * 3);
    byJob.hasResourceProperties('AWS::Logs::MetricFilter', {
      MetricTransformations: [Match.objectLike({ MetricName: 'Glue.JobRunsTimedOut', Dimensions: [{ Key: 'JobName', Value: '$.detail.jobName' }] })],
    });
  });

  test('no cdk-nag findings', () => {
    const { app, stack } = setup(true);
    expect(nagFindings(app, stack)).toEqual([]);
  });
});
