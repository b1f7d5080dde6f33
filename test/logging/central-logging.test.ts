import { App, Duration, NestedStack, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DeploymentEnvironment } from '../../src/core/environment';
import { PlatformKey } from '../../src/encryption/platform-key';
import { CentralLogging, CentralLoggingProps, PlatformLogGroup } from '../../src/logging/central-logging';
import { LogGroupPlacement, shardOf } from '../../src/logging/log-group-placement';
import { ServiceLogGroupMode } from '../../src/logging/service-log-group-mode';
import { nagFindings, newStack, RECOMMENDED_CONTEXT } from '../nag-helpers';

function fn(scope: Construct, id: string): lambda.Function {
  return new lambda.Function(scope, id, {
    runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => 1;'),
  });
}

function setup(props: Partial<CentralLoggingProps> = {}, withFunctions = true) {
  const { app, stack } = newStack();
  const key = new PlatformKey(stack, 'Key', { projectName: 'shop' }).key;
  const functions = withFunctions ? [fn(stack, 'Orders'), fn(stack, 'Payments')] : [];
  // SAME_STACK keeps the per-function groups in this template (the default, nested shards, is
  // covered in log-group-placement.test.ts and growth.test.ts).
  const logging = new CentralLogging(stack, 'Logging', {
    projectName: 'shop', encryptionKey: key, lambdaFunctions: functions, lambdaLogGroupPlacement: LogGroupPlacement.SAME_STACK, ...props,
  });
  return { app, stack, key, functions, logging, template: Template.fromStack(stack) };
}

const KEY_ARN = { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] };

describe('log groups', () => {
  test('every group is named, encrypted with the key, kept 30 days (the CloudTrail group a year) and retained', () => {
    const { template } = setup();
    template.resourceCountIs('AWS::Logs::LogGroup', 6);
    const expected = [
      Match.objectLike({ 'Fn::Join': ['', ['/aws/lambda/', { Ref: Match.stringLikeRegexp('^Orders') }]] }),
      Match.objectLike({ 'Fn::Join': ['', ['/aws/lambda/', { Ref: Match.stringLikeRegexp('^Payments') }]] }),
      '/aws/batch/job',
      '/aws/apigateway/shop/access-logs',
      '/aws/events/shop/platform',
      '/aws/cloudtrail/shop',
    ];
    for (const name of expected) {
      template.hasResource('AWS::Logs::LogGroup', {
        Properties: { LogGroupName: name, RetentionInDays: name === '/aws/cloudtrail/shop' ? 365 : 30, KmsKeyId: KEY_ARN },
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
      });
    }
  });

  test('groups are tagged with project and environment', () => {
    const { template } = setup();
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/batch/job',
      Tags: Match.arrayWith([{ Key: 'Environment', Value: 'prod' }, { Key: 'Project', Value: 'shop' }]),
    });
  });

  test('retention and removal policy are configurable outside PROD, and names carry the environment', () => {
    const { template } = setup({
      environment: DeploymentEnvironment.DEV, logRetention: logs.RetentionDays.ONE_WEEK, removalPolicy: RemovalPolicy.DESTROY,
    });
    for (const name of ['/aws/apigateway/shop-dev/access-logs', '/aws/events/shop-dev/platform']) {
      template.hasResource('AWS::Logs::LogGroup', {
        Properties: { LogGroupName: name, RetentionInDays: 7, KmsKeyId: KEY_ARN }, DeletionPolicy: 'Delete',
      });
    }
    // The audit trail's group keeps its own (one-year) retention: see trailLogGroupRetention.
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { LogGroupName: '/aws/cloudtrail/shop-dev', RetentionInDays: 365, KmsKeyId: KEY_ARN }, DeletionPolicy: 'Delete',
    });
  });

  test('the Batch group name is configurable and the CloudTrail group optional', () => {
    const { template, logging } = setup({ batchLogGroupName: '/shop/batch-jobs', createTrailLogGroup: false }, false);
    template.resourceCountIs('AWS::Logs::LogGroup', 3);
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/shop/batch-jobs' });
    expect(logging.trailLogGroup).toBeUndefined();
    expect(Object.keys(logging.logGroups).sort()).toEqual(['api-access', 'batch', 'platform-events']);
  });

  test('USE_EXISTING references the service groups without creating them', () => {
    const { template } = setup({ lambdaLogGroupMode: ServiceLogGroupMode.USE_EXISTING, batchLogGroupMode: ServiceLogGroupMode.USE_EXISTING });
    template.resourceCountIs('AWS::Logs::LogGroup', 3); // api-access, platform-events, cloudtrail
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { 'Fn::Join': ['', ['/aws/lambda/', { Ref: Match.stringLikeRegexp('^Orders') }]] },
    });
    template.hasResourceProperties('AWS::Logs::MetricFilter', { LogGroupName: '/aws/batch/job' });
  });

  test('logGroups maps every group; named properties point at the same groups', () => {
    const { logging, functions } = setup();
    expect(logging.logGroups[PlatformLogGroup.BATCH]).toBe(logging.batchLogGroup);
    expect(logging.logGroups[PlatformLogGroup.API_ACCESS]).toBe(logging.apiAccessLogGroup);
    expect(logging.logGroups[PlatformLogGroup.PLATFORM_EVENTS]).toBe(logging.platformEventsLogGroup);
    expect(logging.logGroups[PlatformLogGroup.CLOUDTRAIL]).toBe(logging.trailLogGroup);
    expect(logging.logGroups['lambda:TestStack/Orders']).toBe(logging.lambdaLogGroup(functions[0]));
    expect(logging.lambdaLogGroups).toHaveLength(2);
  });

  test('per-function construct ids come from the construct address, not the function name', () => {
    const { stack } = newStack();
    const key = new kms.Key(stack, 'K');
    // Same construct id in two scopes, and an explicit function name: still two distinct, stable ids.
    const a = fn(new Construct(stack, 'A'), 'Handler');
    const b = new lambda.Function(new Construct(stack, 'B'), 'Handler', {
      functionName: 'orders-handler', runtime: lambda.Runtime.NODEJS_22_X, handler: 'i.h', code: lambda.Code.fromInline('x'),
    });
    new CentralLogging(stack, 'Logging', {
      projectName: 'shop', encryptionKey: key, lambdaFunctions: [a, b], lambdaLogGroupPlacement: LogGroupPlacement.SAME_STACK,
    });
    const ids = Object.keys(Template.fromStack(stack).findResources('AWS::Logs::LogGroup'))
      .filter((id) => id.startsWith('LoggingLambda'));
    expect(ids).toEqual([
      `LoggingLambdaHandler${a.node.addr.slice(0, 8)}LogGroup${ids[0].slice(-8)}`,
      `LoggingLambdaHandler${b.node.addr.slice(0, 8)}LogGroup${ids[1].slice(-8)}`,
    ]);
    expect(ids.join()).not.toMatch(/orders/i);
    // The same function twice is refused rather than silently merged (PlatformAlarms would sum it twice).
    expect(() => new CentralLogging(stack, 'Twice', { projectName: 'shop', encryptionKey: key, lambdaFunctions: [a, b, a] }))
      .toThrow(/lambdaFunctions lists the function TestStack\/A\/Handler more than once \(entries 0 and 2\)/);
  });
});

