import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as logs from 'aws-cdk-lib/aws-logs';

/**
 * An EventBridge target that writes events to a CloudWatch Logs group, without the custom resource
 * (a Lambda function) that `aws-events-targets.CloudWatchLogGroup` uses to write the group's
 * resource policy: `PlatformEvents` writes that policy with the native `AWS::Logs::ResourcePolicy`.
 * Not exported from the package.
 */
export class LogGroupRuleTarget implements events.IRuleTarget {
  constructor(private readonly logGroup: logs.ILogGroup) {}

  public bind(_rule: events.IRule, _id?: string): events.RuleTargetConfig {
    // The target ARN is the group ARN without the trailing ":*" of `logGroupArn`.
    const arn = Stack.of(this.logGroup).formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: this.logGroup.logGroupName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    return { arn };
  }
}
