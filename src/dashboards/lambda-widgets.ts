import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { MAX_SEARCH_EXPRESSION_LENGTH } from './layout';
import { LambdaMetrics } from '../metrics/lambda-metrics';
import { functionLabel, LambdaFunctionRef } from '../model/source-account-functions';

// Per-function Lambda metrics for the API dashboard: explicit metrics (5 per function: invocations,
// errors, throttles, duration p50 and p99) or, with `lambdaSearchExpressions`, SEARCH expressions (4
// series per function: a dashboard's 2,500-metric limit counts every series a SEARCH returns, so p50
// is left out). Dashboards only, never alarms. Not part of the public API.

/** Lambda's maximum function name length: the assumed length of a name that is a token. */
const MAX_FUNCTION_NAME_LENGTH = 64;

/** One of the Lambda graphs of a group of functions. */
export interface LambdaGraphSpec {
  readonly title: string;
  readonly metrics: cloudwatch.IMetric[];
}

/**
 * The four graphs (invocations, errors, throttles, duration) of `functions`: explicit metrics
 * with duration p50 and p99, or SEARCH expressions with duration p99 only. A function of a source
 * account is graphed with its account ID (explicit metrics carry `accountId`; its SEARCH
 * expressions are evaluated in its account).
 */
export function lambdaGraphs(functions: LambdaFunctionRef[], period: Duration, useSearch: boolean): LambdaGraphSpec[] {
  const sum = cloudwatch.Stats.SUM;
  if (!useSearch) {
    const per = (f: (m: LambdaMetrics, name: string) => cloudwatch.IMetric[]) =>
      functions.flatMap(ref => f(new LambdaMetrics(ref), functionLabel(ref)));
    return [
      { title: 'Lambda invocations', metrics: per((m, n) => [m.metricInvocations({ period, label: n })]) },
      { title: 'Lambda errors', metrics: per((m, n) => [m.metricErrors({ period, label: n })]) },
      { title: 'Lambda throttles', metrics: per((m, n) => [m.metricThrottles({ period, label: n })]) },
      {
        title: 'Lambda duration p50 / p99 (ms)',
        metrics: per((m, n) => [
          m.metricDuration({ period, statistic: cloudwatch.Stats.p(50), label: `${n} p50` }),
          m.metricDuration({ period, statistic: cloudwatch.Stats.p(99), label: `${n} p99` }),
        ]),
      },
    ];
  }
  // One set of expressions per account and Region: MathExpression `searchAccount` / `searchRegion`
  // render the expression's `accountId` / `region` on the dashboard (aws-cdk-lib MathExpressionProps,
  // "Account to evaluate search expressions within").
  const locations = new Map<string, LambdaFunctionRef[]>();
  for (const ref of functions) {
    const key = `${ref.account ?? ''}/${ref.region ?? ''}`;
    locations.set(key, [...locations.get(key) ?? [], ref]);
  }
  const search = (metricName: string, statistic: string, suffix = '') => [...locations.values()].flatMap(refs =>
    searchExpressions(refs.map(r => r.functionName), metricName, statistic, period, suffix, refs[0]));
  return [
    { title: 'Lambda invocations', metrics: search('Invocations', sum) },
    { title: 'Lambda errors', metrics: search('Errors', sum) },
    { title: 'Lambda throttles', metrics: search('Throttles', sum) },
    { title: 'Lambda duration p99 (ms)', metrics: search('Duration', 'p99', ' p99') },
  ];
}

/**
 * SEARCH expressions matching exactly `functionNames` (as many names per expression as fit in
 * 1,024 characters, assuming 64 characters for a name that is a token).
 */
export function searchExpressions(functionNames: string[], metricName: string, statistic: string,
  period: Duration, labelSuffix: string, location: { account?: string; region?: string } = {}): cloudwatch.MathExpression[] {
  const seconds = period.toSeconds();
  const open = `SEARCH('{${LambdaMetrics.NAMESPACE},FunctionName} MetricName="${metricName}" AND (`;
  const close = `)', '${statistic}', ${seconds})`;
  const budget = MAX_SEARCH_EXPRESSION_LENGTH - open.length - close.length;
  const groups: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const name of functionNames) {
    const length = `FunctionName="${'x'.repeat(nameLength(name))}"`.length + (current.length > 0 ? ' OR '.length : 0);
    if (current.length > 0 && used + length > budget) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(name);
    used += current.length === 1 ? `FunctionName="${'x'.repeat(nameLength(name))}"`.length : length;
  }
  if (current.length > 0) groups.push(current);
  return groups.map(group => new cloudwatch.MathExpression({
    expression: `${open}${group.map(n => `FunctionName="${n}"`).join(' OR ')}${close}`,
    label: `\${PROP('Dim.FunctionName')}${location.account !== undefined ? ` (${location.account})` : ''}${labelSuffix}`,
    period,
    usingMetrics: {},
    ...(location.account !== undefined ? { searchAccount: location.account } : {}),
    ...(location.region !== undefined ? { searchRegion: location.region } : {}),
  }));
}

function nameLength(name: string): number {
  return Token.isUnresolved(name) ? MAX_FUNCTION_NAME_LENGTH : name.length;
}
