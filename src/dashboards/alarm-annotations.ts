import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/** The colour of alarm threshold lines. */
const THRESHOLD_COLOR = '#d62728';

/**
 * The threshold lines of the `alarms` that watch one of `metrics` (same namespace, metric name,
 * dimensions and statistic): a graph draws exactly the thresholds of the alarms that exist, with
 * their overrides, and none for a disabled alarm. Alarms on math expressions, composites and
 * imported alarms draw nothing. Not part of the public API.
 */
export function alarmAnnotations(alarms: readonly cloudwatch.IAlarm[], metrics: readonly cloudwatch.IMetric[]): cloudwatch.HorizontalAnnotation[] {
  const graphed = new Set(metrics.map(metricKey).filter((k): k is string => k !== undefined));
  const seen = new Set<string>();
  const out: cloudwatch.HorizontalAnnotation[] = [];
  for (const alarm of alarms) {
    if (!(alarm instanceof cloudwatch.Alarm)) continue;
    const key = metricKey(alarm.metric);
    if (key === undefined || !graphed.has(key)) continue;
    const { value, label } = alarm.toAnnotation();
    if (seen.has(`${value} ${label}`)) continue;
    seen.add(`${value} ${label}`);
    out.push({ value, label: `Alarm: ${label}`, color: THRESHOLD_COLOR });
  }
  return out;
}

/** What identifies a plain metric's data: namespace, name, dimensions, statistic (not the period or label). */
function metricKey(metric: cloudwatch.IMetric): string | undefined {
  const stat = metric.toMetricConfig().metricStat;
  if (!stat) return undefined;
  const dimensions = (stat.dimensions ?? []).map((d) => `${d.name}=${d.value}`).sort();
  return JSON.stringify([stat.namespace, stat.metricName, dimensions, stat.statistic]);
}
