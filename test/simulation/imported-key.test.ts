import { ENV } from './cfn-model';
import { deliveryPaths, Path } from './delivery-paths';
import { misusePaths } from './misuse-paths';
import { PolicyDocument, PolicyModel } from './policies';
import { PROOFS } from './proofs';
import { decide, decideAll, PathRequest } from './simulate';
import { IMPORTED_KEY_ID, importedKeyStack, SimulatedStack } from './stacks';
import { KeyAdminSid, KeyPolicySid } from '../../src/encryption/key-policy';

// A user-managed key: the construct cannot write its policy and prints the statements to add
// (synth warning). Here they are taken from that warning, put in a key policy next to the account
// statement of AWS KMS's default key policy (AWS KMS Developer Guide, "Default key policy"), and
// every path through the key is evaluated against it.

const KEY_PATHS: string[] = [Path.ALARM_TOPIC_KEY, Path.SNS_TOPIC_KEY, Path.LOGS_KEY, Path.TRAIL_KEY_ENCRYPT,
  Path.TRAIL_KEY_DESCRIBE, Path.TRAIL_KEY_DECRYPT];

/** The statements of the `importedKeyPolicy` warning, parsed. */
function printedStatements(stack: SimulatedStack): any[] {
  const warnings = stack.assembly.stacks.flatMap((s) => s.messages)
    .filter((m) => m.level === 'warning' && String(m.entry.data).includes('cdk-platform-monitoring:importedKeyPolicy'));
  expect(warnings).toHaveLength(1);
  const text = String(warnings[0].entry.data);
  const json = text.slice(text.indexOf('[{'), text.lastIndexOf('}]') + 2);
  return JSON.parse(json);
}

let stack: SimulatedStack;
let printed: any[];
let model: PolicyModel;
let keyRequests: () => PathRequest[];

beforeAll(() => {
  stack = importedKeyStack();
  printed = printedStatements(stack);
  const policy: PolicyDocument = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ENV.account}:root` }, Action: 'kms:*', Resource: '*' },
      ...printed,
    ],
  };
  model = stack.model.withExternalKeyPolicy(IMPORTED_KEY_ID, policy);
  keyRequests = () => deliveryPaths(model, stack.options).filter((r) => KEY_PATHS.includes(r.path));
});

test('the warning prints one statement per service grant and the Control Tower deny, with literal ARNs', () => {
  const sids = [...Object.values(KeyPolicySid), KeyAdminSid.DENY_GRANTS_EXCEPT_AWS_SERVICES];
  expect(printed.map((s) => s.Sid).sort()).toEqual(sids.sort());
  expect(JSON.stringify(printed)).not.toMatch(/Token\[|<account-id>|<region>|<partition>/);
});

test('every path through the user-managed key is Allowed by the printed statements', async () => {
  const results = await decideAll(keyRequests());
  expect(KEY_PATHS.filter((p) => !results.some((r) => r.req.path === p))).toEqual([]);
  expect(results.filter((r) => r.decision !== 'Allowed').map((r) => r.req.description)).toEqual([]);
});

test('the printed statements deny other accounts\' alarms, trails and log groups', async () => {
  const misuse = (await decideAll(misusePaths(model, stack.options))).filter((r) => r.req.resource.includes(IMPORTED_KEY_ID));
  expect(misuse.length).toBeGreaterThan(10);
  expect(misuse.filter((r) => r.decision === 'Allowed').map((r) => r.req.description)).toEqual([]);
});

test.each(PROOFS.filter((p) => Object.values(KeyPolicySid).some((sid) => p.statement === `key ${sid}`)).map((p) => [p.statement, p] as const))(
  'without printed %s its path is Denied', (_statement, proof) => {
    const broken = deliveryPaths(model.withEdit(proof.edit), stack.options).filter(proof.breaks);
    expect(broken.length).toBeGreaterThan(0);
    expect(broken.filter((r) => decide(r) === 'Allowed').map((r) => r.description)).toEqual([]);
  });
