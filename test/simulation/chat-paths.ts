import { ENV } from './cfn-model';
import { PolicyDocument, PolicyModel } from './policies';
import { PathRequest } from './simulate';

/**
 * The chat paths of a synthesized platform (issue 16 part 2): every AWS Chatbot channel
 * configuration found in the templates (Slack and Microsoft Teams), the topics it subscribes to,
 * its channel role and its guardrail policies.
 *
 * How AWS Chatbot uses them (Administrator Guide, Amazon Q Developer in chat applications):
 * - It subscribes its endpoint to the configuration's topics with its service-linked role
 *   AWSServiceRoleForAWSChatbot, whose policy allows sns:Subscribe, sns:Unsubscribe and the SNS
 *   list actions on every topic: https://docs.aws.amazon.com/chatbot/latest/adminguide/slr-permissions.html
 *   and the policy text: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSChatbotServiceLinkedRolePolicy.html
 *   The role is an identity of this account, so the topic policy need not name it.
 * - SNS decrypts a message of an encrypted topic itself before delivering it to a subscriber; the
 *   key must allow the publisher (CloudWatch, `alarmPaths`) and SNS (`snsPaths`) only: Amazon SNS
 *   Developer Guide, "Encryption at rest" / "Key management" (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html).
 *   AWS Chatbot itself never calls KMS for a notification: nothing in its documentation asks for a
 *   key grant, and a Chatbot principal on the key would be a misuse path (below).
 * - It assumes the channel role as chatbot.amazonaws.com and "calls a CloudWatch API with the
 *   customer's credentials" to draw the alarm's metric graph:
 *   https://docs.aws.amazon.com/chatbot/latest/adminguide/security_iam_service-with-iam-resource-based-policies.html
 *   Which calls exactly is not documented: we simulate DescribeAlarms, GetMetricData and
 *   GetMetricWidgetImage, the ones a graph of an alarm needs.
 * - "What your users can do is the intersection of your guardrail policies and what is allowed by
 *   their roles": https://docs.aws.amazon.com/chatbot/latest/adminguide/understanding-permissions.html
 *   iam-simulate has no guardrails, so each channel-role request is simulated twice: against the
 *   role's policies and against the guardrail policies; both must allow a path, and each misuse
 *   must be denied by both.
 */

/** Chat paths by name (a failure proof names the path it expects to break). */
export enum ChatPath {
  SUBSCRIBE = 'AWS Chatbot service-linked role -> sns:Subscribe to the channel topics',
  ROLE_TRUST = 'AWS Chatbot -> sts:AssumeRole of the channel role',
  ROLE_READ = 'Channel role -> CloudWatch reads for the alarm graph',
  GUARDRAIL_READ = 'Guardrail policies -> allow the CloudWatch reads for the alarm graph',
}

const { account, region, partition } = ENV;
const TLS = { 'aws:SecureTransport': 'true' };

/** The AWSChatbotServiceLinkedRolePolicy document (AWS managed policy reference, v1). */
const CHATBOT_SLR_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['sns:ListSubscriptionsByTopic', 'sns:ListTopics', 'sns:Unsubscribe', 'sns:Subscribe', 'sns:ListSubscriptions'], Resource: '*' },
    {
      Effect: 'Allow',
      Action: ['logs:PutLogEvents', 'logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:CreateLogGroup', 'logs:DescribeLogGroups'],
      Resource: 'arn:aws:logs:*:*:log-group:/aws/chatbot/*',
    },
  ],
};

/** The service-linked role of AWS Chatbot in an account, as a session principal with its policy. */
export function chatbotServiceLinkedRole(acct: string = account) {
  return {
    principal: `arn:${partition}:sts::${acct}:assumed-role/AWSServiceRoleForAWSChatbot/chatbot`,
    identityPolicies: [{ name: 'AWSChatbotServiceLinkedRolePolicy', policy: CHATBOT_SLR_POLICY }],
  };
}

/** One AWS Chatbot channel configuration of the templates. */
export interface ChatConfiguration {
  readonly type: 'AWS::Chatbot::SlackChannelConfiguration' | 'AWS::Chatbot::MicrosoftTeamsChannelConfiguration';
  readonly name: string;
  readonly topics: string[];
  readonly roleArn: string;
  readonly guardrailArns: string[];
  readonly loggingLevel?: string;
}

