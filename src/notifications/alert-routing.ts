import * as crypto from 'crypto';
import { Annotations, CfnOutput, Stack, Token, Validations } from 'aws-cdk-lib';
import * as chatbot from 'aws-cdk-lib/aws-chatbot';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { IAlarmActionStrategy, SnsAlarmActionStrategy } from './alarm-action-strategy';
import { AlarmSeverity } from './alarm-severity';
import { AlertRoutingOptions } from './alert-routing-options';
import { AlertTopic } from './alert-topic';
import { ChatChannelOptions, ExistingChatChannel } from './chat-channel-options';
import {
  checkAdditionalTopicArns, checkConfigurationName, checkUniqueConfigurationNames, validateExistingChatChannels, validateSlackChannels,
  validateTeamsChannels,
} from './chat-validation';
import { SeverityRoutingOptions } from './severity-routing-options';
import { DeploymentEnvironment } from '../core/environment';
import { PlatformNaming } from '../core/naming';
import { validateEmails } from '../core/validation';
import { validationError } from '../private/errors';
import { checkList } from '../private/input-checks';

/**
 * Properties of `AlertRouting`.
 *
 * @experimental alarm severities and routing are new.
 */
export interface AlertRoutingProps extends AlertRoutingOptions {
  /** The project name (part of the topic names). */
  readonly projectName: string;

  /**
   * The deployment environment (part of the topic names and of the alarm-name prefix trusted to publish).
   *
   * @default DeploymentEnvironment.PROD
   */
  readonly environment?: DeploymentEnvironment;

  /** The customer-managed key encrypting the topics (the platform key: see `AlertTopic.encryptionKey`). */
  readonly encryptionKey: kms.IKey;

  /**
   * The topic every alarm notifies (`AlertTopic.topic`): chat channels without a `severity`
   * subscribe to it. `PlatformMonitoring` passes its alert topic.
   *
   * @default - none: every chat channel must set `severity`
   */
  readonly alertTopic?: sns.ITopic;
}

/**
 * One `AlertTopic` per severity that has recipients, and the action strategies that route alarms of
 * that severity to it. Pass `severityActions` to `PlatformAlarms` (or any alarm construct taking
 * `SeverityRoutingOptions`).
 *
 * Chat channels (`slackChannels`, `teamsChannels`) get one AWS Chatbot configuration each,
 * subscribed to the alert topic or to their severity's topic, with a notifications-only channel
 * role and guardrail. The topics' policies need nothing more for them: AWS Chatbot subscribes with
 * its service-linked role (an identity of this account, whose policy allows `sns:Subscribe`), and
 * SNS decrypts a message itself before delivering it to the Chatbot endpoint (the key grants to
 * CloudWatch and SNS that every alert topic has are what an encrypted topic needs). README
 * "Chat channels" and test/simulation/chat-alerts.test.ts prove it against the policies.
 *
 * @experimental alarm severities and routing are new.
 */
export class AlertRouting extends Construct {
  /** The topic of CRITICAL alarms, when there are critical recipients. */
  public readonly criticalTopic?: sns.ITopic;

  /** The topic of WARNING alarms, when there are warning recipients. */
  public readonly warningTopic?: sns.ITopic;

  /** `criticalActions` / `warningActions` notifying the severity topics on ALARM and OK. */
  public readonly severityActions: SeverityRoutingOptions;

  /**
   * The AWS Chatbot configuration of each of `slackChannels`, in order.
   *
   * @experimental chat channels are new.
   */
  public readonly slackChannelConfigurations: chatbot.SlackChannelConfiguration[] = [];

  /**
   * The AWS Chatbot configuration of each of `teamsChannels`, in order.
   *
   * @experimental chat channels are new.
   */
  public readonly teamsChannelConfigurations: chatbot.CfnMicrosoftTeamsChannelConfiguration[] = [];

  /**
   * The channel role of the chat configurations (created, or `chatChannelRole`), when there are chat channels.
   *
   * @experimental chat channels are new.
   */
  public readonly chatChannelRole?: iam.IRole;

