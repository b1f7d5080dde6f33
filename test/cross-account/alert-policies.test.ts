import { Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { DeploymentEnvironment } from '../../src/core/environment';
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

test('PlatformKey: source accounts change nothing in the key policy (its CloudWatch statement is scoped by topic, the topic policy decides who publishes)', () => {
  const policyOf = (props: object) => {
    const { stack } = newStack();
    new PlatformKey(stack, 'Key', { projectName: 'shop', ...props });
    return Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy;
  };
  expect(policyOf({ alarmSourceAccounts: SOURCES })).toEqual(policyOf({}));
  const condition = statement(policyOf({}), KeyPolicySid.CLOUDWATCH).Condition;
  expect(Object.keys(condition)).toEqual(['StringEquals']);
  expect(Object.keys(condition.StringEquals)).toEqual(['kms:EncryptionContext:aws:sns:topicArn']);
  expect(JSON.stringify(condition)).toContain(':sns:eu-west-1:123456789012:shop-prod-alerts');
});

test('without alarmSourceAccounts there is no cross-account statement', () => {
  const { stack } = newStack();
  new PlatformMonitoring(stack, 'M', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop' });
  const t = Template.fromStack(stack);
  const key = Object.values(t.findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy;
  const topic = Object.values(t.findResources('AWS::SNS::TopicPolicy'))[0].Properties.PolicyDocument;
  expect(key.Statement.filter((st: any) => st.Principal?.Service === 'cloudwatch.amazonaws.com')).toHaveLength(1);
  expect(statement(topic, AlertTopic.SOURCE_ACCOUNTS_PUBLISH_SID)).toBeUndefined();
});

test.each([
  [{ alarmSourceAccounts: ['2222'] }, /crossAccountAlerts.alarmSourceAccounts\[0\] "2222" is not a valid AWS account ID/],
  [{ alarmSourceAccounts: '222222222222' }, /crossAccountAlerts.alarmSourceAccounts must be a list/],
  [{ alarmSourceAccounts: ['222222222222', '222222222222'] }, /more than once/],
  [{ alarmSourceAccounts: ['123456789012'] }, /this stack's own account/],
  [{ alarmSourceAccounts: ['222222222222'], alarmSourceNamePrefix: 'shop-*' }, /alarmSourceNamePrefix "shop-\*" contains a wildcard/],
  [{ alarmSourceAccounts: ['222222222222'], alarmSourceNamePrefix: '' }, /alarmSourceNamePrefix must be a non-empty/],
  [{ alarmSourceOrganizationId: 'o-ABC' }, new RegExp('^crossAccountAlerts\\.alarmSourceOrganizationId "o-ABC" is not a valid AWS Organizations id '
    + '\\("o-" followed by 10-32 lowercase letters or digits\\): the topic policy lets alarms publish only when aws:SourceOrgID equals it, '
    + 'so no alarm of the organization could notify\\. Pass the AWS Organizations id exactly as AWS shows it\\.')],
])('PlatformMonitoring rejects crossAccountAlerts %j', (crossAccountAlerts, message) => {
  const { stack } = newStack();
  expect(() => new PlatformMonitoring(stack, 'M', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop', crossAccountAlerts: crossAccountAlerts as any })).toThrow(message);
});

test('AlertTopic: alarmSourceOrganizationId adds one statement, by aws:SourceOrgID and the alarm prefix in any account', () => {
  const { stack } = newStack();
  const key = new PlatformKey(stack, 'Key', { projectName: 'shop' });
  new AlertTopic(stack, 'Alerts', { projectName: 'shop', encryptionKey: key.key, alarmSourceOrganizationId: 'o-a1b2c3d4e5' });
  const policy = Object.values(Template.fromStack(stack).findResources('AWS::SNS::TopicPolicy'))[0].Properties.PolicyDocument;
  const s = statement(policy, AlertTopic.SOURCE_ORGANIZATION_PUBLISH_SID);
  expect(s.Principal).toEqual({ Service: 'cloudwatch.amazonaws.com' });
  expect(s.Action).toBe('sns:Publish');
  expect(s.Condition.StringEquals).toEqual({ 'aws:SourceOrgID': 'o-a1b2c3d4e5' });
  expect(JSON.stringify(s.Condition.ArnLike['aws:SourceArn'])).toContain(':cloudwatch:eu-west-1:*:alarm:shop-prod-*');
  expect(statement(policy, AlertTopic.SOURCE_ACCOUNTS_PUBLISH_SID)).toBeUndefined();
});
