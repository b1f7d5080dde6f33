import { IAlarmActionStrategy } from './alarm-action-strategy';

/**
 * Actions by severity: applied after the actions every alarm takes (the alert topic and `actions`),
 * to the alarms of one severity only. Declared once, taken by `AlarmOptions` (`alarms`),
 * `SecurityAlarmsProps` and `MlMetricAlarmsProps`.
 *
 * @experimental alarm severities are new; routing may gain more targets.
 */
export interface SeverityRoutingOptions {
  /**
   * Further actions for CRITICAL alarms only, e.g. `new SnsAlarmActionStrategy({ topics: [pagerTopic] })`.
   * `PlatformMonitoring` adds its critical topic here when `recipients` has critical recipients.
   *
   * @default - none
   */
  readonly criticalActions?: IAlarmActionStrategy[];

  /**
   * Further actions for WARNING alarms only, e.g. a ticketing topic.
   * `PlatformMonitoring` adds its warning topic here when `recipients` has warning recipients.
   *
   * @default - none
   */
  readonly warningActions?: IAlarmActionStrategy[];
}
