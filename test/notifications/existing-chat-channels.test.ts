import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AlarmSeverity, AlertRoutingOptions, DeploymentEnvironment, PlatformMonitoring, SlackChannel } from '../../src';
import { estateProblems } from '../../src/private/estate-check';
import { newApp } from '../fixtures';

// A chat channel given by the ARN of its existing AWS Chatbot configuration: AWS Chatbot accepts one
// configuration per channel in an account, so DEV posts to the channel PROD configured (and the
// other way round) instead of creating a second configuration that would fail at deploy.

const ACCOUNT = '123456789012';
const SLACK: SlackChannel = { slackWorkspaceId: 'T012AB3CD4E', slackChannelId: 'C0123ABCDEF' };
const PROD_CONFIGURATION = `arn:aws:chatbot::${ACCOUNT}:chat-configuration/slack-channel/shop-prod-slack-C0123ABCDEF`;

function platform(app: App, id: string, environment: DeploymentEnvironment, alertRouting: AlertRoutingOptions) {
  const stack = new Stack(app, id, { env: { account: ACCOUNT, region: 'eu-west-1' } });
  const fn = lambda.Function.fromFunctionName(stack, 'Orders', 'shop-orders');
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', {
    environment, projectName: 'shop', lambdaFunctions: [fn], recipients: { emails: ['ops@example.com'], ...alertRouting },
  });
  return { stack, monitoring };
}

describe('DEV posts to the channel PROD configured', () => {
  const app = newApp();
  const dev = platform(app, 'Dev', DeploymentEnvironment.DEV, {
    existingChatChannels: [{ configurationArn: PROD_CONFIGURATION }, { configurationArn: PROD_CONFIGURATION, severity: AlarmSeverity.CRITICAL }],
  });
  const prod = platform(app, 'Prod', DeploymentEnvironment.PROD, {
    slackChannels: [{ ...SLACK, additionalTopicArns: dev.monitoring.alertRouting.existingChatChannelTopics.map((t) => t.topicArn) }],
  });
  const devTemplate = Template.fromStack(dev.stack);
  const prodTemplate = Template.fromStack(prod.stack);

  test('DEV creates no configuration, channel role or guardrail', () => {
    devTemplate.resourceCountIs('AWS::Chatbot::SlackChannelConfiguration', 0);
    devTemplate.resourceCountIs('AWS::Chatbot::MicrosoftTeamsChannelConfiguration', 0);
    expect(devTemplate.findResources('AWS::IAM::Role', {
      Properties: {
        AssumeRolePolicyDocument: Match.objectLike({
          Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'chatbot.amazonaws.com' } })]),
        }),
      },
    })).toEqual({});
    expect(prod.stack.resolve(Template.fromStack(prod.stack).findResources('AWS::IAM::Role', {
      Properties: {
        AssumeRolePolicyDocument: Match.objectLike({
          Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'chatbot.amazonaws.com' } })]),
        }),
      },
    }))).not.toEqual({}); // the matcher finds PROD's channel role
    expect(dev.monitoring.alertRouting.chatChannelRole).toBeUndefined();
  });

  test('DEV exposes and outputs the topic each configuration must deliver: the alert topic, or the severity topic (created for it)', () => {
    const [all, critical] = dev.monitoring.alertRouting.existingChatChannelTopics;
    expect(all).toBe(dev.monitoring.alertTopic.topic);
    expect(critical).toBe(dev.monitoring.alertRouting.criticalTopic);
    devTemplate.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'shop-dev-alerts-critical' });
    const outputs = devTemplate.findOutputs('*', { Description: Match.stringLikeRegexp(`^The SNS topic AWS Chatbot configuration ${PROD_CONFIGURATION} must deliver`) });
    expect(Object.values(outputs).map((o: any) => o.Value)).toEqual([
      { Ref: dev.stack.getLogicalId(dev.monitoring.alertTopic.topic.node.defaultChild as any) },
      { Ref: dev.stack.getLogicalId(critical.node.defaultChild as any) },
    ]);
  });

  test('DEV warns, once, what to add where (acknowledgeable by its id)', () => {
    const warnings = Annotations.fromStack(dev.stack).findWarning('*', Match.stringLikeRegexp('existingChatChannels'));
    expect(warnings).toHaveLength(1);
    const text = String(warnings[0].entry.data);
    expect(text).toMatch(/^recipients\.existingChatChannels: no alarm of this platform reaches these channels until their AWS Chatbot configurations deliver its topics, which the platform cannot add itself: /);
    expect(text).toContain(`${PROD_CONFIGURATION}: the alert topic (stack output `);
    expect(text).toContain(`${PROD_CONFIGURATION}: the CRITICAL topic (stack output `);
    expect(text).toContain('[ack: cdk-platform-monitoring:existingChatChannel]');
  });

  test('PROD\'s configuration delivers its own alert topic and DEV\'s topics', () => {
    const config = Object.values(prodTemplate.findResources('AWS::Chatbot::SlackChannelConfiguration'))[0] as any;
    expect(config.Properties.SnsTopicArns).toHaveLength(3);
    expect(config.Properties.SnsTopicArns[0]).toEqual({ Ref: prod.stack.getLogicalId(prod.monitoring.alertTopic.topic.node.defaultChild as any) });
    // DEV's topics reach PROD's template as cross-stack imports.
    expect(JSON.stringify(config.Properties.SnsTopicArns.slice(1))).toMatch(/^\[\{"Fn::ImportValue":"Dev:.*\},\{"Fn::ImportValue":"Dev:.*\}\]$/);
  });

  test('the app-wide check finds one configuration of the channel in the account', () => {
    expect(estateProblems(app)).toEqual([]);
  });
});

