import * as s3 from 'aws-cdk-lib/aws-s3';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { field, isLiteralTrue, resolve } from '../private/intrinsics';
import { defineRule } from '../private/rule';

const SETTINGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

/**
 * S3 buckets state all four public-access-block settings as literal `true`. An absent
 * configuration is non-compliant even though new buckets get these settings by default today:
 * the template, not an account default that may change, should say so.
 *
 * Opt-in (`includeOverlappingRules`): `AwsSolutions-S2` and `S3BucketLevelPublicAccessProhibited`
 * (HIPAA.Security, NIST.800.53.R5, PCI.DSS.321) flag any setting that is not `true`; they accept an
 * absent configuration, which for a new bucket means all four settings on (S3's default since April
 * 2023), so this rule's extra strictness documents intent rather than closing a gap.
 * Source: Amazon S3 User Guide, "Configuring block public access settings for your S3 buckets"
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-bucket.html:
 * "By default, new buckets, access points, and objects don't allow public access"), and AWS What's New,
 * December 2022 (https://aws.amazon.com/about-aws/whats-new/2022/12/amazon-s3-automatically-enable-block-public-access-disable-access-control-lists-buckets-april-2023/).
 */
export const S3BucketPublicAccessBlocked = defineRule('S3BucketPublicAccessBlocked', (node) => {
  if (!(node instanceof s3.CfnBucket)) return NagRuleCompliance.NOT_APPLICABLE;
  const config = resolve(node, node.publicAccessBlockConfiguration);
  if (config === undefined || config === null || typeof config !== 'object') return NagRuleCompliance.NON_COMPLIANT;
  return SETTINGS.every((setting) => isLiteralTrue(field(config, setting)))
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
});
