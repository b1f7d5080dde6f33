import { Lazy, Stack, Token } from 'aws-cdk-lib';
import * as chatbot from 'aws-cdk-lib/aws-chatbot';
import { IConstruct } from 'constructs';
import { AlarmSeverity } from './alarm-severity';
import { ChatChannelOptions, ExistingChatChannel, SlackChannel, TeamsChannel } from './chat-channel-options';
import { validationError } from '../private/errors';
import { checkEnumValue, checkList, checkUnique, describe } from '../private/input-checks';

/*
 * Synth-time checks of `recipients.slackChannels` / `teamsChannels`. The formats are those of
 * the AWS Chatbot API reference (CloudFormation passes the values through):
 * - SlackChannelId `^[A-Za-z0-9]+$`, 1-255 characters; SlackTeamId (the workspace id)
 *   `^[0-9A-Z]{1,255}$`:
 *   https://docs.aws.amazon.com/chatbot/latest/APIReference/API_SlackChannelConfiguration.html
 *   Slack workspace ids start with `T` (the "team" id Slack shows; the AWS Chatbot console shows
 *   the same value); we also require capital letters, as Slack writes its ids.
 * - Teams ChannelId `^([a-zA-Z0-9-_=+/.,])*%3[aA]([a-zA-Z0-9-_=+/.,])*%40([a-zA-Z0-9-_=+/.,])*$`
 *   (the URL-encoded id), TeamId and TenantId GUIDs:
 *   https://docs.aws.amazon.com/chatbot/latest/APIReference/API_TeamsChannelConfiguration.html
 * - ConfigurationName 1-128 characters of `[A-Za-z0-9-_]`:
 *   https://docs.aws.amazon.com/chatbot/latest/APIReference/API_CreateSlackChannelConfiguration.html
 * - ChatConfigurationArn `^arn:aws:chatbot:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}$`
 *   (API_SlackChannelConfiguration, API_TeamsChannelConfiguration). Its resource is
 *   `chat-configuration/<type>/<configuration name>`, e.g.
 *   `arn:aws:chatbot::123456789012:chat-configuration/slack-channel/my-slack` (aws-cdk-lib's
 *   `SlackChannelConfiguration.fromSlackChannelConfigurationArn`, which refuses any other Slack form;
 *   "Actions, resources, and condition keys for AWS Chatbot": resource type ChatbotConfiguration).
 *   We require that shape, a 12-digit account and a valid configuration name; the partition may be
 *   any `aws...` one (the API pattern's literal `aws` would refuse the China and GovCloud partitions).
 * - SnsTopicArns: topic ARNs, `arn:<partition>:sns:<region>:<account>:<topic name>`, a topic name
 *   being 1-256 of `[A-Za-z0-9_-]` (`.fifo` for FIFO topics, which AWS Chatbot does not read).
 */

const SLACK_WORKSPACE_ID = /^T[0-9A-Z]{1,254}$/;
const SLACK_CHANNEL_ID = /^[0-9A-Z]{1,255}$/;
const TEAMS_CHANNEL_ID = /^([a-zA-Z0-9-_=+/.,])*%3[aA]([a-zA-Z0-9-_=+/.,])*%40([a-zA-Z0-9-_=+/.,])*$/;
const GUID = /^[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}$/;
const CONFIGURATION_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const CONFIGURATION_ARN = /^arn:aws(-[a-z]+)*:chatbot:[a-z0-9-]{0,63}:(\d{12}):chat-configuration\/[a-z-]+\/[A-Za-z0-9_-]{1,128}$/;
const TOPIC_ARN = /^arn:aws(-[a-z]+)*:sns:[a-z0-9-]+:(\d{12}):[A-Za-z0-9_-]{1,256}$/;
/** The longest configuration name AWS Chatbot accepts. */
export const MAX_CHAT_CONFIGURATION_NAME = 128;

/** A key never equal to another: entries with a token id are not compared (checkUnique skips tokens). */
const UNKNOWN = () => Lazy.string({ produce: () => '' });

const known = (v: unknown): v is string => typeof v === 'string' && !Token.isUnresolved(v);

function checkFormat(scope: IConstruct, propName: string, value: unknown, format: RegExp, what: string, howToFix: string): void {
  if (typeof value === 'string' && Token.isUnresolved(value)) return;
  if (typeof value !== 'string' || !format.test(value)) {
    throw validationError(scope, `${propName} is ${describe(value)}, which is not ${what}: ${howToFix}`);
  }
}

