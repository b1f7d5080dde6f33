import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AWS_LIMITS, checkLimits } from '../../bench/limits';
import { measureAssembly, Measurement } from '../../bench/measure';
import { PlatformAlarms } from '../../src';
import { MAX_GROUPED_FUNCTIONS } from '../../src/alarms/lambda-aggregate-alarm';
import { assemblyTemplates } from '../alarms/alarm-fixtures';
import { RECOMMENDED_CONTEXT } from '../nag-helpers';

// Issue 15: 1,000 functions (and up to MAX_GROUPED_FUNCTIONS) within every alarm limit, with the
// defaults. The Lambda errors and throttles sums are metric-math alarms over groups of at most 10
// functions (a math alarm reads at most 10 metrics), grouped by a hash of the function's name (leaves
// of a binary trie), every group in one nested stack per sum.
// Limits: `bench/limits.ts` (the benchmark's list, read only here).

const env = { account: '123456789012', region: 'eu-west-1' };
/** Lambda allows function names of up to 64 characters: the longest make the largest templates. */
const longName = (i: number) => `shop-${String(i).padStart(5, '0')}-`.padEnd(64, 'x');

function alarmsApp(count: number, name: (i: number) => string = (i) => `shop-fn-${i}`) {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'Platform', { env });
  const fns = Array.from({ length: count }, (_, i) => lambda.Function.fromFunctionName(stack, `Fn${i}`, name(i)));
  new PlatformAlarms(stack, 'Alarms', { projectName: 'shop', lambdaFunctions: fns });
  return app;
}

const measure = (app: App): Measurement => measureAssembly(app.synth().directory);
/** CloudFormation: at most 200 outputs per template (`bench/limits.ts` does not list it). */
const MAX_OUTPUTS = 200; // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
const mostOutputs = (app: App) => Math.max(...assemblyTemplates(app).map((t) => Object.keys(t.outputs).length));
const failed = (m: Measurement) => checkLimits(m).filter((c) => !c.pass);

test('1,000 lambda.Functions of team stacks with generated names (every metric an Fn::ImportValue): every limit passes', () => {
  // The largest alarm templates a team layout makes: each function is read through an export.
  // 190 functions per team stack keep each team stack under 200 outputs (one export per function).
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const platformStack = new Stack(app, 'Platform', { env });
  const teams: Stack[] = [];
  const fns = Array.from({ length: 1000 }, (_, i) => {
    const t = Math.floor(i / 190);
    teams[t] ??= new Stack(app, `OrdersTeamServicesStack${t}`, { env });
    return new lambda.Function(teams[t], `OrdersServiceRequestHandlerFunction${i}`, {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({});'),
      role: iam.Role.fromRoleArn(teams[t], `Role${i}`, `arn:aws:iam::123456789012:role/team-${t}`, { mutable: false }),
    });
  });
  new PlatformAlarms(platformStack, 'Alarms', { projectName: 'shop', lambdaFunctions: fns });
  const m = measure(app);
  expect(failed(m)).toEqual([]);
  expect(mostOutputs(app)).toBeLessThanOrEqual(MAX_OUTPUTS);
  const groups = assemblyTemplates(app).filter((t) => t.nested);
  // Grouped by a hash of each function's construct path (its name is a token): about 150 groups.
  const sizes = groups.map((t) => Object.keys(t.resources).length);
  expect(sizes).toHaveLength(2);
  expect(sizes[0]).toBe(sizes[1]);
  expect(sizes[0]).toBeGreaterThan(120);
  expect(sizes[0]).toBeLessThanOrEqual(180);
  expect(JSON.stringify(groups[0].resources)).toContain('Fn::ImportValue');
});

test(`${MAX_GROUPED_FUNCTIONS} functions with 64-character names (the most the groups allow): every limit passes`, () => {
  const app = alarmsApp(MAX_GROUPED_FUNCTIONS, longName);
  const m = measure(app);
  expect(failed(m)).toEqual([]);
  expect(mostOutputs(app)).toBeLessThanOrEqual(MAX_OUTPUTS);
  const nested = m.stacks.filter((s) => s.nested);
  expect(nested.map((s) => s.resources)).toEqual([141, 141]);
  for (const s of nested) expect(s.templateBytes).toBeLessThanOrEqual(0.8 * AWS_LIMITS.templateBytes);
});

test('control: beyond 1,000 functions the groups are refused, with what to do instead', () => {
  expect(() => alarmsApp(MAX_GROUPED_FUNCTIONS + 1)).toThrow(/more than the 1,000 the alarms watch in groups of at most 10/);
});

// PlatformMonitoring with 1,000 imported functions against every limit, and its Lambda sums' groups
// (each function read once, 147 alarms, 146 in the nested stack): test/scale/growth.test.ts (the app
// its 999 -> 1,000 growth test synthesizes anyway).
