import { Duration, NestedStack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { IAlarmActionStrategy } from './alarm-action-strategy';
import { AlarmOptions } from './alarm-options';
import { validationError } from '../private/errors';
import { PlatformNaming } from '../private/naming';

/** CloudWatch's limits on alarm names and descriptions. */
const MAX_ALARM_NAME = 255;
const MAX_DESCRIPTION = 1024;

/** What one alarm kind defaults to; options may override all but the comparison. */
export interface AlarmDefaults {
  readonly threshold: number;
  readonly comparisonOperator: cloudwatch.ComparisonOperator;
  readonly evaluationPeriods?: number;
  readonly datapointsToAlarm?: number;
  readonly treatMissingData: cloudwatch.TreatMissingData;
  readonly period?: Duration;
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
  readonly options?: AlarmOptions;
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
};

/**
 * Owns alarm defaults, validation of overrides, names (`<project>-<env>-<key>`), descriptions and
 * actions, so every alarm of the platform is built the same way. Not exported from the package.
 */
export class AlarmFactory {
  /** Whether an alarm with these options should exist. */
  public static enabled(options?: AlarmOptions): boolean {
    return options?.enabled ?? true;
  }

  constructor(
    private readonly scope: Construct,
    private readonly naming: PlatformNaming,
    private readonly actions: IAlarmActionStrategy | undefined,
  ) {}

  /** Validates overrides without creating anything (for alarms built elsewhere). */
  public resolve(request: Pick<AlarmRequest, 'defaults' | 'options' | 'optionsProp'>) {
    const { defaults, options = {}, optionsProp } = request;
    const threshold = options.threshold ?? defaults.threshold;
    if (!Token.isUnresolved(threshold) && (!Number.isFinite(threshold) || threshold < 0)) {
      throw validationError(this.scope, `${optionsProp}.threshold must be a finite number >= 0; got ${threshold}.`);
    }
    const evaluationPeriods = options.evaluationPeriods ?? defaults.evaluationPeriods ?? 1;
    if (!Token.isUnresolved(evaluationPeriods) && (!Number.isInteger(evaluationPeriods) || evaluationPeriods < 1)) {
      throw validationError(this.scope, `${optionsProp}.evaluationPeriods must be a whole number >= 1; got ${evaluationPeriods}.`);
    }
    const datapointsToAlarm = options.datapointsToAlarm ?? defaults.datapointsToAlarm ?? evaluationPeriods;
    if (!Token.isUnresolved(datapointsToAlarm)
      && (!Number.isInteger(datapointsToAlarm) || datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods)) {
      throw validationError(this.scope, `${optionsProp}.datapointsToAlarm must be a whole number from 1 to evaluationPeriods `
        + `(${evaluationPeriods}); got ${datapointsToAlarm}.`);
    }
    const period = options.period ?? defaults.period ?? Duration.minutes(5);
    if (!period.isUnresolved() && (period.toSeconds() < 60 || period.toSeconds() % 60 !== 0)) {
      throw validationError(this.scope, `${optionsProp}.period must be a whole number of minutes (at least 1); got ${period.toHumanString()}.`);
    }
    const treatMissingData = options.treatMissingData ?? defaults.treatMissingData;
    return { threshold, evaluationPeriods, datapointsToAlarm, period, treatMissingData };
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
    const description = `${request.what} ${comparison} ${r.threshold}${unit} per ${periodText} in ${r.datapointsToAlarm} of `
      + `${r.evaluationPeriods} period(s). Look at: ${request.where}.${runbook}`;

    const alarm = new cloudwatch.Alarm(this.scope, request.key, {
      alarmName: this.alarmName(request.key),
      alarmDescription: description.length > MAX_DESCRIPTION ? `${description.slice(0, MAX_DESCRIPTION - 3)}...` : description,
      metric: request.metric.with({ period: r.period }),
      threshold: r.threshold,
      comparisonOperator: request.defaults.comparisonOperator,
      evaluationPeriods: r.evaluationPeriods,
      datapointsToAlarm: r.datapointsToAlarm,
      treatMissingData: r.treatMissingData,
    });
    if (request.notify ?? true) this.actions?.apply(alarm);
    return alarm;
  }

  /**
   * The same factory, creating its alarms in a new nested stack under this factory's scope (for
   * many alarms that would overflow the parent stack's 500 resources or 1 MB template).
   */
  public nested(id: string, description: string): { factory: AlarmFactory; stack: NestedStack } {
    const stack = new NestedStack(this.scope, id, { description });
    return { factory: new AlarmFactory(stack, this.naming, this.actions), stack };
  }

  /**
   * The alarm with `key` (created by this factory, possibly in a nested stack) referenced by its
   * literal name: a composite rule can name it without a cross-stack output per alarm.
   */
  public reference(key: string): cloudwatch.IAlarm {
    return cloudwatch.Alarm.fromAlarmName(this.scope, `${key}-ref`, this.alarmName(key));
  }

  /** Creates a composite alarm that is in ALARM when any of `alarms` is, with the standard actions. */
  public createAnyOf(key: string, alarms: cloudwatch.IAlarm[], what: string, where: string, notify = true): cloudwatch.CompositeAlarm {
    const composite = new cloudwatch.CompositeAlarm(this.scope, key, {
      compositeAlarmName: this.alarmName(key),
      alarmDescription: `${what}. Look at: ${where}.`.slice(0, MAX_DESCRIPTION),
      alarmRule: cloudwatch.AlarmRule.anyOf(...alarms.map((a) => cloudwatch.AlarmRule.fromAlarm(a, cloudwatch.AlarmState.ALARM))),
    });
    if (notify) this.actions?.apply(composite);
    return composite;
  }
}
