import * as fs from 'fs';
import * as path from 'path';
import { resourcesOf, Template, TemplateEnv, textOf } from './template-values';

// What a synthesized cloud assembly contains, read from its template files (top-level and nested
// stacks), never from the constructs: the numbers are what CloudFormation and CloudWatch will see.
// Shared by the benchmark and test/scale.

/** One stack (a nested stack is a stack of its own for CloudFormation's limits). */
export interface StackMeasurement {
  readonly name: string;
  readonly nested: boolean;
  readonly resources: number;
  readonly templateBytes: number;
}

/** One dashboard. */
export interface DashboardMeasurement {
  readonly name: string;
  readonly widgets: number;
  /** Metrics across the dashboard (a SEARCH counts the series it can return). */
  readonly metrics: number;
  readonly maxMetricsPerGraph: number;
  /** Logs Insights widgets (each runs a query, billed per GB scanned, when the dashboard is viewed). */
  readonly logQueryWidgets: number;
  /** Most log groups (`SOURCE`s) in one Logs Insights widget. */
  readonly maxLogGroupsPerQueryWidget: number;
}

/** Everything the limits and the bill depend on, across all templates of an assembly. */
export interface Measurement {
  readonly stacks: StackMeasurement[];
  readonly dashboards: DashboardMeasurement[];
  readonly metricAlarms: number;
  readonly compositeAlarms: number;
  /** Metric alarms on a math expression. */
  readonly mathAlarms: number;
  readonly maxMetricsPerMathAlarm: number;
  /** Alarms whose metrics include a SEARCH expression (CloudWatch rejects them). */
  readonly alarmsWithSearch: number;
  /** Metrics read by all metric alarms (CloudWatch bills per alarm metric). */
  readonly alarmMetrics: number;
  readonly maxActionsPerState: number;
  readonly maxCompositeRuleLength: number;
  readonly longestAlarmName: number;
  readonly duplicateAlarmNames: string[];
  readonly metricFilters: number;
  /** Distinct custom metrics of metric filters without dimensions (one billed metric each). */
  readonly filterMetrics: number;
  /** Metric filters with dimensions (one billed metric per dimension value seen). */
  readonly dimensionedFilters: number;
  readonly logGroups: number;
  readonly badRetentions: number[];
  readonly badLogGroupNames: string[];
  readonly badDashboardNames: string[];
  readonly savedQueries: number;
  readonly maxLogGroupsPerSavedQuery: number;
  readonly trails: number;
  /** Most event selectors of one trail. */
  readonly eventSelectors: number;
  /** Data-resource values of one trail, all selectors together. */
  readonly dataEventValues: number;
  readonly insightSelectors: number;
}

/** The account and region of the measured stacks. */
export const BENCH_ENV: TemplateEnv = { account: '123456789012', region: 'eu-west-1', partition: 'aws' };

/** Log retentions CloudWatch Logs accepts, in days. */
const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
/** The most series one SEARCH can return; assumed when its terms do not name the series. */
const SEARCH_MAX_SERIES = 500;

/** Measures every `*.template.json` in a cloud assembly directory. */
export function measureAssembly(outdir: string, env: TemplateEnv = BENCH_ENV): Measurement {
  const files = fs.readdirSync(outdir).filter(f => f.endsWith('.template.json')).sort();
  const templates = files.map(f => ({
    name: f.replace(/(\.nested)?\.template\.json$/, ''),
    nested: f.endsWith('.nested.template.json'),
    bytes: fs.statSync(path.join(outdir, f)).size,
    template: JSON.parse(fs.readFileSync(path.join(outdir, f), 'utf-8')) as Template,
  }));
  return measureTemplates(templates, env);
}

