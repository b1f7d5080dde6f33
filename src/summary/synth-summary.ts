import { Annotations, CfnResource, Stack } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import {
  ANOMALY_ALARM_MONTH, COMPOSITE_ALARM_MONTH, CUSTOM_METRIC_MONTH, DASHBOARD_MONTH, FREE_DASHBOARD_MAX_METRICS, FREE_DASHBOARDS,
  HIGH_RESOLUTION_ALARM_METRIC_MONTH, STANDARD_ALARM_METRIC_MONTH,
} from './rates';
import { detachedScopesBelow } from '../private/detached-scopes';

/** The id of the synth summary (an info message): `Annotations.of(scope).acknowledgeInfo(id)` silences it. */
export const SYNTH_SUMMARY_INFO = 'cdk-platform-monitoring:summary';

/** What a platform creates that the summary reports and the cost estimate is computed from. */
export interface PlatformCounts {
  readonly criticalAlarms: number;
  readonly warningAlarms: number;
  /** Metric alarms (standard, high-resolution and anomaly-detection). */
  readonly metricAlarms: number;
  readonly compositeAlarms: number;
  /** Metrics the standard-resolution alarms evaluate (a math alarm counts each metric). */
  readonly standardAlarmMetrics: number;
  /** Metrics the high-resolution alarms (period under 60 s) evaluate. */
  readonly highResolutionAlarmMetrics: number;
  readonly anomalyAlarms: number;
  /** Metrics shown on each dashboard. */
  readonly dashboardMetrics: number[];
  readonly metricFilters: number;
  /** Custom metrics the metric filters publish. */
  readonly filterMetrics: number;
  readonly logGroups: number;
  readonly trails: number;
  readonly nestedStacks: number;
}

/** The monthly cost range in US dollars, before traffic. */
export interface CostRange {
  readonly low: number;
  readonly high: number;
}

/**
 * The fixed monthly cost, as the docs' cost table computes it: alarms, composites and the filters'
 * custom metrics at most; dashboards from free (the account's 3 free dashboards of up to 50 metrics
 * each, if this platform's are the only ones) to all paid.
 */
export function monthlyCost(c: PlatformCounts): CostRange {
  const fixed = c.standardAlarmMetrics * STANDARD_ALARM_METRIC_MONTH
    + c.highResolutionAlarmMetrics * HIGH_RESOLUTION_ALARM_METRIC_MONTH
    + c.anomalyAlarms * ANOMALY_ALARM_MONTH
    + c.compositeAlarms * COMPOSITE_ALARM_MONTH
    + c.filterMetrics * CUSTOM_METRIC_MONTH;
  const dashboards = c.dashboardMetrics.length;
  const free = Math.min(FREE_DASHBOARDS, c.dashboardMetrics.filter((n) => n <= FREE_DASHBOARD_MAX_METRICS).length);
  return { low: round(fixed + (dashboards - free) * DASHBOARD_MONTH), high: round(fixed + dashboards * DASHBOARD_MONTH) };
}

/** The summary line. */
export function summaryText(c: PlatformCounts, cost: CostRange): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  return `PlatformMonitoring created ${n(c.metricAlarms + c.compositeAlarms, 'alarm')} (${c.criticalAlarms} critical, `
    + `${c.warningAlarms} warning, ${n(c.compositeAlarms, 'composite')}), ${n(c.dashboardMetrics.length, 'dashboard')}, `
    + `${n(c.metricFilters, 'metric filter')}, ${n(c.logGroups, 'log group')}, ${n(c.trails, 'trail')} and `
    + `${n(c.nestedStacks, 'nested stack')}. Estimated fixed cost: $${cost.low.toFixed(2)}-$${cost.high.toFixed(2)} a month `
    + '(us-east-1 list prices, before traffic: log ingestion, storage, queries and CloudTrail data events are extra).';
}

