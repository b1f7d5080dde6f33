import { Stack, Validations } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { PlatformMonitoringChecks } from '../../src/nag/platform-monitoring-checks';
import { logicalId, newStack, packFindings } from '../nag-helpers';

const metric = new cloudwatch.Metric({ namespace: 'shop', metricName: 'Errors' });

/** What a first-time CDK user writes: every construct with its defaults. */
function naiveStack() {
  const { app, stack } = newStack();
  const r = {
    topic: new sns.Topic(stack, 'Topic'),
    logs: new logs.LogGroup(stack, 'Logs'),
    bucket: new s3.Bucket(stack, 'Bucket'),
    trail: new cloudtrail.Trail(stack, 'Trail'),
    key: new kms.Key(stack, 'Key'),
    silentAlarm: new cloudwatch.Alarm(stack, 'SilentAlarm', { metric, threshold: 1, evaluationPeriods: 1 }),
    encryptedTopic: undefined as unknown as sns.Topic,
    notifyingAlarm: new cloudwatch.Alarm(stack, 'NotifyingAlarm', { metric, threshold: 1, evaluationPeriods: 1 }),
  };
  r.encryptedTopic = new sns.Topic(stack, 'EncryptedTopic', { masterKey: r.key, enforceSSL: true });
  r.notifyingAlarm.addAlarmAction(new actions.SnsAction(r.encryptedTopic));
  return { app, stack, r };
}

