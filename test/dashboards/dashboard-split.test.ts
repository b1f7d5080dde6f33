import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { dashboardBody, layoutProblems, titles, widgetMetrics } from './body';
import { measureDashboard } from '../../bench/measure';
import { ApiPerformanceDashboard, ApiPerformanceDashboardProps } from '../../src/dashboards/api-performance-dashboard';
import { packBlocks, WidgetBlock } from '../../src/dashboards/dashboard-parts';
import { DataPipelineDashboard } from '../../src/dashboards/data-pipeline-dashboard';
import { seriesOf } from '../../src/dashboards/widgets';
import { newStack } from '../nag-helpers';

// Issue 15 part 1: a dashboard that passes CloudWatch's 500 widgets or 2,500 metrics is split into
// `<name>`, `<name>-2`, ... The metrics are counted from the synthesized body with the benchmark's
// `measureDashboard` (every entry of a graph, a SEARCH as the series it names), not from our counts.

const fns = (stack: Stack, count: number) =>
  Array.from({ length: count }, (_, i) => lambda.Function.fromFunctionName(stack, `Fn${i}`, `shop-fn-${i}`));

function apiDashboard(count: number, extra: Partial<ApiPerformanceDashboardProps> = {}) {
  const { stack } = newStack();
  const d = new ApiPerformanceDashboard(stack, 'Api', { projectName: 'shop', lambdaFunctions: fns(stack, count), ...extra });
  return { stack, d };
}

/** `apiDashboard(count)` built once per count for the tests that only read it (1,001 and 1,500 functions). */
const shared = new Map<number, ReturnType<typeof apiDashboard>>();
function sharedApiDashboard(count: number) {
  if (!shared.has(count)) shared.set(count, apiDashboard(count));
  return shared.get(count)!;
}

/** What CloudWatch counts on each part (from the resolved body). */
const measured = (d: { dashboards: cloudwatch.Dashboard[]; dashboardNames: string[] }) =>
  d.dashboards.map((part, i) => measureDashboard(d.dashboardNames[i], JSON.stringify(dashboardBody(part))));

const logicalId = (dashboard: cloudwatch.Dashboard) => Stack.of(dashboard).getLogicalId(dashboard.node.defaultChild as cloudwatch.CfnDashboard);

