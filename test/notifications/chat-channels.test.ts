import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as chatbot from 'aws-cdk-lib/aws-chatbot';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  AlarmSeverity, AlertRouting, AlertRoutingOptions, AlertTopic, PlatformMonitoring, SlackChannel, TeamsChannel,
} from '../../src';
import { DeploymentEnvironment } from '../../src/core/environment';
import { nagFindings, newStack } from '../nag-helpers';

// Chat channels through AWS Chatbot (issue 16 part 2): the synthesized configurations, their topics,
// role, guardrails and logging level, and the synth-time validation. The policies are simulated in
// test/simulation/chat-alerts.test.ts.

const SLACK: SlackChannel = { slackWorkspaceId: 'T012AB3CD4E', slackChannelId: 'C0123ABCDEF' };
const TEAMS: TeamsChannel = {
  teamId: '0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
  tenantId: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9',
  teamsChannelId: '19%3ab6ef35dc342d56ba5654e6fc6d25a071%40thread.tacv2',
};

function platform(routing: AlertRoutingOptions, stackOf?: (stack: Stack) => AlertRoutingOptions) {
  const { app, stack } = newStack();
  const fn = lambda.Function.fromFunctionName(stack, 'Orders', 'shop-orders');
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', {
    environment: DeploymentEnvironment.PROD,
    projectName: 'shop',
    lambdaFunctions: [fn],
    recipients: { emails: ['ops@example.com'], ...routing, ...stackOf?.(stack) },
  });
  return { app, stack, monitoring, template: Template.fromStack(stack) };
}

const ref = (stack: Stack, construct: { node: any }) => ({ Ref: stack.getLogicalId(construct.node.defaultChild ?? construct) });

