import { Duration, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { PlatformDashboardProps } from './dashboard-props';
import { DEFAULT_DASHBOARD_PERIOD, MAX_METRICS_PER_DASHBOARD } from './layout';
import { PlatformNaming } from '../core/naming';
import { resolveEnvironment } from '../core/validation';
import { validationError } from '../private/errors';

/** The validated common settings of a dashboard. Not part of the public API. */
export interface ResolvedDashboardSettings {
  readonly naming: PlatformNaming;
  readonly dashboardName: string;
  readonly defaultInterval: Duration;
  readonly period: Duration;
  readonly firstPartMaxMetrics: number;
}

const DASHBOARD_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** Validates the common props of a dashboard and fills in defaults. Not part of the public API. */
export function resolveDashboardSettings(scope: IConstruct, props: PlatformDashboardProps, suffix: string,
  defaultInterval: Duration): ResolvedDashboardSettings {
  const naming = new PlatformNaming(props.projectName, resolveEnvironment(scope, props.environment));
  const dashboardName = props.dashboardName ?? naming.dashboardName(suffix);
  if (!Token.isUnresolved(dashboardName) && !DASHBOARD_NAME.test(dashboardName)) {
    throw validationError(scope, 'A dashboard name must be 1-255 letters, digits, hyphens and underscores; '
      + `got "${dashboardName}" (${dashboardName.length} characters).`);
  }
  const period = props.period ?? DEFAULT_DASHBOARD_PERIOD;
  if (!period.isUnresolved()) {
    const seconds = period.toSeconds({ integral: false });
    if (seconds < 60 || seconds % 60 !== 0) {
      throw validationError(scope, `period must be a whole number of minutes (at least 1); got ${period.toHumanString()}.`);
    }
  }
  const firstPartMaxMetrics = props.firstPartMaxMetrics ?? MAX_METRICS_PER_DASHBOARD;
  if (Token.isUnresolved(firstPartMaxMetrics) || !Number.isInteger(firstPartMaxMetrics) || firstPartMaxMetrics < 1
    || firstPartMaxMetrics > MAX_METRICS_PER_DASHBOARD) {
    throw validationError(scope, `firstPartMaxMetrics must be a whole number from 1 to ${MAX_METRICS_PER_DASHBOARD}; got ${firstPartMaxMetrics}.`);
  }
  return { naming, dashboardName, defaultInterval: props.defaultInterval ?? defaultInterval, period, firstPartMaxMetrics };
}
