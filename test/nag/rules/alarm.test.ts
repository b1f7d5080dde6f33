import { CfnCondition, Fn, CfnParameter } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { flaggedBy, logicalId, newStack } from '../../nag-helpers';

const metric = new cloudwatch.Metric({ namespace: 'shop', metricName: 'Errors' });

describe('PlatformMonitoring-AlarmHasAction', () => {
  test('compliant: an alarm action, an OK action, a composite alarm with an action, an imported topic', () => {
    const { app, stack } = newStack();
    const topic = new sns.Topic(stack, 'Topic');
    const onAlarm = new cloudwatch.Alarm(stack, 'OnAlarm', { metric, threshold: 1, evaluationPeriods: 1 });
    onAlarm.addAlarmAction(new actions.SnsAction(topic));
    new cloudwatch.Alarm(stack, 'OnOk', { metric, threshold: 1, evaluationPeriods: 1 }).addOkAction(new actions.SnsAction(topic));
    const composite = new cloudwatch.CompositeAlarm(stack, 'Composite', { alarmRule: cloudwatch.AlarmRule.fromAlarm(onAlarm, cloudwatch.AlarmState.ALARM) });
    composite.addAlarmAction(new actions.SnsAction(topic));
    new cloudwatch.CfnAlarm(stack, 'Imported', {
      comparisonOperator: 'GreaterThanThreshold',
      evaluationPeriods: 1,
      threshold: 1,
      namespace: 'shop',
      metricName: 'Errors',
      period: 60,
      statistic: 'Sum',
      alarmActions: [Fn.importValue('AlertTopicArn')],
    });
    expect(flaggedBy(app, stack, 'AlarmHasAction')).toEqual([]);
  });

  test('non-compliant: no action, insufficient-data only, actions disabled, composite without action', () => {
    const { app, stack } = newStack();
    const topic = new sns.Topic(stack, 'Topic');
    const none = new cloudwatch.Alarm(stack, 'None', { metric, threshold: 1, evaluationPeriods: 1 });
    const insufficientOnly = new cloudwatch.Alarm(stack, 'InsufficientOnly', { metric, threshold: 1, evaluationPeriods: 1 });
    insufficientOnly.addInsufficientDataAction(new actions.SnsAction(topic));
    const disabled = new cloudwatch.Alarm(stack, 'Disabled', { metric, threshold: 1, evaluationPeriods: 1, actionsEnabled: false });
    disabled.addAlarmAction(new actions.SnsAction(topic));
    const composite = new cloudwatch.CompositeAlarm(stack, 'Composite', { alarmRule: cloudwatch.AlarmRule.fromAlarm(none, cloudwatch.AlarmState.ALARM) });
    expect(flaggedBy(app, stack, 'AlarmHasAction'))
      .toEqual([logicalId(composite), logicalId(disabled), logicalId(insufficientOnly), logicalId(none)].sort());
  });

  test('non-compliant: ActionsEnabled only known at deploy (condition on a parameter)', () => {
    const { app, stack } = newStack();
    const env = new CfnParameter(stack, 'Env', { type: 'String' });
    const isProd = new CfnCondition(stack, 'IsProd', { expression: Fn.conditionEquals(env.valueAsString, 'prod') });
    const alarm = new cloudwatch.Alarm(stack, 'Alarm', { metric, threshold: 1, evaluationPeriods: 1 });
    alarm.addAlarmAction(new actions.SnsAction(new sns.Topic(stack, 'Topic')));
    (alarm.node.defaultChild as cloudwatch.CfnAlarm).actionsEnabled = Fn.conditionIf(isProd.logicalId, true, false) as unknown as boolean;
    expect(flaggedBy(app, stack, 'AlarmHasAction')).toEqual([logicalId(alarm)]);
  });
});