describe('the channel configurations', () => {
  const { stack, monitoring, template } = platform({
    slackChannels: [
      { ...SLACK, severity: AlarmSeverity.CRITICAL },
      { ...SLACK, slackChannelId: 'C0EVERY001', loggingLevel: chatbot.LoggingLevel.INFO, configurationName: 'shop-all-alarms' },
    ],
    teamsChannels: [{ ...TEAMS, severity: AlarmSeverity.WARNING, teamsChannelName: 'ops' }],
  });
  const routing = monitoring.alertRouting;
  const roleArn = { 'Fn::GetAtt': [stack.getLogicalId(routing.chatChannelRole!.node.defaultChild as any), 'Arn'] };
  const guardrail = { Ref: stack.getLogicalId(routing.chatGuardrailPolicies[0].node.defaultChild as any) };

  test('a severity channel subscribes to its severity topic, created for it without any email', () => {
    expect(routing.criticalTopic).toBeDefined();
    expect(routing.warningTopic).toBeDefined();
    template.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'shop-prod-alerts-critical' });
    template.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'shop-prod-alerts-warning' });
    template.hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', {
      ConfigurationName: 'shop-prod-slack-C0123ABCDEF',
      SlackWorkspaceId: 'T012AB3CD4E',
      SlackChannelId: 'C0123ABCDEF',
      SnsTopicArns: [ref(stack, routing.criticalTopic as any)],
    });
    template.hasResourceProperties('AWS::Chatbot::MicrosoftTeamsChannelConfiguration', {
      ConfigurationName: 'shop-prod-teams-8f959d5b66',
      TeamId: TEAMS.teamId,
      TeamsTenantId: TEAMS.tenantId,
      TeamsChannelId: TEAMS.teamsChannelId,
      TeamsChannelName: 'ops',
      SnsTopicArns: [ref(stack, routing.warningTopic as any)],
    });
  });

  test('a channel without severity subscribes to the alert topic (every alarm), with its own name and logging level', () => {
    template.hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', {
      ConfigurationName: 'shop-all-alarms',
      SlackChannelId: 'C0EVERY001',
      SnsTopicArns: [ref(stack, monitoring.alertTopic.topic)],
      LoggingLevel: 'INFO',
    });
  });

  test('the severity topics are where the alarms of that severity go (besides the alert topic)', () => {
    const actions = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmActions ?? []);
    const critical = actions.filter((a) => JSON.stringify(a).includes(JSON.stringify(ref(stack, routing.criticalTopic as any))));
    const warning = actions.filter((a) => JSON.stringify(a).includes(JSON.stringify(ref(stack, routing.warningTopic as any))));
    expect(critical.length).toBeGreaterThan(0);
    expect(warning.length).toBeGreaterThan(0);
    for (const a of [...critical, ...warning]) expect(a).toContainEqual(ref(stack, monitoring.alertTopic.topic));
    expect(critical.filter((a) => warning.includes(a))).toEqual([]);
  });

  test('every configuration: the one channel role, the notifications-only guardrail, ERROR logging by default, no user roles', () => {
    const configs = [
      ...Object.values(template.findResources('AWS::Chatbot::SlackChannelConfiguration')),
      ...Object.values(template.findResources('AWS::Chatbot::MicrosoftTeamsChannelConfiguration')),
    ];
    expect(configs).toHaveLength(3);
    for (const c of configs) {
      expect(c.Properties.IamRoleArn).toEqual(roleArn);
      expect(c.Properties.GuardrailPolicies).toEqual([guardrail]);
      expect(c.Properties.UserRoleRequired).toBe(false);
      if (c.Properties.ConfigurationName !== 'shop-all-alarms') expect(c.Properties.LoggingLevel).toBe('ERROR');
    }
  });

  test('the channel role: trusted by AWS Chatbot only, with the read-only CloudWatch notifications policy only', () => {
    template.resourcePropertiesCountIs('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'chatbot.amazonaws.com' } })]) }),
    }, 1);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'chatbot.amazonaws.com' } }],
      },
      ManagedPolicyArns: [guardrail],
    });
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [{
          Sid: 'ReadCloudWatchForAlarmNotifications', Effect: 'Allow', Action: ['cloudwatch:Describe*', 'cloudwatch:Get*', 'cloudwatch:List*'], Resource: '*',
        }],
      },
    });
    // Nothing else is attached to the role.
    const roleName = stack.getLogicalId(routing.chatChannelRole!.node.defaultChild as any);
    const inline = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles ?? []).includes(roleName));
    expect(inline).toEqual([]);
  });

  // Keyed by channel, not list position: removing or reordering a channel replaces none of the others.
  test('a Teams configuration keeps its name and logical id when another channel is added before it', () => {
    const other = { ...TEAMS, teamsChannelId: '19%3a0000000000000000000000000000aaaa%40thread.tacv2' };
    const idsAndNames = (channels: any[]) => {
      const s = newStack().stack;
      new PlatformMonitoring(s, 'M', { environment: DeploymentEnvironment.PROD, projectName: 'shop', recipients: { teamsChannels: channels } });
      const found = Template.fromStack(s).findResources('AWS::Chatbot::MicrosoftTeamsChannelConfiguration');
      return Object.entries(found).map(([id, r]: [string, any]) => `${id} ${r.Properties.ConfigurationName} ${r.Properties.TeamsChannelId}`);
    };
    const alone = idsAndNames([TEAMS]);
    const after = idsAndNames([other, TEAMS]);
    expect(alone).toHaveLength(1);
    expect(alone[0]).toMatch(/ shop-prod-teams-8f959d5b66 19%3ab6ef35dc342d56ba5654e6fc6d25a071%40thread\.tacv2$/);
    expect(after).toContain(alone[0]);
    expect(after).toHaveLength(2);
  });

  test('the configurations are exposed in order', () => {
    expect(routing.slackChannelConfigurations.map((c) => c.slackChannelConfigurationName)).toEqual(['shop-prod-slack-C0123ABCDEF', 'shop-all-alarms']);
    expect(routing.teamsChannelConfigurations.map((c) => c.configurationName)).toEqual(['shop-prod-teams-8f959d5b66']);
  });
});

