import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { alarmActionProps } from '../private/alarms';
import { asList, isIntrinsic, isLiteralFalse, resolve } from '../private/intrinsics';
import { defineRule } from '../private/rule';

/**
 * Alarms (metric and composite) notify someone: at least one `AlarmActions` or `OKActions` entry
 * (`InsufficientDataActions` alone does not count: nobody hears about the breach), and
 * `ActionsEnabled` is not false. An action given as a token counts; `ActionsEnabled` given as a
 * token (parameter, condition) does not, since the rule cannot prove it is on.
 *
 * Default set, although cdk-nag's `CloudWatchAlarmAction` (HIPAA.Security, NIST.800.53.R4/R5)
 * overlaps: it checks metric alarms only (not composite alarms), counts an INSUFFICIENT_DATA action
 * alone as enough, and accepts `ActionsEnabled` given as a token.
 */
export const AlarmHasAction = defineRule('AlarmHasAction', (node) => {
  const props = alarmActionProps(node);
  if (!props) return NagRuleCompliance.NOT_APPLICABLE;
  const enabled = resolve(node, props.actionsEnabled);
  if (isLiteralFalse(enabled) || isIntrinsic(enabled)) return NagRuleCompliance.NON_COMPLIANT;
  const hasAction = [props.alarmActions, props.okActions].some((list) => asList(resolve(node, list)).length > 0);
  return hasAction ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
});