  /**
   * The guardrail policies of the chat configurations (empty without chat channels).
   *
   * @experimental chat channels are new.
   */
  public readonly chatGuardrailPolicies: iam.IManagedPolicy[] = [];

  /**
   * For each of `existingChatChannels`, in order, the topic its configuration must deliver (the
   * alert topic, or the channel's severity topic). Pass its `topicArn` to the `additionalTopicArns`
   * of the platform that owns the configuration.
   *
   * @experimental chat channels are new.
   */
  public readonly existingChatChannelTopics: sns.ITopic[] = [];

  constructor(scope: Construct, id: string, props: AlertRoutingProps) {
    super(scope, id);
    const slack = validateSlackChannels(this, props.slackChannels);
    const teams = validateTeamsChannels(this, props.teamsChannels);
    const existing = validateExistingChatChannels(this, props.existingChatChannels);
    const channels: Array<{ prop: string; channel: ChatChannelOptions }> = [
      ...slack.map((channel, i) => ({ prop: `recipients.slackChannels[${i}]`, channel })),
      ...teams.map((channel, i) => ({ prop: `recipients.teamsChannels[${i}]`, channel })),
      ...existing.map((channel, i) => ({ prop: `recipients.existingChatChannels[${i}]`, channel: { severity: channel.severity } })),
    ];
    const chatWants = (severity: AlarmSeverity) => channels.some((c) => c.channel.severity === severity);
    const everyAlarm = channels.find((c) => c.channel.severity === undefined);
    if (everyAlarm && !props.alertTopic) {
      throw validationError(this, `${everyAlarm.prop} has no severity, so it wants every alarm, but AlertRouting has no \`alertTopic\`: `
        + 'pass the topic every alarm notifies (`alertTopic: new AlertTopic(...).topic`), or set the channel\'s `severity`.');
    }

    this.criticalTopic = this.topicFor(AlarmSeverity.CRITICAL, props.criticalEmails, chatWants(AlarmSeverity.CRITICAL), props);
    this.warningTopic = this.topicFor(AlarmSeverity.WARNING, props.warningEmails, chatWants(AlarmSeverity.WARNING), props);
    this.severityActions = {
      criticalActions: strategyFor(this.criticalTopic),
      warningActions: strategyFor(this.warningTopic),
    };
    const topicOf = (c: ChatChannelOptions): sns.ITopic => {
      if (c.severity === AlarmSeverity.CRITICAL) return this.criticalTopic!;
      if (c.severity === AlarmSeverity.WARNING) return this.warningTopic!;
      return props.alertTopic!;
    };
    this.existingChatChannelTopics.push(...existing.map(topicOf));
    this.askForExistingConfigurations(existing);
    if (slack.length + teams.length === 0) return;

    // The chat channels: one role and one guardrail set for all of them.
    const naming = new PlatformNaming(props.projectName, props.environment ?? DeploymentEnvironment.PROD);
    const additional = (prop: string, c: ChatChannelOptions) => checkAdditionalTopicArns(this, `${prop}.additionalTopicArns`, c.additionalTopicArns);
    checkList(this, 'recipients.chatGuardrailPolicies', props.chatGuardrailPolicies);
    if (props.chatGuardrailPolicies && props.chatGuardrailPolicies.length === 0) {
      throw validationError(this, 'recipients.chatGuardrailPolicies is an empty list: AWS Chatbot would apply AdministratorAccess as the '
        + 'guardrail. Omit the prop for the notifications-only default, or pass the policies that bound what the channels may do.');
    }
    const notifications = !props.chatChannelRole || !props.chatGuardrailPolicies ? this.notificationsPolicy() : undefined;
    const role = props.chatChannelRole ?? new iam.Role(this, 'ChatChannelRole', {
      description: `AWS Chatbot channel role of the ${naming.stem} alert channels: reads CloudWatch to draw alarm graphs (notifications only)`,
      assumedBy: new iam.ServicePrincipal('chatbot.amazonaws.com'),
      managedPolicies: [notifications!],
    });
    this.chatChannelRole = role;
    this.chatGuardrailPolicies.push(...props.chatGuardrailPolicies ?? [notifications!]);
    const guardrails = this.chatGuardrailPolicies;

    const names: string[] = [];
    slack.forEach((c, i) => {
      const name = c.configurationName ?? `${naming.stem}-slack-${c.slackChannelId}`;
      checkConfigurationName(this, 'the default Slack configuration name (set `configurationName`)', name);
      names.push(name);
      this.slackChannelConfigurations.push(new chatbot.SlackChannelConfiguration(this, `Slack${Token.isUnresolved(c.slackChannelId) ? i + 1 : c.slackChannelId}`, {
        slackChannelConfigurationName: name,
        slackWorkspaceId: c.slackWorkspaceId,
        slackChannelId: c.slackChannelId,
        notificationTopics: [topicOf(c), ...additional(`recipients.slackChannels[${i}]`, c)
          .map((arn, j) => sns.Topic.fromTopicArn(this, `Slack${Token.isUnresolved(c.slackChannelId) ? i + 1 : c.slackChannelId}Topic${j + 1}`, arn))],
        role,
        guardrailPolicies: guardrails,
        loggingLevel: c.loggingLevel ?? chatbot.LoggingLevel.ERROR,
        userRoleRequired: false,
      }));
    });
    teams.forEach((c, i) => {
      // Keyed by the channel, not by list position: removing or reordering a channel must not
      // replace the others (AWS Chatbot accepts one configuration per channel in an account, so a
      // replacement, which creates before it deletes, would fail).
      const key = Token.isUnresolved(c.teamId) || Token.isUnresolved(c.teamsChannelId) ? `${i + 1}` : teamsChannelKey(c.teamId, c.teamsChannelId);
      const name = c.configurationName ?? `${naming.stem}-teams-${key}`;
      checkConfigurationName(this, 'the default Teams configuration name (set `configurationName`)', name);
      names.push(name);
      this.teamsChannelConfigurations.push(new chatbot.CfnMicrosoftTeamsChannelConfiguration(this, `Teams${key}`, {
        configurationName: name,
        teamId: c.teamId,
        teamsTenantId: c.tenantId,
        teamsChannelId: c.teamsChannelId,
        teamsChannelName: c.teamsChannelName,
        snsTopicArns: [topicOf(c).topicArn, ...additional(`recipients.teamsChannels[${i}]`, c)],
        iamRoleArn: role.roleArn,
        guardrailPolicies: guardrails.map((p) => p.managedPolicyArn),
        loggingLevel: c.loggingLevel ?? chatbot.LoggingLevel.ERROR,
        userRoleRequired: false,
      }));
    });
    checkUniqueConfigurationNames(this, names);
  }

