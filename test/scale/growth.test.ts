import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AWS_LIMITS, checkLimits } from '../../bench/limits';
import { measureAssembly } from '../../bench/measure';
import { CentralLogging, LogGroupPlacement, PlatformAlarms, PlatformMonitoring, PlatformMonitoringProps } from '../../src';
import { DeploymentEnvironment } from '../../src/core/environment';
import { alarmsOf, assemblyTemplates } from '../alarms/alarm-fixtures';
import { growthProblems } from '../growth';
import { RECOMMENDED_CONTEXT } from '../nag-helpers';

// Issue 15 part 3: growing the platform by one function must only add, with `PlatformMonitoring`'s
// defaults, in every stack and nested stack of the app: no logical id disappears or moves to
// another template, none changes resource type, no physical name (AlarmName, LogGroupName,
// FilterName, DashboardName, ...) changes or passes to another resource (`test/growth.ts`).
// CloudFormation cannot change a resource's type in place, replaces a resource whose logical id
// vanishes, and fails to create a named resource whose name another still holds.
// The sizes cross every threshold of the code: the first function, 10 -> 11 (the Lambda alarms'
// groups of 10 start a nested stack), 50 -> 51 (Logs Insights widgets and queries of 50 groups),
// 99/100 -> 101 (the old AUTO log-group threshold) and 999 -> 1,000. With team-stack functions
// (50 a stack in these steps), 50 -> 51 and 100 -> 101 also add the first function of a new team
// stack, with its own nested stacks of log groups (LogGroupPlacement.FUNCTION_STACK). A 300 -> 301
// step was dropped: no threshold of the code is near it, and it was the only step whose functions
// spanned two team stacks (250 a stack then), which 50 -> 51 and 100 -> 101 now do.


/** Where the functions come from: imported by name, or `lambda.Function`s of team stacks. */
enum Layout { IMPORTED = 'imported', TEAM_STACKS = 'team stacks' }

/**
 * Functions per team stack in the growth steps (so that steps add team stacks), and at 1,000
 * functions (four team stacks, as in the benchmark's layout). One function resource each (they
 * share a role), well under 500 resources.
 */
const FUNCTIONS_PER_TEAM_STACK = 50;
const FUNCTIONS_PER_TEAM_STACK_AT_1000 = 250;
const env = { account: '123456789012', region: 'eu-west-1' };
/** CloudFormation: at most 200 outputs per template (`bench/limits.ts` does not list it). */
const MAX_OUTPUTS = 200; // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html

/** The functions of `count`, in `app`: imported by name into `stack`, or created in team stacks. */
function functions(app: App, stack: Stack, layout: Layout, count: number, perTeamStack = FUNCTIONS_PER_TEAM_STACK): lambda.IFunction[] {
  const names = Array.from({ length: count }, (_, i) => `shop-fn-${i}`);
  if (layout === Layout.IMPORTED) return names.map((name, i) => lambda.Function.fromFunctionName(stack, `Fn${i}`, name));
  const teams: Stack[] = [];
  const roles: iam.IRole[] = [];
  return names.map((name, i) => {
    const t = Math.floor(i / perTeamStack);
    if (!teams[t]) {
      teams[t] = new Stack(app, `Team${t}`, { env });
      roles[t] = iam.Role.fromRoleArn(teams[t], 'Role', `arn:aws:iam::123456789012:role/team-${t}`, { mutable: false });
    }
    return new lambda.Function(teams[t], `Fn${i}`, {
      functionName: name,
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({});'),
      role: roles[t],
    });
  });
}

/** `PlatformMonitoring` with its defaults over `count` functions. */
function platform(layout: Layout, count: number, extra: Partial<PlatformMonitoringProps> = {}): App {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'Platform', { env });
  new PlatformMonitoring(stack, 'Monitoring', {
    environment: DeploymentEnvironment.PROD,
    recipients: { emails: ['ops@example.com'] },
    projectName: 'shop',
    lambdaFunctions: functions(app, stack, layout, count),
    // The one default that cannot hold at this size: a trail lists at most 250 data resources
    // (CloudTrail quota, AWS-FACTS "Limits"), so above 249 functions it logs all of them.
    audit: count > 249 ? { logAllLambdaDataEvents: true } : undefined,
    ...extra,
  });
  return app;
}

/**
 * The parts of `PlatformMonitoring` that hold per-function resources, as it composes them, with
 * their defaults: the log groups and metric filters (`CentralLogging`) and the Lambda alarms
 * (`PlatformAlarms`). Used at 1,000 functions while the dashboards cannot hold that many.
 */
function perFunctionParts(layout: Layout, count: number): App {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'Platform', { env });
  const fns = functions(app, stack, layout, count, FUNCTIONS_PER_TEAM_STACK_AT_1000);
  new CentralLogging(stack, 'Logging', { projectName: 'shop', encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }), lambdaFunctions: fns });
  new PlatformAlarms(stack, 'Alarms', { projectName: 'shop', lambdaFunctions: fns });
  return app;
}

const cache = new Map<string, App>();
function synthOnce(layout: Layout, count: number): App {
  const key = `${layout} ${count}`;
  if (!cache.has(key)) cache.set(key, platform(layout, count));
  return cache.get(key)!;
}

const STEPS: Array<[number, number]> = [[0, 1], [1, 2], [10, 11], [50, 51], [99, 101], [100, 101]];

