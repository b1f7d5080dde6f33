import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { alarmAnnotations } from './alarm-annotations';
import { createDashboardParts, DASHBOARD_LIMITS, DashboardPartsOptions, packBlocks, WidgetBlock } from './dashboard-parts';
import {
  ALARM_STATUS_HEIGHT, DEFAULT_DASHBOARD_PERIOD, FULL_WIDTH, GRAPH_HEIGHT, HEADER_HEIGHT, LOG_TABLE_HEIGHT,
  MAX_ALARMS_PER_STATUS_WIDGET, MAX_LOG_GROUPS_PER_QUERY, MAX_METRICS_PER_DASHBOARD, MAX_METRICS_PER_GRAPH,
  MAX_WIDGETS_PER_DASHBOARD,
} from './layout';
import { chunk } from '../private/chunk';
import { validationError } from '../private/errors';

// Shared widget helpers of the three dashboards. Not part of the public API.


/** `title`, or `title (2/3)` when a widget was split into several. */
export function partTitle(title: string, index: number, count: number): string {
  return count > 1 ? `${title} (${index + 1}/${count})` : title;
}

/**
 * `title`, or `title (functions 21-40)` for group `index` of `size` items when there are several
 * groups: unlike `partTitle`, a group's title does not change when items are appended.
 */
export function rangeTitle(title: string, index: number, size: number, total: number, noun: string): string {
  if (total <= size) return title;
  const first = index * size + 1;
  const last = Math.min(total, first + size - 1);
  return first === last ? `${title} (${noun} ${first})` : `${title} (${noun} ${first}-${last})`;
}

/** Options of a graph built through `DashboardContent.graph`. */
export interface GraphOptions {
  readonly title: string;
  readonly left: cloudwatch.IMetric[];
  readonly right?: cloudwatch.IMetric[];
  readonly width: number;
  readonly height?: number;
  readonly leftAnnotations?: cloudwatch.HorizontalAnnotation[];
  readonly leftYAxis?: cloudwatch.YAxisProps;
  readonly stacked?: boolean;
}

/** The most series one SEARCH can return; assumed when its terms do not name the series. */
const SEARCH_MAX_SERIES = MAX_METRICS_PER_GRAPH;

/**
 * The metrics CloudWatch counts for one entry of a graph: 1 for a metric; for a math expression,
 * itself and every metric it reads (CloudWatch counts those even when they are not drawn); for a
 * SEARCH, every series it can return: one per `Name="value"` term (our SEARCHes match exact
 * dimension values), or 500 when no term names one.
 */
