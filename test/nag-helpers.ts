import { App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { PlatformMonitoringChecks } from '../src/nag/platform-monitoring-checks';

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

/** The four standard cdk-nag packs, plus ours (`PlatformMonitoringChecks`). */
export function standardPacks(app: IConstruct) {
  return [
    new AwsSolutionsChecks(app), new HIPAASecurityChecks(app), new NIST80053R5Checks(app), new PCIDSS321Checks(app),
    new PlatformMonitoringChecks(app),
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
