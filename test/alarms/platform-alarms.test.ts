import { Duration, NestedStack, Stack } from 'aws-cdk-lib';
import { Template, Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { matchesFilterPattern } from './filter-pattern';
import { CIS_CONTROLS, CisBenchmarkVersion, CisControl, cisControlIn } from '../../src/alarms/cis-controls';
import { PlatformAlarms } from '../../src/alarms/platform-alarms';
import { PlatformAlarmsProps } from '../../src/alarms/platform-alarms-props';
import { DeploymentEnvironment } from '../../src/core/environment';
import { PlatformKey } from '../../src/encryption/platform-key';
import { AlertTopic } from '../../src/notifications/alert-topic';
import { nagFindings, newStack } from '../nag-helpers';

const TOPIC = { Ref: Match.stringLikeRegexp('^AlertsTopic') };
/** The alert topic as a nested stack (the API and DMS alarm shards) reads it: a parameter. */
const NESTED_TOPIC = { Ref: Match.stringLikeRegexp('AlertsTopic') };

/** The resources of `stack` and of every nested stack below it, as one template (alarm shards are nested). */
function withNested(stack: Stack): Template {
  const stacks = [stack, ...stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack)];
  return Template.fromJSON({ Resources: Object.assign({}, ...stacks.map((s) => Template.fromStack(s).toJSON().Resources)) });
}

function setup(extra: Partial<PlatformAlarmsProps> = {}, fnCount = 0) {
  const { app, stack } = newStack();
  const key = new PlatformKey(stack, 'Key', { projectName: 'proj' });
  const alerts = new AlertTopic(stack, 'Alerts', { projectName: 'proj', encryptionKey: key.key });
  const group = (id: string, name: string) => new logs.LogGroup(stack, id, {
    logGroupName: name, encryptionKey: key.key, retention: logs.RetentionDays.ONE_YEAR,
  });
  const fns = Array.from({ length: fnCount }, (_, i) => lambda.Function.fromFunctionName(stack, `Fn${i}`, `function-${i}`));
  const alarms = new PlatformAlarms(stack, 'Alarms', {
    projectName: 'proj',
    alertTopic: alerts.topic,
    lambdaFunctions: fns,
    eventsLogGroup: group('Events', '/aws/events/proj/platform'),
    trailLogGroup: group('Trail', '/aws/cloudtrail/proj'),
    ...extra,
  });
  return { app, stack, alarms, t: () => Template.fromStack(stack), all: () => withNested(stack) };
}

function restApi(stack: any, id: string) {
  const api = new apigateway.RestApi(stack, id, { restApiName: id.toLowerCase(), deployOptions: { stageName: 'prod' } });
  api.root.addMethod('GET', new apigateway.MockIntegration());
  return api;
}

const TASK = { replicationInstanceIdentifier: 'ri-1', replicationTaskIdentifier: 'ABCDEF123' };

