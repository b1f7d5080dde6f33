import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { PlatformMonitoringChecks, PlatformMonitoringChecksProps } from '../src/nag/platform-monitoring-checks';

/*
 * The one test utility for stacks and cdk-nag: an app with our recommended flags, the packs every
 * library test runs, and helpers to read our pack's findings by logical id (test/nag/).
 */

/** Feature flags our docs tell users to set; tests run with them too. */
export const RECOMMENDED_CONTEXT = {
  '@aws-cdk/core:validateAgainstDefaultRules': true,
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
};

/** An app with the recommended flags and a stack with a concrete environment. */
export function newStack(env: { account?: string; region?: string } = { account: '123456789012', region: 'eu-west-1' }): { app: App; stack: Stack } {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'TestStack', { env });
  return { app, stack };
}

/**
 * The four standard cdk-nag packs, plus ours (`PlatformMonitoringChecks`) with **every** rule
 * (`includeOverlappingRules`): the library itself must be clean under all of its own rules, not
 * only under the default set a user runs next to the standard packs.
 */
export function standardPacks(app: IConstruct) {
  return [
    new AwsSolutionsChecks(app), new HIPAASecurityChecks(app), new NIST80053R5Checks(app), new PCIDSS321Checks(app),
    new PlatformMonitoringChecks(app, { includeOverlappingRules: true }),
  ];
}

/**
 * Every unacknowledged finding of the five packs under `scope`, as `ruleName: resource path` lines
 * (so a failing test prints what to fix).
 */
export function nagFindings(app: IConstruct, scope: IConstruct): string[] {
  const lines: string[] = [];
  for (const pack of standardPacks(app)) {
    for (const v of pack.validateScope(scope).violations) {
      for (const r of v.violatingResources) {
        lines.push(`${v.ruleName}: ${r.constructPath ?? r.resourceLogicalId}`);
      }
    }
  }
  return lines;
}

/** Registers the five packs on the app (so `app.synth()` throws on any finding). */
export function addStandardPacks(app: App): void {
  Validations.of(app).addPlugins(...standardPacks(app));
}

/** The prefix cdk-nag puts before our rule names. */
export const RULE_PREFIX = 'PlatformMonitoring-';

/**
 * Every finding of our pack under `scope` as sorted `<ruleName> <logicalId>` lines. cdk-nag 3
 * reports construct paths; we map them back to logical ids so tests name template resources.
 * Runs every rule unless `props` says otherwise (rule tests cover the opt-in rules too).
 */
export function packFindings(
  app: App, scope: IConstruct, props: PlatformMonitoringChecksProps = { includeOverlappingRules: true }): string[] {
  const logicalIds = new Map<string, string>();
  for (const c of scope.node.findAll()) {
    if (CfnResource.isCfnResource(c)) logicalIds.set(c.node.path, Stack.of(c).resolve(c.logicalId));
  }
  const lines: string[] = [];
  for (const v of new PlatformMonitoringChecks(app, props).validateScope(scope).violations) {
    for (const r of v.violatingResources) {
      lines.push(`${v.ruleName} ${logicalIds.get(r.constructPath ?? '') ?? r.constructPath}`);
    }
  }
  return lines.sort();
}

/** The logical ids one rule (given without the pack prefix) flags under `scope`, all rules on. */
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
