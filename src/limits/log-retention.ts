// AWS docs: "PutRetentionPolicy" (Amazon CloudWatch Logs API Reference), retentionInDays: the
// possible values are listed there; any other number is refused at deploy.
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html

/** Retention periods CloudWatch Logs accepts, in days. */
export const ALLOWED_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** Retention periods CloudWatch allows but some compliance rule sets reject. */
export const COMPLIANCE_REJECTED_RETENTION_DAYS: readonly number[] = [1096, 2192, 2557, 2922, 3288];
