import { Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { NagRuleCompliance } from 'cdk-nag';
import { AlarmTopicKeyAllowsCloudWatch } from '../../../src/nag/rules/alarm-topic-key-allows-cloudwatch';
import { AlarmTopicPolicyAllowsCloudWatch } from '../../../src/nag/rules/alarm-topic-policy-allows-cloudwatch';
import { flaggedBy, logicalId, newStack } from '../../nag-helpers';

const metric = new cloudwatch.Metric({ namespace: 'shop', metricName: 'Errors' });

function alarmOn(stack: Stack, id: string, topic: sns.ITopic, on: 'alarm' | 'ok' = 'alarm'): cloudwatch.Alarm {
  const alarm = new cloudwatch.Alarm(stack, id, { metric, threshold: 1, evaluationPeriods: 1 });
  if (on === 'alarm') alarm.addAlarmAction(new actions.SnsAction(topic));
  else alarm.addOkAction(new actions.SnsAction(topic));
  return alarm;
}

function cloudWatchKeyGrant(stack: Stack): iam.PolicyStatement {
  return new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    resources: ['*'],
    conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
  });
}

function cloudWatchPublish(stack: Stack, topic: sns.Topic): iam.PolicyStatement {
  return new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
    actions: ['sns:Publish'],
    resources: [topic.topicArn],
    conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
  });
}

describe('PlatformMonitoring-AlarmTopicPolicyAllowsCloudWatch', () => {
  test('compliant: the topic policy allows cloudwatch.amazonaws.com sns:Publish', () => {
    const { app, stack } = newStack();
    const topic = new sns.Topic(stack, 'Topic', { enforceSSL: true });
    topic.addToResourcePolicy(cloudWatchPublish(stack, topic));
    const alarm = alarmOn(stack, 'Alarm', topic);
    expect(flaggedBy(app, stack, 'AlarmTopicPolicyAllowsCloudWatch')).toEqual([]);
    expect(AlarmTopicPolicyAllowsCloudWatch(alarm.node.defaultChild as cloudwatch.CfnAlarm)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: a topic without a policy keeps the SNS default policy', () => {
    const { app, stack } = newStack();
    const alarm = alarmOn(stack, 'Alarm', new sns.Topic(stack, 'Topic'));
    expect(flaggedBy(app, stack, 'AlarmTopicPolicyAllowsCloudWatch')).toEqual([]);
    expect(AlarmTopicPolicyAllowsCloudWatch(alarm.node.defaultChild as cloudwatch.CfnAlarm)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('non-compliant: enforceSSL alone replaces the default policy (alarm, OK action and composite alarm)', () => {
    const { app, stack } = newStack();
    const topic = new sns.Topic(stack, 'Topic', { enforceSSL: true });
    const onAlarm = alarmOn(stack, 'OnAlarm', topic);
    const onOk = alarmOn(stack, 'OnOk', topic, 'ok');
    const composite = new cloudwatch.CompositeAlarm(stack, 'Composite', { alarmRule: cloudwatch.AlarmRule.fromAlarm(onAlarm, cloudwatch.AlarmState.ALARM) });
    composite.addAlarmAction(new actions.SnsAction(topic));
    expect(flaggedBy(app, stack, 'AlarmTopicPolicyAllowsCloudWatch'))
      .toEqual([logicalId(composite), logicalId(onAlarm), logicalId(onOk)].sort());
  });

  test('not applicable: an alarm without actions or with a topic outside the stack', () => {
    const { stack } = newStack();
    const none = new cloudwatch.Alarm(stack, 'None', { metric, threshold: 1, evaluationPeriods: 1 });
    const imported = alarmOn(stack, 'Imported', sns.Topic.fromTopicArn(stack, 'Ext', 'arn:aws:sns:eu-west-1:123456789012:ext'));
    for (const alarm of [none, imported]) {
      expect(AlarmTopicPolicyAllowsCloudWatch(alarm.node.defaultChild as cloudwatch.CfnAlarm)).toBe(NagRuleCompliance.NOT_APPLICABLE);
    }
  });
});

describe('PlatformMonitoring-AlarmTopicKeyAllowsCloudWatch', () => {
  test('compliant: the key policy grants cloudwatch.amazonaws.com Decrypt and GenerateDataKey*', () => {
    const { app, stack } = newStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    key.addToResourcePolicy(cloudWatchKeyGrant(stack));
    const alarm = alarmOn(stack, 'Alarm', new sns.Topic(stack, 'Topic', { masterKey: key }));
    expect(flaggedBy(app, stack, 'AlarmTopicKeyAllowsCloudWatch')).toEqual([]);
    expect(AlarmTopicKeyAllowsCloudWatch(alarm.node.defaultChild as cloudwatch.CfnAlarm)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: the grant split over two statements, the topic using an alias of the stack', () => {
    const { app, stack } = newStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    for (const action of ['kms:Decrypt', 'kms:GenerateDataKey']) {
      key.addToResourcePolicy(new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')], actions: [action], resources: ['*'],
      }));
    }
    const alias = new kms.Alias(stack, 'Alias', { aliasName: 'alias/alerts', targetKey: key });
    const alarm = alarmOn(stack, 'Alarm', new sns.Topic(stack, 'Topic', { masterKey: alias }));
    expect(flaggedBy(app, stack, 'AlarmTopicKeyAllowsCloudWatch')).toEqual([]);
    // applicable (the alias was followed to the key), not merely skipped
    expect(AlarmTopicKeyAllowsCloudWatch(alarm.node.defaultChild as cloudwatch.CfnAlarm)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('non-compliant: the key policy has no CloudWatch grant, or only Decrypt', () => {
    const { app, stack } = newStack();
    const bare = new kms.Key(stack, 'Bare', { enableKeyRotation: true });
    const half = new kms.Key(stack, 'Half', { enableKeyRotation: true });
    half.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')], actions: ['kms:Decrypt'], resources: ['*'],
    }));
    const first = alarmOn(stack, 'First', new sns.Topic(stack, 'BareTopic', { masterKey: bare }));
    const second = alarmOn(stack, 'Second', new sns.Topic(stack, 'HalfTopic', { masterKey: half }));
    expect(flaggedBy(app, stack, 'AlarmTopicKeyAllowsCloudWatch')).toEqual([logicalId(first), logicalId(second)].sort());
  });

  test('non-compliant: an alias of the stack pointing at a key without the grant', () => {
    const { app, stack } = newStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    const alias = new kms.Alias(stack, 'Alias', { aliasName: 'alias/alerts', targetKey: key });
    const alarm = alarmOn(stack, 'Alarm', new sns.Topic(stack, 'Topic', { masterKey: alias }));
    expect(flaggedBy(app, stack, 'AlarmTopicKeyAllowsCloudWatch')).toEqual([logicalId(alarm)]);
  });

  test('not applicable: unencrypted topic, or a key outside the stack', () => {
    const { stack } = newStack();
    const plain = alarmOn(stack, 'Plain', new sns.Topic(stack, 'PlainTopic'));
    const imported = kms.Key.fromKeyArn(stack, 'Ext', 'arn:aws:kms:eu-west-1:123456789012:key/1234');
    const external = alarmOn(stack, 'External', new sns.Topic(stack, 'ExtTopic', { masterKey: imported }));
    for (const alarm of [plain, external]) {
      expect(AlarmTopicKeyAllowsCloudWatch(alarm.node.defaultChild as cloudwatch.CfnAlarm)).toBe(NagRuleCompliance.NOT_APPLICABLE);
    }
  });
});
