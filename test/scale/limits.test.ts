import { synthPlatform } from '../../bench/fixture';
import { AWS_LIMITS, checkLimits } from '../../bench/limits';
import { measureAssembly, measureTemplates, Measurement } from '../../bench/measure';

// The AWS limits at N = 500 Lambda functions (the benchmark's largest platform), with the same
// fixture, measurements and limit list as `npx projen bench`. One synth, shared by every test.

let m: Measurement;

beforeAll(() => {
  const synth = synthPlatform(500);
  try {
    m = measureAssembly(synth.outdir);
  } finally {
    synth.cleanup();
  }
});

test('every limit of bench/limits.ts passes', () => {
  expect(checkLimits(m).filter(c => !c.pass)).toEqual([]);
});

test('every stack, nested stacks included, has at most 500 resources and a template under 1 MB', () => {
  expect(m.stacks.filter(s => s.nested).length).toBeGreaterThan(0); // the per-function resources moved out
  for (const s of m.stacks) {
    expect({ stack: s.name, withinLimit: s.resources <= AWS_LIMITS.resourcesPerStack }).toEqual({ stack: s.name, withinLimit: true });
    expect(s.templateBytes).toBeLessThanOrEqual(AWS_LIMITS.templateBytes);
  }
  // 500 log groups and 500 metric filters exist, just not in one stack.
  expect(m.logGroups).toBeGreaterThanOrEqual(500);
  expect(m.metricFilters).toBeGreaterThanOrEqual(500);
});

test('every dashboard has at most 500 widgets, every graph at most 500 metrics, every dashboard at most 2,500', () => {
  // The API dashboard (50 APIs, 500 functions: 2,950 metrics) is split: the APIs' 450 metrics on its
  // first part (PlatformMonitoring keeps at most 500 there), the functions' 2,500 on the second.
  expect(m.dashboards.map(d => [d.name, d.metrics]).sort()).toEqual([['bench-platform-api-performance', 450],
    ['bench-platform-api-performance-2', 2500], ['bench-platform-data-pipeline', 248], ['bench-platform-ml-performance', 42]]);
  for (const d of m.dashboards) {
    expect(d.widgets).toBeLessThanOrEqual(AWS_LIMITS.widgetsPerDashboard);
    expect(d.maxMetricsPerGraph).toBeLessThanOrEqual(AWS_LIMITS.metricsPerGraph);
    expect(d.metrics).toBeLessThanOrEqual(AWS_LIMITS.metricsPerDashboard);
  }
});

test('every metric-math alarm reads at most 10 metrics, none uses SEARCH, composite rules fit', () => {
  expect(m.mathAlarms).toBeGreaterThanOrEqual(100); // 2 x 50 groups of 10 functions
  expect(m.maxMetricsPerMathAlarm).toBeLessThanOrEqual(AWS_LIMITS.metricsPerMathAlarm);
  expect(m.alarmsWithSearch).toBe(0);
  expect(m.maxCompositeRuleLength).toBeLessThanOrEqual(AWS_LIMITS.compositeRuleLength);
  expect(m.duplicateAlarmNames).toEqual([]);
});

test('every Logs Insights widget and saved query covers at most 50 log groups', () => {
  const widgets = Math.max(...m.dashboards.map(d => d.maxLogGroupsPerQueryWidget));
  expect(widgets).toBeGreaterThan(0);
  expect(widgets).toBeLessThanOrEqual(AWS_LIMITS.logGroupsPerQuery);
  expect(m.maxLogGroupsPerSavedQuery).toBeLessThanOrEqual(AWS_LIMITS.logGroupsPerQuery);
});

test('the trail logs all functions with one data-event value (CloudTrail allows 250)', () => {
  expect(m.eventSelectors).toBeLessThanOrEqual(AWS_LIMITS.eventSelectorsPerTrail);
  expect(m.dataEventValues).toBeLessThanOrEqual(AWS_LIMITS.dataResourcesPerTrail);
});

test('control: the checks fail on a template beyond the limits', () => {
  const resources: { [id: string]: { Type: string; Properties: object } } = {};
  for (let i = 0; i < 501; i++) resources[`Q${i}`] = { Type: 'AWS::Logs::QueryDefinition', Properties: { LogGroupNames: ['/a'] } };
  resources.Big = { Type: 'AWS::Logs::QueryDefinition', Properties: { LogGroupNames: Array.from({ length: 51 }, (_, i) => `/g${i}`) } };
  const graph = { type: 'metric', properties: { metrics: Array.from({ length: 501 }, (_, i) => ['AWS/Lambda', 'Errors', 'FunctionName', `f${i}`]) } };
  const body = JSON.stringify({ widgets: [graph, ...Array.from({ length: 500 }, () => ({ type: 'text', properties: { markdown: 'x' } }))] });
  const stat = (i: number) => ({ Id: `m${i}`, MetricStat: { Metric: { MetricName: 'Errors', Namespace: 'AWS/Lambda' }, Period: 300, Stat: 'Sum' } });
  resources.Math = { Type: 'AWS::CloudWatch::Alarm', Properties: { AlarmName: 'a', Metrics: [{ Id: 'e', Expression: 'SUM(METRICS())' }, ...Array.from({ length: 11 }, (_, i) => stat(i))] } };
  resources.Dash = { Type: 'AWS::CloudWatch::Dashboard', Properties: { DashboardName: 'd', DashboardBody: body } };
  const failed = checkLimits(measureTemplates([{ name: 'Big', nested: false, bytes: 1_100_000, template: { Resources: resources } }]))
    .filter(c => !c.pass).map(c => c.name);
  expect(failed).toEqual([
    'resources per stack (nested stacks included)',
    'template bytes per stack',
    'widgets per dashboard',
    'metrics per graph widget',
    'metrics per metric-math alarm',
    'log groups per saved Logs Insights query',
  ]);
});