test('without chat channels: no configuration, role or policy, and no severity topic without recipients', () => {
  const { monitoring, template } = platform({});
  template.resourceCountIs('AWS::Chatbot::SlackChannelConfiguration', 0);
  template.resourceCountIs('AWS::Chatbot::MicrosoftTeamsChannelConfiguration', 0);
  template.resourcePropertiesCountIs('AWS::IAM::Role', {
    AssumeRolePolicyDocument: Match.objectLike({ Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'chatbot.amazonaws.com' } })]) }),
  }, 0);
  expect(monitoring.alertRouting.chatChannelRole).toBeUndefined();
  expect(monitoring.alertRouting.chatGuardrailPolicies).toEqual([]);
  expect(monitoring.alertRouting.criticalTopic).toBeUndefined();
});

test('a channel role and guardrails of the user\'s own are used as given, and no notifications policy is created', () => {
  const { stack, template } = platform({ slackChannels: [SLACK] }, (s) => ({
    chatChannelRole: iam.Role.fromRoleArn(s, 'OwnRole', 'arn:aws:iam::123456789012:role/chatbot-channel'),
    chatGuardrailPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')],
  }));
  expect(stack).toBeDefined();
  template.hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', {
    IamRoleArn: 'arn:aws:iam::123456789012:role/chatbot-channel',
    GuardrailPolicies: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] }],
  });
  expect(Object.values(template.findResources('AWS::IAM::ManagedPolicy')).filter((p) =>
    JSON.stringify(p).includes('ReadCloudWatchForAlarmNotifications'))).toEqual([]);
});

test('the standalone AlertRouting takes chat channels too; channels wanting every alarm need its alertTopic', () => {
  const { stack } = newStack();
  const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
  const alertTopic = new AlertTopic(stack, 'Alerts', { projectName: 'shop', encryptionKey: key }).topic;
  new AlertRouting(stack, 'Routing', { projectName: 'shop', encryptionKey: key, alertTopic, slackChannels: [SLACK], teamsChannels: [TEAMS] });
  const template = Template.fromStack(stack);
  template.hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', { SnsTopicArns: [{ Ref: stack.getLogicalId(alertTopic.node.defaultChild as any) }] });
  template.hasResourceProperties('AWS::Chatbot::MicrosoftTeamsChannelConfiguration', { SnsTopicArns: [{ Ref: stack.getLogicalId(alertTopic.node.defaultChild as any) }] });

  expect(() => new AlertRouting(stack, 'NoTopic', { projectName: 'shop', encryptionKey: key, teamsChannels: [TEAMS] }))
    .toThrow(/recipients\.teamsChannels\[0\] has no severity, so it wants every alarm, but AlertRouting has no `alertTopic`: pass the topic/);
});

test('cdk-nag: a platform with Slack and Teams channels has no finding in the five packs', () => {
  const { app, stack } = platform({
    criticalEmails: ['oncall@example.com'],
    slackChannels: [{ ...SLACK, severity: AlarmSeverity.CRITICAL }, { ...SLACK, slackChannelId: 'C0EVERY001' }],
    teamsChannels: [{ ...TEAMS, severity: AlarmSeverity.WARNING }],
  });
  expect(nagFindings(app, stack)).toEqual([]);
});