describe('ERROR metric filters', () => {
  test('one per Lambda group and one for Batch, into the project namespace', () => {
    const { template } = setup();
    template.resourceCountIs('AWS::Logs::MetricFilter', 3);
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '"ERROR"',
      LogGroupName: { Ref: Match.stringLikeRegexp('^LoggingLambdaOrders') },
      MetricTransformations: [{
        MetricNamespace: 'shop',
        MetricName: { 'Fn::Join': ['', ['Lambda.LogErrors.', { Ref: Match.stringLikeRegexp('^Orders') }]] },
        MetricValue: '1',
        DefaultValue: 0,
        Unit: 'Count',
      }],
    });
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '"ERROR"',
      LogGroupName: { Ref: Match.stringLikeRegexp('^LoggingBatchLogGroup') },
      MetricTransformations: [{ MetricNamespace: 'shop', MetricName: 'Batch.LogErrors', MetricValue: '1', DefaultValue: 0, Unit: 'Count' }],
    });
  });

  test('metric helpers match the filters (namespace, name, Sum, 5 minutes, Count)', () => {
    const { stack, logging, functions } = setup();
    const m = logging.lambdaLogErrorsMetric(functions[0]).toMetricConfig().metricStat!;
    expect(m.namespace).toBe('shop');
    expect(JSON.stringify(stack.resolve(m.metricName))).toMatch(/Lambda\.LogErrors\..*Orders/);
    expect(m.statistic).toBe('Sum');
    expect(m.period.toMinutes()).toBe(5);
    expect(m.unitFilter).toBe('Count');
    const b = logging.batchLogErrorsMetric({ period: Duration.minutes(1) }).toMetricConfig().metricStat!;
    expect([b.namespace, b.metricName, b.statistic, b.period.toMinutes()]).toEqual(['shop', 'Batch.LogErrors', 'Sum', 1]);
  });

  test('asking for the metric of a function that is not monitored fails', () => {
    const { stack, logging } = setup();
    expect(() => logging.lambdaLogErrorsMetric(fn(stack, 'Other'))).toThrow(/TestStack\/Other is not one of lambdaFunctions/);
  });
});

