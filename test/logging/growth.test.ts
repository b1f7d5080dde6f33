import { App, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { CentralLogging } from '../../src/logging/central-logging';
import { AUTO_NESTED_THRESHOLD, LogGroupPlacement } from '../../src/logging/log-group-placement';
import { MAX_LOG_GROUPS_PER_QUERY } from '../../src/logging/saved-queries';
import { ServiceLogGroupMode } from '../../src/logging/service-log-group-mode';
import { growthProblems } from '../growth';
import { RECOMMENDED_CONTEXT } from '../nag-helpers';

// Issue 11 item 9: adding a monitored function must only add resources. CloudFormation cannot
// change a resource's type in place, and a named, retained log group created in a new (nested)
// stack while the old stack still holds the name fails ("already exists"). Every threshold of
// src/logging is crossed here: 0 -> 1 (first function, first shard), 50 -> 51 (a second "Find
// Lambda errors" query: MAX_LOG_GROUPS_PER_QUERY) and 99/100 -> 101 (AUTO_NESTED_THRESHOLD).

interface Options { readonly placement?: LogGroupPlacement; readonly mode?: ServiceLogGroupMode; readonly prepend?: boolean }

function platform(count: number, options: Options = {}): App {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'Platform', { env: { account: '123456789012', region: 'eu-west-1' } });
  const names = Array.from({ length: count }, (_, i) => `fn-${i}`);
  // The newest function goes first with `prepend`, so order in the list must not matter either.
  const ordered = options.prepend ? [...names.slice(-1), ...names.slice(0, -1)] : names;
  const fns = ordered.map((name) => lambda.Function.fromFunctionName(stack, name, name));
  new CentralLogging(stack, 'Logging', {
    projectName: 'shop',
    encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }),
    lambdaFunctions: fns,
    lambdaLogGroupPlacement: options.placement,
    // CREATE unless told: the groups are then in the template, so a move shows.
    lambdaLogGroupMode: 'mode' in options ? options.mode : ServiceLogGroupMode.CREATE,
  });
  app.synth();
  return app;
}

describe('growth only adds (default placement)', () => {
  const steps: Array<[number, number]> = [
    [0, 1],
    [1, 2],
    [MAX_LOG_GROUPS_PER_QUERY, MAX_LOG_GROUPS_PER_QUERY + 1],
    [AUTO_NESTED_THRESHOLD - 1, AUTO_NESTED_THRESHOLD + 1],
    [AUTO_NESTED_THRESHOLD, AUTO_NESTED_THRESHOLD + 1],
  ];
  test.each(steps)('%i -> %i functions: no logical id changes type, stack or physical name', (n, m) => {
    expect(growthProblems(platform(n), platform(m))).toEqual([]);
  });

  test('100 -> 101 with the new function first in the list', () => {
    expect(growthProblems(platform(100), platform(101, { prepend: true }))).toEqual([]);
  });

  test('default mode (imported functions: USE_EXISTING) 100 -> 101 only adds too', () => {
    expect(growthProblems(platform(100, { mode: undefined }), platform(101, { mode: undefined }))).toEqual([]);
  });

  test('SAME_STACK 99 -> 101 only adds (it never nests)', () => {
    const placement = LogGroupPlacement.SAME_STACK;
    expect(growthProblems(platform(99, { placement }), platform(101, { placement }))).toEqual([]);
  });
});

describe('the growth check can fail', () => {
  test('AUTO (the old default) at 100 -> 101 moves every log group into a nested stack: reported', () => {
    const placement = LogGroupPlacement.AUTO;
    const changes = growthProblems(platform(100, { placement }), platform(101, { placement }));
    expect(changes.filter((c) => /^LoggingLambda\S+LogGroup\S+ \(AWS::Logs::LogGroup\) was removed from Platform$/.test(c))).toHaveLength(100);
    expect(changes.filter((c) => /^AWS::Logs::LogGroup "\/aws\/lambda\/fn-\d+" moves from Platform \S+ to \S+nested\.template\.json /.test(c))).toHaveLength(100);
  });
});
