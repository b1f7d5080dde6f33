import { RegionInfo } from 'aws-cdk-lib/region-info';
import { ENV } from './cfn-model';
import { chatPaths } from './chat-paths';
import { PolicyModel } from './policies';
import { PathRequest } from './simulate';

/**
 * The delivery paths of a synthesized platform, built from what the templates contain (every
 * alarm, log group, trail, bucket and role found, nested stacks included), each request with the
 * principal, action, resource and request context the AWS service sends. Comments name the AWS
 * documentation each request follows.
 */

/** What the templates cannot tell: inputs of the stack under test. */
export interface PathOptions {
  /** The organization id of an organization trail. */
  readonly organizationId?: string;
  /** The namespace `grantPutMetricData` must allow. */
  readonly metricNamespace?: string;
  /** The logical id prefix of the role the test gave `grantPutMetricData`. */
  readonly metricPublisher?: string;
}

/** Paths every platform must allow, by name (a failure proof names the path it expects to break). */
export enum Path {
  ALARM_PUBLISH = 'CloudWatch alarm -> sns:Publish on the alert topic',
  ALARM_TOPIC_KEY = 'CloudWatch alarm -> the topic key',
  SNS_TOPIC_KEY = 'SNS -> the topic key',
  LOGS_KEY = 'CloudWatch Logs -> the key of each encrypted log group',
  TRAIL_BUCKET_ACL = 'CloudTrail -> s3:GetBucketAcl on its bucket',
  TRAIL_BUCKET_WRITE = 'CloudTrail -> s3:PutObject of log and digest files',
  TRAIL_KEY_ENCRYPT = 'CloudTrail -> kms:GenerateDataKey',
  TRAIL_KEY_DESCRIBE = 'CloudTrail -> kms:DescribeKey',
  TRAIL_KEY_DECRYPT = 'CloudTrail -> kms:Decrypt (S3 Bucket Key)',
  TRAIL_ROLE_TRUST = 'CloudTrail -> sts:AssumeRole of its logs role',
  TRAIL_ROLE_LOGS = 'CloudTrail logs role -> its log streams',
  EVENTS_LOGS = 'EventBridge -> the events log group',
  ACCESS_LOGS = 'S3 server access logging -> the access-log bucket',
  REPLICATION_TRUST = 'S3 -> sts:AssumeRole of the replication role',
  REPLICATION_SOURCE = 'Replication role -> the source bucket',
  REPLICATION_SOURCE_KEY = 'Replication role -> the source key (through S3)',
  REPLICATION_DESTINATION = 'Replication role -> the destination bucket',
  PUT_METRIC_DATA = 'grantPutMetricData -> cloudwatch:PutMetricData in the project namespace',
}

const { account, region, partition } = ENV;
/** Another account: misuse requests come from it. */
export const OTHER_ACCOUNT = '222222222222';
/** A member account of the organization (organization trail paths). */
const MEMBER_ACCOUNT = '333333333333';
const TLS = { 'aws:SecureTransport': 'true' };

/** Regions of the partition: a multi-region trail delivers the files of each. */
export function partitionRegions(): string[] {
  return RegionInfo.regions.map((r) => r.name).filter((r) => RegionInfo.get(r).partition === partition && !r.includes('iso'));
}

const alarmArn = (acct: string, name: string) => `arn:${partition}:cloudwatch:${region}:${acct}:alarm:${name}`;
const trailArnOf = (acct: string, name: string) => `arn:${partition}:cloudtrail:${region}:${acct}:trail/${name}`;
const logGroupArn = (acct: string, name: string) => `arn:${partition}:logs:${region}:${acct}:log-group:${name}`;
/** A key given as ARN, key id or alias ARN: its key id, or undefined for an alias. */
const keyIdOf = (k: string) => (k.includes(':alias/') || k.startsWith('alias/') ? undefined : k.split('/').pop()!);

