import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import {
  ApiPerformanceDashboard, CentralLogging, DataPipelineDashboard, DeploymentEnvironment, PlatformAlarms, PlatformEvents, PlatformMonitoring,
  PlatformMonitoringProps,
} from '../../src';
import * as lists from '../../src/model/resource-lists';
import { dashboardBody } from '../dashboards/body';
import { allOptionsPlatform, newStack } from '../fixtures';

// One rule (src/model/resource-location.ts) decides the account and Region of every listed resource:
// one message per case, naming the prop and the fix, the same for every service.

const MONITORING = '111111111111';
const ORDERS = '222222222222';
const env = { account: MONITORING, region: 'eu-west-1' };

/** Why another Region is refused where the platform creates alarms (and event rules). */
const ALARMS_REGION = 'a CloudWatch alarm watches metrics of its own Region only, and an event rule sees events of its own Region '
  + 'only; cross-account observability shares telemetry within one Region.';
/** Why another Region is refused by event capture alone. */
const EVENTS_REGION = 'AWS services deliver events only to EventBridge in the resource\'s own account and Region, so the event rule '
  + 'here would never see them; cross-account observability shares telemetry within one Region.';
const DASHBOARD_HINT = ', or graph it on a dashboard only (ApiPerformanceDashboard / DataPipelineDashboard show other Regions)';
const otherRegion = (prop: string, what: string, reason: string, hint = '') =>
  `${prop} is ${what} in Region us-east-1, but this stack deploys to Region eu-west-1: ${reason} Monitor it from a `
  + `PlatformMonitoring in us-east-1${hint}, or remove it here.`;
const eventsOtherAccount = (prop: string, what: string, list: string) =>
  `${prop} is ${what} of account ${ORDERS}, but this stack deploys to account ${MONITORING}: AWS services deliver events only to `
  + 'EventBridge in the resource\'s own account and Region (a cross-account observability link shares metrics, logs and traces, '
  + 'not events), so the event rule here would never see them. Watch its metrics with PlatformAlarms or DataPipelineDashboard '
  + `(they read source accounts through cross-account observability), or capture its events with a PlatformEvents in account ${ORDERS} `
  + `(its ${list}).`;

function platform(extra: (stack: any) => Partial<PlatformMonitoringProps>) {
  const { stack } = newStack(env);
  return new PlatformMonitoring(stack, 'M', {
    environment: DeploymentEnvironment.PROD, projectName: 'shop', recipients: { emails: ['ops@example.com'] }, ...extra(stack),
  });
}

