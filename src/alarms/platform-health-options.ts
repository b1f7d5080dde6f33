import { IAlarmActionStrategy } from '../notifications/alarm-action-strategy';

/**
 * The composite "platform health" alarm: ALARM when any DMS, Lambda, API Gateway, Batch or Glue
 * alarm is (not the security or ML alarms).
 */
export interface PlatformHealthAlarmOptions {
  /**
   * Create the composite alarm.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * What the composite does on state changes, e.g.
   * `[new SnsAlarmActionStrategy({ topics: [pagerTopic] })]` to page once per incident (a list, like
   * `actions`, `criticalActions` and `warningActions`). Every input alarm already notifies the alert
   * topic, so synth fails if these actions include one of theirs (each incident would be sent twice).
   *
   * @default - none: the composite is a health signal (dashboards, `DescribeAlarms`), its inputs notify
   */
  readonly actions?: IAlarmActionStrategy[];
}
