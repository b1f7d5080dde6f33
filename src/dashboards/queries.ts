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
