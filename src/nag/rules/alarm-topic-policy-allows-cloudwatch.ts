import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { alarmActionProps } from '../private/alarms';
import { resolve } from '../private/intrinsics';
import { topicPoliciesFor, topicsNotifiedBy } from '../private/lookups';
import { allowsServiceActions, statementsOf } from '../private/policy';
import { defineRule } from '../private/rule';

/**
 * When an alarm notifies a topic of its stack and that topic has a topic policy, the policy allows
 * `cloudwatch.amazonaws.com` (or everyone) `sns:Publish`. A topic policy replaces SNS's default
 * policy, so without that Allow the alarm's notifications are refused and only alarm history shows
 * it. Reported on the alarm; a topic without a policy keeps the default and is fine.
 *
 * Default set: no cdk-nag pack follows an alarm to its topic's policy.
 */
export const AlarmTopicPolicyAllowsCloudWatch = defineRule('AlarmTopicPolicyAllowsCloudWatch', (node) => {
  const props = alarmActionProps(node);
  if (!props) return NagRuleCompliance.NOT_APPLICABLE;
  const topics = topicsNotifiedBy(node, [props.alarmActions, props.okActions, props.insufficientDataActions]);
  if (topics.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
  const blocked = topics.some((topic) => {
    const policies = topicPoliciesFor(topic);
    if (policies.length === 0) return false;
    const statements = policies.flatMap((p) => statementsOf(resolve(p, p.policyDocument)));
    return !allowsServiceActions(statements, 'cloudwatch.amazonaws.com', ['sns:Publish']);
  });
  return blocked ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
});
