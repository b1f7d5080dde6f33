import { ArnFormat, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, IConstruct } from 'constructs';
import { batchJobStatusPattern, glueCrawlerOutcomePattern, glueJobOutcomePattern } from './event-filter-patterns';
import { splitForEventPattern } from './event-pattern-split';
import {
  coveredBySharedPolicy, EventsDeliveryPolicy, SHARED_EVENTS_GROUP_PATTERN, SHARED_EVENTS_POLICIES, SHARED_EVENTS_POLICY_NAME,
} from './events-delivery-policy';
import { LogGroupRuleTarget } from './log-group-target';
import { DeploymentEnvironment } from '../core/environment';
import { PlatformNaming } from '../core/naming';
import { resolveEnvironment } from '../core/validation';
import { BatchJobStatus, GlueCrawlerOutcome, GlueJobOutcome, PlatformEventMetrics } from '../metrics/platform-event-metrics';
import { MonitoredResources, PIPELINE_LISTS } from '../model/monitored-platform';
import { MonitoredPipelineProps } from '../model/monitored-resource-props';
import { DmsReplicationTask } from '../model/monitored-resources';
import { ResourceUse } from '../model/resource-location';
import { validationError } from '../private/errors';
import { checkEnumValue } from '../private/input-checks';
import { logGroupNameOf } from '../private/literal-names';

/**
 * Properties of `PlatformEvents`: the pipeline whose events are captured (`MonitoredPipelineProps`:
 * only the listed queues', tasks', crawlers' and jobs' events are delivered, and each outcome of
 * the listed crawlers is also counted per `CrawlerName`), and where they go.
 *
 * Used alone, it captures this account's and Region's resources only (their events are delivered
 * nowhere else): an entry of another account or Region is refused. In `PlatformAlarms` (and
 * `PlatformMonitoring`), entries of source accounts are watched through their metrics there, and
 * no event of theirs arrives here.
 *
 * @experimental AWS Batch now publishes native metrics: what is captured from events may change.
 */
export interface PlatformEventsProps extends MonitoredPipelineProps {
  /** The project name: names the log resource policy and is the metrics' namespace (with the environment outside PROD). */
  readonly projectName: string;

  /**
   * The deployment environment (part of the resource policy's name).
   *
   * @default DeploymentEnvironment.PROD
   */
  readonly environment?: DeploymentEnvironment;

  /**
   * The encrypted log group receiving the events, named under `/aws/events/` (e.g.
   * `/aws/events/<project>/platform`). Its metric filters publish the platform event metrics.
   */
  readonly logGroup: logs.ILogGroup;

  /**
   * Also publish each Glue job outcome per `JobName` (three more metric filters and custom metrics
   * per outcome and job, billed as custom metrics). No alarm or dashboard of the platform reads
   * them: the alarm and the dashboard use the totals. Ignored without `glueJobNames`.
   *
   * @default false
   */
  readonly glueJobMetricsByJob?: boolean;

  /**
   * The CloudWatch Logs resource policy that lets EventBridge write to the log group: the one
   * shared by every platform of the account and Region (`SHARED`: the app's first platform there
   * creates it), one created by another app (`EXISTING`), or one of the platform's own
   * (`PER_LOG_GROUP`). An account holds at most 10 such policies per Region.
   *
   * @default - `SHARED` when the log group is named `/aws/events/<name>/platform`, else `PER_LOG_GROUP`
   */
  readonly deliveryPolicy?: EventsDeliveryPolicy;
}

// RUNNABLE and STARTING are not counted: no alarm or dashboard reads them, and AWS Batch publishes
// the same transitions per queue at no charge (AWS/Batch JobsMovedToRunnable, JobsMovedToStarting).
const BATCH_STATUSES = [BatchJobStatus.SUBMITTED, BatchJobStatus.RUNNING, BatchJobStatus.SUCCEEDED, BatchJobStatus.FAILED];
const CRAWLER_OUTCOMES = [GlueCrawlerOutcome.SUCCEEDED, GlueCrawlerOutcome.FAILED];
const JOB_OUTCOMES = [GlueJobOutcome.SUCCEEDED, GlueJobOutcome.FAILED, GlueJobOutcome.TIMED_OUT];