test('additionalTopicArns given as literal ARNs, on a Teams channel too', () => {
  const app = newApp();
  const topic = `arn:aws:sns:eu-west-1:${ACCOUNT}:shop-dev-alerts`;
  const { stack } = platform(app, 'Prod', DeploymentEnvironment.PROD, {
    slackChannels: [{ ...SLACK, additionalTopicArns: [topic] }],
    teamsChannels: [{
      teamId: '0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
      tenantId: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9',
      teamsChannelId: '19%3ab6ef35dc342d56ba5654e6fc6d25a071%40thread.tacv2',
      additionalTopicArns: [topic],
    }],
  });
  const t = Template.fromStack(stack);
  t.hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', { SnsTopicArns: [Match.anyValue(), topic] });
  t.hasResourceProperties('AWS::Chatbot::MicrosoftTeamsChannelConfiguration', { SnsTopicArns: [Match.anyValue(), topic] });
});

describe('validation says what is wrong and how to fix it', () => {
  const build = (alertRouting: AlertRoutingOptions) => () => platform(newApp(), 'Dev', DeploymentEnvironment.DEV, alertRouting);

  test('a configuration ARN that is not one', () => {
    for (const arn of ['shop-prod-slack-C0123ABCDEF', `arn:aws:sns:eu-west-1:${ACCOUNT}:shop-alerts`,
      `arn:aws:chatbot::${ACCOUNT}:chat-configuration/slack-channel/has space`, 'arn:aws:chatbot::12345:chat-configuration/slack-channel/x']) {
      expect(build({ existingChatChannels: [{ configurationArn: arn }] })).toThrow(
        `recipients.existingChatChannels[0].configurationArn is "${arn}", which is not the ARN of an AWS Chatbot channel configuration: `
        + 'copy it from the AWS Chatbot console (the configuration\'s details) or from `aws chatbot describe-slack-channel-configurations` '
        + '(`ChatConfigurationArn`), e.g. "arn:aws:chatbot::123456789012:chat-configuration/slack-channel/shop-alerts".');
    }
  });

  test('a configuration of another account', () => {
    const arn = 'arn:aws:chatbot::210987654321:chat-configuration/slack-channel/shop-prod';
    expect(build({ existingChatChannels: [{ configurationArn: arn }] })).toThrow(
      `recipients.existingChatChannels[0].configurationArn is "${arn}", a configuration of account 210987654321, but this stack `
      + 'deploys to account 123456789012: AWS Chatbot subscribes to a configuration\'s topics from the configuration\'s own account, '
      + 'and the platform\'s topics allow no other account. Configure the channel in this account, or post to it from a platform of its account.');
  });

  test('one configuration twice for the same alarms', () => {
    expect(build({ existingChatChannels: [{ configurationArn: PROD_CONFIGURATION }, { configurationArn: PROD_CONFIGURATION }] })).toThrow(
      `recipients.existingChatChannels lists configuration "${PROD_CONFIGURATION}" more than once (entries 0 and 1): its topic would `
      + 'be asked for twice. Remove the duplicate.');
  });

  test('a bad severity', () => {
    expect(build({ existingChatChannels: [{ configurationArn: PROD_CONFIGURATION, severity: 'PAGE' as AlarmSeverity }] }))
      .toThrow(/^recipients\.existingChatChannels\[0\]\.severity is "PAGE", which is not a AlarmSeverity/);
  });

  test('additionalTopicArns: not a topic ARN, another account\'s topic, a duplicate', () => {
    const prop = 'recipients.slackChannels[0].additionalTopicArns';
    expect(build({ slackChannels: [{ ...SLACK, additionalTopicArns: ['shop-dev-alerts'] }] })).toThrow(
      `${prop}[0] is "shop-dev-alerts", which is not an SNS topic ARN: pass the ARN of the other platform's topic, e.g. `
      + '"arn:aws:sns:eu-west-1:123456789012:shop-dev-alerts" (its `alertTopic`, or the severity topic it routes the channel\'s alarms to).');
    const foreign = 'arn:aws:sns:eu-west-1:210987654321:shop-dev-alerts';
    expect(build({ slackChannels: [{ ...SLACK, additionalTopicArns: [foreign] }] })).toThrow(
      `${prop}[0] is "${foreign}", a topic of account 210987654321, but this stack deploys to account 123456789012`);
    const topic = `arn:aws:sns:eu-west-1:${ACCOUNT}:shop-dev-alerts`;
    expect(build({ slackChannels: [{ ...SLACK, additionalTopicArns: [topic, topic] }] })).toThrow(
      `${prop} lists topic "${topic}" more than once (entries 0 and 1): the configuration would list it twice. Remove the duplicate.`);
  });

  test('an existing channel for every alarm while alarms do not notify the alert topic', () => {
    expect(() => new PlatformMonitoring(new Stack(newApp(), 'S', { env: { account: ACCOUNT, region: 'eu-west-1' } }), 'M', {
      environment: DeploymentEnvironment.PROD,
      projectName: 'shop',
      alarms: { notifyAlertTopic: false },
      recipients: { existingChatChannels: [{ configurationArn: PROD_CONFIGURATION }] },
    })).toThrow(/^recipients\.existingChatChannels\[0\] has no severity, so it subscribes to the alert topic, but alarms\.notifyAlertTopic is false/);
  });
});
