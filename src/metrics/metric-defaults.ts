import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/**
 * Where a monitored resource is, when it is not in the stack's account or Region (cross-account
 * observability). Not part of the public API.
 */
export interface MetricLocation {
  readonly account?: string;
  readonly region?: string;
}

/** `account` / `region` metric options for a location, leaving out what is unset. */
export function locationOptions(location: MetricLocation = {}): cloudwatch.MetricOptions {
  return {
    ...(location.account !== undefined ? { account: location.account } : {}),
    ...(location.region !== undefined ? { region: location.region } : {}),
  };
}

/** The period every metric factory uses unless told otherwise: 5 minutes. */
export const DEFAULT_METRIC_PERIOD = Duration.minutes(5);

/**
 * Builds a metric with the factory's defaults, letting the caller's options win, and merging the
 * factory's dimensions under any the caller adds.
 * Not part of the public API (not exported from the package barrel).
 */
export function buildMetric(
  namespace: string,
  metricName: string,
  dimensions: { [name: string]: string },
  defaults: cloudwatch.MetricOptions,
  props: cloudwatch.MetricOptions = {},
): cloudwatch.Metric {
  const dimensionsMap = { ...dimensions, ...(props.dimensionsMap ?? {}) };
  return new cloudwatch.Metric({
    namespace,
    metricName,
    period: DEFAULT_METRIC_PERIOD,
    ...defaults,
    ...props,
    // No dimension at all (not an empty map) for account-wide and total metrics.
    dimensionsMap: Object.keys(dimensionsMap).length > 0 ? dimensionsMap : undefined,
  });
}