/**
 * Adds the summary to `scope` as an info message once the app is complete (every `add*` call made):
 * counted from the resources below `scope`, nested stacks included. `severities` counts the alarms
 * by severity.
 */
export function addSynthSummary(scope: Construct, severities: () => { critical: number; warning: number }): void {
  scope.node.addValidation({
    validate: () => {
      const counts = countPlatform(scope, severities());
      Annotations.of(scope).addInfoV2(SYNTH_SUMMARY_INFO, summaryText(counts, monthlyCost(counts)));
      return [];
    },
  });
}

/** Counts the billable resources below `scope`. */
export function countPlatform(scope: IConstruct, severities: { critical: number; warning: number }): PlatformCounts {
  // What the platform created under other stacks (the log groups of their functions) counts too.
  const all = [...scope.node.findAll(), ...detachedScopesBelow(scope).flatMap((d) => d.node.findAll())];
  const cfn = all.filter((c): c is CfnResource => CfnResource.isCfnResource(c));
  const of = (type: string) => cfn.filter((r) => r.cfnResourceType === type);
  const resolve = (r: CfnResource, value: unknown) => Stack.of(r).resolve(value);
  let standardAlarmMetrics = 0;
  let highResolutionAlarmMetrics = 0;
  let anomalyAlarms = 0;
  const alarms = of('AWS::CloudWatch::Alarm');
  for (const alarm of alarms) {
    const a = alarm as unknown as { metrics?: unknown; period?: unknown; thresholdMetricId?: unknown };
    if (a.thresholdMetricId !== undefined) { anomalyAlarms++; continue; }
    const metrics = (resolve(alarm, a.metrics) as any[] | undefined) ?? [];
    const stats = metrics.map((m) => m.metricStat ?? m.MetricStat).filter((m) => m !== undefined);
    const periods = [resolve(alarm, a.period), ...stats.map((s) => s.period ?? s.Period)].filter((p) => typeof p === 'number');
    const count = Math.max(1, stats.length);
    if (periods.length > 0 && Math.min(...periods) < 60) highResolutionAlarmMetrics += count;
    else standardAlarmMetrics += count;
  }
  const filters = of('AWS::Logs::MetricFilter');
  return {
    criticalAlarms: severities.critical,
    warningAlarms: severities.warning,
    metricAlarms: alarms.length,
    compositeAlarms: of('AWS::CloudWatch::CompositeAlarm').length,
    standardAlarmMetrics,
    highResolutionAlarmMetrics,
    anomalyAlarms,
    dashboardMetrics: of('AWS::CloudWatch::Dashboard').map((d) => dashboardMetricCount(resolve(d, (d as any).dashboardBody))),
    metricFilters: filters.length,
    filterMetrics: filters.reduce((n, f) => n + ((resolve(f, (f as any).metricTransformations) as unknown[] | undefined)?.length ?? 1), 0),
    logGroups: of('AWS::Logs::LogGroup').length,
    trails: of('AWS::CloudTrail::Trail').length,
    nestedStacks: all.filter((c) => Stack.isStack(c) && c.nested).length,
  };
}

/**
 * The metrics on a dashboard, from its resolved body (a string, or a join around tokens that sit
 * inside JSON strings). A body that cannot be read counts as not free.
 */
export function dashboardMetricCount(body: unknown): number {
  let text: string | undefined;
  if (typeof body === 'string') text = body;
  const join = (body as { 'Fn::Join'?: [string, unknown[]] } | undefined)?.['Fn::Join'];
  if (join) text = join[1].map((part) => (typeof part === 'string' ? part : 'x')).join(join[0]);
  try {
    const widgets = (JSON.parse(text ?? '') as { widgets?: Array<{ properties?: { metrics?: unknown[] } }> }).widgets ?? [];
    return widgets.reduce((n, w) => n + (w.properties?.metrics?.length ?? 0), 0);
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}

function round(dollars: number): number {
  return Math.round(dollars * 100) / 100;
}

