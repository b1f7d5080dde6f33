import { Measurement } from './measure';
import { TEMPLATE_QUOTAS } from '../src/limits/template-quotas';

// The AWS limits a synthesized platform must respect to deploy, checked against a `Measurement`.
// One list, used by the benchmark (PASS/FAIL per limit) and by test/scale (Jest), so they cannot drift.

/** AWS limits (see /work/shared/AWS-FACTS.md "Limits" and the CloudWatch, CloudFormation and CloudTrail quotas). */
export const AWS_LIMITS = {
  resourcesPerStack: 500,
  templateBytes: TEMPLATE_QUOTAS.templateBytes,
  widgetsPerDashboard: 500,
  metricsPerGraph: 500,
  metricsPerDashboard: 2_500,
  metricsPerMathAlarm: 10,
  actionsPerAlarmState: 5,
  compositeRuleLength: 10_240,
  alarmNameLength: 255,
  logGroupsPerQuery: 50,
  eventSelectorsPerTrail: 5,
  dataResourcesPerTrail: 250,
} as const;

/** The result of one limit check. */
export interface LimitCheck {
  /** What is limited, e.g. "resources per stack". */
  readonly name: string;
  /** The limit, in words ("≤ 500"). */
  readonly limit: string;
  /** The worst value found, in words. */
  readonly actual: string;
  readonly pass: boolean;
}

/** Every limit, checked against one measured assembly. */
export function checkLimits(m: Measurement): LimitCheck[] {
  const L = AWS_LIMITS;
  const most = <T>(items: T[], f: (t: T) => number) => items.reduce((a, t) => Math.max(a, f(t)), 0);
  const atMost = (name: string, actual: number, limit: number): LimitCheck =>
    ({ name, limit: `≤ ${limit.toLocaleString('en-US')}`, actual: actual.toLocaleString('en-US'), pass: actual <= limit });
  const none = (name: string, found: Array<string | number>): LimitCheck =>
    ({ name, limit: 'none', actual: found.length === 0 ? 'none' : found.slice(0, 3).join(', '), pass: found.length === 0 });
  return [
    atMost('resources per stack (nested stacks included)', most(m.stacks, s => s.resources), L.resourcesPerStack),
    atMost('template bytes per stack', most(m.stacks, s => s.templateBytes), L.templateBytes),
    atMost('widgets per dashboard', most(m.dashboards, d => d.widgets), L.widgetsPerDashboard),
    atMost('metrics per graph widget', most(m.dashboards, d => d.maxMetricsPerGraph), L.metricsPerGraph),
    atMost('metrics per dashboard', most(m.dashboards, d => d.metrics), L.metricsPerDashboard),
    atMost('metrics per metric-math alarm', m.maxMetricsPerMathAlarm, L.metricsPerMathAlarm),
    atMost('alarms backed by a SEARCH expression', m.alarmsWithSearch, 0),
    atMost('actions per alarm state', m.maxActionsPerState, L.actionsPerAlarmState),
    atMost('composite alarm rule characters', m.maxCompositeRuleLength, L.compositeRuleLength),
    atMost('alarm name characters', m.longestAlarmName, L.alarmNameLength),
    none('duplicate alarm names', m.duplicateAlarmNames),
    atMost('log groups per Logs Insights widget', most(m.dashboards, d => d.maxLogGroupsPerQueryWidget), L.logGroupsPerQuery),
    atMost('log groups per saved Logs Insights query', m.maxLogGroupsPerSavedQuery, L.logGroupsPerQuery),
    none('log retentions CloudWatch Logs rejects', m.badRetentions),
    none('invalid log group names', m.badLogGroupNames),
    none('invalid dashboard names', m.badDashboardNames),
    atMost('event selectors per trail', m.eventSelectors, L.eventSelectorsPerTrail),
    atMost('data-event values per trail', m.dataEventValues, L.dataResourcesPerTrail),
  ];
}