/**
 * Captures the state-change events that say what metrics cannot: EventBridge rules deliver
 * `Batch Job State Change`, `Glue Crawler State Change`, `Glue Job State Change` and
 * `DMS Replication Task State Change` events to a log group, where metric filters count the Batch
 * and Glue ones in the project namespace (see `PlatformEventMetrics`; Glue crawlers publish no
 * metrics) and the data-pipeline dashboard lists the failed Batch jobs and the DMS task state
 * changes by name. DMS task events feed no metric and no alarm.
 *
 * Delivery is allowed by a native `AWS::Logs::ResourcePolicy` for `events.amazonaws.com`; no
 * Lambda-backed custom resource is involved. CloudWatch Logs allows 10 account-level resource
 * policies per account and Region, so by default every platform of an account and Region shares
 * one (see `EventsDeliveryPolicy`).
 *
 * @experimental AWS Batch now publishes native metrics: what is captured from events may change.
 */
export class PlatformEvents extends Construct {
  /** Metrics published by the filters. */
  public readonly metrics: PlatformEventMetrics;

  /** The rule delivering `Batch Job State Change` events. */
  public readonly batchJobRule: events.IRule;

  /** The rule delivering `Glue Crawler State Change` events. */
  public readonly glueCrawlerRule: events.IRule;

  /** The rule delivering `Glue Job State Change` events. */
  public readonly glueJobRule: events.IRule;

  /** The rule delivering `DMS Replication Task State Change` events. */
  public readonly dmsTaskRule: events.IRule;

  /**
   * Every rule delivering `Batch Job State Change` events: one per group of queues whose event
   * pattern fits EventBridge's 2,048 characters (`batchJobRule` is the first).
   */
  public readonly batchJobRules: events.IRule[];

  /** Every rule delivering `Glue Crawler State Change` events, one per group of crawlers (see `batchJobRules`). */
  public readonly glueCrawlerRules: events.IRule[];

  /** Every rule delivering `Glue Job State Change` events, one per group of jobs (see `batchJobRules`). */
  public readonly glueJobRules: events.IRule[];

  /** Every rule delivering `DMS Replication Task State Change` events, one per group of tasks (see `batchJobRules`). */
  public readonly dmsTaskRules: events.IRule[];

  /** The metric filters, one per published metric series. */
  public readonly metricFilters: logs.MetricFilter[] = [];

  private readonly logGroup: logs.ILogGroup;