/** The same resources, configured the way the pack asks for. */
function compliantStack() {
  const { app, stack } = newStack();
  const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
  const scoped = { StringEquals: { 'aws:SourceAccount': stack.account } };
  key.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
    actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    resources: ['*'],
    conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${stack.region}:${stack.account}:log-group:*` } },
  }));
  key.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
    actions: ['kms:GenerateDataKey*', 'kms:DescribeKey'],
    resources: ['*'],
    conditions: scoped,
  }));
  key.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    resources: ['*'],
    conditions: scoped,
  }));
  const topic = new sns.Topic(stack, 'Topic', { masterKey: key, enforceSSL: true });
  topic.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
    actions: ['sns:Publish'],
    resources: [topic.topicArn],
    conditions: scoped,
  }));
  const alarm = new cloudwatch.Alarm(stack, 'Alarm', { metric, threshold: 1, evaluationPeriods: 1 });
  alarm.addAlarmAction(new actions.SnsAction(topic));
  const bucket = new s3.Bucket(stack, 'Bucket', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true, encryption: s3.BucketEncryption.KMS, encryptionKey: key,
  });
  new cloudtrail.Trail(stack, 'Trail', {
    bucket,
    encryptionKey: key,
    sendToCloudWatchLogs: true,
    cloudWatchLogGroup: new logs.LogGroup(stack, 'TrailLogs', { encryptionKey: key, retention: logs.RetentionDays.ONE_YEAR }),
  });
  return { app, stack };
}

function trailBucket(stack: Stack): string {
  return logicalId(stack.node.findChild('Trail').node.findChild('S3'));
}

describe('PlatformMonitoringChecks', () => {
  test('names the pack PlatformMonitoring', () => {
    const pack = new PlatformMonitoringChecks();
    expect(pack.name).toBe('PlatformMonitoring');
    expect(pack.readPackName).toBe('PlatformMonitoring');
  });

  test('a naive stack has exactly these findings with every rule on', () => {
    const { app, stack, r } = naiveStack();
    const expected = [
      ['SnsTopicCustomerManagedKey', r.topic],
      ['SnsTopicSslPublishOnly', r.topic],
      ['LogGroupEncrypted', r.logs],
      ['S3BucketPublicAccessBlocked', r.bucket],
      ['S3BucketSslOnly', r.bucket],
      ['S3BucketEncrypted', r.bucket],
      ['CloudTrailEncrypted', r.trail],
      ['CloudTrailCloudWatchLogs', r.trail],
      ['KmsKeyRotation', r.key],
      ['AlarmHasAction', r.silentAlarm],
      ['AlarmTopicPolicyAllowsCloudWatch', r.notifyingAlarm],
      ['AlarmTopicKeyAllowsCloudWatch', r.notifyingAlarm],
    ].map(([rule, construct]) => `PlatformMonitoring-${rule} ${logicalId(construct as any)}`);
    // the trail's own default bucket: SSL is enforced, but no public access block or encryption declared
    expected.push(`PlatformMonitoring-S3BucketPublicAccessBlocked ${trailBucket(stack)}`);
    expected.push(`PlatformMonitoring-S3BucketEncrypted ${trailBucket(stack)}`);
    expect(packFindings(app, stack, { includeOverlappingRules: true })).toEqual(expected.sort());
  });

  test('by default a naive stack has only the findings the standard packs would not report', () => {
    const { app, stack, r } = naiveStack();
    const expected = [
      ['SnsTopicCustomerManagedKey', r.topic],
      ['SnsTopicSslPublishOnly', r.topic],
      ['AlarmHasAction', r.silentAlarm],
      ['AlarmTopicPolicyAllowsCloudWatch', r.notifyingAlarm],
      ['AlarmTopicKeyAllowsCloudWatch', r.notifyingAlarm],
    ].map(([rule, construct]) => `PlatformMonitoring-${rule} ${logicalId(construct as any)}`);
    expect(packFindings(app, stack, {})).toEqual(expected.sort()); // {}: the pack's own defaults
  });

  test('findings are errors with the rule info as description', () => {
    const { app, stack } = naiveStack();
    const violations = new PlatformMonitoringChecks(app, { includeOverlappingRules: true }).validateScope(stack).violations;
    const rotation = violations.find((v) => v.ruleName === 'PlatformMonitoring-KmsKeyRotation');
    expect(rotation?.severity).toBe('error');
    expect(rotation?.description).toMatch(/does not have automatic rotation enabled/);
  });

  test('verbose adds the explanation (how to fix)', () => {
    const { app, stack } = naiveStack();
    const violations = new PlatformMonitoringChecks(app, { verbose: true, includeOverlappingRules: true }).validateScope(stack).violations;
    expect(violations.find((v) => v.ruleName === 'PlatformMonitoring-KmsKeyRotation')?.description).toMatch(/enableKeyRotation: true/);
  });

  test('a compliant stack has no findings', () => {
    const { app, stack } = compliantStack();
    expect(packFindings(app, stack)).toEqual([]);
  });

  test('an acknowledged finding is not reported; the others still are', () => {
    const { app, stack, r } = naiveStack();
    Validations.of(r.key).acknowledge({ id: 'PlatformMonitoring-KmsKeyRotation', reason: 'test: key is rotated manually' });
    const findings = packFindings(app, stack);
    expect(findings).not.toContain(`PlatformMonitoring-KmsKeyRotation ${logicalId(r.key)}`);
    expect(findings).toContain(`PlatformMonitoring-LogGroupEncrypted ${logicalId(r.logs)}`);
  });

  test('registered as a validation plugin, synth fails on the naive stack', () => {
    const { app } = naiveStack();
    Validations.of(app).addPlugins(new PlatformMonitoringChecks(app));
    expect(() => app.synth()).toThrow(/PlatformMonitoring-AlarmTopicKeyAllowsCloudWatch/);
  });

  test('registered as a validation plugin with every rule, synth succeeds on the compliant stack', () => {
    const { app } = compliantStack();
    Validations.of(app).addPlugins(new PlatformMonitoringChecks(app, { includeOverlappingRules: true }));
    expect(() => app.synth()).not.toThrow();
  });

  test('an acknowledgment with the plain rule id also satisfies synth', () => {
    const unrotatedKey = (acknowledged: boolean) => {
      const { app, stack } = newStack();
      const key = new kms.Key(stack, 'Key');
      Validations.of(app).addPlugins(new PlatformMonitoringChecks(app, { includeOverlappingRules: true }));
      if (acknowledged) Validations.of(key).acknowledge({ id: 'PlatformMonitoring-KmsKeyRotation', reason: 'test: rotated by an external process' });
      return app;
    };
    // Without the acknowledgment the same stack fails, so the one below is what lets it pass.
    expect(() => unrotatedKey(false).synth()).toThrow(/PlatformMonitoring-KmsKeyRotation/);
    expect(() => unrotatedKey(true).synth()).not.toThrow();
  });
});
