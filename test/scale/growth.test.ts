import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { PlatformMonitoring } from '../../src';
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
// 99/100 -> 101 (the old AUTO log-group threshold), 300 -> 301 and 999 -> 1,000.

/** Where the functions come from: imported by name, or `lambda.Function`s of team stacks. */
enum Layout { IMPORTED = 'imported', TEAM_STACKS = 'team stacks' }

/** Functions per team stack: one function resource each (they share a role), well under 500. */
const FUNCTIONS_PER_TEAM_STACK = 250;
const env = { account: '123456789012', region: 'eu-west-1' };

function platform(layout: Layout, count: number): App {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'Platform', { env });
  const names = Array.from({ length: count }, (_, i) => `shop-fn-${i}`);
  let fns: lambda.IFunction[];
  if (layout === Layout.IMPORTED) {
    fns = names.map((name, i) => lambda.Function.fromFunctionName(stack, `Fn${i}`, name));
  } else {
    const teams: Stack[] = [];
    const roles: iam.IRole[] = [];
    fns = names.map((name, i) => {
      const t = Math.floor(i / FUNCTIONS_PER_TEAM_STACK);
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
  new PlatformMonitoring(stack, 'Monitoring', {
    projectName: 'shop',
    lambdaFunctions: fns,
    // The one default that cannot hold at this size: a trail lists at most 250 data resources
    // (CloudTrail quota, AWS-FACTS "Limits"), so above 249 functions it logs all of them.
    audit: count > 249 ? { logAllLambdaDataEvents: true } : undefined,
  });
  return app;
}

const cache = new Map<string, App>();
function synthOnce(layout: Layout, count: number): App {
  const key = `${layout} ${count}`;
  if (!cache.has(key)) cache.set(key, platform(layout, count));
  return cache.get(key)!;
}

const STEPS: Array<[number, number]> = [[0, 1], [1, 2], [10, 11], [50, 51], [99, 101], [100, 101], [300, 301]];

describe.each([Layout.IMPORTED, Layout.TEAM_STACKS])('%s functions, PlatformMonitoring defaults', (layout) => {
  test.each(STEPS)('%i -> %i functions only adds', (n, m) => {
    expect(growthProblems(synthOnce(layout, n), synthOnce(layout, m))).toEqual([]);
  });
});
