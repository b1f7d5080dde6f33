import * as sns from 'aws-cdk-lib/aws-sns';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { resolve } from '../private/intrinsics';
import { topicPoliciesFor } from '../private/lookups';
import { allowsAction, deniesInsecureTransport, statementsOf } from '../private/policy';
import { defineRule } from '../private/rule';

/**
 * SNS topics refuse publishes over plain HTTP: a topic policy in the same stack names the topic and
 * has a statement denying everyone `sns:Publish` when `aws:SecureTransport` is false. Required
 * whether or not the topic is encrypted (encryption at rest says nothing about transport).
 *
 * Default set, although `AwsSolutions-SNS3` overlaps: it checks only topics without `KmsMasterKeyId`,
 * so an encrypted topic (every alert topic this library builds) is never checked for TLS.
 */
export const SnsTopicSslPublishOnly = defineRule('SnsTopicSslPublishOnly', (node) => {
  if (!(node instanceof sns.CfnTopic)) return NagRuleCompliance.NOT_APPLICABLE;
  const enforced = topicPoliciesFor(node).some((policy) =>
    statementsOf(resolve(policy, policy.policyDocument))
      .some((s) => deniesInsecureTransport(s) && allowsAction(s, 'sns:Publish')));
  return enforced ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
});