/** Every alarm and composite alarm in the templates with the topics its actions notify. */
export function notifyingAlarms(model: PolicyModel): { name: string; arn: string; topics: string[] }[] {
  return [...model.resources('AWS::CloudWatch::Alarm'), ...model.resources('AWS::CloudWatch::CompositeAlarm')].flatMap((a) => {
    const p = a.template.props(a.logicalId);
    const actions: string[] = [...(p.AlarmActions ?? []), ...(p.OKActions ?? []), ...(p.InsufficientDataActions ?? [])];
    const topics = [...new Set(actions.filter((x) => x.startsWith(`arn:${partition}:sns:`)))];
    const name = a.template.resolve({ Ref: a.logicalId });
    return topics.length ? [{ name, arn: alarmArn(account, name), topics }] : [];
  });
}

/** The topic's key ARN (or id) from the templates. */
function topicKey(model: PolicyModel, topicArn: string): string | undefined {
  const topic = model.resources('AWS::SNS::Topic').find((t) => t.template.resolve({ Ref: t.logicalId }) === topicArn);
  return topic && topic.template.props(topic.logicalId).KmsMasterKeyId;
}

function keyResource(key: string): string {
  return key.startsWith('arn:') ? key : `arn:${partition}:kms:${region}:${account}:key/${key}`;
}

/** CloudWatch alarms -> the topic, and -> the topic's key; SNS -> the topic's key. */
export function alarmPaths(model: PolicyModel, alarmAccount: string = account, alarmName?: (n: string) => string,
  sourceOrgId?: string): PathRequest[] {
  const out: PathRequest[] = [];
  for (const alarm of notifyingAlarms(model)) {
    const name = alarmName ? alarmName(alarm.name) : alarm.name;
    // IAM User Guide, "AWS global condition context keys": aws:SourceOrgID is present when the
    // alarm's account is a member of an organization.
    const source = {
      'aws:SourceAccount': alarmAccount,
      'aws:SourceArn': alarmArn(alarmAccount, name),
      ...(sourceOrgId ? { 'aws:SourceOrgID': sourceOrgId } : {}),
    };
    for (const topic of alarm.topics) {
      // Amazon SNS Developer Guide, "Amazon SNS security best practices" / CloudWatch User Guide,
      // "Using Amazon CloudWatch alarms": CloudWatch publishes as cloudwatch.amazonaws.com with
      // aws:SourceAccount and aws:SourceArn (the alarm ARN).
      out.push({
        path: Path.ALARM_PUBLISH,
        description: `alarm ${name} publishes to ${topic}`,
        principal: 'cloudwatch.amazonaws.com',
        action: 'sns:Publish',
        resource: topic,
        context: { ...source, ...TLS },
        resourcePolicy: model.topicPolicy(topic),
      });
      const key = topicKey(model, topic);
      const keyId = key && keyIdOf(key);
      if (!keyId) continue;
      out.push(...alarmKeyRequests(model, key, keyId, topic, `alarm ${name}`));
    }
  }
  return out;
}

/**
 * The KMS requests made for an alarm's notification to an encrypted topic. Amazon SNS Developer
 * Guide, "Key management" (enabling compatibility between event sources from AWS services and
 * encrypted topics): the source service needs kms:Decrypt and kms:GenerateDataKey*; SNS's encryption
 * context is aws:sns:topicArn = the topic ARN. Only that key is in the context: no AWS page
 * documents aws:SourceAccount / aws:SourceArn / aws:SourceOrgID in these requests, so a policy that
 * needs them must be Denied here.
 */
export function alarmKeyRequests(model: PolicyModel, key: string, keyId: string, topic: string, who: string): PathRequest[] {
  return ['kms:GenerateDataKey', 'kms:Decrypt'].map((action) => ({
    path: Path.ALARM_TOPIC_KEY,
    description: `${who} ${action} for ${topic}`,
    principal: 'cloudwatch.amazonaws.com',
    action,
    resource: keyResource(key),
    context: { 'kms:EncryptionContext:aws:sns:topicArn': topic },
    resourcePolicy: model.keyPolicy(keyId),
  }));
}

