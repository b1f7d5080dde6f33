import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { AlarmSeverity } from '../notifications/alarm-severity';

/**
 * One alarm on an ML metric, e.g. forecast accuracy below a floor:
 * `{ componentId: 'market-intelligence', metricName: 'ForecastAccuracy', threshold: 80,
 *    comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD }`.
 *
 * A static threshold. For anomaly detection, mark the metric in the ML catalog instead
 * (`MlMetricDefinitionProps.anomalyDetection`, `MlComponent.withAnomalyDetection`).
 *
 * @experimental
 */
export interface MlMetricAlarmDefinition {
  /** The id of the ML component, e.g. `market-intelligence`. */
  readonly componentId: string;

  /** The metric within the component, e.g. `ForecastAccuracy`. */
  readonly metricName: string;

  /** The threshold, in the metric's unit (e.g. percent for accuracies). */
  readonly threshold: number;

  /**
   * How the statistic is compared with the threshold: one of the four static comparisons
   * (anomaly-detection bands come from the ML catalog's `anomalyDetection`).
   */
  readonly comparisonOperator: cloudwatch.ComparisonOperator;

  /**
   * The number of periods to evaluate.
   *
   * @default 3
   */
  readonly evaluationPeriods?: number;

  /**
   * How many of the evaluated periods must breach.
   *
   * @default - all of `evaluationPeriods`
   */
  readonly datapointsToAlarm?: number;

  /**
   * The period of the metric.
   *
   * @default Duration.minutes(5)
   */
  readonly period?: Duration;

  /**
   * The statistic.
   *
   * @default - the metric's default statistic from the catalog
   */
  readonly statistic?: string;

  /**
   * How missing data is treated (a model that stops publishing produces none).
   *
   * @default cloudwatch.TreatMissingData.MISSING
   */
  readonly treatMissingData?: cloudwatch.TreatMissingData;

  /**
   * A runbook link added to the alarm description.
   *
   * @default - none
   */
  readonly runbookUrl?: string;

  /**
   * How urgent the alarm is (which severity route it notifies).
   *
   * @default AlarmSeverity.WARNING
   */
  readonly severity?: AlarmSeverity;
}
