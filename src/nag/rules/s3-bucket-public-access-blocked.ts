import * as s3 from 'aws-cdk-lib/aws-s3';
import { NagRuleCompliance } from 'cdk-nag';
import { field, isLiteralTrue, resolve } from '../private/intrinsics';
import { defineRule } from '../private/rule';

const SETTINGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

/**
 * S3 buckets state all four public-access-block settings as literal `true`. An absent
 * configuration is non-compliant even though new buckets get these settings by default today:
 * the template, not an account default that may change, should say so.
 */
export const S3BucketPublicAccessBlocked = defineRule('S3BucketPublicAccessBlocked', (node) => {
  if (!(node instanceof s3.CfnBucket)) return NagRuleCompliance.NOT_APPLICABLE;
  const config = resolve(node, node.publicAccessBlockConfiguration);
  if (config === undefined || config === null || typeof config !== 'object') return NagRuleCompliance.NON_COMPLIANT;
  return SETTINGS.every((setting) => isLiteralTrue(field(config, setting)))
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
});