describe.each([Layout.IMPORTED, Layout.TEAM_STACKS])('%s functions, PlatformMonitoring defaults', (layout) => {
  test.each(STEPS)('%i -> %i functions only adds', (n, m) => {
    expect(growthProblems(synthOnce(layout, n), synthOnce(layout, m))).toEqual([]);
  });

});

// At 1,000 functions. Imported functions: the whole platform (the API dashboard of 5,000 Lambda
// metrics splits into parts of at most 2,500 metrics, issue 15 part 1); it holds the per-function
// parts below, composed as `PlatformMonitoring` composes them, so they are not synthesized apart.
test('imported functions, PlatformMonitoring defaults: 999 -> 1,000 functions only adds', () => {
  expect(growthProblems(synthOnce(Layout.IMPORTED, 999), synthOnce(Layout.IMPORTED, 1000))).toEqual([]);
});

// The same app of 1,000 functions against the AWS limits (was in test/scale/alarm-limits.test.ts,
// which synthesized it again).
test('PlatformMonitoring with 1,000 imported functions and defaults: every limit passes', () => {
  expect(checkLimits(measureAssembly(synthOnce(Layout.IMPORTED, 1000).synth().directory)).filter((c) => !c.pass)).toEqual([]);
});

// The Lambda sums' groups in the same app (were in test/scale/alarm-limits.test.ts, on an app of
// `PlatformAlarms` alone over the same 1,000 imported functions: the same alarms and nested stacks).
describe('1,000 imported functions, PlatformAlarms defaults (as PlatformMonitoring composes them)', () => {
  /** The function names each Lambda sum's alarms read, per alarm name. */
  function functionsPerAlarm(app: App, prefix: string): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const a of alarmsOf(assemblyTemplates(app))) {
      const name = String(a.props.AlarmName);
      if (!name.startsWith(prefix)) continue;
      const metrics: any[] = a.props.Metrics ?? [{ MetricStat: { Metric: { Dimensions: a.props.Dimensions } } }];
      out.set(name, metrics.filter((x) => x.MetricStat).map((x) => x.MetricStat.Metric.Dimensions[0].Value));
    }
    return out;
  }

  test('every limit of bench/limits.ts passes, and every template has at most 200 outputs', () => {
    const app = synthOnce(Layout.IMPORTED, 1000);
    const m = measureAssembly(app.synth().directory);
    expect(checkLimits(m).filter((c) => !c.pass)).toEqual([]);
    const outputs = assemblyTemplates(app).map((t) => Object.keys(t.outputs).length);
    // The nested stacks output each group alarm's ARN (147 groups for these names, 1 in the stack).
    expect(Math.max(...outputs)).toBe(146);
    expect(Math.max(...outputs)).toBeLessThanOrEqual(MAX_OUTPUTS);
    expect(m.maxMetricsPerMathAlarm).toBe(AWS_LIMITS.metricsPerMathAlarm);
    expect(m.alarmsWithSearch).toBe(0);
  });

  test('each sum reads every function exactly once, in 147 alarms: 1 in the stack, 146 in its nested stack', () => {
    const app = synthOnce(Layout.IMPORTED, 1000);
    const m = measureAssembly(app.synth().directory);
    for (const sum of ['lambda-errors', 'lambda-throttles']) {
      const perAlarm = functionsPerAlarm(app, `shop-prod-${sum}`);
      expect(perAlarm.size).toBe(147);
      const read = [...perAlarm.values()].flat();
      expect(read).toHaveLength(1000);
      expect(new Set(read)).toEqual(new Set(Array.from({ length: 1000 }, (_, i) => `shop-fn-${i}`)));
      const nested = m.stacks.filter((s) => s.nested && s.name.includes(sum.replace('-', '')));
      expect(nested.map((s) => s.resources)).toEqual([146]);
    }
  });
});

// Team-stack functions (1,000 `lambda.Function`s, referenced across stacks): the per-function parts only.
test('team stacks functions, PlatformMonitoring defaults 999 -> 1,000 functions: log groups, metric filters and Lambda alarms only add', () => {
  expect(growthProblems(perFunctionParts(Layout.TEAM_STACKS, 999), perFunctionParts(Layout.TEAM_STACKS, 1000))).toEqual([]);
});

describe('the growth check can fail', () => {
  test('LogGroupPlacement.AUTO at 100 -> 101 team-stack functions: every log group moves to a nested stack', () => {
    const extra = { logging: { lambdaLogGroupPlacement: LogGroupPlacement.AUTO } };
    const changes = growthProblems(platform(Layout.TEAM_STACKS, 100, extra), platform(Layout.TEAM_STACKS, 101, extra));
    expect(changes.filter((c) => /^MonitoringLoggingLambda\S+LogGroup\S+ \(AWS::Logs::LogGroup\) was removed from Platform$/.test(c))).toHaveLength(100);
  });

  test('a property that names another resource and replaces on change (a metric filter\'s LogGroupName) is reported', () => {
    const build = (group: string) => {
      const app = new App();
      new logs.CfnMetricFilter(new Stack(app, 'S'), 'Filter', {
        logGroupName: group, filterPattern: 'ERROR', metricTransformations: [{ metricName: 'E', metricNamespace: 'N', metricValue: '1' }],
      });
      return app;
    };
    expect(growthProblems(build('/a'), build('/b'))).toEqual(['Filter changed LogGroupName "/a" -> "/b"']);
  });
});
