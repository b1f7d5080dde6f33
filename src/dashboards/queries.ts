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

/**
 * The Logs Insights query of the "Recent DMS task state changes" widget, over the platform events
 * log group. A `DMS Replication Task State Change` event (source `aws.dms`) carries the task ARN in
 * `resources` and, in `detail`, `category`, `eventType` (e.g. `REPLICATION_TASK_STARTED`) and
 * `detailMessage` (AWS DMS User Guide, "Working with Amazon EventBridge events and notifications in
 * AWS Database Migration Service", https://docs.aws.amazon.com/dms/latest/userguide/CHAP_EventBridge.html).
 * Logs Insights flattens JSON arrays by index, so the first resource is `resources.0` (CloudWatch
 * Logs User Guide, "Supported logs and discovered fields", Fields in JSON logs:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_AnalyzeLogData-discoverable-fields.html).
 * No filter on `category`: the guide writes the categories "State Change" / "Failure" in its table
 * and "StateChange" in its sample event, so every category is shown as it arrives.
 */
export const DMS_TASK_STATE_CHANGES_QUERY = [
  'fields @timestamp, resources.0 as task, detail.category as category, detail.eventType as eventType, detail.detailMessage as message',
  'filter source = "aws.dms" and `detail-type` = "DMS Replication Task State Change"',
  'sort @timestamp desc',
  'limit 100',
];
