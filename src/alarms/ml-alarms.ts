import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { ML_ALARM_SEVERITY, ML_ANOMALY_ALARM_DEFAULTS } from './alarm-catalog';
import { AlarmFactory, isAnomalyOperator } from './alarm-factory';
import { AlarmSettings } from './alarm-settings';
import { MlMetricAlarmDefinition } from './ml-alarm-definition';
import { DeploymentEnvironment } from '../core/environment';
import { PlatformNaming } from '../core/naming';
import { resolveEnvironment } from '../core/validation';
import { anomalyComparisonOperator } from '../metrics/ml-anomaly-band';
import { MlMetricCatalog } from '../metrics/ml-catalog';
import { MlComponent } from '../metrics/ml-component';
import { DEFAULT_ML_METRIC_PERIOD } from '../metrics/ml-defaults';
import { mlComponentsProblem } from '../metrics/ml-validation';
import { IAlarmActionStrategy } from '../notifications/alarm-action-strategy';
import { SeverityRoutingOptions } from '../notifications/severity-routing-options';
import { validationError } from '../private/errors';
import { checkList } from '../private/input-checks';

/**
 * The anomaly-detection alarms on ML metrics: settings for all of them, and per metric. Shared by
 * `AlarmOptions` (`PlatformMonitoring`'s `alarms`) and `MlMetricAlarmsProps`.
 *
 * @experimental
 */
export interface MlAnomalyAlarmOptions {
  /**
   * The anomaly-detection alarms, one per ML catalog metric marked with `anomalyDetection`
   * (`ml-<component>-<metric>-anomaly`): `enabled: false` removes them all; `period`,
   * `evaluationPeriods`, `datapointsToAlarm`, `treatMissingData`, `severity` and `runbookUrl` tune
   * them. `threshold` does not apply: the band's side and width are the catalog's
   * (`MlComponent.withAnomalyDetection`, `withoutAnomalyDetection`), so the dashboard draws the band
   * the alarm uses.
   *
   * @default - the README's alarm table: 3 of 3 periods of 5 min outside the band, missing data missing, WARNING
   */
  readonly mlAnomalyAlarms?: AlarmSettings;

  /**
   * Settings of single anomaly-detection alarms, keyed by the full metric name
   * (`<Prefix>.<Metric>`, e.g. `ComplianceGuardian.FraudDetectionRate`), applied over
   * `mlAnomalyAlarms`: e.g. `{ severity: AlarmSeverity.CRITICAL }` to page on one metric, or
   * `{ enabled: false }` to keep its band on the dashboard without an alarm. Each key must be a
   * catalog metric with `anomalyDetection`.
   *
   * @default - none
   */
  readonly mlAnomalyAlarmsByMetric?: { [fullMetricName: string]: AlarmSettings };
}

/**
 * Properties of `MlMetricAlarms`.
 *
 * @experimental
 */
export interface MlMetricAlarmsProps extends SeverityRoutingOptions, MlAnomalyAlarmOptions {
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
   * @default - none: no anomaly-detection alarms, and no `mlAlarms` can refer to a component
   */
  readonly mlComponents?: MlComponent[];

  /**
   * Static-threshold alarms to create (at most one per component, metric and direction).
   *
   * @default - none
   */
  readonly mlAlarms?: MlMetricAlarmDefinition[];

  /**
   * What every alarm does on its state changes (e.g. an `SnsAlarmActionStrategy` for the alert
   * topic, which notifies on ALARM and OK).
   *
   * @default - no actions
   */
  readonly actions?: IAlarmActionStrategy[];
}

/**
 * Alarms on the platform's ML metrics: static thresholds from `mlAlarms`
 * (`<project>-<env>-ml-<component>-<metric>-low|high`) and one anomaly-detection alarm per catalog
 * metric marked with `anomalyDetection` (`<project>-<env>-ml-<component>-<metric>-anomaly`).
 *
 * Built by the same alarm factory as every other alarm of the platform (naming, validation,
 * descriptions, actions). `PlatformAlarms` creates them; use this construct for ML alarms alone.
 *
 * @experimental
 */
export class MlMetricAlarms extends Construct {
  /** Every alarm: the static ones in the order of `mlAlarms`, then the anomaly-detection alarms. */
  public readonly allAlarms: cloudwatch.IAlarm[];

  /** The static-threshold alarms, in the order of `mlAlarms`. */
  public readonly thresholdAlarms: cloudwatch.IAlarm[];

  /** The anomaly-detection alarms, in catalog order. */
  public readonly anomalyAlarms: cloudwatch.IAlarm[];

  constructor(scope: Construct, id: string, props: MlMetricAlarmsProps) {
    super(scope, id);
    const naming = new PlatformNaming(props.projectName, resolveEnvironment(this, props.environment));
    const factory = new AlarmFactory(this, naming, props.actions, { critical: props.criticalActions, warning: props.warningActions });
    this.thresholdAlarms = createMlAlarms(factory, naming, props.mlComponents, props.mlAlarms ?? []);
    this.anomalyAlarms = createMlAnomalyAlarms(factory, naming, props.mlComponents, props);
    this.allAlarms = [...this.thresholdAlarms, ...this.anomalyAlarms];
  }
}

