import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { validationError } from '../private/errors';
import { checkIdentifier, checkIdentifiers, GLUE_CRAWLER_NAME, GLUE_JOB_NAME } from '../private/identifiers';
import { checkList, checkUnique, describe } from '../private/input-checks';

/*
 * Glue jobs and crawlers of other (source) accounts, given by ARN in `glueJobNames` /
 * `glueCrawlerNames`. Not part of the public API.
 */

/** A Glue job as the platform reads it: its name, and its account for a job of a source account. */
export interface GlueJobRef {
  /** The `JobName` dimension (and what `Glue Job State Change` events carry in `detail.jobName`). */
  readonly jobName: string;
  /** The source account of a job given by an ARN of another account. */
  readonly account?: string;
}

// AWS Glue Developer Guide, "Specifying AWS Glue resource ARNs": arn:<partition>:glue:<region>:<account>:job/<job name>
// and ...:crawler/<crawler name>. https://docs.aws.amazon.com/glue/latest/dg/glue-specifying-resource-arns.html
// (The name part: 1-255 characters on a single line, as GLUE_JOB_NAME.)
const JOB_ARN = /^arn:aws[a-z-]*:glue:([a-z0-9-]+):(\d{12}):job\/([^\u0000-\u0008\u000a-\u001f]{1,255})$/;
const CRAWLER_ARN = /^arn:aws[a-z-]*:glue:([a-z0-9-]+):(\d{12}):crawler\/(.+)$/;

/** The account and Region of an ARN's match when they are another account (same Region), or undefined. */
function foreignAccount(scope: IConstruct, propName: string, what: string, region: string, account: string): string | undefined {
  const stack = Stack.of(scope);
  if (Token.isUnresolved(stack.account) || account === stack.account) return undefined;
  if (!Token.isUnresolved(stack.region) && region !== stack.region) {
    throw validationError(scope, `${propName} is a ${what} in region ${region}, but this stack deploys to region ${stack.region}: `
      + 'CloudWatch cross-account observability shares telemetry within one Region, so neither its metrics nor its events '
      + `reach this Region. Monitor it from a PlatformMonitoring in ${region}.`);
  }
  return account;
}

/**
 * Validates `glueJobNames` (names, or ARNs of jobs of source accounts) and returns each job.
 *
 * A job of another account is read through its `Glue` job metrics with its account ID (graphs, and
 * a failed-tasks alarm); its `Glue Job State Change` events stay in its account (AWS services
 * deliver events to EventBridge in their own account and Region: Amazon EventBridge User Guide,
 * "Events from AWS services"), so the platform's event rule and event metrics never count it.
 * An ARN of this account is refused with the name to pass (`GLUE_JOB_NAME.arnOf`).
 */
export function resolveGlueJobs(scope: IConstruct, propName: string, values: unknown): GlueJobRef[] {
  checkList(scope, propName, values);
  const refs = ((values ?? []) as unknown[]).map((value, i): GlueJobRef => {
    const prop = `${propName}[${i}]`;
    const arn = typeof value === 'string' && !Token.isUnresolved(value) ? JOB_ARN.exec(value) : null;
    if (arn) {
      const account = foreignAccount(scope, prop, 'Glue job', arn[1], arn[2]);
      if (account !== undefined) return { jobName: arn[3], account };
    }
    checkIdentifier(scope, prop, value, GLUE_JOB_NAME);
    return { jobName: value as string };
  });
  checkUnique(scope, propName, refs.map((r) => ({
    key: `${r.account ?? ''}/${r.jobName}`,
    shown: r.account !== undefined ? `the Glue job "${r.jobName}" of account ${r.account}` : `the Glue job name ${describe(r.jobName)}`,
  })));
  return refs;
}

/**
 * Validates `glueCrawlerNames`: names of this account's crawlers. A crawler of another account is
 * refused: Glue crawlers publish no CloudWatch metrics (AWS Glue Developer Guide, "Monitoring AWS
 * Glue using Amazon CloudWatch metrics", https://docs.aws.amazon.com/glue/latest/dg/monitoring-awsglue-with-cloudwatch-metrics.html:
 * the metrics are job metrics, per `JobName`; crawler run statistics come from the GetCrawlerMetrics
 * API, not CloudWatch). Their only signal is the `Glue Crawler State Change` event (Amazon
 * EventBridge events reference, "AWS Glue events", https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-glue.html),
 * delivered only in the crawler's own account and Region, and a cross-account observability link
 * shares metrics, logs and traces, not events.
 */
export function checkGlueCrawlers(scope: IConstruct, propName: string, values: unknown): void {
  checkList(scope, propName, values);
  ((values ?? []) as unknown[]).forEach((value, i) => {
    const arn = typeof value === 'string' && !Token.isUnresolved(value) ? CRAWLER_ARN.exec(value) : null;
    if (!arn) return;
    const prop = `${propName}[${i}]`;
    const account = foreignAccount(scope, prop, 'Glue crawler', arn[1], arn[2]);
    if (account === undefined) return;
    throw validationError(scope, `${prop} is the crawler "${arn[3]}" of account ${account}, but this stack deploys to account `
      + `${Stack.of(scope).account}: Glue crawlers publish no CloudWatch metrics, and their only signal, the Glue Crawler State `
      + 'Change event, is delivered only to EventBridge in the crawler\'s own account and Region (a cross-account '
      + `observability link shares metrics, logs and traces, not events). Deploy a PlatformMonitoring in account ${account} `
      + 'with this crawler in its glueCrawlerNames (its alarms can notify this account\'s topic: crossAccountAlerts), and '
      + 'remove it here.');
  });
  checkIdentifiers(scope, propName, values, GLUE_CRAWLER_NAME);
}
