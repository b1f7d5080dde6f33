import { App, Stack } from 'aws-cdk-lib';
import * as chatbot from 'aws-cdk-lib/aws-chatbot';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as logs from 'aws-cdk-lib/aws-logs';
import { DeploymentEnvironment, EventsDeliveryPolicy, PlatformMonitoring, PlatformMonitoringProps, ServiceLogGroupMode } from '../../src';
import { estateProblems } from '../../src/private/estate-check';
import { RECOMMENDED_CONTEXT } from '../nag-helpers';

const ACCOUNT = '123456789012';

/** Every resource of every template of the app (nested ones included), with its stack's env. */
function resources(app: App): { type: string; props: any; account: string; region: string }[] {
  const assembly = app.synth();
  const out: { type: string; props: any; account: string; region: string }[] = [];
  const visit = (stack: Stack) => {
    const template = JSON.parse(JSON.stringify(stack.resolve((stack as any)._toCloudFormation())));
    for (const r of Object.values<any>(template.Resources ?? {})) {
      out.push({ type: r.Type, props: r.Properties ?? {}, account: stack.account, region: stack.region });
    }
  };
  for (const c of app.node.findAll()) if (Stack.isStack(c)) visit(c);
  expect(assembly.stacks.length).toBeGreaterThan(0);
  return out;
}

function platform(app: App, id: string, region: string, environment: DeploymentEnvironment, extra: Partial<PlatformMonitoringProps> = {}) {
  const stack = new Stack(app, id, { env: { account: ACCOUNT, region } });
  return new PlatformMonitoring(stack, 'Monitoring', { projectName: 'shop', environment, recipients: { emails: ['ops@example.com'] }, batchJobQueues: ['orders'], ...extra });
}

