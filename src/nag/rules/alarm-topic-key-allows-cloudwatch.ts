import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { alarmActionProps } from '../private/alarms';
import { resolve } from '../private/intrinsics';
import { keyOfTopic, topicsNotifiedBy } from '../private/lookups';
import { allowsServiceActions, statementsOf } from '../private/policy';
import { defineRule } from '../private/rule';

/**
 * When an alarm notifies a topic of its stack that is encrypted with a key of the same stack, the
 * key policy allows `cloudwatch.amazonaws.com` `kms:Decrypt` and `kms:GenerateDataKey*`. Without
 * it, notifications are dropped silently while the alarm shows ALARM. Keys outside the stack
 * (imported, or AWS-managed such as `alias/aws/sns`, which can never work and is flagged by
 * `SnsTopicCustomerManagedKey`) are outside this rule's reach. Reported on the alarm.
 *
 * Default set: no cdk-nag pack follows an alarm to its topic's key.
 */
export const AlarmTopicKeyAllowsCloudWatch = defineRule('AlarmTopicKeyAllowsCloudWatch', (node) => {
  const props = alarmActionProps(node);
  if (!props) return NagRuleCompliance.NOT_APPLICABLE;
  const keys = topicsNotifiedBy(node, [props.alarmActions, props.okActions, props.insufficientDataActions])
    .map(keyOfTopic)
    .filter((key) => key !== undefined);
  if (keys.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
  const missing = keys.some((key) => !allowsServiceActions(
    statementsOf(resolve(key, key.keyPolicy)), 'cloudwatch.amazonaws.com', ['kms:Decrypt', 'kms:GenerateDataKey']));
  return missing ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
});