/** The key of every encrypted topic of the templates: [topic, key, key id]. */
export function encryptedTopics(model: PolicyModel): { topic: string; key: string; keyId: string }[] {
  return model.resources('AWS::SNS::Topic').flatMap((t) => {
    const topic = t.template.resolve({ Ref: t.logicalId });
    const key = topicKey(model, topic);
    const keyId = key && keyIdOf(key);
    return key && keyId ? [{ topic, key, keyId }] : [];
  });
}

/** SNS itself uses the topic key for the topic (delivery to subscribers). */
export function snsPaths(model: PolicyModel): PathRequest[] {
  return model.resources('AWS::SNS::Topic').flatMap((t) => {
    const topic = t.template.resolve({ Ref: t.logicalId });
    const key = topicKey(model, topic);
    const keyId = key && keyIdOf(key);
    if (!keyId) return [];
    return ['kms:GenerateDataKey', 'kms:Decrypt'].map((action) => ({
      path: Path.SNS_TOPIC_KEY,
      description: `SNS ${action} for ${topic}`,
      principal: 'sns.amazonaws.com',
      action,
      resource: keyResource(key),
      // Only the documented encryption context (see alarmKeyRequests).
      context: { 'kms:EncryptionContext:aws:sns:topicArn': topic },
      resourcePolicy: model.keyPolicy(keyId),
    }));
  });
}

/**
 * CloudWatch Logs -> the key of every encrypted log group. CloudWatch Logs User Guide, "Encrypt
 * log data in CloudWatch Logs using AWS KMS": the principal is logs.<region>.amazonaws.com and the
 * encryption context is aws:logs:arn = the log group's ARN (without `:*`).
 */
export function logGroupKeyPaths(model: PolicyModel, groupAccount: string = account): PathRequest[] {
  return model.resources('AWS::Logs::LogGroup').flatMap((g) => {
    const p = g.template.props(g.logicalId);
    const keyId = p.KmsKeyId && keyIdOf(p.KmsKeyId);
    if (!keyId) return [];
    const name = g.template.resolve({ Ref: g.logicalId });
    return ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'].map((action) => ({
      path: Path.LOGS_KEY,
      description: `CloudWatch Logs ${action} for ${name}`,
      principal: `logs.${region}.amazonaws.com`,
      action,
      resource: keyResource(p.KmsKeyId),
      context: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn(groupAccount, name) },
      resourcePolicy: model.keyPolicy(keyId),
    }));
  });
}

/** Every trail in the templates, resolved. */
export function trails(model: PolicyModel) {
  return model.resources('AWS::CloudTrail::Trail').map((t) => {
    const p = t.template.props(t.logicalId);
    return {
      name: p.TrailName as string,
      bucket: p.S3BucketName as string,
      prefix: p.S3KeyPrefix ? `${p.S3KeyPrefix}/` : '',
      key: p.KMSKeyId as string | undefined,
      multiRegion: Boolean(p.IsMultiRegionTrail),
      organization: Boolean(p.IsOrganizationTrail),
      logGroupArn: p.CloudWatchLogsLogGroupArn as string | undefined,
      roleArn: p.CloudWatchLogsRoleArn as string | undefined,
    };
  });
}

/**
 * CloudTrail -> its bucket, its key and its logs role. CloudTrail User Guide, "Amazon S3 bucket
 * policy for CloudTrail" (GetBucketAcl; PutObject under AWSLogs/<account>/ and, for organization
 * trails, AWSLogs/<org-id>/<member account>/, with s3:x-amz-acl = bucket-owner-full-control and
 * aws:SourceArn = the trail ARN); "Configure AWS KMS key policies for CloudTrail" (GenerateDataKey
 * with the aws:cloudtrail:arn encryption context, DescribeKey, Decrypt with an S3 Bucket Key);
 * "Role policy document for CloudTrail to use CloudWatch Logs for monitoring" (log streams
 * <account>_CloudTrail_<region>, o-<org>_* for organization trails).
 */
