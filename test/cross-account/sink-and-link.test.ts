import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { DeploymentEnvironment } from '../../src/core/environment';
import { MonitoringAccountSink } from '../../src/cross-account/monitoring-account-sink';
import { PlatformLinkFilter, SourceAccountLink } from '../../src/cross-account/source-account-link';
import { TelemetryType } from '../../src/cross-account/telemetry-type';
import { nagFindings, RECOMMENDED_CONTEXT } from '../nag-helpers';

// OAM resource types: OAM API reference, PutSinkPolicy
// (https://docs.aws.amazon.com/OAM/latest/APIReference/API_PutSinkPolicy.html).
const ALL_TYPES = ['AWS::CloudWatch::Metric', 'AWS::Logs::LogGroup', 'AWS::XRay::Trace'];
const SINK_ARN = 'arn:aws:oam:eu-west-1:111111111111:sink/a1b2c3d4-0000-1111-2222-333344445555';

/** An app with a monitoring stack and a workload stack (each test fills the ones it synthesizes: an empty stack fails validation). */
function stacks() {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  let monitoring: Stack | undefined;
  let workload: Stack | undefined;
  return {
    app,
    get monitoring() { return monitoring ??= new Stack(app, 'Monitoring', { env: { account: '111111111111', region: 'eu-west-1' } }); },
    get workload() { return workload ??= new Stack(app, 'Workload', { env: { account: '222222222222', region: 'eu-west-1' } }); },
  };
}

function sinkPolicy(stack: Stack): any {
  const sinks = Template.fromStack(stack).findResources('AWS::Oam::Sink');
  expect(Object.keys(sinks)).toHaveLength(1);
  return Object.values(sinks)[0].Properties.Policy;
}

describe('MonitoringAccountSink', () => {
  test('organization: any principal of the organization may link for metrics, logs and traces', () => {
    const { monitoring } = stacks();
    const sink = new MonitoringAccountSink(monitoring, 'Sink', { organizationId: 'o-abcdefghij' });
    const policy = sinkPolicy(monitoring);
    expect(policy.Statement).toHaveLength(1);
    const [s] = policy.Statement;
    expect(s.Effect).toBe('Allow');
    expect(s.Principal).toBe('*');
    expect(s.Action).toEqual(['oam:CreateLink', 'oam:UpdateLink']);
    expect(s.Condition.StringEquals).toEqual({ 'aws:PrincipalOrgID': 'o-abcdefghij' });
    expect(s.Condition['ForAllValues:StringEquals']['oam:ResourceTypes'].sort()).toEqual([...ALL_TYPES].sort());
    expect(monitoring.resolve(sink.sinkArn)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Sink/), 'Arn'] });
  });

  test('listed accounts: only those principals, no organization condition', () => {
    const { monitoring } = stacks();
    new MonitoringAccountSink(monitoring, 'Sink', { sourceAccounts: ['222222222222', '333333333333'] });
    const [s] = sinkPolicy(monitoring).Statement;
    expect(s.Principal).toEqual({ AWS: ['222222222222', '333333333333'] });
    expect(s.Condition.StringEquals).toBeUndefined();
    expect(s.Condition['ForAllValues:StringEquals']['oam:ResourceTypes']).toHaveLength(3);
  });

  test('telemetryTypes narrows the resource types the sink accepts', () => {
    const { monitoring } = stacks();
    new MonitoringAccountSink(monitoring, 'Sink', { organizationId: 'o-abcdefghij', telemetryTypes: [TelemetryType.METRICS] });
    expect(sinkPolicy(monitoring).Statement[0].Condition['ForAllValues:StringEquals']['oam:ResourceTypes']).toEqual(['AWS::CloudWatch::Metric']);
  });

  test.each([
    [{}, /exactly one of organizationId and sourceAccounts \(got neither\)/],
    [{ organizationId: 'o-abcdefghij', sourceAccounts: ['222222222222'] }, /exactly one of .* \(got both\)/],
    [{ organizationId: 'r-abcd' }, /organizationId "r-abcd" is not a valid AWS Organizations id/],
    [{ sourceAccounts: ['2222'] }, /sourceAccounts\[0\] "2222" is not a valid AWS account ID/],
    [{ sourceAccounts: '222222222222' }, /sourceAccounts must be a list/],
    [{ sourceAccounts: [] }, /sourceAccounts is empty/],
    [{ sourceAccounts: ['222222222222', '222222222222'] }, /more than once/],
    [{ sourceAccounts: ['111111111111'] }, /the monitoring account itself/],
    [{ organizationId: 'o-abcdefghij', telemetryTypes: [] }, /telemetryTypes is empty/],
    [{ organizationId: 'o-abcdefghij', telemetryTypes: ['metrics'] }, /telemetryTypes\[0\] is "metrics", which is not a TelemetryType/],
    [{ organizationId: 'o-abcdefghij', sinkName: 'my sink' }, /sinkName "my sink" is not a valid sink name/],
  ])('rejects %j', (props, message) => {
    const { monitoring } = stacks();
    expect(() => new MonitoringAccountSink(monitoring, 'Sink', props as any)).toThrow(message);
  });

  test('cdk-nag: no findings in the five packs', () => {
    const { app, monitoring } = stacks();
    new MonitoringAccountSink(monitoring, 'Sink', { organizationId: 'o-abcdefghij' });
    expect(nagFindings(app, monitoring)).toEqual([]);
  });
});

