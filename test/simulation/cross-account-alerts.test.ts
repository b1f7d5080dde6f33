import { ENV } from './cfn-model';
import { alarmPaths, deliveryPaths, notifyingAlarms, Path } from './delivery-paths';
import { misusePaths } from './misuse-paths';
import { servicePrincipals, withoutSid } from './policies';
import { PROOFS } from './proofs';
import { decide, Decision, decideAll, PathRequest } from './simulate';
import { ALARM_SOURCE_ACCOUNTS, crossAccountAlertsStack, defaultStack, FIXTURE_LOGICAL_ID, SimulatedStack } from './stacks';
import { KeyPolicySid } from '../../src/encryption/key-policy';
import { AlertTopic } from '../../src/notifications/alert-topic';

// Cross-account alarm publishing (issue 18 part 4): alarms of the source accounts publish to the
// monitoring account's encrypted topic. CloudWatch publishes as cloudwatch.amazonaws.com with
// aws:SourceAccount / aws:SourceArn of the alarm (the source account's alarm ARN), and needs
// kms:GenerateDataKey* / kms:Decrypt on the topic key (Amazon SNS Developer Guide, "Encryption at
// rest"), the same requests as the single-account paths, from another account.

const describeOf = (rs: { req: PathRequest; decision: Decision }[]) => rs.map((r) => `${r.decision}: ${r.req.description}`);
const UNLISTED = '444444444444';
const ALARM_PATHS = new Set<string>([Path.ALARM_PUBLISH, Path.ALARM_TOPIC_KEY]);

let stack: SimulatedStack;
beforeAll(() => {
  stack = crossAccountAlertsStack();
});

test('alarms of each listed source account publish to the topic and use its key', async () => {
  const requests = ALARM_SOURCE_ACCOUNTS.flatMap((a) => alarmPaths(stack.model, a)
    .map((r) => ({ ...r, description: `${r.description} (source account ${a})` })));
  // Every notifying alarm of the platform, once per source account: publish + two key uses.
  expect(requests.length).toBe(ALARM_SOURCE_ACCOUNTS.length * 3 * notifyingAlarms(stack.model).length);
  expect(describeOf((await decideAll(requests)).filter((r) => r.decision !== 'Allowed'))).toEqual([]);
});

test('denied: an unlisted account, a listed account\'s alarm outside the prefix, and publishing without TLS', async () => {
  const requests = [
    ...alarmPaths(stack.model, UNLISTED).map((r) => ({ ...r, description: `${r.description} (unlisted ${UNLISTED})` })),
    ...alarmPaths(stack.model, ALARM_SOURCE_ACCOUNTS[0], (n) => `not-the-platform-${n}`),
    ...alarmPaths(stack.model, ALARM_SOURCE_ACCOUNTS[1]).filter((r) => r.action === 'sns:Publish')
      .map((r) => ({ ...r, description: `${r.description} without TLS`, context: { ...r.context, 'aws:SecureTransport': 'false' } })),
  ];
  expect(requests.length).toBeGreaterThan(3);
  expect(describeOf((await decideAll(requests)).filter((r) => r.decision === 'Allowed'))).toEqual([]);
});

test('the single-account paths still hold, and misuse other than the listed accounts is still denied', async () => {
  const delivery = await decideAll(deliveryPaths(stack.model, stack.options));
  expect(describeOf(delivery.filter((r) => r.decision !== 'Allowed'))).toEqual([]);
  // misusePaths sends another account's alarms as 222222222222, which is listed here: leave those out.
  const misuse = misusePaths(stack.model, stack.options)
    .filter((r) => !(ALARM_PATHS.has(r.path) && r.context['aws:SourceAccount'] !== ENV.account));
  expect(describeOf((await decideAll(misuse)).filter((r) => r.decision === 'Allowed'))).toEqual([]);
});

test('without alarmSourceAccounts, no other account\'s alarm may publish', async () => {
  const plain = defaultStack();
  const requests = ALARM_SOURCE_ACCOUNTS.flatMap((a) => alarmPaths(plain.model, a));
  expect(requests.length).toBeGreaterThan(0);
  expect(describeOf((await decideAll(requests)).filter((r) => r.decision === 'Allowed'))).toEqual([]);
});

/** The removal proofs of the two cross-account statements: without each, its requests turn Denied. */
const CROSS_ACCOUNT_PROOFS = [
  { statement: `topic ${AlertTopic.SOURCE_ACCOUNTS_PUBLISH_SID}`, edit: withoutSid('AWS::SNS::TopicPolicy', AlertTopic.SOURCE_ACCOUNTS_PUBLISH_SID), path: Path.ALARM_PUBLISH },
  { statement: `key ${KeyPolicySid.CLOUDWATCH_SOURCE_ACCOUNTS}`, edit: withoutSid('AWS::KMS::Key', KeyPolicySid.CLOUDWATCH_SOURCE_ACCOUNTS), path: Path.ALARM_TOPIC_KEY },
];

test.each(CROSS_ACCOUNT_PROOFS.map((p) => [p.statement, p] as const))('without %s, the source accounts\' requests are Denied', (_s, proof) => {
  const requests = (model: typeof stack.model) => ALARM_SOURCE_ACCOUNTS.flatMap((a) => alarmPaths(model, a)).filter((r) => r.path === proof.path);
  const before = requests(stack.model);
  expect(before.length).toBeGreaterThan(0);
  expect(before.filter((r) => decide(r) !== 'Allowed').map((r) => r.description)).toEqual([]);
  const after = requests(stack.model.withEdit(proof.edit));
  expect(after.filter((r) => decide(r) === 'Allowed').map((r) => r.description)).toEqual([]);
});

test('every service statement of the cross-account platform has a proof', () => {
  const edits = [...PROOFS.map((p) => p.edit), ...CROSS_ACCOUNT_PROOFS.map((p) => p.edit)];
  const unproven = stack.model.serviceStatements().filter(({ location, statement }) =>
    !FIXTURE_LOGICAL_ID.test(location.logicalId) && edits.every((edit) => edit(location, statement) === statement));
  expect(unproven.map(({ location, statement }) => `${location.type} ${statement.Sid ?? servicePrincipals(statement).join(',')}`)).toEqual([]);
});
