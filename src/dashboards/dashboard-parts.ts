import { Duration, NestedStack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { FULL_WIDTH, HEADER_HEIGHT, MAX_METRICS_PER_DASHBOARD, MAX_WIDGETS_PER_DASHBOARD } from './layout';
import { SHARED_QUOTAS } from '../limits/shared-quotas';
import { validationError } from '../private/errors';

// Splitting a dashboard that outgrows CloudWatch's limits into parts. Not part of the public API.
//
// CloudWatch service quotas, "Dashboards": "Up to 500 widgets per dashboard. Up to 500 metrics per
// dashboard widget. Up to 2,500 metrics per dashboard, across all widgets", and these include every
// metric retrieved for a metric math expression, even one the graph does not draw
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html).
//
// What is guaranteed:
// - Part 1 is the dashboard as it always was: construct id `Resource`, the dashboard name unchanged.
//   Part k (k >= 2) is named `<name>-k` and lives alone in the nested stack `Part<k>` below the
//   dashboard construct, whatever the size: a part never changes stack, id or name.
// - Part 1 holds at most `firstPartMaxMetrics` (it shares its stack with everything else; the
//   other parts are alone in theirs).
// - Blocks (a section header with the rows that follow it, a group of graphs) are packed in order,
//   each into the current part while it fits, else into the next: deterministic, and a block is
//   never cut unless it alone passes a limit. Growing the last list of a dashboard (functions on
//   the API dashboard) changes only the last part or adds one. Growing an earlier list moves the
//   blocks after it forward, possibly into the next part: the dashboards are updated in place
//   (CloudFormation updates a dashboard body; no dashboard is replaced, renamed or removed by growth).
// - A part holds at most 30 Logs Insights query widgets: each runs a query when the dashboard opens,
//   and an account runs at most 30 at once (CloudWatch Logs quotas, "Concurrent queries",
//   https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html; the
//   figure and its source are in `SHARED_QUOTAS.logsInsightsWidgetsPerDashboard`). A block that
//   would pass it starts the next part, like one that would pass the widget or metric limit.

/** A unit of layout kept on one part: rows of widgets and the metrics they show. */
export interface WidgetBlock {
  readonly rows: cloudwatch.IWidget[][];
  /** The section the block belongs to: a part that starts inside it repeats the section's header. */
  readonly section?: string;
  /** Metrics (series) of every widget of the block, in `rows` order, flattened. */
  readonly metrics: number[];
  /** Which widgets of the block (in `metrics` order) are Logs Insights query widgets. */
  readonly logQueries?: boolean[];
}

/** The most a part holds. */
export interface PartLimits {
  readonly widgets: number;
  readonly metrics: number;
  /** Logs Insights query widgets (unlimited when absent). */
  readonly logQueries?: number;
}

/** CloudWatch's limits per dashboard, and the concurrent Logs Insights queries of an account. */
export const DASHBOARD_LIMITS: PartLimits = {
  widgets: MAX_WIDGETS_PER_DASHBOARD,
  metrics: MAX_METRICS_PER_DASHBOARD,
  logQueries: SHARED_QUOTAS.logsInsightsWidgetsPerDashboard,
};

/** One part: its rows and what it holds. */
export interface DashboardPart {
  readonly rows: cloudwatch.IWidget[][];
  readonly widgets: number;
  readonly metrics: number;
}

/** The header a part repeats when it starts inside a section. */
export function continuationHeader(section: string): cloudwatch.TextWidget {
  return new cloudwatch.TextWidget({ markdown: `## ${section} (continued)`, width: FULL_WIDTH, height: HEADER_HEIGHT });
}

/**
 * Packs `blocks` in order into parts within `limits`. A part that starts inside a section opens
 * with that section's header ("(continued)"), counted as a widget.
 */
