import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { AlarmFactory, AlarmRequest } from './alarm-factory';
import { LambdaMetrics } from '../metrics/lambda-metrics';

/**
 * A metric-math alarm may reference at most 10 metrics: a hard limit (CloudWatch User Guide,
 * "Limits", alarms based on metric math expressions).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-limits.html
 */
export const MAX_METRICS_PER_MATH_ALARM = 10;

/** 50 groups of 10 per sum: 100 group alarms for errors and throttles, in their nested stacks. */
const MAX_FUNCTIONS = 500;

/** The alarms behind one "sum over these functions" alarm. Not exported from the package. */
export interface LambdaAggregateAlarms {
  /** The first alarm (`<key>`): the account-wide sum, or functions 1-10. */
  readonly alarm?: cloudwatch.IAlarm;
  /** Every alarm created, each notifying: `<key>`, then `<key>-group2`, `<key>-group3`, ... */
  readonly all: cloudwatch.IAlarm[];
}

/**
 * A Lambda count metric (`Errors`, `Throttles`) summed over functions, alarmed on. Built so that
 * adding a function only adds (CloudFormation cannot change a resource's type in place):
 * - no function (or `accountWide`): `<key>` on the account-wide metric (no dimension) - exact;
 * - functions 1-10: `<key>` on their sum (one metric, or `FILL(m0,0) + ... + FILL(m9,0)`) - exact;
 * - functions 11-20, 21-30, ...: `<key>-group2`, `<key>-group3`, ... in the nested stack
 *   `<key>-groups`, each notifying on its own group's sum. The threshold applies per group of 10.
 * Every one is an `AWS::CloudWatch::Alarm` whose logical id, stack and name never change when
 * functions are appended; there is no composite to change type.
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
    throw new Error(`${request.optionsProp}: ${functionNames.length} Lambda functions is more than the ${MAX_FUNCTIONS} the alarms watch `
      + 'in groups of 10: set lambdaAlarmsAccountWide to true, or split the functions across PlatformAlarms.');
  }
  const groups: string[][] = [];
  for (let i = 0; i < functionNames.length; i += MAX_METRICS_PER_MATH_ALARM) {
    groups.push(functionNames.slice(i, i + MAX_METRICS_PER_MATH_ALARM));
  }
  const what = (g: number, names: string[]) => {
    const first = g * MAX_METRICS_PER_MATH_ALARM + 1;
    return `${request.what}, sum over functions ${first}-${first + names.length - 1} of lambdaFunctions`
      + ' (a metric-math alarm reads at most 10 metrics; the threshold applies to each group of 10)';
  };
  const first = factory.create({ ...request, metric: metricOf(metricName, groups[0]), what: what(0, groups[0]) })!;
  const all: cloudwatch.IAlarm[] = [first];
  if (groups.length > 1) {
    // Groups 2.. live in a nested stack per sum (up to 49 alarms of ~5 KB each), created with the
    // 11th function; the first group's alarm stays where it was, so growing never moves an alarm.
    const nested = factory.nested(`${request.key}-groups`,
      `${request.what}: the alarms of functions 11 and beyond of lambdaFunctions, in groups of ${MAX_METRICS_PER_MATH_ALARM}`);
    groups.slice(1).forEach((names, i) => all.push(nested.factory.create({
      ...request,
      key: `${request.key}-group${i + 2}`,
      metric: metricOf(metricName, names),
      what: what(i + 1, names),
    })!));
  }
  return { alarm: first, all };
}

function metricOf(metricName: string, names: string[]): cloudwatch.Metric | cloudwatch.MathExpression {
  if (names.length === 1) return new LambdaMetrics({ functionName: names[0] }).metric(metricName);
  const usingMetrics: { [id: string]: cloudwatch.IMetric } = {};
  names.forEach((name, i) => { usingMetrics[`m${i}`] = new LambdaMetrics({ functionName: name }).metric(metricName); });
  return new cloudwatch.MathExpression({
    expression: names.map((_, i) => `FILL(m${i}, 0)`).join(' + '),
    usingMetrics,
    label: `${metricName} (sum of ${names.length} functions)`,
  });
}
