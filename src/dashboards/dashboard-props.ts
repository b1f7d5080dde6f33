import { Duration } from 'aws-cdk-lib';
import { DeploymentEnvironment } from '../environment';

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