  /**
   * For each channel given by an existing configuration's ARN: a stack output with the topic its
   * configuration must deliver, and one synth warning listing what to add where. The platform does
   * not change the configuration: CloudFormation cannot change a resource another stack owns, and
   * AWS Chatbot's update operations replace the configuration's whole topic list
   * (API_UpdateSlackChannelConfiguration, API_UpdateMicrosoftTeamsChannelConfiguration: `SnsTopicArns`),
   * which the owner's next deploy would overwrite, silently dropping this platform's alarms.
   */
  private askForExistingConfigurations(existing: ExistingChatChannel[]): void {
    if (existing.length === 0) return;
    const asks = existing.map((c, i) => {
      const output = new CfnOutput(this, `ExistingChatChannel${i + 1}Topic`, {
        description: `The SNS topic AWS Chatbot configuration ${c.configurationArn} must deliver (add it to the configuration's topics)`,
        value: this.existingChatChannelTopics[i].topicArn,
      });
      const which = c.severity ? `the ${c.severity} topic` : 'the alert topic';
      return `${c.configurationArn}: ${which} (stack output ${Stack.of(this).resolve(output.logicalId)})`;
    });
    Annotations.of(this).addWarningV2('cdk-platform-monitoring:existingChatChannel',
      'recipients.existingChatChannels: no alarm of this platform reaches these channels until their AWS Chatbot configurations '
      + `deliver its topics, which the platform cannot add itself: ${asks.join('; ')}. For a configuration created by another `
      + 'platform, list the topic ARN in that channel\'s additionalTopicArns (e.g. `alertRouting.existingChatChannelTopics[0].topicArn`); '
      + 'otherwise add it in the AWS Chatbot console (`aws chatbot update-slack-channel-configuration` replaces the whole topic '
      + 'list: pass the configuration\'s current topics too).');
  }