describe('ApiPerformanceDashboard splits at CloudWatch\'s limits', () => {
  test('500 functions are exactly 2,500 metrics: one dashboard', () => {
    const { d } = apiDashboard(500);
    expect(d.dashboardNames).toEqual(['shop-api-performance']);
    expect(measured(d).map((m) => m.metrics)).toEqual([2500]);
  });

  test('501 functions: two parts, <name> and <name>-2, each within 500 widgets and 2,500 metrics, every function once', () => {
    const { d } = apiDashboard(501);
    expect(d.dashboardNames).toEqual(['shop-api-performance', 'shop-api-performance-2']);
    expect(d.dashboards.map((x) => (x.node.defaultChild as cloudwatch.CfnDashboard).dashboardName)).toEqual(d.dashboardNames);
    const parts = measured(d);
    expect(parts.map((m) => m.metrics)).toEqual([2500, 5]);
    for (const m of parts) {
      expect(m.widgets).toBeLessThanOrEqual(500);
      expect(m.maxMetricsPerGraph).toBeLessThanOrEqual(500);
    }
    const bodies = d.dashboards.map(dashboardBody);
    bodies.forEach((b) => expect(layoutProblems(b)).toEqual([]));
    // Each Logs Insights table follows the graphs of its last function: tables 1-10 stay on part 1;
    // part 2 repeats the section header, and carries the last group and its table.
    expect(titles(bodies[0]).filter((t) => t.startsWith('Recent'))).toEqual(
      Array.from({ length: 10 }, (_, i) => `Recent Lambda errors (functions ${i * 50 + 1}-${i * 50 + 50})`));
    expect(titles(bodies[1])).toEqual(['## Lambda functions (continued)',
      'Lambda invocations (functions 501)', 'Lambda errors (functions 501)', 'Lambda throttles (functions 501)',
      'Lambda duration p50 / p99 (ms) (functions 501)', 'Recent Lambda errors (functions 501)']);
    const invocations = bodies.flatMap((b) => b.widgets.filter((w: any) => w.properties.title?.startsWith('Lambda invocations')))
      .flatMap((w: any) => widgetMetrics(w).map((m) => m.dimensions.FunctionName));
    expect(invocations).toEqual(Array.from({ length: 501 }, (_, i) => `shop-fn-${i}`));
  });

  test('the first part keeps the logical id and name of the unsplit dashboard; later parts are each in a nested stack', () => {
    const small = apiDashboard(1).d;
    const { stack, d } = sharedApiDashboard(1001);
    expect(d.dashboards).toHaveLength(3);
    expect(d.dashboard).toBe(d.dashboards[0]);
    expect(d.dashboardName).toBe('shop-api-performance');
    expect(logicalId(d.dashboards[0])).toBe(logicalId(small.dashboard));
    expect(logicalId(d.dashboards[0])).toBe('Api9AF3637B'); // pinned: the dashboard's id before splitting existed
    expect(Stack.of(d.dashboards[0])).toBe(stack);
    const nested = d.dashboards.slice(1).map((x) => Stack.of(x));
    expect(nested.map((s) => s.nested)).toEqual([true, true]);
    expect(nested.map((s) => s.node.path)).toEqual(['TestStack/Api/Part2', 'TestStack/Api/Part3']);
    expect(d.dashboardNames).toEqual(['shop-api-performance', 'shop-api-performance-2', 'shop-api-performance-3']);
  });

  test('appending functions leaves every full part unchanged and only grows the last one', () => {
    const before = sharedApiDashboard(1001).d;
    const after = apiDashboard(1019).d;
    expect(after.dashboards).toHaveLength(3);
    expect(dashboardBody(after.dashboards[0])).toEqual(dashboardBody(before.dashboards[0]));
    expect(dashboardBody(after.dashboards[1])).toEqual(dashboardBody(before.dashboards[1]));
    expect(measured(after)[2].metrics).toBeGreaterThan(measured(before)[2].metrics);
  });

  test('300 REST API stages (2,700 metrics) split; each API group\'s two rows stay on one part', () => {
    const { stack } = newStack();
    const stages = Array.from({ length: 300 }, (_, i) => ({ apiName: `api-${i}`, stageName: 'prod' }));
    const d = new ApiPerformanceDashboard(stack, 'Api', { projectName: 'shop', restApiStages: stages });
    expect(d.dashboardNames).toEqual(['shop-api-performance', 'shop-api-performance-2']);
    const parts = measured(d);
    expect(parts.every((m) => m.metrics <= 2500)).toBe(true);
    expect(parts[0].metrics + parts[1].metrics).toBe(2700 + 5); // + the account-wide Lambda graphs
    const bodies = d.dashboards.map(dashboardBody);
    for (const b of bodies) {
      const requests = titles(b).filter((t) => t.startsWith('API requests')).map((t) => t.replace('API requests', ''));
      const latency = titles(b).filter((t) => t.startsWith('API latency')).map((t) => t.replace('API latency p50 / p90 / p99 (ms)', ''));
      expect(latency).toEqual(requests);
    }
    expect(titles(bodies[1])[0]).toBe('## API Gateway (continued)');
  });

  test('with lambdaSearchExpressions, a SEARCH counts one series per function it names, and 625 functions fit one part', () => {
    const { d } = apiDashboard(625, { lambdaSearchExpressions: true });
    expect(d.dashboards).toHaveLength(1);
    expect(measured(d)[0].metrics).toBe(2500);
    expect(apiDashboard(626, { lambdaSearchExpressions: true }).d.dashboards).toHaveLength(2);
  });

  test('firstPartMaxMetrics caps the first part only (PlatformMonitoring uses 500)', () => {
    const { d } = apiDashboard(200, { firstPartMaxMetrics: 500 });
    expect(measured(d).map((m) => m.metrics)).toEqual([500, 500]);
    expect(apiDashboard(600, { firstPartMaxMetrics: 500 }).d.dashboards.map((x) => measured({ dashboards: [x], dashboardNames: ['x'] })[0].metrics))
      .toEqual([500, 2500]);
  });

  test.each([0, 2501, 1.5])('firstPartMaxMetrics %p fails at synth', (value) => {
    expect(() => apiDashboard(1, { firstPartMaxMetrics: value }))
      .toThrow(`firstPartMaxMetrics must be a whole number from 1 to 2500; got ${value}.`);
  });

  test('a dashboard name too long for its parts fails at synth', () => {
    expect(() => apiDashboard(501, { dashboardName: 'd'.repeat(254) }))
      .toThrow(/needs 2 parts, and the name of part 2, "d{254}-2", is longer than the 255 characters CloudWatch allows/);
    expect(() => apiDashboard(500, { dashboardName: 'd'.repeat(255) })).not.toThrow();
  });
});