/** Every chat configuration of the templates. */
export function chatConfigurations(model: PolicyModel): ChatConfiguration[] {
  const types = ['AWS::Chatbot::SlackChannelConfiguration', 'AWS::Chatbot::MicrosoftTeamsChannelConfiguration'] as const;
  return types.flatMap((type) => model.resources(type).map((r) => {
    const p = r.template.props(r.logicalId);
    return {
      type,
      name: p.ConfigurationName,
      topics: p.SnsTopicArns ?? [],
      roleArn: p.IamRoleArn,
      guardrailArns: p.GuardrailPolicies ?? [],
      loggingLevel: p.LoggingLevel,
    };
  }));
}

/** The guardrail policies of a configuration, from the templates (each must be a managed policy of the templates). */
export function guardrailPolicies(model: PolicyModel, config: ChatConfiguration): { name: string; policy: PolicyDocument }[] {
  return config.guardrailArns.map((arn) => {
    const p = model.resources('AWS::IAM::ManagedPolicy').find((m) => m.template.resolve({ Ref: m.logicalId }) === arn);
    if (!p) throw new Error(`guardrail ${arn} of ${config.name} is not a managed policy of the templates`);
    return { name: p.logicalId, policy: model.managedPolicyDocument(p) };
  });
}

/** A platform alarm's ARN from the templates (the resource of DescribeAlarms). */
function someAlarmArn(model: PolicyModel): string {
  const alarm = model.resources('AWS::CloudWatch::Alarm')[0];
  return `arn:${partition}:cloudwatch:${region}:${account}:alarm:${alarm.template.resolve({ Ref: alarm.logicalId })}`;
}

/** The reads a channel role makes to draw an alarm notification's graph. */
function graphReads(model: PolicyModel): Array<{ action: string; resource: string }> {
  return [
    { action: 'cloudwatch:DescribeAlarms', resource: someAlarmArn(model) },
    { action: 'cloudwatch:GetMetricData', resource: '*' },
    { action: 'cloudwatch:GetMetricWidgetImage', resource: '*' },
  ];
}

/** The channel role's session principal and identity policies. */
function channelRole(model: PolicyModel, config: ChatConfiguration) {
  const role = model.role(config.roleArn);
  return { role, principal: `arn:${partition}:sts::${account}:assumed-role/${role.name}/chatbot`, identityPolicies: role.identityPolicies };
}

/** Every path of every chat configuration: each must be Allowed. */
export function chatPaths(model: PolicyModel): PathRequest[] {
  return chatConfigurations(model).flatMap((config) => {
    const out: PathRequest[] = config.topics.map((topic) => ({
      path: ChatPath.SUBSCRIBE,
      description: `${config.name}: AWS Chatbot subscribes to ${topic}`,
      ...chatbotServiceLinkedRole(),
      action: 'sns:Subscribe',
      resource: topic,
      context: { ...TLS, 'sns:Protocol': 'https' },
      resourcePolicy: model.topicPolicy(topic),
    }));
    const { role, principal, identityPolicies } = channelRole(model, config);
    out.push({
      path: ChatPath.ROLE_TRUST,
      description: `${config.name}: chatbot.amazonaws.com assumes ${config.roleArn}`,
      principal: 'chatbot.amazonaws.com',
      action: 'sts:AssumeRole',
      resource: config.roleArn,
      context: {},
      resourcePolicy: role.trust,
    });
    const guardrails = guardrailPolicies(model, config);
    for (const { action, resource } of graphReads(model)) {
      out.push({
        path: ChatPath.ROLE_READ,
        description: `${config.name}: channel role ${action} on ${resource}`,
        principal,
        identityPolicies,
        action,
        resource,
        context: TLS,
      });
      out.push({
        path: ChatPath.GUARDRAIL_READ,
        description: `${config.name}: guardrails allow ${action} on ${resource}`,
        principal,
        identityPolicies: guardrails,
        action,
        resource,
        context: TLS,
      });
    }
    return out;
  });
}

/**
 * Requests that must be Denied: the channel role (and the guardrails) doing anything but reading
 * CloudWatch, AWS Chatbot's service principal using the topics or the key directly (it has no
 * business there: the service-linked role subscribes, SNS decrypts), another account subscribing
 * to the chat topics.
 */
