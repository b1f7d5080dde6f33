import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { IConstruct } from 'constructs';
import { CisBenchmarkVersion, CisControl } from './alarms/cis-controls';
import { cisSeverities } from './alarms/security-alarms';
import { LogGroupPlacement } from './logging/log-group-placement';
import { ServiceLogGroupMode } from './logging/service-log-group-mode';
import type { PlatformMonitoringProps } from './platform-monitoring-props';
import { checkIdentifier, ORGANIZATION_ID } from './private/identifiers';
import { checkEnumClassList, checkEnumList, checkEnumValue, checkList, checkOptions } from './private/input-checks';

/**
 * The checks of `PlatformMonitoringProps` that its parts would otherwise make under other prop
 * names (or not at all): run first, so every message names the prop the user set. The project
 * name, retention, emails and removal policy are checked by `PlatformMonitoring` itself, and the
 * lists of monitored resources by the model it resolves once (`resolveMonitoredResources`); each
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
  const security = checkOptions(scope, 'alarms.securityAlarms', alarms.securityAlarms, true);
  checkEnumList(scope, 'alarms.securityAlarms.disabledCisControls', security.disabledCisControls, CisControl, 'CisControl');
  checkEnumValue(scope, 'alarms.securityAlarms.cisBenchmarkVersion', security.cisBenchmarkVersion, CisBenchmarkVersion, 'CisBenchmarkVersion');
  cisSeverities(scope, security.cisControlSeverities, 'alarms.securityAlarms.cisControlSeverities');
  checkList(scope, 'alarms.mlAlarms', alarms.mlAlarms);
  checkList(scope, 'alarms.actions', alarms.actions);
  checkList(scope, 'alarms.platformHealth.actions', checkOptions(scope, 'alarms.platformHealth', alarms.platformHealth, true).actions);
  checkEnumClassList(scope, 'audit.insightTypes', audit.insightTypes, cloudtrail.InsightType, 'InsightType');
  if (audit.organizationId !== undefined) checkIdentifier(scope, 'audit.organizationId', audit.organizationId, ORGANIZATION_ID);
  const recipients = checkOptions(scope, 'recipients', props.recipients);
  checkList(scope, 'recipients.emails', recipients.emails);
  checkList(scope, 'mlComponents', props.mlComponents);
}
