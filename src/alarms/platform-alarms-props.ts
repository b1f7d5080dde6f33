import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AlarmOptions } from './alarm-options';
import { DeploymentEnvironment } from '../core/environment';
import { MlComponent } from '../metrics/ml-component';
import { MonitoredResourceProps } from '../model/monitored-resource-props';

/**
 * Properties of `PlatformAlarms`: the resources to watch (`MonitoredResourceProps`), where their
 * events and trail logs are, and its `AlarmOptions` (each alarm's `AlarmSettings`, actions, security
 * and ML alarms).
 *
 * What each list gets: DMS replication lag and source latency alarms per task and a free storage
 * alarm per replication instance; 5xx and p99 latency alarms per REST / HTTP API stage; Lambda
 * errors and throttles summed over the functions (account-wide without any); Batch, Glue crawler and
 * Glue job failure alarms from the captured events (with `eventsLogGroup`: the queues, crawlers and
 * jobs listed limit the events; with `eventCapture` false, the Batch alarm sums the listed queues'
 * native `JobsMovedToFailed`). A Batch queue or Glue job of a source account (an ARN of another
 * account, same Region) gets its own alarm on its metrics, read with its account ID (its events
 * never arrive here). Every resource must be in the stack's Region: an alarm watches metrics of its
 * own Region.
 */
export interface PlatformAlarmsProps extends AlarmOptions, MonitoredResourceProps {
  /** The project name: alarm names are `<projectName>-<environment>-<key>`. */
  readonly projectName: string;

  /**
   * The deployment environment.
   *
   * @default DeploymentEnvironment.PROD
   */
  readonly environment?: DeploymentEnvironment;

  /**
   * The alert topic every alarm notifies on ALARM and OK (unless `notifyAlertTopic` is false).
   *
   * @default - no topic: alarms take only the `actions`
   */
  readonly alertTopic?: sns.ITopic;

  /**
   * The encrypted log group (under `/aws/events/`) for Batch, Glue and DMS task state-change events.
   * When set (and `eventCapture` is on), a `PlatformEvents` is created on it and the Batch and Glue
   * failure alarms are added (DMS task events get no alarm: see the README).
   *
   * @default - no Batch or Glue alarms
   */
  readonly eventsLogGroup?: logs.ILogGroup;

  /**
   * The CloudTrail log group for the CIS security alarms (`securityAlarms`).
   *
   * @default - no security alarms
   */
  readonly trailLogGroup?: logs.ILogGroup;

  /**
   * The platform's ML components, whose metrics `mlAlarms` refer to and whose metrics with
   * `anomalyDetection` get anomaly-detection alarms.
   *
   * @default - none: no ML alarms
   */
  readonly mlComponents?: MlComponent[];
}
