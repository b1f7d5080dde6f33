import { CfnResource } from 'aws-cdk-lib';
// Per-module import: the cdk-nag barrel loads every pack and its rules (about 0.4 s at each cold start).
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';

/** A rule of our pack: a pure function of one L1 resource. */
export type PlatformRule = (node: CfnResource) => NagRuleCompliance;

/**
 * Names a rule function. cdk-nag builds the rule id as `<packName>-<function name>`, so the name is
 * part of the public contract (users acknowledge findings by it) and must not depend on file names
 * or on how a bundler renames functions.
 */
export function defineRule(name: string, check: PlatformRule): PlatformRule {
  return Object.defineProperty(check, 'name', { value: name });
}
