import { Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { validationError } from '../private/errors';

/** CloudWatch accepts at most this many actions per alarm state. */
export const MAX_ACTIONS_PER_STATE = 5;

/**
 * Decides which actions an alarm takes in each state. One strategy is applied to every alarm, so
 * "who is told, and when" lives in one place.
 *
 * @experimental alarm severities and routing may add to what a strategy is told.
 */
export interface IAlarmActionStrategy {
  /** Adds the strategy's actions to `alarm`. */
  apply(alarm: cloudwatch.AlarmBase): void;
}

/**
 * Properties of `SnsAlarmActionStrategy`.
 */
export interface SnsAlarmActionStrategyProps {
  /** The topics to notify (at most 5: CloudWatch's limit of actions per alarm state). */
  readonly topics: sns.ITopic[];

  /**
   * Also notify when an alarm returns to OK, so on-call engineers learn that an incident ended.
   *
   * @default true
   */
  readonly notifyOnOk?: boolean;

  /**
   * Also notify on INSUFFICIENT_DATA (noisy: most platform alarms treat missing data as not breaching).
   *
   * @default false
   */
  readonly notifyOnInsufficientData?: boolean;
}

/**
 * Notifies SNS topics when an alarm enters ALARM and (by default) when it returns to OK.
 *
 * Checks, at synth, that no alarm state ends up with more than 5 actions, including actions added
 * to the alarm later by other code.
 */
export class SnsAlarmActionStrategy implements IAlarmActionStrategy {
  private readonly actions: cloudwatch.IAlarmAction[];
  private readonly notifyOnOk: boolean;
  private readonly notifyOnInsufficientData: boolean;

  constructor(props: SnsAlarmActionStrategyProps) {
    this.actions = props.topics.map((topic) => new cloudwatchActions.SnsAction(topic));
    this.notifyOnOk = props.notifyOnOk ?? true;
    this.notifyOnInsufficientData = props.notifyOnInsufficientData ?? false;
  }

  /** Adds the notifications to `alarm` and registers the 5-actions-per-state check. */
  public apply(alarm: cloudwatch.AlarmBase): void {
    if (this.actions.length > MAX_ACTIONS_PER_STATE) {
      throw tooManyActions(alarm, 'ALARM', this.actions.length);
    }
    alarm.addAlarmAction(...this.actions);
    if (this.notifyOnOk) alarm.addOkAction(...this.actions);
    if (this.notifyOnInsufficientData) alarm.addInsufficientDataAction(...this.actions);
    alarm.node.addValidation({ validate: () => checkActionCounts(alarm) });
  }
}

function tooManyActions(alarm: cloudwatch.AlarmBase, state: string, count: number): Error {
  return validationError(alarm, `alarm has ${count} ${state} actions, more than CloudWatch's limit of ${MAX_ACTIONS_PER_STATE} `
    + 'actions per alarm state (the deployment would fail). Notify fewer topics, or fan out from one topic.');
}

function checkActionCounts(alarm: cloudwatch.AlarmBase): string[] {
  const cfn = alarm.node.defaultChild as (cloudwatch.CfnAlarm | cloudwatch.CfnCompositeAlarm | undefined);
  if (!cfn) return [];
  const stack = Stack.of(alarm);
  const states: Array<[string, unknown]> = [
    ['ALARM', cfn.alarmActions], ['OK', cfn.okActions], ['INSUFFICIENT_DATA', cfn.insufficientDataActions],
  ];
  const errors: string[] = [];
  for (const [state, actions] of states) {
    const resolved = stack.resolve(actions);
    if (Array.isArray(resolved) && resolved.length > MAX_ACTIONS_PER_STATE) {
      errors.push(tooManyActions(alarm, state, resolved.length).message);
    }
  }
  return errors;
}