  constructor(scope: Construct, id: string, props: PlatformEventsProps) {
    super(scope, id);
    const naming = new PlatformNaming(props.projectName, resolveEnvironment(this, props.environment));
    // What is captured: the model of the PlatformAlarms (or PlatformMonitoring) holding this, or
    // (used alone) resolved here, for event rules: this account's and Region's resources only.
    const model = MonitoredResources.of(this, props, PIPELINE_LISTS, ResourceUse.EVENTS);
    this.logGroup = props.logGroup;
    this.metrics = new PlatformEventMetrics({ namespace: naming.metricNamespace });
    // Events carry the queue ARN in detail.jobQueue: names are matched through the ARN they stand for.
    // (A queue or job of a source account, in a platform, keeps its ARN in the pattern: it matches
    // nothing here, and listing only source-account entries still captures none of this account's.)
    const queues = model.batchQueues.map((q) => q.arn);
    const crawlers = model.glueCrawlers;
    const jobs = model.glueJobs.map((j) => (j.account !== undefined ? j.listed : j.jobName));

    const delivery = this.deliveryPolicy(props, naming);

    const rule = (ruleId: string, description: string, pattern: events.EventPattern) => {
      const r = new events.Rule(this, ruleId, { description, eventPattern: pattern, targets: [new LogGroupRuleTarget(props.logGroup)] });
      if (delivery) r.node.addDependency(delivery);
      return r;
    };
    // An event pattern is at most 2,048 characters (SHARED_QUOTAS.eventPatternCharacters, Amazon
    // EventBridge quotas): a long list is split across several rules, the first keeping its id
    // and each later one numbered (`...2`, `...3`), so growth only adds rules.
    const rules = <T>(ruleId: string, description: string, items: T[], patternOf: (group: T[]) => events.EventPattern) =>
      splitForEventPattern(this, items, patternOf).map((group, g, all) => rule(g === 0 ? ruleId : `${ruleId}${g + 1}`,
        all.length > 1 ? `${description} (${g + 1} of ${all.length})` : description, patternOf(group)));
    this.batchJobRules = rules('BatchJobStateChange', `${naming.stem}: AWS Batch job state changes to the platform events log group`,
      queues, (group) => ({
        source: ['aws.batch'],
        detailType: ['Batch Job State Change'],
        ...(group.length ? { detail: { jobQueue: group } } : {}),
      }));
    this.glueCrawlerRules = rules('GlueCrawlerStateChange', `${naming.stem}: Glue crawler state changes to the platform events log group`,
      crawlers, (group) => ({
        source: ['aws.glue'],
        detailType: ['Glue Crawler State Change'],
        ...(group.length ? { detail: { crawlerName: group } } : {}),
      }));
    this.glueJobRules = rules('GlueJobStateChange', `${naming.stem}: Glue job state changes to the platform events log group`,
      jobs, (group) => ({
        source: ['aws.glue'],
        detailType: ['Glue Job State Change'],
        ...(group.length ? { detail: { jobName: group } } : {}),
      }));
    // AWS DMS sends `DMS Replication Task State Change` (source `aws.dms`, best effort) directly to
    // EventBridge (Amazon EventBridge Events Reference, "AWS Database Migration Service events",
    // https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-dms.html). Its `resources` holds
    // the task ARN and `detail` has `type`, `category`, `eventType` (e.g. REPLICATION_TASK_STARTED),
    // `resourceLink` and `detailMessage` (AWS DMS User Guide, "Working with Amazon EventBridge events
    // and notifications in AWS Database Migration Service",
    // https://docs.aws.amazon.com/dms/latest/userguide/CHAP_EventBridge.html). The rule takes every
    // category (state change, failure, configuration change, creation, deletion): they are rare, and
    // the dashboard shows them all.
    this.dmsTaskRules = rules('DmsTaskStateChange', `${naming.stem}: DMS replication task state changes to the platform events log group`,
      model.dmsTasks, (group) => ({
        source: ['aws.dms'],
        detailType: ['DMS Replication Task State Change'],
        ...(group.length ? { resources: dmsTaskResourceMatcher(group) } : {}),
      }));
    this.batchJobRule = this.batchJobRules[0];
    this.glueCrawlerRule = this.glueCrawlerRules[0];
    this.glueJobRule = this.glueJobRules[0];
    this.dmsTaskRule = this.dmsTaskRules[0];

    for (const status of BATCH_STATUSES) {
      const name = PlatformEventMetrics.batchJobsMetricName(status);
      // Totals only: per queue, AWS Batch's native AWS/Batch metrics (by JobQueueName) count the same
      // transitions at no charge, and the dashboard graphs those.
      this.addFilter(`Batch${status}`, name, batchJobStatusPattern(status));
    }
    for (const outcome of CRAWLER_OUTCOMES) {
      const name = PlatformEventMetrics.glueCrawlerRunsMetricName(outcome);
      this.addFilter(`GlueCrawler${outcome}`, name, glueCrawlerOutcomePattern(outcome));
      if (crawlers.length) {
        this.addFilter(`GlueCrawler${outcome}ByCrawler`, name, glueCrawlerOutcomePattern(outcome),
          { [PlatformEventMetrics.CRAWLER_NAME_DIMENSION]: '$.detail.crawlerName' });
      }
    }
    for (const outcome of JOB_OUTCOMES) {
      const name = PlatformEventMetrics.glueJobRunsMetricName(outcome);
      this.addFilter(`GlueJob${outcome}`, name, glueJobOutcomePattern(outcome));
      if (jobs.length && props.glueJobMetricsByJob === true) {
        this.addFilter(`GlueJob${outcome}ByJob`, name, glueJobOutcomePattern(outcome),
          { [PlatformEventMetrics.JOB_NAME_DIMENSION]: '$.detail.jobName' });
      }
    }
  }

