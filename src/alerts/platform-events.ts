import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { batchJobStatusPattern, glueCrawlerOutcomePattern, glueJobOutcomePattern } from './event-filter-patterns';
import { LogGroupRuleTarget } from './log-group-target';
import { DeploymentEnvironment } from '../environment';
import { BatchJobStatus, GlueCrawlerOutcome, GlueJobOutcome, PlatformEventMetrics } from '../metrics/platform-event-metrics';
import { resolveBatchJobQueues } from '../private/batch-job-queues';
import { PlatformNaming } from '../private/naming';
import { validateMonitoredResources } from '../private/resource-lists';
import { resolveEnvironment } from '../private/validation';

/**
 * Properties of `PlatformEvents`.
 *
 * @experimental AWS Batch now publishes native metrics: what is captured from events may change.
 */
export interface PlatformEventsProps {
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
   * AWS Batch job queues, each a queue name or a queue ARN: only their jobs' events are delivered,
   * and each status metric is also published per `JobQueue` (whose value is the queue ARN, as in
   * the events). A name is the queue of that name in this stack's account and region; an ARN of
   * another account or region is refused (its events never reach this region's rules).
   *
   * @default - events of every queue, totals only
   */
  readonly batchJobQueues?: string[];

  /**
   * Glue crawler names: only their events are delivered, and each outcome metric is also
   * published per `CrawlerName`.
   *
   * @default - events of every crawler, totals only
   */
  readonly glueCrawlerNames?: string[];

  /**
   * Glue job names: only their events are delivered, and each outcome metric is also published
   * per `JobName`.
   *
   * @default - events of every job, totals only
   */
  readonly glueJobNames?: string[];
}

const BATCH_STATUSES = [BatchJobStatus.SUBMITTED, BatchJobStatus.RUNNABLE, BatchJobStatus.STARTING,
  BatchJobStatus.RUNNING, BatchJobStatus.SUCCEEDED, BatchJobStatus.FAILED];
const CRAWLER_OUTCOMES = [GlueCrawlerOutcome.SUCCEEDED, GlueCrawlerOutcome.FAILED];
const JOB_OUTCOMES = [GlueJobOutcome.SUCCEEDED, GlueJobOutcome.FAILED, GlueJobOutcome.TIMED_OUT];

/**
 * Turns AWS Batch and Glue state-change events into metrics (those services publish none):
 * EventBridge rules for `Batch Job State Change`, `Glue Crawler State Change` and `Glue Job State
 * Change` deliver events to a log group, and metric filters count them in the project namespace
 * (see `PlatformEventMetrics`).
 *
 * Delivery is allowed by a native `AWS::Logs::ResourcePolicy` for `events.amazonaws.com` on that
 * log group only; no Lambda-backed custom resource is involved. Note that CloudWatch Logs allows
 * 10 resource policies per account and region.
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

  /** The metric filters, one per published metric series. */
  public readonly metricFilters: logs.MetricFilter[] = [];

  private readonly logGroup: logs.ILogGroup;

  constructor(scope: Construct, id: string, props: PlatformEventsProps) {
    super(scope, id);
    const naming = new PlatformNaming(props.projectName, resolveEnvironment(this, props.environment));
    validateMonitoredResources(this, { glueCrawlerNames: props.glueCrawlerNames, glueJobNames: props.glueJobNames });
    this.logGroup = props.logGroup;
    this.metrics = new PlatformEventMetrics({ namespace: naming.metricNamespace });
    // Events carry the queue ARN in detail.jobQueue: names are matched through the ARN they stand for.
    const queues = resolveBatchJobQueues(this, 'batchJobQueues', props.batchJobQueues).map((q) => q.arn);
    const crawlers = props.glueCrawlerNames ?? [];
    const jobs = props.glueJobNames ?? [];

    const delivery = new logs.ResourcePolicy(this, 'DeliveryPolicy', {
      resourcePolicyName: `${naming.stem}-events-to-logs`,
      policyStatements: [new iam.PolicyStatement({
        sid: 'AllowEventBridgeToWritePlatformEvents',
        principals: [new iam.ServicePrincipal('events.amazonaws.com'), new iam.ServicePrincipal('delivery.logs.amazonaws.com')],
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [props.logGroup.logGroupArn],
      })],
    });

    const rule = (ruleId: string, description: string, pattern: events.EventPattern) => {
      const r = new events.Rule(this, ruleId, { description, eventPattern: pattern, targets: [new LogGroupRuleTarget(props.logGroup)] });
      r.node.addDependency(delivery);
      return r;
    };
    this.batchJobRule = rule('BatchJobStateChange', `${naming.stem}: AWS Batch job state changes to the platform events log group`, {
      source: ['aws.batch'],
      detailType: ['Batch Job State Change'],
      ...(queues.length ? { detail: { jobQueue: queues } } : {}),
    });
    this.glueCrawlerRule = rule('GlueCrawlerStateChange', `${naming.stem}: Glue crawler state changes to the platform events log group`, {
      source: ['aws.glue'],
      detailType: ['Glue Crawler State Change'],
      ...(crawlers.length ? { detail: { crawlerName: crawlers } } : {}),
    });
    this.glueJobRule = rule('GlueJobStateChange', `${naming.stem}: Glue job state changes to the platform events log group`, {
      source: ['aws.glue'],
      detailType: ['Glue Job State Change'],
      ...(jobs.length ? { detail: { jobName: jobs } } : {}),
    });

    for (const status of BATCH_STATUSES) {
      const name = PlatformEventMetrics.batchJobsMetricName(status);
      this.addFilter(`Batch${status}`, name, batchJobStatusPattern(status));
      if (queues.length) {
        this.addFilter(`Batch${status}ByQueue`, name, batchJobStatusPattern(status),
          { [PlatformEventMetrics.JOB_QUEUE_DIMENSION]: '$.detail.jobQueue' });
      }
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
      if (jobs.length) {
        this.addFilter(`GlueJob${outcome}ByJob`, name, glueJobOutcomePattern(outcome),
          { [PlatformEventMetrics.JOB_NAME_DIMENSION]: '$.detail.jobName' });
      }
    }
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
