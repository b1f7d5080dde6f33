import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AuditTrail, AuditTrailProps } from '../../src/audit/audit-trail';
import { DeploymentEnvironment } from '../../src/core/environment';
import { PlatformKey } from '../../src/encryption/platform-key';
import { CentralLogging } from '../../src/logging/central-logging';
import { nagFindings, newStack, RECOMMENDED_CONTEXT } from '../nag-helpers';

type Extra = Partial<AuditTrailProps> & { functions?: number };

function setup(extra: Extra = {}, stackEnv?: { account?: string; region?: string }) {
  const { app, stack } = stackEnv ? newStack(stackEnv) : newStack();
  const key = new PlatformKey(stack, 'Key', { projectName: 'shop', environment: extra.environment }).key;
  const functions = Array.from({ length: extra.functions ?? 2 }, (_, i) => lambda.Function.fromFunctionArn(stack, `Fn${i}`,
    `arn:aws:lambda:eu-west-1:123456789012:function:fn-${i}`));
  const { functions: _n, ...props } = extra;
  const audit = new AuditTrail(stack, 'Audit', {
    projectName: 'shop',
    encryptionKey: key,
    lambdaFunctions: functions,
    dataLakeBucket: s3.Bucket.fromBucketName(stack, 'DataLake', 'shop-data-lake'),
    ...props,
  });
  return { app, stack, key, audit, template: Template.fromStack(stack) };
}

/** Every option on, wired like the L3 does (log group from CentralLogging). */
function everything() {
  const { app, stack } = newStack();
  const key = new PlatformKey(stack, 'Key', { projectName: 'shop' }).key;
  const fn = lambda.Function.fromFunctionArn(stack, 'Fn', 'arn:aws:lambda:eu-west-1:123456789012:function:orders');
  const logging = new CentralLogging(stack, 'Logging', { projectName: 'shop', encryptionKey: key, lambdaFunctions: [fn] });
  const audit = new AuditTrail(stack, 'Audit', {
    projectName: 'shop',
    encryptionKey: key,
    trailLogGroup: logging.trailLogGroup,
    dataLakeBucket: s3.Bucket.fromBucketName(stack, 'DataLake', 'shop-data-lake'),
    lambdaFunctions: [fn],
    insightTypes: [cloudtrail.InsightType.API_CALL_RATE, cloudtrail.InsightType.API_ERROR_RATE],
    isOrganizationTrail: true,
    organizationId: 'o-abc123def4',
    bucketRetention: Duration.days(3653),
    requiredAuditRetention: Duration.days(2557),
    objectLockRetention: Duration.days(365),
    replicationDestination: s3.Bucket.fromBucketName(stack, 'Replica', 'shop-cloudtrail-replica'),
    replicationDestinationKey: kms.Key.fromKeyArn(stack, 'ReplicaKey', 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'),
  });
  return { app, stack, audit, logging, template: Template.fromStack(stack) };
}

const TRAIL_ARN = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:eu-west-1:123456789012:trail/shop-prod-audit-trail']] };

describe('trail', () => {
  test('multi-region, validated, global events, encrypted, streaming to the log group', () => {
    const { template } = setup();
    template.resourceCountIs('AWS::CloudTrail::Trail', 1);
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      TrailName: 'shop-prod-audit-trail',
      IsLogging: true,
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      IncludeGlobalServiceEvents: true,
      IsOrganizationTrail: false,
      KMSKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] },
      S3BucketName: { Ref: Match.stringLikeRegexp('^AuditBucket') },
      CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditLogGroup'), 'Arn'] },
      CloudWatchLogsRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditLogsRole'), 'Arn'] },
      InsightSelectors: Match.absent(),
    });
  });

  test('event selectors: management read+write, data-lake objects (ARN with /), Lambda ARNs', () => {
    const { template } = setup();
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      EventSelectors: [{
        ReadWriteType: 'All',
        IncludeManagementEvents: true,
        DataResources: [
          { Type: 'AWS::S3::Object', Values: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::shop-data-lake/']] }] },
          { Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda:eu-west-1:123456789012:function:fn-0', 'arn:aws:lambda:eu-west-1:123456789012:function:fn-1'] },
        ],
      }],
    });
  });

  test('logAllLambdaDataEvents records every function with one value', () => {
    const { template } = setup({ logAllLambdaDataEvents: true, dataLakeBucket: undefined, functions: 300 });
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      EventSelectors: [{
        ReadWriteType: 'All',
        IncludeManagementEvents: true,
        DataResources: [{ Type: 'AWS::Lambda::Function', Values: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':lambda']] }] }],
      }],
    });
  });

  test('without data resources only management events are selected', () => {
    const { template } = setup({ dataLakeBucket: undefined, functions: 0 });
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: Match.absent() }],
    });
  });

  test('Insights and organization trail', () => {
    const { template } = everything();
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      IsOrganizationTrail: true,
      InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }, { InsightType: 'ApiErrorRateInsight' }],
      CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LoggingCloudTrailLogGroup'), 'Arn'] },
    });
  });

  test('the trail waits for the bucket policy and the logs policy', () => {
    const { template } = setup();
    const trail = Object.values(template.findResources('AWS::CloudTrail::Trail'))[0] as any;
    expect(trail.DependsOn).toEqual(expect.arrayContaining([
      expect.stringMatching(/^AuditBucketPolicy/), expect.stringMatching(/^AuditLogsPolicy/),
    ]));
  });
});