describe('PlatformAlarms', () => {
  test('DMS replication lag: CDCLatencyTarget Maximum > 300 s in 3 of 3 periods, silence breaching, notifying ALARM and OK', () => {
    const { all: t } = setup({ dmsReplicationTasks: [TASK] });
    t().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'proj-prod-dms-ABCDEF123-replication-lag',
      Namespace: 'AWS/DMS',
      MetricName: 'CDCLatencyTarget',
      Statistic: 'Maximum',
      Period: 300,
      Dimensions: [{ Name: 'ReplicationInstanceIdentifier', Value: 'ri-1' }, { Name: 'ReplicationTaskIdentifier', Value: 'ABCDEF123' }],
      Threshold: 300,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
      // A stopped or deleted task publishes no CDCLatencyTarget: silence must not read as healthy.
      TreatMissingData: 'breaching',
      AlarmActions: [NESTED_TOPIC],
      OKActions: [NESTED_TOPIC],
      AlarmDescription: Match.stringLikeRegexp('replication lag.*> 300 seconds.*proj-data-pipeline'),
    });
    t().hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'CDCLatencySource', Statistic: 'Maximum', Threshold: 300, EvaluationPeriods: 1, TreatMissingData: 'notBreaching',
    });
  });

  test('Lambda errors: account-wide when no function is listed', () => {
    const { t, alarms } = setup();
    expect(alarms.lambdaErrorsAlarms).toHaveLength(1);
    t().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'proj-prod-lambda-errors',
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Statistic: 'Sum',
      Period: 300,
      Dimensions: Match.absent(),
      Threshold: 10,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [TOPIC],
      OKActions: [TOPIC],
    });
  });

  test('Lambda errors: one function, and the sum of 3', () => {
    setup({}, 1).t().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'proj-prod-lambda-errors', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: Match.anyValue() }], Threshold: 10,
    });
    setup({}, 3).t().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'proj-prod-lambda-errors',
      Threshold: 10,
      TreatMissingData: 'notBreaching',
      AlarmActions: [TOPIC],
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'FILL(m0, 0) + FILL(m1, 0) + FILL(m2, 0)', ReturnData: true })]),
    });
  });

  test('Lambda errors: 500 functions give valid math alarms (<= 10 metrics each), each notifying, no composite', () => {
    const { stack, t } = setup({}, 500);
    const template = t();
    // `lambda-errors` (the group of hash prefix 0...0) stays in the parent; the other groups live in the
    // nested stack `lambda-errors-groups`, named by their hash prefix.
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'proj-prod-lambda-errors', AlarmActions: [TOPIC], OKActions: [TOPIC] });
    expect(Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter((r: any) => /lambda-errors-group-/.test(r.Properties.AlarmName))).toEqual([]);
    const nested = stack.node.findAll().find((c) => c instanceof NestedStack && c.node.id === 'lambda-errors-groups') as NestedStack;
    const alarms = Object.values(Template.fromStack(nested).findResources('AWS::CloudWatch::Alarm')).map((r: any) => r.Properties);
    const groups = alarms.filter((a) => /lambda-errors-group-[01]+$/.test(a.AlarmName));
    expect(groups.length).toBeGreaterThan(50);
    expect(groups.length).toBeLessThan(100);
    const main = Object.values(template.findResources('AWS::CloudWatch::Alarm'))
      .find((r: any) => r.Properties.AlarmName === 'proj-prod-lambda-errors') as any;
    const metricsOf = (p: any) => p.Metrics.filter((m: any) => m.MetricStat).length;
    expect(groups.reduce((n, g) => n + metricsOf(g), 0) + metricsOf(main.Properties)).toBe(500);
    for (const g of groups) {
      expect(g.Metrics.filter((m: any) => m.MetricStat).length).toBeLessThanOrEqual(10);
      expect(g.AlarmActions).toHaveLength(1);
    }
    template.resourcePropertiesCountIs('AWS::CloudWatch::CompositeAlarm', { AlarmName: Match.stringLikeRegexp('lambda') }, 0);
  });

  test('API Gateway 5xx: REST per ApiName + deployed stage, HTTP per ApiId + stage', () => {
    // Without APIs there is no API alarm: the ones below come from restApis and httpApis.
    setup().all().resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { Namespace: 'AWS/ApiGateway' }, 0);
    const { stack, all: t } = setup({});
    const api = restApi(stack, 'Orders');
    const http = new apigatewayv2.HttpApi(stack, 'Http');
    new PlatformAlarms(stack, 'More', { projectName: 'proj2', restApis: [api], httpApis: [{ api: http, displayName: 'checkout' }] });
    t().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'proj2-prod-rest-api-orders-5xx',
      Namespace: 'AWS/ApiGateway',
      MetricName: '5XXError',
      Statistic: 'Sum',
      Period: 300,
      Dimensions: [{ Name: 'ApiName', Value: 'orders' }, { Name: 'Stage', Value: 'prod' }],
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
    t().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'proj2-prod-http-api-checkout-5xx',
      MetricName: '5xx',
      Dimensions: [{ Name: 'ApiId', Value: { Ref: Match.stringLikeRegexp('Http') } }, { Name: 'Stage', Value: '$default' }],
      Threshold: 5,
    });
    t().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'proj2-prod-rest-api-orders-latency-p99', MetricName: 'Latency', ExtendedStatistic: 'p99', Threshold: 3000, EvaluationPeriods: 3,
    });
  });

  test('DMS free storage: one alarm per replication instance, FreeStorageSpace Minimum < 5 GiB in 2 of 2 periods', () => {
    const second = { ...TASK, replicationTaskIdentifier: 'SECOND' };
    const third = { ...TASK, replicationInstanceIdentifier: 'other-repl', replicationTaskIdentifier: 'THIRD' };
    const { t, alarms } = setup({ dmsReplicationTasks: [TASK, second, third] });
    expect(alarms.dmsFreeStorageAlarms).toHaveLength(2);
    // AWS DMS User Guide, "Monitoring AWS DMS tasks": FreeStorageSpace (bytes) by ReplicationInstanceIdentifier.
    t().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `proj-prod-dms-${TASK.replicationInstanceIdentifier}-free-storage`,
      Namespace: 'AWS/DMS',
      MetricName: 'FreeStorageSpace',
      Dimensions: [{ Name: 'ReplicationInstanceIdentifier', Value: TASK.replicationInstanceIdentifier }],
      Statistic: 'Minimum',
      Threshold: 5 * 1024 * 1024 * 1024,
      ComparisonOperator: 'LessThanThreshold',
      EvaluationPeriods: 2,
      DatapointsToAlarm: 2,
      TreatMissingData: 'notBreaching',
      Unit: Match.absent(),
      AlarmActions: [TOPIC],
    });
    t().hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'proj-prod-dms-other-repl-free-storage' });
    expect(alarms.dataPipelineAlarms).toEqual(expect.arrayContaining(alarms.dmsFreeStorageAlarms));
    const custom = setup({ dmsReplicationTasks: [TASK], dmsFreeStorage: { threshold: 20 * 1024 ** 3 } });
    custom.t().hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'FreeStorageSpace', Threshold: 20 * 1024 ** 3 });
    const off = setup({ dmsReplicationTasks: [TASK], dmsFreeStorage: { enabled: false } });
    expect(off.alarms.dmsFreeStorageAlarms).toEqual([]);
  });

  test('event capture on: DMS task state changes of dmsReplicationTasks are captured, with no alarm of their own', () => {
    const on = setup({ dmsReplicationTasks: [TASK] });
    const dmsRule = on.alarms.platformEvents!.dmsTaskRule;
    expect(dmsRule).toBeDefined();
    on.t().hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        'source': ['aws.dms'],
        'detail-type': ['DMS Replication Task State Change'],
        'resources': [{ suffix: ':task:ABCDEF123' }],
      },
    });
    const names = Object.values(on.all().findResources('AWS::CloudWatch::Alarm')).map((a: any) => a.Properties.AlarmName);
    expect(names.filter((n: string) => /dms/.test(n)).sort()).toEqual([
      'proj-prod-dms-ABCDEF123-replication-lag', 'proj-prod-dms-ABCDEF123-source-latency', 'proj-prod-dms-ri-1-free-storage',
    ]);
    setup({ dmsReplicationTasks: [TASK], eventCapture: false }).t().resourceCountIs('AWS::Events::Rule', 0);
  });

  describe('eventCapture false', () => {
    const logicalIdOf = (t: Template, name: string) => Object.entries(t.findResources('AWS::CloudWatch::Alarm'))
      .find(([, r]) => (r as any).Properties.AlarmName === name)?.[0];

    test('no rules or filters; batch-job-failures reads native AWS/Batch JobsMovedToFailed by JobQueueName, same logical ID', () => {
      const on = setup({ batchJobQueues: ['etl-queue'] });
      const off = setup({ batchJobQueues: ['etl-queue'], eventCapture: false });
      off.t().resourceCountIs('AWS::Events::Rule', 0);
      expect(Object.values(off.t().findResources('AWS::Logs::MetricFilter'))
        .filter((r: any) => /Batch|Glue/.test(JSON.stringify(r.Properties.MetricTransformations)))).toEqual([]);
      expect(on.t().findResources('AWS::Events::Rule')).not.toEqual({});
      // AWS Batch User Guide, "Using CloudWatch Metrics with AWS Batch": AWS/Batch, JobsMovedToFailed, dimension JobQueueName.
      off.t().hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'proj-prod-batch-job-failures',
        Namespace: 'AWS/Batch',
        MetricName: 'JobsMovedToFailed',
        Dimensions: [{ Name: 'JobQueueName', Value: 'etl-queue' }],
        Statistic: 'Sum',
        Threshold: 1,
        Unit: Match.absent(),
      });
      expect(logicalIdOf(off.t(), 'proj-prod-batch-job-failures')).toBe(logicalIdOf(on.t(), 'proj-prod-batch-job-failures'));
      for (const name of ['proj-prod-glue-crawler-failures', 'proj-prod-glue-job-failures']) expect(logicalIdOf(off.t(), name)).toBeUndefined();
      expect(off.alarms.platformEvents).toBeUndefined();
    });

    test('several queues (names and ARNs) are summed; none listed: no Batch alarm; more than 10 fail at synth', () => {
      const arn = 'arn:aws:batch:eu-west-1:123456789012:job-queue/gpu-queue';
      const { t } = setup({ batchJobQueues: ['etl-queue', arn], eventCapture: false });
      t().hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'proj-prod-batch-job-failures',
        Metrics: Match.arrayWith([
          Match.objectLike({ Expression: 'FILL(q1, 0) + FILL(q2, 0)' }),
          Match.objectLike({ Id: 'q2', MetricStat: Match.objectLike({ Metric: { Namespace: 'AWS/Batch', MetricName: 'JobsMovedToFailed', Dimensions: [{ Name: 'JobQueueName', Value: 'gpu-queue' }] }, Stat: 'Sum' }) }),
        ]),
      });
      const none = setup({ eventCapture: false });
      expect(none.alarms.batchJobFailuresAlarm).toBeUndefined();
      none.t().resourceCountIs('AWS::Events::Rule', 0);
      const queues = Array.from({ length: 11 }, (_, i) => `queue-${i}`);
      expect(() => setup({ batchJobQueues: queues, eventCapture: false }))
        .toThrow(/batchJobQueues lists 11 queues, but with eventCapture false .* at most 10 metrics\. Keep eventCapture on/);
    });
  });

  test('Batch job failures >= 1 in 5 minutes, Glue failures, platform health composite', () => {
    const { t, alarms } = setup({ dmsReplicationTasks: [TASK] });
    t().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'proj-prod-batch-job-failures',
      Namespace: 'proj',
      MetricName: 'Batch.JobsFailed',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [TOPIC],
      OKActions: [TOPIC],
    });
    t().hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'proj-prod-glue-crawler-failures', MetricName: 'Glue.CrawlerRunsFailed', Threshold: 1 });
    t().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'proj-prod-glue-job-failures', Metrics: Match.arrayWith([Match.objectLike({ Expression: 'FILL(failed, 0) + FILL(timedOut, 0)' })]),
    });
    // A health signal: its inputs notify, so it has no actions by default (one incident, one email).
    t().hasResourceProperties('AWS::CloudWatch::CompositeAlarm', {
      AlarmName: 'proj-prod-platform-health', AlarmActions: Match.absent(), OKActions: Match.absent(),
    });
    expect(alarms.batchJobFailuresAlarm).toBeDefined();
    expect(alarms.dataPipelineAlarms).toContain(alarms.batchJobFailuresAlarm);
    expect(alarms.allAlarms).toContain(alarms.platformHealthAlarm);
  });

  test('overrides: threshold, period, evaluation periods, datapoints, disabled', () => {
    const { all: t, alarms } = setup({
      dmsReplicationTasks: [TASK],
      dmsReplicationLag: { threshold: 120, period: Duration.minutes(1), evaluationPeriods: 5, datapointsToAlarm: 3, runbookUrl: 'https://runbooks/dms' },
      dmsSourceLatency: { enabled: false },
    });
    t().hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'CDCLatencyTarget',
      Threshold: 120,
      Period: 60,
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      AlarmDescription: Match.stringLikeRegexp('Runbook: https://runbooks/dms'),
    });
    expect(alarms.dmsSourceLatencyAlarms).toHaveLength(0);
  });

  test('CIS security alarms: on by default in PROD, off elsewhere, individually switchable', () => {
    const prod = setup();
    prod.t().resourceCountIs('AWS::Logs::MetricFilter', 9 + 15); // 9 event totals (Batch 4, Glue crawlers 2, Glue jobs 3) + 15 CIS
    expect(prod.alarms.securityAlarms).toHaveLength(15);
    prod.t().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'proj-prod-cis-root-account-usage',
      Namespace: 'proj',
      MetricName: 'Security.RootAccountUsage',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [TOPIC],
    });
    expect(setup({ environment: DeploymentEnvironment.DEV }).alarms.securityAlarms).toHaveLength(0);
    expect(setup({ securityAlarms: { disabledCisControls: [CisControl.VPC_CHANGES] } }).alarms.securityAlarms).toHaveLength(14);
  });

  test('bad input', () => {
    expect(() => setup({ lambdaErrors: { threshold: -1 } })).toThrow(/lambdaErrors.threshold must be a finite number >= 0; got -1/);
    expect(() => setup({ lambdaErrors: { threshold: NaN } })).toThrow(/lambdaErrors.threshold must be a finite number >= 0; got NaN/);
    expect(() => setup({ batchJobFailures: { evaluationPeriods: 0 } })).toThrow(/batchJobFailures.evaluationPeriods must be a whole number >= 1; got 0/);
    expect(() => setup({ dmsReplicationTasks: [{ replicationInstanceIdentifier: 'ri', replicationTaskIdentifier: '' }] }))
      .toThrow(/dmsReplicationTasks\[0\]\.replicationTaskIdentifier must be a non-empty DMS replication task resource id; got ""/);
    expect(() => setup({ dmsReplicationTasks: [{ replicationInstanceIdentifier: '', replicationTaskIdentifier: 'T' }] }))
      .toThrow(/dmsReplicationTasks\[0\]\.replicationInstanceIdentifier must be a non-empty DMS replication instance identifier; got ""/);
    expect(() => setup({ dmsReplicationTasks: [TASK, { ...TASK }] })).toThrow(/dmsReplicationTasks lists ri-1\/ABCDEF123 more than once/);
    expect(() => setup({ restApiStages: [{ apiName: 'a', stageName: 'p' }, { apiName: 'a', stageName: 'p' }] }))
      .toThrow(/restApiStages lists a\/p more than once/);
    // 1,000 functions make about 150 groups (hash-trie leaves of at most 10): at most 180 alarms per nested stack.
    expect(() => setup({}, 1001)).toThrow(/^lambdaErrors: 1001 Lambda functions is more than the 1,000 the alarms watch in groups of at most 10 \(one nested stack of at most 180 alarms per sum\): set lambdaAlarmsAccountWide to true \(one exact alarm on the account-wide metric\), or split the functions across several PlatformAlarms with different projectNames\./);
  });

  // A key by list position ("http-api-1") would point an existing alarm at another API when the
  // list changes: the key is the displayName, else the literal API id, else synth fails.
  test('HTTP APIs without displayName are keyed by their literal API id, not their place in the list', () => {
    const names = (ids: string[]) => {
      const { stack, all } = setup();
      new PlatformAlarms(stack, 'Http', {
        projectName: 'proj2',
        httpApis: ids.map((id) => ({ api: apigatewayv2.HttpApi.fromHttpApiAttributes(stack, `H${id}`, { httpApiId: id }) })),
      });
      // API alarms sit in nested shards (chosen by the API's key): read every template.
      return Object.values(all().findResources('AWS::CloudWatch::Alarm')).map((r: any) => r.Properties.AlarmName)
        .filter((n: string) => n.startsWith('proj2-prod-http-api-')).sort();
    };
    expect(names(['a1b2c3'])).toEqual(['proj2-prod-http-api-a1b2c3-5xx', 'proj2-prod-http-api-a1b2c3-latency-p99']);
    expect(names(['zz9', 'a1b2c3'])).toEqual(expect.arrayContaining(['proj2-prod-http-api-a1b2c3-5xx']));
    expect(() => {
      const { stack } = setup();
      new PlatformAlarms(stack, 'Http', { projectName: 'proj2', httpApis: [{ api: new apigatewayv2.HttpApi(stack, 'Checkout') }] });
    }).toThrow('httpApis[0] has no displayName, and its api id is a token (an HttpApi of the app): set httpApis[0].displayName to a literal '
      + 'name (letters, digits, "-", "_" or "."), which names its alarms and must not change; an alarm keyed by its place in the list would '
      + 'watch another API when the list changes.');
  });

  test('the same API twice across restApis, restApiStages and httpApis, or two APIs with one alarm key, is refused', () => {
    const withApis = (props: (stack: any) => Partial<PlatformAlarmsProps>) => () => {
      const { stack } = newStack();
      new PlatformAlarms(stack, 'Alarms', { projectName: 'proj', ...props(stack) });
    };
    expect(withApis((stack) => ({ restApis: [restApi(stack, 'Orders')], restApiStages: [{ apiName: 'orders', stageName: 'prod' }] })))
      .toThrow(/restApis \/ restApiStages \/ httpApis lists REST orders\/prod more than once \(entries 0 and 1\): each would get the same alarms\. Remove the duplicate\./);
    expect(withApis((stack) => ({
      httpApis: [{ api: new apigatewayv2.HttpApi(stack, 'A'), displayName: 'public' }, { api: new apigatewayv2.HttpApi(stack, 'B'), displayName: 'public' }],
    }))).toThrow(/lists the alarm key "http-api-public" more than once \(entries 0 and 1\): two APIs would get alarms of the same name \(the key is the displayName or apiName\): give one a displayName of its own/);
    expect(withApis((stack) => ({
      httpApis: [{ api: new apigatewayv2.HttpApi(stack, 'A'), displayName: 'public' }, { api: new apigatewayv2.HttpApi(stack, 'B'), displayName: 'admin' }],
    }))).not.toThrow();
  });

  test('no cdk-nag findings with everything on', () => {
    const r = setup({
      dmsReplicationTasks: [TASK],
      batchJobQueues: ['arn:aws:batch:eu-west-1:123456789012:job-queue/q'],
      glueCrawlerNames: ['c'],
      glueJobNames: ['j'],
    }, 12);
    const api = restApi(r.stack, 'Orders');
    new PlatformAlarms(r.stack, 'Api', {
      projectName: 'proj2',
      alertTopic: r.alarms.node.scope!.node.findChild('Alerts').node.findChild('Topic') as any,
      restApis: [api],
      httpApis: [{ api: new apigatewayv2.HttpApi(r.stack, 'Http'), displayName: 'checkout' }],
    });
    // The sample APIs' own findings (access logging, authorizers...) are not this construct's.
    const findings = nagFindings(r.app, r.stack).filter((f) => !/\(TestStack\/(Orders|Http)\//.test(f) && !/: TestStack\/(Orders|Http)\//.test(f));
    expect(findings).toEqual([]);
  });
});

