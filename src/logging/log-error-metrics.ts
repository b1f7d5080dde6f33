import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/**
 * Metric filters cannot set a fixed dimension value (dimension values must come from fields of the
 * log event), so each Lambda group gets its own metric name: `Lambda.LogErrors.<functionName>`.
 */
export const LAMBDA_LOG_ERRORS_PREFIX = 'Lambda.LogErrors.';
/** The metric counting ERROR lines of the Batch job log group. */
export const BATCH_LOG_ERRORS_METRIC = 'Batch.LogErrors';
/** The term an ERROR line contains (Lambda text and JSON formats, Python/Node/Java loggers). */
export const ERROR_TERM = 'ERROR';

/** The name of the log-errors metric of one function (the name may be a token). */
export function lambdaLogErrorsMetricName(functionName: string): string {
  return `${LAMBDA_LOG_ERRORS_PREFIX}${functionName}`;
}

/**
 * A metric filter counting lines that contain `ERROR` into `namespace`/`metricName` (unit Count).
 * No default value: the filter publishes only when a line matches, so a function that logs without
 * errors costs no metric datapoints (a default value would publish 0 whenever logs arrive). Graphs
 * show gaps for "no error"; an alarm on this metric needs `treatMissingData: NOT_BREACHING`.
 */
export function errorMetricFilter(scope: Construct, id: string, logGroup: logs.ILogGroup,
  namespace: string, metricName: string): logs.MetricFilter {
  return new logs.MetricFilter(scope, id, {
    logGroup,
    filterPattern: logs.FilterPattern.allTerms(ERROR_TERM),
    metricNamespace: namespace,
    metricName,
    metricValue: '1',
    unit: cloudwatch.Unit.COUNT,
  });
}

/** The metric a filter above publishes: Sum over 5 minutes, Count. */
export function errorCountMetric(namespace: string, metricName: string, options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace,
    metricName,
    statistic: cloudwatch.Stats.SUM,
    period: Duration.minutes(5),
    unit: cloudwatch.Unit.COUNT,
    ...options,
  });
}