describe('trail bucket', () => {
  test('KMS with the platform key, public access blocked, versioned, owner-enforced, access-logged', () => {
    const { template } = setup();
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'shop-cloudtrail-logs-123456789012',
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{
          ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } },
          BucketKeyEnabled: true,
        }],
      },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('^AuditAccessLogBucket') }, LogFilePrefix: 'trail-bucket/' },
    });
  });

  test('lifecycle: Standard-IA at 30 days, Glacier at 90, expiry at the retention (7 years by default)', () => {
    const { template } = setup();
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'shop-cloudtrail-logs-123456789012',
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({
          Id: 'AuditRetention',
          Status: 'Enabled',
          ExpirationInDays: 2557,
          NoncurrentVersionExpiration: { NoncurrentDays: 2557 },
          Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }, { StorageClass: 'GLACIER', TransitionInDays: 90 }],
        })]),
      },
    });
  });

  test('policy: deny non-SSL, CloudTrail GetBucketAcl and PutObject only from this trail', () => {
    const { template } = setup();
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^AuditBucket') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetBucketAcl',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceArn': TRAIL_ARN } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:PutObject',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditBucket'), 'Arn'] }, '/AWSLogs/', { Ref: 'AWS::AccountId' }, '/*']] },
            Condition: { StringEquals: { 'aws:SourceArn': TRAIL_ARN, 's3:x-amz-acl': 'bucket-owner-full-control' } },
          }),
        ]),
      },
    });
  });

  test('every CloudTrail statement of the bucket policy carries aws:SourceArn', () => {
    const { template } = everything();
    const policies = template.findResources('AWS::S3::BucketPolicy');
    const statements = Object.values(policies).flatMap((p: any) => p.Properties.PolicyDocument.Statement)
      .filter((s: any) => s.Principal?.Service === 'cloudtrail.amazonaws.com');
    expect(statements).toHaveLength(2);
    for (const s of statements) expect(s.Condition.StringEquals['aws:SourceArn']).toEqual(TRAIL_ARN);
    expect(JSON.stringify(statements)).toContain('/AWSLogs/o-abc123def4/*');
  });

  test('Object Lock in compliance mode and replication', () => {
    const { template } = everything();
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'shop-cloudtrail-logs-123456789012',
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 365 } } },
      ReplicationConfiguration: {
        Role: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditReplicationRole'), 'Arn'] },
        Rules: [Match.objectLike({
          Status: 'Enabled',
          Destination: Match.objectLike({
            Bucket: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::shop-cloudtrail-replica']] },
            EncryptionConfiguration: { ReplicaKmsKeyID: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
          }),
          SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: 'Enabled' } },
        })],
      },
    });
    template.resourceCountIs('AWS::IAM::Policy', 0); // no inline DefaultPolicy anywhere
  });

  test('non-PROD environments get their own bucket, trail and log group names', () => {
    const { template } = setup({ environment: DeploymentEnvironment.DEV });
    template.hasResourceProperties('AWS::S3::Bucket', { BucketName: 'shop-dev-cloudtrail-logs-123456789012' });
    template.hasResourceProperties('AWS::CloudTrail::Trail', { TrailName: 'shop-dev-audit-trail' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/aws/cloudtrail/shop-dev', RetentionInDays: 365 });
  });

  test('the bucket name can be overridden', () => {
    const { template } = setup({ bucketName: 'acme-audit-logs' });
    template.hasResourceProperties('AWS::S3::Bucket', { BucketName: 'acme-audit-logs' });
  });
});

describe('access-log bucket', () => {
  test('private, S3-managed encryption, SSL-only, versioned', () => {
    const { template } = setup();
    template.resourceCountIs('AWS::S3::Bucket', 2);
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: Match.absent(),
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^AuditAccessLogBucket') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Action: 's3:PutObject', Principal: { Service: 'logging.s3.amazonaws.com' } }),
        ]),
      },
    });
  });
});

describe('logs role', () => {
  test('CreateLogStream and PutLogEvents on the trail log group only, in a managed policy', () => {
    const { template } = setup();
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' })] },
    });
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^AuditLogsRole') }],
      PolicyDocument: {
        Statement: [{
          Sid: 'DeliverTrailToLogGroup',
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditLogGroup'), 'Arn'] },
        }],
      },
    });
  });

  test('no IAM statement of the construct has a wildcard action', () => {
    const { template } = everything();
    const docs = [
      ...Object.values(template.findResources('AWS::IAM::ManagedPolicy')),
      ...Object.values(template.findResources('AWS::IAM::Policy')),
    ].flatMap((p: any) => p.Properties.PolicyDocument.Statement);
    expect(docs.length).toBeGreaterThan(0);
    for (const s of docs) {
      for (const a of [s.Action].flat()) expect(a).not.toContain('*');
    }
  });
});

describe('bad input', () => {
  test('a data-lake bucket the trail cannot name', () => {
    expect(() => setup({
      dataLakeBucket: Object.create(s3.Bucket.fromBucketName(new Stack(), 'X', 'x-bucket'), { bucketArn: { value: undefined } }),
    })).toThrow(/dataLakeBucket .* cannot be used for S3 data events: the import has neither an ARN nor a name/);
    expect(() => setup({
      dataLakeBucket: Object.create(s3.Bucket.fromBucketName(new Stack(), 'X', 'x-bucket'), { bucketArn: { value: 'arn:aws:sqs:eu-west-1:1:q' } }),
    })).toThrow(/"arn:aws:sqs:eu-west-1:1:q" is not an S3 bucket ARN/);
  });

  test('more data resources than CloudTrail allows', () => {
    expect(() => setup({ functions: 250 })).toThrow(/data events for 251 resources .* at most 250 data resources per trail, in total across its 5 event selectors/);
    expect(() => setup({ functions: 250, dataLakeBucket: undefined })).not.toThrow();
  });

  test('a bucket retention shorter than the audit retention asked for', () => {
    expect(() => setup({ bucketRetention: Duration.days(365), requiredAuditRetention: Duration.days(2190) }))
      .toThrow(/bucketRetention \(365 days\) is shorter than requiredAuditRetention \(2190 days\)/);
    expect(() => setup({ bucketRetention: Duration.days(30), objectLockRetention: Duration.days(90) }))
      .toThrow(/bucketRetention \(30 days\) is shorter than objectLockRetention \(90 days\)/);
  });

  test('a trail bucket name longer than 63 characters', () => {
    const project = 'p'.repeat(34); // fits in PROD (63), not with "-staging"
    expect(() => setup({ projectName: project, environment: DeploymentEnvironment.STAGING }))
      .toThrow(/The trail bucket name "p{34}-staging-cloudtrail-logs-123456789012" would be 71 characters, but S3 bucket names are at most 63/);
    expect(() => setup({ bucketName: 'b'.repeat(64) })).toThrow(/bucketName "b{64}" would be 64 characters/);
    expect(() => setup({ bucketName: 'Audit_Logs' })).toThrow(/bucketName "Audit_Logs" is not a valid S3 bucket name/);
    // General purpose bucket naming rules: reserved prefixes and suffixes, and the IP-address form.
    expect(() => setup({ bucketName: 'xn--audit' })).toThrow(
      'bucketName "xn--audit" starts with "xn--", a prefix S3 reserves: choose a name that does not start with it.');
    expect(() => setup({ bucketName: 'sthree-audit' })).toThrow('bucketName "sthree-audit" starts with "sthree-", a prefix S3 reserves');
    expect(() => setup({ bucketName: 'amzn-s3-demo-audit' })).toThrow('starts with "amzn-s3-demo-", a prefix S3 reserves');
    for (const suffix of ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3']) {
      expect(() => setup({ bucketName: `audit${suffix}` })).toThrow(
        `bucketName "audit${suffix}" ends with "${suffix}", a suffix S3 reserves: choose a name that does not end with it.`);
    }
    expect(() => setup({ bucketName: '192.168.5.4' })).toThrow(
      'bucketName "192.168.5.4" is formatted as an IP address, which S3 refuses for bucket names: add a letter.');
    // With an unresolved account the 12-digit id is counted.
    const app = new App({ context: RECOMMENDED_CONTEXT });
    const stack = new Stack(app, 'S');
    expect(() => new AuditTrail(stack, 'Audit', { projectName: project, environment: DeploymentEnvironment.STAGING, encryptionKey: new kms.Key(stack, 'K') }))
      .toThrow(/"p{34}-staging-cloudtrail-logs-<account-id>" would be 71 characters/);
  });

  test('organization trail without an organization id; replication without a key; DESTROY in PROD', () => {
    expect(() => setup({ isOrganizationTrail: true })).toThrow(/isOrganizationTrail requires organizationId/);
  });

  // An organization trail a delegated administrator creates is owned by the management account:
  // the policies built here would refuse CloudTrail, so only the management account may deploy it.
  test('an organization trail from an account other than managementAccountId is refused', () => {
    const org = { isOrganizationTrail: true, organizationId: 'o-abc123def4' };
    expect(() => setup({ ...org, managementAccountId: '210987654321' })).toThrow('isOrganizationTrail is deployed from account '
      + '123456789012, not the management account 210987654321: an organization trail created by a delegated administrator '
      + 'is owned by the management account, so the bucket and key policies built here would refuse CloudTrail. Deploy this '
      + 'stack in the management account, or set isOrganizationTrail to false (a trail of this account only).');
    expect(() => setup({ ...org, managementAccountId: '1234' })).toThrow('managementAccountId must be a 12-digit AWS account id; got "1234".');
    expect(() => setup({ ...org, managementAccountId: '123456789012' })).not.toThrow();
    // Environment-agnostic: a CloudFormation rule refuses another account before anything is created.
    const { template } = setup({ ...org, managementAccountId: '210987654321' }, {});
    const rules = Object.entries(template.toJSON().Rules).filter(([id]) => id !== 'CheckBootstrapVersion');
    expect(Object.fromEntries(rules)).toEqual({
      [rules[0][0]]: {
        Assertions: [{
          Assert: { 'Fn::Equals': [{ Ref: 'AWS::AccountId' }, '210987654321'] },
          AssertDescription: 'The organization trail must be deployed in the management account 210987654321: from a delegated '
            + 'administrator account it would be owned by the management account and refused by the bucket and key policies.',
        }],
      },
    });
    expect(() => setup({ replicationDestination: s3.Bucket.fromBucketName(new Stack(), 'R', 'replica') }))
      .toThrow(/replicationDestination requires replicationDestinationKey/);
    expect(() => setup({ removalPolicy: RemovalPolicy.DESTROY })).toThrow(/removalPolicy DESTROY is refused in PROD/);
    expect(() => setup({ removalPolicy: RemovalPolicy.DESTROY, environment: DeploymentEnvironment.DEV })).not.toThrow();
  });
});

describe('cdk-nag', () => {
  test('no findings with every option on', () => {
    const { app, audit, logging } = everything();
    expect([...nagFindings(app, audit), ...nagFindings(app, logging)]).toEqual([]);
  });

  test('no findings standalone with defaults (own log group, no replication)', () => {
    const { app, audit } = setup();
    expect(nagFindings(app, audit)).toEqual([]);
  });
});

test('synthesizes in an environment-agnostic stack', () => {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'S');
  const key = new PlatformKey(stack, 'Key', { projectName: 'shop' }).key;
  new AuditTrail(stack, 'Audit', { projectName: 'shop', encryptionKey: key, dataLakeBucket: s3.Bucket.fromBucketName(stack, 'DL', 'lake') });
  expect(() => app.synth()).not.toThrow();
  Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', {
    BucketName: { 'Fn::Join': ['', ['shop-cloudtrail-logs-', { Ref: 'AWS::AccountId' }]] },
  });
});

test('logical ids of the stateful resources are pinned (changing them replaces buckets, trail and log group)', () => {
  const { template } = setup();
  const ids = (type: string) => Object.keys(template.findResources(type)).sort();
  expect(ids('AWS::S3::Bucket')).toEqual(['AuditAccessLogBucket9BF217B6', 'AuditBucket7486E833']);
  expect(ids('AWS::CloudTrail::Trail')).toEqual(['Audit3D8ADE0A']);
  expect(ids('AWS::Logs::LogGroup')).toEqual(['AuditLogGroup4CD660E1']);
  expect(ids('AWS::KMS::Key')).toEqual(['Key9BCD29C7']);
  for (const id of ['AuditAccessLogBucket9BF217B6', 'AuditBucket7486E833', 'AuditLogGroup4CD660E1']) {
    expect(template.toJSON().Resources[id].DeletionPolicy).toBe('Retain');
  }
});
