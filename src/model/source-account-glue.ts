import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { eventsElsewhereFix, locateResource, ResourceUse } from './resource-location';
import { checkIdentifier, GLUE_CRAWLER_NAME, GLUE_JOB_NAME } from '../private/identifiers';
import { checkList, checkUnique, describe } from '../private/input-checks';

/*
 * Glue jobs and crawlers, given by name or by ARN in `glueJobNames` / `glueCrawlerNames`. Not part
 * of the public API.
 */

/** A Glue job as the platform reads it: its name, and its account for a job of a source account. */
export interface GlueJobRef {
  /** The `JobName` dimension (and what `Glue Job State Change` events carry in `detail.jobName`). */
  readonly jobName: string;
  /** The source account of a job given by an ARN of another account. */
  readonly account?: string;
  /** What the list held: the name, or the ARN (kept in the event rule's pattern, see `PlatformEvents`). */
  readonly listed: string;
}

// AWS Glue Developer Guide, "Specifying AWS Glue resource ARNs": arn:<partition>:glue:<region>:<account>:job/<job name>
// and ...:crawler/<crawler name>. https://docs.aws.amazon.com/glue/latest/dg/glue-specifying-resource-arns.html
// (The name part: 1-255 characters on a single line, as GLUE_JOB_NAME and GLUE_CRAWLER_NAME.)
const JOB_ARN = /^arn:aws[a-z-]*:glue:([a-z0-9-]+):(\d{12}):job\/([^\u0000-\u0008\u000a-\u001f]{1,255})$/;
const CRAWLER_ARN = /^arn:aws[a-z-]*:glue:([a-z0-9-]+):(\d{12}):crawler\/([^\u0000-\u0008\u000a-\u001f]{1,255})$/;

/**
 * Validates `glueJobNames` (names, or ARNs) and returns each job.
 *
 * A job of another account is read through its `Glue` job metrics with its account ID (graphs, and
 * a failed-tasks alarm); its `Glue Job State Change` events stay in its account (AWS services
 * deliver events to EventBridge in their own account and Region: Amazon EventBridge User Guide,
 * "Events from AWS services"), so the platform's event rule and event metrics never count it. An
 * ARN of this account and Region stands for the job's name. Where the job may be is decided by
 * `locateResource`.
 */
export function resolveGlueJobs(scope: IConstruct, propName: string, values: unknown, use: ResourceUse): GlueJobRef[] {
  checkList(scope, propName, values);
  const refs = ((values ?? []) as unknown[]).map((value, i): GlueJobRef => {
    const prop = `${propName}[${i}]`;
    const arn = typeof value === 'string' && !Token.isUnresolved(value) ? JOB_ARN.exec(value) : null;
    if (arn) {
      const [, region, account, jobName] = arn;
      const location = locateResource(scope, prop, {
        what: `the Glue job "${jobName}"`,
        graphsFromOtherRegions: false,
        otherAccountFix: eventsElsewhereFix('glueJobNames'),
      }, use, account, region);
      return { jobName, account: location.account, listed: value as string };
    }
    checkIdentifier(scope, prop, value, GLUE_JOB_NAME);
    return { jobName: value as string, listed: value as string };
  });
  checkUnique(scope, propName, refs.map((r) => ({
    key: `${r.account ?? ''}/${r.jobName}`,
    shown: r.account !== undefined ? `the Glue job "${r.jobName}" of account ${r.account}` : `the Glue job name ${describe(r.jobName)}`,
  })));
  return refs;
}

/**
 * Validates `glueCrawlerNames` (names, or ARNs `arn:<partition>:glue:<region>:<account>:crawler/<name>`:
 * AWS Glue Developer Guide, "Specifying AWS Glue resource ARNs") and returns each crawler's name. A
 * crawler of another account or Region is refused wherever it is listed: Glue crawlers publish no
 * CloudWatch metrics (AWS Glue Developer Guide, "Monitoring AWS Glue using Amazon CloudWatch metrics",
 * https://docs.aws.amazon.com/glue/latest/dg/monitoring-awsglue-with-cloudwatch-metrics.html: the
 * metrics are job metrics, per `JobName`; crawler run statistics come from the GetCrawlerMetrics API,
 * not CloudWatch). Their only signal is the `Glue Crawler State Change` event (Amazon EventBridge
 * events reference, "AWS Glue events", https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-glue.html),
 * delivered only in the crawler's own account and Region, and a cross-account observability link
 * shares metrics, logs and traces, not events.
 */
export function resolveGlueCrawlers(scope: IConstruct, propName: string, values: unknown, use: ResourceUse): string[] {
  checkList(scope, propName, values);
  const names = ((values ?? []) as unknown[]).map((value, i): string => {
    const prop = `${propName}[${i}]`;
    const arn = typeof value === 'string' && !Token.isUnresolved(value) ? CRAWLER_ARN.exec(value) : null;
    if (arn) {
      const [, region, account, crawlerName] = arn;
      // The crawler's events and the event metrics counting them are this Region's only, on a dashboard too.
      locateResource(scope, prop, {
        what: `the Glue crawler "${crawlerName}"`,
        graphsFromOtherRegions: false,
        otherAccountReason: 'Glue crawlers publish no CloudWatch metrics, and their only signal, the Glue Crawler State Change '
          + 'event, is delivered only to EventBridge in the crawler\'s own account and Region (a cross-account observability '
          + 'link shares metrics, logs and traces, not events)',
        otherAccountFix: (other) => `Deploy a PlatformMonitoring in account ${other} with this crawler in its glueCrawlerNames `
          + '(its alarms can notify this account\'s topic: crossAccountAlerts), and remove it here.',
      }, use, account, region);
      return crawlerName;
    }
    checkIdentifier(scope, prop, value, GLUE_CRAWLER_NAME);
    return value as string;
  });
  checkUnique(scope, propName, names.map((n) => ({ key: n, shown: `the Glue crawler name ${describe(n)}` })));
  return names;
}
