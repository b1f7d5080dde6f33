import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { PlatformMonitoringChecks } from '../../src/nag/platform-monitoring-checks';

export const RULE_PREFIX = 'PlatformMonitoring-';

/**
 * Every finding of our pack under `scope` as sorted `<ruleName> <logicalId>` lines. cdk-nag 3
 * reports construct paths; we map them back to logical ids so tests name template resources.
 */
export function packFindings(app: App, scope: IConstruct): string[] {
  const logicalIds = new Map<string, string>();
  for (const c of scope.node.findAll()) {
    if (CfnResource.isCfnResource(c)) logicalIds.set(c.node.path, Stack.of(c).resolve(c.logicalId));
  }
  const lines: string[] = [];
  for (const v of new PlatformMonitoringChecks(app).validateScope(scope).violations) {
    for (const r of v.violatingResources) {
      lines.push(`${v.ruleName} ${logicalIds.get(r.constructPath ?? '') ?? r.constructPath}`);
    }
  }
  return lines.sort();
}

/** The logical ids one rule (given without the pack prefix) flags under `scope`. */
export function flaggedBy(app: App, scope: IConstruct, rule: string): string[] {
  const id = `${RULE_PREFIX}${rule}`;
  return packFindings(app, scope)
    .filter((line) => line.startsWith(`${id} `))
    .map((line) => line.slice(id.length + 1));
}

/** The logical id of a construct's default child (an L2's `Resource`) or of an L1 itself. */
export function logicalId(construct: IConstruct): string {
  const resource = (CfnResource.isCfnResource(construct) ? construct : construct.node.defaultChild) as CfnResource;
  return Stack.of(resource).resolve(resource.logicalId);
}
