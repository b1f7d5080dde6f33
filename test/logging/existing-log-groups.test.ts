import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { CentralLogging, CentralLoggingProps } from '../../src/logging/central-logging';
import { ServiceLogGroupMode } from '../../src/logging/service-log-group-mode';
import { RECOMMENDED_CONTEXT } from '../nag-helpers';

// Issue 11 item 6. Lambda creates /aws/lambda/<function name> on a function's first run; creating
// it again in CloudFormation fails the deploy ("... already exists"). An AWS::Logs::MetricFilter on
// a group that does not exist fails too. Automatic import of existing resources needs a static
// name and DeletionPolicy Retain ("Import AWS resources into a CloudFormation stack automatically",
// AWS CloudFormation User Guide); AWS::Logs::LogGroup supports import ("Resource type support").

function build(make: (stack: Stack) => lambda.IFunction[], props: Partial<CentralLoggingProps> = {}) {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'Platform', { env: { account: '123456789012', region: 'eu-west-1' } });
  const logging = new CentralLogging(stack, 'Logging', {
    projectName: 'shop', encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }), lambdaFunctions: make(stack), ...props,
  });
  app.synth();
  // Every stack of the app: a function of another stack has its group in nested stacks under that stack.
  const templates = app.node.findAll().filter((c): c is Stack => Stack.isStack(c)).map((s) => Template.fromStack(s));
  const resources = (type: string) => templates.flatMap((t) => Object.values<any>(t.findResources(type)));
  return { stack, logging, resources };
}

const inApp = (stack: Stack, id: string, functionName?: string) => new lambda.Function(stack, id, {
  functionName, runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('x'),
});
const lambdaGroupNames = (resources: (type: string) => any[]) => resources('AWS::Logs::LogGroup')
  .map((r) => r.Properties.LogGroupName).filter((n) => JSON.stringify(n).includes('/aws/lambda/'));

describe('default mode per source of the function', () => {
  test('imported functions (by name, ARN or attributes): the group is referenced, not created; its filter names it', () => {
    const { resources, logging } = build((s) => [
      lambda.Function.fromFunctionName(s, 'ByName', 'shop-orders'),
      lambda.Function.fromFunctionArn(s, 'ByArn', 'arn:aws:lambda:eu-west-1:123456789012:function:shop-payments'),
      lambda.Function.fromFunctionAttributes(s, 'ByAttrs', { functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:shop-search', sameEnvironment: true }),
    ]);
    expect(lambdaGroupNames(resources)).toEqual([]);
    const filtered = resources('AWS::Logs::MetricFilter').map((f) => f.Properties.LogGroupName).filter((n) => String(n).startsWith('/aws/lambda/'));
    expect(filtered.sort()).toEqual(['/aws/lambda/shop-orders', '/aws/lambda/shop-payments', '/aws/lambda/shop-search']);
    expect(logging.lambdaLogGroups.map((g) => g.logGroupName)).toEqual(['/aws/lambda/shop-orders', '/aws/lambda/shop-payments', '/aws/lambda/shop-search']);
  });

  test('a function defined in the app gets a new group: encrypted, with retention, retained, with a static name', () => {
    const { resources } = build((s) => [inApp(s, 'Orders', 'shop-orders')]);
    const groups = resources('AWS::Logs::LogGroup').filter((r) => r.Properties.LogGroupName === '/aws/lambda/shop-orders');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ DeletionPolicy: 'Retain', Properties: { RetentionInDays: 30, KmsKeyId: expect.anything() } });
  });

  test('a mixed list decides per function', () => {
    const { resources } = build((s) => [inApp(s, 'Orders', 'shop-orders'), lambda.Function.fromFunctionName(s, 'Legacy', 'shop-legacy')]);
    expect(lambdaGroupNames(resources)).toEqual(['/aws/lambda/shop-orders']);
  });

  test('a function of another stack of the app counts as defined in the app', () => {
    const team = (s: Stack) => new Stack(s.node.root as App, 'Team', { env: { account: '123456789012', region: 'eu-west-1' } });
    const { resources } = build((s) => [inApp(team(s), 'Orders', 'shop-orders')]);
    expect(lambdaGroupNames(resources)).toEqual(['/aws/lambda/shop-orders']);
  });
});

describe('an explicit lambdaLogGroupMode applies to every function', () => {
  test('CREATE creates the group of an imported function too', () => {
    const { resources } = build((s) => [lambda.Function.fromFunctionName(s, 'ByName', 'shop-orders')], { lambdaLogGroupMode: ServiceLogGroupMode.CREATE });
    expect(lambdaGroupNames(resources)).toEqual(['/aws/lambda/shop-orders']);
  });

  test('USE_EXISTING references the group of a function defined in the app', () => {
    const { resources } = build((s) => [inApp(s, 'Orders', 'shop-orders')], { lambdaLogGroupMode: ServiceLogGroupMode.USE_EXISTING });
    expect(lambdaGroupNames(resources)).toEqual([]);
    expect(resources('AWS::Logs::MetricFilter').some((f) => f.Properties.LogGroupName === '/aws/lambda/shop-orders')).toBe(true);
  });
});

describe('groups the construct creates can be adopted by `cdk deploy --import-existing-resources`', () => {
  test('the Batch group (default CREATE) and the created Lambda groups have a static name and DeletionPolicy Retain', () => {
    const { resources } = build((s) => [inApp(s, 'Orders', 'shop-orders')]);
    const groups = resources('AWS::Logs::LogGroup');
    for (const name of ['/aws/batch/job', '/aws/lambda/shop-orders']) {
      expect(groups.find((g) => g.Properties.LogGroupName === name)).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
  });

  test('a generated function name is not static, so only its Batch group could be adopted', () => {
    const { resources } = build((s) => [inApp(s, 'Orders')]);
    const lambdaGroup = resources('AWS::Logs::LogGroup').find((g) => JSON.stringify(g.Properties.LogGroupName).includes('/aws/lambda/'));
    expect(lambdaGroup.Properties.LogGroupName['Fn::Join']).toBeDefined(); // /aws/lambda/ + the function's Ref
  });
});
