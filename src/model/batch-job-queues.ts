import { Arn, ArnFormat, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { eventsElsewhereFix, locateResource, ResourceUse } from './resource-location';
import { validationError } from '../private/errors';
import { checkList, checkNonEmptyString, checkUnique } from '../private/input-checks';

/** A Batch job queue as the platform uses it. Not part of the public API. */
export interface BatchJobQueueRef {
  /**
   * The queue's ARN: what `Batch Job State Change` events carry in `detail.jobQueue`, so what the
   * EventBridge rule matches.
   */
  readonly arn: string;
  /** The queue's name, when known at synth (for labels and duplicate checks). */
  readonly name?: string;
  /**
   * The queue's name, possibly a token (taken from a token ARN): the `JobQueueName` dimension of
   * AWS Batch's native `AWS/Batch` metrics, which are published per queue name, not ARN.
   */
  readonly jobQueueName: string;
  /**
   * The source account of a queue given by an ARN of another account (same Region): its AWS/Batch
   * metrics are read with this account ID (cross-account observability); its events never arrive here.
   */
  readonly account?: string;
}

// AWS Batch API reference, CreateJobQueue: "jobQueueName ... can be up to 128 letters long. It can contain
// uppercase and lowercase letters, numbers, hyphens (-), and underscores (_)." The ARN form is
// arn:<partition>:batch:<region>:<account>:job-queue/<name> (the same page's response, jobQueueArn).
const QUEUE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const QUEUE_ARN = /^arn:aws[a-z-]*:batch:([a-z0-9-]+):(\d{12}):job-queue\/(.*)$/;

/**
 * Validates `batchJobQueues` entries (a queue name or a queue ARN) and returns each queue's ARN.
 *
 * AWS Batch publishes its own metrics per queue *name* (`JobQueueName`), but its state-change events
 * carry the queue *ARN* in `detail.jobQueue` (AWS Batch User Guide, "Job state change events"), so both forms
 * are accepted. A name becomes the ARN of that queue in the stack's own partition, region and
 * account. AWS services deliver events to the default event bus of their own account and region
 * (Amazon EventBridge User Guide, "Events from AWS services"), so a rule here only ever sees this
 * account's and region's queues:
 * - an ARN of another account (same region) is a queue of a source account: accepted for its
 *   `AWS/Batch` metrics, read with its account ID through the cross-account observability link
 *   (graphs, and alarms in the platform's alarms); its events stay in its account, so the event
 *   rule and per-queue event metrics here never count it (its ARN in the rule's pattern matches
 *   nothing that arrives here);
 * - an ARN of another region is refused: neither its events nor (cross-account observability
 *   works within one Region) its metrics reach this region's alarms.
 * Where a queue may be is decided by `locateResource` (so `PlatformEvents` alone refuses a queue of
 * another account, whose events never arrive here). Tokens (e.g. `jobQueue.jobQueueArn`) are taken
 * as ARNs of this account.
 */
export function resolveBatchJobQueues(scope: IConstruct, propName: string, values: unknown, use: ResourceUse): BatchJobQueueRef[] {
  checkList(scope, propName, values);
  const stack = Stack.of(scope);
  const refs = ((values ?? []) as unknown[]).map((value, i) => resolveQueue(scope, stack, `${propName}[${i}]`, value, use));
  checkUnique(scope, propName, refs.map((r) => ({
    key: r.account !== undefined ? `${r.account}/${r.name}` : r.name ?? r.arn,
    shown: `the job queue "${r.name}"${r.account !== undefined ? ` of account ${r.account}` : ''}`,
  })),
  'it would get the same dashboard row twice, and with eventCapture false be summed twice into batch-job-failures '
    + '(a name and the ARN of the same queue are the same queue)');
  return refs;
}

function resolveQueue(scope: IConstruct, stack: Stack, propName: string, value: unknown, use: ResourceUse): BatchJobQueueRef {
  checkNonEmptyString(scope, propName, value, 'Batch job queue name or ARN');
  const v = value as string;
  if (Token.isUnresolved(v)) return { arn: v, jobQueueName: Arn.split(v, ArnFormat.SLASH_RESOURCE_NAME).resourceName! };
  const arn = QUEUE_ARN.exec(v);
  if (arn) {
    const [, region, account, name] = arn;
    if (!QUEUE_NAME.test(name)) {
      throw validationError(scope, `${propName} ${JSON.stringify(v)} ends in "${name}", which is not a Batch job queue name `
        + '(1-128 letters, digits, hyphens and underscores). Pass the queue ARN exactly as the Batch console shows it.');
    }
    const location = locateResource(scope, propName, {
      what: `the job queue "${name}"`,
      graphsFromOtherRegions: false,
      otherAccountFix: eventsElsewhereFix('batchJobQueues'),
    }, use, account, region);
    if (location.account !== undefined) return { arn: v, name, jobQueueName: name, account: location.account };
    return { arn: v, name, jobQueueName: name };
  }
  if (!QUEUE_NAME.test(v)) {
    throw validationError(scope, `${propName} ${JSON.stringify(v)} is neither a Batch job queue name (1-128 letters, digits, `
      + 'hyphens and underscores) nor a job queue ARN (arn:<partition>:batch:<region>:<account>:job-queue/<name>). Pass the '
      + 'queue\'s name or its ARN.');
  }
  return {
    arn: stack.formatArn({ service: 'batch', resource: 'job-queue', resourceName: v, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
    name: v,
    jobQueueName: v,
  };
}
