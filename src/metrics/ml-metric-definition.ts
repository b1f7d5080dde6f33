import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { resolveAnomalyDetection } from './ml-anomaly-band';
import { MlAnomalyDetectionOptions } from './ml-anomaly-detection';
import { assertMlName } from './ml-validation';

/**
 * Properties of an `MlMetricDefinition`.
 */
export interface MlMetricDefinitionProps {
  /**
   * The metric's name within its component, in PascalCase, e.g. `ForecastAccuracy`. The full
   * CloudWatch metric name is `<component prefix>.<metricName>`.
   *
   * A letter followed by letters, digits or underscores (at most 100 characters).
   */
  readonly metricName: string;

  /**
   * The unit publishers must send with every value (documented for publishers; dashboards and alarms
   * do not filter on it, so a value sent with another unit still shows).
   */
  readonly unit: cloudwatch.Unit;

  /**
   * The statistic dashboards and alarms use by default, e.g. `cloudwatch.Stats.AVERAGE`,
   * `cloudwatch.Stats.SUM` or `cloudwatch.Stats.p(90)`.
   *
   * @default cloudwatch.Stats.AVERAGE
   */
  readonly statistic?: string;

  /**
   * What the metric measures and how publishers compute it.
   */
  readonly description: string;

  /**
   * A human-readable label for graphs and single-value widgets.
   *
   * @default - the metric name split into words, e.g. `Forecast Accuracy`
   */
  readonly label?: string;

  /**
   * Watch the metric with CloudWatch anomaly detection: an anomaly-detection alarm on the side of
   * the band given here (`PlatformAlarms` / `MlMetricAlarms`, tuned with `alarms.mlAnomalyAlarms`),
   * and the expected band drawn on the metric's graph on the ML dashboard.
   *
   * @default - no anomaly detection
   * @experimental
   */
  readonly anomalyDetection?: MlAnomalyDetectionOptions;
}

/**
 * One custom metric of an ML component: its name, unit, default statistic and meaning.
 *
 * Builds nothing by itself; `MlComponent` turns it into a `cloudwatch.Metric` in the project
 * namespace.
 */
export class MlMetricDefinition {
  /** The metric's name within its component, e.g. `ForecastAccuracy`. */
  public readonly metricName: string;

  /** The unit publishers send. */
  public readonly unit: cloudwatch.Unit;

  /** The default statistic for dashboards and alarms. */
  public readonly statistic: string;

  /** What the metric measures. */
  public readonly description: string;

  /** The label on graphs. */
  public readonly label: string;

  /**
   * How the metric is watched by anomaly detection (`bandWidth` filled in), or undefined when it is not.
   *
   * @experimental
   */
  public readonly anomalyDetection?: MlAnomalyDetectionOptions;

  constructor(props: MlMetricDefinitionProps) {
    assertMlName('metricName', props.metricName);
    this.metricName = props.metricName;
    this.unit = props.unit;
    this.statistic = props.statistic ?? cloudwatch.Stats.AVERAGE;
    this.description = props.description;
    this.label = props.label ?? splitPascalCase(props.metricName);
    this.anomalyDetection = props.anomalyDetection === undefined
      ? undefined
      : resolveAnomalyDetection(`ML metric "${props.metricName}"`, props.anomalyDetection);
  }

  /**
   * A copy of this definition watched by anomaly detection with `options` (replacing its own, if any).
   *
   * @experimental
   */
  public withAnomalyDetection(options: MlAnomalyDetectionOptions): MlMetricDefinition {
    return new MlMetricDefinition({ ...this.props(), anomalyDetection: options });
  }

  /**
   * A copy of this definition without anomaly detection (no anomaly alarm, no band).
   *
   * @experimental
   */
  public withoutAnomalyDetection(): MlMetricDefinition {
    return new MlMetricDefinition({ ...this.props(), anomalyDetection: undefined });
  }

  private props(): MlMetricDefinitionProps {
    return {
      metricName: this.metricName,
      unit: this.unit,
      statistic: this.statistic,
      description: this.description,
      label: this.label,
      anomalyDetection: this.anomalyDetection,
    };
  }
}

/** `CLVAccuracy` → `CLV Accuracy`, `ForecastAccuracy` → `Forecast Accuracy`. */
function splitPascalCase(name: string): string {
  return name
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
}
