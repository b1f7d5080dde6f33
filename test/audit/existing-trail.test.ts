import { Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AuditTrail, DeploymentEnvironment, PlatformMonitoring } from '../../src';
import { newStack } from '../nag-helpers';

// A platform in an account whose trail exists already (e.g. an organization trail) reads that
// trail's log group and creates no trail of its own.
describe('audit.existingTrailLogGroup', () => {
  const { stack } = newStack();
  const orgTrailGroup = logs.LogGroup.fromLogGroupName(stack, 'OrgTrail', 'org-trail/CloudTrailLogs');
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', {
    projectName: 'shop', environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, audit: { existingTrailLogGroup: orgTrailGroup },
  });
  const template = Template.fromStack(stack);

  test('no trail, no bucket, no trail role, no trail log group', () => {
    template.resourceCountIs('AWS::CloudTrail::Trail', 0);
    template.resourceCountIs('AWS::S3::Bucket', 0);
    const roles = Object.values(template.findResources('AWS::IAM::Role')) as any[];
    const trusted = roles.flatMap((r) => r.Properties.AssumeRolePolicyDocument.Statement.map((st: any) => st.Principal?.Service));
    expect(trusted).not.toContain('cloudtrail.amazonaws.com');
    const groups = Object.values(template.findResources('AWS::Logs::LogGroup')) as any[];
    expect(groups.map((g) => g.Properties.LogGroupName)).not.toContain('/aws/cloudtrail/shop');
    expect(monitoring.audit).toBeUndefined();
    expect(monitoring.logging.trailLogGroup).toBe(orgTrailGroup);
  });

  test('the CIS metric filters and the CloudTrail saved queries read the given group', () => {
    const filters = (Object.values(template.findResources('AWS::Logs::MetricFilter')) as any[])
      .filter((f) => String(f.Properties.MetricTransformations[0].MetricName).startsWith('Security.'));
    expect(filters.length).toBeGreaterThanOrEqual(14);
    for (const f of filters) expect(f.Properties.LogGroupName).toBe('org-trail/CloudTrailLogs');
    const queries = (Object.values(template.findResources('AWS::Logs::QueryDefinition')) as any[])
      .filter((q) => (q.Properties.LogGroupNames ?? []).includes('org-trail/CloudTrailLogs'));
    expect(queries.length).toBeGreaterThan(0);
  });

  test('another audit option with it is refused, naming both', () => {
    const s = newStack().stack;
    const group = logs.LogGroup.fromLogGroupName(s, 'G', 'org-trail/CloudTrailLogs');
    expect(() => new PlatformMonitoring(s, 'M', {
      projectName: 'shop',
      environment: DeploymentEnvironment.PROD,
      audit: { existingTrailLogGroup: group, bucketName: 'shop-audit', logAllLambdaDataEvents: true },
    })).toThrow('audit.existingTrailLogGroup uses a trail that exists, so the platform creates none, but audit.bucketName, '
      + 'audit.logAllLambdaDataEvents configure the trail it would create: remove them, or remove existingTrailLogGroup to '
      + 'let the platform create its trail.');
  });

  test('dataLakeBucket with it is refused', () => {
    const s = newStack().stack;
    const group = logs.LogGroup.fromLogGroupName(s, 'G', 'org-trail/CloudTrailLogs');
    expect(() => new PlatformMonitoring(s, 'M', {
      projectName: 'shop',
      environment: DeploymentEnvironment.PROD,
      audit: { existingTrailLogGroup: group },
      dataLakeBucket: s3.Bucket.fromBucketName(s, 'Lake', 'lake'),
    })).toThrow('dataLakeBucket adds an S3 data-event selector to the trail the platform creates, but '
      + 'audit.existingTrailLogGroup uses a trail that exists: add the bucket\'s data events to that trail yourself and '
      + 'remove dataLakeBucket, or remove existingTrailLogGroup.');
  });

  test('AuditTrail refuses it: it always creates a trail', () => {
    const s = newStack().stack;
    const group = logs.LogGroup.fromLogGroupName(s, 'G', 'org-trail/CloudTrailLogs');
    expect(() => new AuditTrail(s, 'A', {
      projectName: 'shop', environment: DeploymentEnvironment.PROD, encryptionKey: new kms.Key(s, 'K'), existingTrailLogGroup: group,
    })).toThrow('existingTrailLogGroup is not an AuditTrail option: AuditTrail always creates a trail. To use an existing '
      + 'trail, give its log group to PlatformMonitoring as audit.existingTrailLogGroup, or read it with SecurityAlarms '
      + '(cloudTrailLogGroup) and leave AuditTrail out.');
  });
});
