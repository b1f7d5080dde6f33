import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { isSet, resolve } from '../private/intrinsics';
import { defineRule } from '../private/rule';

/**
 * CloudTrail trails deliver events to CloudWatch Logs (`CloudWatchLogsLogGroupArn` set; a token
 * counts), so metric filters and alarms can watch them.
 *
 * Opt-in (`includeOverlappingRules`): the same check as cdk-nag's `CloudTrailCloudWatchLogsEnabled`
 * (HIPAA.Security, NIST.800.53.R4/R5, PCI.DSS.321).
 */
export const CloudTrailCloudWatchLogs = defineRule('CloudTrailCloudWatchLogs', (node) => {
  if (!(node instanceof cloudtrail.CfnTrail)) return NagRuleCompliance.NOT_APPLICABLE;
  return isSet(resolve(node, node.cloudWatchLogsLogGroupArn))
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
});
