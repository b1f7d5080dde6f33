import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { anomalyBand } from './ml-anomaly-band';
import { MlAnomalyDetectionOptions } from './ml-anomaly-detection';
import { DEFAULT_ML_METRIC_PERIOD } from './ml-defaults';
import { MlMetricDefinition } from './ml-metric-definition';
import { assertMlName } from './ml-validation';

const ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/**
 * Properties of an `MlComponent`.
 */
export interface MlComponentProps {
  /**
   * A stable key in kebab-case, e.g. `market-intelligence`. It names construct ids and alarm names,
   * so changing it replaces those resources.
   *
   * 1-64 lowercase letters, digits and hyphens, starting and ending with a letter or digit.
   */
  readonly id: string;

  /** The name shown on the dashboard, e.g. `Market Intelligence Hub`. */
  readonly displayName: string;

  /**
   * The metric-name prefix, e.g. `MarketIntelligence`: metrics are named
   * `<metricPrefix>.<metricName>` in the project namespace.
   */
  readonly metricPrefix: string;

  /** The component's metrics (at least one, unique names). */
  readonly metrics: MlMetricDefinition[];
}

/**
 * An ML component of the platform and the custom metrics it publishes.
 *
 * Applications publish with the names from here (`fullMetricName`), and the dashboard and alarms
 * read them (`metric`), so the two cannot drift apart.
 */
export class MlComponent {
  /** The stable key, e.g. `market-intelligence`. */
  public readonly id: string;

  /** The display name, e.g. `Market Intelligence Hub`. */
  public readonly displayName: string;

  /** The metric-name prefix, e.g. `MarketIntelligence`. */
  public readonly metricPrefix: string;

  /** The component's metrics. */
  public readonly metrics: MlMetricDefinition[];

  constructor(props: MlComponentProps) {
    if (!ID_PATTERN.test(props.id)) {
      throw new Error('MlComponent id must be 1-64 lowercase letters, digits and hyphens, starting and ending with a '
        + `letter or digit (it names construct ids and alarms); got "${props.id}".`);
    }
    assertMlName(`metricPrefix of ML component "${props.id}"`, props.metricPrefix);
    if (props.metrics.length === 0) {
      throw new Error(`ML component "${props.id}" has no metrics: list at least one MlMetricDefinition.`);
    }
    const seen = new Set<string>();
    for (const m of props.metrics) {
      if (seen.has(m.metricName)) {
        throw new Error(`ML component "${props.id}" lists the metric "${m.metricName}" more than once.`);
      }
      seen.add(m.metricName);
    }
    this.id = props.id;
    this.displayName = props.displayName;
    this.metricPrefix = props.metricPrefix;
    this.metrics = [...props.metrics];
  }

  /** The definition of one of this component's metrics; throws if there is none by that name. */
  public definition(metricName: string): MlMetricDefinition {
    const found = this.metrics.find(m => m.metricName === metricName);
    if (!found) {
      throw new Error(`ML component "${this.id}" has no metric "${metricName}"; it has: `
        + `${this.metrics.map(m => m.metricName).join(', ')}.`);
    }
    return found;
  }

  /** The full CloudWatch metric name, e.g. `MarketIntelligence.ForecastAccuracy`. */
  public fullMetricName(metricName: string): string {
    return `${this.metricPrefix}.${this.definition(metricName).metricName}`;
  }

  /**
   * One of this component's metrics in `namespace` (`PlatformMonitoring.metricNamespace`), with its default statistic,
   * its label and a 5-minute period; `options` override them.
   */
  public metric(namespace: string, metricName: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    const definition = this.definition(metricName);
    return new cloudwatch.Metric({
      namespace,
      metricName: this.fullMetricName(metricName),
      statistic: definition.statistic,
      period: DEFAULT_ML_METRIC_PERIOD,
      label: definition.label,
      ...definedOnly(options),
    });
  }

  /** Every metric of this component, in catalog order. */
  public allMetrics(namespace: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric[] {
    return this.metrics.map(m => this.metric(namespace, m.metricName, options));
  }

  /**
   * The expected band of one of this component's metrics, `ANOMALY_DETECTION_BAND(m0, <bandWidth>)`
   * over `metric(namespace, metricName, options)`, for graphs; throws if the metric is not marked
   * for anomaly detection.
   *
   * @experimental
   */
  public anomalyBand(namespace: string, metricName: string, options?: cloudwatch.MetricOptions): cloudwatch.MathExpression {
    const definition = this.definition(metricName);
    if (!definition.anomalyDetection) {
      throw new Error(`The metric "${metricName}" of ML component "${this.id}" has no anomalyDetection: mark it with `
        + `withAnomalyDetection("${metricName}", { breach: AnomalyBandBreach.BELOW }) first.`);
    }
    return anomalyBand(this.metric(namespace, metricName, options), definition.anomalyDetection.bandWidth!,
      `${definition.label} expected band (${definition.anomalyDetection.bandWidth} std dev)`);
  }

  /**
   * A copy of this component whose metric `metricName` is watched by anomaly detection with
   * `options` (replacing its own, if any), e.g. a wider band:
   * `copilot.withAnomalyDetection('ResponseTime', { breach: AnomalyBandBreach.ABOVE, bandWidth: 3 })`.
   *
   * @experimental
   */
  public withAnomalyDetection(metricName: string, options: MlAnomalyDetectionOptions): MlComponent {
    this.definition(metricName);
    return this.withMetrics(this.metrics.map((m) => (m.metricName === metricName ? m.withAnomalyDetection(options) : m)));
  }

  /**
   * A copy of this component without anomaly detection on the metrics named (on every metric when
   * none is named): no anomaly alarm and no band for them.
   *
   * @experimental
   */
  public withoutAnomalyDetection(...metricNames: string[]): MlComponent {
    metricNames.forEach((name) => this.definition(name));
    const all = metricNames.length === 0;
    return this.withMetrics(this.metrics.map((m) => (all || metricNames.includes(m.metricName) ? m.withoutAnomalyDetection() : m)));
  }

  /** A copy of this component with more metrics appended (names must stay unique). */
  public withAdditionalMetrics(metrics: MlMetricDefinition[]): MlComponent {
    return this.withMetrics([...this.metrics, ...metrics]);
  }

  private withMetrics(metrics: MlMetricDefinition[]): MlComponent {
    return new MlComponent({ id: this.id, displayName: this.displayName, metricPrefix: this.metricPrefix, metrics });
  }
}

/** The options that are set (an explicit `undefined` must not erase a default). */
function definedOnly(options?: cloudwatch.MetricOptions): cloudwatch.MetricOptions {
  const out: { [key: string]: unknown } = {};
  for (const [key, value] of Object.entries(options ?? {})) {
    if (value !== undefined) out[key] = value;
  }
  return out as cloudwatch.MetricOptions;
}
