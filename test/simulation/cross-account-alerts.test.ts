import { ENV } from './cfn-model';
import { alarmPaths, deliveryPaths, notifyingAlarms, Path } from './delivery-paths';
import { misusePaths } from './misuse-paths';
import { Decision, decideAll, PathRequest } from './simulate';
import { ALARM_SOURCE_ACCOUNTS, crossAccountAlertsStack, defaultStack, SimulatedStack } from './stacks';

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
