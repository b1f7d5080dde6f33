import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { IAlarmActionStrategy } from './alarm-action-strategy';
import { ML_ALARM_SEVERITY } from './alarm-catalog';
import { AlarmFactory } from './alarm-factory';
import { MlMetricAlarmDefinition } from './ml-alarm-definition';
import { SeverityRoutingOptions } from './severity-routing-options';
import { DeploymentEnvironment } from '../environment';
import { MlMetricCatalog } from '../metrics/ml-catalog';
import { MlComponent } from '../metrics/ml-component';
import { DEFAULT_ML_METRIC_PERIOD } from '../metrics/ml-defaults';
import { mlComponentsProblem } from '../metrics/ml-validation';
import { validationError } from '../private/errors';
import { checkList } from '../private/input-checks';
import { PlatformNaming } from '../private/naming';
import { resolveEnvironment } from '../private/validation';

/**
 * Properties of `MlMetricAlarms`.
 *
 * @experimental anomaly-detection alarms on ML metrics are coming and may reshape it.
 */
export interface MlMetricAlarmsProps extends SeverityRoutingOptions {
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
  readonly mlAlarms: MlMetricAlarmDefinition[];

  /**
   * What every alarm does on its state changes (e.g. an `SnsAlarmActionStrategy` for the alert
   * topic, which notifies on ALARM and OK).
   *
   * @default - no actions
   */
  readonly actions?: IAlarmActionStrategy[];
}

/**
 * Alarms on the platform's ML metrics, named `<project>-<env>-ml-<component>-<metric>-low|high`.
 *
 * Built by the same alarm factory as every other alarm of the platform (naming, validation,
 * descriptions, actions). `PlatformAlarms` creates them from `mlAlarms`; use this construct for
 * ML alarms alone.
 *
 * @experimental anomaly-detection alarms on ML metrics are coming and may reshape it.
 */
export class MlMetricAlarms extends Construct {
  /** The alarms, in the order of `mlAlarms`. */
  public readonly alarms: cloudwatch.IAlarm[];

  constructor(scope: Construct, id: string, props: MlMetricAlarmsProps) {
    super(scope, id);
    const naming = new PlatformNaming(props.projectName, resolveEnvironment(this, props.environment));
    this.alarms = createMlAlarms(new AlarmFactory(this, naming, props.actions,
      { critical: props.criticalActions, warning: props.warningActions }), naming, props.mlComponents, props.mlAlarms);
  }
}

/**
 * Creates one alarm per definition through `factory`, in the factory's scope. Shared by
 * `MlMetricAlarms` and `PlatformAlarms`. Not exported from the package.
 */
export function createMlAlarms(factory: AlarmFactory, naming: PlatformNaming, mlComponents: MlComponent[] | undefined,
  definitions: MlMetricAlarmDefinition[], propName = 'mlAlarms'): cloudwatch.IAlarm[] {
  const scope = factory.scope;
  checkList(scope, propName, definitions);
  const components = mlComponents ?? MlMetricCatalog.defaultComponents();
  const problem = mlComponentsProblem(components);
  if (problem) throw validationError(scope, problem);
  const catalog = new MlMetricCatalog({ namespace: naming.metricNamespace, components });
  const where = `dashboard ${naming.dashboardName('ml-performance')}`;
  const keys = new Set<string>();
  return definitions.map((a, i) => {
    const prop = `${propName}[${i}]`;
    const component = components.find(c => c.id === a.componentId);
    if (!component) {
      throw validationError(scope, `${prop} refers to the component "${a.componentId}", which is not in mlComponents `
        + `(${components.map(c => c.id).join(', ')}).`);
    }
    const definition = component.metrics.find(m => m.metricName === a.metricName);
    if (!definition) {
      throw validationError(scope, `${prop} refers to the metric "${a.metricName}" of "${a.componentId}", which has only `
        + `${component.metrics.map(m => m.metricName).join(', ')}.`);
    }
    const direction = directionOf(scope, prop, a.comparisonOperator);
    const key = `ml-${component.id}-${kebab(definition.metricName)}-${direction}`;
    if (keys.has(key)) {
      throw validationError(scope, `Two of ${propName} watch ${component.metricPrefix}.${definition.metricName} in the same `
        + 'direction: keep one (alarm names must be unique).');
    }
    keys.add(key);
    const fullName = catalog.fullMetricName(component.id, definition.metricName);
    const statistic = a.statistic ?? definition.statistic;
    // No label: a labelled metric would turn the alarm into a metric-math style alarm.
    const metric = new cloudwatch.Metric({ namespace: catalog.namespace, metricName: fullName, statistic });
    return factory.create({
      key,
      metric,
      what: `${component.displayName}: ${fullName} (${catalog.namespace}, ${statistic})`,
      unit: definition.unit,
      where,
      defaults: {
        threshold: a.threshold,
        comparisonOperator: a.comparisonOperator,
        evaluationPeriods: 3,
        treatMissingData: cloudwatch.TreatMissingData.MISSING,
        period: DEFAULT_ML_METRIC_PERIOD,
        severity: ML_ALARM_SEVERITY,
      },
      options: {
        evaluationPeriods: a.evaluationPeriods,
        datapointsToAlarm: a.datapointsToAlarm,
        period: a.period,
        treatMissingData: a.treatMissingData,
        runbookUrl: a.runbookUrl,
        severity: a.severity,
      },
      optionsProp: prop,
      signedThreshold: true,
    })!;
  });
}

function directionOf(scope: Construct, prop: string, op: cloudwatch.ComparisonOperator): 'low' | 'high' {
  switch (op) {
    case cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD:
    case cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD:
      return 'low';
    case cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD:
    case cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD:
      return 'high';
    default:
      throw validationError(scope, `${prop}.comparisonOperator: ML alarms support static thresholds only; ${op} needs an `
        + 'anomaly-detection band.');
  }
}

function kebab(name: string): string {
  return name.replace(/_/g, '-').replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').toLowerCase();
}
