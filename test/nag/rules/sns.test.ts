import { Fn } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { flaggedBy, logicalId, newStack } from '../../nag-helpers';

describe('PlatformMonitoring-SnsTopicCustomerManagedKey', () => {
  test('compliant: a topic encrypted with a key of the stack', () => {
    const { app, stack } = newStack();
    new sns.Topic(stack, 'Topic', { masterKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }) });
    expect(flaggedBy(app, stack, 'SnsTopicCustomerManagedKey')).toEqual([]);
  });

  test('compliant: a key ARN imported from another stack is trusted', () => {
    const { app, stack } = newStack();
    new sns.CfnTopic(stack, 'Topic', { kmsMasterKeyId: Fn.importValue('SharedKeyArn') });
    expect(flaggedBy(app, stack, 'SnsTopicCustomerManagedKey')).toEqual([]);
  });

  test('non-compliant: an unencrypted topic', () => {
    const { app, stack } = newStack();
    const topic = new sns.Topic(stack, 'Topic');
    expect(flaggedBy(app, stack, 'SnsTopicCustomerManagedKey')).toEqual([logicalId(topic)]);
  });

  test('non-compliant: the AWS-managed key in every form', () => {
    const { app, stack } = newStack();
    const byAlias = new sns.Topic(stack, 'ByAlias', { masterKey: kms.Alias.fromAliasName(stack, 'Managed', 'alias/aws/sns') });
    const byName = new sns.CfnTopic(stack, 'ByName', { kmsMasterKeyId: 'alias/aws/sns' });
    const byArn = new sns.CfnTopic(stack, 'ByArn', { kmsMasterKeyId: 'arn:aws:kms:eu-west-1:123456789012:alias/aws/sns' });
    const joined = new sns.CfnTopic(stack, 'Joined', {
      kmsMasterKeyId: Fn.join('', ['arn:', stack.partition, ':kms:', stack.region, ':', stack.account, ':alias/aws/sns']),
    });
    expect(flaggedBy(app, stack, 'SnsTopicCustomerManagedKey'))
      .toEqual([logicalId(byAlias), logicalId(byArn), logicalId(byName), logicalId(joined)].sort());
  });
});

describe('PlatformMonitoring-SnsTopicSslPublishOnly', () => {
  test('compliant: enforceSSL', () => {
    const { app, stack } = newStack();
    new sns.Topic(stack, 'Topic', { enforceSSL: true });
    expect(flaggedBy(app, stack, 'SnsTopicSslPublishOnly')).toEqual([]);
  });

  test('compliant: an L1 policy naming the topic by ARN string with sns:* and BoolIfExists', () => {
    const { app, stack } = newStack();
    new sns.CfnTopic(stack, 'Topic', { topicName: 'alerts' });
    new sns.CfnTopicPolicy(stack, 'Policy', {
      topics: ['arn:aws:sns:eu-west-1:123456789012:alerts'],
      policyDocument: {
        Statement: {
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 'sns:*',
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:SecureTransport': false } },
        },
      },
    });
    expect(flaggedBy(app, stack, 'SnsTopicSslPublishOnly')).toEqual([]);
  });

  test('non-compliant: no topic policy', () => {
    const { app, stack } = newStack();
    const topic = new sns.Topic(stack, 'Topic');
    expect(flaggedBy(app, stack, 'SnsTopicSslPublishOnly')).toEqual([logicalId(topic)]);
  });

  test('non-compliant: a policy without the TLS deny, or with it for another action or another topic', () => {
    const { app, stack } = newStack();
    const plain = new sns.Topic(stack, 'Plain');
    plain.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')], actions: ['sns:Publish'], resources: [plain.topicArn],
    }));
    const subscribeOnly = new sns.Topic(stack, 'SubscribeOnly');
    subscribeOnly.addToResourcePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['sns:Subscribe'],
      resources: [subscribeOnly.topicArn],
      conditions: { Bool: { 'aws:SecureTransport': 'false' } },
    }));
    const other = new sns.Topic(stack, 'Other');
    new sns.Topic(stack, 'Enforced', { enforceSSL: true });
    expect(flaggedBy(app, stack, 'SnsTopicSslPublishOnly'))
      .toEqual([logicalId(other), logicalId(plain), logicalId(subscribeOnly)].sort());
  });
});