describe('another Region is refused wherever an alarm or event rule would be created, with one message per service', () => {
  test.each<[string, (stack: any) => Partial<PlatformMonitoringProps>, string]>([
    ['a function ARN of a source account', () => ({ lambdaFunctionArns: [`arn:aws:lambda:us-east-1:${ORDERS}:function:a`] }),
      otherRegion('lambdaFunctionArns[0]', 'the Lambda function "a"', ALARMS_REGION, DASHBOARD_HINT)],
    ['a function ARN of this account', () => ({ lambdaFunctionArns: [`arn:aws:lambda:us-east-1:${MONITORING}:function:a`] }),
      otherRegion('lambdaFunctionArns[0]', 'the Lambda function "a"', ALARMS_REGION, DASHBOARD_HINT)],
    ['a function construct', (stack) => ({
      lambdaFunctions: [lambda.Function.fromFunctionArn(stack, 'Fn', `arn:aws:lambda:us-east-1:${MONITORING}:function:a`)],
    }), otherRegion('lambdaFunctions[0] (TestStack/Fn)', 'a Lambda function', ALARMS_REGION)],
    // It used to be told to pass its bare name, which then watched this Region's job of that name.
    ['a Glue job ARN of this account', () => ({ glueJobNames: [`arn:aws:glue:us-east-1:${MONITORING}:job/x`] }),
      otherRegion('glueJobNames[0]', 'the Glue job "x"', ALARMS_REGION)],
    ['a Glue job ARN of a source account', () => ({ glueJobNames: [`arn:aws:glue:us-east-1:${ORDERS}:job/x`] }),
      otherRegion('glueJobNames[0]', 'the Glue job "x"', ALARMS_REGION)],
    ['a Glue crawler ARN', () => ({ glueCrawlerNames: [`arn:aws:glue:us-east-1:${MONITORING}:crawler/raw`] }),
      otherRegion('glueCrawlerNames[0]', 'the Glue crawler "raw"', ALARMS_REGION)],
    ['a Batch queue ARN', () => ({ batchJobQueues: [`arn:aws:batch:us-east-1:${ORDERS}:job-queue/etl`] }),
      otherRegion('batchJobQueues[0]', 'the job queue "etl"', ALARMS_REGION)],
    ['a DMS task', () => ({ dmsReplicationTasks: [{ replicationInstanceIdentifier: 'r', replicationTaskIdentifier: 'T', region: 'us-east-1' }] }),
      otherRegion('dmsReplicationTasks[0]', 'the DMS replication task "T"', ALARMS_REGION, DASHBOARD_HINT)],
    ['a REST API stage', () => ({ restApiStages: [{ apiName: 'a', stageName: 'p', region: 'us-east-1' }] }),
      otherRegion('restApiStages[0]', 'the REST API stage "a/p"', ALARMS_REGION, DASHBOARD_HINT)],
    ['an HTTP API', (stack) => ({
      httpApis: [{ api: apigatewayv2.HttpApi.fromHttpApiAttributes(stack, 'H', { httpApiId: 'abc123' }), displayName: 'h', region: 'us-east-1' }],
    }), otherRegion('httpApis[0]', 'the HTTP API TestStack/H', ALARMS_REGION, DASHBOARD_HINT)],
  ])('%s', (_, extra, message) => {
    expect(() => platform(extra)).toThrow(message);
  });

  test('PlatformAlarms alone refuses them the same way', () => {
    const { stack } = newStack(env);
    expect(() => new PlatformAlarms(stack, 'A', { projectName: 'shop', batchJobQueues: [`arn:aws:batch:us-east-1:${ORDERS}:job-queue/etl`] }))
      .toThrow(otherRegion('batchJobQueues[0]', 'the job queue "etl"', ALARMS_REGION));
  });
});

describe('event capture alone (PlatformEvents) refuses what its rules would never see, as the alarms do', () => {
  const events = (props: object) => {
    const { stack } = newStack(env);
    return () => new PlatformEvents(stack, 'E', { projectName: 'shop', logGroup: new logs.LogGroup(stack, 'G'), ...props });
  };
  test.each<[string, object, string]>([
    ['a Batch queue ARN of another account', { batchJobQueues: [`arn:aws:batch:eu-west-1:${ORDERS}:job-queue/etl`] },
      eventsOtherAccount('batchJobQueues[0]', 'the job queue "etl"', 'batchJobQueues')],
    ['a Batch queue ARN of another Region', { batchJobQueues: [`arn:aws:batch:us-east-1:${MONITORING}:job-queue/etl`] },
      otherRegion('batchJobQueues[0]', 'the job queue "etl"', EVENTS_REGION)],
    ['a Glue job ARN of another account', { glueJobNames: [`arn:aws:glue:eu-west-1:${ORDERS}:job/x`] },
      eventsOtherAccount('glueJobNames[0]', 'the Glue job "x"', 'glueJobNames')],
    ['a DMS task of another account', { dmsReplicationTasks: [{ replicationInstanceIdentifier: 'r', replicationTaskIdentifier: 'T', account: ORDERS }] },
      eventsOtherAccount('dmsReplicationTasks[0]', 'the DMS replication task "T"', 'dmsReplicationTasks')],
    ['a DMS task of another Region', { dmsReplicationTasks: [{ replicationInstanceIdentifier: 'r', replicationTaskIdentifier: 'T', region: 'us-east-1' }] },
      otherRegion('dmsReplicationTasks[0]', 'the DMS replication task "T"', EVENTS_REGION, DASHBOARD_HINT)],
  ])('%s', (_, props, message) => {
    expect(events(props)).toThrow(message);
  });

  test('inside a platform, a source account\'s queue is watched by its alarm, and the event rule keeps only listed queues', () => {
    const monitoring = platform(() => ({ batchJobQueues: [`arn:aws:batch:eu-west-1:${ORDERS}:job-queue/etl`] }));
    expect(monitoring.alarms.sourceAccountBatchJobFailuresAlarms).toHaveLength(1);
    // Its ARN stays in the pattern: it matches nothing here, and no queue of this account is captured in its place.
    Template.fromStack(Stack.of(monitoring)).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { 'detail-type': ['Batch Job State Change'], 'detail': { jobQueue: [`arn:aws:batch:eu-west-1:${ORDERS}:job-queue/etl`] } },
    });
  });
});

