import { Duration } from 'aws-cdk-lib';

// Sizes on CloudWatch's 24-column dashboard grid, and the service limits the dashboards respect.
// Not part of the public API (not exported from the package barrel).

/** The dashboard grid is 24 columns wide. */
export const GRID_WIDTH = 24;
/** A widget spanning the whole row. */
export const FULL_WIDTH = GRID_WIDTH;
/** Two widgets per row. */
export const HALF_WIDTH = GRID_WIDTH / 2;
/** Three widgets per row. */
export const THIRD_WIDTH = GRID_WIDTH / 3;
/** Four widgets per row. */
export const QUARTER_WIDTH = GRID_WIDTH / 4;

/** A markdown section header (one line of text). */
export const HEADER_HEIGHT = 1;
/** A time-series graph. */
export const GRAPH_HEIGHT = 6;
/** A single-value (latest value) widget. */
export const SINGLE_VALUE_HEIGHT = 3;
/** A Logs Insights table. */
export const LOG_TABLE_HEIGHT = 8;
/** An alarm status widget. */
export const ALARM_STATUS_HEIGHT = 4;

/** The period of every metric on the dashboards unless told otherwise. */
export const DEFAULT_DASHBOARD_PERIOD = Duration.minutes(5);

/** CloudWatch rejects a dashboard with more than 500 widgets. */
export const MAX_WIDGETS_PER_DASHBOARD = 500;
/** A graph shows at most 500 metrics. */
export const MAX_METRICS_PER_GRAPH = 500;
/** A dashboard shows at most 2,500 metrics across all widgets. */
export const MAX_METRICS_PER_DASHBOARD = 2500;
/** A Logs Insights query (one widget) reads at most 50 log groups. */
export const MAX_LOG_GROUPS_PER_QUERY = 50;
/** An alarm status widget lists at most 100 alarms. */
export const MAX_ALARMS_PER_STATUS_WIDGET = 100;
/** A SEARCH expression may be at most 1,024 characters long. */
export const MAX_SEARCH_EXPRESSION_LENGTH = 1024;
