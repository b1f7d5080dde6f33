import * as fs from 'fs';
import * as path from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import { INTEG_APPS, normalise, snapshotDir, synthTemplates } from './snapshot';

const UPDATE = 'npx projen integ:snapshot';

/** Runs an expectation; on failure, says what differs and which command updates the snapshots. */
function explain(what: string, assertion: () => void): void {
  try {
    assertion();
  } catch (e: any) {
    e.message = `${what}. If the change is intended, run \`${UPDATE}\` and commit test/integ/snapshots/.\n\n${e.message}`;
    throw e;
  }
}

/**
 * What integ-tests-alpha puts in an assertions stack. cdk-nag does not check these resources (the
 * library writes them as plain `CfnResource`s, and the packs' rules look for L1 classes such as
 * `CfnFunction`), so this list is what keeps anything else from hiding there.
 */
const ASSERTION_MACHINERY = /^(Custom::DeployAssert@.+|AWS::IAM::Role|AWS::Lambda::Function|AWS::Lambda::Permission|AWS::StepFunctions::StateMachine)$/;

describe.each(INTEG_APPS.map((def) => [def.name, def] as const))('integration app %s', (_name, def) => {
  // Synthesis registers the five cdk-nag packs (test/integ/integ-app.ts): it throws on any
  // unacknowledged finding, so reaching the assertions below means the packs passed.
  const templates = synthTemplates(def);
  const dir = snapshotDir(def);

  test('matches the committed snapshot of every stack', () => {
    const committed = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.template.json')).sort() : [];
    const expected = Object.keys(templates).map((stack) => `${stack}.template.json`).sort();
    explain(`the stacks of ${def.name} differ from the files in ${path.relative(process.cwd(), dir)}`, () => expect(committed).toEqual(expected));
    for (const [stack, template] of Object.entries(templates)) {
      const file = path.join(dir, `${stack}.template.json`);
      const snapshot = JSON.parse(fs.readFileSync(file, 'utf8'));
      explain(`the template of ${stack} differs from ${path.relative(process.cwd(), file)}`, () => expect(template).toEqual(snapshot));
    }
  });

  test('one test stack with PlatformMonitoring in DEV, and one assertions stack with assertions that fail the deployment', () => {
    const ids = Object.keys(templates);
    const assertId = ids.filter((id) => /DeployAssert/.test(id));
    const testId = ids.filter((id) => !/DeployAssert/.test(id));
    expect([assertId.length, testId.length]).toEqual([1, 1]);
    const app = Template.fromJSON(templates[testId[0]] as any);
    app.resourceCountIs('AWS::CloudTrail::Trail', 1);
    // The alert topic; alarm-delivery also routes critical and warning alarms to their own topics
    // (and to a chat channel's topic when INTEG_SLACK_* is set), to prove delivery to each.
    const topics = Object.keys(app.findResources('AWS::SNS::Topic')).length;
    expect(topics).toBe(def.name === 'alarm-delivery' ? 3 : 1);
    // DESTROY outside PROD, so `cdk destroy` removes the key, groups and buckets.
    for (const type of ['AWS::KMS::Key', 'AWS::Logs::LogGroup', 'AWS::S3::Bucket']) {
      for (const resource of Object.values(app.findResources(type))) expect(resource.DeletionPolicy).toBe('Delete');
    }
    const resources = Object.values<any>((templates[assertId[0]] as any).Resources);
    for (const r of resources) expect(r.Type).toMatch(ASSERTION_MACHINERY);
    // Every call that expects something waits for it (a state machine): a plain `expect` would
    // pass `cdk deploy` even when it fails (see assertEventually in integ-app.ts).
    const sdkCalls = resources.filter((r) => String(r.Type).startsWith('Custom::DeployAssert@SdkCall'));
    const asserting = sdkCalls.filter((r) => r.Properties.expected !== undefined);
    expect(asserting.length).toBeGreaterThan(0);
    for (const call of asserting) expect(call.Properties.stateMachineArn).toBeDefined();
  });
});

test('every integ.<name>.ts app is snapshotted (INTEG_APPS is complete)', () => {
  const files = fs.readdirSync(__dirname).map((f) => /^integ\.(.+)\.ts$/.exec(f)?.[1]).filter(Boolean).sort();
  expect(INTEG_APPS.map((d) => d.name).sort()).toEqual(files);
  expect(files.length).toBe(5);
});

test('normalise removes only the assertion salt and asset hashes', () => {
  const hash = 'a'.repeat(64);
  expect(normalise({ salt: '1767225600000', S3Key: `${hash}.zip`, Keep: 'abc123' }))
    .toEqual({ salt: '<salt>', S3Key: '<asset-hash>.zip', Keep: 'abc123' });
});
