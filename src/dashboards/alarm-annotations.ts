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
  if (graphed.size === 0) return out;
  for (const alarm of alarms) {
    if (!(alarm instanceof cloudwatch.Alarm)) continue;
    const key = alarmMetricKey(alarm);
    if (key === undefined || !graphed.has(key)) continue;
    const { value, label } = alarm.toAnnotation();
    if (seen.has(`${value} ${label}`)) continue;
    seen.add(`${value} ${label}`);
    out.push({ value, label: `Alarm: ${label}`, color: THRESHOLD_COLOR });
  }
  return out;
}

/**
 * An alarm's metric key, computed once per alarm (`Alarm.metric` is read-only): every graph of a
 * dashboard looks up every alarm of the platform, thousands at 1,000 functions.
 */
const ALARM_KEYS = new WeakMap<cloudwatch.Alarm, string | undefined>();
function alarmMetricKey(alarm: cloudwatch.Alarm): string | undefined {
  if (!ALARM_KEYS.has(alarm)) ALARM_KEYS.set(alarm, metricKey(alarm.metric));
  return ALARM_KEYS.get(alarm);
}

/** What identifies a plain metric's data: namespace, name, dimensions, statistic (not the period or label). */
function metricKey(metric: cloudwatch.IMetric): string | undefined {
  const stat = metric.toMetricConfig().metricStat;
  if (!stat) return undefined;
  const dimensions = (stat.dimensions ?? []).map((d) => `${d.name}=${d.value}`).sort();
  return JSON.stringify([stat.namespace, stat.metricName, dimensions, stat.statistic]);
}
