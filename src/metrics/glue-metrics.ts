import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { buildMetric, locationOptions } from './metric-defaults';

/**
 * The extra dimension of the reliability ("error") observability metrics.
 *
 * AWS Glue Developer Guide, "Monitoring with AWS Glue Observability metrics", shows the observability
 * dimensions only by example; verified only in an account, by test/integ/integ.metric-dimensions.ts
 * (ListMetrics lists `glue.succeed.ALL` and `glue.error.ALL` with exactly `JobName`, `JobRunId=ALL`,
 * `ObservabilityGroup=error`, `Type=count`).
 */
const OBSERVABILITY_ERROR_GROUP = { ObservabilityGroup: 'error' };

/**
 * Properties of `GlueJobMetrics`.
 */
export interface GlueJobMetricsProps {
  /** The Glue job's name (the `JobName` dimension). */
  readonly jobName: string;

  /**
   * The account of the job, when it is another (source) account than the stack's, linked to it by
   * CloudWatch cross-account observability: graphs carry this `accountId` and alarms read the
   * metric with it.
   *
   * @default - the stack's account
   * @experimental
   */
  readonly account?: string;
}

/**
 * Job metrics of one Glue job (namespace `Glue`, dimensions `JobName`, `JobRunId=ALL`,
 * `Type=count`, period 5 minutes). Glue publishes them only when job metrics are enabled
 * (`--enable-metrics`), and not for runs that fail before starting tasks: the platform's
 * `Glue Job State Change` event metrics cover those. Builds metrics only.
 *
 * No metric sets a unit: an alarm that filters on a unit the service does not publish gets no data
 * (the PutMetricAlarm reference recommends omitting it), and graphs ignore units.
 */
export class GlueJobMetrics {
  /** The namespace of Glue job metrics: `Glue` (not `AWS/Glue`). */
  public static readonly NAMESPACE = 'Glue';

  /** The dimensions of the aggregate (all runs) count metrics. */
  public readonly dimensions: { [name: string]: string };

  /** The account the metrics are read from (cross-account observability), when not the stack's. */
  private readonly account?: string;

  constructor(props: GlueJobMetricsProps) {
    this.dimensions = { JobName: props.jobName, JobRunId: 'ALL', Type: 'count' };
    this.account = props.account;
  }

  /** Any Glue job metric, e.g. `glue.driver.aggregate.elapsedTime`. @default statistic Sum, period 5 minutes */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return buildMetric(GlueJobMetrics.NAMESPACE, metricName, this.dimensions,
      { statistic: cloudwatch.Stats.SUM, ...locationOptions({ account: this.account }) }, props);
  }

  /** Tasks completed across the job's runs. @default Sum */
  public metricCompletedTasks(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('glue.driver.aggregate.numCompletedTasks', props);
  }

  /** Tasks failed across the job's runs. @default Sum */
  public metricFailedTasks(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('glue.driver.aggregate.numFailedTasks', props);
  }

  /**
   * Successful runs (`glue.succeed.ALL`), a Glue observability metric: Glue 4.0 and later, only for
   * jobs run with the job argument `--enable-observability-metrics` set to `true` (AWS Glue
   * Developer Guide, "Monitoring with AWS Glue Observability metrics",
   * https://docs.aws.amazon.com/glue/latest/dg/monitor-observability.html). Dimensions: those of the
   * task metrics plus `ObservabilityGroup=error`.
   * @default Sum
   * @experimental the observability dimensions were taken from deployed dashboards, not from the AWS page.
   */
  public metricObservedSucceeded(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('glue.succeed.ALL', { ...props, dimensionsMap: { ...OBSERVABILITY_ERROR_GROUP, ...props?.dimensionsMap } });
  }

  /**
   * Failed runs of any error category (`glue.error.ALL`), a Glue observability metric (see
   * `metricObservedSucceeded`); each category is its own metric, `glue.error.<CATEGORY>`.
   * @default Sum
   * @experimental the observability dimensions were taken from deployed dashboards, not from the AWS page.
   */
  public metricObservedErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('glue.error.ALL', { ...props, dimensionsMap: { ...OBSERVABILITY_ERROR_GROUP, ...props?.dimensionsMap } });
  }
}
