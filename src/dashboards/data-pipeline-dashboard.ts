import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { alarmAnnotations } from './alarm-annotations';
import { partName } from './dashboard-parts';
import { PlatformDashboardProps } from './dashboard-props';
import { resolveDashboardSettings } from './dashboard-settings';
import { HALF_WIDTH, THIRD_WIDTH } from './layout';
import { BATCH_ERRORS_QUERY, BATCH_FAILURES_QUERY, DMS_TASK_STATE_CHANGES_QUERY } from './queries';
import { DashboardContent, partTitle } from './widgets';
import { checkTemplateQuotas } from '../limits/template-quotas';
import { BatchJobQueueMetrics } from '../metrics/batch-metrics';
import { DmsMetrics, DmsReplicationInstanceMetrics } from '../metrics/dms-metrics';
import { GlueJobMetrics } from '../metrics/glue-metrics';
import { BatchJobStatus, GlueCrawlerOutcome, PlatformEventMetrics } from '../metrics/platform-event-metrics';
import { MonitoredResources, PIPELINE_LISTS } from '../model/monitored-platform';
import { MonitoredPipelineProps } from '../model/monitored-resource-props';
import { ResourceUse } from '../model/resource-location';
import { GlueJobRef } from '../model/source-account-glue';
import { chunk } from '../private/chunk';
import { validationError } from '../private/errors';

/** The AWS Batch default job log group. */
const BATCH_DEFAULT_LOG_GROUP = '/aws/batch/job';
/**
 * A conservative length for a SEARCH query string: 1,024 characters, the limit we know for search queries (the stored
 * excerpt of the CloudWatch User Guide, "CloudWatch search expression syntax", does not show it; the syntax and the
 * Boolean operators used here are from that page: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/search-expression-syntax.html).
 */
const MAX_SEARCH_QUERY_LENGTH = 1024;
/** Crawlers or Glue jobs per graph (two metrics each). */
const GLUE_ITEMS_PER_GRAPH = 25;
/** The statuses on the "Batch jobs by status" graphs. */
const BATCH_STATUSES: Array<[BatchJobStatus, string]> = [
  [BatchJobStatus.SUBMITTED, 'Submitted'],
  [BatchJobStatus.RUNNING, 'Running'],
  [BatchJobStatus.SUCCEEDED, 'Succeeded'],
  [BatchJobStatus.FAILED, 'Failed'],
];

/**
 * Properties of `DataPipelineDashboard`: the pipeline graphed (`MonitoredPipelineProps`: a DMS
 * section per task and replication instance, a row of `AWS/Batch` metrics per queue, crawler runs
 * from the platform's event metrics and job tasks from the Glue job metrics; entries of source
 * accounts are graphed with their `accountId`, and DMS tasks of other Regions with their Region),
 * where its tables read, and the dashboard's settings.
 */
export interface DataPipelineDashboardProps extends PlatformDashboardProps, MonitoredPipelineProps {
  /**
   * A replication-lag line for the DMS latency graphs when no lag alarm is given in `alarms`. The
   * graphs draw the threshold of every alarm in `alarms` on their metrics (so an `alarms` option
   * override shows); synth fails if this differs from the task's lag alarm.
   *
   * @default - only the thresholds of the alarms in `alarms`
   */
  readonly replicationLagThreshold?: Duration;

  /**
   * Whether the platform captures Batch, Glue and DMS task events (`AlarmOptions.eventCapture`):
   * the graphs of the event metrics ("Batch jobs by status (all queues)", Glue crawler runs) and
   * the "Recent Batch job failures" and "Recent DMS task state changes" tables are shown only when
   * it does.
   *
   * @default true
   */
  readonly eventCapture?: boolean;

  /**
   * The log group the platform's EventBridge rules deliver Batch, Glue and DMS task events to
   * (`PlatformMonitoring.logging.platformEventsLogGroup`): the "Recent Batch job failures" table (job name,
   * queue, status reason, exit code) and, with `dmsReplicationTasks`, the "Recent DMS task state
   * changes" table (task ARN, category, event type, message) query it. Ignored when `eventCapture`
   * is false.
   *
   * @default - no "Recent Batch job failures" or "Recent DMS task state changes" table
   */
  readonly eventsLogGroup?: logs.ILogGroup;

  /**
   * The log groups the "Recent Batch job errors" widget queries (widgets of at most 50 groups).
   *
   * @default - the AWS Batch default job log group `/aws/batch/job`
   */
  readonly batchLogGroups?: logs.ILogGroup[];