/** Measures already-parsed templates (`bytes`: the template file's size). */
export function measureTemplates(
  templates: Array<{ name: string; nested: boolean; bytes: number; template: Template }>, env: TemplateEnv = BENCH_ENV,
): Measurement {
  const all = <T>(f: (t: Template) => T[]) => templates.flatMap(t => f(t.template));
  const text = (t: Template) => (v: unknown) => textOf(v, t, env);

  const metricAlarms = all(t => resourcesOf(t, 'AWS::CloudWatch::Alarm').map(([, p]) => p));
  const composites = all(t => resourcesOf(t, 'AWS::CloudWatch::CompositeAlarm').map(([, p]) => ({ p, rule: text(t)(p.AlarmRule) })));
  const metricsOf = (p: any) => (p.Metrics ? (p.Metrics as any[]).filter(m => m.MetricStat).length : 1);
  const alarmNames = [...metricAlarms, ...composites.map(c => c.p)].map(p => String(p.AlarmName ?? ''));
  const filters = all(t => resourcesOf(t, 'AWS::Logs::MetricFilter').map(([, p]) => p.MetricTransformations?.[0] ?? {}));
  const logGroups = all(t => resourcesOf(t, 'AWS::Logs::LogGroup').map(([, p]) => ({ name: text(t)(p.LogGroupName), days: p.RetentionInDays })));
  const queries = all(t => resourcesOf(t, 'AWS::Logs::QueryDefinition').map(([, p]) => (p.LogGroupNames ?? []).length as number));
  const trails = all(t => resourcesOf(t, 'AWS::CloudTrail::Trail').map(([, p]) => p));
  const dashboards = all(t => resourcesOf(t, 'AWS::CloudWatch::Dashboard').map(([, p]) => measureDashboard(text(t)(p.DashboardName),
    text(t)(p.DashboardBody))));

  return {
    stacks: templates.map(t => ({
      name: t.name, nested: t.nested, resources: Object.keys(t.template.Resources ?? {}).length, templateBytes: t.bytes,
    })),
    dashboards,
    metricAlarms: metricAlarms.length,
    compositeAlarms: composites.length,
    mathAlarms: metricAlarms.filter(p => p.Metrics).length,
    maxMetricsPerMathAlarm: max(metricAlarms.filter(p => p.Metrics).map(metricsOf)),
    alarmsWithSearch: metricAlarms.filter(p => JSON.stringify(p.Metrics ?? []).includes('SEARCH(')).length,
    alarmMetrics: sum(metricAlarms.map(metricsOf)),
    maxActionsPerState: max([...metricAlarms, ...composites.map(c => c.p)]
      .flatMap(p => [p.AlarmActions, p.OKActions, p.InsufficientDataActions].map(a => (a ?? []).length))),
    maxCompositeRuleLength: max(composites.map(c => c.rule.length)),
    longestAlarmName: max(alarmNames.map(n => n.length)),
    duplicateAlarmNames: alarmNames.filter((n, i) => alarmNames.indexOf(n) !== i),
    metricFilters: filters.length,
    filterMetrics: new Set(filters.filter(m => !m.Dimensions).map(m => JSON.stringify([m.MetricNamespace, m.MetricName]))).size,
    dimensionedFilters: filters.filter(m => m.Dimensions).length,
    logGroups: logGroups.length,
    badRetentions: logGroups.map(g => g.days).filter(d => !RETENTION_DAYS.includes(d)),
    badLogGroupNames: logGroups.map(g => g.name).filter(n => n.length > 512 || !/^[.\-_/#A-Za-z0-9]+$/.test(n)),
    badDashboardNames: dashboards.map(d => d.name).filter(n => n.length > 255 || !/^[A-Za-z0-9_-]+$/.test(n)),
    savedQueries: queries.length,
    maxLogGroupsPerSavedQuery: max(queries),
    trails: trails.length,
    eventSelectors: max(trails.map(p => (p.EventSelectors ?? []).length + (p.AdvancedEventSelectors ?? []).length)),
    dataEventValues: max(trails.map(p => sum((p.EventSelectors ?? []).flatMap((s: any) =>
      (s.DataResources ?? []).map((d: any) => (d.Values ?? []).length))))),
    insightSelectors: max(trails.map(p => (p.InsightSelectors ?? []).length)),
  };
}

/** Widgets, metrics per graph and log groups per Logs Insights widget of one dashboard body. */
export function measureDashboard(name: string, body: string): DashboardMeasurement {
  const widgets: any[] = JSON.parse(body).widgets ?? [];
  const graphs = widgets.filter(w => w.type === 'metric').map(w => sum((w.properties?.metrics ?? []).map(seriesOf)));
  const sources = widgets.filter(w => w.type === 'log').map(w => (String(w.properties?.query ?? '').match(/SOURCE '/g) ?? []).length);
  return {
    name,
    widgets: widgets.length,
    metrics: sum(graphs),
    maxMetricsPerGraph: max(graphs),
    logQueryWidgets: sources.length,
    maxLogGroupsPerQueryWidget: max(sources),
  };
}

/** The series one entry of a graph's `metrics` can show: 1, or for a SEARCH the dimension values it names. */
function seriesOf(entry: unknown[]): number {
  const options = entry[entry.length - 1] as { expression?: string } | undefined;
  const expression = typeof options === 'object' ? options?.expression : undefined;
  if (!expression || !expression.includes('SEARCH(')) return 1;
  const named = (expression.match(/\b\w+="[^"]*"/g) ?? []).filter(t => !t.startsWith('MetricName=')).length;
  return named > 0 ? named : SEARCH_MAX_SERIES;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function max(values: number[]): number {
  return values.reduce((a, b) => Math.max(a, b), 0);
}