function checkCommon(scope: IConstruct, propName: string, channel: ChatChannelOptions): void {
  checkEnumValue(scope, `${propName}.severity`, channel.severity, AlarmSeverity, 'AlarmSeverity');
  checkEnumValue(scope, `${propName}.loggingLevel`, channel.loggingLevel, chatbot.LoggingLevel, 'LoggingLevel');
  if (channel.configurationName !== undefined) checkConfigurationName(scope, `${propName}.configurationName`, channel.configurationName);
}

/** Throws unless `name` is a valid AWS Chatbot configuration name (tokens pass). */
export function checkConfigurationName(scope: IConstruct, propName: string, name: unknown): void {
  checkFormat(scope, propName, name, CONFIGURATION_NAME, 'an AWS Chatbot configuration name',
    `use 1 to ${MAX_CHAT_CONFIGURATION_NAME} letters, digits, "-" and "_" (no spaces or dots), unique in the account`
    + (known(name) && name.length > MAX_CHAT_CONFIGURATION_NAME ? ` (this one has ${name.length} characters: shorten it).` : '.'));
}

/** Checks every Slack channel: ids, severity, logging level, name; no channel twice. */
export function validateSlackChannels(scope: IConstruct, channels: unknown): SlackChannel[] {
  checkList(scope, 'recipients.slackChannels', channels);
  const list = (channels ?? []) as SlackChannel[];
  list.forEach((c, i) => {
    const prop = `recipients.slackChannels[${i}]`;
    checkFormat(scope, `${prop}.slackWorkspaceId`, c.slackWorkspaceId, SLACK_WORKSPACE_ID, 'a Slack workspace id',
      'copy it from the AWS Chatbot console (Configured clients > your Slack workspace) after authorizing the workspace there; '
      + 'it starts with "T" and has only capital letters and digits, e.g. "T012AB3CD4E".');
    checkFormat(scope, `${prop}.slackChannelId`, c.slackChannelId, SLACK_CHANNEL_ID, 'a Slack channel id',
      'pass the channel id, not its name: in Slack, open the channel name > Copy link; the id is the last part of the link '
      + '(capital letters and digits), e.g. "C0123ABCDEF".');
    checkCommon(scope, prop, c);
  });
  checkUnique(scope, 'recipients.slackChannels', list.map((c) => ({
    key: known(c.slackWorkspaceId) && known(c.slackChannelId) ? `${c.slackWorkspaceId}/${c.slackChannelId}` : UNKNOWN(),
    shown: `Slack channel "${c.slackChannelId}" of workspace "${c.slackWorkspaceId}"`,
  })), 'AWS Chatbot allows one configuration per channel; a channel that wants critical and warning alarms omits `severity` '
    + '(every alarm)');
  return list;
}

/** Checks every Teams channel: ids, severity, logging level, name; no channel twice. */
export function validateTeamsChannels(scope: IConstruct, channels: unknown): TeamsChannel[] {
  checkList(scope, 'recipients.teamsChannels', channels);
  const list = (channels ?? []) as TeamsChannel[];
  list.forEach((c, i) => {
    const prop = `recipients.teamsChannels[${i}]`;
    const fromConsole = 'copy it from the AWS Chatbot console (Configured clients > your Microsoft Teams team) after authorizing the team '
      + 'there; it is a GUID such as "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d".';
    checkFormat(scope, `${prop}.teamId`, c.teamId, GUID, 'a Microsoft Teams team id', fromConsole);
    checkFormat(scope, `${prop}.tenantId`, c.tenantId, GUID, 'a Microsoft Entra tenant id', fromConsole);
    checkFormat(scope, `${prop}.teamsChannelId`, c.teamsChannelId, TEAMS_CHANNEL_ID, 'a URL-encoded Microsoft Teams channel id',
      'in Teams, open the channel name > Get link to channel and copy the part after "/channel/" as it is, URL-encoded, e.g. '
      + '"19%3ab6ef35dc342d56ba5654e6fc6d25a071%40thread.tacv2" (write ":" as "%3a" and "@" as "%40" if you copied it decoded).');
    checkCommon(scope, prop, c);
  });
  checkUnique(scope, 'recipients.teamsChannels', list.map((c) => ({
    key: known(c.teamId) && known(c.teamsChannelId) ? `${c.teamId}/${c.teamsChannelId.toLowerCase()}` : UNKNOWN(),
    shown: `Teams channel "${c.teamsChannelId}" of team "${c.teamId}"`,
  })), 'AWS Chatbot allows one configuration per channel; a channel that wants critical and warning alarms omits `severity` '
    + '(every alarm)');
  return list;
}