  /**
   * The data-pipeline alarms for the alarm status widget.
   *
   * @default - no alarm status widget
   */
  readonly alarms?: cloudwatch.IAlarm[];
}

/**
 * The data-pipeline dashboard (`<projectName>-data-pipeline`): DMS replication throughput and
 * latency, replication instance health and recent task state changes, AWS Batch jobs by status, Glue crawler runs and job tasks, recent Batch job errors and
 * the pipeline's alarms. Reads metrics only: it creates no alarm or log group.
 *
 * When everything does not fit in one dashboard (500 widgets, 2,500 metrics), the dashboard is
 * split into parts named `<dashboardName>`, `<dashboardName>-2`, ...: the first is the dashboard as
 * always, each further part is in a nested stack of its own.
 */
export class DataPipelineDashboard extends Construct {
  /** The dashboard (its first part when it is split). */
  public readonly dashboard: cloudwatch.Dashboard;

  /** The dashboard's name (of its first part when it is split). */
  public readonly dashboardName: string;

  /** Every part of the dashboard, in order: `dashboard` first. */
  public readonly dashboards: cloudwatch.Dashboard[];

  /** The names of `dashboards`, in order: `<dashboardName>`, `<dashboardName>-2`, ... */
  public readonly dashboardNames: string[];

  constructor(scope: Construct, id: string, props: DataPipelineDashboardProps) {
    super(scope, id);
    checkTemplateQuotas(this);
    const settings = resolveDashboardSettings(this, props, 'data-pipeline', Duration.hours(3));
    this.dashboardName = settings.dashboardName;
    const period = settings.period;
    const events = new PlatformEventMetrics({ namespace: settings.naming.metricNamespace });
    const alarms = props.alarms ?? [];
    const content = new DashboardContent(this, period, alarms);

    content.addRow(...content.alarmStatus('Data pipeline alarms', alarms));

    // DMS: one row per task.
    // What is graphed: the platform's model, or (used alone) resolved here, where graphs may show other Regions.
    const model = MonitoredResources.of(this, props, PIPELINE_LISTS, ResourceUse.GRAPHS);
    const tasks = model.dmsTasks;
    if (tasks.length > 0) content.startSection('DMS replication');
    for (const task of tasks) {
      const m = new DmsMetrics(task);
      const name = task.displayName ?? task.replicationTaskIdentifier;
      const latency = [m.metricCdcLatencySource({ period, label: 'Source' }), m.metricCdcLatencyTarget({ period, label: 'Target' })];
      content.addRow(
        content.graph({
          title: `DMS ${name}: throughput (rows/s)`,
          left: [m.metricCdcThroughputRowsSource({ period, label: 'Source' }), m.metricCdcThroughputRowsTarget({ period, label: 'Target' })],
          width: THIRD_WIDTH,
        }),
        content.graph({
          title: `DMS ${name}: throughput (KB/s)`,
          left: [m.metricCdcThroughputBandwidthSource({ period, label: 'Source' }), m.metricCdcThroughputBandwidthTarget({ period, label: 'Target' })],
          width: THIRD_WIDTH,
        }),
        content.graph({
          title: `DMS ${name}: latency (s)`,
          left: latency,
          // The alarms' own thresholds are drawn by `content`; this line only without a lag alarm.
          leftAnnotations: explicitLagLine(this, props.replicationLagThreshold, alarmAnnotations(alarms, [latency[1]])),
          width: THIRD_WIDTH,
        }),
      );
    }

    const eventCapture = props.eventCapture ?? true;

    // DMS replication instances: host health, one row per instance (tasks may share one).
    model.dmsInstances.forEach(({ instance, account, region }) => {
      const m = new DmsReplicationInstanceMetrics({ replicationInstanceIdentifier: instance, account, region });
      content.addRow(
        content.graph({ title: `DMS instance ${instance}: CPU (%)`, left: [m.metricCpuUtilization({ period, label: 'CPU' })], width: THIRD_WIDTH }),
        content.graph({
          title: `DMS instance ${instance}: memory (bytes)`,
          left: [m.metricFreeableMemory({ period, label: 'Freeable memory (min)' }), m.metricSwapUsage({ period, label: 'Swap used (max)' })],
          width: THIRD_WIDTH,
        }),
        content.graph({ title: `DMS instance ${instance}: free storage (bytes)`, left: [m.metricFreeStorageSpace({ period, label: 'Free storage (min)' })], width: THIRD_WIDTH }),
      );
    });
    // A stopped or failed task by name, from the captured `DMS Replication Task State Change` events.
    if (eventCapture && props.eventsLogGroup && tasks.length > 0) {
      content.addRow(...content.logQueries('Recent DMS task state changes', [props.eventsLogGroup.logGroupName], DMS_TASK_STATE_CHANGES_QUERY));
    }

    // AWS Batch: native metrics per queue, the event totals, then recent failures and errors.
    content.startSection('AWS Batch jobs');
    model.batchQueues.forEach((queue, i) => {
      // A queue of a source account (by ARN): its AWS/Batch metrics with its accountId.
      const m = new BatchJobQueueMetrics({ jobQueueName: queue.jobQueueName, account: queue.account });
      const label = `${queue.name ?? `queue ${i + 1}`}${queue.account !== undefined ? ` (account ${queue.account})` : ''}`;
      content.addRow(
        content.graph({
          title: `Batch ${label}: state transitions`,
          left: [
            m.metricJobsSubmitted({ period, label: 'Submitted' }),
            m.metricJobsMovedToRunnable({ period, label: 'Runnable' }),
            m.metricJobsMovedToRunning({ period, label: 'Running' }),
            m.metricJobsMovedToSucceeded({ period, label: 'Succeeded' }),
            m.metricJobsMovedToFailed({ period, label: 'Failed (incl. cancelled, terminated)' }),
            m.metricJobsRetried({ period, label: 'Retried attempts' }),
          ],
          width: HALF_WIDTH,
        }),
        content.graph({
          title: `Batch ${label}: durations (ms)`,
          left: [
            m.metricRunnableToStartingDuration({ period, label: 'Waiting in queue (avg)' }),
            m.metricRunnableToStartingDuration({ period, statistic: cloudwatch.Stats.MAXIMUM, label: 'Waiting in queue (max)' }),
            m.metricAttemptExecutionDuration({ period, label: 'Run time (avg)' }),
            m.metricAttemptExecutionDuration({ period, statistic: cloudwatch.Stats.MAXIMUM, label: 'Run time (max)' }),
          ],
          width: HALF_WIDTH,
        }),
      );
    });
    if (eventCapture) {
      const recentFailures = props.eventsLogGroup
        ? content.logQueries('Recent Batch job failures', [props.eventsLogGroup.logGroupName], BATCH_FAILURES_QUERY, HALF_WIDTH) : [];
      content.addRow(content.graph({
        title: 'Batch jobs by status (all queues)',
        left: BATCH_STATUSES.map(([status, label]) => events.metricBatchJobs(status, { period, label })),
        width: HALF_WIDTH,
      }), ...recentFailures);
    }
    const batchLogGroupNames = props.batchLogGroups?.map(g => g.logGroupName) ?? [BATCH_DEFAULT_LOG_GROUP];
    content.addRow(...content.logQueries('Recent Batch job errors', batchLogGroupNames, BATCH_ERRORS_QUERY));

    // Glue: crawler runs (event metrics) and job tasks (Glue job metrics).
    content.startSection('AWS Glue');
    const glueGraphs: cloudwatch.GraphWidget[] = [];
    const crawlers = eventCapture ? model.glueCrawlers : [];
    if (eventCapture && crawlers.length === 0) {
      glueGraphs.push(content.graph({
        title: 'Glue crawler runs (all crawlers)',
        left: [
          events.metricGlueCrawlerRuns(GlueCrawlerOutcome.SUCCEEDED, undefined, { period, label: 'Succeeded' }),
          events.metricGlueCrawlerRuns(GlueCrawlerOutcome.FAILED, undefined, { period, label: 'Failed' }),
        ],
        width: HALF_WIDTH,
      }));
    }
    const crawlerGroups = chunk(crawlers, GLUE_ITEMS_PER_GRAPH);
    crawlerGroups.forEach((group, i) => glueGraphs.push(content.graph({
      title: partTitle('Glue crawler runs', i, crawlerGroups.length),
      left: group.flatMap(name => [
        events.metricGlueCrawlerRuns(GlueCrawlerOutcome.SUCCEEDED, name, { period, label: `${name} succeeded` }),
        events.metricGlueCrawlerRuns(GlueCrawlerOutcome.FAILED, name, { period, label: `${name} failed` }),
      ]),
      width: HALF_WIDTH,
    })));
    // Jobs of source accounts (by ARN) are graphed with their accountId, and left out of the SEARCH
    // expressions below (which search this account's metrics by job name).
    const glueJobs = model.glueJobs;
    const jobLabel = (job: GlueJobRef) => `${job.jobName}${job.account !== undefined ? ` (${job.account})` : ''}`;
    const jobGroups = chunk(glueJobs, GLUE_ITEMS_PER_GRAPH);
    jobGroups.forEach((group, i) => glueGraphs.push(content.graph({
      title: partTitle('Glue job tasks', i, jobGroups.length),
      left: group.flatMap(job => {
        const m = new GlueJobMetrics(job);
        return [
          m.metricCompletedTasks({ period, label: `${jobLabel(job)} completed` }),
          m.metricFailedTasks({ period, label: `${jobLabel(job)} failed` }),
        ];
      }),
      width: HALF_WIDTH,
    })));
    // Glue 4.0+ observability metrics (jobs run with `--enable-observability-metrics true`), beside the
    // task metrics: successful and failed runs per job, then the failures by error category.
    jobGroups.forEach((group, i) => glueGraphs.push(content.graph({
      title: partTitle('Glue job runs (observability metrics)', i, jobGroups.length),
      left: group.flatMap(job => {
        const m = new GlueJobMetrics(job);
        return [
          m.metricObservedSucceeded({ period, label: `${jobLabel(job)} succeeded` }),
          m.metricObservedErrors({ period, label: `${jobLabel(job)} failed` }),
        ];
      }),
      width: HALF_WIDTH,
    })));
    const searches = glueErrorCategorySearches(glueJobs.filter(j => j.account === undefined).map(j => j.jobName), period);
    searches.forEach((expression, i) => glueGraphs.push(content.graph({
      title: partTitle('Glue job errors by category (observability metrics)', i, searches.length),
      left: [new cloudwatch.MathExpression({ expression, label: '', period })],
      width: HALF_WIDTH,
    })));
    content.addRow(...glueGraphs);

    this.dashboards = content.build(this, {
      dashboardName: settings.dashboardName,
      defaultInterval: settings.defaultInterval,
      what: 'data pipeline',
      firstPartMaxMetrics: settings.firstPartMaxMetrics,
    });
    this.dashboard = this.dashboards[0];
    this.dashboardNames = this.dashboards.map((_, i) => partName(settings.dashboardName, i));
  }
}

