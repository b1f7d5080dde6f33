import { NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { stableFunctionGroups } from '../../src/alarms/lambda-aggregate-alarm';
import { PlatformAlarms } from '../../src/alarms/platform-alarms';
import { newStack } from '../nag-helpers';

// Above 10 functions the errors and throttles alarms sum groups of at most 10 (a metric-math alarm
// reads at most 10 metrics: CloudWatch User Guide, "Alarm limits"). A group's members must not
// depend on list order: adding a function at the front of lambdaFunctions changes no existing
// group except the one it joins, and every group alarm's description names its functions.

const names = (n: number, prefix = 'team-fn') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/** Alarm name -> { metrics (function names in order), description } of every Lambda errors alarm, nested stacks included. */
function errorAlarms(fnNames: string[]): Map<string, { functions: string[]; description: string }> {
  const { stack } = newStack();
  const fns = fnNames.map((n, i) => lambda.Function.fromFunctionName(stack, `Fn${i}-${n}`, n));
  new PlatformAlarms(stack, 'Alarms', { projectName: 'proj', lambdaFunctions: fns });
  const stacks: Stack[] = [stack, ...stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack)];
  const out = new Map<string, { functions: string[]; description: string }>();
  for (const s of stacks) {
    for (const r of Object.values(Template.fromStack(s).findResources('AWS::CloudWatch::Alarm')) as any[]) {
      const p = r.Properties;
      if (!/-lambda-errors(-group-[01]+)?$/.test(p.AlarmName)) continue;
      const functions = p.Metrics
        ? p.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.Dimensions[0].Value)
        : [p.Dimensions[0].Value];
      out.set(p.AlarmName, { functions, description: p.AlarmDescription });
    }
  }
  return out;
}

/** The alarms whose name or functions differ between two syntheses. */
function changed(before: Map<string, { functions: string[] }>, after: Map<string, { functions: string[] }>): string[] {
  const all = new Set([...before.keys(), ...after.keys()]);
  return [...all].filter((n) => JSON.stringify(before.get(n)?.functions) !== JSON.stringify(after.get(n)?.functions));
}

describe('Lambda group alarms: membership by hash of the function name, not by list position', () => {
  test.each([
    [10, ['new-fn-a']],
    [25, ['new-fn-b']],
    [99, ['new-fn-c', 'new-fn-d']],
  ])('%i functions, adding %j at the front: only the groups the new functions join change', (n, added) => {
    const before = errorAlarms(names(n));
    const after = errorAlarms([...added, ...names(n)]);
    // Every function is watched exactly once, in a group of at most 10.
    for (const [alarms, count] of [[before, n], [after, n + added.length]] as const) {
      const watched = [...alarms.values()].flatMap((a) => a.functions);
      expect(watched.sort()).toEqual([...names(n), ...(alarms === after ? added : [])].sort());
      expect(watched).toHaveLength(count);
      for (const a of alarms.values()) expect(a.functions.length).toBeLessThanOrEqual(10);
    }
    // The old groups that changed: at most one per new function, the one it joined (kept its name
    // and took the function, or split in two by the next hash bit, keeping its name for one half).
    // No alarm disappears.
    expect([...before.keys()].filter((name) => !after.has(name))).toEqual([]);
    const changedOld = changed(before, after).filter((name) => before.has(name));
    expect(changedOld.length).toBeLessThanOrEqual(added.length);
    const moved = changedOld.flatMap((name) => before.get(name)!.functions);
    // Every new or changed group of `after` holds only new functions and members of those groups.
    const newOrChanged = changed(before, after).filter((name) => after.has(name));
    expect(newOrChanged.length).toBeGreaterThan(0);
    for (const name of newOrChanged) {
      expect(after.get(name)!.functions.filter((f) => !added.includes(f) && !moved.includes(f))).toEqual([]);
    }
    // Every unchanged old group keeps its alarm name and its metrics in the same order.
    for (const [name, a] of before) if (!changedOld.includes(name)) expect(after.get(name)).toEqual(a);
  });

  test('reordering the list changes nothing', () => {
    const list = names(37);
    expect(errorAlarms([...list].reverse())).toEqual(errorAlarms(list));
  });

  test('every group alarm\'s description names its functions', () => {
    const alarms = errorAlarms(names(37));
    expect(alarms.size).toBeGreaterThan(4);
    expect(alarms.has('proj-prod-lambda-errors')).toBe(true);
    for (const [name, a] of alarms) {
      expect(name).toMatch(/^proj-prod-lambda-errors(-group-[01]*1)?$/);
      expect(a.description).toContain(`Lambda errors (AWS/Lambda Errors, Sum) of ${a.functions.join(', ')} (one of ${alarms.size} groups`);
    }
  });

  test('at most 10 functions: one alarm, lambda-errors, named as before', () => {
    const alarms = errorAlarms(names(10));
    expect([...alarms.keys()]).toEqual(['proj-prod-lambda-errors']);
    expect(alarms.get('proj-prod-lambda-errors')!.functions).toEqual([...names(10)].sort());
  });

  test('groups are bounded and stable for the stable key, whatever the order', () => {
    const refs = names(1000).map((functionName) => ({ functionName }));
    const groups = stableFunctionGroups(refs);
    expect(Math.max(...groups.map((g) => g.members.length))).toBeLessThanOrEqual(10);
    expect(groups.length).toBeLessThanOrEqual(180);
    expect(stableFunctionGroups([...refs].reverse())).toEqual(groups);
  });
});
