import { CfnResource } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/** The action-related properties shared by metric alarms and composite alarms. */
export interface AlarmActionProps {
  readonly alarmActions: unknown;
  readonly okActions: unknown;
  readonly insufficientDataActions: unknown;
  readonly actionsEnabled: unknown;
}

/** The action properties of an `AWS::CloudWatch::Alarm` or `AWS::CloudWatch::CompositeAlarm`; else undefined. */
export function alarmActionProps(node: CfnResource): AlarmActionProps | undefined {
  if (node instanceof cloudwatch.CfnAlarm || node instanceof cloudwatch.CfnCompositeAlarm) {
    return {
      alarmActions: node.alarmActions,
      okActions: node.okActions,
      insufficientDataActions: node.insufficientDataActions,
      actionsEnabled: node.actionsEnabled,
    };
  }
  return undefined;
}
