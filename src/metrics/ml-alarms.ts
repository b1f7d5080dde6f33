import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { DeploymentEnvironment } from '../environment';
import { MlMetricCatalog } from './ml-catalog';
import { MlComponent } from './ml-component';
import { DEFAULT_ML_METRIC_PERIOD } from './ml-defaults';
import { mlComponentsProblem } from './ml-validation';
import { validationError } from '../private/errors';
import { PlatformNaming } from '../private/naming';

const MAX_ALARM_NAME_LENGTH = 255;
const MAX_ACTIONS_PER_STATE = 5;

/**
 * One alarm on an ML metric, e.g. forecast accuracy below a floor:
 * `{ componentId: 'market-intelligence', metricName: 'ForecastAccuracy', threshold: 80,
 *    comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD }`.
 */
export interface MlMetricAlarmDefinition {
  /** The id of the ML component, e.g. `market-intelligence`. */
  readonly componentId: string;

  /** The metric within the component, e.g. `ForecastAccuracy`. */
  readonly metricName: string;

  /** The threshold, in the metric's unit (e.g. percent for accuracies). */
  readonly threshold: number;

  /**
   * How the statistic is compared with the threshold. Anomaly-detection operators are not
   * supported.
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
}

/**
 * Properties of `MlMetricAlarms`.
 */
export interface MlMetricAlarmsProps {
  /** The project name: the metric namespace and the alarm-name prefix. */
  readonly projectName: string;

  /**
   * The deployment environment (part of the alarm names).
   *
   * @default DeploymentEnvironment.PROD
   */
  readonly environment?: DeploymentEnvironment;

  /**
   * The ML components the alarms refer to.
   *
   * @default MlMetricCatalog.defaultComponents()
   */
  readonly mlComponents?: MlComponent[];

  /** The alarms to create (at most one per component, metric and direction). */
  readonly alarms: MlMetricAlarmDefinition[];

  /**
   * Actions run when an alarm enters ALARM and when it returns to OK (e.g. an `SnsAction` on the
   * alert topic). At most 5.
   *
   * @default - none: add them later (`PlatformMonitoring` adds its alert topic)
   */
  readonly actions?: cloudwatch.IAlarmAction[];
}

/**
 * Alarms on the platform's ML metrics, named `<project>-<env>-ml-<component>-<metric>-low|high`.
 *
 * `actions` (if any) run on ALARM and on OK; `PlatformMonitoring` adds its alert topic's.
 */
export class MlMetricAlarms extends Construct {
  /** The alarms, in the order of `alarms`. */
  public readonly alarms: cloudwatch.IAlarm[];

  constructor(scope: Construct, id: string, props: MlMetricAlarmsProps) {
    super(scope, id);
    const environment = props.environment ?? DeploymentEnvironment.PROD;
    const naming = new PlatformNaming(props.projectName, environment);
    const components = props.mlComponents ?? MlMetricCatalog.defaultComponents();
    const problem = mlComponentsProblem(components);
    if (problem) throw validationError(this, problem);
    const catalog = new MlMetricCatalog({ namespace: naming.metricNamespace, components });
    const dashboardName = naming.dashboardName('ml-performance');
    if ((props.actions ?? []).length > MAX_ACTIONS_PER_STATE) {
      throw validationError(this, `actions lists ${props.actions!.length} actions; CloudWatch allows ${MAX_ACTIONS_PER_STATE} per alarm state.`);
    }

    const keys = new Set<string>();
    this.alarms = props.alarms.map(a => {
      const component = components.find(c => c.id === a.componentId);
      if (!component) {
        throw validationError(this, `ML alarm refers to the component "${a.componentId}", which is not in mlComponents `
          + `(${components.map(c => c.id).join(', ')}).`);
      }
      const definition = component.metrics.find(m => m.metricName === a.metricName);
      if (!definition) {
        throw validationError(this, `ML alarm refers to the metric "${a.metricName}" of "${a.componentId}", which has only `
          + `${component.metrics.map(m => m.metricName).join(', ')}.`);
      }
      validateAlarmNumbers(this, a);
      const direction = directionOf(this, a.comparisonOperator);
      const key = `ml-${component.id}-${kebab(definition.metricName)}-${direction}`;
      if (keys.has(key)) {
        throw validationError(this, `Two ML alarms watch ${component.metricPrefix}.${definition.metricName} in the same `
          + 'direction: keep one (alarm names must be unique).');
      }
      keys.add(key);
      const alarmName = naming.alarmName(key);
      if (alarmName.length > MAX_ALARM_NAME_LENGTH) {
        throw validationError(this, `The alarm name "${alarmName}" is longer than ${MAX_ALARM_NAME_LENGTH} characters: `
          + 'use a shorter component id or metric name.');
      }
      const fullName = catalog.fullMetricName(component.id, definition.metricName);
      // No label: a labelled metric would turn the alarm into a metric-math style alarm.
      const metric = new cloudwatch.Metric({
        namespace: catalog.namespace,
        metricName: fullName,
        statistic: a.statistic ?? definition.statistic,
        period: a.period ?? DEFAULT_ML_METRIC_PERIOD,
      });
      const alarm = new cloudwatch.Alarm(this, `${component.id}-${definition.metricName}-${direction}`, {
        alarmName,
        alarmDescription: `${component.displayName}: ${fullName} (${metric.statistic}) is ${direction === 'low' ? 'below' : 'above'} `
          + `${a.threshold} ${definition.unit}. See the CloudWatch dashboard "${dashboardName}".`
          + (a.runbookUrl ? ` Runbook: ${a.runbookUrl}` : ''),
        metric,
        threshold: a.threshold,
        comparisonOperator: a.comparisonOperator,
        evaluationPeriods: a.evaluationPeriods ?? 3,
        datapointsToAlarm: a.datapointsToAlarm,
        treatMissingData: a.treatMissingData ?? cloudwatch.TreatMissingData.MISSING,
      });
      for (const action of props.actions ?? []) {
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
      }
      return alarm;
    });
  }
}

function validateAlarmNumbers(scope: Construct, a: MlMetricAlarmDefinition): void {
  const what = `ML alarm on ${a.componentId}/${a.metricName}`;
  if (!Token.isUnresolved(a.threshold) && !Number.isFinite(a.threshold)) {
    throw validationError(scope, `${what}: threshold must be a finite number; got ${a.threshold}.`);
  }
  const periods = a.evaluationPeriods ?? 3;
  if (!Number.isInteger(periods) || periods < 1) {
    throw validationError(scope, `${what}: evaluationPeriods must be a whole number of at least 1; got ${periods}.`);
  }
  if (a.datapointsToAlarm !== undefined
    && (!Number.isInteger(a.datapointsToAlarm) || a.datapointsToAlarm < 1 || a.datapointsToAlarm > periods)) {
    throw validationError(scope, `${what}: datapointsToAlarm must be a whole number from 1 to evaluationPeriods (${periods}); `
      + `got ${a.datapointsToAlarm}.`);
  }
}

function directionOf(scope: Construct, op: cloudwatch.ComparisonOperator): 'low' | 'high' {
  switch (op) {
    case cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD:
    case cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD:
      return 'low';
    case cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD:
    case cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD:
      return 'high';
    default:
      throw validationError(scope, `ML alarms support static thresholds only; ${op} needs an anomaly-detection band.`);
  }
}

function kebab(name: string): string {
  return name.replace(/_/g, '-').replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').toLowerCase();
}
