/**
 * Reads what a CloudWatch dashboard body says each widget will show: a graph's series (label,
 * colour, axis, statistic, period), its axes and horizontal annotations, an alarm status widget's
 * alarms, a Logs Insights widget's log groups and query, a text widget's lines. Pure functions of
 * the parsed `DashboardBody` JSON, used by dashboard-svg.ts to draw previews.
 *
 * Body format: "Dashboard Body Structure and Syntax", Amazon CloudWatch API Reference
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html):
 * widget `type` metric / alarm / log / text; metric widget properties `metrics`, `view`
 * (timeSeries, singleValue, bar, pie, gauge), `stacked`, `stat`, `period`, `yAxis.left|right`
 * (`min`, `max`, `label`, `showUnits`), `annotations.horizontal`; each row of `metrics` is
 * `[Namespace, MetricName, DimName, DimValue, ..., {rendering options}]` where `"."` repeats the
 * value at the same position of the previous row, or `[{ expression, label, id }]` for metric math;
 * rendering options `label`, `color`, `yAxis` (left | right), `stat`, `period`, `visible`; alarm
 * widget `alarms` (ARNs), `sortBy`, `states`; log widget `query` (`SOURCE 'group' | ... | query`),
 * `view`; text widget `markdown`.
 */
import { Color } from 'aws-cdk-lib/aws-cloudwatch';

/**
 * Series colours when a row sets no `color`. AWS does not document the console's automatic
 * palette, so the preview uses aws-cdk-lib's standard `cloudwatch.Color` set, in this fixed order.
 */
export const SERIES_PALETTE: readonly string[] = [
  Color.BLUE, Color.ORANGE, Color.GREEN, Color.RED, Color.PURPLE, Color.BROWN, Color.PINK, Color.GREY,
];
/** Colour of a horizontal annotation without `color` (also "automatic" in CloudWatch). */
export const DEFAULT_ANNOTATION_COLOR = Color.GREY;
/** Statistic and period CloudWatch uses when neither the row nor the widget sets one. */
export const DEFAULT_STAT = 'Average';
export const DEFAULT_PERIOD_SECONDS = 300;

export type Axis = 'left' | 'right';

/** One row of a metric widget, as it will appear in the legend. */
export interface Series {
  readonly label: string;
  readonly color: string;
  readonly axis: Axis;
  readonly stat: string;
  readonly period: number;
  /** `visible: false` rows (e.g. inputs of a math expression) draw nothing and have no legend entry. */
  readonly visible: boolean;
  readonly expression?: string;
}

/** A horizontal annotation: a line at `value`, or a band from `value` to `toValue`. */
export interface HorizontalAnnotation {
  readonly value: number;
  readonly toValue?: number;
  readonly label: string;
  readonly color: string;
  readonly axis: Axis;
  readonly fill?: 'above' | 'below';
}

/** A y axis as the preview draws it: min and max of the scale, ticks, and the axis label. */
export interface AxisScale {
  readonly min: number;
  readonly max: number;
  readonly ticks: number[];
  /** False when nothing (no `max`, no annotation) says where the values sit: ticks are unlabelled. */
  readonly known: boolean;
  /** The body sets `min`: it is labelled even on an unknown scale. */
  readonly minSet: boolean;
  readonly label?: string;
}

/**
 * The series of a metric widget, with CloudWatch's compact row format expanded. A row without
 * `label` is named `MetricName (dimension values)` (or by its expression); a visible row without
 * `color` takes the next palette colour among the visible rows without one.
 */
export function metricSeries(properties: any): Series[] {
  const rows: any[] = Array.isArray(properties?.metrics) ? properties.metrics : [];
  const widgetStat = typeof properties?.stat === 'string' ? properties.stat : DEFAULT_STAT;
  const widgetPeriod = typeof properties?.period === 'number' ? properties.period : DEFAULT_PERIOD_SECONDS;
  let previous: unknown[] = [];
  let paletteIndex = 0;
  const series: Series[] = [];
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    const last = row[row.length - 1];
    const options = last && typeof last === 'object' && !Array.isArray(last) ? last : {};
    const values = options === last ? row.slice(0, -1) : row.slice();
    let label: string;
    let expression: string | undefined;
    if (typeof options.expression === 'string' && values.length === 0) {
      expression = options.expression;
      label = options.label ?? options.expression;
    } else {
      const expanded = values.map((v, i) => (v === '.' && i < previous.length ? previous[i] : v));
      previous = expanded;
      const [, metricName, ...dims] = expanded.map(String);
      const dimValues = dims.filter((_, i) => i % 2 === 1);
      label = options.label ?? (dimValues.length > 0 ? `${metricName} (${dimValues.join(', ')})` : metricName);
    }
    let color: string = options.color;
    if (typeof color !== 'string') {
      color = SERIES_PALETTE[paletteIndex % SERIES_PALETTE.length];
      if (options.visible !== false) paletteIndex++; // hidden rows draw nothing and take no colour
    }
    series.push({
      label: String(label),
      color,
      axis: options.yAxis === 'right' ? 'right' : 'left',
      stat: options.stat ?? widgetStat,
      period: options.period ?? widgetPeriod,
      visible: options.visible !== false,
      expression,
    });
  }
  return series;
}