  /**
   * The resource policy the rules wait for: the shared one (created here if this is the app's first
   * platform in the account and Region), the platform's own, or none (it exists already).
   */
  private deliveryPolicy(props: PlatformEventsProps, naming: PlatformNaming): IConstruct | undefined {
    checkEnumValue(this, 'deliveryPolicy', props.deliveryPolicy, EventsDeliveryPolicy, 'EventsDeliveryPolicy');
    const name = logGroupNameOf(props.logGroup);
    const known = !Token.isUnresolved(name);
    const covered = known && coveredBySharedPolicy(name);
    if (props.deliveryPolicy !== undefined && props.deliveryPolicy !== EventsDeliveryPolicy.PER_LOG_GROUP && known && !covered) {
      throw validationError(this, `deliveryPolicy is ${props.deliveryPolicy}, but the shared CloudWatch Logs resource policy `
        + `covers only log groups named ${SHARED_EVENTS_GROUP_PATTERN} and the events log group is "${name}": name the group `
        + '/aws/events/<name>/platform, or set deliveryPolicy to EventsDeliveryPolicy.PER_LOG_GROUP.');
    }
    const mode = props.deliveryPolicy ?? (covered ? EventsDeliveryPolicy.SHARED : EventsDeliveryPolicy.PER_LOG_GROUP);
    const statement = (resource: string) => new iam.PolicyStatement({
      sid: 'AllowEventBridgeToWritePlatformEvents',
      principals: [new iam.ServicePrincipal('events.amazonaws.com'), new iam.ServicePrincipal('delivery.logs.amazonaws.com')],
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [resource],
    });
    if (mode === EventsDeliveryPolicy.EXISTING) return undefined;
    if (mode === EventsDeliveryPolicy.PER_LOG_GROUP) {
      return new logs.ResourcePolicy(this, 'DeliveryPolicy', {
        resourcePolicyName: `${naming.stem}-events-to-logs`,
        policyStatements: [statement(props.logGroup.logGroupArn)],
      });
    }
    const shared = SHARED_EVENTS_POLICIES.get(this, SHARED_EVENTS_POLICY_NAME);
    if (shared) return shared;
    // One account-level policy for every platform of the account and Region: the events groups of
    // every project and environment (`/aws/events/<project>[-<env>]/platform`), and their streams.
    const policy = new logs.ResourcePolicy(this, 'DeliveryPolicy', {
      resourcePolicyName: SHARED_EVENTS_POLICY_NAME,
      policyStatements: [statement(Stack.of(this).formatArn({
        service: 'logs',
        resource: 'log-group',
        resourceName: `${SHARED_EVENTS_GROUP_PATTERN}:*`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }))],
    });
    SHARED_EVENTS_POLICIES.register(this, SHARED_EVENTS_POLICY_NAME, policy);
    return policy;
  }

  private addFilter(id: string, metricName: string, pattern: string, dimensions?: { [name: string]: string }): void {
    this.metricFilters.push(new logs.MetricFilter(this, id, {
      logGroup: this.logGroup,
      filterPattern: logs.FilterPattern.literal(pattern),
      metricNamespace: this.metrics.namespace,
      metricName,
      metricValue: '1',
      unit: cloudwatch.Unit.COUNT,
      dimensions,
    }));
  }
}

/**
 * The `resources` matcher for the listed tasks: the task ARN an event carries in `resources` ends in
 * `:task:<resource id>` (AWS DMS User Guide, "Constructing an Amazon Resource Name (ARN) for AWS DMS",
 * https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.AWS.ARN.html: e.g.
 * `arn:aws:dms:us-east-1:123456789012:task:2PVREMWNPGYJCVU2IBPTOYTIV4`), and `replicationTaskIdentifier`
 * is that resource id (the metrics' `ReplicationTaskIdentifier`). Matched by suffix ("Ends with",
 * Amazon EventBridge User Guide, "Comparison operators for use in event patterns",
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html): the
 * rule only sees its own account's and Region's events, so partition, Region and account add
 * nothing to the match, and leaving them out keeps the pattern free of tokens (about 100 bytes a
 * task in an environment-agnostic template, which matters at 40 tasks in a stack near 1 MB).
 */
function dmsTaskResourceMatcher(tasks: DmsReplicationTask[]): string[] | undefined {
  if (tasks.length === 0) return undefined;
  return events.Match.anyOf(...tasks.map((t) => events.Match.suffix(`:task:${t.replicationTaskIdentifier}`)));
}