export function chatMisusePaths(model: PolicyModel): PathRequest[] {
  const keys = model.resources('AWS::KMS::Key').map((k) => k.template.resolve({ 'Fn::GetAtt': [k.logicalId, 'Arn'] }) as string);
  // An administrator of another account (allowed everything by its own IAM policy).
  const otherAdmin = {
    principal: `arn:${partition}:sts::222222222222:assumed-role/Administrator/session`,
    identityPolicies: [{ name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }],
  };
  return chatConfigurations(model).flatMap((config) => {
    const { principal, identityPolicies } = channelRole(model, config);
    const guardrails = guardrailPolicies(model, config);
    const alarm = someAlarmArn(model);
    const writes: Array<{ action: string; resource: string; resourcePolicy?: PolicyDocument; context?: Record<string, string> }> = [
      { action: 'cloudwatch:DeleteAlarms', resource: alarm },
      { action: 'cloudwatch:DisableAlarmActions', resource: alarm },
      { action: 'cloudwatch:PutMetricAlarm', resource: alarm },
      { action: 'cloudwatch:SetAlarmState', resource: alarm },
      { action: 'lambda:InvokeFunction', resource: `arn:${partition}:lambda:${region}:${account}:function:shop-orders` },
      { action: 'iam:PassRole', resource: config.roleArn },
      { action: 'logs:GetLogEvents', resource: `arn:${partition}:logs:${region}:${account}:log-group:/aws/cloudtrail/shop:log-stream:x` },
      ...config.topics.flatMap((topic) => [
        { action: 'sns:Publish', resource: topic, resourcePolicy: model.topicPolicy(topic) },
        { action: 'sns:Unsubscribe', resource: topic, resourcePolicy: model.topicPolicy(topic) },
      ]),
      ...keys.flatMap((key) => ['kms:Decrypt', 'kms:GenerateDataKey'].map((action) => ({
        action, resource: key, resourcePolicy: model.keyPolicy(key), context: { 'kms:EncryptionContext:aws:sns:topicArn': config.topics[0] },
      }))),
    ];
    return [
      ...writes.flatMap((w) => [
        {
          path: 'chat misuse',
          description: `${config.name}: channel role ${w.action} on ${w.resource}`,
          principal,
          identityPolicies,
          action: w.action,
          resource: w.resource,
          resourcePolicy: w.resourcePolicy,
          context: { ...TLS, ...w.context },
        },
        {
          path: 'chat misuse',
          description: `${config.name}: guardrails allow ${w.action} on ${w.resource}`,
          principal,
          identityPolicies: guardrails,
          action: w.action,
          resource: w.resource,
          context: { ...TLS, ...w.context },
        },
      ]),
      ...config.topics.flatMap((topic) => [
        ...['sns:Subscribe', 'sns:Publish'].map((action) => ({
          path: 'chat misuse',
          description: `${config.name}: the chatbot.amazonaws.com service principal ${action} on ${topic}`,
          principal: 'chatbot.amazonaws.com',
          action,
          resource: topic,
          context: { ...TLS, 'aws:SourceAccount': account },
          resourcePolicy: model.topicPolicy(topic),
        })),
        ...keys.map((key) => ({
          path: 'chat misuse',
          description: `${config.name}: the chatbot.amazonaws.com service principal kms:Decrypt for ${topic}`,
          principal: 'chatbot.amazonaws.com',
          action: 'kms:Decrypt',
          resource: key,
          context: { 'aws:SourceAccount': account, 'kms:EncryptionContext:aws:sns:topicArn': topic },
          resourcePolicy: model.keyPolicy(key),
        })),
        {
          path: 'chat misuse',
          description: `${config.name}: another account's AWS Chatbot subscribes to ${topic}`,
          ...chatbotServiceLinkedRole('222222222222'),
          action: 'sns:Subscribe',
          resource: topic,
          context: { ...TLS, 'sns:Protocol': 'https' },
          resourcePolicy: model.topicPolicy(topic),
        },
        {
          path: 'chat misuse',
          description: `${config.name}: another account's administrator subscribes to ${topic}`,
          ...otherAdmin,
          action: 'sns:Subscribe',
          resource: topic,
          context: { ...TLS, 'sns:Protocol': 'https' },
          resourcePolicy: model.topicPolicy(topic),
        },
      ]),
    ];
  });
}
