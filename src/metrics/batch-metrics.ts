import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { buildMetric, locationOptions } from './metric-defaults';

// Source for every name, unit and dimension below: AWS Batch User Guide, "Using CloudWatch Metrics
// with AWS Batch", https://docs.aws.amazon.com/batch/latest/userguide/using_cloudwatch_metrics.html
// - namespace `AWS/Batch`, published at no additional charge, on a best-effort basis;
// - a single dimension, `JobQueueName` (the name of the queue the job was submitted to);
// - state-transition metrics use the unit Count, duration metrics the unit Milliseconds.
// The page names no recommended statistics: counts are summed, durations averaged (Maximum on
// request), the usual choice for event counts and latencies.

/**
 * Properties of `BatchJobQueueMetrics`.
 */
export interface BatchJobQueueMetricsProps {
  /** The job queue's name (the `JobQueueName` dimension): the name, not the ARN. */
  readonly jobQueueName: string;

  /**
   * The account of the queue, when it is another (source) account than the stack's, linked to it
   * by CloudWatch cross-account observability: graphs carry this `accountId` and alarms read the
   * metric with it.
   *
   * @default - the stack's account
   * @experimental
   */
  readonly account?: string;

  /**
   * The Region of the queue, when it is another Region than the stack's (dashboards only: an alarm
   * watches metrics of its own Region).
   *
   * @default - the stack's Region
   * @experimental
   */
  readonly region?: string;
}

/**
 * The job metrics AWS Batch publishes natively for one job queue (namespace `AWS/Batch`,
 * dimension `JobQueueName`, period 5 minutes): state-transition counts (unit Count, statistic Sum)
 * and durations (unit Milliseconds, statistic Average).
 *
 * AWS publishes them at no charge but on a best-effort basis: a transition is occasionally missed
 * (e.g. a job that fails right after it starts may never count as RUNNING). Array jobs count each
 * child, except `JobsSubmitted`, whose value is the array size.
 *
 * Builds metrics only; never creates resources. No metric sets a unit (graphs ignore units and an
 * alarm on a unit the service does not publish gets no data).
 *
 * @see https://docs.aws.amazon.com/batch/latest/userguide/using_cloudwatch_metrics.html
 * @experimental AWS Batch introduced these metrics recently; more may be added.
 */
export class BatchJobQueueMetrics {
  /** The CloudWatch namespace of AWS Batch job metrics. */
  public static readonly NAMESPACE = 'AWS/Batch';
  /** The only dimension of AWS Batch job metrics. */
  public static readonly JOB_QUEUE_NAME_DIMENSION = 'JobQueueName';

  /** The job queue's name. */
  public readonly jobQueueName: string;

  /** The account and Region the metrics are read from (cross-account observability). */
  private readonly location: { account?: string; region?: string };

  constructor(props: BatchJobQueueMetricsProps) {
    this.jobQueueName = props.jobQueueName;
    this.location = { account: props.account, region: props.region };
  }

  /** The dimensions identifying the queue. */
  public get dimensions(): { [name: string]: string } {
    return { [BatchJobQueueMetrics.JOB_QUEUE_NAME_DIMENSION]: this.jobQueueName };
  }

  /** Any `AWS/Batch` job metric of the queue. @default statistic Sum, period 5 minutes */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return buildMetric(BatchJobQueueMetrics.NAMESPACE, metricName, this.dimensions,
      { statistic: cloudwatch.Stats.SUM, ...locationOptions(this.location) }, props);
  }

  /** Jobs submitted (`JobsSubmitted`; an array job counts its array size). @default Sum */
  public metricJobsSubmitted(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('JobsSubmitted', props);
  }

  /** Jobs that moved to PENDING (`JobsMovedToPending`). @default Sum */
  public metricJobsMovedToPending(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('JobsMovedToPending', props);
  }

  /** Jobs that moved to RUNNABLE, first time or retry (`JobsMovedToRunnable`). @default Sum */
  public metricJobsMovedToRunnable(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('JobsMovedToRunnable', props);
  }

  /** Jobs that moved to STARTING (`JobsMovedToStarting`). @default Sum */
  public metricJobsMovedToStarting(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('JobsMovedToStarting', props);
  }

  /** Jobs that moved to RUNNING (`JobsMovedToRunning`). @default Sum */
  public metricJobsMovedToRunning(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('JobsMovedToRunning', props);
  }

  /** Jobs that completed successfully (`JobsMovedToSucceeded`). @default Sum */
  public metricJobsMovedToSucceeded(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('JobsMovedToSucceeded', props);
  }

  /**
   * Jobs that moved to FAILED (`JobsMovedToFailed`). Includes jobs that were cancelled or
   * terminated on request (`metricJobsCancelled`, `metricJobsTerminated`). @default Sum
   */
  public metricJobsMovedToFailed(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('JobsMovedToFailed', props);
  }

  /** Jobs cancelled before they started running (`JobsCancelled`). @default Sum */
  public metricJobsCancelled(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('JobsCancelled', props);
  }

  /** Jobs terminated on request (`JobsTerminated`). @default Sum */
  public metricJobsTerminated(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('JobsTerminated', props);
  }

  /** Job attempts that failed and went back to RUNNABLE to be retried (`JobsRetried`). @default Sum */
  public metricJobsRetried(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('JobsRetried', props);
  }

  /** Milliseconds from SUBMITTED to RUNNABLE (`JobSubmittedToRunnableDuration`). @default Average */
  public metricSubmittedToRunnableDuration(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('JobSubmittedToRunnableDuration', { statistic: cloudwatch.Stats.AVERAGE, ...props });
  }

  /**
   * Milliseconds a job attempt waited in RUNNABLE for compute capacity before STARTING
   * (`JobAttemptRunnableToStartingDuration`; compute jobs only): the time waiting in the queue.
   * @default Average
   */
  public metricRunnableToStartingDuration(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('JobAttemptRunnableToStartingDuration', { statistic: cloudwatch.Stats.AVERAGE, ...props });
  }

  /** Milliseconds from SUBMITTED to the first STARTING (`JobSubmittedToFirstStartingDuration`; compute jobs only). @default Average */
  public metricSubmittedToFirstStartingDuration(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('JobSubmittedToFirstStartingDuration', { statistic: cloudwatch.Stats.AVERAGE, ...props });
  }

  /** Milliseconds a job attempt spent in STARTING (`JobAttemptStartingToRunningDuration`). @default Average */
  public metricStartingToRunningDuration(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('JobAttemptStartingToRunningDuration', { statistic: cloudwatch.Stats.AVERAGE, ...props });
  }

  /** Milliseconds a job attempt ran, from start to stop (`JobAttemptExecutionDuration`): the run time. @default Average */
  public metricAttemptExecutionDuration(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('JobAttemptExecutionDuration', { statistic: cloudwatch.Stats.AVERAGE, ...props });
  }

  /** Milliseconds from STARTING to the end of a job attempt (`JobAttemptDuration`). @default Average */
  public metricAttemptDuration(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('JobAttemptDuration', { statistic: cloudwatch.Stats.AVERAGE, ...props });
  }
}