export function trailPaths(model: PolicyModel, opts: PathOptions = {}, trailAccount: string = account): PathRequest[] {
  const out: PathRequest[] = [];
  for (const trail of trails(model)) {
    const trailArn = trailArnOf(trailAccount, trail.name);
    const source = { 'aws:SourceArn': trailArn, 'aws:SourceAccount': trailAccount };
    const bucketArn = `arn:${partition}:s3:::${trail.bucket}`;
    const bucketPolicy = model.bucketPolicy(trail.bucket);
    out.push({
      path: Path.TRAIL_BUCKET_ACL,
      description: `trail ${trailArn} s3:GetBucketAcl`,
      principal: 'cloudtrail.amazonaws.com',
      action: 's3:GetBucketAcl',
      resource: bucketArn,
      context: { ...source, ...TLS },
      resourcePolicy: bucketPolicy,
    });
    const regions = trail.multiRegion ? partitionRegions() : [region];
    const writers = [`AWSLogs/${account}`];
    if (trail.organization && opts.organizationId) writers.push(`AWSLogs/${opts.organizationId}/${MEMBER_ACCOUNT}`);
    for (const r of regions) {
      for (const w of writers) {
        const acct = w.split('/').pop();
        for (const key of [`${w}/CloudTrail/${r}/2026/12/01/${acct}_CloudTrail_${r}_20261201T0000Z_a1b2c3.json.gz`,
          `${w}/CloudTrail-Digest/${r}/2026/12/01/${acct}_CloudTrail-Digest_${r}_${trail.name}_${region}_20261201T000000Z.json.gz`]) {
          out.push({
            path: Path.TRAIL_BUCKET_WRITE,
            description: `trail ${trailArn} writes ${key}`,
            principal: 'cloudtrail.amazonaws.com',
            action: 's3:PutObject',
            resource: `${bucketArn}/${trail.prefix}${key}`,
            context: { ...source, ...TLS, 's3:x-amz-acl': 'bucket-owner-full-control' },
            resourcePolicy: bucketPolicy,
          });
        }
      }
    }
    const keyId = trail.key && keyIdOf(trail.key);
    if (trail.key && keyId) {
      const keyPolicy = model.keyPolicy(keyId);
      const resource = keyResource(trail.key);
      const s3Context = { 'kms:EncryptionContext:aws:s3:arn': bucketArn };
      out.push(
        {
          path: Path.TRAIL_KEY_ENCRYPT,
          description: `trail ${trailArn} kms:GenerateDataKey`,
          principal: 'cloudtrail.amazonaws.com',
          action: 'kms:GenerateDataKey',
          resource,
          resourcePolicy: keyPolicy,
          context: { ...source, ...s3Context, 'kms:EncryptionContext:aws:cloudtrail:arn': trailArn },
        },
        {
          path: Path.TRAIL_KEY_DESCRIBE,
          description: `trail ${trailArn} kms:DescribeKey`,
          principal: 'cloudtrail.amazonaws.com',
          action: 'kms:DescribeKey',
          resource,
          resourcePolicy: keyPolicy,
          context: source,
        },
        {
          path: Path.TRAIL_KEY_DECRYPT,
          description: `trail ${trailArn} kms:Decrypt (Bucket Key)`,
          principal: 'cloudtrail.amazonaws.com',
          action: 'kms:Decrypt',
          resource,
          resourcePolicy: keyPolicy,
          context: { ...source, ...s3Context },
        },
      );
    }
    if (trail.roleArn && trail.logGroupArn) {
      const role = model.role(trail.roleArn);
      out.push({
        path: Path.TRAIL_ROLE_TRUST,
        description: `trail ${trailArn} assumes ${trail.roleArn}`,
        principal: 'cloudtrail.amazonaws.com',
        action: 'sts:AssumeRole',
        resource: trail.roleArn,
        context: source,
        resourcePolicy: role.trust,
      });
      const group = trail.logGroupArn.replace(/:\*$/, '');
      const streams = regions.map((r) => `${account}_CloudTrail_${r}`);
      if (trail.organization && opts.organizationId) streams.push(...regions.map((r) => `${opts.organizationId}_${MEMBER_ACCOUNT}_CloudTrail_${r}`));
      for (const stream of streams) {
        for (const action of ['logs:CreateLogStream', 'logs:PutLogEvents']) {
          out.push({
            path: Path.TRAIL_ROLE_LOGS,
            description: `logs role ${action} ${stream}`,
            principal: `arn:${partition}:sts::${account}:assumed-role/${role.name}/CloudTrailSession`,
            action,
            resource: `${group}:log-stream:${stream}`,
            context: TLS,
            identityPolicies: role.identityPolicies,
            resourcePolicy: model.logsResourcePolicy(),
          });
        }
      }
    }
  }
  return out;
}

