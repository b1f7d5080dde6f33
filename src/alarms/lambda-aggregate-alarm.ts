import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { AlarmFactory, AlarmRequest } from './alarm-factory';
import { LambdaMetrics } from '../metrics/lambda-metrics';
import { LambdaFunctionRef } from '../model/source-account-functions';

/**
 * A metric-math alarm may reference at most 10 metrics: a hard limit (CloudWatch User Guide,
 * "Limits", alarms based on metric math expressions).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-limits.html
 */
export const MAX_METRICS_PER_MATH_ALARM = 10;

/**
 * The most functions the grouped alarms watch: 150 groups of 10 per sum, so each sum's nested stack
 * (`<key>-groups`) holds at most 149 alarms. Both CloudFormation limits hold with room: 500
 * resources per stack, and a template of at most 1 MB (measured: about 5.2 KB per 10-metric alarm
 * in the template file as written, with the 64-character function names Lambda allows, so about
 * 780 KB; 2,000 functions would pass 1 MB: test/scale/alarm-limits.test.ts), and so does the
 * limit of 200 outputs per template (the nested stack outputs each alarm's ARN for the
 * `platform-health` composite: 149).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
 */
export const MAX_GROUPED_FUNCTIONS = 1_500;

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
  functionNames: LambdaFunctionRef[],
  accountWide: boolean,
  metricName: string,
  request: Omit<AlarmRequest, 'metric'>,
): LambdaAggregateAlarms {
  if (!AlarmFactory.enabled(request.options)) return { all: [] };
  if (accountWide || functionNames.length === 0) {
    const alarm = factory.create({ ...request, metric: new LambdaMetrics().metric(metricName), what: `${request.what}, all functions of the account and region` });
    return { alarm, all: alarm ? [alarm] : [] };
  }
  if (functionNames.length > MAX_GROUPED_FUNCTIONS) {
    throw new Error(`${request.optionsProp}: ${functionNames.length} Lambda functions is more than the ${MAX_GROUPED_FUNCTIONS.toLocaleString('en-US')} `
      + `the alarms watch in groups of ${MAX_METRICS_PER_MATH_ALARM} (${MAX_GROUPED_FUNCTIONS / MAX_METRICS_PER_MATH_ALARM} alarms per sum, `
      + 'in one nested stack of at most 500 resources and 1 MB): set lambdaAlarmsAccountWide to true (one exact alarm on the '
      + 'account-wide metric), or split the functions across several PlatformAlarms with different projectNames.');
  }
  const groups: LambdaFunctionRef[][] = [];
  for (let i = 0; i < functionNames.length; i += MAX_METRICS_PER_MATH_ALARM) {
    groups.push(functionNames.slice(i, i + MAX_METRICS_PER_MATH_ALARM));
  }
  const what = (g: number, names: LambdaFunctionRef[]) => {
    const first = g * MAX_METRICS_PER_MATH_ALARM + 1;
    const lists = functionNames.some((f) => f.account !== undefined) ? 'lambdaFunctions and lambdaFunctionArns' : 'lambdaFunctions';
    return `${request.what}, sum over functions ${first}-${first + names.length - 1} of ${lists}`
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
