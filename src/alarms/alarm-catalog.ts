import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { AlarmDefaults } from './alarm-factory';
import { CIS_DEFAULT_SEVERITIES } from './cis-controls';
import { AlarmSeverity } from '../notifications/alarm-severity';

const GT = cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD;
const GTE = cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
const LT = cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD;
/** 5 GiB in bytes: a tenth of a replication instance's default 50 GB of storage. */
const DMS_FREE_STORAGE_BYTES = 5 * 1024 ** 3;
const { BREACHING, NOT_BREACHING, MISSING } = cloudwatch.TreatMissingData;
const { CRITICAL, WARNING } = AlarmSeverity;

/** One row of the alarm table: what an alarm reads, its default condition and what silence means. */
export interface AlarmCatalogEntry {
  /** The alarm-name suffix as documented (`<project>-<env>-` comes first). */
  readonly name: string;
  /** Matches the real suffixes of this row's alarms. */
  readonly suffix: RegExp;
  /** Namespace, metric and dimensions, or the composite's inputs. */
  readonly metric: string;
  /** The statistic ("-" for composites). */
  readonly statistic: string;
  /** The default threshold, in words with its unit ("> 300 s"). */
  readonly threshold: string;
  /** Period and datapoints, in words ("3 of 3 periods of 5 min"). */
  readonly period: string;
  /** The default `TreatMissingData`, or undefined for composite alarms (their inputs decide). */
  readonly missingData?: cloudwatch.TreatMissingData;
  /** Why silence means what `missingData` says. */
  readonly why: string;
  /** The `alarms` (`AlarmOptions`) key that overrides it, if any. */
  readonly optionsKey?: string;
  /** The factory defaults (alarms built by `AlarmFactory` only). */
  readonly defaults?: AlarmDefaults;
  /** The default severity, or undefined for composite alarms (no routing of their own). */
  readonly severity?: AlarmSeverity;
}

const FIVE_MIN = '1 of 1 period of 5 min';

// Sources. TreatMissingData values: CloudWatch User Guide, "Configuring how CloudWatch alarms treat
// missing data" (breaching / notBreaching / ignore / missing). Metric names and dimensions: AWS DMS
// User Guide "AWS Database Migration Service metrics" (CDCLatencySource / CDCLatencyTarget, seconds),
// Lambda Developer Guide "Types of metrics for Lambda functions" (Errors, Throttles), API Gateway
// Developer Guide "Amazon API Gateway dimensions and metrics" (REST 5XXError / Latency; HTTP 5xx).
// AWS documentation is silent on what a stopped or deleted DMS task publishes, and on whether API
// Gateway publishes zeros for a stage without requests: the rows below say how each decision holds
// either way.

/**
 * The alarm kinds the factory builds, keyed by `alarms` (`AlarmOptions`) key. The single source of the
 * defaults (code) and of the README's `## Alarms` table (test/alarms/alarm-catalog.test.ts
 * compares them).
 */
export const ALARM_DEFAULTS = {
  // Stopped, failed or deleted tasks publish no CDCLatencyTarget: silence is an incident.
  dmsReplicationLag: {
    threshold: 300, comparisonOperator: GT, evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: BREACHING, severity: CRITICAL,
  },
  dmsSourceLatency: { threshold: 300, comparisonOperator: GT, treatMissingData: NOT_BREACHING, severity: WARNING },
  // A full disk stops replication (AWS DMS User Guide, "Monitoring AWS DMS tasks"): warn while 5 GiB are left.
  dmsFreeStorage: {
    threshold: DMS_FREE_STORAGE_BYTES,
    comparisonOperator: LT,
    evaluationPeriods: 2,
    datapointsToAlarm: 2,
    treatMissingData: NOT_BREACHING,
    severity: WARNING,
  },
  lambdaErrors: { threshold: 10, comparisonOperator: GT, treatMissingData: NOT_BREACHING, severity: CRITICAL },
  lambdaThrottles: { threshold: 5, comparisonOperator: GT, treatMissingData: NOT_BREACHING, severity: WARNING },
  apiGateway5xx: { threshold: 5, comparisonOperator: GT, treatMissingData: NOT_BREACHING, severity: CRITICAL },
  apiLatencyP99: { threshold: 3000, comparisonOperator: GT, evaluationPeriods: 3, treatMissingData: NOT_BREACHING, severity: WARNING },
  batchJobFailures: { threshold: 1, comparisonOperator: GTE, treatMissingData: NOT_BREACHING, severity: CRITICAL },
  glueCrawlerFailures: { threshold: 1, comparisonOperator: GTE, treatMissingData: NOT_BREACHING, severity: WARNING },
  glueJobFailures: { threshold: 1, comparisonOperator: GTE, treatMissingData: NOT_BREACHING, severity: WARNING },
  cis: { threshold: 1, comparisonOperator: GTE, treatMissingData: NOT_BREACHING, severity: CRITICAL },
} satisfies { [kind: string]: AlarmDefaults };

