import { Duration } from 'aws-cdk-lib';
import { DeploymentEnvironment } from '../core/environment';

/**
 * The time settings of the platform's dashboards. Declared once: every dashboard takes these as
 * part of its props, and `PlatformMonitoring` as `dashboards` (for all three).
 */
export interface DashboardOptions {
  /**
   * The time range the dashboard opens with (relative to now).
   *
   * @default - 3 hours for the data-pipeline and API dashboards, 1 day for the ML dashboard
   */
  readonly defaultInterval?: Duration;

  /**
   * The period of every metric on the dashboard (whole minutes).
   *
   * @default Duration.minutes(5)
   */
  readonly period?: Duration;

  /**
   * The most metrics on the first part of a dashboard that is split (API performance, data
   * pipeline). The first part lives in the construct's own stack, next to everything else there;
   * each further part (`<name>-2`, ...) has a nested stack of its own and holds up to CloudWatch's
   * 2,500. Lower it when that stack nears CloudFormation's 1 MB template limit (a metric takes
   * about 150 bytes of template). Changing it moves graphs between the parts.
   *
   * @default - 500 in `PlatformMonitoring` (its stack also holds the alarms); 2,500 for a dashboard construct on its own
   */
  readonly firstPartMaxMetrics?: number;
}

/**
 * Properties every platform dashboard takes: its identity and name, and its `DashboardOptions`.
 */
export interface PlatformDashboardProps extends DashboardOptions {
  /** The project name: it names the dashboard and is the namespace of the custom metrics. */
  readonly projectName: string;

  /**
   * The deployment environment. Outside PROD the dashboard name ends with `-<environment>`, so
   * several environments can share an account.
   *
   * @default DeploymentEnvironment.PROD
   */
  readonly environment?: DeploymentEnvironment;

  /**
   * The dashboard's name (at most 255 letters, digits, hyphens and underscores).
   *
   * @default - `<projectName>-<dashboard>` in PROD, `<projectName>-<dashboard>-<environment>` elsewhere
   */
  readonly dashboardName?: string;
}
