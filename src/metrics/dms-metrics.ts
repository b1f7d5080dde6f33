import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { buildMetric, locationOptions } from './metric-defaults';
import { DmsReplicationTask } from '../model/monitored-resources';

/**
 * Metrics of one DMS replication task (namespace `AWS/DMS`, dimensions
 * `ReplicationInstanceIdentifier` + `ReplicationTaskIdentifier`, period 5 minutes).
 *
 * Builds metrics only; never creates resources. A task with `account` / `region` gets metrics of
 * that account and Region (cross-account observability).
 *
 * No metric sets a unit: an alarm that filters on a unit the service does not publish gets no data
 * (the PutMetricAlarm reference recommends omitting it), and graphs ignore units.
 */
export class DmsMetrics {
  /** The CloudWatch namespace of AWS DMS. */
  public static readonly NAMESPACE = 'AWS/DMS';

  /** The task these metrics describe. */
  public readonly task: DmsReplicationTask;

  constructor(task: DmsReplicationTask) {
    this.task = task;
  }

  /** The dimensions identifying the task. */
  public get dimensions(): { [name: string]: string } {
    return {
      ReplicationInstanceIdentifier: this.task.replicationInstanceIdentifier,
      ReplicationTaskIdentifier: this.task.replicationTaskIdentifier,
    };
  }

  /** Any `AWS/DMS` task metric. @default statistic Average, period 5 minutes */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return buildMetric(DmsMetrics.NAMESPACE, metricName, this.dimensions,
      { statistic: cloudwatch.Stats.AVERAGE, ...locationOptions(this.task) }, props);
  }

  /** Seconds between the source's last event and the task reading it. @default Maximum */
  public metricCdcLatencySource(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('CDCLatencySource', { statistic: cloudwatch.Stats.MAXIMUM, ...props });
  }

  /** Seconds between a change at the source and its commit at the target (the replication lag). @default Maximum */
  public metricCdcLatencyTarget(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('CDCLatencyTarget', { statistic: cloudwatch.Stats.MAXIMUM, ...props });
  }

  /** Rows per second read from the source. @default Average */
  public metricCdcThroughputRowsSource(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('CDCThroughputRowsSource', props);
  }

  /** Rows per second written to the target. @default Average */
  public metricCdcThroughputRowsTarget(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('CDCThroughputRowsTarget', props);
  }

  /** Kilobytes per second read from the source. @default Average */
  public metricCdcThroughputBandwidthSource(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('CDCThroughputBandwidthSource', props);
  }

  /** Kilobytes per second written to the target. @default Average */
  public metricCdcThroughputBandwidthTarget(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('CDCThroughputBandwidthTarget', props);
  }

  /** Change events waiting to be applied to the target. @default Maximum */
  public metricCdcIncomingChanges(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('CDCIncomingChanges', { statistic: cloudwatch.Stats.MAXIMUM, ...props });
  }
}

/**
 * Properties of `DmsReplicationInstanceMetrics`.
 */
export interface DmsReplicationInstanceMetricsProps {
  /** The replication instance's identifier (the `ReplicationInstanceIdentifier` dimension). */
  readonly replicationInstanceIdentifier: string;

  /**
   * The account of the instance, when it is a source account's (cross-account observability).
   *
   * @default - the stack's account
   */
  readonly account?: string;

  /**
   * The Region of the instance.
   *
   * @default - the stack's Region
   */
  readonly region?: string;
}

/**
 * Host metrics of one DMS replication instance (namespace `AWS/DMS`, dimension
 * `ReplicationInstanceIdentifier` only, period 5 minutes): CPU, freeable memory, free storage and
 * swap. A full disk stops replication, so `FreeStorageSpace` is the one to alarm on.
 *
 * Names and units from the AWS DMS User Guide, "Monitoring AWS DMS tasks", replication instance
 * metrics (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Monitoring.html):
 * `CPUUtilization` (Percent), `FreeableMemory`, `FreeStorageSpace`, `SwapUsage` (Bytes).
 *
 * Builds metrics only. No metric sets a unit.
 */
export class DmsReplicationInstanceMetrics {
  /** The replication instance's identifier. */
  public readonly replicationInstanceIdentifier: string;

  private readonly location: cloudwatch.MetricOptions;

  constructor(props: DmsReplicationInstanceMetricsProps) {
    this.replicationInstanceIdentifier = props.replicationInstanceIdentifier;
    this.location = locationOptions(props);
  }

  /** Any `AWS/DMS` replication instance metric. @default statistic Average, period 5 minutes */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return buildMetric(DmsMetrics.NAMESPACE, metricName, { ReplicationInstanceIdentifier: this.replicationInstanceIdentifier },
      { statistic: cloudwatch.Stats.AVERAGE, ...this.location }, props);
  }

  /** Percent of CPU in use. @default Average */
  public metricCpuUtilization(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('CPUUtilization', props);
  }

  /** Bytes of random access memory available. @default Minimum (the low point matters) */
  public metricFreeableMemory(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('FreeableMemory', { statistic: cloudwatch.Stats.MINIMUM, ...props });
  }

  /** Bytes of storage space available. @default Minimum (the low point matters) */
  public metricFreeStorageSpace(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('FreeStorageSpace', { statistic: cloudwatch.Stats.MINIMUM, ...props });
  }

  /** Bytes of swap space used. @default Maximum */
  public metricSwapUsage(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('SwapUsage', { statistic: cloudwatch.Stats.MAXIMUM, ...props });
  }
}
