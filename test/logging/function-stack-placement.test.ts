import { App, NestedStack, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { CentralLogging } from '../../src/logging/central-logging';
import { LogGroupPlacement, shardOf } from '../../src/logging/log-group-placement';
import { ServiceLogGroupMode } from '../../src/logging/service-log-group-mode';
import { RECOMMENDED_CONTEXT } from '../nag-helpers';

// LogGroupPlacement.FUNCTION_STACK (the default): a function defined with an explicit name in
// another top-level stack of the app has its log group and error filter in nested stacks under its
// own stack, so the platform's stack operation (2,500 resources at most, nested stacks included:
// "Understand CloudFormation quotas", AWS CloudFormation User Guide) does not grow with it.

const ENV = { account: '123456789012', region: 'eu-west-1' };

function app3(placement?: LogGroupPlacement) {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const platform = new Stack(app, 'Platform', { env: ENV });
  const team = new Stack(app, 'Team', { env: ENV });
  const key = new kms.Key(platform, 'Key', { enableKeyRotation: true });
  const define = (stack: Stack, id: string, functionName?: string) => new lambda.Function(stack, id, {
    functionName, runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('x'),
  });
  const logging = (functions: lambda.IFunction[], lambdaLogGroupMode?: ServiceLogGroupMode) => new CentralLogging(platform, 'Logging', {
    projectName: 'shop', encryptionKey: key, lambdaFunctions: functions, lambdaLogGroupPlacement: placement, lambdaLogGroupMode,
  });
  return { app, platform, team, define, logging };
}

const nestedUnder = (stack: Stack) => stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack);
const count = (stacks: Stack[], type: string) => stacks.reduce((n, s) => n + Object.keys(Template.fromStack(s).findResources(type)).length, 0);

