import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The role CloudTrail assumes to write to the trail's log group, and its policy. */
export interface TrailLogsRole {
  readonly role: iam.Role;
  readonly policy: iam.ManagedPolicy;
}

/**
 * A role for `cloudtrail.amazonaws.com` allowed exactly `logs:CreateLogStream` and
 * `logs:PutLogEvents` on the trail's log group (its streams). The permissions live in a customer
 * managed policy rather than an inline `DefaultPolicy` (cdk-nag `IAMNoInlinePolicy`).
 */
export function createTrailLogsRole(scope: Construct, logGroup: logs.ILogGroup): TrailLogsRole {
  const role = new iam.Role(scope, 'LogsRole', {
    assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com'),
    description: 'Lets CloudTrail deliver the audit trail to its CloudWatch Logs group',
  });
  const policy = new iam.ManagedPolicy(scope, 'LogsPolicy', {
    description: 'CloudTrail: create log streams and put log events in the audit trail log group only',
    roles: [role],
    statements: [new iam.PolicyStatement({
      sid: 'DeliverTrailToLogGroup',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn],
    })],
  });
  return { role, policy };
}