/**
 * SEARCH expressions over the `glue.error.<CATEGORY>` observability metrics of `jobNames` (every
 * category, without the `glue.error.ALL` total), as few as fit CloudWatch's 1,024-character limit
 * on a search query.
 */
function glueErrorCategorySearches(jobNames: string[], period: Duration): string[] {
  const schema = `{${GlueJobMetrics.NAMESPACE},JobName,JobRunId,ObservabilityGroup,Type}`;
  const query = (names: string[]) => `${schema} ObservabilityGroup="error" NOT MetricName="glue.error.ALL" `
    + `NOT MetricName="glue.succeed.ALL" (${names.map((n) => `JobName="${n}"`).join(' OR ')})`;
  const groups: string[][] = [];
  for (const name of jobNames) {
    const last = groups[groups.length - 1];
    if (last && query([...last, name]).length <= MAX_SEARCH_QUERY_LENGTH) last.push(name);
    else groups.push([name]);
  }
  return groups.map((names) => `SEARCH('${query(names)}', 'Sum', ${period.toSeconds()})`);
}

/** The explicit lag line, unless a lag alarm draws one; an error if the two disagree. */
function explicitLagLine(scope: Construct, threshold: Duration | undefined, fromAlarms: cloudwatch.HorizontalAnnotation[]):
cloudwatch.HorizontalAnnotation[] | undefined {
  if (threshold === undefined || threshold.isUnresolved()) return undefined;
  const seconds = threshold.toSeconds();
  const conflicting = fromAlarms.find((a) => !Token.isUnresolved(a.value) && a.value !== seconds);
  if (conflicting) {
    throw validationError(scope, `replicationLagThreshold (${seconds} s) differs from the replication lag alarm's threshold `
      + `(${conflicting.value} s): remove replicationLagThreshold, the graph draws the alarm's threshold.`);
  }
  return fromAlarms.length > 0 ? undefined : [{ value: seconds, label: `Replication lag limit (${seconds} s)`, color: '#d62728' }];
}