describe('SourceAccountLink', () => {
  test('links to the sink (a cross-stack token) for metrics, logs and traces, labelled by account name, unfiltered', () => {
    const { monitoring, workload } = stacks();
    const sink = new MonitoringAccountSink(monitoring, 'Sink', { organizationId: 'o-abcdefghij' });
    // Cross-account references need the ARN as a literal; a same-account-style token is accepted too.
    new SourceAccountLink(workload, 'Link', { sinkArn: SINK_ARN });
    const t = Template.fromStack(workload);
    t.resourceCountIs('AWS::Oam::Link', 1);
    t.hasResourceProperties('AWS::Oam::Link', {
      SinkIdentifier: SINK_ARN,
      ResourceTypes: Match.arrayWith(ALL_TYPES),
      LabelTemplate: '$AccountName',
      LinkConfiguration: Match.absent(),
    });
    expect(sink.sinkArn).toMatch(/\$\{Token/);
  });

  test('the platform filter shares only its namespaces and log groups, in OAM filter syntax', () => {
    const { workload } = stacks();
    new SourceAccountLink(workload, 'Link', {
      sinkArn: SINK_ARN,
      metricNamespaces: PlatformLinkFilter.metricNamespaces('shop', DeploymentEnvironment.STAGING),
      logGroupNamePrefixes: PlatformLinkFilter.logGroupNamePrefixes('shop', DeploymentEnvironment.STAGING),
    });
    const link = Object.values(Template.fromStack(workload).findResources('AWS::Oam::Link'))[0].Properties;
    // OAM API reference, MetricConfiguration: "Namespace IN ('AWS/EC2', 'AWS/ELB', 'AWS/S3')".
    expect(link.LinkConfiguration.MetricConfiguration.Filter)
      .toBe("Namespace IN ('AWS/Lambda', 'AWS/ApiGateway', 'AWS/DMS', 'AWS/Batch', 'Glue', 'shop-staging')");
    // OAM API reference, LogGroupConfiguration: "LogGroupName LIKE 'aws/lambda/%' OR LogGroupName LIKE 'AWSLogs%'".
    const filter: string = link.LinkConfiguration.LogGroupConfiguration.Filter;
    expect(filter.split(' OR ')).toEqual([
      "LogGroupName LIKE '/aws/lambda/%'", "LogGroupName LIKE '/aws/batch/%'", "LogGroupName LIKE '/aws/cloudtrail/shop-staging%'",
      "LogGroupName LIKE '/aws/events/shop-staging%'", "LogGroupName LIKE '/aws/apigateway/shop-staging%'",
    ]);
    // At most five AND/OR operands per filter.
    expect(filter.split(' OR ').length - 1).toBeLessThanOrEqual(5);
  });

  test('the PROD platform namespace is the project name', () => {
    expect(PlatformLinkFilter.metricNamespaces('shop')).toContain('shop');
    expect(PlatformLinkFilter.logGroupNamePrefixes('shop')).toContain('/aws/events/shop');
  });

  test('a metric filter alone leaves log groups unfiltered', () => {
    const { workload } = stacks();
    new SourceAccountLink(workload, 'Link', { sinkArn: SINK_ARN, metricNamespaces: ['AWS/Lambda'] });
    Template.fromStack(workload).hasResourceProperties('AWS::Oam::Link', {
      LinkConfiguration: { MetricConfiguration: { Filter: "Namespace IN ('AWS/Lambda')" }, LogGroupConfiguration: Match.absent() },
    });
  });

  test.each([
    [{ sinkArn: 'my-sink' }, /sinkArn "my-sink" is not a valid OAM sink ARN/],
    [{ sinkArn: SINK_ARN.replace('111111111111', '222222222222') }, /account of this stack/],
    [{ sinkArn: SINK_ARN.replace('eu-west-1', 'us-east-1') }, /sink in us-east-1, but this stack is in eu-west-1/],
    [{ telemetryTypes: [] }, /telemetryTypes is empty/],
    [{ metricNamespaces: [] }, /metricNamespaces is empty/],
    [{ metricNamespaces: 'AWS/Lambda' }, /metricNamespaces must be a list/],
    [{ metricNamespaces: ["AWS/Lambda'"] }, /contains a quote/],
    [{ logGroupNamePrefixes: ['/aws/lambda/%'] }, /contains a quote or "%"/],
    [{ logGroupNamePrefixes: ['/a', '/b', '/c', '/d', '/e', '/f', '/g'] }, /has 7 entries.*at most five AND\/OR/],
    [{ logGroupNamePrefixes: ['/a', '/a'] }, /more than once/],
    [{ metricNamespaces: ['AWS/Lambda'], telemetryTypes: [TelemetryType.LOG_GROUPS] }, /does not include TelemetryType.METRICS/],
    [{ logGroupNamePrefixes: ['/a'], telemetryTypes: [TelemetryType.METRICS] }, /does not include TelemetryType.LOG_GROUPS/],
    [{ labelTemplate: 'prod' }, /labelTemplate "prod" is not one of/],
  ])('rejects %j', (props, message) => {
    const { workload } = stacks();
    expect(() => new SourceAccountLink(workload, 'Link', { sinkArn: SINK_ARN, ...props } as any)).toThrow(message);
  });

  test('cdk-nag: no findings in the five packs', () => {
    const { app, workload } = stacks();
    new SourceAccountLink(workload, 'Link', { sinkArn: SINK_ARN, metricNamespaces: PlatformLinkFilter.metricNamespaces('shop') });
    expect(nagFindings(app, workload)).toEqual([]);
  });
});
