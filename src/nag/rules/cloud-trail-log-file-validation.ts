import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { isLiteralTrue, resolve } from '../private/intrinsics';
import { defineRule } from '../private/rule';

/**
 * CloudTrail trails write digest files (`EnableLogFileValidation` literally true).
 *
 * Opt-in (`includeOverlappingRules`): the same check as cdk-nag's
 * `CloudTrailLogFileValidationEnabled` (HIPAA.Security, NIST.800.53.R4/R5, PCI.DSS.321).
 */
export const CloudTrailLogFileValidation = defineRule('CloudTrailLogFileValidation', (node) => {
  if (!(node instanceof cloudtrail.CfnTrail)) return NagRuleCompliance.NOT_APPLICABLE;
  return isLiteralTrue(resolve(node, node.enableLogFileValidation))
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
});
