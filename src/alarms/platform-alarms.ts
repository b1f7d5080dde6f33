import { Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { ALARM_DEFAULTS } from './alarm-catalog';
import { AlarmFactory, severityOf } from './alarm-factory';
import { checkAlarmSettings } from './alarm-options-check';
import { AlarmShards } from './alarm-shards';
import { CisBenchmarkVersion, CisControl } from './cis-controls';
import { lambdaAggregateAlarm } from './lambda-aggregate-alarm';
import { createMlAlarms, createMlAnomalyAlarms } from './ml-alarms';
import { monitoredApis } from './monitored-apis';
import { PlatformAlarmsProps } from './platform-alarms-props';
import { PlatformHealthAlarmOptions } from './platform-health-options';
import { cisSeverities, SecurityAlarms } from './security-alarms';
import { DeploymentEnvironment } from '../core/environment';
import { PlatformNaming } from '../core/naming';
import { resolveEnvironment } from '../core/validation';
import { PlatformEvents } from '../events/platform-events';
import { checkTemplateQuotas } from '../limits/template-quotas';
import { BatchJobQueueMetrics } from '../metrics/batch-metrics';
import { DmsMetrics, DmsReplicationInstanceMetrics } from '../metrics/dms-metrics';
import { GlueJobMetrics } from '../metrics/glue-metrics';
import { BatchJobStatus, GlueCrawlerOutcome, GlueJobOutcome } from '../metrics/platform-event-metrics';
import { ALL_LISTS, MonitoredResources } from '../model/monitored-platform';
import { ResourceUse } from '../model/resource-location';
import { IAlarmActionStrategy, SnsAlarmActionStrategy } from '../notifications/alarm-action-strategy';
import { AlarmSeverity } from '../notifications/alarm-severity';
import { MaintenanceWindow } from '../notifications/maintenance-window';
import { accountPart, keyPart } from '../private/alarm-keys';
import { chunk } from '../private/chunk';
import { validationError } from '../private/errors';
import { checkEnumList, checkEnumValue, checkList, checkOptions } from '../private/input-checks';

const DEFAULTS = ALARM_DEFAULTS;

/**
 * Keeps a composite alarm's rule (`(ALARM("<arn>") OR ...)`) under CloudWatch's 10,240 characters
 * (SHARED_QUOTAS.compositeRuleCharacters, PutCompositeAlarm `AlarmRule`) whatever the names: an
 * alarm ARN is at most 60 + 255 characters, so an input takes at most 328 with its ` OR `, and 30
 * inputs at most 9,838 (50 could take 16,398).
 */
const MAX_ALARMS_PER_COMPOSITE = 30;

/** A mute rule targets at most 100 alarms (aws-cdk-lib `AlarmMuteRuleProps.alarms`; CloudWatch User Guide, "Alarm mute rules"). */
const MAX_ALARMS_PER_MUTE_RULE = 100;
/** CloudWatch: a metric-math alarm may use at most 10 metrics. */
const MAX_METRICS_PER_MATH_ALARM = 10;

/**
 * The platform's alarms, all notifying through one action strategy (ALARM and OK):
 * DMS replication lag and source latency per task, Lambda errors and throttles (summed over the
 * listed functions, or account-wide), API Gateway 5xx and p99 latency per REST / HTTP API, Batch
 * job and Glue crawler / job failures (from `PlatformEvents`), the CIS security alarms, and a
 * composite "platform health" alarm.
 */
export class PlatformAlarms extends Construct {
  /** Every alarm created, composites and security alarms included. */
  public readonly allAlarms: cloudwatch.IAlarm[] = [];
  /** DMS replication lag (`CDCLatencyTarget` > 300 s), one per task. */
  public readonly dmsReplicationLagAlarms: cloudwatch.IAlarm[] = [];
  /** DMS source latency (`CDCLatencySource` > 300 s), one per task. */
  public readonly dmsSourceLatencyAlarms: cloudwatch.IAlarm[] = [];
  /** DMS replication instance free storage (`FreeStorageSpace` < 5 GiB), one per replication instance. */
  public readonly dmsFreeStorageAlarms: cloudwatch.IAlarm[] = [];
  /**
   * The Lambda errors alarms (errors > 10 in 5 minutes): one account-wide alarm when no function
   * is listed, else one per group of 10 of `lambdaFunctions`, in their order. Empty when disabled.
   * (There is no single "Lambda errors alarm" above 10 functions: each alarm reads its group.)
   *
   * @experimental the Lambda alarms above 10 functions are being redesigned for an exact platform total.
   */
  public readonly lambdaErrorsAlarms: cloudwatch.IAlarm[];
  /**
   * The Lambda throttles alarms (throttles > 5 in 5 minutes): one account-wide alarm when no
   * function is listed, else one per group of 10 of `lambdaFunctions`, in their order. Empty when
   * disabled.
   *
   * @experimental the Lambda alarms above 10 functions are being redesigned for an exact platform total.
   */
  public readonly lambdaThrottlesAlarms: cloudwatch.IAlarm[];
  /** API Gateway 5xx > 5 in 5 minutes, one per REST / HTTP API stage. */
  public readonly apiGateway5xxAlarms: cloudwatch.IAlarm[] = [];
  /** API Gateway p99 latency, one per REST / HTTP API stage. */
  public readonly apiLatencyAlarms: cloudwatch.IAlarm[] = [];
  /** Batch jobs failed >= 1 in 5 minutes (needs `eventsLogGroup`). */
  public readonly batchJobFailuresAlarm?: cloudwatch.IAlarm;
  /** Glue crawler runs failed >= 1 in 5 minutes (needs `eventsLogGroup`). */
  public readonly glueCrawlerFailuresAlarm?: cloudwatch.IAlarm;
  /** Glue job runs failed or timed out >= 1 in 5 minutes (needs `eventsLogGroup`). */
  public readonly glueJobFailuresAlarm?: cloudwatch.IAlarm;
  /**
   * Job failures of each Batch queue of a source account (`batchJobQueues` ARNs of another account,
   * with event capture on): `AWS/Batch` `JobsMovedToFailed` read with the queue's account ID, since
   * its state-change events never arrive here.
   *
   * @experimental
   */
  public readonly sourceAccountBatchJobFailuresAlarms: cloudwatch.IAlarm[] = [];
  /**
   * Failed tasks of each Glue job of a source account (`glueJobNames` ARNs of another account):
   * `Glue` `glue.driver.aggregate.numFailedTasks` read with the job's account ID, since its
   * state-change events never arrive here.
   *
   * @experimental
   */
  public readonly sourceAccountGlueJobFailuresAlarms: cloudwatch.IAlarm[] = [];
  /** The CIS security alarms. */
  public readonly securityAlarms: cloudwatch.IAlarm[] = [];
  /**
   * The composite "platform health" alarm: in ALARM when any DMS, Lambda, API Gateway, Batch or
   * Glue alarm is. Without actions unless `platformHealth.actions` is set (its inputs notify).
   */
  public readonly platformHealthAlarm?: cloudwatch.IAlarm;
  /** DMS, Batch and Glue alarms, for the data-pipeline dashboard's alarm-status widget. */
  public readonly dataPipelineAlarms: cloudwatch.IAlarm[] = [];
  /** API Gateway and Lambda alarms, for the api-performance dashboard's alarm-status widget. */
  public readonly apiAlarms: cloudwatch.IAlarm[] = [];
  /**
   * The event rules and filters behind the Batch and Glue alarms (and the DMS task state-change
   * capture, which has no alarm), when `eventsLogGroup` is set and `eventCapture` is on.
   */
  public readonly platformEvents?: PlatformEvents;

  /** The static-threshold ML metric alarms (`mlAlarms`). */
  public readonly mlAlarms: cloudwatch.IAlarm[] = [];

  /**
   * The anomaly-detection alarms on the ML catalog's metrics with `anomalyDetection` (`mlAnomalyAlarms`).
   *
   * @experimental
   */
  public readonly mlAnomalyAlarms: cloudwatch.IAlarm[] = [];

  /** The CRITICAL alarms (they take `criticalActions`), composites excluded. */
  public readonly criticalAlarms: cloudwatch.IAlarm[];

  /** The WARNING alarms (they take `warningActions`), composites excluded. */
  public readonly warningAlarms: cloudwatch.IAlarm[];

  /**
   * The mute rules of `maintenanceWindows` (one per window, more above 100 alarms).
   *
   * @experimental alarm mute rules are new in CloudWatch and in aws-cdk-lib.
   */
  public readonly muteRules: cloudwatch.IAlarmMuteRule[] = [];

  private readonly factory: AlarmFactory;
  private readonly pipelineDashboard: string;
  private readonly apiDashboard: string;

  constructor(scope: Construct, id: string, props: PlatformAlarmsProps) {
    super(scope, id);
    checkTemplateQuotas(this);
    // 1. Validate, and build the one factory every alarm goes through.
    const environment = resolveEnvironment(this, props.environment);
    // What is monitored: the platform's model, or (used alone) resolved here, where alarms are Region-bound.
    const model = MonitoredResources.of(this, props, ALL_LISTS, ResourceUse.ALARMS);
    const security = checkOptions(this, 'securityAlarms', props.securityAlarms, true);
    checkEnumList(this, 'securityAlarms.disabledCisControls', security.disabledCisControls, CisControl, 'CisControl');
    checkEnumValue(this, 'securityAlarms.cisBenchmarkVersion', security.cisBenchmarkVersion, CisBenchmarkVersion, 'CisBenchmarkVersion');
    cisSeverities(this, security.cisControlSeverities, 'securityAlarms.cisControlSeverities');
    const health = checkOptions(this, 'platformHealth', props.platformHealth, true);
    checkList(this, 'platformHealth.actions', health.actions);
    checkList(this, 'actions', props.actions);
    checkList(this, 'criticalActions', props.criticalActions);
    checkList(this, 'warningActions', props.warningActions);
    checkAlarmSettings(this, props, '');
    const naming = new PlatformNaming(props.projectName, environment);
    const actions = alarmActions(props);
    this.factory = new AlarmFactory(this, naming, actions, { critical: props.criticalActions, warning: props.warningActions });
    this.pipelineDashboard = `dashboard ${naming.dashboardName('data-pipeline')}`;
    this.apiDashboard = `dashboard ${naming.dashboardName('api-performance')}`;

    // 2. One family of alarms at a time.
    this.dmsAlarms(props, model);
    const lambda = this.lambdaAlarms(props, model);
    this.lambdaErrorsAlarms = lambda.errors.all;
    this.lambdaThrottlesAlarms = lambda.throttles.all;
    this.apiGatewayAlarms(props, model);
    this.apiAlarms.unshift(...lambda.errors.all, ...lambda.throttles.all);
    const eventCapture = props.eventCapture ?? true;
    if (props.eventsLogGroup && eventCapture) {
      this.platformEvents = new PlatformEvents(this, 'Events', {
        projectName: props.projectName,
        environment,
        logGroup: props.eventsLogGroup,
        batchJobQueues: props.batchJobQueues,
        dmsReplicationTasks: props.dmsReplicationTasks,
        glueCrawlerNames: props.glueCrawlerNames,
        glueJobNames: props.glueJobNames,
        deliveryPolicy: props.eventsDeliveryPolicy,
      });
      const events = this.eventAlarms(props, this.platformEvents);
      this.batchJobFailuresAlarm = events.batch;
      this.glueCrawlerFailuresAlarm = events.crawlers;
      this.glueJobFailuresAlarm = events.jobs;
    } else if (!eventCapture) {
      this.batchJobFailuresAlarm = this.nativeBatchAlarm(props, model);
    }
    if (eventCapture) this.sourceAccountBatchAlarms(props, model);
    this.sourceAccountGlueJobAlarms(props, model);
    this.dataPipelineAlarms.unshift(...this.dmsReplicationLagAlarms, ...this.dmsSourceLatencyAlarms, ...this.dmsFreeStorageAlarms);
    this.allAlarms.push(...this.dataPipelineAlarms, ...this.apiAlarms);

    // 3. CIS security alarms on the trail's log group.
    const securityOn = security.enabled ?? environment === DeploymentEnvironment.PROD;
    if (securityOn && props.trailLogGroup) {
      this.securityAlarms.push(...new SecurityAlarms(this, 'Security', {
        projectName: props.projectName,
        environment,
        trailLogGroup: props.trailLogGroup,
        actions,
        criticalActions: props.criticalActions,
        warningActions: props.warningActions,
        disabledCisControls: security.disabledCisControls,
        cisBenchmarkVersion: security.cisBenchmarkVersion,
        cisControlSeverities: security.cisControlSeverities,
      }).allAlarms);
    }

    // 4. ML alarms, static and anomaly detection, through the same factory.
    if (props.mlAlarms && props.mlAlarms.length > 0) {
      this.mlAlarms.push(...createMlAlarms(this.factory, naming, props.mlComponents, props.mlAlarms));
    }
    this.mlAnomalyAlarms.push(...createMlAnomalyAlarms(this.factory, naming, props.mlComponents, props));

    // 5. The composite over the non-security, non-ML alarms.
    this.platformHealthAlarm = this.healthAlarm(health);
    this.allAlarms.push(...this.securityAlarms, ...this.mlAlarms, ...this.mlAnomalyAlarms);
    if (this.platformHealthAlarm) this.allAlarms.push(this.platformHealthAlarm);
    this.criticalAlarms = this.allAlarms.filter((a) => severityOf(a) === AlarmSeverity.CRITICAL);
    this.warningAlarms = this.allAlarms.filter((a) => severityOf(a) === AlarmSeverity.WARNING);

    // 6. Maintenance windows: mute rules over the alarms of their severities.
    this.maintenanceWindows(naming, props.maintenanceWindows);
  }

  /** One mute rule per window (per 100 alarms: CloudWatch's limit of targets per rule). */
  private maintenanceWindows(naming: PlatformNaming, windows: MaintenanceWindow[] | undefined): void {
    checkList(this, 'maintenanceWindows', windows);
    const names = new Set<string>();
    (windows ?? []).forEach((w, i) => {
      const prop = `maintenanceWindows[${i}]`;
      if (Token.isUnresolved(w.name) || !/^[A-Za-z0-9-]{1,64}$/.test(w.name)) {
        throw validationError(this, `${prop}.name must be 1-64 letters, digits or "-" (it names the mute rule); got "${w.name}".`);
      }
      if (names.has(w.name)) throw validationError(this, `${prop}.name "${w.name}" is used twice: mute rule names must be unique.`);
      names.add(w.name);
      checkEnumList(this, `${prop}.severities`, w.severities, AlarmSeverity, 'AlarmSeverity');
      const severities = new Set(w.severities ?? [AlarmSeverity.CRITICAL, AlarmSeverity.WARNING]);
      // CIS alarms return to OK within minutes and a muted OK never notifies (CloudWatch User Guide,
      // "Alarm mute rules behaviour"): they are muted only when the window says so. The composite
      // has no severity, so it is never a target (AWS documents mute rules only for alarms by name).
      const security = new Set(this.securityAlarms);
      const targets = [
        ...(severities.has(AlarmSeverity.CRITICAL) ? this.criticalAlarms : []),
        ...(severities.has(AlarmSeverity.WARNING) ? this.warningAlarms : []),
      ].filter((a) => w.includeSecurityAlarms === true || !security.has(a));
      if (targets.length === 0) return;
      const groups = chunk(targets, MAX_ALARMS_PER_MUTE_RULE);
      groups.forEach((group, g) => {
        const suffix = groups.length > 1 ? `-${g + 1}` : '';
        this.muteRules.push(new cloudwatch.AlarmMuteRule(this, `mute-${w.name}${suffix}`, {
          alarmMuteRuleName: `${naming.stem}-mute-${w.name}${suffix}`,
          description: w.description ?? `Maintenance window ${w.name}`,
          schedule: w.schedule,
          duration: w.duration,
          start: w.start,
          expire: w.expire,
          alarms: group,
        }));
      });
    });
  }

  /**
   * DMS: one lag and one source-latency alarm per task, in nested stacks chosen by a hash of the
   * task's key (`AlarmShards`), so the platform stack does not grow with the tasks.
   */
  private dmsAlarms(props: PlatformAlarmsProps, model: MonitoredResources): void {
    const shards = new AlarmShards(this.factory, 'dms-alarms', 'DMS task replication-lag and source-latency alarms');
    model.dmsTasks.forEach((task, i) => {
      const metrics = new DmsMetrics(task);
      // A task of a source account has its own alarms: the account is part of the key (and name).
      const part = `${accountPart(task.account)}${keyPart(task.replicationTaskIdentifier, i)}`;
      const label = task.displayName ?? task.replicationTaskIdentifier;
      const factory = shards.factoryFor(`dms-${part}`);
      keep(this.dmsReplicationLagAlarms, factory.create({
        key: `dms-${part}-replication-lag`,
        metric: metrics.metricCdcLatencyTarget(),
        unit: 'seconds',
        what: `DMS task ${label} replication lag (AWS/DMS CDCLatencyTarget, Maximum)`,
        where: this.pipelineDashboard,
        // A task of another account publishes nothing here until its account's link to the
        // monitoring sink exists: silence counted as breaching would page from the first deploy.
        // Until then (and if the link breaks) the alarm stays INSUFFICIENT_DATA, which has no action.
        defaults: crossAccount(this, task.account)
          ? { ...DEFAULTS.dmsReplicationLag, treatMissingData: cloudwatch.TreatMissingData.MISSING }
          : DEFAULTS.dmsReplicationLag,
        options: props.dmsReplicationLag,
        optionsProp: 'dmsReplicationLag',
      }));
      keep(this.dmsSourceLatencyAlarms, factory.create({
        key: `dms-${part}-source-latency`,
        metric: metrics.metricCdcLatencySource(),
        unit: 'seconds',
        what: `DMS task ${label} source latency (AWS/DMS CDCLatencySource, Maximum)`,
        where: this.pipelineDashboard,
        defaults: DEFAULTS.dmsSourceLatency,
        options: props.dmsSourceLatency,
        optionsProp: 'dmsSourceLatency',
      }));
    });
    // One free-storage alarm per replication instance (several tasks may share one).
    // A source account's instance is another instance: the account is part of the key, as for tasks.
    model.dmsInstances.forEach(({ instance, account, region }, i) => {
      keep(this.dmsFreeStorageAlarms, this.factory.create({
        key: `dms-${accountPart(account)}${keyPart(instance, i)}-free-storage`,
        metric: new DmsReplicationInstanceMetrics({ replicationInstanceIdentifier: instance, account, region }).metricFreeStorageSpace(),
        unit: 'bytes',
        what: `DMS replication instance ${instance} free storage (AWS/DMS FreeStorageSpace, Minimum): a full disk stops replication`,
        where: this.pipelineDashboard,
        defaults: DEFAULTS.dmsFreeStorage,
        options: props.dmsFreeStorage,
        optionsProp: 'dmsFreeStorage',
      }));
    });
  }

  /** Lambda: errors and throttles summed over the functions (or account-wide). */
  private lambdaAlarms(props: PlatformAlarmsProps, model: MonitoredResources) {
    const sourceAccountFunctions = model.sourceAccountFunctions;
    // This account's functions first, so listing source-account functions never regroups them.
    const functionNames = model.functions;
    const accountWide = props.lambdaAlarmsAccountWide ?? false;
    if (accountWide && sourceAccountFunctions.length > 0) {
      throw validationError(this, 'lambdaAlarmsAccountWide is true, but lambdaFunctionArns lists functions of source accounts: '
        + 'the account-wide Lambda metrics (no FunctionName) are this account\'s only, so those functions would never be '
        + 'watched. Set lambdaAlarmsAccountWide to false (their errors and throttles are then summed per function), or watch '
        + 'them from a PlatformMonitoring in their own account.');
    }
    const errors = lambdaAggregateAlarm(this.factory, functionNames, accountWide, 'Errors', {
      key: 'lambda-errors',
      unit: 'errors',
      what: 'Lambda errors (AWS/Lambda Errors, Sum)',
      where: this.apiDashboard,
      defaults: DEFAULTS.lambdaErrors,
      options: props.lambdaErrors,
      optionsProp: 'lambdaErrors',
    });
    const throttles = lambdaAggregateAlarm(this.factory, functionNames, accountWide, 'Throttles', {
      key: 'lambda-throttles',
      unit: 'throttles',
      what: 'Lambda throttles (AWS/Lambda Throttles, Sum)',
      where: this.apiDashboard,
      defaults: DEFAULTS.lambdaThrottles,
      options: props.lambdaThrottles,
      optionsProp: 'lambdaThrottles',
    });
    return { errors, throttles };
  }

  /**
   * API Gateway: 5xx and p99 latency per REST / HTTP API stage, in nested stacks chosen by a hash of
   * the API's key (`AlarmShards`): 100 APIs would otherwise put 200 alarms (about 200 KB) in the
   * platform stack.
   */
  private apiGatewayAlarms(props: PlatformAlarmsProps, model: MonitoredResources): void {
    const shards = new AlarmShards(this.factory, 'api-alarms', 'API Gateway 5xx and p99 latency alarms');
    for (const api of monitoredApis(this, model)) {
      const factory = shards.factoryFor(api.key);
      keep(this.apiGateway5xxAlarms, factory.create({
        key: `${api.key}-5xx`,
        metric: api.metrics.metricServerErrors(),
        unit: 'server errors',
        what: `${api.kind} ${api.label} server errors (AWS/ApiGateway ${api.errorMetric}, Sum)`,
        where: this.apiDashboard,
        defaults: DEFAULTS.apiGateway5xx,
        options: props.apiGateway5xx,
        optionsProp: 'apiGateway5xx',
      }));
      keep(this.apiLatencyAlarms, factory.create({
        key: `${api.key}-latency-p99`,
        metric: api.metrics.metricLatency({ statistic: cloudwatch.Stats.p(99) }),
        unit: 'ms',
        what: `${api.kind} ${api.label} p99 latency (AWS/ApiGateway Latency, p99)`,
        where: this.apiDashboard,
        defaults: DEFAULTS.apiLatencyP99,
        options: props.apiLatencyP99,
        optionsProp: 'apiLatencyP99',
      }));
    }
    this.apiAlarms.push(...this.apiGateway5xxAlarms, ...this.apiLatencyAlarms);
  }

  /** Batch and Glue: from the event metrics. */
  private eventAlarms(props: PlatformAlarmsProps, events: PlatformEvents) {
    const m = events.metrics;
    const batch = keep(this.dataPipelineAlarms, this.factory.create({
      key: 'batch-job-failures',
      metric: m.metricBatchJobs(BatchJobStatus.FAILED),
      unit: 'failed jobs',
      what: `AWS Batch jobs failed (${m.namespace} Batch.JobsFailed from Batch Job State Change events, Sum)`,
      where: `${this.pipelineDashboard}, and the job's log stream in /aws/batch/job`,
      defaults: DEFAULTS.batchJobFailures,
      options: props.batchJobFailures,
      optionsProp: 'batchJobFailures',
    }));
    const crawlers = keep(this.dataPipelineAlarms, this.factory.create({
      key: 'glue-crawler-failures',
      metric: m.metricGlueCrawlerRuns(GlueCrawlerOutcome.FAILED),
      unit: 'failed runs',
      what: `Glue crawler runs failed (${m.namespace} Glue.CrawlerRunsFailed from Glue Crawler State Change events, Sum)`,
      where: `${this.pipelineDashboard}, and /aws-glue/crawlers`,
      defaults: DEFAULTS.glueCrawlerFailures,
      options: props.glueCrawlerFailures,
      optionsProp: 'glueCrawlerFailures',
    }));
    const jobs = keep(this.dataPipelineAlarms, this.factory.create({
      key: 'glue-job-failures',
      metric: new cloudwatch.MathExpression({
        expression: 'FILL(failed, 0) + FILL(timedOut, 0)',
        usingMetrics: { failed: m.metricGlueJobRuns(GlueJobOutcome.FAILED), timedOut: m.metricGlueJobRuns(GlueJobOutcome.TIMED_OUT) },
        label: 'Glue job runs failed or timed out',
      }),
      unit: 'failed runs',
      what: `Glue job runs failed or timed out (${m.namespace} Glue.JobRunsFailed + Glue.JobRunsTimedOut from Glue Job State Change events)`,
      where: `${this.pipelineDashboard}, and /aws-glue/jobs/error`,
      defaults: DEFAULTS.glueJobFailures,
      options: props.glueJobFailures,
      optionsProp: 'glueJobFailures',
    }));
    return { batch, crawlers, jobs };
  }

  /**
   * Without event capture: `batch-job-failures` on AWS Batch's native `JobsMovedToFailed`, summed
   * over the listed queues (same key, so the same alarm name and logical ID).
   */
  private nativeBatchAlarm(props: PlatformAlarmsProps, model: MonitoredResources): cloudwatch.IAlarm | undefined {
    const queues = model.batchQueues;
    if (queues.length === 0) return undefined;
    if (queues.length > MAX_METRICS_PER_MATH_ALARM) {
      throw validationError(this, `batchJobQueues lists ${queues.length} queues, but with eventCapture false the Batch failure alarm `
        + `sums AWS/Batch JobsMovedToFailed per queue, and a metric-math alarm may use at most ${MAX_METRICS_PER_MATH_ALARM} metrics. `
        + 'Keep eventCapture on (the event count covers every queue), or list at most 10 queues.');
    }
    // A queue of a source account is read with its AccountId (one metric-math sum may mix accounts).
    const failed = queues.map((q) => new BatchJobQueueMetrics({ jobQueueName: q.jobQueueName, account: q.account }).metricJobsMovedToFailed());
    const metric = failed.length === 1 ? failed[0] : new cloudwatch.MathExpression({
      expression: failed.map((_, i) => `FILL(q${i + 1}, 0)`).join(' + '),
      usingMetrics: Object.fromEntries(failed.map((m, i) => [`q${i + 1}`, m])),
      label: 'AWS Batch jobs moved to FAILED',
    });
    return keep(this.dataPipelineAlarms, this.factory.create({
      key: 'batch-job-failures',
      metric,
      unit: 'failed jobs',
      what: `AWS Batch jobs failed, cancelled or terminated (AWS/Batch JobsMovedToFailed, Sum over ${queues.length} queue(s))`,
      where: `${this.pipelineDashboard}, and the job's log stream in /aws/batch/job`,
      defaults: DEFAULTS.batchJobFailures,
      options: props.batchJobFailures,
      optionsProp: 'batchJobFailures',
    }));
  }

  /**
   * With event capture, the event count covers this account's queues only (AWS Batch delivers job
   * state change events in the queue's own account): each queue of a source account gets its own
   * alarm on AWS Batch's native `JobsMovedToFailed`, read with the queue's account ID.
   */
  private sourceAccountBatchAlarms(props: PlatformAlarmsProps, model: MonitoredResources): void {
    model.batchQueues.forEach((q, i) => {
      if (q.account === undefined) return;
      keep(this.sourceAccountBatchJobFailuresAlarms, keep(this.dataPipelineAlarms, this.factory.create({
        key: `batch-${accountPart(q.account)}${keyPart(q.jobQueueName, i)}-job-failures`,
        metric: new BatchJobQueueMetrics({ jobQueueName: q.jobQueueName, account: q.account }).metricJobsMovedToFailed(),
        unit: 'failed jobs',
        what: `AWS Batch jobs of queue ${q.jobQueueName} in account ${q.account} failed, cancelled or terminated (AWS/Batch JobsMovedToFailed, Sum)`,
        where: `${this.pipelineDashboard}, and the job's log stream in account ${q.account}`,
        defaults: DEFAULTS.batchJobFailures,
        options: props.batchJobFailures,
        optionsProp: 'batchJobFailures',
      })));
    });
  }

  /**
   * Glue jobs of source accounts: their state-change events stay in their account, so each gets an
   * alarm on its failed tasks (`Glue` `glue.driver.aggregate.numFailedTasks`, published when job
   * metrics are enabled), read with the job's account ID.
   */
  private sourceAccountGlueJobAlarms(props: PlatformAlarmsProps, model: MonitoredResources): void {
    model.glueJobs.forEach((job, i) => {
      if (job.account === undefined) return;
      keep(this.sourceAccountGlueJobFailuresAlarms, keep(this.dataPipelineAlarms, this.factory.create({
        key: `glue-${accountPart(job.account)}${keyPart(job.jobName, i)}-failed-tasks`,
        metric: new GlueJobMetrics(job).metricFailedTasks(),
        unit: 'failed tasks',
        what: `Glue job ${job.jobName} in account ${job.account}: failed tasks (Glue glue.driver.aggregate.numFailedTasks, Sum; `
          + 'needs job metrics enabled)',
        where: `${this.pipelineDashboard}, and /aws-glue/jobs/error in account ${job.account}`,
        defaults: DEFAULTS.glueJobFailures,
        options: props.glueJobFailures,
        optionsProp: 'glueJobFailures',
      })));
    });
  }

  /**
   * Composite platform health over the non-security alarms. Its inputs notify, so by default it
   * has no actions of its own (one incident, one email); `platformHealth.actions` opts in (a pager).
   */
  private healthAlarm(options: PlatformHealthAlarmOptions): cloudwatch.IAlarm | undefined {
    const inputs = [...this.dataPipelineAlarms, ...this.apiAlarms];
    if (!(options.enabled ?? true) || inputs.length === 0) return undefined;
    // A composite rule is at most 10,240 characters (~100 alarm ARNs): nest groups of 50.
    const parts = inputs.length <= MAX_ALARMS_PER_COMPOSITE ? inputs : chunk(inputs, MAX_ALARMS_PER_COMPOSITE)
      .map((group, g) => this.factory.createAnyOf(`platform-health-part${g + 1}`, group,
        `Platform health, part ${g + 1}: at least one of ${group.length} platform alarms is in ALARM`, this.pipelineDashboard));
    if (parts !== inputs) this.allAlarms.push(...parts);
    return this.factory.createAnyOf('platform-health', parts,
      `Platform health: at least one of ${inputs.length} platform alarms is in ALARM`, `${this.pipelineDashboard} and ${this.apiDashboard}`,
      { actions: options.actions, actionsProp: 'platformHealth.actions', inputs });
  }
}

/** The alert topic's notifications (unless turned off), then the user's strategies. */
function alarmActions(props: PlatformAlarmsProps): IAlarmActionStrategy[] {
  const notifyTopic = props.alertTopic && (props.notifyAlertTopic ?? true);
  return [
    ...(notifyTopic ? [new SnsAlarmActionStrategy({ topics: [props.alertTopic!] })] : []),
    ...(props.actions ?? []),
  ];
}

/** Whether `account` is a literal account other than the stack's (a token or the same account: no). */
function crossAccount(scope: Construct, account: string | undefined): boolean {
  if (account === undefined || Token.isUnresolved(account)) return false;
  const own = Stack.of(scope).account;
  return Token.isUnresolved(own) || account !== own;
}

function keep(list: cloudwatch.IAlarm[], alarm?: cloudwatch.IAlarm): cloudwatch.IAlarm | undefined {
  if (alarm) list.push(alarm);
  return alarm;
}
