import { Path } from './delivery-paths';
import { StatementEdit, withoutServicePrincipal, withoutSid } from './policies';
import { PathRequest } from './simulate';
import { KeyAdminSid, KeyPolicySid } from '../../src/encryption/key-policy';
import { AlertTopic } from '../../src/notifications/alert-topic';

// One proof per service statement of the platform: the edit that takes it out of the synthesized
// templates, and the requests that must then turn Denied.

const KEY = 'AWS::KMS::Key';
const BUCKET_POLICY = 'AWS::S3::BucketPolicy';

export interface Proof {
  readonly statement: string;
  readonly edit: StatementEdit;
  /** The requests that must turn Denied. */
  readonly breaks: (r: PathRequest) => boolean;
}

const onPath = (...paths: string[]) => (r: PathRequest) => paths.includes(r.path);

/** Removes, from identity policies, every statement allowing this action. */
const withoutIdentityAction = (action: string): StatementEdit => (loc, st) =>
  (['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'].includes(loc.type) && ([] as string[]).concat(st.Action).includes(action) ? undefined : st);

export const PROOFS: Proof[] = [
  { statement: `key ${KeyPolicySid.CLOUDWATCH}`, edit: withoutSid(KEY, KeyPolicySid.CLOUDWATCH), breaks: onPath(Path.ALARM_TOPIC_KEY) },
  { statement: `key ${KeyPolicySid.SNS}`, edit: withoutSid(KEY, KeyPolicySid.SNS), breaks: onPath(Path.SNS_TOPIC_KEY) },
  { statement: `key ${KeyPolicySid.LOGS}`, edit: withoutSid(KEY, KeyPolicySid.LOGS), breaks: onPath(Path.LOGS_KEY) },
  { statement: `key ${KeyPolicySid.CLOUDTRAIL_ENCRYPT}`, edit: withoutSid(KEY, KeyPolicySid.CLOUDTRAIL_ENCRYPT), breaks: onPath(Path.TRAIL_KEY_ENCRYPT) },
  { statement: `key ${KeyPolicySid.CLOUDTRAIL_DESCRIBE}`, edit: withoutSid(KEY, KeyPolicySid.CLOUDTRAIL_DESCRIBE), breaks: onPath(Path.TRAIL_KEY_DESCRIBE) },
  {
    statement: `key ${KeyPolicySid.CLOUDTRAIL_BUCKET_KEY_DECRYPT}`,
    edit: withoutSid(KEY, KeyPolicySid.CLOUDTRAIL_BUCKET_KEY_DECRYPT),
    breaks: onPath(Path.TRAIL_KEY_DECRYPT),
  },
  {
    statement: `key ${KeyAdminSid.ACCOUNT_ADMIN}`,
    edit: withoutSid(KEY, KeyAdminSid.ACCOUNT_ADMIN),
    breaks: (r) => r.path === Path.REPLICATION_SOURCE_KEY || (r.path === 'key administration' && r.action !== 'kms:CreateGrant'),
  },
  {
    statement: `key ${KeyAdminSid.ACCOUNT_GRANTS}`,
    edit: withoutSid(KEY, KeyAdminSid.ACCOUNT_GRANTS),
    breaks: (r) => r.path === 'key administration' && r.action === 'kms:CreateGrant',
  },
  {
    statement: `topic ${AlertTopic.CLOUDWATCH_PUBLISH_SID}`,
    edit: withoutSid('AWS::SNS::TopicPolicy', AlertTopic.CLOUDWATCH_PUBLISH_SID),
    breaks: onPath(Path.ALARM_PUBLISH),
  },
  { statement: 'trail bucket AWSCloudTrailAclCheck', edit: withoutSid(BUCKET_POLICY, 'AWSCloudTrailAclCheck'), breaks: onPath(Path.TRAIL_BUCKET_ACL) },
  { statement: 'trail bucket AWSCloudTrailWrite', edit: withoutSid(BUCKET_POLICY, 'AWSCloudTrailWrite'), breaks: onPath(Path.TRAIL_BUCKET_WRITE) },
  {
    statement: 'access-log bucket AllowS3ServerAccessLogDelivery',
    edit: withoutSid(BUCKET_POLICY, 'AllowS3ServerAccessLogDelivery'),
    breaks: onPath(Path.ACCESS_LOGS),
  },
  ...['events.amazonaws.com', 'delivery.logs.amazonaws.com'].map((service) => ({
    statement: `logs resource policy principal ${service}`,
    edit: withoutServicePrincipal('AWS::Logs::ResourcePolicy', service),
    breaks: (r: PathRequest) => r.path === Path.EVENTS_LOGS && r.principal === service,
  })),
  {
    statement: 'logs role trust cloudtrail.amazonaws.com',
    edit: withoutServicePrincipal('AWS::IAM::Role', 'cloudtrail.amazonaws.com', 'AssumeRolePolicyDocument'),
    breaks: onPath(Path.TRAIL_ROLE_TRUST),
  },
  { statement: 'logs role policy DeliverTrailToLogGroup', edit: withoutSid('AWS::IAM::ManagedPolicy', 'DeliverTrailToLogGroup'), breaks: onPath(Path.TRAIL_ROLE_LOGS) },
  {
    statement: 'replication role trust s3.amazonaws.com',
    edit: withoutServicePrincipal('AWS::IAM::Role', 's3.amazonaws.com', 'AssumeRolePolicyDocument'),
    breaks: onPath(Path.REPLICATION_TRUST),
  },
  ...([['ReadReplicationConfiguration', 's3:GetReplicationConfiguration'], ['ReadSourceObjectVersions', 's3:GetObjectVersionForReplication'],
    ['DecryptSourceObjects', 'kms:Decrypt'], ['WriteReplicas', 's3:ReplicateObject']] as const).map(([sid, action]) => ({
    statement: `replication policy ${sid}`,
    edit: withoutSid('AWS::IAM::ManagedPolicy', sid),
    breaks: (r: PathRequest) => r.path.startsWith('Replication role') && r.action === action,
  })),
  { statement: 'grantPutMetricData statement', edit: withoutIdentityAction('cloudwatch:PutMetricData'), breaks: onPath(Path.PUT_METRIC_DATA) },
];