/**
 * EventBridge -> every log group a rule targets. EventBridge User Guide, "Using resource-based
 * policies for Amazon EventBridge" (CloudWatch Logs targets): the log group's resource policy must
 * allow events.amazonaws.com and delivery.logs.amazonaws.com logs:CreateLogStream and
 * logs:PutLogEvents.
 */
export function eventPaths(model: PolicyModel): PathRequest[] {
  const out: PathRequest[] = [];
  for (const rule of model.resources('AWS::Events::Rule')) {
    const p = rule.template.props(rule.logicalId);
    const ruleArn = rule.template.resolve({ 'Fn::GetAtt': [rule.logicalId, 'Arn'] });
    for (const target of p.Targets ?? []) {
      const arn = String(target.Arn);
      if (!arn.startsWith(`arn:${partition}:logs:`)) continue;
      const group = arn.replace(/:\*$/, '');
      for (const principal of ['events.amazonaws.com', 'delivery.logs.amazonaws.com']) {
        for (const action of ['logs:CreateLogStream', 'logs:PutLogEvents']) {
          out.push({
            path: Path.EVENTS_LOGS,
            description: `${principal} ${action} to ${group} for ${ruleArn}`,
            principal,
            action,
            resource: `${group}:log-stream:platform-events`,
            context: { 'aws:SourceArn': ruleArn, 'aws:SourceAccount': account, ...TLS },
            resourcePolicy: model.logsResourcePolicy(),
          });
        }
      }
    }
  }
  return out;
}

/**
 * S3 server access logging -> every target bucket. S3 User Guide, "Enabling Amazon S3 server
 * access logging" (bucket policy for logging.s3.amazonaws.com, with aws:SourceArn = the source
 * bucket and aws:SourceAccount).
 */
export function accessLogPaths(model: PolicyModel, sourceAccount: string = account): PathRequest[] {
  return model.resources('AWS::S3::Bucket').flatMap((b) => {
    const p = b.template.props(b.logicalId);
    if (!p.LoggingConfiguration) return [];
    const source = b.template.resolve({ Ref: b.logicalId });
    const target = p.LoggingConfiguration.DestinationBucketName ?? source;
    return [{
      path: Path.ACCESS_LOGS,
      description: `access logs of ${source} to ${target}`,
      principal: 'logging.s3.amazonaws.com',
      action: 's3:PutObject',
      resource: `arn:${partition}:s3:::${target}/${p.LoggingConfiguration.LogFilePrefix ?? ''}2026-12-01-00-00-00-A1B2C3D4E5F6`,
      context: { 'aws:SourceArn': `arn:${partition}:s3:::${source}`, 'aws:SourceAccount': sourceAccount, ...TLS },
      resourcePolicy: model.bucketPolicy(target),
    }];
  });
}

/**
 * S3 replication: S3 assumes the role, reads the source (decrypting with its key through S3) and
 * writes replicas. S3 User Guide, "Setting up permissions for live replication" and "Replicating
 * objects created with server-side encryption (SSE-KMS)".
 */