/** No two chat configurations of the platform with the same name (AWS Chatbot names are unique per account). */
export function checkUniqueConfigurationNames(scope: IConstruct, names: string[]): void {
  checkUnique(scope, 'recipients (slackChannels and teamsChannels)', names.map((n) => ({ key: n, shown: `configurationName "${n}"` })),
    'AWS Chatbot configuration names are unique in the account, so the deployment would fail; give each channel its own '
    + '`configurationName`');
}

/** The account of a (valid) configuration or topic ARN. */
const accountOf = (arn: string) => arn.split(':')[4];

/**
 * Throws unless the ARN is of this stack's account (when both are known): AWS Chatbot subscribes to
 * a configuration's topics with the service-linked role of the configuration's account, and the
 * platform's topic policies trust no other account.
 */
function checkSameAccount(scope: IConstruct, propName: string, arn: string, what: string): void {
  const account = Stack.of(scope).account;
  if (Token.isUnresolved(account) || accountOf(arn) === account) return;
  throw validationError(scope, `${propName} is ${describe(arn)}, ${what} of account ${accountOf(arn)}, but this stack deploys `
    + `to account ${account}: AWS Chatbot subscribes to a configuration's topics from the configuration's own account, and the `
    + 'platform\'s topics allow no other account. Configure the channel in this account, or post to it from a platform of its account.');
}

/** Checks the channels given by an existing configuration's ARN: format, account, severity; no configuration twice. */
export function validateExistingChatChannels(scope: IConstruct, channels: unknown): ExistingChatChannel[] {
  checkList(scope, 'recipients.existingChatChannels', channels);
  const list = (channels ?? []) as ExistingChatChannel[];
  list.forEach((c, i) => {
    const prop = `recipients.existingChatChannels[${i}]`;
    checkFormat(scope, `${prop}.configurationArn`, c.configurationArn, CONFIGURATION_ARN, 'the ARN of an AWS Chatbot channel configuration',
      'copy it from the AWS Chatbot console (the configuration\'s details) or from `aws chatbot describe-slack-channel-configurations` '
      + '(`ChatConfigurationArn`), e.g. "arn:aws:chatbot::123456789012:chat-configuration/slack-channel/shop-alerts".');
    if (known(c.configurationArn)) checkSameAccount(scope, `${prop}.configurationArn`, c.configurationArn, 'a configuration');
    checkEnumValue(scope, `${prop}.severity`, c.severity, AlarmSeverity, 'AlarmSeverity');
  });
  checkUnique(scope, 'recipients.existingChatChannels', list.map((c) => ({
    key: known(c.configurationArn) ? `${c.configurationArn}|${c.severity ?? 'all'}` : UNKNOWN(),
    shown: `configuration "${c.configurationArn}"${c.severity ? ` with severity ${c.severity}` : ''}`,
  })), 'its topic would be asked for twice');
  return list;
}

/** Checks a channel's `additionalTopicArns`: a list of SNS topic ARNs of this account, none twice. */
export function checkAdditionalTopicArns(scope: IConstruct, propName: string, arns: unknown): string[] {
  checkList(scope, propName, arns);
  const list = (arns ?? []) as string[];
  list.forEach((arn, i) => {
    checkFormat(scope, `${propName}[${i}]`, arn, TOPIC_ARN, 'an SNS topic ARN',
      'pass the ARN of the other platform\'s topic, e.g. "arn:aws:sns:eu-west-1:123456789012:shop-dev-alerts" (its `alertTopic`, '
      + 'or the severity topic it routes the channel\'s alarms to).');
    if (known(arn)) checkSameAccount(scope, `${propName}[${i}]`, arn, 'a topic');
  });
  checkUnique(scope, propName, list.map((arn) => ({ key: known(arn) ? arn : UNKNOWN(), shown: `topic "${arn}"` })),
    'the configuration would list it twice');
  return list;
}
