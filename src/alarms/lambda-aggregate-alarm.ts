import { createHash } from 'crypto';
import { Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { AlarmFactory, AlarmRequest } from './alarm-factory';
import { LambdaMetrics } from '../metrics/lambda-metrics';
import { functionLabel, LambdaFunctionRef, stableKeyOf } from '../model/source-account-functions';

/**
 * A metric-math alarm may reference at most 10 metrics: a hard limit (CloudWatch User Guide,
 * "Limits", alarms based on metric math expressions).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-limits.html
 */
export const MAX_METRICS_PER_MATH_ALARM = 10;

/**
 * The most functions the grouped alarms watch. Groups are leaves of a hash trie (see
 * `stableFunctionGroups`), about 7 functions each on average (measured: 1,000 functions make 140-155
 * groups), so at most `MAX_GROUPS_PER_SUM` alarms per sum in its nested stack (`<key>-groups`). The
 * CloudFormation limits hold with room: 500 resources per stack, 200 outputs per template (the
 * nested stack outputs each alarm's ARN for the `platform-health` composite), and a template of at
 * most 1 MB (about 0.4 KB per metric plus 1 KB per alarm: under 600 KB).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
 */
export const MAX_GROUPED_FUNCTIONS = 1_000;

/** The most group alarms per sum (outputs of the nested stack: 200 per template, see above). */
export const MAX_GROUPS_PER_SUM = 180;

/** One group of functions summed by one alarm: `id` is its hash prefix ('' for the only group). */
export interface FunctionGroup {
  readonly id: string;
  readonly members: LambdaFunctionRef[];
}

function hashBits(key: string): string {
  return [...createHash('sha256').update(key).digest()].map((b) => b.toString(2).padStart(8, '0')).join('');
}

/**
 * Groups of at most `capacity` functions whose membership does not depend on list order: each
 * function's SHA-256 of its stable key (`LambdaFunctionRef.stableKey`: the literal name, else the
 * construct path) is a path in a binary trie; a prefix holding more than `capacity` functions is
 * split by the next bit, recursively; the leaves are the groups, named by their prefix. Adding a
 * function changes only the leaf it falls in (it joins it, or that leaf splits in two); no other
 * group's members, metrics or name change. Removing one changes only the leaf it leaves (which
 * merges with its sibling leaf when their total falls to `capacity`). Members are sorted by key, so
 * the alarm's metrics do not depend on list order either.
 */
export function stableFunctionGroups(functions: LambdaFunctionRef[], capacity: number = MAX_METRICS_PER_MATH_ALARM): FunctionGroup[] {
  const hashed = functions.map((f) => ({ f, key: stableKeyOf(f), bits: hashBits(stableKeyOf(f)) }));
  const out: FunctionGroup[] = [];
  const split = (prefix: string, members: typeof hashed): void => {
    if (members.length === 0) return;
    if (members.length <= capacity || prefix.length >= 256) {
      out.push({ id: prefix, members: [...members].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((m) => m.f) });
      return;
    }
    split(`${prefix}0`, members.filter((m) => m.bits[prefix.length] === '0'));
    split(`${prefix}1`, members.filter((m) => m.bits[prefix.length] === '1'));
  };
  split('', hashed);
  return out;
}

/**
 * Why the sum above 10 functions is per group of 10 and not one exact total (issue 15): a Metrics
 * Insights query alarm (`SELECT SUM(Errors) FROM SCHEMA("AWS/Lambda", FunctionName) WHERE ...`) is
 * one query per alarm, and the documented WHERE operators are `=`, `!=` and `AND` only: no `OR` or
 * `IN` to list our functions by name. CloudWatch User Guide, "Metrics Insights query components and
 * syntax", WHERE, Supported operators:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-querylanguage.html
 * Filtering by a resource tag (`WHERE tag.<key> = '<value>'`) is documented for query alarms, but
 * needs the account-level "resource tags for telemetry" setting and counts only functions that
 * carry the tag while the alarm evaluates; functions imported by name cannot be tagged from here:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Metrics_Insights_Alarm.html
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/resource-tags-for-telemetry.html
 * The exact total that needs neither is the account-wide metric (`lambdaAlarmsAccountWide`).
 */
/** The alarms behind one "sum over these functions" alarm. Not exported from the package. */
export interface LambdaAggregateAlarms {
  /** Every alarm created, each notifying: `<key>`, or `<key>-group-<prefix>` per group. */
  readonly all: cloudwatch.IAlarm[];
}

/** A function as the alarm description names it: its name (with the account), or its construct path for a token. */
function describeFunction(ref: LambdaFunctionRef): string {
  if (!Token.isUnresolved(ref.functionName)) return functionLabel(ref);
  return ref.stableKey?.startsWith('path:') ? `the function ${ref.stableKey.slice('path:'.length)}` : 'a function of the app';
}

/**
 * A Lambda count metric (`Errors`, `Throttles`) summed over functions, alarmed on:
 * - no function (or `accountWide`): `<key>` on the account-wide metric (no dimension) - exact;
 * - 1-10 functions: `<key>` on their sum (one metric, or `FILL(m0,0) + ... + FILL(m9,0)`) - exact;
 * - more: one alarm per group of `stableFunctionGroups` (at most 10 functions, membership by hash
 *   of each function's stable key, not by list position): `<key>` for the group whose prefix is
 *   all zeros, `<key>-group-<prefix without trailing zeros>` in the nested stack `<key>-groups` for
 *   the others, each notifying on its own group's sum; the threshold applies per group.
 * Growing only adds alarms (a split leaf keeps its alarm for one half); every alarm's description
 * names its functions.
 */
export function lambdaAggregateAlarm(
  factory: AlarmFactory,
  functionNames: LambdaFunctionRef[],
  accountWide: boolean,
  metricName: string,
  request: Omit<AlarmRequest, 'metric'>,
): LambdaAggregateAlarms {
  if (!AlarmFactory.enabled(request.options)) return { all: [] };
  if (accountWide || functionNames.length === 0) {
    const alarm = factory.create({ ...request, metric: new LambdaMetrics().metric(metricName), what: `${request.what}, all functions of the account and region` });
    return { all: alarm ? [alarm] : [] };
  }
  const tooMany = (detail: string) => new Error(`${request.optionsProp}: ${detail}: set lambdaAlarmsAccountWide to true (one exact alarm on the `
    + 'account-wide metric), or split the functions across several PlatformAlarms with different projectNames.');
  if (functionNames.length > MAX_GROUPED_FUNCTIONS) {
    throw tooMany(`${functionNames.length} Lambda functions is more than the ${MAX_GROUPED_FUNCTIONS.toLocaleString('en-US')} the alarms watch `
      + `in groups of at most ${MAX_METRICS_PER_MATH_ALARM} (one nested stack of at most ${MAX_GROUPS_PER_SUM} alarms per sum)`);
  }
  const groups = stableFunctionGroups(functionNames);
  if (groups.length > MAX_GROUPS_PER_SUM) {
    throw tooMany(`${functionNames.length} Lambda functions fall in ${groups.length} groups, more than the ${MAX_GROUPS_PER_SUM} alarms `
      + 'per sum its nested stack can output');
  }
  const what = (names: LambdaFunctionRef[], grouped: boolean) => `${request.what} of ${names.map(describeFunction).join(', ')}`
    + (grouped ? ` (one of ${groups.length} groups of at most ${MAX_METRICS_PER_MATH_ALARM}: a metric-math alarm reads at most 10 metrics; `
      + 'the threshold applies to each group; a function\'s group is set by a hash of its name, not by its place in the list)' : '');
  // A leaf's alarm is named by its prefix without trailing zeros: unique among leaves (they are
  // prefix-free), and when a leaf splits the half on the 0 side keeps its name, so growing only
  // changes that alarm's metrics and adds the other half: no alarm is removed or moves stack. The
  // leaf named '' is `<key>` in this stack (the alarm of up to 10 functions); the others live in a
  // nested stack per sum.
  const named = groups.map((g) => ({ ...g, name: g.id.replace(/0+$/, '') }));
  const grouped = groups.length > 1;
  const all: cloudwatch.IAlarm[] = [];
  const first = named.find((g) => g.name === '')!;
  all.push(factory.create({ ...request, metric: metricOf(metricName, first.members), what: what(first.members, grouped) })!);
  const rest = named.filter((g) => g !== first);
  if (rest.length > 0) {
    const nested = factory.nested(`${request.key}-groups`,
      `${request.what}: the group alarms beyond \`${request.key}\` (groups of at most ${MAX_METRICS_PER_MATH_ALARM} functions by hash of the function name)`);
    all.push(...rest.map((g) => nested.factory.create({
      ...request,
      key: `${request.key}-group-${g.name}`,
      metric: metricOf(metricName, g.members),
      what: what(g.members, true),
    })!));
  }
  return { all };
}

/**
 * One function's metric, or the sum of a group's. A function of a source account is read with its
 * account ID: aws-cdk-lib renders `Metrics[].AccountId` for it, in a single-metric alarm as in a
 * metric-math sum. Both are PutMetricAlarm's `Metrics` array of `MetricDataQuery`, whose
 * `AccountId` is documented for alarms: "If you are performing a PutMetricAlarm operation, use this
 * to specify which account contains the metric that the alarm is watching" (CloudWatch API
 * reference, MetricDataQuery, https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDataQuery.html),
 * so one sum may mix accounts (each query carries its own account ID).
 */
function metricOf(metricName: string, names: LambdaFunctionRef[]): cloudwatch.Metric | cloudwatch.MathExpression {
  if (names.length === 1) return new LambdaMetrics(names[0]).metric(metricName);
  const usingMetrics: { [id: string]: cloudwatch.IMetric } = {};
  names.forEach((ref, i) => { usingMetrics[`m${i}`] = new LambdaMetrics(ref).metric(metricName); });
  return new cloudwatch.MathExpression({
    expression: names.map((_, i) => `FILL(m${i}, 0)`).join(' + '),
    usingMetrics,
    label: `${metricName} (sum of ${names.length} functions)`,
  });
}