test('DataPipelineDashboard: 420 DMS tasks (1,260 graphs, 2,520 metrics) split into parts of at most 500 widgets', () => {
  const { stack } = newStack();
  const d = new DataPipelineDashboard(stack, 'Pipeline', {
    projectName: 'shop',
    dmsReplicationTasks: Array.from({ length: 420 }, (_, i) => ({ replicationInstanceIdentifier: 'repl', replicationTaskIdentifier: `TASK${i}` })),
  });
  expect(d.dashboardNames).toEqual(['shop-data-pipeline', 'shop-data-pipeline-2', 'shop-data-pipeline-3']);
  expect(logicalId(d.dashboard)).toBe(logicalId(new DataPipelineDashboard(newStack().stack, 'Pipeline', { projectName: 'shop' }).dashboard));
  const parts = measured(d);
  for (const m of parts) {
    expect(m.metrics).toBeLessThanOrEqual(2500);
    expect(m.widgets).toBeLessThanOrEqual(500);
  }
  expect(parts.map((m) => m.widgets)).toEqual([499, 499, 273]); // rows of 3 graphs, never cut
  expect(titles(dashboardBody(d.dashboards[1]))[0]).toBe('## DMS replication (continued)');
});

describe('packBlocks', () => {
  const text = (n: number) => new cloudwatch.TextWidget({ markdown: `w${n}` });
  const block = (widgets: number, metricsEach: number, section?: string): WidgetBlock =>
    ({ rows: [Array.from({ length: widgets }, (_, i) => text(i))], metrics: Array(widgets).fill(metricsEach), section });

  test('splits on widgets as well as metrics, and repeats the section header', () => {
    const parts = packBlocks([block(3, 0, 'S'), block(3, 0, 'S')], { widgets: 5, metrics: 100 });
    expect(parts.map((p) => p.widgets)).toEqual([3, 4]);
    expect((parts[1].rows[0][0] as any).toJson()[0].properties.markdown).toBe('## S (continued)');
    expect(packBlocks([block(1, 60), block(1, 60)], { widgets: 5, metrics: 100 }).map((p) => p.metrics)).toEqual([60, 60]);
  });

  test('splits on Logs Insights widgets: a part holds at most `logQueries` of them', () => {
    const query = (i: number) => new cloudwatch.LogQueryWidget({ logGroupNames: [`g${i}`], queryLines: ['fields @message'] });
    const blocks: WidgetBlock[] = Array.from({ length: 7 }, (_, i) => ({ rows: [[query(i)]], metrics: [0], logQueries: [true] }));
    expect(packBlocks(blocks, { widgets: 500, metrics: 100, logQueries: 3 }).map((p) => p.widgets)).toEqual([3, 3, 1]);
    const one: WidgetBlock = { rows: [Array.from({ length: 7 }, (_, i) => query(i))], metrics: Array(7).fill(0), logQueries: Array(7).fill(true) };
    expect(packBlocks([one], { widgets: 500, metrics: 100, logQueries: 3 }).map((p) => p.widgets)).toEqual([3, 3, 1]);
  });

  test('a block that alone passes a limit is cut into widgets; a part never passes a limit', () => {
    const parts = packBlocks([block(7, 10)], { widgets: 5, metrics: 30 });
    expect(parts.map((p) => [p.widgets, p.metrics])).toEqual([[3, 30], [3, 30], [1, 10]]);
  });
});

