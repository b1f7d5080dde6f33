import { BatchJobStatus, GlueCrawlerOutcome, GlueJobOutcome } from '../metrics/platform-event-metrics';

/**
 * CloudWatch Logs JSON filter patterns over the EventBridge events the platform delivers to its
 * events log group (the whole event is the log message, so fields are `$.source`, `$.detail.*`).
 * Each pattern also checks the event source, so one log group can hold several kinds of events.
 * Not exported from the package.
 */
export function batchJobStatusPattern(status: BatchJobStatus): string {
  if (status === BatchJobStatus.SUBMITTED) {
    // AWS Batch sends no event for SUBMITTED: a job's first event is PENDING (it has dependencies)
    // or RUNNABLE without dependencies. A retry goes back to RUNNABLE with the failed attempt in
    // `attempts`, so a RUNNABLE counts only while `attempts` is empty. Every AttemptDetail field is
    // optional (AWS Batch API reference, "AttemptDetail"): `startedAt` and `stoppedAt` exist only if
    // the attempt reached RUNNING, `container.taskArn` once it reached STARTING
    // ("AttemptContainerDetail"), so an attempt that failed while starting has no `startedAt` but
    // has a task ARN or a status reason. A filter selector must name a value, not an object
    // (CloudWatch Logs User Guide, "Filter pattern syntax": "The SELECTOR must point to a value
    // node"), hence three leaf fields rather than `attempts[0]` itself.
    return '{ ($.source = "aws.batch") && (($.detail.status = "PENDING") || (($.detail.status = "RUNNABLE") && '
      + '($.detail.dependsOn[0].jobId NOT EXISTS) && ($.detail.attempts[0].startedAt NOT EXISTS) && '
      + '($.detail.attempts[0].statusReason NOT EXISTS) && ($.detail.attempts[0].container.taskArn NOT EXISTS))) }';
  }
  return `{ ($.source = "aws.batch") && ($.detail.status = "${BATCH_STATUS_VALUES[status]}") }`;
}

const BATCH_STATUS_VALUES: { [status: string]: string } = {
  [BatchJobStatus.RUNNABLE]: 'RUNNABLE',
  [BatchJobStatus.STARTING]: 'STARTING',
  [BatchJobStatus.RUNNING]: 'RUNNING',
  [BatchJobStatus.SUCCEEDED]: 'SUCCEEDED',
  [BatchJobStatus.FAILED]: 'FAILED',
};

/** `Glue Crawler State Change`: `detail.state` is `Succeeded` / `Failed` (mixed case). */
export function glueCrawlerOutcomePattern(outcome: GlueCrawlerOutcome): string {
  const state = outcome === GlueCrawlerOutcome.SUCCEEDED ? 'Succeeded' : 'Failed';
  return `{ ($.source = "aws.glue") && ($.detail.crawlerName = *) && ($.detail.state = "${state}") }`;
}

/** `Glue Job State Change`: `detail.state` is `SUCCEEDED` / `FAILED` / `TIMEOUT` / `STOPPED`. */
export function glueJobOutcomePattern(outcome: GlueJobOutcome): string {
  const state = { [GlueJobOutcome.SUCCEEDED]: 'SUCCEEDED', [GlueJobOutcome.FAILED]: 'FAILED', [GlueJobOutcome.TIMED_OUT]: 'TIMEOUT' }[outcome];
  return `{ ($.source = "aws.glue") && ($.detail.jobName = *) && ($.detail.state = "${state}") }`;
}
