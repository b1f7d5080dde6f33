import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { AlarmSeverity } from './alarm-severity';

/**
 * A time when alarm actions are muted (planned maintenance, a known noisy batch window): a
 * CloudWatch alarm mute rule over the platform's alarms. Alarms still change state and show on the
 * dashboards; only their actions (emails, chat, pagers) are held back while the window is open.
 *
 * An alarm that returns to OK before the window ends never notifies (its OK actions are muted too:
 * CloudWatch User Guide, "Alarm mute rules behaviour"). A CIS alarm is back to OK within minutes,
 * so the CIS security alarms are left out of every window unless it sets `includeSecurityAlarms`.
 * The composite platform-health alarm is never a target: AWS documents mute rules for alarms by
 * name and says nothing of composite alarms, so its actions (`platformHealth.actions`) keep working
 * during a window.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-mute-rules.html
 * @experimental alarm mute rules are new in CloudWatch and in aws-cdk-lib.
 */
export interface MaintenanceWindow {
  /**
   * A short key, unique among the windows: the rule is named `<project>-<env>-mute-<name>`
   * (letters, digits and `-`).
   */
  readonly name: string;

  /**
   * When the window opens: recurring (`ScheduleExpression.cron({ minute: '0', hour: '2', weekDay: 'SUN' })`)
   * or once (`ScheduleExpression.at({ year: 2027, month: 1, day: 9, hour: 22, minute: 0 })`, for a
   * planned change: deploy it before, remove it after).
   */
  readonly schedule: cloudwatch.ScheduleExpression;

  /** How long the window stays open each time (1 minute to 15 days). */
  readonly duration: Duration;

  /**
   * Which alarms are muted, by severity. The CIS security alarms are muted only with
   * `includeSecurityAlarms`; the composite platform-health alarm never.
   *
   * @default - every alarm of the platform (security alarms and the composite excepted), both severities
   */
  readonly severities?: AlarmSeverity[];

  /**
   * Mute the CIS security alarms of these severities too (a root sign-in, an IAM or network change
   * during the window would then never be reported, since those alarms return to OK within minutes).
   * Only for a window in which the security team expects exactly those changes.
   *
   * @default false
   */
  readonly includeSecurityAlarms?: boolean;

  /**
   * The rule does nothing before this date and time (in the schedule's time zone, UTC by default).
   *
   * @default - effective when deployed
   */
  readonly start?: cloudwatch.CalendarDateTime;

  /**
   * The rule expires after this date and time.
   *
   * @default - never expires
   */
  readonly expire?: cloudwatch.CalendarDateTime;

  /**
   * Why the window exists (the rule's description).
   *
   * @default - "Maintenance window <name>"
   */
  readonly description?: string;
}
