import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { isSet, resolve } from '../private/intrinsics';
import { defineRule } from '../private/rule';

/**
 * CloudTrail trails encrypt their log files with a KMS key (`KMSKeyId` set; a token counts).
 *
 * Opt-in (`includeOverlappingRules`): the same check as cdk-nag's `CloudTrailEncryptionEnabled`
 * (HIPAA.Security, NIST.800.53.R4/R5, PCI.DSS.321).
 */
export const CloudTrailEncrypted = defineRule('CloudTrailEncrypted', (node) => {
  if (!(node instanceof cloudtrail.CfnTrail)) return NagRuleCompliance.NOT_APPLICABLE;
  return isSet(resolve(node, node.kmsKeyId)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
});
