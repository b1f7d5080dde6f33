import * as logs from 'aws-cdk-lib/aws-logs';

/**
 * How long the CloudTrail log group keeps events, wherever it is created (`AuditTrail` on its own,
 * `CentralLogging`, `PlatformMonitoring`): one default for one setting.
 *
 * One year, because it is the audit trail that on-call and incident response query with Logs
 * Insights and that the CIS security alarms read: PCI DSS v4.0 requirement 10.5.1 asks for 12 months
 * of audit log history with the last three months immediately available for analysis, and Security
 * Hub's CloudWatch.16 control fails log groups kept for less than a year. The trail's S3 bucket keeps
 * the log files for seven years independently. The other platform log groups (application logs)
 * keep the shorter `logRetention` (30 days by default).
 */
export const DEFAULT_TRAIL_LOG_GROUP_RETENTION = logs.RetentionDays.ONE_YEAR;