// DEV, STAGING and PROD of one project in one account, and PROD again in a second Region.
describe('several platforms of one project in one account', () => {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  platform(app, 'Dev', 'eu-west-1', DeploymentEnvironment.DEV);
  platform(app, 'Staging', 'eu-west-1', DeploymentEnvironment.STAGING);
  platform(app, 'Prod', 'eu-west-1', DeploymentEnvironment.PROD);
  platform(app, 'ProdUs', 'us-east-1', DeploymentEnvironment.PROD, { regionInNames: true });
  const all = resources(app);

  test('synth passes: no collision, trail or policy problem', () => {
    expect(estateProblems(app)).toEqual([]);
  });

  test('every physical name is unique in its scope (AWS, account, account and Region)', () => {
    const scoped: [string, string, (r: any) => string][] = [
      ['AWS::S3::Bucket', 'BucketName', () => 'aws'],
      ['AWS::CloudWatch::Dashboard', 'DashboardName', (r) => r.account],
      ['AWS::CloudTrail::Trail', 'TrailName', (r) => r.account], // multi-Region trails
      ['AWS::Logs::LogGroup', 'LogGroupName', (r) => `${r.account}/${r.region}`],
      ['AWS::SNS::Topic', 'TopicName', (r) => `${r.account}/${r.region}`],
      ['AWS::CloudWatch::Alarm', 'AlarmName', (r) => `${r.account}/${r.region}`],
      ['AWS::CloudWatch::CompositeAlarm', 'AlarmName', (r) => `${r.account}/${r.region}`],
      ['AWS::KMS::Alias', 'AliasName', (r) => `${r.account}/${r.region}`],
      ['AWS::Logs::ResourcePolicy', 'PolicyName', (r) => `${r.account}/${r.region}`],
    ];
    for (const [type, prop, scopeOf] of scoped) {
      const names = all.filter((r) => r.type === type && typeof r.props[prop] === 'string').map((r) => `${scopeOf(r)}|${r.props[prop]}`);
      expect({ type, duplicates: names.filter((n, i) => names.indexOf(n) !== i) }).toEqual({ type, duplicates: [] });
    }
    // Four dashboards' worth of names at least, and the four trails.
    expect(all.filter((r) => r.type === 'AWS::CloudTrail::Trail')).toHaveLength(4);
  });

  test('/aws/batch/job is created once per account and Region', () => {
    const batch = all.filter((r) => r.type === 'AWS::Logs::LogGroup' && r.props.LogGroupName === '/aws/batch/job');
    expect(batch.map((r) => r.region).sort()).toEqual(['eu-west-1', 'us-east-1']);
  });

  test('the second Region\'s account-global names end with its Region; the first Region\'s names are unchanged', () => {
    const dashboards = all.filter((r) => r.type === 'AWS::CloudWatch::Dashboard').map((r) => `${r.region} ${r.props.DashboardName}`);
    expect(dashboards).toEqual(expect.arrayContaining([
      'eu-west-1 shop-data-pipeline', 'eu-west-1 shop-data-pipeline-dev', 'us-east-1 shop-data-pipeline-us-east-1',
    ]));
    const trails = all.filter((r) => r.type === 'AWS::CloudTrail::Trail').map((r) => r.props.TrailName).sort();
    expect(trails).toEqual(['shop-dev-audit-trail', 'shop-prod-audit-trail', 'shop-prod-audit-trail-us-east-1', 'shop-staging-audit-trail']);
    const buckets = all.filter((r) => r.type === 'AWS::S3::Bucket' && typeof r.props.BucketName === 'string').map((r) => r.props.BucketName).sort();
    expect(buckets).toEqual([
      'shop-cloudtrail-logs-123456789012', 'shop-cloudtrail-logs-123456789012-us-east-1',
      'shop-dev-cloudtrail-logs-123456789012', 'shop-staging-cloudtrail-logs-123456789012',
    ]);
  });

  test('one CloudWatch Logs resource policy per account and Region, whatever the number of platforms there', () => {
    // An account holds at most 10 account-level resource policies per Region (PutResourcePolicy): DEV,
    // STAGING and PROD share one in eu-west-1, over every platform events group of the account and Region.
    const policies = all.filter((x) => x.type === 'AWS::Logs::ResourcePolicy');
    expect(policies.map((r) => `${r.account} ${r.region} ${r.props.PolicyName}`).sort()).toEqual([
      `${ACCOUNT} eu-west-1 platform-monitoring-events-to-logs`, `${ACCOUNT} us-east-1 platform-monitoring-events-to-logs`,
    ]);
    for (const p of policies) expect(JSON.stringify(p.props.PolicyDocument)).toContain(':log-group:/aws/events/*/platform:*');
    const groups = all.filter((r) => r.type === 'AWS::Logs::LogGroup' && /^\/aws\/events\//.test(r.props.LogGroupName))
      .map((r) => `${r.region} ${r.props.LogGroupName}`).sort();
    expect(groups).toEqual(['eu-west-1 /aws/events/shop-dev/platform', 'eu-west-1 /aws/events/shop-staging/platform',
      'eu-west-1 /aws/events/shop/platform', 'us-east-1 /aws/events/shop/platform']);
  });
});

describe('the app-wide check fires', () => {
  test('on a name two platforms would both create', () => {
    const app = new App({ context: RECOMMENDED_CONTEXT });
    platform(app, 'Prod', 'eu-west-1', DeploymentEnvironment.PROD);
    platform(app, 'ProdUs', 'us-east-1', DeploymentEnvironment.PROD); // without regionInNames
    const problems = estateProblems(app);
    expect(problems).toContain('The bucket name "shop-cloudtrail-logs-123456789012" is created twice, by '
      + 'Prod/Monitoring/Audit/Bucket/Resource and ProdUs/Monitoring/Audit/Bucket/Resource: it must be unique in all of AWS, '
      + 'so the second deploy fails with "already exists". For the same project and environment in two Regions of one '
      + 'account, set regionInNames: true on the platform of the second Region; otherwise give the platforms different '
      + 'projectName or environment values.');
    expect(problems).toContain('The dashboard name "shop-data-pipeline" is created twice, by '
      + 'Prod/Monitoring/DataPipelineDashboard/Resource/Resource and ProdUs/Monitoring/DataPipelineDashboard/Resource/Resource: it must be '
      + 'unique in account 123456789012 (every Region), so the second deploy fails with "already exists". For the same '
      + 'project and environment in two Regions of one account, set regionInNames: true on the platform of the second '
      + 'Region; otherwise give the platforms different projectName or environment values.');
    expect(problems.some((p) => p.startsWith('The trail name "shop-prod-audit-trail" is created twice'))).toBe(true);
    expect(() => app.synth()).toThrow(/The bucket name "shop-cloudtrail-logs-123456789012" is created twice/);
  });

  test('on /aws/batch/job created twice in one account and Region', () => {
    const app = new App({ context: RECOMMENDED_CONTEXT });
    platform(app, 'Dev', 'eu-west-1', DeploymentEnvironment.DEV);
    platform(app, 'Staging', 'eu-west-1', DeploymentEnvironment.STAGING, { logging: { batchLogGroupMode: ServiceLogGroupMode.CREATE } });
    expect(estateProblems(app)).toEqual(['The log group name "/aws/batch/job" is created twice, by '
      + 'Dev/Monitoring/Logging/BatchLogGroup/Resource and Staging/Monitoring/Logging/BatchLogGroup/Resource: it must be unique '
      + 'in account 123456789012, Region eu-west-1, so the second deploy fails with "already exists". For a service log '
      + 'group shared by the account and Region (such as /aws/batch/job), let one platform create it and set '
      + 'logging.batchLogGroupMode to ServiceLogGroupMode.USE_EXISTING (or another logging.batchLogGroupName) in the others.']);
  });

  test('on more than 5 trails in a Region (a multi-Region trail counts in every Region)', () => {
    const app = new App({ context: RECOMMENDED_CONTEXT });
    for (const [i, env] of [DeploymentEnvironment.DEV, DeploymentEnvironment.STAGING, DeploymentEnvironment.PROD].entries()) {
      platform(app, `A${i}`, 'eu-west-1', env, { projectName: 'alpha' });
      platform(app, `B${i}`, 'eu-west-1', env, { projectName: 'beta', logging: { batchLogGroupMode: ServiceLogGroupMode.USE_EXISTING } });
    }
    const problems = estateProblems(app);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^6 trails would exist in account 123456789012, every Region \(A0\/Monitoring\/Audit\/Resource, /);
    expect(problems[0]).toContain('but CloudTrail allows at most 5 per Region, a multi-Region trail counting in every Region '
      + '(and trails that exist in the account count too). Let the platforms read one trail: set audit.existingTrailLogGroup '
      + 'to the log group of a trail that exists (e.g. the first platform\'s), so the others create none.');
  });

  test('a single-Region trail counts in its Region only', () => {
    // Four multi-Region platform trails, plus single-Region trails of the account: two in eu-west-1
    // make 6 there (over 5), one in us-east-1 makes 5 there (allowed).
    const app = new App({ context: RECOMMENDED_CONTEXT });
    for (const [i, env] of [DeploymentEnvironment.DEV, DeploymentEnvironment.STAGING, DeploymentEnvironment.PROD].entries()) {
      platform(app, `A${i}`, 'eu-west-1', env, { projectName: 'alpha', logging: { batchLogGroupMode: ServiceLogGroupMode.USE_EXISTING } });
    }
    platform(app, 'B0', 'eu-west-1', DeploymentEnvironment.PROD, { projectName: 'beta', logging: { batchLogGroupMode: ServiceLogGroupMode.USE_EXISTING } });
    const regional = (region: string, id: string) => new cloudtrail.CfnTrail(new Stack(app, id, { env: { account: ACCOUNT, region } }), 'Trail', {
      isLogging: true, s3BucketName: `${id.toLowerCase()}-bucket`, isMultiRegionTrail: false,
    });
    regional('eu-west-1', 'Eu1');
    regional('eu-west-1', 'Eu2');
    regional('us-east-1', 'Us1');
    const problems = estateProblems(app);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^6 trails would exist in account 123456789012, Region eu-west-1 \(A0\/Monitoring\/Audit\/Resource, .*Eu1\/Trail, Eu2\/Trail\)/);
  });

  test('on more than 10 CloudWatch Logs resource policies in an account and Region', () => {
    const app = new App({ context: RECOMMENDED_CONTEXT });
    const stack = new Stack(app, 'Other', { env: { account: ACCOUNT, region: 'eu-west-1' } });
    for (let i = 0; i < 10; i++) new logs.CfnResourcePolicy(stack, `P${i}`, { policyName: `other-${i}`, policyDocument: '{}' });
    platform(app, 'Prod', 'eu-west-1', DeploymentEnvironment.PROD);
    const problems = estateProblems(app);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^11 CloudWatch Logs resource policies would exist in account 123456789012, Region eu-west-1 \(/);
    expect(problems[0]).toContain('but CloudWatch Logs allows at most 10 per account and Region (not adjustable; policies '
      + 'that exist in the account count too). The platforms of an account and Region share one '
      + '(platform-monitoring-events-to-logs, EventBridge delivery to their events log groups) unless '
      + 'alarms.eventsDeliveryPolicy is EventsDeliveryPolicy.PER_LOG_GROUP: use the shared policy, or remove other resource policies.');
  });

  test('on the shared EventBridge delivery policy created twice (environment-agnostic stacks), and not once EXISTING is set', () => {
    const agnostic = (app: App, id: string, projectName: string, extra: Partial<PlatformMonitoringProps> = {}) =>
      new PlatformMonitoring(new Stack(app, id), 'Monitoring', {
        projectName, environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, ...extra,
      });
    const app = new App({ context: RECOMMENDED_CONTEXT });
    agnostic(app, 'Shop', 'shop');
    agnostic(app, 'Blog', 'blog');
    expect(estateProblems(app)).toEqual(['The CloudWatch Logs resource policy name "platform-monitoring-events-to-logs" is '
      + 'created twice, by Shop/Monitoring/Alarms/Events/DeliveryPolicy/ResourcePolicy and Blog/Monitoring/Alarms/Events/DeliveryPolicy/ResourcePolicy: '
      + 'it must be unique in account <the deploy account>, Region <the deploy Region>, so the second deploy fails with '
      + '"already exists". The shared EventBridge delivery policy (platform-monitoring-events-to-logs) is created by one '
      + 'platform of the account and Region: set alarms.eventsDeliveryPolicy to EventsDeliveryPolicy.EXISTING in the others '
      + '(in an environment-agnostic stack, the platform cannot know which account it shares).']);
    const fixed = new App({ context: RECOMMENDED_CONTEXT });
    agnostic(fixed, 'Shop', 'shop');
    agnostic(fixed, 'Blog', 'blog', { alarms: { eventsDeliveryPolicy: EventsDeliveryPolicy.EXISTING } });
    expect(estateProblems(fixed)).toEqual([]);
  });

  test('on one chat channel configured twice in an account', () => {
    const app = new App({ context: RECOMMENDED_CONTEXT });
    platform(app, 'Prod', 'eu-west-1', DeploymentEnvironment.PROD);
    const stack = new Stack(app, 'Chat', { env: { account: ACCOUNT, region: 'us-east-1' } });
    for (const id of ['A', 'B']) {
      new chatbot.CfnSlackChannelConfiguration(stack, id, {
        configurationName: `cfg-${id}`, iamRoleArn: 'arn:aws:iam::123456789012:role/x', slackChannelId: 'C0123', slackWorkspaceId: 'T0123',
      });
    }
    expect(estateProblems(app)).toEqual(['The Slack channel C0123 has 2 AWS Chatbot configurations in account 123456789012 '
      + '(Chat/A, Chat/B): AWS Chatbot accepts one configuration per channel in an account. Give each platform its own '
      + 'channel, or configure the channel in one platform only and name its configuration ARN in the others\' '
      + 'recipients.existingChatChannels (the configuring platform lists their topics in the channel\'s additionalTopicArns).']);
  });
});

test('regionInNames needs a literal Region', () => {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'Agnostic');
  expect(() => new PlatformMonitoring(stack, 'Monitoring', { projectName: 'shop', environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, regionInNames: true }))
    .toThrow('regionInNames needs the stack\'s Region at synth: it ends the dashboard, trail and trail bucket names. Give the '
      + 'stack an env with a literal region (env: { account, region: \'eu-west-1\' }).');
});
