import { Template, Match } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DeploymentEnvironment } from '../../src/core/environment';
import { PlatformKey } from '../../src/encryption/platform-key';
import { SnsAlarmActionStrategy } from '../../src/notifications/alarm-action-strategy';
import { AlertTopic } from '../../src/notifications/alert-topic';
import { nagFindings, newStack } from '../nag-helpers';

function setup(emails?: string[]) {
  const { app, stack } = newStack();
  const key = new PlatformKey(stack, 'Key', { projectName: 'my-proj', environment: DeploymentEnvironment.DEV });
  const alerts = new AlertTopic(stack, 'Alerts', { projectName: 'my-proj', environment: DeploymentEnvironment.DEV, encryptionKey: key.key, emails });
  return { app, stack, key, alerts };
}

describe('AlertTopic', () => {
  test('named, encrypted with the platform key, email subscriptions', () => {
    const { stack } = setup(['a@example.com', 'b@example.com']);
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'my-proj-dev-alerts',
      KmsMasterKeyId: Match.anyValue(),
    });
    const keyId = Object.values(t.findResources('AWS::SNS::Topic'))[0].Properties.KmsMasterKeyId;
    expect(JSON.stringify(keyId)).toMatch(/\{"Fn::GetAtt":\["Key[0-9A-F]+","Arn"\]\}/);
    t.resourceCountIs('AWS::SNS::Subscription', 2);
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'a@example.com' });
  });

  test('topic policy: SSL-only deny and a scoped CloudWatch allow', () => {
    const { stack } = setup();
    const policy = Template.fromStack(stack).findResources('AWS::SNS::TopicPolicy');
    const statements = Object.values(policy)[0].Properties.PolicyDocument.Statement;
    expect(statements).toEqual(expect.arrayContaining([
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      expect.objectContaining({
        Sid: 'AllowPlatformAlarmsToPublish',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Condition: {
          StringEquals: { 'aws:SourceAccount': '123456789012' },
          ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudwatch:eu-west-1:123456789012:alarm:my-proj-dev-*']] } },
        },
      }),
    ]));
  });

  test('bad email is refused', () => {
    expect(() => setup(['not-an-email'])).toThrow(/emails contains "not-an-email", which is not an email address/);
  });

  test('action strategy notifies on ALARM and OK; more than 5 topics is refused', () => {
    const { stack, alerts } = setup();
    const alarm = new cloudwatch.Alarm(stack, 'A', {
      metric: new cloudwatch.Metric({ namespace: 'n', metricName: 'm' }), threshold: 1, evaluationPeriods: 1,
    });
    new SnsAlarmActionStrategy({ topics: [alerts.topic] }).apply(alarm);
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlertsTopic') }],
      OKActions: [{ Ref: Match.stringLikeRegexp('^AlertsTopic') }],
    });
    const topics = [1, 2, 3, 4, 5, 6].map((i) => new sns.Topic(stack, `T${i}`));
    const other = new cloudwatch.Alarm(stack, 'B', {
      metric: new cloudwatch.Metric({ namespace: 'n', metricName: 'm' }), threshold: 1, evaluationPeriods: 1,
    });
    expect(() => new SnsAlarmActionStrategy({ topics }).apply(other))
      .toThrow(/alarm has 6 ALARM actions, more than CloudWatch's limit of 5 actions per alarm state/);
  });

  test('actions added later beyond 5 fail synth', () => {
    const { stack, alerts } = setup();
    const alarm = new cloudwatch.Alarm(stack, 'A', {
      metric: new cloudwatch.Metric({ namespace: 'n', metricName: 'm' }), threshold: 1, evaluationPeriods: 1,
    });
    new SnsAlarmActionStrategy({ topics: [alerts.topic] }).apply(alarm);
    for (let i = 0; i < 5; i++) alarm.addOkAction({ bind: () => ({ alarmActionArn: `arn:aws:sns:eu-west-1:123456789012:t${i}` }) });
    expect(() => Template.fromStack(stack)).toThrow(/alarm has 6 OK actions/);
  });

  test('no cdk-nag findings', () => {
    const { app, stack } = setup(['a@example.com']);
    expect(nagFindings(app, stack)).toEqual([]);
  });
});
