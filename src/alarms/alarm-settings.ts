import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { AlarmSeverity } from '../notifications/alarm-severity';

/**
 * The settings of one kind of alarm (threshold, period, evaluation periods, missing data, runbook,
 * whether it exists). Every field is optional: unset fields keep the alarm's documented default.
 */
export interface AlarmSettings {
  /**
   * Create this alarm at all.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The threshold, in the metric's unit (seconds for DMS latency, milliseconds for API latency,
   * counts otherwise). Must be a finite number ≥ 0.
   *
   * @default - the alarm's documented default
   */
  readonly threshold?: number;

  /**
   * The period over which the metric is aggregated (a multiple of one minute).
   *
   * @default Duration.minutes(5)
   */
  readonly period?: Duration;

  /**
   * How many periods are evaluated (an integer ≥ 1).
   *
   * @default - the alarm's documented default (1 for most alarms)
   */
  readonly evaluationPeriods?: number;

  /**
   * How many of the evaluated periods must breach (1..evaluationPeriods).
   *
   * @default - evaluationPeriods
   */
  readonly datapointsToAlarm?: number;

  /**
   * How missing data is treated.
   *
   * @default - the alarm's documented default (NOT_BREACHING for counts that are not published when zero)
   */
  readonly treatMissingData?: cloudwatch.TreatMissingData;

  /**
   * A runbook URL added to the alarm description.
   *
   * @default - none
   */
  readonly runbookUrl?: string;

  /**
   * How urgent the alarm is: decides which of the severity routes (`criticalActions` /
   * `warningActions`, and `PlatformMonitoring`'s severity topics and chat channels (`recipients`)) it
   * notifies, and prefixes its description (`[CRITICAL] ...`). The alert topic is told either way.
   *
   * @default - the alarm's documented default (see the README's alarm table)
   */
  readonly severity?: AlarmSeverity;
}