/**
 * ML alarms (static and anomaly) default to warnings: a drifting model degrades answers, it does not
 * stop the platform; set `severity` on the ML alarm to page.
 */
export const ML_ALARM_SEVERITY = WARNING;

/**
 * The anomaly-detection alarms on ML metrics, less the band (its side and width come from the
 * catalog's `anomalyDetection`): 3 of 3 periods of 5 minutes outside the band, silence left missing.
 */
export const ML_ANOMALY_ALARM_DEFAULTS = {
  evaluationPeriods: 3,
  datapointsToAlarm: 3,
  treatMissingData: MISSING,
  severity: ML_ALARM_SEVERITY,
};

const NO_INVOCATIONS = 'Lambda publishes `Errors` and `Throttles` only for invocation requests: no requests, nothing to report.';

/** Every alarm the platform creates, in README order. */
export const ALARM_CATALOG: AlarmCatalogEntry[] = [
  {
    name: 'dms-<task id>-replication-lag',
    suffix: /^dms-.+-replication-lag$/,
    metric: '`AWS/DMS` `CDCLatencyTarget` by `ReplicationInstanceIdentifier` + `ReplicationTaskIdentifier`',
    statistic: 'Maximum',
    threshold: '> 300 s',
    period: '3 of 3 periods of 5 min',
    missingData: ALARM_DEFAULTS.dmsReplicationLag.treatMissingData,
    why: 'A stopped, failed or deleted task publishes no latency, so 15 minutes of silence alarm like 15 minutes of lag '
      + '(a full-load-only task never publishes CDC metrics: do not list it, or set `treatMissingData`).',
    optionsKey: 'dmsReplicationLag',
    defaults: ALARM_DEFAULTS.dmsReplicationLag,
    severity: ALARM_DEFAULTS.dmsReplicationLag.severity,
  },
  {
    name: 'dms-<task id>-source-latency',
    suffix: /^dms-.+-source-latency$/,
    metric: '`AWS/DMS` `CDCLatencySource`, same dimensions',
    statistic: 'Maximum',
    threshold: '> 300 s',
    period: FIVE_MIN,
    missingData: ALARM_DEFAULTS.dmsSourceLatency.treatMissingData,
    why: "A silent task is already reported by the task's replication-lag alarm; breaching here too would send two emails for one stopped task.",
    optionsKey: 'dmsSourceLatency',
    defaults: ALARM_DEFAULTS.dmsSourceLatency,
    severity: ALARM_DEFAULTS.dmsSourceLatency.severity,
  },
  {
    name: 'dms-<instance id>-free-storage',
    suffix: /^dms-.+-free-storage$/,
    metric: '`AWS/DMS` `FreeStorageSpace` by `ReplicationInstanceIdentifier` (one alarm per instance of `dmsReplicationTasks`)',
    statistic: 'Minimum',
    threshold: '< 5 GiB (5,368,709,120 bytes)',
    period: '2 of 2 periods of 5 min',
    missingData: ALARM_DEFAULTS.dmsFreeStorage.treatMissingData,
    why: 'A running instance always publishes storage; an instance that is gone silences its tasks\' latency, and their '
      + 'replication-lag alarms already report that (one incident, one email).',
    optionsKey: 'dmsFreeStorage',
    defaults: ALARM_DEFAULTS.dmsFreeStorage,
    severity: ALARM_DEFAULTS.dmsFreeStorage.severity,
  },
  {
    name: 'lambda-errors',
    suffix: /^lambda-errors$/,
    metric: '`AWS/Lambda` `Errors`: up to 10 functions of `lambdaFunctions` and `lambdaFunctionArns` (one metric, or '
      + '`FILL(m0, 0) + ...`; a source account\'s function with its `AccountId`); without functions or with '
      + '`lambdaAlarmsAccountWide`, the account-wide metric (no dimension); above 10 functions, replaced by the group alarms',
    statistic: 'Sum',
    threshold: '> 10',
    period: FIVE_MIN,
    missingData: ALARM_DEFAULTS.lambdaErrors.treatMissingData,
    why: NO_INVOCATIONS,
    optionsKey: 'lambdaErrors',
    defaults: ALARM_DEFAULTS.lambdaErrors,
    severity: ALARM_DEFAULTS.lambdaErrors.severity,
  },
  {
    name: 'lambda-errors-group-<prefix>',
    suffix: /^lambda-errors-group-[01]+$/,
    metric: '`AWS/Lambda` `Errors` of a group of at most 10 functions (above 10 functions), `FILL` summed, in the nested stack '
      + '`lambda-errors-groups`; a function\'s group is the leaf of a binary trie on the SHA-256 of its name (construct path for '
      + 'a token), `<prefix>` its bits, so the list order never regroups; the description names the functions',
    statistic: 'Sum',
    threshold: '> 10 per group',
    period: FIVE_MIN,
    missingData: ALARM_DEFAULTS.lambdaErrors.treatMissingData,
    why: NO_INVOCATIONS,
    optionsKey: 'lambdaErrors',
    defaults: ALARM_DEFAULTS.lambdaErrors,
    severity: ALARM_DEFAULTS.lambdaErrors.severity,
  },
  {
    name: 'lambda-throttles',
    suffix: /^lambda-throttles$/,
    metric: '`AWS/Lambda` `Throttles`, as `lambda-errors`',
    statistic: 'Sum',
    threshold: '> 5',
    period: FIVE_MIN,
    missingData: ALARM_DEFAULTS.lambdaThrottles.treatMissingData,
    why: NO_INVOCATIONS,
    optionsKey: 'lambdaThrottles',
    defaults: ALARM_DEFAULTS.lambdaThrottles,
    severity: ALARM_DEFAULTS.lambdaThrottles.severity,
  },
  {
    name: 'lambda-throttles-group-<prefix>',
    suffix: /^lambda-throttles-group-[01]+$/,
    metric: '`AWS/Lambda` `Throttles`, as `lambda-errors-group-<prefix>` (nested stack `lambda-throttles-groups`)',
    statistic: 'Sum',
    threshold: '> 5 per group',
    period: FIVE_MIN,
    missingData: ALARM_DEFAULTS.lambdaThrottles.treatMissingData,
    why: NO_INVOCATIONS,
    optionsKey: 'lambdaThrottles',
    defaults: ALARM_DEFAULTS.lambdaThrottles,
    severity: ALARM_DEFAULTS.lambdaThrottles.severity,
  },
  {
    name: '<api>-5xx',
    suffix: /^(rest|http)-api-.+-5xx$/,
    metric: 'REST: `AWS/ApiGateway` `5XXError` by `ApiName` + `Stage`; HTTP: `5xx` by `ApiId` + `Stage`',
    statistic: 'Sum',
    threshold: '> 5',
    period: FIVE_MIN,
    missingData: ALARM_DEFAULTS.apiGateway5xx.treatMissingData,
    why: 'A stage without requests has no server errors; whether API Gateway then publishes 0 or nothing, neither is a failure.',
    optionsKey: 'apiGateway5xx',
    defaults: ALARM_DEFAULTS.apiGateway5xx,
    severity: ALARM_DEFAULTS.apiGateway5xx.severity,
  },
  {
    name: '<api>-latency-p99',
    suffix: /^(rest|http)-api-.+-latency-p99$/,
    metric: '`AWS/ApiGateway` `Latency`, same dimensions',
    statistic: 'p99',
    threshold: '> 3000 ms',
    period: '3 of 3 periods of 5 min',
    missingData: ALARM_DEFAULTS.apiLatencyP99.treatMissingData,
    why: 'No requests, no latency: silence is not slowness.',
    optionsKey: 'apiLatencyP99',
    defaults: ALARM_DEFAULTS.apiLatencyP99,
    severity: ALARM_DEFAULTS.apiLatencyP99.severity,
  },
  {
    name: 'batch-job-failures',
    suffix: /^batch-job-failures$/,
    metric: '`<namespace>` `Batch.JobsFailed`, a metric filter on `Batch Job State Change` events; with `eventCapture: false`, '
      + '`AWS/Batch` `JobsMovedToFailed` per `JobQueueName`, summed over `batchJobQueues`',
    statistic: 'Sum',
    threshold: '>= 1',
    period: FIVE_MIN,
    missingData: ALARM_DEFAULTS.batchJobFailures.treatMissingData,
    why: 'The filter publishes only when a FAILED event arrives (no default value), and AWS Batch publishes '
      + '`JobsMovedToFailed` only when a job fails: silence means no failed job.',
    optionsKey: 'batchJobFailures',
    defaults: ALARM_DEFAULTS.batchJobFailures,
    severity: ALARM_DEFAULTS.batchJobFailures.severity,
  },
  {
    name: 'batch-<account>-<queue>-job-failures',
    suffix: /^batch-\d{12}-.+-job-failures$/,
    metric: '`AWS/Batch` `JobsMovedToFailed` by `JobQueueName`, read with the account ID of a `batchJobQueues` ARN of a '
      + 'source account (with `eventCapture`; without it, such queues join the `batch-job-failures` sum)',
    statistic: 'Sum',
    threshold: '>= 1',
    period: FIVE_MIN,
    missingData: ALARM_DEFAULTS.batchJobFailures.treatMissingData,
    why: 'AWS Batch publishes `JobsMovedToFailed` only when a job fails: silence means no failed job (or a source account '
      + 'that unlinked: its metrics stop arriving).',
    optionsKey: 'batchJobFailures',
    defaults: ALARM_DEFAULTS.batchJobFailures,
    severity: ALARM_DEFAULTS.batchJobFailures.severity,
  },
  {
    name: 'glue-crawler-failures',
    suffix: /^glue-crawler-failures$/,
    metric: '`<namespace>` `Glue.CrawlerRunsFailed`, from `Glue Crawler State Change` events',
    statistic: 'Sum',
    threshold: '>= 1',
    period: FIVE_MIN,
    missingData: ALARM_DEFAULTS.glueCrawlerFailures.treatMissingData,
    why: 'Published only when a Failed event arrives: silence means no failed run.',
    optionsKey: 'glueCrawlerFailures',
    defaults: ALARM_DEFAULTS.glueCrawlerFailures,
    severity: ALARM_DEFAULTS.glueCrawlerFailures.severity,
  },
  {
    name: 'glue-job-failures',
    suffix: /^glue-job-failures$/,
    metric: '`FILL(Glue.JobRunsFailed, 0) + FILL(Glue.JobRunsTimedOut, 0)` in `<namespace>`, from `Glue Job State Change` events',
    statistic: 'Sum',
    threshold: '>= 1',
    period: FIVE_MIN,
    missingData: ALARM_DEFAULTS.glueJobFailures.treatMissingData,
    why: 'Published only when a FAILED or TIMEOUT event arrives: silence means no failed run.',
    optionsKey: 'glueJobFailures',
    defaults: ALARM_DEFAULTS.glueJobFailures,
    severity: ALARM_DEFAULTS.glueJobFailures.severity,
  },
  {
    name: 'glue-<account>-<job>-failed-tasks',
    suffix: /^glue-\d{12}-.+-failed-tasks$/,
    metric: '`Glue` `glue.driver.aggregate.numFailedTasks` by `JobName`, `JobRunId=ALL`, `Type=count`, read with the '
      + 'account ID of a `glueJobNames` ARN of a source account (its events stay in its account)',
    statistic: 'Sum',
    threshold: '>= 1',
    period: FIVE_MIN,
    missingData: ALARM_DEFAULTS.glueJobFailures.treatMissingData,
    why: 'Published only while a run with job metrics enabled executes tasks: silence means no failed task. A run that fails '
      + 'before starting tasks publishes nothing: watch the job with a PlatformMonitoring in its account for that.',
    optionsKey: 'glueJobFailures',
    defaults: ALARM_DEFAULTS.glueJobFailures,
    severity: ALARM_DEFAULTS.glueJobFailures.severity,
  },
  ...[AlarmSeverity.CRITICAL, AlarmSeverity.WARNING].map((severity) => {
    const controls = Object.entries(CIS_DEFAULT_SEVERITIES).filter(([, s]) => s === severity).map(([c]) => c);
    return {
      name: `cis-<control> (${controls.join(', ')})`,
      suffix: new RegExp(`^cis-(${controls.join('|')})$`),
      metric: '`<namespace>` `Security.*`, metric filters on the CloudTrail log group',
      statistic: 'Sum',
      threshold: '>= 1',
      period: FIVE_MIN,
      missingData: ALARM_DEFAULTS.cis.treatMissingData,
      severity,
      why: 'A filter publishes only on a matching event. A trail that stops delivering is caught by `cis-cloudtrail-config-changes` '
        + '(StopLogging, DeleteTrail). Severity by default; `securityAlarms.cisControlSeverities` sets it per control.',
    };
  }),
  {
    name: 'ml-<component>-<metric>-low / -high',
    suffix: /^ml-.+-(low|high)$/,
    metric: "`<namespace>` `<Prefix>.<Metric>` (the ML catalog's)",
    statistic: "the catalog's",
    threshold: 'yours',
    period: '3 of 3 periods of 5 min',
    missingData: MISSING,
    severity: ML_ALARM_SEVERITY,
    why: 'We cannot know how often a model publishes: silence leaves INSUFFICIENT_DATA (visible on the ML dashboard). '
      + 'Set `treatMissingData: BREACHING` in the entry when a model must publish every period.',
  },
  {
    name: 'ml-<component>-<metric>-anomaly',
    suffix: /^ml-.+-anomaly$/,
    metric: '`<namespace>` `<Prefix>.<Metric>` of each ML catalog metric with `anomalyDetection`, against '
      + '`ANOMALY_DETECTION_BAND(m0, <bandWidth>)`',
    statistic: "the catalog's",
    threshold: "outside the band on the catalog's side (below, above or either), `bandWidth` standard deviations wide",
    period: '3 of 3 periods of 5 min',
    missingData: ML_ANOMALY_ALARM_DEFAULTS.treatMissingData,
    severity: ML_ANOMALY_ALARM_DEFAULTS.severity,
    why: 'As the static ML alarms: a model may publish rarely, so silence leaves INSUFFICIENT_DATA. The alarm creates its model, '
      + 'which trains on up to two weeks of history and starts with less (CloudWatch User Guide, anomaly detection).',
    optionsKey: 'mlAnomalyAlarms',
  },
  {
    name: 'platform-health',
    suffix: /^platform-health$/,
    metric: 'Composite: any DMS, Lambda, API Gateway, Batch or Glue alarm above (not CIS, not ML) in ALARM',
    statistic: '-',
    threshold: 'any input in ALARM',
    period: '-',
    why: 'Composite (its inputs decide). A health signal without actions by default: its inputs already notify.',
  },
  {
    name: 'platform-health-part<n>',
    suffix: /^platform-health-part\d+$/,
    metric: 'Composite over 50 of the inputs of `platform-health` (only above 50 inputs)',
    statistic: '-',
    threshold: 'any input in ALARM',
    period: '-',
    why: 'Composite (its inputs decide); no actions.',
  },
];

/** The catalog entry of an alarm-name suffix (undefined when no row documents it). */
export function catalogEntryOf(suffix: string): AlarmCatalogEntry | undefined {
  return ALARM_CATALOG.find((e) => e.suffix.test(suffix));
}

/** The README's alarm table (Markdown), rendered from the catalog. */
export function renderAlarmTable(): string {
  const rows = ALARM_CATALOG.map((e) => `| \`${e.name}\` | ${e.metric} | ${e.statistic} | ${e.threshold} | ${e.period} | `
    + `${e.missingData ? `\`${e.missingData}\`` : '- (composite)'} | ${e.severity ? e.severity.toLowerCase() : '-'} | ${e.why} | `
    + `${e.optionsKey ? `\`${e.optionsKey}\`` : '-'} |`);
  return [
    '| Alarm (suffix) | Metric | Statistic | Threshold | Period | Missing data | Severity | Why | `alarms` key |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
