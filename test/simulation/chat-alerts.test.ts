import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ENV, loadAssembly } from './cfn-model';
import { ChatPath, chatConfigurations, chatMisusePaths, guardrailPolicies } from './chat-paths';
import { deliveryPaths, notifyingAlarms, Path } from './delivery-paths';
import { misusePaths } from './misuse-paths';
import { servicePrincipals, StatementEdit, withoutServicePrincipal, withoutSid } from './policies';
import { Proof, PROOFS } from './proofs';
import { decide, Decision, decideAll, PathRequest } from './simulate';
import { chatAlertsStack, FIXTURE_LOGICAL_ID, SimulatedStack } from './stacks';
import { PlatformMonitoring } from '../../src';
import { DeploymentEnvironment } from '../../src/core/environment';
import { KeyPolicySid } from '../../src/encryption/key-policy';
import { AlertTopic } from '../../src/notifications/alert-topic';
import { RECOMMENDED_CONTEXT } from '../nag-helpers';

// Chat channels (issue 16 part 2): AWS Chatbot configurations subscribed to the alert topic and to
// the severity topics, simulated against the synthesized key, topic, role and guardrail policies.
// What AWS Chatbot does with each (and the pages saying so): chat-paths.ts.

const describeOf = (rs: { req: PathRequest; decision: Decision }[]) => rs.map((r) => `${r.decision}: ${r.req.description}`);

let stack: SimulatedStack;
beforeAll(() => {
  stack = chatAlertsStack();
});

/** The topic ARN of a platform topic by its name suffix (`alerts`, `alerts-critical`, `alerts-warning`). */
const topicNamed = (suffix: string) => stack.model.resources('AWS::SNS::Topic')
  .map((t) => t.template.resolve({ Ref: t.logicalId }) as string)
  .find((arn) => arn.endsWith(`:shop-prod-${suffix}`))!;

test('each channel subscribes to its topic: critical -> the critical topic, none -> the alert topic, warning -> the warning topic', () => {
  const byName = Object.fromEntries(chatConfigurations(stack.model).map((c) => [c.name, c]));
  expect(Object.keys(byName).sort()).toEqual(['shop-prod-slack-C0ALERTS01', 'shop-prod-slack-C0PAGING01', 'shop-prod-teams-8f959d5b66']);
  expect(byName['shop-prod-slack-C0PAGING01'].topics).toEqual([topicNamed('alerts-critical')]);
  expect(byName['shop-prod-slack-C0ALERTS01'].topics).toEqual([topicNamed('alerts')]);
  expect(byName['shop-prod-teams-8f959d5b66'].topics).toEqual([topicNamed('alerts-warning')]);
});

test('every delivery path is Allowed, the chat paths and the alarm paths of every chat topic included', async () => {
  const requests = deliveryPaths(stack.model, stack.options);
  expect(describeOf((await decideAll(requests)).filter((r) => r.decision !== 'Allowed'))).toEqual([]);
  const configs = chatConfigurations(stack.model);
  const on = (path: string) => requests.filter((r) => r.path === path);
  // One subscription per topic of each configuration; one trust and three graph reads (role and guardrails) each.
  expect(on(ChatPath.SUBSCRIBE)).toHaveLength(configs.reduce((n, c) => n + c.topics.length, 0));
  expect(on(ChatPath.ROLE_TRUST)).toHaveLength(configs.length);
  expect(on(ChatPath.ROLE_READ)).toHaveLength(3 * configs.length);
  expect(on(ChatPath.GUARDRAIL_READ)).toHaveLength(3 * configs.length);
  // Every chat topic, the two severity topics included, is notified by alarms whose publish and key
  // uses are Allowed (the same requests as for the email topics), and SNS may use its key.
  const chatTopics = [...new Set(configs.flatMap((c) => c.topics))];
  expect(chatTopics).toHaveLength(3);
  const notified = new Set(notifyingAlarms(stack.model).flatMap((a) => a.topics));
  for (const topic of chatTopics) {
    expect(notified).toContain(topic);
    expect(on(Path.ALARM_PUBLISH).filter((r) => r.resource === topic).length).toBeGreaterThan(0);
    expect(on(Path.ALARM_TOPIC_KEY).filter((r) => r.context['kms:EncryptionContext:aws:sns:topicArn'] === topic).length).toBeGreaterThan(0);
    expect(on(Path.SNS_TOPIC_KEY).filter((r) => r.context['kms:EncryptionContext:aws:sns:topicArn'] === topic)).toHaveLength(2);
  }
});

test('misuse is Denied: the channel role and guardrails write nothing, Chatbot\'s service principal and other accounts get no topic or key use', async () => {
  const misuse = chatMisusePaths(stack.model);
  // Per configuration: 7 writes + 2 per topic + 2 per key, each against the role and the guardrails;
  // per topic 2 service-principal topic requests, one key request per key and two other-account subscriptions.
  expect(misuse.length).toBe(chatConfigurations(stack.model).length * (2 * (7 + 2 + 2) + 2 + 1 + 2));
  expect(describeOf((await decideAll(misuse)).filter((r) => r.decision === 'Allowed'))).toEqual([]);
  // And the platform's other misuse paths stay Denied with chat channels on.
  expect(describeOf((await decideAll(misusePaths(stack.model, stack.options))).filter((r) => r.decision === 'Allowed'))).toEqual([]);
});

