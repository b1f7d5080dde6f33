// Helpers of ML anomaly detection. Not part of the public API (not exported from the barrel).
import { Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { AnomalyBandBreach, MlAnomalyDetectionOptions } from './ml-anomaly-detection';

/** CloudWatch's default band width (metric math `ANOMALY_DETECTION_BAND`). Not exported from the package. */
export const DEFAULT_ANOMALY_BAND_WIDTH = 2;

const OPERATORS: { [breach: string]: cloudwatch.ComparisonOperator } = {
  [AnomalyBandBreach.ABOVE]: cloudwatch.ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD,
  [AnomalyBandBreach.BELOW]: cloudwatch.ComparisonOperator.LESS_THAN_LOWER_THRESHOLD,
  [AnomalyBandBreach.OUTSIDE]: cloudwatch.ComparisonOperator.LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD,
};

/** The alarm comparison of a band side. Not exported from the package. */
export function anomalyComparisonOperator(breach: AnomalyBandBreach): cloudwatch.ComparisonOperator {
  return OPERATORS[breach];
}

/**
 * The options with their defaults, or an error message saying what is wrong (`what` names the metric).
 * Not exported from the package.
 */
export function resolveAnomalyDetection(what: string, options: MlAnomalyDetectionOptions): Required<MlAnomalyDetectionOptions> {
  if (options === null || typeof options !== 'object') {
    throw new Error(`anomalyDetection of ${what} must be an object such as { breach: AnomalyBandBreach.BELOW, bandWidth: 2 }; got ${options}.`);
  }
  if (!Object.values(AnomalyBandBreach).includes(options.breach)) {
    throw new Error(`anomalyDetection.breach of ${what} must be an AnomalyBandBreach (${Object.values(AnomalyBandBreach).join(', ')}): `
      + `which side of the band alarms; got ${options.breach}.`);
  }
  const bandWidth = options.bandWidth ?? DEFAULT_ANOMALY_BAND_WIDTH;
  // ANOMALY_DETECTION_BAND(m, n): n is a number of standard deviations ("Using metric math",
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html); aws-cdk-lib
  // rejects n <= 0 ("stdDevs must be greater than 0").
  if (!Token.isUnresolved(bandWidth) && (typeof bandWidth !== 'number' || !Number.isFinite(bandWidth) || bandWidth <= 0)) {
    throw new Error(`anomalyDetection.bandWidth of ${what} must be a number of standard deviations greater than 0 (CloudWatch's `
      + `default is 2; a wider band alarms less often); got ${bandWidth}.`);
  }
  return { breach: options.breach, bandWidth };
}

/**
 * The expected band of `metric` for a graph: `ANOMALY_DETECTION_BAND(m0, bandWidth)`, with the
 * metric's own period (an expression's period overrides its metrics', so a different one would graph
 * the metric twice). Not exported from the package.
 */
export function anomalyBand(metric: cloudwatch.Metric, bandWidth: number, label: string): cloudwatch.MathExpression {
  return cloudwatch.Metric.anomalyDetectionFor({ metric, stdDevs: bandWidth, label, period: metric.period });
}