export function packBlocks(blocks: readonly WidgetBlock[], limits: PartLimits = DASHBOARD_LIMITS,
  firstPartMaxMetrics: number = limits.metrics): DashboardPart[] {
  const parts: Array<{ rows: cloudwatch.IWidget[][]; widgets: number; metrics: number; logQueries: number }> = [];
  let current = { rows: [] as cloudwatch.IWidget[][], widgets: 0, metrics: 0, logQueries: 0 };
  parts.push(current);
  const maxLogQueries = limits.logQueries ?? Infinity;
  const startPart = (section: string | undefined) => {
    current = { rows: [], widgets: 0, metrics: 0, logQueries: 0 };
    parts.push(current);
    if (section !== undefined) {
      current.rows.push([continuationHeader(section)]);
      current.widgets += 1;
    }
  };
  for (const block of splitOversized(blocks, limits)) {
    const widgets = block.metrics.length;
    const metrics = sum(block.metrics);
    const logQueries = logQueriesOf(block);
    const maxMetrics = parts.length === 1 ? Math.min(firstPartMaxMetrics, limits.metrics) : limits.metrics;
    const fits = current.widgets + widgets <= limits.widgets && current.metrics + metrics <= maxMetrics
      && current.logQueries + logQueries <= maxLogQueries;
    if (!fits && current.widgets > 0) startPart(block.section);
    current.rows.push(...block.rows);
    current.widgets += widgets;
    current.metrics += metrics;
    current.logQueries += logQueries;
  }
  return parts.filter((p, i) => i === 0 || p.rows.length > 0).map(({ rows, widgets, metrics }) => ({ rows, widgets, metrics }));
}

/** Blocks as given, except that a block passing a limit on its own (with a header) is cut into single widgets. */
function splitOversized(blocks: readonly WidgetBlock[], limits: PartLimits): WidgetBlock[] {
  return blocks.flatMap((block) => {
    if (block.metrics.length + 1 <= limits.widgets && sum(block.metrics) <= limits.metrics
      && logQueriesOf(block) <= (limits.logQueries ?? Infinity)) return [block];
    const widgets = block.rows.flat();
    return widgets.map((w, i) => ({
      rows: [[w]], section: block.section, metrics: [block.metrics[i]], logQueries: [block.logQueries?.[i] ?? false],
    }));
  });
}

function logQueriesOf(block: WidgetBlock): number {
  return (block.logQueries ?? []).filter((q) => q).length;
}

/** How the parts are created. */
export interface DashboardPartsOptions {
  readonly dashboardName: string;
  readonly defaultInterval: Duration;
  /** What the dashboard shows, for error messages ("API performance"). */
  readonly what: string;
  /** The most metrics on part 1 (it shares the construct's stack); the other parts hold up to 2,500. */
  readonly firstPartMaxMetrics?: number;
}

/** The name of part `index` (0-based): the dashboard's name, then `<name>-2`, `<name>-3`, ... */
export function partName(dashboardName: string, index: number): string {
  return index === 0 ? dashboardName : `${dashboardName}-${index + 1}`;
}

/**
 * Creates one CloudWatch dashboard per part below `owner`: part 1 as `Resource` (the id the
 * dashboard always had), part k in its own nested stack `Part<k>`.
 */
export function createDashboardParts(owner: Construct, parts: readonly DashboardPart[], options: DashboardPartsOptions): cloudwatch.Dashboard[] {
  return parts.map((part, i) => {
    const dashboardName = partName(options.dashboardName, i);
    if (!Token.isUnresolved(dashboardName) && dashboardName.length > 255) {
      throw validationError(owner, `The ${options.what} dashboard needs ${parts.length} parts, and the name of part ${i + 1}, `
        + `"${dashboardName}", is longer than the 255 characters CloudWatch allows: use a shorter dashboardName.`);
    }
    const scope = i === 0 ? owner : new NestedStack(owner, `Part${i + 1}`, {
      description: `Part ${i + 1} of the ${options.what} dashboard (${options.dashboardName})`,
    });
    const dashboard = new cloudwatch.Dashboard(scope, 'Resource', {
      dashboardName,
      defaultInterval: options.defaultInterval,
      periodOverride: cloudwatch.PeriodOverride.INHERIT,
    });
    for (const row of part.rows) dashboard.addWidgets(...row);
    return dashboard;
  });
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
