import { Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { KeyPolicySid } from '../../src/encryption/key-policy';
import { PlatformKey } from '../../src/encryption/platform-key';
import { AlertTopic } from '../../src/notifications/alert-topic';
import { PlatformMonitoring } from '../../src/platform-monitoring';
import { newStack } from '../nag-helpers';

// Topic- and key-policy statements for source accounts' alarms (README "Many accounts"); the
// requests they allow and deny are simulated in test/simulation/cross-account-alerts.test.ts.

const SOURCES = ['222222222222', '333333333333'];

function statement(doc: any, sid: string): any {
  return doc.Statement.find((s: any) => s.Sid === sid);
}

test('AlertTopic: the topic policy trusts the source accounts\' alarms named with the prefix, in this Region', () => {
  const { stack } = newStack();
  const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
  new AlertTopic(stack, 'Alerts', { projectName: 'shop', encryptionKey: key, alarmSourceAccounts: SOURCES, alarmSourceNamePrefix: 'shop-dev-' });
  const policy = Object.values(Template.fromStack(stack).findResources('AWS::SNS::TopicPolicy'))[0].Properties.PolicyDocument;
  const s = statement(policy, AlertTopic.SOURCE_ACCOUNTS_PUBLISH_SID);
  expect(s.Principal).toEqual({ Service: 'cloudwatch.amazonaws.com' });
  expect(s.Action).toBe('sns:Publish');
  expect(s.Condition.StringEquals['aws:SourceAccount']).toEqual(SOURCES);
  expect(stack.resolve(s.Condition.ArnLike['aws:SourceArn'])).toEqual(SOURCES.map((a) => ({
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:cloudwatch:eu-west-1:${a}:alarm:shop-dev-*`]],
  })));
  // The account's own grant is unchanged.
  expect(statement(policy, AlertTopic.CLOUDWATCH_PUBLISH_SID).Condition.StringEquals['aws:SourceAccount']).toBe('123456789012');
});

test('PlatformKey: the key policy lets the source accounts\' alarms use the key, with the platform prefix by default', () => {
  const { stack } = newStack();
  new PlatformKey(stack, 'Key', { projectName: 'shop', alarmSourceAccounts: SOURCES });
  const policy = Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy;
  const s = statement(policy, KeyPolicySid.CLOUDWATCH_SOURCE_ACCOUNTS);
  expect(s.Principal).toEqual({ Service: 'cloudwatch.amazonaws.com' });
  expect(s.Action).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
  expect(s.Condition.StringEquals['aws:SourceAccount']).toEqual(SOURCES);
  expect(JSON.stringify(s.Condition.ArnLike['aws:SourceArn'])).toContain(':cloudwatch:eu-west-1:333333333333:alarm:shop-prod-*');
});

test('without alarmSourceAccounts there is no cross-account statement', () => {
  const { stack } = newStack();
  new PlatformMonitoring(stack, 'M', { alertEmails: ['ops@example.com'], projectName: 'shop' });
  const t = Template.fromStack(stack);
  const key = Object.values(t.findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy;
  const topic = Object.values(t.findResources('AWS::SNS::TopicPolicy'))[0].Properties.PolicyDocument;
  expect(statement(key, KeyPolicySid.CLOUDWATCH_SOURCE_ACCOUNTS)).toBeUndefined();
  expect(statement(topic, AlertTopic.SOURCE_ACCOUNTS_PUBLISH_SID)).toBeUndefined();
});

test.each([
  [{ alarmSourceAccounts: ['2222'] }, /crossAccountAlerts.alarmSourceAccounts\[0\] "2222" is not a valid AWS account ID/],
  [{ alarmSourceAccounts: '222222222222' }, /crossAccountAlerts.alarmSourceAccounts must be a list/],
  [{ alarmSourceAccounts: ['222222222222', '222222222222'] }, /more than once/],
  [{ alarmSourceAccounts: ['123456789012'] }, /this stack's own account/],
  [{ alarmSourceAccounts: ['222222222222'], alarmSourceNamePrefix: 'shop-*' }, /alarmSourceNamePrefix "shop-\*" contains a wildcard/],
  [{ alarmSourceAccounts: ['222222222222'], alarmSourceNamePrefix: '' }, /alarmSourceNamePrefix must be a non-empty/],
])('PlatformMonitoring rejects crossAccountAlerts %j', (crossAccountAlerts, message) => {
  const { stack } = newStack();
  expect(() => new PlatformMonitoring(stack, 'M', { alertEmails: ['ops@example.com'], projectName: 'shop', crossAccountAlerts: crossAccountAlerts as any })).toThrow(message);
});