test('a part never reads a less strict model: PlatformEvents under a dashboard still refuses a task of another Region', () => {
  const { stack } = newStack(env);
  const tasks = [{ replicationInstanceIdentifier: 'r', replicationTaskIdentifier: 'T', region: 'us-east-1' }];
  const dashboard = new DataPipelineDashboard(stack, 'D', { projectName: 'shop', dmsReplicationTasks: tasks });
  expect(() => new PlatformEvents(dashboard, 'E', { projectName: 'shop', logGroup: new logs.LogGroup(stack, 'G'), dmsReplicationTasks: tasks }))
    .toThrow(otherRegion('dmsReplicationTasks[0]', 'the DMS replication task "T"', EVENTS_REGION, DASHBOARD_HINT));
});

test('unresolved: in an environment-agnostic stack nothing is refused for its account or Region (it cannot be known at synth)', () => {
  const { stack } = newStack({});
  const events = new PlatformEvents(stack, 'E', {
    projectName: 'shop',
    logGroup: new logs.LogGroup(stack, 'G'),
    batchJobQueues: [`arn:aws:batch:us-east-1:${ORDERS}:job-queue/etl`],
    dmsReplicationTasks: [{ replicationInstanceIdentifier: 'r', replicationTaskIdentifier: 'T', account: ORDERS, region: 'us-east-1' }],
  });
  expect(events.batchJobRules).toHaveLength(1);
});

describe('a dashboard alone graphs other Regions where the entry carries one, and refuses the rest', () => {
  test('REST and HTTP stages, DMS tasks and function ARNs of another Region are graphed with their Region', () => {
    const { stack } = newStack(env);
    const api = new ApiPerformanceDashboard(stack, 'A', {
      projectName: 'shop',
      restApiStages: [{ apiName: 'a', stageName: 'p', region: 'us-east-1' }],
      lambdaFunctionArns: [`arn:aws:lambda:us-east-1:${MONITORING}:function:far`],
    });
    const pipeline = new DataPipelineDashboard(stack, 'D', {
      projectName: 'shop', dmsReplicationTasks: [{ replicationInstanceIdentifier: 'r', replicationTaskIdentifier: 'T', region: 'us-east-1' }],
    });
    const metricsOf = (d: { dashboard: any }) => dashboardBody(d.dashboard).widgets.flatMap((w: any) => w.properties.metrics ?? []);
    const apiMetrics = metricsOf(api);
    expect(apiMetrics.filter((m: any[]) => m.includes('ApiName')).every((m: any[]) => m[m.length - 1].region === 'us-east-1')).toBe(true);
    expect(apiMetrics.filter((m: any[]) => m.includes('far')).map((m: any[]) => m[m.length - 1].region)).toEqual(
      ['us-east-1', 'us-east-1', 'us-east-1', 'us-east-1', 'us-east-1']);
    const dms = metricsOf(pipeline).filter((m: any[]) => m[0] === 'AWS/DMS');
    expect(dms.length).toBeGreaterThan(0);
    expect(dms.every((m: any[]) => m[m.length - 1].region === 'us-east-1')).toBe(true);
  });

  test('a Batch queue of another Region is refused (its graphs carry no Region)', () => {
    const { stack } = newStack(env);
    expect(() => new DataPipelineDashboard(stack, 'D', { projectName: 'shop', batchJobQueues: [`arn:aws:batch:us-east-1:${ORDERS}:job-queue/etl`] }))
      .toThrow(otherRegion('batchJobQueues[0]', 'the job queue "etl"',
        'its graphs are read without a Region, so they would show this Region\'s metrics; cross-account observability shares '
        + 'telemetry within one Region.'));
  });
});

