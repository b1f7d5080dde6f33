import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
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
    // Part 2 repeats the section header, and carries the last group and the Logs Insights widgets.
    expect(titles(bodies[1])).toEqual(['## Lambda functions (continued)',
      'Lambda invocations (functions 501)', 'Lambda errors (functions 501)', 'Lambda throttles (functions 501)',
      'Lambda duration p50 / p99 (ms) (functions 501)',
      ...Array.from({ length: 11 }, (_, i) => `Recent Lambda errors (${i + 1}/11)`)]);
    const invocations = bodies.flatMap((b) => b.widgets.filter((w: any) => w.properties.title?.startsWith('Lambda invocations')))
      .flatMap((w: any) => widgetMetrics(w).map((m) => m.dimensions.FunctionName));
    expect(invocations).toEqual(Array.from({ length: 501 }, (_, i) => `shop-fn-${i}`));
  });

  test('the first part keeps the logical id and name of the unsplit dashboard; later parts are each in a nested stack', () => {
    const small = apiDashboard(1).d;
    const { stack, d } = apiDashboard(1001);
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
    const before = apiDashboard(1001).d;
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

  test('a block that alone passes a limit is cut into widgets; a part never passes a limit', () => {
    const parts = packBlocks([block(7, 10)], { widgets: 5, metrics: 30 });
    expect(parts.map((p) => [p.widgets, p.metrics])).toEqual([[3, 30], [3, 30], [1, 10]]);
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
