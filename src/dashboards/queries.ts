// The Logs Insights queries of the dashboards. Not part of the public API.

/** The Logs Insights query of the "Recent Batch job errors" widget. */
export const BATCH_ERRORS_QUERY = [
  'fields @timestamp, @logStream, @message',
  'filter @message like /(?i)(error|exception|fatal|traceback)/',
  'sort @timestamp desc',
  'limit 100',
];

/** The Logs Insights query of the "Recent Lambda errors" widget. */
export const LAMBDA_ERRORS_QUERY = [
  'fields @timestamp, @log, @requestId, @message',
  'filter @message like /(?i)(error|exception|task timed out)/',
  'sort @timestamp desc',
  'limit 100',
];

/**
 * The Logs Insights query of the "Recent Batch job failures" widget, over the platform events log
 * group. Fields from the `Batch Job State Change` event, whose `detail` "resembles the JobDetail
 * object" of DescribeJobs (AWS Batch User Guide, "Job state change events",
 * https://docs.aws.amazon.com/batch/latest/userguide/batch_job_events.html): `jobName`, `jobQueue`
 * (an ARN), `status`, `statusReason`, and `container.exitCode` (AWS Batch API Reference, JobDetail
 * and ContainerDetail, https://docs.aws.amazon.com/batch/latest/APIReference/API_JobDetail.html).
 */
export const BATCH_FAILURES_QUERY = [
  'fields @timestamp, detail.jobName as job, detail.jobQueue as queue, detail.statusReason as reason, detail.container.exitCode as exitCode',
  'filter source = "aws.batch" and `detail-type` = "Batch Job State Change" and detail.status = "FAILED"',
  'sort @timestamp desc',
  'limit 100',
];
