import { Annotations as Annotations_, App, CrossStackReferences, NestedStack, ReferenceStrength, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { importsOf, threeStackApp } from './three-stacks';
import { ApiAccessLogDestination, DeploymentEnvironment, HttpApiAccessLogDestination, PlatformMonitoring } from '../../src';
import { RECOMMENDED_CONTEXT } from '../nag-helpers';

// Issue 11 item 5: functions in one team stack, APIs in another, PlatformMonitoring in a third.
// Cross-stack references become CloudFormation exports and Fn::ImportValue; an export cannot be
// changed or deleted while another stack imports it ("Walkthrough: Refer to resource outputs in
// another CloudFormation stack" and the Fn::ImportValue reference, AWS CloudFormation User Guide).

/** A log group ARN as the stage's stack writes it: only the partition is left to CloudFormation. */
const literalArn = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:logs:eu-west-1:123456789012:log-group:${name}:*`]] });

const templateOf = (app: App, stack: Stack) => app.synth().getStackByName(stack.stackName).template;

describe('three-stack app (functions, APIs, monitoring), defaults otherwise', () => {
  test('synthesizes: no DependencyCycle from the REST API stage', () => {
    const { app } = threeStackApp();
    expect(() => app.synth()).not.toThrow();
  });

  test('with literal function names, the monitoring stack imports nothing from the function stack, and nothing of the REST API', () => {
    const { app, platformStack, functionsStack } = threeStackApp({ literalFunctionNames: true }, { httpApis: [] });
    expect(importsOf(templateOf(app, platformStack))).toEqual([]);
    expect(templateOf(app, functionsStack).Outputs ?? {}).toEqual({}); // nothing exported: the team stack is free
  });

  test('literal names reach alarms, log groups and the trail (function name, REST API name and stage name)', () => {
    const { app, platformStack, functionsStack } = threeStackApp({ literalFunctionNames: true }, { httpApis: [] });
    app.synth();
    const t = Template.fromStack(platformStack);
    const shards = platformStack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack);
    // The functions' groups are in nested stacks under their own stack (LogGroupPlacement.FUNCTION_STACK).
    const groupsIn = (stacks: Stack[]) => stacks.flatMap((s) => Object.values<any>(Template.fromStack(s).findResources('AWS::Logs::LogGroup')))
      .map((g) => g.Properties.LogGroupName).filter((n) => JSON.stringify(n).includes('/aws/lambda/'));
    const teamShards = functionsStack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack);
    expect(groupsIn(teamShards).sort()).toEqual(['/aws/lambda/shop-orders', '/aws/lambda/shop-payments', '/aws/lambda/shop-search']);
    expect(groupsIn([platformStack, ...shards])).toEqual([]);
    // API alarms sit in nested shards of the platform stack.
    const apiAlarms = shards.flatMap((s) => Object.values<any>(Template.fromStack(s).findResources('AWS::CloudWatch::Alarm')))
      .filter((a) => JSON.stringify(a.Properties.Dimensions ?? []) === JSON.stringify([{ Name: 'ApiName', Value: 'shop-api' }, { Name: 'Stage', Value: 'live' }]));
    expect(apiAlarms.length).toBeGreaterThan(0);
    const trail = Object.values(t.findResources('AWS::CloudTrail::Trail'))[0] as any;
    const values = JSON.stringify(trail.Properties.EventSelectors);
    expect(values).toContain(':function:shop-orders');
    expect(values).not.toContain('Fn::ImportValue');
  });

  test('the REST API stage in another stack is left unchanged, with a warning carrying the code to add there', () => {
    const { app, apisStack, platformStack } = threeStackApp();
    app.synth();
    Template.fromStack(apisStack).hasResourceProperties('AWS::ApiGateway::Stage', { StageName: 'live', AccessLogSetting: Match.absent() });
    expect(importsOf(Template.fromStack(apisStack).toJSON())).toEqual([]);
    const warnings = Annotations.fromStack(platformStack).findWarning('*', Match.stringLikeRegexp('restApis\\[0\\]'));
    expect(warnings).toHaveLength(1);
    const text = String(warnings[0].entry.data);
    expect(text).toContain('restApis[0] (Apis/ShopApi) is defined in stack "Apis", not in "Platform"');
    expect(text).toContain("deployOptions: { accessLogDestination: new ApiAccessLogDestination({ projectName: 'shop' }), "
      + 'accessLogFormat: PlatformMonitoring.apiAccessLogFormat() }');
    expect(text).toContain('apisStack.addStackDependency(platformStack)');
    expect(text).toContain('restApiAccessLogs: false');
  });

  test('outside PROD the printed code carries the environment', () => {
    const { app, platformStack } = threeStackApp({ literalFunctionNames: true }, { environment: DeploymentEnvironment.DEV });
    app.synth();
    const warnings = Annotations.fromStack(platformStack).findWarning('*', Match.stringLikeRegexp('restApis\\[0\\]'));
    expect(String(warnings[0].entry.data)).toContain("new ApiAccessLogDestination({ projectName: 'shop', environment: DeploymentEnvironment.DEV })");
  });

  test('logging.restApiAccessLogs: false leaves the stage alone without a warning', () => {
    const { app, platformStack } = threeStackApp({ literalFunctionNames: true }, { logging: { restApiAccessLogs: false } });
    app.synth();
    expect(Annotations.fromStack(platformStack).findWarning('*', Match.stringLikeRegexp('restApis\\[0\\]'))).toHaveLength(0);
  });

  test('generated function names: each function is exported once (name only), and a warning names the least-locking fix', () => {
    const { app, platformStack, functionsStack } = threeStackApp({ literalFunctionNames: false }, { httpApis: [] });
    const exportsOfFunctions = Object.keys(templateOf(app, functionsStack).Outputs ?? {});
    expect(exportsOfFunctions).toHaveLength(3); // was 6 (name and ARN of each)
    expect(new Set(importsOf(templateOf(app, platformStack))).size).toBe(3);
    // One warning for the stack and cause, listing the functions (not one per function).
    const warnings = Annotations.fromStack(platformStack).findWarning('*', Match.stringLikeRegexp('imports the generated names'));
    expect(warnings.map((w) => String(w.entry.data))).toEqual([
      'Stack "Platform" imports the generated names of lambdaFunctions[0] (Functions/orders), lambdaFunctions[1] (Functions/payments) '
      + 'and lambdaFunctions[2] (Functions/search) (Fn::ImportValue), so their stacks cannot rename, replace or delete them while '
      + 'this one uses them. Give each an explicit functionName (read as a literal, nothing is referenced), or read them without an '
      + 'export: call CrossStackReferences.of(<this stack>).consume(ReferenceStrength.WEAK) right after creating this stack '
      + '(Fn::GetStackOutput instead of Fn::ImportValue: the other stack stays free, and this one follows a replaced resource on its '
      + 'next deploy). [ack: cdk-platform-monitoring:importedFunctionName]',
    ]);
  });

  test('the warning is acknowledgeable by its id, on the stack', () => {
    const { app, platformStack } = threeStackApp({ literalFunctionNames: false }, {},
      (stack) => {
        Annotations_.of(stack).acknowledgeWarning('cdk-platform-monitoring:importedFunctionName', 'the team stack keeps its functions');
        Annotations_.of(stack).acknowledgeWarning('cdk-platform-monitoring:importedHttpApiId', 'the API stack keeps its API');
        Annotations_.of(stack).acknowledgeWarning('cdk-platform-monitoring:foreignRestApiStage', 'the API stack logs elsewhere');
      });
    app.synth();
    expect(importsOf(templateOf(app, platformStack)).length).toBeGreaterThan(0); // still imported: acknowledged, not fixed
    expect(Annotations.fromStack(platformStack).findWarning('*', Match.stringLikeRegexp('cdk-platform-monitoring:'))).toEqual([]);
  });

  test('generated names read weakly (the warning\'s second option): no export, no import; Fn::GetStackOutput instead', () => {
    const { app, platformStack, functionsStack } = threeStackApp({ literalFunctionNames: false }, { httpApis: [] },
      (stack) => CrossStackReferences.of(stack).consume(ReferenceStrength.WEAK));
    const platform = templateOf(app, platformStack);
    expect(importsOf(platform)).toEqual([]);
    expect(JSON.stringify(platform)).toContain('"Fn::GetStackOutput":{"StackName":"Functions"');
    const outputs = Object.values<any>(templateOf(app, functionsStack).Outputs ?? {});
    expect(outputs).toHaveLength(3);
    expect(outputs.every((o) => o.Export === undefined)).toBe(true); // nothing the function stack is locked by
    // Followed the advice: nothing is imported any more, so no warning says it is.
    expect(Annotations.fromStack(platformStack).findWarning('*', Match.stringLikeRegexp('Fn::ImportValue'))).toEqual([]);
  });

  test('the app that followed every warning (weak references; the REST API stage left to its stack) synthesizes with no warning', () => {
    const { app, platformStack } = threeStackApp({ literalFunctionNames: false }, { logging: { restApiAccessLogs: false } },
      (stack) => CrossStackReferences.of(stack).consume(ReferenceStrength.WEAK));
    expect(importsOf(templateOf(app, platformStack))).toEqual([]);
    expect(Annotations.fromStack(platformStack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('literal function names produce no import warning', () => {
    const { app, platformStack } = threeStackApp({ literalFunctionNames: true }, { httpApis: [] });
    app.synth();
    expect(Annotations.fromStack(platformStack).findWarning('*', Match.stringLikeRegexp('generated name'))).toHaveLength(0);
  });

  test('httpApis of another stack: the id is imported (it exists only after deploy), with a warning; its stage is not changed', () => {
    const { app, platformStack, apisStack } = threeStackApp();
    expect(importsOf(templateOf(app, platformStack)).every((i) => i.includes('ShopHttpApi'))).toBe(true);
    Template.fromStack(apisStack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { AccessLogSettings: Match.absent() });
    const warnings = Annotations.fromStack(platformStack).findWarning('*', Match.stringLikeRegexp('httpApis\\[0\\]'));
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0].entry.data)).toMatch(/^Stack "Platform" imports the ids of httpApis\[0\] \(Apis\/ShopHttpApi\) \(Fn::ImportValue;/);
    expect(String(warnings[0].entry.data)).toMatch(/ \[ack: cdk-platform-monitoring:importedHttpApiId\]$/);
    expect(String(warnings[0].entry.data)).toContain('consume(ReferenceStrength.WEAK)');
    expect(String(warnings[0].entry.data)).toContain('HttpApiAccessLogDestination');
  });
});

describe('ApiAccessLogDestination / HttpApiAccessLogDestination: access logs from the API stack without a cycle', () => {
  function withHelper(environment?: DeploymentEnvironment) {
    const app = new App({ context: RECOMMENDED_CONTEXT });
    const env = { account: '123456789012', region: 'eu-west-1' };
    const platformStack = new Stack(app, 'Platform', { env });
    const apiStack = new Stack(app, 'Apis', { env });
    const api = new apigateway.RestApi(apiStack, 'ShopApi', {
      restApiName: 'shop-api',
      deployOptions: {
        stageName: 'live',
        accessLogDestination: new ApiAccessLogDestination({ projectName: 'shop', environment }),
        accessLogFormat: PlatformMonitoring.apiAccessLogFormat(),
      },
    });
    api.root.addMethod('GET', new apigateway.MockIntegration());
    const httpApi = new apigatewayv2.HttpApi(apiStack, 'ShopHttpApi', { createDefaultStage: false });
    new apigatewayv2.HttpStage(apiStack, 'HttpStage', {
      httpApi,
      autoDeploy: true,
      accessLogSettings: { destination: new HttpApiAccessLogDestination({ projectName: 'shop', environment }), format: PlatformMonitoring.apiAccessLogFormat() },
    });
    const monitoring = new PlatformMonitoring(platformStack, 'Monitoring', {
      recipients: { emails: ['ops@example.com'] },
      projectName: 'shop',
      environment: environment ?? DeploymentEnvironment.PROD,
      restApis: [api],
    });
    apiStack.addStackDependency(platformStack); // the group exists before the stage points at it
    return { app, platformStack, apiStack, monitoring };
  }

  test('the stage names the platform group by its literal ARN; no stack imports from the other; no warning', () => {
    const { app, platformStack, apiStack, monitoring } = withHelper();
    expect(() => app.synth()).not.toThrow();
    const arn = literalArn('/aws/apigateway/shop/access-logs');
    Template.fromStack(apiStack).hasResourceProperties('AWS::ApiGateway::Stage', { AccessLogSetting: { DestinationArn: arn } });
    Template.fromStack(apiStack).hasResourceProperties('AWS::ApiGatewayV2::Stage', { AccessLogSettings: { DestinationArn: arn } });
    // ...which is exactly the group the monitoring stack creates.
    const group = Template.fromStack(platformStack).findResources('AWS::Logs::LogGroup', { Properties: { LogGroupName: '/aws/apigateway/shop/access-logs' } });
    expect(Object.keys(group)).toEqual([platformStack.getLogicalId(monitoring.logging.apiAccessLogGroup.node.defaultChild as any)]);
    expect(importsOf(Template.fromStack(apiStack).toJSON())).toEqual([]);
    expect(importsOf(Template.fromStack(platformStack).toJSON())).toEqual([]);
    expect(Annotations.fromStack(platformStack).findWarning('*', Match.stringLikeRegexp('restApis'))).toHaveLength(0);
  });

  test('outside PROD it names the environment\'s group', () => {
    const { app, apiStack } = withHelper(DeploymentEnvironment.DEV);
    app.synth();
    Template.fromStack(apiStack).hasResourceProperties('AWS::ApiGateway::Stage', {
      AccessLogSetting: { DestinationArn: literalArn('/aws/apigateway/shop-dev/access-logs') },
    });
  });

  test('a bad project name fails at synth with the fix', () => {
    const app = new App();
    const stack = new Stack(app, 'Apis');
    expect(() => new apigateway.RestApi(stack, 'Api', {
      deployOptions: { accessLogDestination: new ApiAccessLogDestination({ projectName: 'Shop Platform' }) },
    })).toThrow(/projectName may contain only lowercase letters/);
  });
});

describe('REST API stages in another stack: one warning per stack, listing the APIs', () => {
  test('two APIs of one stack give one foreignRestApiStage warning that names both', () => {
    const app = new App({ context: RECOMMENDED_CONTEXT });
    const env = { account: '123456789012', region: 'eu-west-1' };
    const apiStack = new Stack(app, 'Apis', { env });
    const apis = ['Orders', 'Search'].map((id) => {
      const api = new apigateway.RestApi(apiStack, id, { restApiName: `shop-${id.toLowerCase()}` });
      api.root.addMethod('GET');
      return api;
    });
    const platformStack = new Stack(app, 'Platform', { env });
    new PlatformMonitoring(platformStack, 'Monitoring', {
      projectName: 'shop', environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, restApis: apis,
    });
    app.synth();
    const warnings = Annotations.fromStack(platformStack).findWarning('*', Match.stringLikeRegexp('cdk-platform-monitoring:foreignRestApiStage'));
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0].entry.data)).toContain(
      'restApis[0] (Apis/Orders) and restApis[1] (Apis/Search) are defined in stack "Apis", not in "Platform": their stages are left without access logs');
  });
});