describe('saved Logs Insights queries', () => {
  test('the daily on-call queries exist with their groups', () => {
    const { template } = setup();
    template.resourceCountIs('AWS::Logs::QueryDefinition', 7);
    template.hasResourceProperties('AWS::Logs::QueryDefinition', {
      Name: 'shop/Find Lambda errors',
      QueryString: Match.stringLikeRegexp('filter @message like /ERROR/'),
      LogGroupNames: [{ Ref: Match.stringLikeRegexp('^LoggingLambdaOrders') }, { Ref: Match.stringLikeRegexp('^LoggingLambdaPayments') }],
    });
    template.hasResourceProperties('AWS::Logs::QueryDefinition', {
      Name: 'shop/Find slow API requests',
      QueryString: Match.stringLikeRegexp('filter responseLatency > 1000\\n\\| sort responseLatency desc'),
      LogGroupNames: [{ Ref: Match.stringLikeRegexp('^LoggingApiAccessLogGroup') }],
    });
    template.hasResourceProperties('AWS::Logs::QueryDefinition', {
      Name: 'shop/Recent Batch job failures',
      QueryString: Match.stringLikeRegexp("source = 'aws.batch' and detail.status = 'FAILED'"),
      LogGroupNames: [{ Ref: Match.stringLikeRegexp('^LoggingPlatformEventsLogGroup') }],
    });
    template.hasResourceProperties('AWS::Logs::QueryDefinition', {
      Name: 'shop/CloudTrail - who changed what',
      LogGroupNames: [{ Ref: Match.stringLikeRegexp('^LoggingCloudTrailLogGroup') }],
    });
    template.hasResourceProperties('AWS::Logs::QueryDefinition', {
      Name: 'shop/CloudTrail - denied API calls',
      QueryString: Match.stringLikeRegexp('errorCode like /AccessDenied'),
    });
  });

  test('more than 50 Lambda groups are split into several queries of at most 50', () => {
    const { stack } = newStack();
    const fns = Array.from({ length: 51 }, (_, i) => lambda.Function.fromFunctionName(stack, `F${i}`, `fn-${i}`));
    new CentralLogging(stack, 'Logging', { projectName: 'shop', encryptionKey: new kms.Key(stack, 'K'), lambdaFunctions: fns });
    const queries = Template.fromStack(stack).findResources('AWS::Logs::QueryDefinition');
    const lambdaQueries = Object.values(queries).filter((q: any) => q.Properties.Name.startsWith('shop/Find Lambda errors'));
    expect(lambdaQueries.map((q: any) => [q.Properties.Name, q.Properties.LogGroupNames.length])).toEqual([
      ['shop/Find Lambda errors (1 of 2)', 50],
      ['shop/Find Lambda errors (2 of 2)', 1],
    ]);
    for (const q of Object.values(queries) as any[]) expect(q.Properties.LogGroupNames.length).toBeLessThanOrEqual(50);
  });
});

describe('API Gateway access logs', () => {
  test('the format is one JSON object with request id, status, latency and integration latency', () => {
    const format = CentralLogging.apiAccessLogFormat().toString();
    const sample = JSON.parse(format
      .replace(/\$context\.error\.messageString/g, '"denied"')
      .replace(/"\$context\.[\w.]+"/g, '"x"')
      .replace(/\$context\.[\w.]+/g, '200'));
    expect(Object.keys(sample)).toEqual(expect.arrayContaining(['requestId', 'status', 'responseLatency', 'integrationLatency', 'httpMethod', 'resourcePath', 'errorMessage']));
    expect(format).toContain('"requestId":"$context.requestId"');
    expect(format).toContain('"status":$context.status');
    expect(format).toContain('"responseLatency":$context.responseLatency');
    expect(format).toContain('"integrationLatency":"$context.integrationLatency"');
  });

  test('a REST API stage wires destination and format in one line', () => {
    const { stack } = newStack();
    const logging = new CentralLogging(stack, 'Logging', { projectName: 'shop', encryptionKey: new kms.Key(stack, 'K') });
    const api = new apigateway.RestApi(stack, 'Api', {
      cloudWatchRole: false,
      deployOptions: { accessLogDestination: logging.apiAccessLogDestination(), accessLogFormat: CentralLogging.apiAccessLogFormat() },
    });
    api.root.addMethod('GET');
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::Stage', {
      AccessLogSetting: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LoggingApiAccessLogGroup'), 'Arn'] },
        Format: Match.stringLikeRegexp('"responseLatency":\\$context.responseLatency'),
      },
    });
  });
});

