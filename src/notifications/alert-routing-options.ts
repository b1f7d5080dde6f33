import * as iam from 'aws-cdk-lib/aws-iam';
import { ExistingChatChannel, SlackChannel, TeamsChannel } from './chat-channel-options';

/**
 * Who hears about alarms of each severity, besides the alert topic (`AlertTopic.emails`), which is
 * told about every alarm. Each severity with a recipient gets its own encrypted topic
 * (`<project>-<env>-alerts-critical` / `-warning`) that only the alarms of that severity notify.
 *
 * Declared once: `AlertRouting` takes these as part of its props, and `PlatformMonitoring` as part
 * of `recipients` (`AlertRecipients`).
 *
 * @experimental alarm severities, routing and chat channels are new.
 */
export interface AlertRoutingOptions {
  /**
   * Email addresses told about CRITICAL alarms only (e.g. the on-call pager's email gateway). Each
   * recipient must confirm the subscription from the email AWS sends after deployment.
   *
   * @default - no critical topic, unless another critical recipient needs it
   */
  readonly criticalEmails?: string[];

  /**
   * Email addresses told about WARNING alarms only (e.g. a team mailbox read in working hours).
   *
   * @default - no warning topic, unless another warning recipient needs it
   */
  readonly warningEmails?: string[];

  /**
   * Slack channels told about alarms through AWS Chatbot: every alarm (the alert topic), or the
   * alarms of one `severity` (its severity topic). Each channel gets an AWS Chatbot channel
   * configuration with a notifications-only role and guardrail (see `chatChannelRole`).
   *
   * @default - no Slack channel
   */
  readonly slackChannels?: SlackChannel[];

  /**
   * Microsoft Teams channels told about alarms through AWS Chatbot, as `slackChannels`.
   *
   * @default - no Teams channel
   */
  readonly teamsChannels?: TeamsChannel[];

  /**
   * Chat channels that already have an AWS Chatbot configuration in this account (for example one
   * created by the PROD platform, which DEV posts to as well), given by the configuration's ARN. No
   * configuration is created for them: for each, the platform outputs the topic
   * (`<project>-<env>-alerts`, or the severity topic) and warns at synth that the configuration's
   * owner must add it (a platform that owns the configuration: `additionalTopicArns` of its channel).
   *
   * @default - none
   */
  readonly existingChatChannels?: ExistingChatChannel[];

  /**
   * The role AWS Chatbot assumes for the chat channels (their "channel role"). AWS Chatbot calls
   * CloudWatch with it to draw the metric graph of an alarm notification.
   *
   * @default - a role trusted by `chatbot.amazonaws.com` with only the read-only CloudWatch
   * permissions of AWS Chatbot's "Notification permissions" template (`cloudwatch:Describe*`,
   * `cloudwatch:Get*`, `cloudwatch:List*`): notifications, no commands
   */
  readonly chatChannelRole?: iam.IRole;

  /**
   * The channel guardrail policies: whatever the channel role or a channel member's own role
   * allows, AWS Chatbot lets nobody in the channel do more than these policies allow. Pass at least
   * one policy: AWS Chatbot applies `AdministratorAccess` when a configuration has none.
   *
   * @default - one customer-managed policy with the same read-only CloudWatch permissions as the
   * default channel role (notifications only)
   */
  readonly chatGuardrailPolicies?: iam.IManagedPolicy[];
}
