import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { buildMetric, locationOptions } from './metric-defaults';

/**
 * Properties of `LambdaMetrics`.
 */
export interface LambdaMetricsProps {
  /**
   * The function whose metrics to build (the `FunctionName` dimension; may be a token such as
   * `fn.functionName`).
   *
   * @default - account-wide metrics (no dimension): the aggregate of every function in the region
   */
  readonly functionName?: string;

  /**
   * The account of the function, when it is another (source) account than the stack's.
   *
   * @default - the stack's account
   * @experimental
   */
  readonly account?: string;

  /**
   * The Region of the function, when it is another Region than the stack's.
   *
   * @default - the stack's Region
   * @experimental
   */
  readonly region?: string;
}

/**
 * Metrics of one Lambda function, or account-wide (namespace `AWS/Lambda`, period 5 minutes).
 *
 * `Errors` is not published while there are no invocations: alarms on it need
 * `TreatMissingData.NOT_BREACHING`. Builds metrics only; never creates resources.
 *
 * No metric sets a unit: an alarm that filters on a unit the service does not publish gets no data
 * (the PutMetricAlarm reference recommends omitting it), and graphs ignore units.
 */
export class LambdaMetrics {
  /** The CloudWatch namespace of AWS Lambda. */
  public static readonly NAMESPACE = 'AWS/Lambda';

  /** The function name, or undefined for account-wide metrics. */
  public readonly functionName?: string;

  /** The account and Region the metrics are read from (cross-account observability). */
  private readonly location: { account?: string; region?: string };

  constructor(props: LambdaMetricsProps = {}) {
    this.functionName = props.functionName;
    this.location = { account: props.account, region: props.region };
  }

  /** The dimensions (`FunctionName`, or none account-wide). */
  public get dimensions(): { [name: string]: string } {
    return this.functionName === undefined ? {} : { FunctionName: this.functionName };
  }

  /** Any `AWS/Lambda` metric. @default statistic Sum, period 5 minutes */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return buildMetric(LambdaMetrics.NAMESPACE, metricName, this.dimensions,
      { statistic: cloudwatch.Stats.SUM, ...locationOptions(this.location) }, props);
  }

  /** Invocations. @default Sum */
  public metricInvocations(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('Invocations', props);
  }

  /** Invocations that ended in a function error. @default Sum */
  public metricErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('Errors', props);
  }

  /** Invocation requests throttled. @default Sum */
  public metricThrottles(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('Throttles', props);
  }

  /**
   * Duration in milliseconds, with any statistic (`Stats.p(99)`, `'p50'`, `Stats.AVERAGE`...).
   * @default Average
   */
  public metricDuration(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('Duration', { statistic: cloudwatch.Stats.AVERAGE, ...props });
  }

  /** Instances running at the same time. @default Maximum */
  public metricConcurrentExecutions(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ConcurrentExecutions', { statistic: cloudwatch.Stats.MAXIMUM, ...props });
  }
}
