import { Duration } from 'aws-cdk-lib';

/** The period of ML metrics on dashboards and alarms unless told otherwise: 5 minutes. Not exported from the package. */
export const DEFAULT_ML_METRIC_PERIOD = Duration.minutes(5);