export function seriesOf(metric: cloudwatch.IMetric): number {
  const math = metric.toMetricConfig().mathExpression;
  if (!math) return 1;
  const used = Object.values(math.usingMetrics ?? {}).reduce((total, m) => total + seriesOf(m), 0);
  if (!math.expression.includes('SEARCH(')) return used + 1;
  const named = (math.expression.match(/\b\w+="[^"]*"/g) ?? []).filter((t) => !t.startsWith('MetricName=')).length;
  return used + (named > 0 ? named : SEARCH_MAX_SERIES);
}

/**
 * The rows of one dashboard, with the widget and metric counts CloudWatch limits. Every widget goes
 * through here, so `build` can split the dashboard into parts within the limits (and `addTo` prove
 * them) at synth instead of failing at deploy.
 */
export class DashboardContent {
  private readonly blocks: WidgetBlock[] = [];
  private readonly metricsOf = new Map<cloudwatch.IWidget, number>();
  private widgetCount = 0;
  private metricCount = 0;
  private section?: string;
  private pendingHeader?: cloudwatch.IWidget;

  /**
   * @param alarms the alarms whose thresholds graphs draw, on every graph that shows their metric
   */
  constructor(
    private readonly scope: Construct,
    private readonly period: Duration = DEFAULT_DASHBOARD_PERIOD,
    private readonly alarms: readonly cloudwatch.IAlarm[] = [],
  ) {}

  /** The number of widgets so far. */
  public get widgets(): number { return this.widgetCount; }
  /** The number of metrics and expressions so far. */
  public get metrics(): number { return this.metricCount; }

  /** Adds a row of widgets (CDK wraps a row wider than 24 columns onto the next line). */
  public addRow(...widgets: cloudwatch.IWidget[]): void {
    this.addBlock([widgets]);
  }

  /** Adds rows that stay together on one part of a split dashboard. */
  public addBlock(rows: cloudwatch.IWidget[][]): void {
    const kept = rows.filter((row) => row.length > 0);
    if (kept.length === 0) return;
    const header = this.pendingHeader;
    this.pendingHeader = undefined;
    const all = header ? [[header], ...kept] : kept;
    const metrics = all.flat().map((w) => this.metricsOf.get(w) ?? 0);
    const logQueries = all.flat().map((w) => w instanceof cloudwatch.LogQueryWidget);
    this.blocks.push({ rows: all, section: header ? undefined : this.section, metrics, logQueries });
    this.widgetCount += metrics.length;
  }

  /**
   * Starts a section: its markdown header goes with the next rows added (a part never ends on a
   * header), and a part that starts inside the section repeats the header.
   */
  public startSection(title: string): void {
    this.flushHeader();
    this.section = title;
    this.pendingHeader = this.header(title);
  }

  /** A markdown section header spanning the row. */
  public header(title: string): cloudwatch.TextWidget {
    return new cloudwatch.TextWidget({ markdown: `## ${title}`, width: FULL_WIDTH, height: HEADER_HEIGHT });
  }

  /** A line graph with the dashboard period and the thresholds of the alarms on its left metrics. */
  public graph(o: GraphOptions): cloudwatch.GraphWidget {
    const annotations = [...(o.leftAnnotations ?? []), ...alarmAnnotations(this.alarms, o.left)];
    const count = [...o.left, ...(o.right ?? [])].reduce((total, m) => total + seriesOf(m), 0);
    if (count > MAX_METRICS_PER_GRAPH) {
      throw validationError(this.scope, `The graph "${o.title}" would show ${count} metrics; CloudWatch allows ${MAX_METRICS_PER_GRAPH}.`);
    }
    this.metricCount += count;
    return this.counted(count, new cloudwatch.GraphWidget({
      title: o.title,
      left: o.left,
      right: o.right,
      width: o.width,
      height: o.height ?? GRAPH_HEIGHT,
      period: this.period,
      leftAnnotations: annotations.length > 0 ? annotations : undefined,
      leftYAxis: o.leftYAxis ?? { min: 0, showUnits: false },
      stacked: o.stacked,
      liveData: false,
    }));
  }

  /** A single-value widget showing each metric's latest value. */
  public singleValue(title: string, metrics: cloudwatch.IMetric[], width: number, height: number): cloudwatch.SingleValueWidget {
    const count = metrics.reduce((total, m) => total + seriesOf(m), 0);
    this.metricCount += count;
    return this.counted(count, new cloudwatch.SingleValueWidget({ title, metrics, width, height, period: this.period }));
  }

  /**
   * Logs Insights tables over `logGroupNames`, split into widgets of at most 50 log groups (the
   * query limit); none when there are no log groups.
   */
  public logQueries(title: string, logGroupNames: string[], queryLines: string[], width = FULL_WIDTH): cloudwatch.LogQueryWidget[] {
    const parts = chunk(logGroupNames, MAX_LOG_GROUPS_PER_QUERY);
    return parts.map((names, i) => new cloudwatch.LogQueryWidget({
      title: partTitle(title, i, parts.length),
      logGroupNames: names,
      queryLines,
      view: cloudwatch.LogQueryVisualizationType.TABLE,
      width,
      height: LOG_TABLE_HEIGHT,
    }));
  }

  /** One Logs Insights table over at most 50 log groups (the query limit). */
  public logQuery(title: string, logGroupNames: string[], queryLines: string[], width = FULL_WIDTH): cloudwatch.LogQueryWidget {
    if (logGroupNames.length > MAX_LOG_GROUPS_PER_QUERY) {
      throw validationError(this.scope, `The Logs Insights widget "${title}" would read ${logGroupNames.length} log groups; a query reads at most ${MAX_LOG_GROUPS_PER_QUERY}.`);
    }
    return new cloudwatch.LogQueryWidget({
      title, logGroupNames, queryLines, view: cloudwatch.LogQueryVisualizationType.TABLE, width, height: LOG_TABLE_HEIGHT,
    });
  }

  /** Alarm status widgets of at most 100 alarms each; none when there are no alarms. */
  public alarmStatus(title: string, alarms: cloudwatch.IAlarm[]): cloudwatch.AlarmStatusWidget[] {
    const parts = chunk(alarms, MAX_ALARMS_PER_STATUS_WIDGET);
    return parts.map((part, i) => new cloudwatch.AlarmStatusWidget({
      title: partTitle(title, i, parts.length),
      alarms: part,
      width: FULL_WIDTH,
      height: ALARM_STATUS_HEIGHT,
      sortBy: cloudwatch.AlarmStatusWidgetSortBy.STATE_UPDATED_TIMESTAMP,
    }));
  }

  /**
   * The dashboard in as many parts as CloudWatch's limits need (`dashboard-parts.ts`): part 1 is
   * `Resource` below `owner` with the dashboard's name, part k is `<name>-k` in nested stack `Part<k>`.
   */
  public build(owner: Construct, options: DashboardPartsOptions): cloudwatch.Dashboard[] {
    this.flushHeader();
    return createDashboardParts(owner, packBlocks(this.blocks, DASHBOARD_LIMITS, options.firstPartMaxMetrics), options);
  }

  /** Checks CloudWatch's dashboard limits and adds the rows to `dashboard` (one part only). */
  public addTo(dashboard: cloudwatch.Dashboard, what: string): void {
    this.flushHeader();
    if (this.widgetCount > MAX_WIDGETS_PER_DASHBOARD) {
      throw validationError(this.scope, `The ${what} dashboard would have ${this.widgetCount} widgets; CloudWatch allows `
        + `${MAX_WIDGETS_PER_DASHBOARD}. Monitor fewer resources on this dashboard (split them across several `
        + 'instances of the construct, each with its own name suffix).');
    }
    if (this.metricCount > MAX_METRICS_PER_DASHBOARD) {
      throw validationError(this.scope, `The ${what} dashboard would show ${this.metricCount} metrics; CloudWatch allows `
        + `${MAX_METRICS_PER_DASHBOARD} per dashboard. Monitor fewer resources on this dashboard (split them across `
        + 'several instances of the construct, each with its own name suffix).');
    }
    for (const block of this.blocks) for (const row of block.rows) dashboard.addWidgets(...row);
  }

  private counted<W extends cloudwatch.IWidget>(metrics: number, widget: W): W {
    this.metricsOf.set(widget, metrics);
    return widget;
  }

  /** A header with nothing after it stands on its own. */
  private flushHeader(): void {
    const header = this.pendingHeader;
    if (!header) return;
    this.pendingHeader = undefined;
    this.blocks.push({ rows: [[header]], metrics: [0] });
    this.widgetCount += 1;
  }
}