describe('FUNCTION_STACK (the default)', () => {
  test('a function with an explicit name in another stack: its group and filter are in a nested stack under that stack', () => {
    const { app, platform, team, define, logging } = app3();
    const fn = define(team, 'Orders', 'shop-orders');
    const l = logging([fn]);
    app.synth();
    const shards = nestedUnder(team);
    expect(shards).toHaveLength(1);
    expect(shards[0].node.path).toMatch(new RegExp(`^Team/PlatformLogging[0-9A-F]{8}Lambda/Shard${shardOf('Team/Orders')}$`));
    const shard = Template.fromStack(shards[0]);
    shard.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/lambda/shop-orders', RetentionInDays: 30, KmsKeyId: { 'Fn::ImportValue': Match.stringLikeRegexp('^Platform:ExportsOutputFnGetAttKey') },
    });
    shard.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain' });
    shard.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: Match.stringLikeRegexp('LogGroup') }, MetricTransformations: [Match.objectLike({ MetricNamespace: 'shop', MetricName: 'Lambda.LogErrors.shop-orders' })],
    });
    // The platform's stack operation holds no group or filter of the function.
    const platformStacks = [platform, ...nestedUnder(platform)];
    expect(count(platformStacks, 'AWS::Logs::MetricFilter')).toBe(1); // the Batch group's filter only
    expect(JSON.stringify(platformStacks.map((s) => Template.fromStack(s).findResources('AWS::Logs::LogGroup')))).not.toContain('shop-orders');
    // The saved queries name the group literally: the platform reads nothing from the team's stack.
    Template.fromStack(platform).hasResourceProperties('AWS::Logs::QueryDefinition', { LogGroupNames: Match.arrayWith(['/aws/lambda/shop-orders']) });
    expect(platform.dependencies).toEqual([]);
    expect(team.dependencies).toEqual([platform]);
    expect(l.lambdaLogGroup(fn)).toBeDefined();
  });

  test('one export for any number of functions: the key ARN, which each shard imports', () => {
    const { app, platform, team, logging } = app3();
    const role = iam.Role.fromRoleArn(team, 'Role', 'arn:aws:iam::123456789012:role/team', { mutable: false });
    logging(Array.from({ length: 300 }, (_, i) => new lambda.Function(team, `Fn${i}`, {
      functionName: `shop-fn-${i}`, role, runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('x'),
    })));
    app.synth();
    const outputs = Object.values<any>(Template.fromStack(platform).toJSON().Outputs ?? {});
    expect(outputs.map((o) => o.Value)).toEqual([{ 'Fn::GetAtt': [expect.stringMatching(/^Key/), 'Arn'] }]);
    const shards = nestedUnder(team);
    const imports = shards.flatMap((sh) => JSON.stringify(Template.fromStack(sh).toJSON()).match(/"Fn::ImportValue":"[^"]+"/g) ?? []);
    expect(new Set(imports).size).toBe(1);
    expect(shards).toHaveLength(8);
    for (const s of shards) {
      const t = Template.fromStack(s).toJSON();
      expect(Object.keys(t.Resources).length).toBeLessThanOrEqual(400);
      expect(Object.keys(t.Parameters ?? {})).toHaveLength(0);
      expect(Object.keys(t.Outputs ?? {})).toHaveLength(0);
    }
    expect(count(shards, 'AWS::Logs::LogGroup')).toBe(300);
    expect(count([platform, ...nestedUnder(platform)], 'AWS::Logs::MetricFilter')).toBe(1);
  });

  test.each([
    ['a generated name', (t: Stack, d: any) => d(t, 'Orders')],
    ['an imported function', (t: Stack) => lambda.Function.fromFunctionName(t, 'Orders', 'shop-orders')],
  ])('%s stays in the platform\'s shards', (_, make) => {
    const { app, platform, team, define, logging } = app3();
    logging([make(team, define)]);
    app.synth();
    expect(nestedUnder(team)).toEqual([]);
    expect(nestedUnder(platform)).toHaveLength(1);
  });

  test('a function of the platform\'s own stack stays in the platform\'s shards', () => {
    const { platform, define, logging } = app3();
    logging([define(platform, 'Near', 'shop-near')]);
    expect(count(nestedUnder(platform), 'AWS::Logs::LogGroup')).toBe(1);
  });

  test('NESTED_STACKS keeps every group in the platform\'s shards', () => {
    const { app, platform, team, define, logging } = app3(LogGroupPlacement.NESTED_STACKS);
    logging([define(team, 'Orders', 'shop-orders')]);
    app.synth();
    expect(nestedUnder(team)).toEqual([]);
    expect(count(nestedUnder(platform), 'AWS::Logs::LogGroup')).toBe(1);
  });

  test('a stack holding groups can\'t also hold a function with a generated name (the stacks would depend on each other)', () => {
    const { team, define, logging } = app3();
    expect(() => logging([define(team, 'Orders', 'shop-orders'), define(team, 'Anon')])).toThrow(
      'lambdaFunctions[1] (Team/Anon) has a name generated at deploy, so the platform reads it from stack "Team", while that stack '
      + 'holds the platform\'s log groups of its other functions (encrypted with the platform key, whose ARN it reads from the '
      + 'platform\'s stack): the two stacks would depend on each other. Give the function an explicit functionName, or set '
      + 'lambdaLogGroupPlacement (PlatformMonitoring: logging.lambdaLogGroupPlacement) to LogGroupPlacement.NESTED_STACKS (every '
      + 'group in the platform\'s stack operation).');
  });

  test('with the groups used as they exist (USE_EXISTING), a generated name in that stack is fine: only the platform imports', () => {
    const { app, platform, team, define, logging } = app3();
    logging([define(team, 'Orders', 'shop-orders'), define(team, 'Anon')], ServiceLogGroupMode.USE_EXISTING);
    const assembly = app.synth();
    // The named function's filter is in the team stack (on its existing group, no key); the generated
    // name's in the platform's shards, which read the name from the team stack.
    expect(count(nestedUnder(team), 'AWS::Logs::MetricFilter')).toBe(1);
    expect(count(nestedUnder(team), 'AWS::Logs::LogGroup')).toBe(0);
    expect(count(nestedUnder(platform), 'AWS::Logs::MetricFilter')).toBe(1);
    expect(JSON.stringify(assembly.getStackByName(team.stackName).template)).not.toContain('Fn::ImportValue');
    expect(JSON.stringify(assembly.getStackByName(platform.stackName).template)).toContain('Fn::ImportValue');
  });

  test('logical ids are pinned: the shard stack in the team stack and the group in it', () => {
    const { app, team, define, logging } = app3();
    logging([define(team, 'Orders', 'shop-orders')]);
    app.synth();
    const [shard] = nestedUnder(team);
    expect(shard.node.path).toBe(`Team/PlatformLoggingA559ECA3Lambda/Shard${shardOf('Team/Orders')}`);
    expect(Object.keys(Template.fromStack(team).findResources('AWS::CloudFormation::Stack'))).toEqual(['PlatformLoggingA559ECA3LambdaShard4NestedStackShard4NestedStackResource7D5425C3']);
    expect(Object.keys(Template.fromStack(shard).findResources('AWS::Logs::LogGroup'))).toEqual(['Ordersc816bee9LogGroup10615B80']);
  });
});
