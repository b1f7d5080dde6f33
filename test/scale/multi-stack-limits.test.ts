import * as fs from 'fs';
import * as path from 'path';
import { LargeCaseFigures, largeCaseFigures } from '../../bench/large-case';
import { AWS_LIMITS, checkLimits } from '../../bench/limits';
import { measureAssembly, Measurement } from '../../bench/measure';
import { multiStackApp } from '../../bench/multi-stack';
import { PlatformMonitoring } from '../../src';
import { dashboardBody, widgetMetrics } from '../dashboards/body';

// Issue 15 item 1, as a large platform lays it out: 1,000 `lambda.Function`s in four team stacks,
// 100 REST APIs in a stack of their own, 40 DMS tasks, 20 Batch queues and 20 Glue crawlers, with
// PlatformMonitoring's defaults except `audit.logAllLambdaDataEvents` (a trail lists at most 250
// data resources: a hard CloudTrail limit). Every stack and nested stack, every dashboard and every
// alarm must be within its AWS limit (`bench/limits.ts`). The app is the benchmark's multi-stack
// layout (`bench/multi-stack.ts`, with the README's feature flags). One synth, shared by every test.

/** CloudFormation quotas: 200 outputs and 200 parameters per template (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html). */
const MAX_OUTPUTS = 200;
const MAX_PARAMETERS = 200;

let monitoring: PlatformMonitoring;
let m: Measurement;
let templates: Array<{ file: string; template: any }>;
let figures: LargeCaseFigures;

beforeAll(() => {
  const built = multiStackApp();
  monitoring = built.monitoring;
  const directory = built.app.synth().directory;
  m = measureAssembly(directory);
  figures = largeCaseFigures(directory);
  templates = fs.readdirSync(directory).filter((f) => f.endsWith('.template.json'))
    .map((file) => ({ file, template: JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')) }));
});

test('every limit of bench/limits.ts passes', () => {
  expect(checkLimits(m).filter((c) => !c.pass)).toEqual([]);
});

test('with the defaults, every stack operation within 2,000 resources: each team stack carries its functions\' log groups', () => {
  // Issue 25 §2: no lambdaAlarmsAccountWide, no user intervention. With the log groups in the
  // platform's shards its operation held 2,728 resources (over CloudFormation's 2,500).
  const ops = Object.fromEntries(figures.operations.map((o) => [o.stack, [o.resources, o.nestedStacks]]));
  expect(Object.keys(ops).sort()).toEqual(['Apis', 'Platform', 'Team0', 'Team1', 'Team2', 'Team3']);
  for (const [stack, [resources]] of Object.entries(ops)) expect({ stack, ok: resources <= 2000 }).toEqual({ stack, ok: true });
  // 250 functions + 8 shard stacks + 500 groups and filters.
  for (const t of ['Team0', 'Team1', 'Team2', 'Team3']) expect(ops[t]).toEqual([758, 8]);
  expect(figures.maxTemplateResources).toBeLessThanOrEqual(400);
  expect(figures.maxTemplateBytes).toBeLessThanOrEqual(800_000);
  expect(figures.maxLogsInsightsWidgets).toBeLessThanOrEqual(30);
});

test('every stack and nested stack: at most 500 resources, 1 MB, 200 outputs and 200 parameters', () => {
  expect(m.stacks.filter((s) => !s.nested).map((s) => s.name).sort()).toEqual(['Apis', 'Platform', 'Team0', 'Team1', 'Team2', 'Team3']);
  for (const s of m.stacks) {
    expect({ stack: s.name, resources: s.resources <= AWS_LIMITS.resourcesPerStack, bytes: s.templateBytes <= AWS_LIMITS.templateBytes })
      .toEqual({ stack: s.name, resources: true, bytes: true });
  }
  for (const { file, template } of templates) {
    expect({ file, outputs: Object.keys(template.Outputs ?? {}).length <= MAX_OUTPUTS })
      .toEqual({ file, outputs: true });
    expect({ file, parameters: Object.keys(template.Parameters ?? {}).length <= MAX_PARAMETERS })
      .toEqual({ file, parameters: true });
  }
});

test('the API dashboard is split into parts of at most 500 widgets and 2,500 metrics (500 on the first), showing each function and API once', () => {
  expect(monitoring.apiPerformanceDashboard.dashboards).toHaveLength(4);
  expect(monitoring.apiPerformanceDashboard.dashboard).toBe(monitoring.apiPerformanceDashboard.dashboards[0]);
  // With the 5 Glue jobs the data-pipeline dashboard has a second part.
  expect(monitoring.dataPipelineDashboard.dashboards[0]).toBe(monitoring.dataPipelineDashboard.dashboard);
  expect(monitoring.dataPipelineDashboard.dashboards).toHaveLength(2);
  const api = m.dashboards.filter((d) => d.name.startsWith('shop-api-performance')).sort((a, b) => a.name.localeCompare(b.name));
  expect(api.map((d) => d.name)).toEqual(['shop-api-performance', 'shop-api-performance-2', 'shop-api-performance-3', 'shop-api-performance-4']);
  // The first part shares the Platform stack with the alarms: 5 groups of 10 APIs (9 metrics each).
  expect(api.map((d) => d.metrics)).toEqual([450, 2450, 2500, 500]);
  expect(api.reduce((total, d) => total + d.metrics, 0)).toBe(100 * 9 + 1000 * 5);
  for (const d of m.dashboards) {
    expect({ name: d.name, widgets: d.widgets <= 500, metrics: d.metrics <= 2500, perGraph: d.maxMetricsPerGraph <= 500 })
      .toEqual({ name: d.name, widgets: true, metrics: true, perGraph: true });
  }
  const graphed = (title: string, dimension: string) => monitoring.apiPerformanceDashboard.dashboards.map(dashboardBody)
    .flatMap((b) => b.widgets.filter((w: any) => w.properties.title?.startsWith(title)))
    .flatMap((w: any) => widgetMetrics(w).map((x) => x.dimensions[dimension]));
  expect(graphed('Lambda errors', 'FunctionName')).toEqual(Array.from({ length: 1000 }, (_, i) => `shop-fn-${i}`));
  expect(graphed('API 5xx errors', 'ApiName')).toEqual(Array.from({ length: 100 }, (_, i) => `shop-api-${i}`));
});

test('every alarm within its limits: math alarms read at most 10 metrics, none uses SEARCH, at most 5 actions, unique names', () => {
  expect(m.maxMetricsPerMathAlarm).toBeLessThanOrEqual(AWS_LIMITS.metricsPerMathAlarm);
  expect(m.alarmsWithSearch).toBe(0);
  expect(m.maxActionsPerState).toBeLessThanOrEqual(AWS_LIMITS.actionsPerAlarmState);
  expect(m.maxCompositeRuleLength).toBeLessThanOrEqual(AWS_LIMITS.compositeRuleLength);
  expect(m.longestAlarmName).toBeLessThanOrEqual(AWS_LIMITS.alarmNameLength);
  expect(m.duplicateAlarmNames).toEqual([]);
  expect(monitoring.alarms.apiGateway5xxAlarms).toHaveLength(100);
  expect(monitoring.alarms.dmsReplicationLagAlarms).toHaveLength(40);
});
