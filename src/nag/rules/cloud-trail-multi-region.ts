import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { isLiteralTrue, resolve } from '../private/intrinsics';
import { defineRule } from '../private/rule';

/**
 * CloudTrail trails record every region (`IsMultiRegionTrail` literally true).
 *
 * Default set: cdk-nag 3 has no multi-region trail rule in any pack.
 */
export const CloudTrailMultiRegion = defineRule('CloudTrailMultiRegion', (node) => {
  if (!(node instanceof cloudtrail.CfnTrail)) return NagRuleCompliance.NOT_APPLICABLE;
  return isLiteralTrue(resolve(node, node.isMultiRegionTrail))
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
});