describe('bad input', () => {
  const make = (props: Partial<CentralLoggingProps>) => () => {
    const { stack } = newStack();
    new CentralLogging(stack, 'Logging', { projectName: 'shop', encryptionKey: new kms.Key(stack, 'K'), ...props });
  };
  test('logRetention must be finite and allowed', () => {
    expect(make({ logRetention: logs.RetentionDays.INFINITE })).toThrow(/logRetention must be finite/);
    expect(make({ logRetention: 42 as logs.RetentionDays })).toThrow(/logRetention must be one of/);
  });
  test('DESTROY and SNAPSHOT are refused where they would lose data', () => {
    expect(make({ removalPolicy: RemovalPolicy.DESTROY })).toThrow(/removalPolicy DESTROY is refused in PROD/);
    expect(make({ removalPolicy: RemovalPolicy.SNAPSHOT })).toThrow(/SNAPSHOT is not supported/);
  });
  test('log group names are checked for characters and length', () => {
    expect(make({ batchLogGroupName: '/aws/batch/job name' })).toThrow(/batchLogGroupName may contain only/);
    expect(make({ batchLogGroupName: `/${'a'.repeat(512)}` })).toThrow(/batchLogGroupName must be 1-512 characters/);
    const { stack } = newStack();
    const long = lambda.Function.fromFunctionArn(stack, 'Long', `arn:aws:lambda:eu-west-1:123456789012:function:${'f'.repeat(510)}`);
    expect(() => new CentralLogging(stack, 'Logging', { projectName: 'shop', encryptionKey: new kms.Key(stack, 'K'), lambdaFunctions: [long] }))
      .toThrow(/the log group name of function TestStack\/Long must be 1-512 characters/);
  });
  test('the project name is validated', () => {
    expect(make({ projectName: 'Shop Platform' })).toThrow(/projectName may contain only lowercase letters/);
  });
});

test('no cdk-nag findings with every option on', () => {
  const { app, logging } = setup({
    environment: DeploymentEnvironment.STAGING,
    logRetention: logs.RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.DESTROY,
    batchLogGroupName: '/shop/batch',
    slowApiRequestThreshold: Duration.millis(500),
  });
  expect(nagFindings(app, logging)).toEqual([]);
});

test('synthesizes in an environment-agnostic stack', () => {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'S');
  const key = new PlatformKey(stack, 'Key', { projectName: 'shop' }).key;
  new CentralLogging(stack, 'Logging', { projectName: 'shop', encryptionKey: key, lambdaFunctions: [fn(stack, 'Orders')] });
  expect(() => app.synth()).not.toThrow();
  Template.fromStack(stack).resourceCountIs('AWS::Logs::LogGroup', 4); // the function's group is in its shard
  const shards = stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack);
  expect(shards).toHaveLength(1);
  Template.fromStack(shards[0]).resourceCountIs('AWS::Logs::LogGroup', 1);
});

test('logical ids of the default placement are pinned: the shard stack and the group in it', () => {
  const { stack } = newStack();
  const key = new PlatformKey(stack, 'Key', { projectName: 'shop' }).key;
  new CentralLogging(stack, 'Logging', { projectName: 'shop', encryptionKey: key, lambdaFunctions: [fn(stack, 'Orders')] });
  const shard = stack.node.findAll().find((c): c is NestedStack => c instanceof NestedStack)!;
  expect(shardOf('TestStack/Orders')).toBe(4);
  expect(shard.node.path).toBe('TestStack/Logging/Lambda/Shard4');
  expect(Object.keys(Template.fromStack(stack).findResources('AWS::CloudFormation::Stack'))).toEqual([
    'LoggingLambdaShard4NestedStackShard4NestedStackResourceC119F515',
  ]);
  expect(Object.keys(Template.fromStack(shard).findResources('AWS::Logs::LogGroup'))).toEqual(['Ordersc84b58b8LogGroup5495DCA9']);
});

test('logical ids of the log groups are pinned (changing them replaces the groups)', () => {
  const { template } = setup();
  expect(Object.keys(template.findResources('AWS::Logs::LogGroup')).sort()).toEqual([
    'LoggingApiAccessLogGroup809CA75A',
    'LoggingBatchLogGroup888896FA',
    'LoggingCloudTrailLogGroupEFC12822',
    'LoggingLambdaOrdersc84b58b8LogGroup7EBEC4ED',
    expect.stringMatching(/^LoggingLambdaPayments[0-9a-f]{8}LogGroup[0-9A-F]{8}$/),
    'LoggingPlatformEventsLogGroup2EB5BF54',
  ]);
});
