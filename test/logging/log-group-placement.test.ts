import { NestedStack, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { CentralLogging } from '../../src/logging/central-logging';
import { LogGroupPlacement, NESTED_SHARDS } from '../../src/logging/log-group-placement';
import { ServiceLogGroupMode } from '../../src/logging/service-log-group-mode';
import { assemblyTemplates } from '../alarms/alarm-fixtures';
import { newStack } from '../nag-helpers';

function setup(count: number, placement?: LogGroupPlacement) {
  const { app, stack } = newStack();
  const fns = Array.from({ length: count }, (_, i) => lambda.Function.fromFunctionName(stack, `Fn${i}`, `fn-${i}`));
  const logging = new CentralLogging(stack, 'Logging', {
    projectName: 'shop',
    encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }),
    lambdaFunctions: fns,
    lambdaLogGroupPlacement: placement,
    lambdaLogGroupMode: ServiceLogGroupMode.CREATE, // imported functions would otherwise reference their groups
  });
  const nested = stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack);
  return { app, stack, logging, nested };
}

/** `setup(count, placement)` built once per file for the tests that only read it (synthesized once). */
const built = new Map<string, ReturnType<typeof setup>>();
function shared(count: number, placement?: LogGroupPlacement) {
  const key = `${count} ${placement}`;
  if (!built.has(key)) built.set(key, setup(count, placement));
  return built.get(key)!;
}

const lambdaGroups = (s: Stack) => Object.values(Template.fromStack(s).findResources('AWS::Logs::LogGroup'))
  .filter((r: any) => JSON.stringify(r.Properties.LogGroupName).includes('/aws/lambda/'));

describe('per-function log group placement', () => {
  test('the default nests from the first function (a count never moves a group)', () => {
    for (const count of [1, 100, 101]) {
      const { stack, nested } = shared(count);
      expect(lambdaGroups(stack)).toHaveLength(0);
      expect(nested.reduce((n, s) => n + lambdaGroups(s).length, 0)).toBe(count);
    }
  });

  test('AUTO keeps up to 100 functions in the same stack', () => {
    const { stack, nested } = shared(100, LogGroupPlacement.AUTO);
    expect(nested).toHaveLength(0);
    expect(lambdaGroups(stack)).toHaveLength(100);
  });

  test('AUTO moves 101+ functions into nested stacks', () => {
    const { stack, nested } = shared(101, LogGroupPlacement.AUTO);
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
    expect(nested[0].node.id).toMatch(/^Shard[0-7]$/); // which one is the hash's choice; that it never moves is tested below
    expect(lambdaGroups(stack)).toHaveLength(0);
    expect(lambdaGroups(nested[0])).toHaveLength(1);
  });

  test('SAME_STACK never nests', () => {
    const { nested } = setup(150, LogGroupPlacement.SAME_STACK);
    expect(nested).toHaveLength(0);
  });

  test('a function keeps its nested stack and logical id whatever else is added, removed or reordered', () => {
    // Where each function's group lands: nested stack id and logical id in that stack's template.
    const placement = (names: string[]) => {
      const { stack } = newStack();
      new CentralLogging(stack, 'Logging', {
        projectName: 'shop',
        encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }),
        lambdaFunctions: names.map((n) => lambda.Function.fromFunctionName(stack, n, n)),
        lambdaLogGroupMode: ServiceLogGroupMode.CREATE,
      });
      const out = new Map<string, string>();
      for (const n of stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack)) {
        for (const [id, r] of Object.entries(Template.fromStack(n).findResources('AWS::Logs::LogGroup'))) {
          out.set((r as any).Properties.LogGroupName, `${n.node.id} ${id}`);
        }
      }
      return out;
    };
    const names = Array.from({ length: 40 }, (_, i) => `fn-${i}`);
    const before = placement(names);
    expect(before.size).toBe(40);
    const variants = [
      [...names].reverse(), // reordered
      names.filter((_, i) => i % 3 !== 0), // a third removed
      [...names.slice(0, 20), ...Array.from({ length: 60 }, (_, i) => `new-${i}`), ...names.slice(20)], // 60 added in the middle
    ];
    for (const variant of variants) {
      const after = placement(variant);
      const kept = variant.filter((n) => n.startsWith('fn-')).map((n) => `/aws/lambda/${n}`);
      expect(kept.map((g) => [g, after.get(g)])).toEqual(kept.map((g) => [g, before.get(g)]));
    }
  });

  test('functions spread over all shards, none holding much more than its share', () => {
    const { nested } = setup(200);
    const sizes = nested.map((n) => lambdaGroups(n).length);
    expect(sizes).toHaveLength(NESTED_SHARDS);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(200);
    // 25 per shard on average; a hash that clusters (or a constant shard) fails this.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(40);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
  });
});

describe('AUTO, kept for stacks deployed with it', () => {
  // Every template of the app (nested ones by their logical-id-derived file names), as text.
  const templates = (count: number, placement: LogGroupPlacement) => JSON.stringify(assemblyTemplates(shared(count, placement).app));

  const { SAME_STACK, NESTED_STACKS } = LogGroupPlacement;
  test.each([[1, SAME_STACK], [100, SAME_STACK], [101, NESTED_STACKS], [300, NESTED_STACKS]])(
    'with %i functions it synthesizes exactly what %s does, so switching moves nothing', (count, same) => {
      expect(templates(count, LogGroupPlacement.AUTO)).toEqual(templates(count, same));
    });

  test('warns at synth and names the growth-safe value that keeps the layout', () => {
    const at = (count: number) => Annotations.fromStack(shared(count, LogGroupPlacement.AUTO).stack)
      .findWarning('*', Match.stringLikeRegexp('lambdaLogGroupPlacement AUTO'))
      .map((w) => w.entry.data);
    expect(at(100)).toEqual([expect.stringMatching(/^lambdaLogGroupPlacement AUTO moves every per-function log group into nested stacks when the functions pass 100 \(now 100\): a deploy then fails for retained groups with fixed names\. With 100 functions AUTO places them exactly as LogGroupPlacement\.SAME_STACK does: set that instead \(nothing moves\), and growth never moves them\./)]);
    expect(at(101)).toEqual([expect.stringMatching(/With 101 functions AUTO places them exactly as LogGroupPlacement\.NESTED_STACKS does/)]);
    expect(Annotations.fromStack(shared(101).stack).findWarning('*', Match.stringLikeRegexp('AUTO'))).toEqual([]);
  });
});