export function replicationPaths(model: PolicyModel): PathRequest[] {
  const out: PathRequest[] = [];
  for (const b of model.resources('AWS::S3::Bucket')) {
    const p = b.template.props(b.logicalId);
    if (!p.ReplicationConfiguration) continue;
    const source = b.template.resolve({ Ref: b.logicalId });
    const sourceArn = `arn:${partition}:s3:::${source}`;
    const role = model.role(p.ReplicationConfiguration.Role);
    const session = `arn:${partition}:sts::${account}:assumed-role/${role.name}/s3-replication`;
    out.push({
      path: Path.REPLICATION_TRUST,
      description: `S3 assumes ${p.ReplicationConfiguration.Role}`,
      principal: 's3.amazonaws.com',
      action: 'sts:AssumeRole',
      resource: p.ReplicationConfiguration.Role,
      context: { 'aws:SourceAccount': account, 'aws:SourceArn': sourceArn },
      resourcePolicy: role.trust,
    });
    const asRole = { principal: session, identityPolicies: role.identityPolicies, context: TLS };
    const object = `${sourceArn}/AWSLogs/${account}/CloudTrail/${region}/2026/12/01/file.json.gz`;
    out.push(
      {
        ...asRole,
        path: Path.REPLICATION_SOURCE,
        description: 'replication reads the configuration',
        action: 's3:GetReplicationConfiguration',
        resource: sourceArn,
        resourcePolicy: model.bucketPolicy(source),
      },
      {
        ...asRole,
        path: Path.REPLICATION_SOURCE,
        description: 'replication reads a version',
        action: 's3:GetObjectVersionForReplication',
        resource: object,
        resourcePolicy: model.bucketPolicy(source),
      },
    );
    const sourceKey = p.BucketEncryption?.ServerSideEncryptionConfiguration?.[0]?.ServerSideEncryptionByDefault?.KMSMasterKeyID;
    if (sourceKey && keyIdOf(sourceKey)) {
      out.push({
        ...asRole,
        path: Path.REPLICATION_SOURCE_KEY,
        description: 'replication decrypts a source object through S3',
        action: 'kms:Decrypt',
        resource: keyResource(sourceKey),
        resourcePolicy: model.keyPolicy(keyIdOf(sourceKey)!),
        context: { ...TLS, 'kms:ViaService': `s3.${region}.amazonaws.com`, 'kms:CallerAccount': account, 'kms:EncryptionContext:aws:s3:arn': sourceArn },
      });
    }
    for (const rule of p.ReplicationConfiguration.Rules ?? []) {
      const destination = rule.Destination.Bucket;
      // The destination bucket is outside the stack: only the role's side can be evaluated.
      out.push({
        ...asRole,
        path: Path.REPLICATION_DESTINATION,
        description: `replication writes to ${destination}`,
        action: 's3:ReplicateObject',
        resource: `${destination}/AWSLogs/${account}/CloudTrail/${region}/2026/12/01/file.json.gz`,
      });
    }
  }
  return out;
}

/** The role given `grantPutMetricData` publishes in `namespace`. */
export function putMetricDataPaths(model: PolicyModel, namespace: string, publisher: string): PathRequest[] {
  const roles = model.resources('AWS::IAM::Role').filter((r) => r.logicalId.startsWith(publisher))
    .map((r) => r.template.resolve({ 'Fn::GetAtt': [r.logicalId, 'Arn'] }) as string);
  return roles.map((arn) => {
    const role = model.role(arn);
    return {
      path: Path.PUT_METRIC_DATA,
      description: `${role.name} publishes in ${namespace}`,
      principal: `arn:${partition}:sts::${account}:assumed-role/${role.name}/app`,
      action: 'cloudwatch:PutMetricData',
      resource: '*',
      context: { 'cloudwatch:namespace': namespace, ...TLS },
      identityPolicies: role.identityPolicies,
    };
  });
}

/** Every delivery path of the platform: each must be Allowed. */
export function deliveryPaths(model: PolicyModel, opts: PathOptions = {}): PathRequest[] {
  return [
    ...alarmPaths(model), ...snsPaths(model), ...logGroupKeyPaths(model), ...trailPaths(model, opts),
    ...eventPaths(model), ...accessLogPaths(model), ...replicationPaths(model), ...chatPaths(model),
    ...(opts.metricNamespace && opts.metricPublisher ? putMetricDataPaths(model, opts.metricNamespace, opts.metricPublisher) : []),
  ];
}
