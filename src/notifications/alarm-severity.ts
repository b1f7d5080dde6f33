/**
 * How urgent an alarm is, and so who is told: critical alarms page someone now, warnings can wait
 * for working hours. Every alarm kind has a default (the README's alarm table), changed per alarm
 * kind with `AlarmSettings.severity`.
 */
export enum AlarmSeverity {
  /** Act now: data is not flowing, users see errors, or the account's security posture changed. */
  CRITICAL = 'CRITICAL',
  /** Look soon: degraded but working (throttles, latency, source latency, failed Glue runs, ML quality). */
  WARNING = 'WARNING',
}
