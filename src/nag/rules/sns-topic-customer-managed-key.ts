import * as sns from 'aws-cdk-lib/aws-sns';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { isSet, resolve } from '../private/intrinsics';
import { defineRule } from '../private/rule';

/**
 * SNS topics are encrypted with a customer-managed KMS key. AWS-managed keys live under the
 * reserved `alias/aws/` prefix; whatever form the value takes (`alias/aws/sns`, an alias ARN, an
 * `Fn::Join` building one), if the resolved value mentions `alias/aws/` it is AWS-managed. Key ids
 * that are opaque at synth (imports, parameters) are trusted.
 *
 * Default set, although cdk-nag's `SNSEncryptedKMS` (HIPAA.Security, NIST.800.53.R4/R5, PCI.DSS.321)
 * overlaps: it accepts any key, `alias/aws/sns` included, with which CloudWatch alarms can never
 * publish to the topic.
 */
export const SnsTopicCustomerManagedKey = defineRule('SnsTopicCustomerManagedKey', (node) => {
  if (!(node instanceof sns.CfnTopic)) return NagRuleCompliance.NOT_APPLICABLE;
  const key = resolve(node, node.kmsMasterKeyId);
  if (!isSet(key)) return NagRuleCompliance.NON_COMPLIANT;
  return /alias\/aws\//i.test(JSON.stringify(key)) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
});
