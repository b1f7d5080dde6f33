import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { dashboardBody, titles } from './dashboards/body';
import { addStandardPacks, nagFindings, newStack, RECOMMENDED_CONTEXT } from './nag-helpers';
import { AlertTopic, DataPipelineDashboard, DeploymentEnvironment, PlatformAlarms, PlatformKey, PlatformMonitoring } from '../src';

describe('PlatformMonitoring: foundation', () => {
  test('defaults: PROD, a created key, public names derived from the project', () => {
    const { stack } = newStack();
    const m = new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'ecommerce-ai-platform' });
    expect(m.environment).toBe(DeploymentEnvironment.PROD);
    expect(m.metricNamespace).toBe('ecommerce-ai-platform');
    expect(m.alarmNamePrefix).toBe('ecommerce-ai-platform-prod-');
    expect(stack.resolve(m.platformKey.key.keyArn)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^MonitoringEncryptionKey/), 'Arn'] });
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  test('exposes its identity, its parts and the ML catalog, nothing twice (no alias of a part\'s resource)', () => {
    const { stack } = newStack();
    const m = new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop' });
    expect(Object.keys(m).filter((k) => k !== 'node').sort()).toEqual([
      'alarmNamePrefix', 'environment', 'metricNamespace', 'projectName', // identity
      'alarms', 'alertRouting', 'alertTopic', 'apiPerformanceDashboard', 'audit', 'dataPipelineDashboard', 'logging', 'mlPerformanceDashboard', 'platformKey', // parts (audit and mlPerformanceDashboard may be undefined)
      'mlCatalog', // made by the L3, part of nothing
    ].sort());
    expect(m.alertTopic).toBeInstanceOf(AlertTopic);
    expect(m.platformKey).toBeInstanceOf(PlatformKey);
    expect(m.alarms).toBeInstanceOf(PlatformAlarms);
    expect(m.dataPipelineDashboard).toBeInstanceOf(DataPipelineDashboard);
    expect(m.audit!.trailLogGroup).toBe(m.logging.trailLogGroup);
  });

  test('outside PROD the environment is part of the metric namespace, alarm prefix and dashboard names', () => {
    const { stack } = newStack();
    const m = new PlatformMonitoring(stack, 'Monitoring', { recipients: { emails: ['ops@example.com'] }, projectName: 'shop', environment: DeploymentEnvironment.STAGING });
    expect(m.metricNamespace).toBe('shop-staging');
    expect(m.alarmNamePrefix).toBe('shop-staging-');
    const dashboards = Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard'))
      .map((d: any) => d.Properties.DashboardName).sort();
    expect(dashboards).toEqual(['shop-api-performance-staging', 'shop-data-pipeline-staging']);
    const filters = Object.values(Template.fromStack(stack).findResources('AWS::Logs::MetricFilter'));
    expect(filters.length).toBeGreaterThan(0);
    for (const f of filters as any[]) expect(f.Properties.MetricTransformations[0].MetricNamespace).toBe('shop-staging');
  });

  test('every taggable resource carries Project and Environment tags', () => {
    const { stack } = newStack();
    new PlatformMonitoring(stack, 'Monitoring', { recipients: { emails: ['ops@example.com'] }, projectName: 'shop', environment: DeploymentEnvironment.STAGING });
    const resources = Template.fromStack(stack).toJSON().Resources as Record<string, any>;
    const taggable = Object.entries(resources).filter(([, r]) => r.Properties && 'Tags' in r.Properties);
    expect(taggable.length).toBeGreaterThan(0);
    for (const [id, r] of taggable) {
      expect({ id, tags: r.Properties.Tags }).toEqual({
        id,
        tags: expect.arrayContaining([{ Key: 'Project', Value: 'shop' }, { Key: 'Environment', Value: 'staging' }]),
      });
    }
  });

  test('env-agnostic stacks synthesize (region and account stay tokens)', () => {
    const app = new App({ context: RECOMMENDED_CONTEXT });
    const stack = new Stack(app, 'Agnostic');
    new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop' });
    const policy = JSON.stringify(Template.fromStack(stack).findResources('AWS::KMS::Key'));
    expect(policy).toContain('"Ref":"AWS::Region"');
    expect(policy).toContain('"Ref":"AWS::AccountId"');
  });

  test('no unacknowledged finding from AwsSolutions, HIPAA, NIST 800-53 R5 or PCI DSS', () => {
    const { app, stack } = newStack();
    new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, projectName: 'shop', recipients: { emails: ['ops@example.com'] } });
    expect(nagFindings(app, stack)).toEqual([]);
  });

  test('with the four packs registered, app.synth() does not throw', () => {
    const { app, stack } = newStack();
    new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop' });
    addStandardPacks(app);
    expect(() => app.synth()).not.toThrow();
  });

  test('control: the same check throws on a non-compliant resource, so the test above can fail', () => {
    const { app, stack } = newStack();
    new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop' });
    new s3.Bucket(stack, 'NaiveBucket');
    expect(nagFindings(app, stack).some((f) => f.startsWith('AwsSolutions-S1:'))).toBe(true);
    addStandardPacks(app);
    expect(() => app.synth()).toThrow(/NaiveBucket[\s\S]*AwsSolutions-S1/);
  });
});

describe('PlatformMonitoring: Batch event capture (alarms.eventCapture)', () => {
  const pipelineBody = (m: PlatformMonitoring) => dashboardBody(m.dataPipelineDashboard.dashboard);

  test('on by default: rules, the Recent Batch job failures table over the platform events log group', () => {
    const { stack } = newStack();
    const m = new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop', batchJobQueues: ['etl-queue'] });
    expect(Object.keys(Template.fromStack(stack).findResources('AWS::Events::Rule')).length).toBeGreaterThan(0);
    const body = pipelineBody(m);
    const table = body.widgets.find((w: any) => w.properties.title === 'Recent Batch job failures');
    // The platform events log group (a Ref to it: `${<logical id>}` in the body).
    expect(table.properties.query).toMatch(/^SOURCE '\$\{MonitoringLoggingPlatformEventsLogGroup[0-9A-F]+\}' \| fields /);
    expect(titles(body)).toEqual(expect.arrayContaining(['Batch etl-queue: state transitions', 'Batch jobs by status (all queues)']));
  });

  test('off: no rules, no event graphs or table; batch-job-failures on AWS/Batch JobsMovedToFailed', () => {
    const { stack } = newStack();
    const m = new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop', batchJobQueues: ['etl-queue'], alarms: { eventCapture: false } });
    Template.fromStack(stack).resourceCountIs('AWS::Events::Rule', 0);
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'shop-prod-batch-job-failures', Namespace: 'AWS/Batch', MetricName: 'JobsMovedToFailed',
    });
    const body = pipelineBody(m);
    expect(titles(body)).not.toContain('Recent Batch job failures');
    expect(titles(body)).not.toContain('Batch jobs by status (all queues)');
    expect(titles(body)).toContain('Batch etl-queue: state transitions');
  });
});
