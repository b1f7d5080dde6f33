import { CfnParameter } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { NagRuleCompliance } from 'cdk-nag';
import { S3BucketEncrypted } from '../../../src/nag/rules/s3-bucket-encrypted';
import { S3BucketPublicAccessBlocked } from '../../../src/nag/rules/s3-bucket-public-access-blocked';
import { flaggedBy, logicalId, newStack } from '../../nag-helpers';

describe('PlatformMonitoring-S3BucketPublicAccessBlocked', () => {
  test('compliant: BLOCK_ALL', () => {
    const { app, stack } = newStack();
    new s3.Bucket(stack, 'Bucket', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
    expect(flaggedBy(app, stack, 'S3BucketPublicAccessBlocked')).toEqual([]);
  });

  test('non-compliant: absent, partial, or a setting only known at deploy', () => {
    const { app, stack } = newStack();
    const absent = new s3.Bucket(stack, 'Absent');
    const partial = new s3.Bucket(stack, 'Partial', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY });
    const flag = new CfnParameter(stack, 'Block', { type: 'String', allowedValues: ['true', 'false'] });
    const parameterized = new s3.CfnBucket(stack, 'Parameterized', {
      publicAccessBlockConfiguration: {
        blockPublicAcls: true, ignorePublicAcls: true, restrictPublicBuckets: true, blockPublicPolicy: flag.valueAsString as unknown as boolean,
      },
    });
    expect(flaggedBy(app, stack, 'S3BucketPublicAccessBlocked'))
      .toEqual([logicalId(absent), logicalId(parameterized), logicalId(partial)].sort());
  });
});

describe('PlatformMonitoring-S3BucketSslOnly', () => {
  test('compliant: enforceSSL', () => {
    const { app, stack } = newStack();
    new s3.Bucket(stack, 'Bucket', { enforceSSL: true });
    expect(flaggedBy(app, stack, 'S3BucketSslOnly')).toEqual([]);
  });

  test('compliant: an L1 policy on a named bucket with literal ARNs and Action "*"', () => {
    const { app, stack } = newStack();
    new s3.CfnBucket(stack, 'Bucket', { bucketName: 'audit-logs-123' });
    new s3.CfnBucketPolicy(stack, 'Policy', {
      bucket: 'audit-logs-123',
      policyDocument: {
        Statement: [{
          Effect: 'Deny',
          Principal: '*',
          Action: '*',
          Resource: ['arn:aws:s3:::audit-logs-123', 'arn:aws:s3:::audit-logs-123/*'],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }],
      },
    });
    expect(flaggedBy(app, stack, 'S3BucketSslOnly')).toEqual([]);
  });

  test('non-compliant: no policy, a policy without the deny, a deny on objects only, a deny of some actions only', () => {
    const { app, stack } = newStack();
    const none = new s3.Bucket(stack, 'None');
    const noDeny = new s3.Bucket(stack, 'NoDeny');
    noDeny.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.AccountRootPrincipal()], actions: ['s3:GetObject'], resources: [noDeny.arnForObjects('*')],
    }));
    const objectsOnly = new s3.Bucket(stack, 'ObjectsOnly');
    objectsOnly.addToResourcePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:*'],
      resources: [objectsOnly.arnForObjects('*')],
      conditions: { Bool: { 'aws:SecureTransport': 'false' } },
    }));
    const someActions = new s3.Bucket(stack, 'SomeActions');
    someActions.addToResourcePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:GetObject'],
      resources: [someActions.bucketArn, someActions.arnForObjects('*')],
      conditions: { Bool: { 'aws:SecureTransport': 'false' } },
    }));
    expect(flaggedBy(app, stack, 'S3BucketSslOnly'))
      .toEqual([logicalId(none), logicalId(noDeny), logicalId(objectsOnly), logicalId(someActions)].sort());
  });
});

describe('PlatformMonitoring-S3BucketEncrypted', () => {
  test('compliant: S3-managed or KMS encryption', () => {
    const { app, stack } = newStack();
    new s3.Bucket(stack, 'Managed', { encryption: s3.BucketEncryption.S3_MANAGED });
    new s3.Bucket(stack, 'Kms', { encryption: s3.BucketEncryption.KMS });
    expect(flaggedBy(app, stack, 'S3BucketEncrypted')).toEqual([]);
  });

  test('non-compliant: no declared default encryption', () => {
    const { app, stack } = newStack();
    const bucket = new s3.Bucket(stack, 'Bucket');
    const empty = new s3.CfnBucket(stack, 'Empty', { bucketEncryption: { serverSideEncryptionConfiguration: [] } });
    expect(flaggedBy(app, stack, 'S3BucketEncrypted')).toEqual([logicalId(bucket), logicalId(empty)].sort());
  });
});

describe('S3 rules read structs in either casing', () => {
  test('an L1 given CloudFormation-cased JSON is read too', () => {
    const { stack } = newStack();
    const bucket = new s3.CfnBucket(stack, 'Bucket', {
      bucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] } as any,
      publicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: 'true', IgnorePublicAcls: true, RestrictPublicBuckets: true } as any,
    });
    expect(S3BucketEncrypted(bucket)).toBe(NagRuleCompliance.COMPLIANT);
    expect(S3BucketPublicAccessBlocked(bucket)).toBe(NagRuleCompliance.COMPLIANT);
  });
});