describe.each([CisBenchmarkVersion.V1_2_0, CisBenchmarkVersion.V1_4_0])('CIS %s filter patterns against CloudTrail events', (version) => {
  const pattern = (c: CisControl) => cisControlIn(CIS_CONTROLS.find((d) => d.control === c)!, version).filterPattern;
  test('each control matches its event and not an unrelated one', () => {
    const unrelated = { eventSource: 's3.amazonaws.com', eventName: 'GetObject', userIdentity: { type: 'IAMUser' }, sourceIPAddress: '1.2.3.4', eventType: 'AwsApiCall' };
    const cases: Array<[CisControl, object]> = [
      [CisControl.UNAUTHORIZED_API_CALLS, { errorCode: 'AccessDenied', eventName: 'GetObject', sourceIPAddress: '1.2.3.4' }],
      [CisControl.CONSOLE_SIGN_IN_WITHOUT_MFA, { eventName: 'ConsoleLogin', additionalEventData: { MFAUsed: 'No' }, userIdentity: { type: 'IAMUser' }, responseElements: { ConsoleLogin: 'Success' } }],
      [CisControl.ROOT_ACCOUNT_USAGE, { userIdentity: { type: 'Root' }, eventType: 'AwsApiCall', eventName: 'ListBuckets' }],
      [CisControl.IAM_POLICY_CHANGES, { eventName: 'AttachRolePolicy' }],
      [CisControl.CLOUDTRAIL_CONFIG_CHANGES, { eventName: 'StopLogging' }],
      [CisControl.CONSOLE_AUTH_FAILURES, { eventName: 'ConsoleLogin', errorMessage: 'Failed authentication' }],
      [CisControl.KMS_KEY_DISABLE_OR_DELETION, { eventSource: 'kms.amazonaws.com', eventName: 'ScheduleKeyDeletion' }],
      [CisControl.S3_BUCKET_POLICY_CHANGES, { eventSource: 's3.amazonaws.com', eventName: 'PutBucketPolicy' }],
      [CisControl.AWS_CONFIG_CHANGES, { eventSource: 'config.amazonaws.com', eventName: 'StopConfigurationRecorder' }],
      [CisControl.SECURITY_GROUP_CHANGES, { eventName: 'AuthorizeSecurityGroupIngress' }],
      [CisControl.NACL_CHANGES, { eventName: 'CreateNetworkAclEntry' }],
      [CisControl.NETWORK_GATEWAY_CHANGES, { eventName: 'AttachInternetGateway' }],
      [CisControl.ROUTE_TABLE_CHANGES, { eventSource: 'ec2.amazonaws.com', eventName: 'CreateRoute' }],
      [CisControl.VPC_CHANGES, { eventName: 'ModifyVpcAttribute' }],
      [CisControl.ORGANIZATIONS_CHANGES, { eventSource: 'organizations.amazonaws.com', eventName: 'LeaveOrganization' }],
    ];
    expect(cases).toHaveLength(CIS_CONTROLS.length);
    for (const [control, event] of cases) {
      expect([control, matchesFilterPattern(pattern(control), event)]).toEqual([control, true]);
      expect([control, matchesFilterPattern(pattern(control), unrelated)]).toEqual([control, false]);
    }
    // Root used by an AWS service, and console sign-in with MFA, do not match.
    expect(matchesFilterPattern(pattern(CisControl.ROOT_ACCOUNT_USAGE), { userIdentity: { type: 'Root', invokedBy: 'support.amazonaws.com' }, eventType: 'AwsApiCall' })).toBe(false);
    expect(matchesFilterPattern(pattern(CisControl.CONSOLE_SIGN_IN_WITHOUT_MFA), { eventName: 'ConsoleLogin', additionalEventData: { MFAUsed: 'Yes' }, userIdentity: { type: 'IAMUser' }, responseElements: { ConsoleLogin: 'Success' } })).toBe(false);
  });
});