/** The widget's visible horizontal annotations (bands are two-element arrays). */
export function horizontalAnnotations(properties: any): HorizontalAnnotation[] {
  const list: any[] = Array.isArray(properties?.annotations?.horizontal) ? properties.annotations.horizontal : [];
  const out: HorizontalAnnotation[] = [];
  for (const a of list) {
    const [first, second] = Array.isArray(a) ? a : [a, undefined];
    if (!first || typeof first.value !== 'number' || first.visible === false) continue;
    out.push({
      value: first.value,
      toValue: typeof second?.value === 'number' ? second.value : undefined,
      label: String(first.label ?? second?.label ?? ''),
      color: typeof first.color === 'string' ? first.color : DEFAULT_ANNOTATION_COLOR,
      axis: first.yAxis === 'right' ? 'right' : 'left',
      fill: first.fill === 'above' || first.fill === 'below' ? first.fill : undefined,
    });
  }
  return out;
}

/**
 * A plausible y axis without data: `yAxis.<side>.min`/`max` where the body sets them; otherwise
 * from 0 (or below the lowest annotation) to a round number at or above 1.25 × the highest
 * annotation, with 3 to 6 round ticks.
 */
export function axisScale(properties: any, side: Axis, annotations: HorizontalAnnotation[]): AxisScale {
  const config = properties?.yAxis?.[side] ?? {};
  const values = annotations.filter(a => a.axis === side).flatMap(a => (a.toValue === undefined ? [a.value] : [a.value, a.toValue]));
  const label = typeof config.label === 'string' && config.label.length > 0 ? config.label : undefined;
  const lowest = Math.min(0, ...values);
  let min = typeof config.min === 'number' ? config.min : lowest < 0 ? 1.25 * lowest : 0;
  let max: number;
  let known = true;
  if (typeof config.max === 'number') {
    max = config.max;
  } else if (values.length > 0) {
    max = 1.25 * Math.max(...values);
    if (max <= min) max = min + 1;
  } else {
    max = min + 1;
    known = false;
  }
  const step = niceStep((max - min) / 4);
  if (typeof config.min !== 'number') min = Math.floor(min / step) * step;
  if (typeof config.max !== 'number') max = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(roundTo(v, step));
  return { min, max, ticks, known, minSet: typeof config.min === 'number', label };
}

/** 1, 2 or 5 × 10^k at or above `raw`. */
function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const scaled = raw / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number(value.toFixed(decimals));
}

/** A tick or annotation value as a short label: 2500 → 2.5k, 1500000 → 1.5M. */
export function formatValue(value: number): string {
  const abs = Math.abs(value);
  const trim = (v: number) => String(Number(v.toFixed(2)));
  if (abs >= 1e9) return `${trim(value / 1e9)}G`;
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e4) return `${trim(value / 1e3)}k`;
  return trim(value);
}

/** A period in seconds as CloudWatch's console writes it: 60 → 1 min, 3600 → 1 hour. */
export function formatPeriod(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} day${seconds === 86400 ? '' : 's'}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** "Sum · 5 min", or "p50 / p90 / p99 · 5 min" when the rows differ. */
export function statAndPeriod(series: Series[]): string {
  const shown = series.filter(s => s.visible);
  const stats = unique(shown.map(s => s.expression ? 'expression' : s.stat));
  const periods = unique(shown.map(s => formatPeriod(s.period)));
  return [stats.join(' / '), periods.join(' / ')].filter(s => s.length > 0).join(' · ');
}

function unique<T>(values: T[]): T[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}

/** An alarm's name from its ARN (`arn:<partition>:cloudwatch:<region>:<account>:alarm:<name>`). */
export function alarmName(arn: string): string {
  const at = arn.indexOf(':alarm:');
  return at >= 0 ? arn.slice(at + ':alarm:'.length) : arn;
}

/** The alarms an alarm status widget lists, by name. */
export function alarmNames(properties: any): string[] {
  return (Array.isArray(properties?.alarms) ? properties.alarms : []).map((a: unknown) => alarmName(String(a)));
}

/** A Logs Insights widget's query split into its `SOURCE` log groups and the query lines after them. */
export function parseLogQuery(query: string): { logGroups: string[]; lines: string[] } {
  const logGroups: string[] = [];
  let rest = query.trimStart();
  for (;;) {
    const m = /^SOURCE\s+'([^']*)'\s*(\|\s*)?/.exec(rest) ?? /^SOURCE\s+"([^"]*)"\s*(\|\s*)?/.exec(rest);
    if (!m) break;
    logGroups.push(m[1]);
    rest = rest.slice(m[0].length);
  }
  const lines = rest.split('\n').map(l => l.trim()).filter(l => l.length > 0);
  return { logGroups, lines };
}

/** A line of a text widget: a heading (level 1-6) or a paragraph / list line (level 0). */
export interface TextLine {
  readonly level: number;
  readonly text: string;
}

/** The markdown of a text widget as plain lines, inline markup removed. */
export function markdownLines(markdown: string): TextLine[] {
  const out: TextLine[] = [];
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (line.length === 0) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const text = heading ? heading[2] : line.replace(/^[-*+]\s+/, '• ');
    out.push({ level: heading ? heading[1].length : 0, text: plainInline(text) });
  }
  return out;
}

function plainInline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|`)/g, '')
    .trim();
}