/**
 * Creates one anomaly-detection alarm per catalog metric with `anomalyDetection`, through `factory`,
 * unless `mlAnomalyAlarms.enabled` is false. Shared by `MlMetricAlarms` and `PlatformAlarms`. Not
 * exported from the package.
 */
export function createMlAnomalyAlarms(factory: AlarmFactory, naming: PlatformNaming, mlComponents: MlComponent[] | undefined,
  options: MlAnomalyAlarmOptions): cloudwatch.IAlarm[] {
  const scope = factory.scope;
  const components = mlComponents ?? [];
  const problem = mlComponentsProblem(components);
  if (problem) throw validationError(scope, problem);
  const catalog = new MlMetricCatalog({ namespace: naming.metricNamespace, components });
  const common = options.mlAnomalyAlarms ?? {};
  const byMetric = options.mlAnomalyAlarmsByMetric ?? {};
  if (byMetric === null || typeof byMetric !== 'object' || Array.isArray(byMetric)) {
    throw validationError(scope, 'mlAnomalyAlarmsByMetric must be an object keyed by full metric name, e.g. '
      + '{ "ComplianceGuardian.FraudDetectionRate": { severity: AlarmSeverity.CRITICAL } }.');
  }
  const marked = components.flatMap((c) => c.metrics.filter((m) => m.anomalyDetection).map((m) => ({ component: c, definition: m })));
  const names = marked.map(({ component, definition }) => component.fullMetricName(definition.metricName));
  for (const key of Object.keys(byMetric)) {
    if (!names.includes(key)) {
      throw validationError(scope, `mlAnomalyAlarmsByMetric["${key}"] is not an ML metric with anomalyDetection; the keys are full `
        + `metric names, one of: ${names.join(', ') || '(none: no catalog metric has anomalyDetection)'}.`);
    }
  }
  if (common.threshold !== undefined) throw validationError(scope, thresholdMessage('mlAnomalyAlarms'));
  if (!AlarmFactory.enabled(common)) return [];
  const where = `dashboard ${naming.dashboardName('ml-performance')} (the band on its graph)`;
  const alarms: cloudwatch.IAlarm[] = [];
  marked.forEach(({ component, definition }, i) => {
    const fullName = names[i];
    const own = byMetric[fullName] ?? {};
    const prop = `mlAnomalyAlarmsByMetric["${fullName}"]`;
    if (own.threshold !== undefined) throw validationError(scope, thresholdMessage(prop));
    const settings: AlarmSettings = { ...definedOnly(common), ...definedOnly(own) };
    const statistic = definition.statistic;
    const alarm = factory.create({
      key: `ml-${component.id}-${kebab(definition.metricName)}-anomaly`,
      // No label: the metric's own id and data feed the band.
      metric: new cloudwatch.Metric({ namespace: catalog.namespace, metricName: fullName, statistic }),
      what: `${component.displayName}: ${fullName} (${catalog.namespace}, ${statistic})`,
      where,
      defaults: {
        ...ML_ANOMALY_ALARM_DEFAULTS,
        threshold: definition.anomalyDetection!.bandWidth!,
        comparisonOperator: anomalyComparisonOperator(definition.anomalyDetection!.breach),
        period: DEFAULT_ML_METRIC_PERIOD,
      },
      options: settings,
      optionsProp: byMetric[fullName] ? prop : 'mlAnomalyAlarms',
    });
    if (alarm) alarms.push(alarm);
  });
  return alarms;
}

function thresholdMessage(prop: string): string {
  return `${prop}.threshold does not apply to anomaly-detection alarms: the band's side and width are the ML catalog's, so the `
    + 'dashboard shows the band the alarm uses. Change them with MlComponent.withAnomalyDetection(metricName, { breach, bandWidth }) '
    + 'in mlComponents.';
}

/** The settings that are set (an explicit `undefined` must not erase the common value). */
function definedOnly(settings: AlarmSettings): AlarmSettings {
  return Object.fromEntries(Object.entries(settings ?? {}).filter(([, v]) => v !== undefined)) as AlarmSettings;
}

/**
 * Creates one alarm per definition through `factory`, in the factory's scope. Shared by
 * `MlMetricAlarms` and `PlatformAlarms`. Not exported from the package.
 */
export function createMlAlarms(factory: AlarmFactory, naming: PlatformNaming, mlComponents: MlComponent[] | undefined,
  definitions: MlMetricAlarmDefinition[], propName = 'mlAlarms'): cloudwatch.IAlarm[] {
  const scope = factory.scope;
  checkList(scope, propName, definitions);
  const components = mlComponents ?? [];
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
        + `(${components.map(c => c.id).join(', ') || 'none listed: add the component to mlComponents'}).`);
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
      throw validationError(scope, `${prop}.comparisonOperator: mlAlarms are static-threshold alarms; ${op} compares with an `
        + `anomaly-detection band${isAnomalyOperator(op) ? ', which the ML catalog configures: mark the metric with '
          + 'MlComponent.withAnomalyDetection(metricName, { breach, bandWidth }) in mlComponents and an anomaly alarm is created for it' : ''}.`);
  }
}

function kebab(name: string): string {
  return name.replace(/_/g, '-').replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').toLowerCase();
}