describe('validation says what is wrong and how to fix it', () => {
  const fails = (routing: AlertRoutingOptions) => () => platform(routing);

  test.each([
    [{ ...SLACK, slackWorkspaceId: 'acme' }, /slackChannels\[0\]\.slackWorkspaceId is "acme", which is not a Slack workspace id: copy it from the AWS Chatbot console/],
    [{ ...SLACK, slackWorkspaceId: 'E012AB3CD4E' }, /starts with "T"/],
    [{ ...SLACK, slackChannelId: '#alerts' }, /slackChannels\[0\]\.slackChannelId is "#alerts", which is not a Slack channel id: pass the channel id, not its name/],
    [{ ...SLACK, configurationName: 'my alerts' }, /slackChannels\[0\]\.configurationName is "my alerts", which is not an AWS Chatbot configuration name: use 1 to 128 letters/],
    [{ ...SLACK, configurationName: 'a'.repeat(129) }, /this one has 129 characters: shorten it/],
    [{ ...SLACK, severity: 'critical' as any }, /slackChannels\[0\]\.severity is "critical", which is not a AlarmSeverity: .*did you mean AlarmSeverity\.CRITICAL/],
    [{ ...SLACK, loggingLevel: 'DEBUG' as any }, /slackChannels\[0\]\.loggingLevel is "DEBUG", which is not a LoggingLevel/],
  ])('Slack %#', (channel, message) => {
    expect(fails({ slackChannels: [channel as SlackChannel] })).toThrow(message);
  });

  test.each([
    [{ ...TEAMS, teamId: 'my-team' }, /teamsChannels\[0\]\.teamId is "my-team", which is not a Microsoft Teams team id: .*GUID/],
    [{ ...TEAMS, tenantId: '1234' }, /teamsChannels\[0\]\.tenantId is "1234", which is not a Microsoft Entra tenant id/],
    [{ ...TEAMS, teamsChannelId: '19:b6ef35dc342d56ba5654e6fc6d25a071@thread.tacv2' },
      /teamsChannelId is "19:b6ef.*", which is not a URL-encoded Microsoft Teams channel id: .*write ":" as "%3a" and "@" as "%40"/],
  ])('Teams %#', (channel, message) => {
    expect(fails({ teamsChannels: [channel as TeamsChannel] })).toThrow(message);
  });

  test('the same channel twice, and two configurations with one name', () => {
    expect(fails({ slackChannels: [SLACK, { ...SLACK, severity: AlarmSeverity.CRITICAL }] }))
      .toThrow(/recipients\.slackChannels lists Slack channel "C0123ABCDEF" of workspace "T012AB3CD4E" more than once \(entries 0 and 1\): AWS Chatbot allows one configuration per channel; a channel that wants critical and warning alarms omits `severity`/);
    expect(fails({ teamsChannels: [TEAMS, { ...TEAMS, teamsChannelId: TEAMS.teamsChannelId.toUpperCase().replace('%3A', '%3a') }] }))
      .toThrow(/teamsChannels lists Teams channel .* more than once/);
    expect(fails({ slackChannels: [{ ...SLACK, configurationName: 'ops' }], teamsChannels: [{ ...TEAMS, configurationName: 'ops' }] }))
      .toThrow(/configurationName "ops" more than once .*: AWS Chatbot configuration names are unique in the account, .*give each channel its own `configurationName`/);
  });

  test('a single channel instead of a list, and an empty guardrail list', () => {
    expect(fails({ slackChannels: SLACK as any })).toThrow(/recipients\.slackChannels must be a list/);
    expect(fails({ slackChannels: [SLACK], chatGuardrailPolicies: [] }))
      .toThrow(/recipients\.chatGuardrailPolicies is an empty list: AWS Chatbot would apply AdministratorAccess as the guardrail\. Omit the prop/);
  });

  test('a channel for every alarm while alarms do not notify the alert topic', () => {
    const { stack } = newStack();
    expect(() => new PlatformMonitoring(stack, 'Monitoring', {
      environment: DeploymentEnvironment.PROD,
      projectName: 'shop',
      alarms: { notifyAlertTopic: false },
      recipients: { warningEmails: ['team@example.com'], slackChannels: [{ ...SLACK, severity: AlarmSeverity.CRITICAL }], teamsChannels: [TEAMS] },
    })).toThrow(/recipients\.teamsChannels\[0\] has no severity, so it subscribes to the alert topic, but alarms\.notifyAlertTopic is false: no alarm would reach the channel\. Set the channel's `severity`/);
  });

  test('a default name that would be too long names the prop to set', () => {
    expect(fails({ slackChannels: [{ ...SLACK, slackChannelId: `C${'0'.repeat(120)}` }] }))
      .toThrow(/the default Slack configuration name \(set `configurationName`\) is "shop-prod-slack-C0+", which is not an AWS Chatbot configuration name/);
  });
});
