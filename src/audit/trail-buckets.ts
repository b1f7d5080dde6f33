import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Objects move to S3 Standard-IA after this many days (the minimum S3 allows)... */
export const INFREQUENT_ACCESS_AFTER = Duration.days(30);
/** ...and to S3 Glacier Flexible Retrieval after this many. */
export const GLACIER_AFTER = Duration.days(90);

/** What both buckets share. */
export interface TrailBucketOptions {
  readonly retention: Duration;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Lifecycle: Standard-IA after 30 days, Glacier after 90 (each only if before expiry), expiry of
 * current and noncurrent versions after `retention`, and cleanup of expired delete markers.
 */
export function auditLifecycleRules(retention: Duration): s3.LifecycleRule[] {
  const days = retention.toDays();
  const transitions: s3.Transition[] = [];
  if (days > INFREQUENT_ACCESS_AFTER.toDays()) {
    transitions.push({ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: INFREQUENT_ACCESS_AFTER });
  }
  if (days > GLACIER_AFTER.toDays()) {
    transitions.push({ storageClass: s3.StorageClass.GLACIER, transitionAfter: GLACIER_AFTER });
  }
  return [
    {
      id: 'AuditRetention',
      transitions,
      noncurrentVersionTransitions: transitions.map((t) => ({ storageClass: t.storageClass, transitionAfter: t.transitionAfter! })),
      expiration: retention,
      noncurrentVersionExpiration: retention,
      abortIncompleteMultipartUploadAfter: Duration.days(7),
    },
    { id: 'RemoveExpiredDeleteMarkers', expiredObjectDeleteMarker: true },
  ];
}

/**
 * The bucket receiving the trail bucket's server access logs. S3 server access logging supports
 * only SSE-S3 on the target bucket, so it is S3-managed encrypted; otherwise private, SSL-only,
 * versioned, with the same retention.
 */
export function createAccessLogBucket(scope: Construct, options: TrailBucketOptions): s3.Bucket {
  const bucket = new s3.Bucket(scope, 'AccessLogBucket', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    versioned: true,
    lifecycleRules: auditLifecycleRules(options.retention),
    removalPolicy: options.removalPolicy,
  });
  const ack = Validations.of(bucket);
  ack.acknowledge({ id: 'AwsSolutions-S1', reason: 'This is the server access log destination of the audit trail bucket; logging it to itself would loop.' });
  for (const pack of ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321']) {
    ack.acknowledge({ id: `${pack}-S3BucketLoggingEnabled`, reason: 'This is the server access log destination bucket; logging it would loop.' });
    ack.acknowledge({ id: `${pack}-S3DefaultEncryptionKMS`, reason: 'S3 server access logging only supports SSE-S3 (not SSE-KMS) default encryption on the target bucket.' });
    ack.acknowledge({ id: `${pack}-S3BucketReplicationEnabled`, reason: 'Access logs of the audit bucket are kept for the audit retention in this account; the audit logs themselves can be replicated (replicationDestination).' });
  }
  return bucket;
}

/** Replication of the trail bucket to a bucket in another region. */
export interface TrailReplication {
  readonly destination: s3.IBucket;
  readonly destinationKey: kms.IKey;
}

/**
 * The replication role for the trail bucket, with a customer managed policy (no inline
 * `DefaultPolicy`) holding the permissions S3 replication of SSE-KMS objects needs.
 */
export function createReplicationRole(scope: Construct, sourceBucketArn: string, sourceKey: kms.IKey,
  replication: TrailReplication): { role: iam.Role; policy: iam.ManagedPolicy } {
  const stack = Stack.of(scope);
  const role = new iam.Role(scope, 'ReplicationRole', {
    assumedBy: new iam.ServicePrincipal('s3.amazonaws.com'),
    description: 'Replicates the audit trail bucket to its replication destination',
  });
  const policy = new iam.ManagedPolicy(scope, 'ReplicationPolicy', {
    roles: [role],
    statements: [
      new iam.PolicyStatement({
        sid: 'ReadReplicationConfiguration',
        actions: ['s3:GetReplicationConfiguration', 's3:ListBucket'],
        resources: [sourceBucketArn],
      }),
      new iam.PolicyStatement({
        sid: 'ReadSourceObjectVersions',
        actions: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging', 's3:GetObjectRetention', 's3:GetObjectLegalHold'],
        resources: [`${sourceBucketArn}/*`],
      }),
      new iam.PolicyStatement({
        sid: 'WriteReplicas',
        actions: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
        resources: [replication.destination.arnForObjects('*')],
      }),
      new iam.PolicyStatement({
        sid: 'DecryptSourceObjects',
        actions: ['kms:Decrypt'],
        resources: [sourceKey.keyArn],
        conditions: { StringLike: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` } },
      }),
      new iam.PolicyStatement({
        sid: 'EncryptReplicas',
        actions: ['kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [replication.destinationKey.keyArn],
      }),
    ],
  });
  const ack = Validations.of(policy);
  const reason = 'S3 replication reads and writes every object version of the audit buckets; object keys are not known in advance.';
  ack.acknowledge({ id: `AwsSolutions-IAM5[Resource::${policyToken(stack, `${sourceBucketArn}/*`)}]`, reason });
  ack.acknowledge({ id: `AwsSolutions-IAM5[Resource::${policyToken(stack, replication.destination.arnForObjects('*'))}]`, reason });
  return { role, policy };
}

/**
 * How cdk-nag names a resource in an IAM5 finding id: literal strings as they are, `Fn::GetAtt`
 * as `<LogicalId.Attr>`, `Ref` as `<LogicalId>`, joins concatenated.
 */
export function policyToken(stack: Stack, value: string): string {
  const render = (v: unknown): string => {
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object') {
      const o = v as Record<string, any>;
      if (o['Fn::Join']) return (o['Fn::Join'][1] as unknown[]).map(render).join(o['Fn::Join'][0]);
      if (o['Fn::GetAtt']) return `<${(o['Fn::GetAtt'] as string[]).join('.')}>`;
      if (o.Ref) return `<${o.Ref}>`;
    }
    return JSON.stringify(v);
  };
  return render(stack.resolve(value));
}
