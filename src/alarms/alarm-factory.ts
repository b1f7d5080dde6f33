import { Duration, NestedStack, Token, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { AlarmSettings } from './alarm-settings';
import { PlatformNaming } from '../core/naming';
import { IAlarmActionStrategy } from '../notifications/alarm-action-strategy';
import { AlarmSeverity } from '../notifications/alarm-severity';
import { validationError } from '../private/errors';

/** CloudWatch's limits on alarm names and descriptions. */
const MAX_ALARM_NAME = 255;
const MAX_DESCRIPTION = 1024;

/** What one alarm kind defaults to; options may override all but the comparison. */
export interface AlarmDefaults {
  /** The threshold; for an anomaly-detection comparison, the band width in standard deviations. */
  readonly threshold: number;
  readonly comparisonOperator: cloudwatch.ComparisonOperator;
  readonly evaluationPeriods?: number;
  readonly datapointsToAlarm?: number;
  readonly treatMissingData: cloudwatch.TreatMissingData;
  readonly period?: Duration;
  /** Who is told: critical or warning (`AlarmSettings.severity` overrides it). @default WARNING */
  readonly severity?: AlarmSeverity;
}

/** The action strategies applied only to alarms of one severity, after the common ones. */
export interface SeverityActions {
  readonly critical?: IAlarmActionStrategy[];
  readonly warning?: IAlarmActionStrategy[];
}

/** The severity of every alarm the factories created (read by `severityOf`). */
const SEVERITIES = new WeakMap<object, AlarmSeverity>();

/** The severity an `AlarmFactory` gave `alarm`, or undefined for alarms built elsewhere. */
export function severityOf(alarm: cloudwatch.IAlarm): AlarmSeverity | undefined {
  return SEVERITIES.get(alarm);
}

/** One alarm to create. */
export interface AlarmRequest {
  /** Stable key: construct id and alarm-name suffix (never a token). */
  readonly key: string;
  /** The metric or math expression (its period is replaced by the resolved period). */
  readonly metric: cloudwatch.Metric | cloudwatch.MathExpression;
  /** What fires, in words ("DMS task orders-cdc replication lag (CDCLatencyTarget, Maximum)"). */
  readonly what: string;
  /** The unit of the threshold in words ("seconds"), if any. */
  readonly unit?: string;
  /** Where to look ("dashboard my-proj-data-pipeline"). */
  readonly where: string;
  readonly defaults: AlarmDefaults;
  readonly options?: AlarmSettings;
  /** The threshold may be negative (custom metrics); counts and latencies may not. */
  readonly signedThreshold?: boolean;
  /** The prop the options came from, for error messages. */
  readonly optionsProp: string;
  /** Add the notification actions (default true). */
  readonly notify?: boolean;
}

const COMPARISON_WORDS: { [op: string]: string } = {
  [cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD]: '>',
  [cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD]: '>=',
  [cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD]: '<',
  [cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD]: '<=',
  [cloudwatch.ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD]: 'above its anomaly band',
  [cloudwatch.ComparisonOperator.LESS_THAN_LOWER_THRESHOLD]: 'below its anomaly band',
  [cloudwatch.ComparisonOperator.LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD]: 'outside its anomaly band',
};

/**
 * The comparisons of anomaly-detection alarms: the alarm compares the metric with the band of
 * `ANOMALY_DETECTION_BAND(m, <width>)` named by `ThresholdMetricId`, not with a number (PutMetricAlarm,
 * "ThresholdMetricId": https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html).
 */
const ANOMALY_OPERATORS: readonly cloudwatch.ComparisonOperator[] = [
  cloudwatch.ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD,
  cloudwatch.ComparisonOperator.LESS_THAN_LOWER_THRESHOLD,
  cloudwatch.ComparisonOperator.LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD,
];

/** Whether `op` compares with an anomaly-detection band. */
export function isAnomalyOperator(op: cloudwatch.ComparisonOperator): boolean {
  return ANOMALY_OPERATORS.includes(op);
}

/**
 * Owns alarm defaults, validation of overrides, names (`<project>-<env>-<key>`), descriptions and
 * actions, so every alarm of the platform is built the same way. Not exported from the package.
 */
export class AlarmFactory {
  /** Whether an alarm with these options should exist. */
  public static enabled(options?: AlarmSettings): boolean {
    return options?.enabled ?? true;
  }

  constructor(
    public readonly scope: Construct,
    private readonly naming: PlatformNaming,
    private readonly actions: IAlarmActionStrategy[] = [],
    private readonly severityActions: SeverityActions = {},
  ) {}

  /** Validates overrides without creating anything (for alarms built elsewhere). */
  public resolve(request: Pick<AlarmRequest, 'defaults' | 'options' | 'optionsProp' | 'signedThreshold'>) {
    return resolveAlarmSettings(this.scope, request);
  }

  /** The physical name of the alarm with `key`, checked against CloudWatch's 255-character limit. */
  public alarmName(key: string): string {
    const name = this.naming.alarmName(key);
    if (name.length > MAX_ALARM_NAME) {
      throw validationError(this.scope, `alarm name "${name}" is ${name.length} characters, more than CloudWatch's ${MAX_ALARM_NAME}: `
        + 'use a shorter projectName or identifier.');
    }
    return name;
  }

  /** Creates the alarm, or returns undefined when its options disable it. */
  public create(request: AlarmRequest): cloudwatch.Alarm | undefined {
    if (!AlarmFactory.enabled(request.options)) return undefined;
    const r = this.resolve(request);
    const unit = request.unit ? ` ${request.unit}` : '';
    const comparison = COMPARISON_WORDS[request.defaults.comparisonOperator] ?? request.defaults.comparisonOperator;
    const periodText = r.period.isUnresolved() ? 'the configured period' : `${r.period.toMinutes()} min`;
    const runbook = request.options?.runbookUrl ? ` Runbook: ${request.options.runbookUrl}` : '';
    const anomaly = isAnomalyOperator(request.defaults.comparisonOperator);
    const limit = anomaly ? `(${r.threshold} standard deviations wide)` : `${r.threshold}${unit}`;
    const description = `[${r.severity}] ${request.what} ${comparison} ${limit} per ${periodText} in ${r.datapointsToAlarm} of `
      + `${r.evaluationPeriods} period(s). Look at: ${request.where}.${runbook}`;

    const common = {
      alarmName: this.alarmName(request.key),
      alarmDescription: description.length > MAX_DESCRIPTION ? `${description.slice(0, MAX_DESCRIPTION - 3)}...` : description,
      metric: request.metric.with({ period: r.period }),
      comparisonOperator: request.defaults.comparisonOperator,
      evaluationPeriods: r.evaluationPeriods,
      datapointsToAlarm: r.datapointsToAlarm,
      treatMissingData: r.treatMissingData,
    };
    // An anomaly-detection alarm: the metric (m0) and ANOMALY_DETECTION_BAND(m0, <width>) in Metrics,
    // ThresholdMetricId naming the band, no Threshold (aws-cdk-lib's AnomalyDetectionAlarm renders it).
    const alarm = anomaly
      ? new cloudwatch.AnomalyDetectionAlarm(this.scope, request.key, { ...common, stdDevs: r.threshold })
      : new cloudwatch.Alarm(this.scope, request.key, { ...common, threshold: r.threshold });
    SEVERITIES.set(alarm, r.severity);
    if (request.notify ?? true) this.applyActions(alarm, r.severity);
    return alarm;
  }

  /**
   * Applies every action strategy to an alarm built elsewhere (so it notifies like the others), then
   * those of `severity`, if given.
   */
  public applyActions(alarm: cloudwatch.AlarmBase, severity?: AlarmSeverity): void {
    for (const strategy of this.actions) strategy.apply(alarm);
    const routed = severity === AlarmSeverity.CRITICAL ? this.severityActions.critical
      : severity === AlarmSeverity.WARNING ? this.severityActions.warning : undefined;
    for (const strategy of routed ?? []) strategy.apply(alarm);
  }

  /**
   * The same factory, creating its alarms in a new nested stack under this factory's scope (for
   * many alarms that would overflow the parent stack's 500 resources or 1 MB template).
   */
  public nested(id: string, description: string): { factory: AlarmFactory; stack: NestedStack } {
    const stack = new NestedStack(this.scope, id, { description });
    return { factory: new AlarmFactory(stack, this.naming, this.actions, this.severityActions), stack };
  }

  /**
   * Creates a composite alarm that is in ALARM when any of `alarms` is. It has no actions unless
   * `options.actions` is given (its inputs notify already), and synth fails if it would notify an
   * action one of its inputs notifies too (every incident would be sent twice).
   */
  public createAnyOf(key: string, alarms: cloudwatch.IAlarm[], what: string, where: string,
    options: CompositeOptions = {}): cloudwatch.CompositeAlarm {
    const composite = new cloudwatch.CompositeAlarm(this.scope, key, {
      compositeAlarmName: this.alarmName(key),
      alarmDescription: `${what}. Look at: ${where}.`.slice(0, MAX_DESCRIPTION),
      alarmRule: cloudwatch.AlarmRule.anyOf(...alarms.map((a) => cloudwatch.AlarmRule.fromAlarm(a, cloudwatch.AlarmState.ALARM))),
    });
    if (options.actions?.length) {
      options.actions.forEach((strategy) => strategy.apply(composite));
      const inputs = options.inputs ?? alarms;
      composite.node.addValidation({ validate: () => sharedActionErrors(composite, inputs, options.actionsProp ?? 'actions') });
    } else {
      Validations.of(composite).acknowledge({
        id: 'PlatformMonitoring-AlarmHasAction',
        reason: 'A health signal over alarms that notify themselves: actions here would send every incident twice.',
      });
    }
    return composite;
  }
}

/** How a composite alarm notifies. */
export interface CompositeOptions {
  /** Opt-in actions (e.g. a pager topic that none of the inputs notifies). @default - none */
  readonly actions?: IAlarmActionStrategy[];
  /** The prop `actions` came from, for error messages. @default 'actions' */
  readonly actionsProp?: string;
  /** The alarms whose actions must not be repeated (the leaves, when `alarms` are nested composites). @default - the rule's alarms */
  readonly inputs?: cloudwatch.IAlarm[];
}

/** Errors when `composite` notifies an ALARM action that one of `inputs` notifies too. */
function sharedActionErrors(composite: cloudwatch.AlarmBase, inputs: cloudwatch.IAlarm[], actionsProp: string): string[] {
  const own = new Set(alarmActionArns(composite));
  for (const input of inputs) {
    const shared = alarmActionArns(input).filter((arn) => own.has(arn));
    if (shared.length > 0) {
      return [`${actionsProp} notifies an action that the alarm ${input.node.path} notifies too, so one incident would send two `
        + 'notifications. Give the composite another target (e.g. a pager topic), or leave it without actions.'];
    }
  }
  return [];
}

/**
 * The ALARM action ARNs of an alarm created in this app (the same topic gives the same token
 * string in every stack). `AlarmBase` keeps them in a protected getter; imported alarms have none.
 */
function alarmActionArns(alarm: cloudwatch.IAlarm): string[] {
  if (!(alarm instanceof cloudwatch.AlarmBase)) return [];
  const arns = (alarm as unknown as { alarmActionArns?: string[] }).alarmActionArns;
  return Array.isArray(arns) ? arns : [];
}

/**
 * The settings of one alarm: `options` over `defaults`, each checked (the message names `optionsProp`).
 * Not exported from the package.
 */
export function resolveAlarmSettings(scope: Construct, request: Pick<AlarmRequest, 'defaults' | 'options' | 'optionsProp' | 'signedThreshold'>) {
  const { defaults, options = {}, optionsProp } = request;
  const threshold = options.threshold ?? defaults.threshold;
  if (isAnomalyOperator(defaults.comparisonOperator)) {
    if (!Token.isUnresolved(threshold) && !(Number.isFinite(threshold) && threshold > 0)) {
      throw validationError(scope, `${optionsProp}: the anomaly band width must be a number of standard deviations greater than 0; got ${threshold}.`);
    }
  } else if (!Token.isUnresolved(threshold) && (!Number.isFinite(threshold) || (threshold < 0 && !request.signedThreshold))) {
    const range = request.signedThreshold ? 'a finite number' : 'a finite number >= 0';
    throw validationError(scope, `${optionsProp}.threshold must be ${range}; got ${threshold}.`);
  }
  const evaluationPeriods = options.evaluationPeriods ?? defaults.evaluationPeriods ?? 1;
  if (!Token.isUnresolved(evaluationPeriods) && (!Number.isInteger(evaluationPeriods) || evaluationPeriods < 1)) {
    throw validationError(scope, `${optionsProp}.evaluationPeriods must be a whole number >= 1; got ${evaluationPeriods}.`);
  }
  const datapointsToAlarm = options.datapointsToAlarm ?? defaults.datapointsToAlarm ?? evaluationPeriods;
  if (!Token.isUnresolved(datapointsToAlarm)
    && (!Number.isInteger(datapointsToAlarm) || datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods)) {
    throw validationError(scope, `${optionsProp}.datapointsToAlarm must be a whole number from 1 to evaluationPeriods `
    + `(${evaluationPeriods}); got ${datapointsToAlarm}.`);
  }
  const period = options.period ?? defaults.period ?? Duration.minutes(5);
  if (!period.isUnresolved() && (period.toSeconds() < 60 || period.toSeconds() % 60 !== 0)) {
    throw validationError(scope, `${optionsProp}.period must be a whole number of minutes (at least 1); got ${period.toHumanString()}.`);
  }
  const treatMissingData = options.treatMissingData ?? defaults.treatMissingData;
  const severity = options.severity ?? defaults.severity ?? AlarmSeverity.WARNING;
  if (!Object.values(AlarmSeverity).includes(severity)) {
    throw validationError(scope, `${optionsProp}.severity must be an AlarmSeverity (${Object.values(AlarmSeverity).join(', ')}); got ${severity}.`);
  }
  return { threshold, evaluationPeriods, datapointsToAlarm, period, treatMissingData, severity };
}