describe('at most 30 Logs Insights widgets on any dashboard (an account runs 30 queries at once)', () => {
  // CloudWatch Logs quotas, "Concurrent queries" (SHARED_QUOTAS.logsInsightsWidgetsPerDashboard).
  const logWidgets = (d: { dashboards: cloudwatch.Dashboard[]; dashboardNames: string[] }) => measured(d).map((m) => m.logQueryWidgets);
  const sources = (d: { dashboards: cloudwatch.Dashboard[] }) => d.dashboards.map(dashboardBody)
    .flatMap((b) => b.widgets.filter((w: any) => w.type === 'log'))
    .flatMap((w: any) => String(w.properties.query).match(/SOURCE '[^']+'/g) ?? []);

  test.each([1500, 3000])('%i functions: every part within 30 tables, every log group once, earlier parts unchanged by growth', (count) => {
    const { d } = sharedApiDashboard(count);
    const perPart = logWidgets(d);
    expect(Math.max(...perPart)).toBeLessThanOrEqual(30);
    expect(perPart.reduce((a, b) => a + b, 0)).toBe(count / 50);
    expect(sources(d)).toEqual(Array.from({ length: count }, (_, i) => `SOURCE '/aws/lambda/shop-fn-${i}'`));
    if (count === 3000) {
      // Growing from 1,500 to 3,000 functions only appends: every part but the last of 1,500 is unchanged.
      const smaller = sharedApiDashboard(1500).d.dashboards.map(dashboardBody);
      const larger = d.dashboards.map(dashboardBody);
      expect(larger.slice(0, smaller.length - 1)).toEqual(smaller.slice(0, -1));
    }
  });

  test('60 tables that no graph separates are split 30 and 30 into two parts', () => {
    const { stack } = newStack();
    const groups = Array.from({ length: 3000 }, (_, i) => logs.LogGroup.fromLogGroupName(stack, `G${i}`, `/aws/lambda/g-${i}`));
    const d = new ApiPerformanceDashboard(stack, 'Api', { projectName: 'shop', lambdaLogGroups: groups });
    expect(logWidgets(d)).toEqual([30, 30]);
    expect(titles(dashboardBody(d.dashboards[1]))[0]).toBe('## Lambda (all functions in the region) (continued)');
  });
});

describe('seriesOf counts what CloudWatch counts', () => {
  const m = (name: string) => new cloudwatch.Metric({ namespace: 'N', metricName: name });
  test('a metric is 1; an expression is itself and every metric it reads', () => {
    expect(seriesOf(m('a'))).toBe(1);
    expect(seriesOf(new cloudwatch.MathExpression({ expression: 'a + b', usingMetrics: { a: m('a'), b: m('b') } }))).toBe(3);
  });
  test('a SEARCH is the series its terms name, or 500 when they name none', () => {
    const search = (q: string) => new cloudwatch.MathExpression({ expression: `SEARCH('${q}', 'Sum', 300)`, usingMetrics: {}, period: Duration.minutes(5) });
    expect(seriesOf(search('{AWS/Lambda,FunctionName} MetricName="Errors" AND (FunctionName="a" OR FunctionName="b")'))).toBe(2);
    expect(seriesOf(search('{AWS/Lambda,FunctionName} MetricName="Errors"'))).toBe(500);
  });
});
