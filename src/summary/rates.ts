// The monthly prices the synth summary estimates with: the one place they live in the code.
// us-east-1 list prices, read on 1 December 2026 from "Amazon CloudWatch pricing"
// (https://aws.amazon.com/cloudwatch/pricing/): the same rates as the cost table of the docs
// ("What monitoring costs"). Other Regions differ: check that page for yours.

/** A standard-resolution alarm, per metric it evaluates, per month (a math alarm pays each metric). */
export const STANDARD_ALARM_METRIC_MONTH = 0.10;
/** A high-resolution alarm (period under 60 s), per metric, per month. */
export const HIGH_RESOLUTION_ALARM_METRIC_MONTH = 0.30;
/**
 * An anomaly-detection alarm, per month: billed as three standard alarm metrics (the metric and the
 * band's two bounds), from the paid-tier table of the CloudWatch pricing page.
 */
export const ANOMALY_ALARM_MONTH = 3 * STANDARD_ALARM_METRIC_MONTH;
/** A composite alarm, per month. */
export const COMPOSITE_ALARM_MONTH = 0.50;
/** A dashboard, per month, beyond the free tier. */
export const DASHBOARD_MONTH = 3.00;
/** The free tier: this many dashboards per account ... */
export const FREE_DASHBOARDS = 3;
/** ... of up to this many metrics each, are free. */
export const FREE_DASHBOARD_MAX_METRICS = 50;
/**
 * A custom metric, per month, when it receives data every hour: the most a metric filter costs (a
 * filter publishes only when a log event matches, and a metric is billed by the hours it receives data).
 */
export const CUSTOM_METRIC_MONTH = 0.30;
