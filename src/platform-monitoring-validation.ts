import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { IConstruct } from 'constructs';
import { CisBenchmarkVersion, CisControl } from './alarms/cis-controls';
import { LogGroupPlacement } from './logging/log-group-placement';
import { ServiceLogGroupMode } from './logging/service-log-group-mode';
import { validateMonitoredResources } from './model/resource-lists';
import type { PlatformMonitoringProps } from './platform-monitoring-props';
import { validationError } from './private/errors';
import { checkIdentifier, ORGANIZATION_ID } from './private/identifiers';
import { checkEnumClassList, checkEnumList, checkEnumValue, checkList, describe } from './private/input-checks';

/**
 * The checks of `PlatformMonitoringProps` that its parts would otherwise make under other prop
 * names (or not at all): run first, so every message names the prop the user set. The project
 * name, retention, emails and removal policy are checked by `PlatformMonitoring` itself, and each
 * part checks its own props again when used alone. Not part of the public API.
 */
export function validatePlatformMonitoringProps(scope: IConstruct, props: PlatformMonitoringProps): void {
  const logging = checkOptions(scope, 'logging', props.logging);
  const audit = checkOptions(scope, 'audit', props.audit);
  const alarms = checkOptions(scope, 'alarms', props.alarms);
  checkOptions(scope, 'dashboards', props.dashboards);
  checkEnumValue(scope, 'logging.lambdaLogGroupMode', logging.lambdaLogGroupMode, ServiceLogGroupMode, 'ServiceLogGroupMode');
  checkEnumValue(scope, 'logging.batchLogGroupMode', logging.batchLogGroupMode, ServiceLogGroupMode, 'ServiceLogGroupMode');
  checkEnumValue(scope, 'logging.lambdaLogGroupPlacement', logging.lambdaLogGroupPlacement, LogGroupPlacement, 'LogGroupPlacement');
  checkEnumList(scope, 'alarms.disabledCisControls', alarms.disabledCisControls, CisControl, 'CisControl');
  checkEnumValue(scope, 'alarms.cisBenchmarkVersion', alarms.cisBenchmarkVersion, CisBenchmarkVersion, 'CisBenchmarkVersion');
  checkList(scope, 'alarms.mlAlarms', alarms.mlAlarms);
  checkList(scope, 'alarms.actions', alarms.actions);
  checkList(scope, 'alarms.platformHealthActions', alarms.platformHealthActions);
  checkEnumClassList(scope, 'audit.insightTypes', audit.insightTypes, cloudtrail.InsightType, 'InsightType');
  if (audit.organizationId !== undefined) checkIdentifier(scope, 'audit.organizationId', audit.organizationId, ORGANIZATION_ID);
  const recipients = checkOptions(scope, 'recipients', props.recipients);
  checkList(scope, 'recipients.emails', recipients.emails);
  checkList(scope, 'mlComponents', props.mlComponents);
  validateMonitoredResources(scope, props);
}

/** An options group is an object (or absent); from other languages anything can arrive. */
function checkOptions<T extends object>(scope: IConstruct, propName: string, value: T | undefined): T {
  if (value === undefined) return {} as T;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw validationError(scope, `${propName} must be an object of options (e.g. ${propName}: { ... }); got ${describe(value)}.`);
  }
  return value;
}
