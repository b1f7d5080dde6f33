import { Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { AlarmFactory, AlarmRequest } from './alarm-factory';
import { LambdaMetrics } from '../metrics/lambda-metrics';

/** A metric-math alarm may reference at most 10 metrics (a hard CloudWatch limit). */
export const MAX_METRICS_PER_MATH_ALARM = 10;

/** 50 groups of 10: a composite alarm rule stays well under 10,240 characters. */
const MAX_FUNCTIONS = 500;

/** The alarms behind one "sum over these functions" alarm. Not exported from the package. */
export interface LambdaAggregateAlarms {
  /** The alarm that notifies: the single alarm, or the composite over the groups. */
  readonly alarm?: cloudwatch.IAlarm;
  /** Every alarm created (the groups too). */
  readonly all: cloudwatch.IAlarm[];
}

/**
 * A Lambda count metric (`Errors`, `Throttles`) summed over functions, alarmed on:
 * - no function (or `accountWide`): the account-wide metric (no dimension) - exact;
 * - 1 function: its metric; 2-10: `FILL(m0,0) + ... + FILL(m9,0)` - exact;
 * - more than 10: one math alarm per group of 10 functions (no actions of its own), in a nested
 *   stack `<key>-groups`, and a composite alarm in the parent, in ALARM when any group is, that
 *   notifies. The threshold then applies per group of 10.
 */
export function lambdaAggregateAlarm(
  factory: AlarmFactory,
  functionNames: string[],
  accountWide: boolean,
  metricName: string,
  request: Omit<AlarmRequest, 'metric'>,
): LambdaAggregateAlarms {
  if (!AlarmFactory.enabled(request.options)) return { all: [] };
  if (accountWide || functionNames.length === 0) {
    const alarm = factory.create({ ...request, metric: new LambdaMetrics().metric(metricName), what: `${request.what}, all functions of the account and region` });
    return { alarm, all: alarm ? [alarm] : [] };
  }
  if (functionNames.length > MAX_FUNCTIONS) {
    throw new Error(`${request.optionsProp}: ${functionNames.length} Lambda functions is more than the ${MAX_FUNCTIONS} one composite alarm `
      + 'can watch in groups of 10: set lambdaAlarmsAccountWide to true, or split the functions across PlatformAlarms.');
  }
  const groups: string[][] = [];
  for (let i = 0; i < functionNames.length; i += MAX_METRICS_PER_MATH_ALARM) {
    groups.push(functionNames.slice(i, i + MAX_METRICS_PER_MATH_ALARM));
  }
  const metricOf = (names: string[]): cloudwatch.Metric | cloudwatch.MathExpression => {
    if (names.length === 1) return new LambdaMetrics({ functionName: names[0] }).metric(metricName);
    const usingMetrics: { [id: string]: cloudwatch.IMetric } = {};
    names.forEach((name, i) => { usingMetrics[`m${i}`] = new LambdaMetrics({ functionName: name }).metric(metricName); });
    return new cloudwatch.MathExpression({
      expression: names.map((_, i) => `FILL(m${i}, 0)`).join(' + '),
      usingMetrics,
      label: `${metricName} (sum of ${names.length} functions)`,
    });
  };
  if (groups.length === 1) {
    const alarm = factory.create({ ...request, metric: metricOf(groups[0]), what: `${request.what}, sum over ${functionNames.length} function(s)` });
    return { alarm, all: alarm ? [alarm] : [] };
  }
  // The group alarms (up to 100 for errors and throttles, ~5 KB of template each) live in a nested
  // stack per aggregate, from the first group on, so growing the platform never moves an alarm.
  const nested = factory.nested(`${request.key}-groups`,
    `${request.what}: the ${groups.length} group alarms of up to ${MAX_METRICS_PER_MATH_ALARM} functions behind the composite`);
  const groupKey = (g: number) => `${request.key}-group${g + 1}`;
  const groupAlarms = groups.map((names, g) => nested.factory.create({
    ...request,
    key: groupKey(g),
    metric: metricOf(names),
    what: `${request.what}, sum over functions ${g * MAX_METRICS_PER_MATH_ALARM + 1}-${g * MAX_METRICS_PER_MATH_ALARM + names.length} `
      + `of ${functionNames.length} (group ${g + 1} of ${groups.length}; the composite ${factory.alarmName(request.key)} notifies)`,
    notify: false,
  })!);
  for (const alarm of groupAlarms) {
    const reason = 'A metric-math alarm reads at most 10 metrics, so the sum is split into groups; each group alarm feeds the '
      + 'composite alarm that notifies (actions on the groups too would send every notification twice).';
    for (const id of ['HIPAA.Security-CloudWatchAlarmAction', 'NIST.800.53.R5-CloudWatchAlarmAction', 'PlatformMonitoring-AlarmHasAction']) {
      Validations.of(alarm).acknowledge({ id, reason });
    }
  }
  const composite = factory.createAnyOf(request.key, groups.map((_, g) => factory.reference(groupKey(g))),
    `${request.what}: above the threshold in at least one group of up to ${MAX_METRICS_PER_MATH_ALARM} of the ${functionNames.length} functions `
    + `(a metric-math alarm can read at most ${MAX_METRICS_PER_MATH_ALARM} metrics)`, request.where);
  composite.node.addDependency(nested.stack); // the rule names alarms that must exist first
  return { alarm: composite, all: [...groupAlarms, composite] };
}
