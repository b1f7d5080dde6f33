import { ENV } from './cfn-model';
import { chatMisusePaths } from './chat-paths';
import {
  accessLogPaths, alarmKeyRequests, alarmPaths, encryptedTopics, eventPaths, logGroupKeyPaths, OTHER_ACCOUNT, PathOptions, putMetricDataPaths,
  trailPaths, trails,
} from './delivery-paths';
import { PolicyModel } from './policies';
import { PathRequest } from './simulate';

const { account, partition } = ENV;
const withoutTls = (r: PathRequest): PathRequest => ({
  ...r, description: `${r.description} without TLS`, context: { ...r.context, 'aws:SecureTransport': 'false' },
});

/** A role of the account allowed everything by its own IAM policy (an administrator or a reader). */
export function accountAdmin(name = 'Administrator') {
  return {
    principal: `arn:${partition}:sts::${account}:assumed-role/${name}/session`,
    identityPolicies: [{ name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }],
  };
}

/** Every bucket of the templates, by name. */
function buckets(model: PolicyModel): string[] {
  return model.resources('AWS::S3::Bucket').map((b) => b.template.resolve({ Ref: b.logicalId }));
}

/**
 * Requests that must be Denied: a service acting for another account's alarm, trail or log group
 * (confused deputy), an alarm of this account outside the platform's name prefix, requests
 * without TLS, an anonymous reader, EventBridge writing to another log group and custom metrics
 * outside the project namespace.
 */
export function misusePaths(model: PolicyModel, opts: PathOptions = {}): PathRequest[] {
  const trailGroups = trails(model).map((t) => t.logGroupArn?.replace(/:\*$/, '')).filter((g): g is string => Boolean(g));
  const reader = accountAdmin('AuditReader');
  return [
    // The topic policy stops another account's alarm, or an alarm outside the prefix, at sns:Publish:
    // its notification never reaches KMS. The key serves the platform's topics only: any other
    // topic's encryption context is Denied.
    ...alarmPaths(model, OTHER_ACCOUNT).filter((r) => r.action === 'sns:Publish')
      .map((r) => ({ ...r, description: `${r.description} (another account's alarm)` })),
    ...alarmPaths(model, account, (n) => `not-the-platform-${n}`).filter((r) => r.action === 'sns:Publish'),
    ...encryptedTopics(model).flatMap(({ key, keyId }) => alarmKeyRequests(model, key, keyId,
      `arn:${partition}:sns:${ENV.region}:${OTHER_ACCOUNT}:someone-elses-topic`, 'an alarm of another account')),
    ...trailPaths(model, opts, OTHER_ACCOUNT)
      .filter((r) => r.principal === 'cloudtrail.amazonaws.com' && !r.action.startsWith('sts:'))
      .map((r) => ({ ...r, description: `${r.description} (another account's trail)` })),
    ...logGroupKeyPaths(model, OTHER_ACCOUNT).map((r) => ({ ...r, description: `${r.description} (another account's log group)` })),
    ...accessLogPaths(model, OTHER_ACCOUNT).map((r) => ({ ...r, description: `${r.description} (another account's bucket)` })),
    // No TLS: the bucket and topic policies deny it even where the request is otherwise allowed.
    ...alarmPaths(model).filter((r) => r.action === 'sns:Publish').map(withoutTls),
    ...trailPaths(model, opts).filter((r) => r.action.startsWith('s3:')).slice(0, 3).map(withoutTls),
    ...accessLogPaths(model).map(withoutTls),
    ...buckets(model).map((b) => withoutTls({
      path: 'reader',
      description: `account reader s3:GetObject in ${b}`,
      ...reader,
      action: 's3:GetObject',
      resource: `arn:${partition}:s3:::${b}/AWSLogs/${account}/file.json.gz`,
      context: {},
      resourcePolicy: model.bucketPolicy(b),
    })),
    // Anonymous readers, over TLS.
    ...buckets(model).map((b) => ({
      path: 'anonymous',
      description: `anonymous s3:GetObject in ${b}`,
      principal: 'anonymous',
      action: 's3:GetObject',
      resource: `arn:${partition}:s3:::${b}/AWSLogs/${account}/file.json.gz`,
      context: { 'aws:SecureTransport': 'true' },
      resourcePolicy: model.bucketPolicy(b),
    })),
    // EventBridge may write to its own group only, not e.g. to the audit trail's group.
    ...eventPaths(model).flatMap((r) => trailGroups.map((g) => ({
      ...r, description: `${r.principal} ${r.action} to ${g} (not its group)`, resource: `${g}:log-stream:forged`,
    }))),
    // Chat channels (when there are any): see chat-paths.ts.
    ...chatMisusePaths(model),
    ...(opts.metricPublisher ? [`${opts.metricNamespace}-other`, 'AWS/Lambda'].flatMap((ns) =>
      putMetricDataPaths(model, ns, opts.metricPublisher!).map((r) => ({ ...r, description: `${r.description} (not the project namespace)` }))) : []),
  ];
}

/**
 * An administrator of the account (allowed `*` by IAM) can manage and use the key: every
 * request is Allowed except `kms:CreateGrant` for something other than an AWS resource.
 */
export function keyAdminRequests(model: PolicyModel): { allowed: PathRequest[]; denied: PathRequest[] } {
  const admin = accountAdmin();
  const keys = model.resources('AWS::KMS::Key').map((k) => k.template.resolve({ 'Fn::GetAtt': [k.logicalId, 'Arn'] }) as string);
  const request = (key: string, action: string, context: Record<string, string> = {}): PathRequest => ({
    path: 'key administration',
    description: `administrator ${action} ${JSON.stringify(context)} on ${key}`,
    ...admin,
    action,
    resource: key,
    context: { 'aws:SecureTransport': 'true', 'kms:CallerAccount': account, ...context },
    resourcePolicy: model.keyPolicy(key),
  });
  return {
    allowed: keys.flatMap((k) => [
      ...['kms:PutKeyPolicy', 'kms:GetKeyPolicy', 'kms:DescribeKey', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion', 'kms:DisableKey',
        'kms:EnableKey', 'kms:EnableKeyRotation', 'kms:CreateAlias', 'kms:TagResource', 'kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey',
        'kms:ListGrants', 'kms:RevokeGrant'].map((a) => request(k, a)),
      request(k, 'kms:CreateGrant', { 'kms:GrantIsForAWSResource': 'true' }),
    ]),
    denied: keys.flatMap((k) => [request(k, 'kms:CreateGrant', { 'kms:GrantIsForAWSResource': 'false' }), request(k, 'kms:CreateGrant')]),
  };
}
