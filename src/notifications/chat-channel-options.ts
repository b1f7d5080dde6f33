import * as chatbot from 'aws-cdk-lib/aws-chatbot';
import { AlarmSeverity } from './alarm-severity';

/**
 * What every chat channel (Slack or Microsoft Teams) subscribed to the alerts through AWS Chatbot
 * (now "Amazon Q Developer in chat applications") can set.
 *
 * @experimental chat channels are new.
 */
export interface ChatChannelOptions {
  /**
   * Only alarms of this severity: the channel subscribes to the severity topic
   * (`<project>-<env>-alerts-critical` or `-warning`), which is created for it if no email needs it.
   *
   * @default - every alarm: the channel subscribes to the alert topic, which every alarm notifies
   * (and, with `crossAccountAlerts`, the source accounts' alarms too)
   */
  readonly severity?: AlarmSeverity;

  /**
   * The name of the channel configuration in AWS Chatbot: 1 to 128 letters, digits, `-` and `_`,
   * unique in the account.
   *
   * @default - `<project>-<env>-slack-<slackChannelId>` for Slack, `<project>-<env>-teams-<n>` for
   * the n-th (from 1) Teams channel
   */
  readonly configurationName?: string;

  /**
   * What AWS Chatbot writes to CloudWatch Logs for this channel. AWS Chatbot creates the log group
   * `/aws/chatbot/<configurationName>` in us-east-1 itself (outside this stack, without expiry):
   * set its retention yourself if you log.
   *
   * @default chatbot.LoggingLevel.ERROR - failed deliveries are logged
   */
  readonly loggingLevel?: chatbot.LoggingLevel;

  /**
   * More SNS topics the configuration delivers, besides the platform's own: those of other platforms
   * that post to this channel by naming this configuration in their `existingChatChannels` (AWS
   * Chatbot accepts one configuration per channel in an account, so their platforms create none).
   * Each is a topic ARN of this account; their topics' own policies and keys already let AWS
   * Chatbot subscribe and SNS deliver.
   *
   * @default - only the platform's topic
   */
  readonly additionalTopicArns?: string[];
}

/**
 * A Slack channel told about alarms through AWS Chatbot. The Slack workspace must first be
 * authorized once in the AWS Chatbot console (Configure new client > Slack); that step cannot be
 * done by CloudFormation.
 *
 * @see https://docs.aws.amazon.com/chatbot/latest/adminguide/slack-setup.html
 * @experimental chat channels are new.
 */
export interface SlackChannel extends ChatChannelOptions {
  /**
   * The Slack workspace id, shown in the AWS Chatbot console once the workspace is authorized,
   * e.g. `T012AB3CD4E` (capital letters and digits, starting with `T`).
   */
  readonly slackWorkspaceId: string;

  /**
   * The Slack channel id (not its name): the last part of the channel's link (in Slack: channel
   * name > Copy link), e.g. `C0123ABCDEF`. Private channels need the AWS Chatbot app invited first
   * (`/invite @Amazon Q`).
   */
  readonly slackChannelId: string;
}

/**
 * A Microsoft Teams channel told about alarms through AWS Chatbot. The team must first be
 * authorized once in the AWS Chatbot console (Configure new client > Microsoft Teams); that step
 * cannot be done by CloudFormation.
 *
 * @see https://docs.aws.amazon.com/chatbot/latest/adminguide/teams-setup.html
 * @experimental chat channels are new.
 */
export interface TeamsChannel extends ChatChannelOptions {
  /** The team id (a GUID), shown in the AWS Chatbot console once the team is authorized. */
  readonly teamId: string;

  /** The Microsoft Entra tenant id of the team (a GUID), shown in the AWS Chatbot console. */
  readonly tenantId: string;

  /**
   * The channel id, URL-encoded as in the channel's link (in Teams: channel name > Get link to
   * channel), e.g. `19%3ab6ef35dc342d56ba5654e6fc6d25a071%40thread.tacv2`.
   */
  readonly teamsChannelId: string;

  /**
   * The channel's display name, shown in the AWS Chatbot console.
   *
   * @default - none
   */
  readonly teamsChannelName?: string;
}

/**
 * A chat channel that already has an AWS Chatbot (now "Amazon Q Developer in chat applications")
 * configuration in this account, given by the configuration's ARN: the platform creates no
 * configuration for it (AWS Chatbot accepts one configuration per channel in an account, so a
 * second one would fail at deploy).
 *
 * CloudFormation cannot add a topic to a configuration another stack owns, and AWS Chatbot's
 * `UpdateSlackChannelConfiguration` / `UpdateMicrosoftTeamsChannelConfiguration` replace the whole
 * topic list, which the owner's next deploy would replace again. So the platform does not change
 * the configuration: it outputs the topic to add and warns at synth, and the owner adds it (for a
 * configuration created by another platform: that channel's `additionalTopicArns`).
 *
 * @experimental chat channels are new.
 */
export interface ExistingChatChannel {
  /**
   * The ARN of the channel's configuration, in this stack's account:
   * `arn:aws:chatbot::<account>:chat-configuration/slack-channel/<configuration name>` (or
   * `.../microsoft-teams-channel/<configuration name>`), as the AWS Chatbot console or
   * `aws chatbot describe-slack-channel-configurations` shows it.
   */
  readonly configurationArn: string;

  /**
   * Only alarms of this severity: the topic to add to the configuration is the severity topic.
   *
   * @default - every alarm: the topic to add is the alert topic
   */
  readonly severity?: AlarmSeverity;
}
