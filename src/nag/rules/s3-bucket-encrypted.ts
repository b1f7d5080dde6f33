import * as s3 from 'aws-cdk-lib/aws-s3';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { asList, field, isSet, resolve } from '../private/intrinsics';
import { defineRule } from '../private/rule';

/**
 * S3 buckets declare default encryption: `BucketEncryption.ServerSideEncryptionConfiguration`
 * has at least one rule, and every rule sets `ServerSideEncryptionByDefault.SSEAlgorithm`
 * (a token counts as set).
 *
 * Opt-in (`includeOverlappingRules`): cdk-nag's `S3DefaultEncryptionKMS` (HIPAA.Security,
 * NIST.800.53.R5, PCI.DSS.321) is stricter (it requires `aws:kms`).
 */
export const S3BucketEncrypted = defineRule('S3BucketEncrypted', (node) => {
  if (!(node instanceof s3.CfnBucket)) return NagRuleCompliance.NOT_APPLICABLE;
  const encryption = resolve(node, node.bucketEncryption);
  const rules = asList(field(encryption, 'ServerSideEncryptionConfiguration'));
  const configured = rules.length > 0
    && rules.every((rule) => isSet(field(field(rule, 'ServerSideEncryptionByDefault'), 'SSEAlgorithm', 'sseAlgorithm')));
  return configured ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
});
