import { ENV } from './cfn-model';
import { alarmPaths, deliveryPaths, notifyingAlarms, Path } from './delivery-paths';
import { misusePaths } from './misuse-paths';
import { servicePrincipals, withoutSid } from './policies';
import { PROOFS } from './proofs';
import { decide, Decision, decideAll, PathRequest } from './simulate';
import {
  ALARM_SOURCE_ACCOUNTS, ALARM_SOURCE_ORGANIZATION, crossAccountAlertsStack, defaultStack, FIXTURE_LOGICAL_ID, organizationAlertsStack,
  SimulatedStack,
} from './stacks';
import { KeyPolicySid } from '../../src/encryption/key-policy';
import { AlertTopic } from '../../src/notifications/alert-topic';

// Cross-account alarm publishing: alarms of the source accounts (listed, or of an organization)
// publish to the monitoring account's encrypted topic. CloudWatch publishes as
// cloudwatch.amazonaws.com with aws:SourceAccount / aws:SourceArn (and, for a member account of an
// organization, aws:SourceOrgID) of the alarm (IAM User Guide, "AWS global condition context
// keys"), and needs kms:GenerateDataKey* / kms:Decrypt on the topic key, whose request carries
// SNS's encryption context aws:sns:topicArn (Amazon SNS Developer Guide, "Key management").

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

// The topic policy stops these at sns:Publish, so no KMS request is ever made for them (the key
// serves the platform's topics, whoever's alarm: see misuse-paths.ts for its own denials).
const publishOnly = (rs: PathRequest[]) => rs.filter((r) => r.action === 'sns:Publish');

test('denied: an unlisted account, a listed account\'s alarm outside the prefix, and publishing without TLS', async () => {
  const requests = [
    ...publishOnly(alarmPaths(stack.model, UNLISTED)).map((r) => ({ ...r, description: `${r.description} (unlisted ${UNLISTED})` })),
    ...publishOnly(alarmPaths(stack.model, ALARM_SOURCE_ACCOUNTS[0], (n) => `not-the-platform-${n}`)),
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
    .filter((r) => !(ALARM_PATHS.has(r.path) && r.context['aws:SourceAccount'] !== undefined && r.context['aws:SourceAccount'] !== ENV.account));
  expect(describeOf((await decideAll(misuse)).filter((r) => r.decision === 'Allowed'))).toEqual([]);
});

test('without alarmSourceAccounts, no other account\'s alarm may publish', async () => {
  const plain = defaultStack();
  const requests = ALARM_SOURCE_ACCOUNTS.flatMap((a) => publishOnly(alarmPaths(plain.model, a)));
  expect(requests.length).toBeGreaterThan(0);
  expect(describeOf((await decideAll(requests)).filter((r) => r.decision === 'Allowed'))).toEqual([]);
});

/** The removal proofs of the two cross-account statements: without each, its requests turn Denied. */
const CROSS_ACCOUNT_PROOFS = [
  { statement: `topic ${AlertTopic.SOURCE_ACCOUNTS_PUBLISH_SID}`, edit: withoutSid('AWS::SNS::TopicPolicy', AlertTopic.SOURCE_ACCOUNTS_PUBLISH_SID), path: Path.ALARM_PUBLISH },
  // The key's one CloudWatch statement serves every account's alarms (scoped by topic).
  { statement: `key ${KeyPolicySid.CLOUDWATCH}`, edit: withoutSid('AWS::KMS::Key', KeyPolicySid.CLOUDWATCH), path: Path.ALARM_TOPIC_KEY },
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

describe('organization scoping (crossAccountAlerts.alarmSourceOrganizationId)', () => {
  let org: SimulatedStack;
  beforeAll(() => {
    org = organizationAlertsStack();
  });
  /** Accounts never listed anywhere: any member of the organization must work. */
  const MEMBERS = ['555555555555', '666666666666', '777777777777'];
  const orgRequests = (model: typeof stack.model, accounts: string[], orgId: string | undefined, name?: (n: string) => string) =>
    accounts.flatMap((a) => alarmPaths(model, a, name, orgId).map((r) => ({ ...r, description: `${r.description} (account ${a}, ${orgId ?? 'no organization'})` })));

  test('an alarm of any account of the organization publishes to the topic and uses its key', async () => {
    const requests = orgRequests(org.model, MEMBERS, ALARM_SOURCE_ORGANIZATION);
    expect(requests.filter((r) => r.path === Path.ALARM_PUBLISH).length).toBe(MEMBERS.length * notifyingAlarms(org.model).length);
    expect(requests.filter((r) => r.path === Path.ALARM_TOPIC_KEY).length).toBe(2 * MEMBERS.length * notifyingAlarms(org.model).length);
    expect(describeOf((await decideAll(requests)).filter((r) => r.decision !== 'Allowed'))).toEqual([]);
  });

  test('denied: another organization, an account in no organization, and a member\'s alarm outside the prefix', async () => {
    const publishes = (rs: PathRequest[]) => rs.filter((r) => r.path === Path.ALARM_PUBLISH);
    const requests = [
      ...publishes(orgRequests(org.model, MEMBERS, 'o-zzzzzzzzzz')),
      ...publishes(orgRequests(org.model, [UNLISTED], undefined)),
      ...publishes(orgRequests(org.model, [MEMBERS[0]], ALARM_SOURCE_ORGANIZATION, (n) => `not-the-platform-${n}`)),
    ];
    expect(requests.length).toBe((MEMBERS.length + 2) * notifyingAlarms(org.model).length);
    expect(describeOf((await decideAll(requests)).filter((r) => r.decision === 'Allowed'))).toEqual([]);
  });

  test('the topic policy holds the organization statement, with aws:SourceOrgID and the alarm prefix in any account', () => {
    const topics = org.model.resources('AWS::SNS::TopicPolicy').map((t) => t.template.props(t.logicalId).PolicyDocument.Statement).flat();
    const st = topics.find((x: any) => x.Sid === AlertTopic.SOURCE_ORGANIZATION_PUBLISH_SID);
    expect(st.Condition).toEqual({
      StringEquals: { 'aws:SourceOrgID': ALARM_SOURCE_ORGANIZATION },
      ArnLike: { 'aws:SourceArn': `arn:${ENV.partition}:cloudwatch:${ENV.region}:*:alarm:shop-prod-*` },
    });
  });

  test(`without ${AlertTopic.SOURCE_ORGANIZATION_PUBLISH_SID}, the members' publishes are Denied`, () => {
    const before = orgRequests(org.model, MEMBERS, ALARM_SOURCE_ORGANIZATION).filter((r) => r.path === Path.ALARM_PUBLISH);
    expect(before.filter((r) => decide(r) !== 'Allowed').map((r) => r.description)).toEqual([]);
    const after = orgRequests(org.model.withEdit(withoutSid('AWS::SNS::TopicPolicy', AlertTopic.SOURCE_ORGANIZATION_PUBLISH_SID)),
      MEMBERS, ALARM_SOURCE_ORGANIZATION).filter((r) => r.path === Path.ALARM_PUBLISH);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((r) => decide(r) === 'Allowed').map((r) => r.description)).toEqual([]);
  });
});
