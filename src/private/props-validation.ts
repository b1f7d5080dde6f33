import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { IConstruct } from 'constructs';
import { checkIdentifier, ORGANIZATION_ID } from './identifiers';
import { checkEnumClassList, checkEnumList, checkEnumValue, checkList } from './input-checks';
import { validateMonitoredResources } from './resource-lists';
import { CisBenchmarkVersion, CisControl } from '../alerts/cis-controls';
import { LogGroupPlacement } from '../logging/log-group-placement';
import { ServiceLogGroupMode } from '../logging/service-log-group-mode';
import type { PlatformMonitoringProps } from '../platform-monitoring-props';

/**
 * The checks of `PlatformMonitoringProps` that its parts would otherwise make under other prop
 * names (or not at all): run first, so every message names the prop the user set. The project
 * name, retention, emails and removal policy are checked by `PlatformMonitoring` itself, and each
 * part checks its own props again when used alone. Not part of the public API.
 */
export function validatePlatformMonitoringProps(scope: IConstruct, props: PlatformMonitoringProps): void {
  checkEnumValue(scope, 'lambdaLogGroupMode', props.lambdaLogGroupMode, ServiceLogGroupMode, 'ServiceLogGroupMode');
  checkEnumValue(scope, 'batchLogGroupMode', props.batchLogGroupMode, ServiceLogGroupMode, 'ServiceLogGroupMode');
  checkEnumValue(scope, 'lambdaLogGroupPlacement', props.lambdaLogGroupPlacement, LogGroupPlacement, 'LogGroupPlacement');
  checkEnumList(scope, 'disabledCisControls', props.disabledCisControls, CisControl, 'CisControl');
  checkEnumValue(scope, 'cisBenchmarkVersion', props.cisBenchmarkVersion, CisBenchmarkVersion, 'CisBenchmarkVersion');
  checkEnumClassList(scope, 'trailInsightTypes', props.trailInsightTypes, cloudtrail.InsightType, 'InsightType');
  if (props.organizationId !== undefined) checkIdentifier(scope, 'organizationId', props.organizationId, ORGANIZATION_ID);
  checkList(scope, 'alertEmails', props.alertEmails);
  checkList(scope, 'mlComponents', props.mlComponents);
  checkList(scope, 'mlAlarms', props.mlAlarms);
  validateMonitoredResources(scope, props);
}
