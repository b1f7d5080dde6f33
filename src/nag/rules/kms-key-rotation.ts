import * as kms from 'aws-cdk-lib/aws-kms';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { isLiteralTrue, resolve } from '../private/intrinsics';
import { defineRule } from '../private/rule';

/**
 * Symmetric encryption keys rotate automatically (`EnableKeyRotation` literally true).
 * Asymmetric and HMAC keys (any literal `KeySpec` other than `SYMMETRIC_DEFAULT`) cannot rotate:
 * not applicable; neither can keys with imported key material (`Origin: EXTERNAL`). A `KeySpec`
 * given as a token is treated as symmetric.
 *
 * Opt-in (`includeOverlappingRules`): `AwsSolutions-KMS5` and `KMSBackingKeyRotationEnabled`
 * (NIST.800.53.R4/R5, PCI.DSS.321) check the same; they also flag `EXTERNAL` keys, which cannot rotate.
 */
export const KmsKeyRotation = defineRule('KmsKeyRotation', (node) => {
  if (!(node instanceof kms.CfnKey)) return NagRuleCompliance.NOT_APPLICABLE;
  const spec = resolve(node, node.keySpec);
  if (typeof spec === 'string' && spec !== 'SYMMETRIC_DEFAULT') return NagRuleCompliance.NOT_APPLICABLE;
  if (resolve(node, node.origin) === 'EXTERNAL') return NagRuleCompliance.NOT_APPLICABLE;
  return isLiteralTrue(resolve(node, node.enableKeyRotation))
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
});
