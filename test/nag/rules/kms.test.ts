import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { NagRuleCompliance } from 'cdk-nag';
import { KmsKeyRotation } from '../../../src/nag/rules/kms-key-rotation';
import { flaggedBy, logicalId, newStack } from '../../nag-helpers';

describe('PlatformMonitoring-KmsKeyRotation', () => {
  test('compliant: a symmetric key with rotation', () => {
    const { app, stack } = newStack();
    new kms.Key(stack, 'Key', { enableKeyRotation: true });
    expect(flaggedBy(app, stack, 'KmsKeyRotation')).toEqual([]);
  });

  test('non-compliant: a symmetric key without rotation (default or explicit SYMMETRIC_DEFAULT)', () => {
    const { app, stack } = newStack();
    const plain = new kms.Key(stack, 'Plain');
    const explicit = new kms.Key(stack, 'Explicit', { keySpec: kms.KeySpec.SYMMETRIC_DEFAULT, enableKeyRotation: false });
    expect(flaggedBy(app, stack, 'KmsKeyRotation')).toEqual([logicalId(explicit), logicalId(plain)].sort());
  });

  test('not applicable: asymmetric, HMAC and imported-material keys cannot rotate', () => {
    const { app, stack } = newStack();
    const external = new kms.CfnKey(stack, 'External', { origin: 'EXTERNAL' });
    const rsa = new kms.Key(stack, 'Rsa', { keySpec: kms.KeySpec.RSA_2048, keyUsage: kms.KeyUsage.SIGN_VERIFY });
    const hmac = new kms.Key(stack, 'Hmac', { keySpec: kms.KeySpec.HMAC_256, keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC });
    expect(flaggedBy(app, stack, 'KmsKeyRotation')).toEqual([]);
    expect(KmsKeyRotation(rsa.node.defaultChild as kms.CfnKey)).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(KmsKeyRotation(hmac.node.defaultChild as kms.CfnKey)).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(KmsKeyRotation(external)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});

describe('PlatformMonitoring-KmsServicePrincipalScoped', () => {
  const grant = (service: string, conditions?: { [op: string]: any }, effect = iam.Effect.ALLOW) => new iam.PolicyStatement({
    effect, principals: [new iam.ServicePrincipal(service)], actions: ['kms:Decrypt', 'kms:GenerateDataKey*'], resources: ['*'], conditions,
  });

  test('compliant: every counted condition key, Deny statements, non-service principals', () => {
    const { app, stack } = newStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    key.addToResourcePolicy(grant('cloudwatch.amazonaws.com', { StringEquals: { 'aws:SourceAccount': stack.account } }));
    key.addToResourcePolicy(grant('events.amazonaws.com', { ArnLike: { 'aws:SourceArn': `arn:aws:events:eu-west-1:${stack.account}:rule/x` } }));
    key.addToResourcePolicy(grant('sns.amazonaws.com', { StringEquals: { 'aws:SourceOrgID': 'o-abc123' } }));
    key.addToResourcePolicy(grant('logs.eu-west-1.amazonaws.com', { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:eu-west-1:123456789012:log-group:*' } }));
    key.addToResourcePolicy(grant('s3.amazonaws.com', { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } }));
    key.addToResourcePolicy(grant('lambda.amazonaws.com', undefined, iam.Effect.DENY));
    key.grantDecrypt(new iam.AccountPrincipal('210987654321'));
    expect(flaggedBy(app, stack, 'KmsServicePrincipalScoped')).toEqual([]);
  });

  test('compliant: a key with the default policy only', () => {
    const { app, stack } = newStack();
    new kms.Key(stack, 'Key', { enableKeyRotation: true });
    expect(flaggedBy(app, stack, 'KmsServicePrincipalScoped')).toEqual([]);
  });

  test.each([
    ['no condition', undefined],
    ['an unrelated condition key', { StringEquals: { 'kms:CallerAccount': '123456789012' } }],
    ['an IfExists operator', { StringEqualsIfExists: { 'aws:SourceAccount': '123456789012' } }],
    ['the Null operator', { Null: { 'aws:SourceArn': 'false' } }],
    ['a bare wildcard value', { StringLike: { 'aws:SourceArn': '*' } }],
  ])('non-compliant: a service principal with %s', (_name, conditions) => {
    const { app, stack } = newStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    key.addToResourcePolicy(grant('cloudwatch.amazonaws.com', conditions));
    expect(flaggedBy(app, stack, 'KmsServicePrincipalScoped')).toEqual([logicalId(key)]);
  });
});
