import { deliveryPaths, notifyingAlarms, Path } from './delivery-paths';
import { keyAdminRequests, misusePaths } from './misuse-paths';
import { Decision, decideAll, PathRequest } from './simulate';
import { allOptionsStack, defaultStack, envAgnosticStack, scaleStack, SimulatedStack } from './stacks';

// Policy simulation of every delivery path (issue 12 part 1): the synthesized templates of four
// platforms, nested stacks included, resolved for account 111111111111 / eu-west-1 / aws, each
// request evaluated by iam-simulate against the resource and identity policies it meets in AWS.
// What is simulated and what is not: README "How we know it works".

/** Each stack is synthesized once per file. */
function once<T>(f: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= f());
}
const scale = once(scaleStack);

const describeOf = (rs: { req: PathRequest; decision: Decision }[]) => rs.map((r) => `${r.decision}: ${r.req.description}`);

/** Paths every platform has, and the ones only some options add. */
const ALWAYS = [Path.ALARM_PUBLISH, Path.ALARM_TOPIC_KEY, Path.SNS_TOPIC_KEY, Path.LOGS_KEY, Path.TRAIL_BUCKET_ACL,
  Path.TRAIL_BUCKET_WRITE, Path.TRAIL_KEY_ENCRYPT, Path.TRAIL_KEY_DESCRIBE, Path.TRAIL_KEY_DECRYPT, Path.TRAIL_ROLE_TRUST,
  Path.TRAIL_ROLE_LOGS, Path.EVENTS_LOGS, Path.ACCESS_LOGS, Path.PUT_METRIC_DATA];
const REPLICATION = [Path.REPLICATION_TRUST, Path.REPLICATION_SOURCE, Path.REPLICATION_SOURCE_KEY, Path.REPLICATION_DESTINATION];

describe.each([
  ['composed default', defaultStack, ALWAYS],
  ['all options', allOptionsStack, [...ALWAYS, ...REPLICATION]],
  ['env-agnostic', envAgnosticStack, ALWAYS],
  ['500 functions', scale, ALWAYS],
] as [string, () => SimulatedStack, Path[]][])('%s stack', (_name, build, expectedPaths) => {
  let stack: SimulatedStack;
  let delivery: { req: PathRequest; decision: Decision }[];

  beforeAll(async () => {
    stack = build();
    delivery = await decideAll(deliveryPaths(stack.model, stack.options));
  });

  test('every delivery path is Allowed', () => {
    expect(describeOf(delivery.filter((r) => r.decision !== 'Allowed'))).toEqual([]);
  });

  test('every expected path is exercised, for every alarm and every encrypted log group of every template', () => {
    const paths = new Set(delivery.map((r) => r.req.path));
    expect(expectedPaths.filter((p) => !paths.has(p))).toEqual([]);
    // One publish per notifying alarm (composites and nested stacks included), three key uses per encrypted group.
    const alarms = notifyingAlarms(stack.model);
    expect(delivery.filter((r) => r.req.path === Path.ALARM_PUBLISH)).toHaveLength(alarms.reduce((n, a) => n + a.topics.length, 0));
    expect(new Set(alarms.map((a) => a.arn)).size).toBe(alarms.length);
    const encryptedGroups = stack.model.resources('AWS::Logs::LogGroup').filter((g) => g.definition.Properties?.KmsKeyId);
    expect(delivery.filter((r) => r.req.path === Path.LOGS_KEY)).toHaveLength(3 * encryptedGroups.length);
    expect(encryptedGroups.length).toBe(stack.model.resources('AWS::Logs::LogGroup').length);
  });

  test('misuse is Denied: other accounts, foreign alarm names, no TLS, anonymous readers, other groups and namespaces', async () => {
    const misuse = await decideAll(misusePaths(stack.model, stack.options));
    expect(misuse.length).toBeGreaterThan(20);
    expect(describeOf(misuse.filter((r) => r.decision === 'Allowed'))).toEqual([]);
  });

  test('administrators manage the key; kms:CreateGrant only for AWS resources', async () => {
    const { allowed, denied } = keyAdminRequests(stack.model);
    expect(describeOf((await decideAll(allowed)).filter((r) => r.decision !== 'Allowed'))).toEqual([]);
    expect(describeOf((await decideAll(denied)).filter((r) => r.decision === 'Allowed'))).toEqual([]);
  });
});

test('the 500-function platform: alarms and log groups of nested stacks are simulated', () => {
  const stack = scale();
  const nested = stack.templates.filter((t) => t.stackName.endsWith('-NESTED'));
  expect(nested.length).toBeGreaterThan(0);
  const inNested = (type: string) => nested.flatMap((t) => t.resources(type)).length;
  expect(inNested('AWS::Logs::LogGroup')).toBeGreaterThan(0);
  const paths = deliveryPaths(stack.model, stack.options);
  const nestedGroups = nested.flatMap((t) => t.resources('AWS::Logs::LogGroup').map((g) => t.resolve({ Ref: g.logicalId })));
  const simulatedGroups = new Set(paths.filter((p) => p.path === Path.LOGS_KEY).map((p) => p.context['kms:EncryptionContext:aws:logs:arn']));
  for (const name of nestedGroups) expect(simulatedGroups).toContain(`arn:aws:logs:eu-west-1:111111111111:log-group:${name}`);
  const nestedAlarms = inNested('AWS::CloudWatch::Alarm') + inNested('AWS::CloudWatch::CompositeAlarm');
  const publishes = paths.filter((p) => p.path === Path.ALARM_PUBLISH).length;
  expect(publishes).toBeGreaterThanOrEqual(nestedAlarms > 0 ? nestedAlarms : 1);
});
