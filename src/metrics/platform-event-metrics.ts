import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { buildMetric } from './metric-defaults';

/**
 * An AWS Batch job status counted by the platform's event metrics.
 */
export enum BatchJobStatus {
  /**
   * A job's first state-change event: AWS Batch sends none for the submission itself, so a job is
   * counted as submitted when it first reports PENDING, or RUNNABLE with no dependency and no attempt yet.
   */
  SUBMITTED = 'Submitted',
  /**
   * The job entered RUNNABLE (waiting for compute capacity), including retries. Not published by
   * `PlatformEvents` (use AWS Batch's `JobsMovedToRunnable`, `BatchJobQueueMetrics`).
   */
  RUNNABLE = 'Runnable',
  /** The job entered STARTING. Not published by `PlatformEvents` (use AWS Batch's `JobsMovedToStarting`). */
  STARTING = 'Starting',
  /** The job entered RUNNING. */
  RUNNING = 'Running',
  /** The job SUCCEEDED. */
  SUCCEEDED = 'Succeeded',
  /** The job FAILED (after its last attempt). */
  FAILED = 'Failed',
}

/**
 * The outcome of a Glue crawler run (`Glue Crawler State Change` events).
 */
export enum GlueCrawlerOutcome {
  /** The crawler run succeeded. */
  SUCCEEDED = 'Succeeded',
  /** The crawler run failed. */
  FAILED = 'Failed',
}

/**
 * The outcome of a Glue job run (`Glue Job State Change` events).
 */
export enum GlueJobOutcome {
  /** The run SUCCEEDED. */
  SUCCEEDED = 'Succeeded',
  /** The run FAILED. */
  FAILED = 'Failed',
  /** The run hit its TIMEOUT. */
  TIMED_OUT = 'TimedOut',
}

/**
 * Properties of `PlatformEventMetrics`.
 *
 * @experimental AWS Batch now publishes native metrics: what is captured from events may change.
 */
export interface PlatformEventMetricsProps {
  /** The custom-metric namespace (`PlatformMonitoring.metricNamespace`: the project name in PROD, `<project>-<env>` elsewhere). */
  readonly namespace: string;
}

/**
 * The custom metrics that the platform's metric filters derive from EventBridge events (Glue
 * crawlers publish no metrics; Glue jobs that fail before Spark starts publish none; the Batch
 * totals cover every queue with one metric). All are counts (statistic Sum, period 5 minutes) in
 * the project namespace; each exists as a total (no dimension) and, for the Glue metrics of the
 * listed crawlers and jobs, per `CrawlerName` or `JobName`. Batch counts per queue are AWS Batch's
 * own `AWS/Batch` metrics: see `BatchJobQueueMetrics`.
 *
 * Builds metrics only; `PlatformEvents` creates the filters that publish them.
 *
 * No metric sets a unit: an alarm that filters on a unit the service does not publish gets no data
 * (the PutMetricAlarm reference recommends omitting it), and graphs ignore units.
 *
 * @experimental AWS Batch now publishes native metrics: what is captured from events may change.
 */
export class PlatformEventMetrics {
  /** Dimension of per-crawler metrics. */
  public static readonly CRAWLER_NAME_DIMENSION = 'CrawlerName';
  /** Dimension of per-job Glue metrics. */
  public static readonly JOB_NAME_DIMENSION = 'JobName';

  /** The metric name counting Batch jobs that reached `status`, e.g. `Batch.JobsFailed`. */
  public static batchJobsMetricName(status: BatchJobStatus): string {
    return `Batch.Jobs${status}`;
  }

  /** The metric name counting crawler runs with `outcome`, e.g. `Glue.CrawlerRunsFailed`. */
  public static glueCrawlerRunsMetricName(outcome: GlueCrawlerOutcome): string {
    return `Glue.CrawlerRuns${outcome}`;
  }

  /** The metric name counting Glue job runs with `outcome`, e.g. `Glue.JobRunsTimedOut`. */
  public static glueJobRunsMetricName(outcome: GlueJobOutcome): string {
    return `Glue.JobRuns${outcome}`;
  }

  /** The namespace of the metrics. */
  public readonly namespace: string;

  constructor(props: PlatformEventMetricsProps) {
    this.namespace = props.namespace;
  }

  /** Any metric of the project namespace. @default statistic Sum, period 5 minutes, no unit */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return buildMetric(this.namespace, metricName, {}, { statistic: cloudwatch.Stats.SUM }, props);
  }

  /**
   * Batch jobs that reached `status`, over every queue whose events the platform captures. For one
   * queue, use AWS Batch's native metrics (`BatchJobQueueMetrics`): the per-queue event metrics
   * are no longer published.
   */
  public metricBatchJobs(status: BatchJobStatus, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric(PlatformEventMetrics.batchJobsMetricName(status), props);
  }

  /**
   * Glue crawler runs with `outcome`, in total or for one crawler.
   * @param crawlerName the crawler (per-crawler metric) - default: all crawlers
   */
  public metricGlueCrawlerRuns(outcome: GlueCrawlerOutcome, crawlerName?: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    const name = PlatformEventMetrics.glueCrawlerRunsMetricName(outcome);
    return this.withDimension(name, PlatformEventMetrics.CRAWLER_NAME_DIMENSION, crawlerName, props);
  }

  /**
   * Glue job runs with `outcome`, in total or for one job.
   * @param jobName the job (per-job metric) - default: all jobs
   */
  public metricGlueJobRuns(outcome: GlueJobOutcome, jobName?: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.withDimension(PlatformEventMetrics.glueJobRunsMetricName(outcome), PlatformEventMetrics.JOB_NAME_DIMENSION, jobName, props);
  }

  private withDimension(metricName: string, dimension: string, value: string | undefined, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    const dimensionsMap = value === undefined ? {} : { [dimension]: value };
    return this.metric(metricName, { ...props, dimensionsMap: { ...dimensionsMap, ...(props?.dimensionsMap ?? {}) } });
  }
}