test('the guardrails are the templates\' notifications policy, never AdministratorAccess', () => {
  for (const config of chatConfigurations(stack.model)) {
    expect(config.guardrailArns.length).toBeGreaterThan(0);
    expect(config.guardrailArns.join()).not.toMatch(/AdministratorAccess/);
    const statements = guardrailPolicies(stack.model, config).flatMap((p) => p.policy.Statement);
    expect(statements).toEqual([{
      Sid: 'ReadCloudWatchForAlarmNotifications', Effect: 'Allow', Action: ['cloudwatch:Describe*', 'cloudwatch:Get*', 'cloudwatch:List*'], Resource: '*',
    }]);
    expect(config.loggingLevel).toBe('ERROR');
  }
});

test('chat channels add no key or topic policy statement: the policies equal those of the same platform without channels', () => {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const plain = new Stack(app, 'ChatAlerts', { env: { account: ENV.account, region: ENV.region } });
  new PlatformMonitoring(plain, 'Monitoring', {
    environment: DeploymentEnvironment.PROD,
    projectName: 'shop',
    lambdaFunctions: [lambda.Function.fromFunctionName(plain, 'Orders', 'shop-orders')],
    recipients: { emails: ['ops@example.com'], criticalEmails: ['oncall@example.com'] },
  });
  process.env.CDK_VALIDATION = 'false';
  const [template] = loadAssembly(app.synth()).filter((t) => t.stackName === 'ChatAlerts');
  delete process.env.CDK_VALIDATION;
  const [chat] = stack.templates.filter((t) => t.stackName === 'ChatAlerts');
  const policies = (t: typeof chat, type: string, prop: string) => Object.fromEntries(t.resources(type)
    .map((r) => [r.logicalId, t.props(r.logicalId)[prop]]));
  expect(policies(chat, 'AWS::KMS::Key', 'KeyPolicy')).toEqual(policies(template, 'AWS::KMS::Key', 'KeyPolicy'));
  const chatTopicPolicies = policies(chat, 'AWS::SNS::TopicPolicy', 'PolicyDocument');
  const plainTopicPolicies = policies(template, 'AWS::SNS::TopicPolicy', 'PolicyDocument');
  for (const [id, doc] of Object.entries(plainTopicPolicies)) expect(chatTopicPolicies[id]).toEqual(doc);
  // The warning topic exists for the Teams channel only: the same two statements as every topic.
  for (const doc of Object.values(chatTopicPolicies)) {
    expect(doc.Statement.map((s: any) => s.Sid)).toEqual(['AllowPublishThroughSSLOnly', AlertTopic.CLOUDWATCH_PUBLISH_SID]);
  }
});

/** The statements only chat channels add, and the paths their removal must break. */
const CHAT_PROOFS: Proof[] = [
  {
    statement: 'channel role trust chatbot.amazonaws.com',
    edit: withoutServicePrincipal('AWS::IAM::Role', 'chatbot.amazonaws.com', 'AssumeRolePolicyDocument'),
    breaks: (r) => r.path === ChatPath.ROLE_TRUST,
  },
  {
    statement: 'notifications policy ReadCloudWatchForAlarmNotifications',
    edit: withoutSid('AWS::IAM::ManagedPolicy', 'ReadCloudWatchForAlarmNotifications'),
    breaks: (r) => r.path === ChatPath.ROLE_READ || r.path === ChatPath.GUARDRAIL_READ,
  },
];

/** A proof restricted to the requests on the chat topics (the topic and key grants the chat path relies on). */
const chatTopicProof = (statement: string, edit: StatementEdit, path: Path): Proof => ({
  statement,
  edit,
  breaks: (r) => r.path === path && chatConfigurations(stack.model).some((c) =>
    c.topics.includes(r.resource) || c.topics.includes(r.context['kms:EncryptionContext:aws:sns:topicArn'] as string)),
});

describe('each statement the chat path relies on, removed, breaks it', () => {
  const proofs = () => [
    ...CHAT_PROOFS,
    chatTopicProof(`topic ${AlertTopic.CLOUDWATCH_PUBLISH_SID}`, withoutSid('AWS::SNS::TopicPolicy', AlertTopic.CLOUDWATCH_PUBLISH_SID), Path.ALARM_PUBLISH),
    chatTopicProof(`key ${KeyPolicySid.CLOUDWATCH}`, withoutSid('AWS::KMS::Key', KeyPolicySid.CLOUDWATCH), Path.ALARM_TOPIC_KEY),
    chatTopicProof(`key ${KeyPolicySid.SNS}`, withoutSid('AWS::KMS::Key', KeyPolicySid.SNS), Path.SNS_TOPIC_KEY),
  ];

  test.each([0, 1, 2, 3, 4])('proof %i', (i) => {
    const proof = proofs()[i];
    const before = deliveryPaths(stack.model, stack.options).filter(proof.breaks);
    expect(before.length).toBeGreaterThan(0);
    expect(before.filter((r) => decide(r) !== 'Allowed').map((r) => r.description)).toEqual([]);
    const after = deliveryPaths(stack.model.withEdit(proof.edit), stack.options).filter(proof.breaks);
    expect(after).toHaveLength(before.length);
    expect(after.filter((r) => decide(r) === 'Allowed').map((r) => `${proof.statement}: ${r.description}`)).toEqual([]);
  });

  test('every service statement of the chat platform has a proof (the platform\'s own or a chat one)', () => {
    const unproven = stack.model.serviceStatements().filter(({ location, statement }) =>
      !FIXTURE_LOGICAL_ID.test(location.logicalId) && [...PROOFS, ...CHAT_PROOFS].every((p) => p.edit(location, statement) === statement));
    expect(unproven.map(({ location, statement }) => `${location.type} ${statement.Sid ?? servicePrincipals(statement).join(',')}`)).toEqual([]);
  });
});