  /**
   * The read-only CloudWatch permissions of AWS Chatbot's "Notification permissions" channel-role
   * template: the role and the default guardrail of the chat channels.
   */
  private notificationsPolicy(): iam.ManagedPolicy {
    // "If you want to create a configuration that only delivers notifications, choose Notification
    // permissions as your policy template" and "What your users can do is the intersection of your
    // guardrail policies and what is allowed by their roles":
    // https://docs.aws.amazon.com/chatbot/latest/adminguide/understanding-permissions.html
    // For a CloudWatch alarm notification AWS Chatbot "requires the metric graphic image displayed
    // with the CloudWatch alarm notification. For that, AWS Chatbot calls a CloudWatch API with the
    // customer's credentials" (the channel role):
    // https://docs.aws.amazon.com/chatbot/latest/adminguide/security_iam_service-with-iam-resource-based-policies.html
    // The template's actions are cloudwatch:Describe*, Get* and List* on every resource
    // (https://docs.aws.amazon.com/chatbot/latest/adminguide/chatbot-iam-policies.html); the docs do
    // not say which of those calls AWS Chatbot makes, so we keep the template rather than guess a
    // subset that might leave notifications without their graph.
    const policy = new iam.ManagedPolicy(this, 'ChatNotificationsPolicy', {
      description: 'AWS Chatbot notifications only: read CloudWatch alarms and metrics to draw alarm graphs',
      statements: [new iam.PolicyStatement({
        sid: 'ReadCloudWatchForAlarmNotifications',
        actions: ['cloudwatch:Describe*', 'cloudwatch:Get*', 'cloudwatch:List*'],
        resources: ['*'],
      })],
    });
    const reason = 'AWS Chatbot\'s documented "Notification permissions" template: read-only CloudWatch actions on every resource '
      + '(alarm graphs); no write action and nothing outside CloudWatch.';
    const ack = Validations.of(policy);
    for (const finding of ['Action::cloudwatch:Describe*', 'Action::cloudwatch:Get*', 'Action::cloudwatch:List*', 'Resource::*']) {
      ack.acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    }
    return policy;
  }

  private topicFor(severity: AlarmSeverity, emails: string[] | undefined, chat: boolean, props: AlertRoutingProps): sns.ITopic | undefined {
    const prop = severity === AlarmSeverity.CRITICAL ? 'criticalEmails' : 'warningEmails';
    checkList(this, `recipients.${prop}`, emails);
    if ((!emails || emails.length === 0) && !chat) return undefined;
    validateEmails(this, emails ?? [], `recipients.${prop}`);
    const id = severity === AlarmSeverity.CRITICAL ? 'Critical' : 'Warning';
    return new AlertTopic(this, id, {
      projectName: props.projectName,
      environment: props.environment,
      encryptionKey: props.encryptionKey,
      emails,
      severity,
    }).topic;
  }
}

function strategyFor(topic?: sns.ITopic): IAlarmActionStrategy[] {
  return topic ? [new SnsAlarmActionStrategy({ topics: [topic] })] : [];
}

/**
 * A short stable key for a Teams channel: its id is URL-encoded (`19%3a...%40thread.tacv2`), which
 * configuration names (`[A-Za-z0-9-_]`) and construct ids cannot hold, so the first 10 hex digits of
 * the SHA-256 of `<teamId>/<channelId>` (lower case) stand for it.
 */
function teamsChannelKey(teamId: string, channelId: string): string {
  return crypto.createHash('sha256').update(`${teamId.toLowerCase()}/${channelId.toLowerCase()}`).digest('hex').slice(0, 10);
}
