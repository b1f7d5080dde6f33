import { Template, Match } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { matchesFilterPattern } from './filter-pattern';
import { batchJobStatusPattern, glueCrawlerOutcomePattern, glueJobOutcomePattern } from '../../src/alerts/event-filter-patterns';
import { PlatformEvents } from '../../src/alerts/platform-events';
import { PlatformKey } from '../../src/encryption/platform-key';
import { DeploymentEnvironment } from '../../src/environment';
import { BatchJobStatus, GlueCrawlerOutcome, GlueJobOutcome } from '../../src/metrics/platform-event-metrics';
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
  function setup(withLists: boolean) {
    const { app, stack } = newStack();
    const key = new PlatformKey(stack, 'Key', { projectName: 'my-proj', environment: DeploymentEnvironment.DEV });
    const logGroup = new logs.LogGroup(stack, 'Group', {
      logGroupName: '/aws/events/my-proj/platform', retention: logs.RetentionDays.ONE_MONTH, encryptionKey: key.key,
    });
    const events = new PlatformEvents(stack, 'Events', {
      projectName: 'my-proj',
      environment: DeploymentEnvironment.DEV,
      logGroup,
      ...(withLists ? { batchJobQueues: [QUEUE], glueCrawlerNames: ['raw-crawler'], glueJobNames: ['etl-job'] } : {}),
    });
    return { app, stack, events, t: Template.fromStack(stack) };
  }

  test('rules for the three event types, delivered to the log group ARN, no Lambda', () => {
    const { t } = setup(true);
    t.resourceCountIs('AWS::Events::Rule', 3);
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
    const policy = Object.values(t.findResources('AWS::Logs::ResourcePolicy'))[0].Properties;
    expect(policy.PolicyName).toBe('my-proj-dev-events-to-logs');
    const doc = JSON.stringify(policy.PolicyDocument);
    expect(doc).toContain('\\"Action\\":[\\"logs:CreateLogStream\\",\\"logs:PutLogEvents\\"]');
    expect(doc).toContain('\\"Service\\":[\\"events.amazonaws.com\\",\\"delivery.logs.amazonaws.com\\"]');
    expect(doc).toMatch(/\{"Fn::GetAtt":\["Group[0-9A-F]+","Arn"\]\}/);
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
    t.resourceCountIs('AWS::Logs::MetricFilter', 6 + 2 + 3);
  });

  test('metric filters: namespace, names, patterns, per-resource dimensions', () => {
    const { t } = setup(true);
    t.resourceCountIs('AWS::Logs::MetricFilter', 2 * (6 + 2 + 3));
    t.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: batchJobStatusPattern(BatchJobStatus.FAILED),
      MetricTransformations: [{ MetricNamespace: 'my-proj-dev', MetricName: 'Batch.JobsFailed', MetricValue: '1', Unit: 'Count' }],
    });
    t.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: batchJobStatusPattern(BatchJobStatus.FAILED),
      MetricTransformations: [Match.objectLike({ MetricName: 'Batch.JobsFailed', Dimensions: [{ Key: 'JobQueue', Value: '$.detail.jobQueue' }] })],
    });
    t.hasResourceProperties('AWS::Logs::MetricFilter', {
      MetricTransformations: [Match.objectLike({ MetricName: 'Glue.CrawlerRunsFailed', Dimensions: [{ Key: 'CrawlerName', Value: '$.detail.crawlerName' }] })],
    });
    t.hasResourceProperties('AWS::Logs::MetricFilter', {
      MetricTransformations: [Match.objectLike({ MetricName: 'Glue.JobRunsTimedOut', Dimensions: [{ Key: 'JobName', Value: '$.detail.jobName' }] })],
    });
  });

  test('no cdk-nag findings', () => {
    const { app, stack } = setup(true);
    expect(nagFindings(app, stack)).toEqual([]);
  });
});
