import * as logs from 'aws-cdk-lib/aws-logs';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { isSet, resolve } from '../private/intrinsics';
import { defineRule } from '../private/rule';

/**
 * Log groups are encrypted with a KMS key (`KmsKeyId` set; a token counts as set).
 *
 * Opt-in (`includeOverlappingRules`): the same check as cdk-nag's `CloudWatchLogGroupEncrypted`
 * (HIPAA.Security, NIST.800.53.R4/R5, PCI.DSS.321).
 */
export const LogGroupEncrypted = defineRule('LogGroupEncrypted', (node) => {
  if (!(node instanceof logs.CfnLogGroup)) return NagRuleCompliance.NOT_APPLICABLE;
  return isSet(resolve(node, node.kmsKeyId)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
});
