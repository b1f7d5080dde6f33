import * as logs from 'aws-cdk-lib/aws-logs';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { ALLOWED_RETENTION_DAYS } from '../../limits/log-retention';
import { resolve } from '../private/intrinsics';
import { defineRule } from '../private/rule';

/**
 * Log groups expire their events after a retention CloudWatch Logs accepts. Absent (never expire),
 * a value outside the list, or a value only known at deploy (a parameter) is non-compliant.
 *
 * Opt-in (`includeOverlappingRules`): cdk-nag's `CloudWatchLogGroupRetentionPeriod` (HIPAA.Security,
 * NIST.800.53.R4/R5, PCI.DSS.321, Serverless) already flags groups that never expire. This rule is
 * stricter only about values CloudFormation rejects at deploy anyway and about parameters.
 */
export const LogGroupRetention = defineRule('LogGroupRetention', (node) => {
  if (!(node instanceof logs.CfnLogGroup)) return NagRuleCompliance.NOT_APPLICABLE;
  const days = resolve(node, node.retentionInDays);
  const literal = typeof days === 'string' && /^\d+$/.test(days) ? Number(days) : days;
  return typeof literal === 'number' && ALLOWED_RETENTION_DAYS.includes(literal)
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
});
