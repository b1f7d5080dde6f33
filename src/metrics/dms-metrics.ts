import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { buildMetric, locationOptions } from './metric-defaults';
import { DmsReplicationTask } from './monitored-resources';

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
