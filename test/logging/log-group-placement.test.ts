import { NestedStack, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { CentralLogging } from '../../src/logging/central-logging';
import { LogGroupPlacement, NESTED_SHARDS, shardOf } from '../../src/logging/log-group-placement';
import { ServiceLogGroupMode } from '../../src/logging/service-log-group-mode';
import { newStack } from '../nag-helpers';

function setup(count: number, placement?: LogGroupPlacement) {
  const { stack } = newStack();
  const fns = Array.from({ length: count }, (_, i) => lambda.Function.fromFunctionName(stack, `Fn${i}`, `fn-${i}`));
  const logging = new CentralLogging(stack, 'Logging', {
    projectName: 'shop',
    encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }),
    lambdaFunctions: fns,
    lambdaLogGroupPlacement: placement,
    lambdaLogGroupMode: ServiceLogGroupMode.CREATE, // imported functions would otherwise reference their groups
  });
  const nested = stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack);
  return { stack, logging, nested };
}

const lambdaGroups = (s: Stack) => Object.values(Template.fromStack(s).findResources('AWS::Logs::LogGroup'))
  .filter((r: any) => JSON.stringify(r.Properties.LogGroupName).includes('/aws/lambda/'));

describe('per-function log group placement', () => {
  test('the default nests from the first function (a count never moves a group)', () => {
    for (const count of [1, 100, 101]) {
      const { stack, nested } = setup(count);
      expect(lambdaGroups(stack)).toHaveLength(0);
      expect(nested.reduce((n, s) => n + lambdaGroups(s).length, 0)).toBe(count);
    }
  });

  test('AUTO keeps up to 100 functions in the same stack', () => {
    const { stack, nested } = setup(100, LogGroupPlacement.AUTO);
    expect(nested).toHaveLength(0);
    expect(lambdaGroups(stack)).toHaveLength(100);
  });

  test('AUTO moves 101+ functions into nested stacks', () => {
    const { stack, nested } = setup(101, LogGroupPlacement.AUTO);
    expect(lambdaGroups(stack)).toHaveLength(0);
    expect(nested.length).toBeGreaterThan(1);
  });

  test('500 functions (default) fit in at most eight nested stacks, each far below 500 resources', () => {
    const { stack, nested, logging } = setup(500);
    expect(lambdaGroups(stack)).toHaveLength(0);
    expect(nested.length).toBeGreaterThan(1);
    expect(nested.length).toBeLessThanOrEqual(NESTED_SHARDS);
    let groups = 0;
    for (const n of nested) {
      const t = Template.fromStack(n);
      const count = Object.keys(t.toJSON().Resources).length;
      expect(count).toBeLessThan(500);
      groups += lambdaGroups(n).length;
      t.allResourcesProperties('AWS::Logs::LogGroup', { KmsKeyId: { Ref: Match.stringLikeRegexp('^referencetoTestStackKey.*Arn$') }, RetentionInDays: 30 });
      expect(t.findResources('AWS::Logs::MetricFilter')).not.toEqual({});
    }
    expect(groups).toBe(500);
    expect(logging.lambdaLogGroups).toHaveLength(500);
    expect(Object.keys(Template.fromStack(stack).toJSON().Resources).length).toBeLessThan(500);
  });

  test('NESTED_STACKS places even one function in a shard chosen by its construct path', () => {
    const { stack, nested } = setup(1, LogGroupPlacement.NESTED_STACKS);
    expect(nested).toHaveLength(1);
    expect(nested[0].node.id).toBe(`Shard${shardOf('TestStack/Fn0')}`);
    expect(lambdaGroups(stack)).toHaveLength(0);
    expect(lambdaGroups(nested[0])).toHaveLength(1);
  });

  test('SAME_STACK never nests', () => {
    const { nested } = setup(150, LogGroupPlacement.SAME_STACK);
    expect(nested).toHaveLength(0);
  });

  test('a function keeps its shard whatever else is in the list (stable hash of its path)', () => {
    expect(shardOf('TestStack/Fn7')).toBe(shardOf('TestStack/Fn7'));
    const spread = new Set(Array.from({ length: 64 }, (_, i) => shardOf(`Stack/Fn${i}`)));
    expect(spread.size).toBe(NESTED_SHARDS);
  });
});