test('CentralLogging alone refuses a function of another Region: its log group would be created here', () => {
  const { stack } = newStack(env);
  const fn = lambda.Function.fromFunctionArn(stack, 'Fn', `arn:aws:lambda:us-east-1:${MONITORING}:function:a`);
  expect(() => new CentralLogging(stack, 'L', { projectName: 'shop', encryptionKey: new kms.Key(stack, 'K'), lambdaFunctions: [fn] }))
    .toThrow(otherRegion('lambdaFunctions[0] (TestStack/Fn)', 'a Lambda function',
      'its log group and error metric filter would be created here, where its logs are not; cross-account observability shares '
      + 'telemetry within one Region.'));
});

describe('glueCrawlerNames and glueJobNames take an ARN of this account and Region as the name', () => {
  test('the event rules and per-crawler metric filters use the names', () => {
    const monitoring = platform(() => ({
      glueCrawlerNames: [`arn:aws:glue:eu-west-1:${MONITORING}:crawler/raw-zone`],
      glueJobNames: [`arn:aws:glue:eu-west-1:${MONITORING}:job/nightly`],
    }));
    const template = Template.fromStack(Stack.of(monitoring));
    template.hasResourceProperties('AWS::Events::Rule', { EventPattern: { 'detail-type': ['Glue Crawler State Change'], 'detail': { crawlerName: ['raw-zone'] } } });
    template.hasResourceProperties('AWS::Events::Rule', { EventPattern: { 'detail-type': ['Glue Job State Change'], 'detail': { jobName: ['nightly'] } } });
  });

  test('a name and the ARN of the same crawler are the same crawler', () => {
    expect(() => platform(() => ({ glueCrawlerNames: ['raw', `arn:aws:glue:eu-west-1:${MONITORING}:crawler/raw`] })))
      .toThrow(/glueCrawlerNames lists the Glue crawler name "raw" more than once/);
  });
});

describe('the lists are validated once per platform', () => {
  // Before the model: validateMonitoredResources ran 7 times per PlatformMonitoring (the L3, then
  // CentralLogging, AuditTrail, PlatformAlarms, PlatformEvents and both dashboards again).
  test('PlatformMonitoring with every option resolves its model once; its parts read it', () => {
    const spy = jest.spyOn(lists, 'checkDmsTasks');
    try {
      allOptionsPlatform();
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  test('a part used alone resolves its own; a part given other lists inside a platform does too', () => {
    const spy = jest.spyOn(lists, 'checkDmsTasks');
    try {
      const { stack } = newStack(env);
      new DataPipelineDashboard(stack, 'D', { projectName: 'shop' });
      expect(spy).toHaveBeenCalledTimes(1);
      const monitoring = platform(() => ({}));
      spy.mockClear();
      new DataPipelineDashboard(monitoring, 'Other', {
        projectName: 'shop', dmsReplicationTasks: [{ replicationInstanceIdentifier: 'r', replicationTaskIdentifier: 'T' }],
      });
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});
