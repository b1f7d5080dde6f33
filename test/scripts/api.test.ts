import { execSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { apiElements, baselineAssembly, lostElements, unmentionedLosses, unnotedLosses, upgradeNotes } from '../../scripts/api';

/** A small assembly shaped like the one jsii writes (`.jsii`). */
function assembly(overrides: Record<string, any> = {}): Record<string, any> {
  return {
    author: { name: 'someone', roles: ['author'] },
    dependencies: { 'aws-cdk-lib': '^2.270.0' },
    dependencyClosure: { 'aws-cdk-lib': { targets: { python: { module: 'aws_cdk' } } } },
    description: 'd',
    docs: { stability: 'stable' },
    homepage: 'h',
    jsiiVersion: '6.0.16',
    license: 'Apache-2.0',
    name: 'pkg',
    readme: { markdown: '# pkg\n\nA long README.' },
    repository: { type: 'git', url: 'u' },
    schema: 'jsii/0.10.0',
    types: {
      'pkg.Props': {
        assembly: 'pkg',
        datatype: true,
        docs: { stability: 'experimental', summary: 'Props.' },
        fqn: 'pkg.Props',
        kind: 'interface',
        locationInModule: { filename: 'src/props.ts', line: 10 },
        name: 'Props',
        properties: [{
          abstract: true,
          docs: { default: '- none', stability: 'experimental', summary: 'A prop.' },
          immutable: true,
          locationInModule: { filename: 'src/props.ts', line: 12 },
          name: 'runbookUrl',
          optional: true,
          type: { primitive: 'string' },
        }],
        symbolId: 'src/props:Props',
      },
    },
    version: '0.0.0',
    fingerprint: 'jsii-fingerprint',
    ...overrides,
  };
}

test('the baseline drops the README, the dependency closure and every source position', () => {
  const out = baselineAssembly(assembly());
  expect(out.readme).toBeUndefined();
  expect(out.dependencyClosure).toBeUndefined();
  expect(JSON.stringify(out)).not.toContain('locationInModule');
});

test('the baseline keeps what jsii-diff compares: types, members, optionality and stability', () => {
  const out = baselineAssembly(assembly());
  const props = out.types['pkg.Props'];
  expect(props.docs).toEqual({ stability: 'experimental', summary: 'Props.' });
  expect(props.properties).toEqual([{
    abstract: true,
    docs: { default: '- none', stability: 'experimental', summary: 'A prop.' },
    immutable: true,
    name: 'runbookUrl',
    optional: true,
    type: { primitive: 'string' },
  }]);
  expect(out.dependencies).toEqual({ 'aws-cdk-lib': '^2.270.0' });
  expect(out.schema).toBe('jsii/0.10.0');
  // The jsii schema requires a fingerprint.
  expect(typeof out.fingerprint).toBe('string');
});

test('same assembly, same bytes; README or line changes do not change the baseline', () => {
  const first = JSON.stringify(baselineAssembly(assembly()), null, 2);
  expect(JSON.stringify(baselineAssembly(assembly()), null, 2)).toBe(first);

  const moved = assembly({ readme: { markdown: '# pkg\n\nRewritten.' }, fingerprint: 'another' });
  moved.types['pkg.Props'].locationInModule.line = 99;
  expect(JSON.stringify(baselineAssembly(moved), null, 2)).toBe(first);
});

test('an API change changes the baseline and its fingerprint', () => {
  const before = baselineAssembly(assembly());
  const changed = assembly();
  changed.types['pkg.Props'].properties[0].optional = false;
  const after = baselineAssembly(changed);
  expect(after.types['pkg.Props'].properties[0].optional).toBe(false);
  expect(after.fingerprint).not.toBe(before.fingerprint);
});

test('no second assembly of this package in the tree: jsii-docgen would document it instead of the build', () => {
  // API.md once described api/baseline/.jsii (an old API) and the generated-files check could not
  // see it: docgen output matched the committed API.md. Only the compiled .jsii at the root may exist.
  const tracked: string[] = execSync('git ls-files', { cwd: `${__dirname}/../..`, encoding: 'utf8' }).split('\n');
  expect(tracked.filter((f) => f.endsWith('.jsii') || /(^|\/)\.jsii$/.test(f))).toEqual([]);
  expect(tracked).toContain('api/baseline/assembly.json');
  expect(tracked.filter((f) => f.startsWith('api/') && f.endsWith('package.json'))).toEqual([]);
});

describe('a lost API element needs an upgrade note', () => {
  let root: string;
  beforeEach(() => { root = fs.mkdtempSync(path.join(os.tmpdir(), 'api-notes-')); });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** The assembly without `runbookUrl`, as after a rename. */
  function withoutRunbookUrl(): Record<string, any> {
    const current = assembly();
    current.types['pkg.Props'].properties = [];
    return current;
  }

  const README = (upgrading: string) => `# pkg\n\n## Usage\n\nrunbookUrl is used here.\n\n## Upgrading\n\n${upgrading}\n\n## Contributing\n\nx\n`;

  test('elements are types and their members', () => {
    expect(apiElements(assembly())).toEqual(['Props', 'Props.runbookUrl']);
    expect(lostElements(assembly(), withoutRunbookUrl())).toEqual(['Props.runbookUrl']);
    expect(lostElements(assembly(), assembly())).toEqual([]);
  });

  test('fails on a removed element without an entry in README "Upgrading" (a mention elsewhere does not count)', () => {
    fs.writeFileSync(path.join(root, 'README.md'), README('- `alarms` is now `allAlarms`.'));
    expect(unnotedLosses(assembly(), withoutRunbookUrl(), root)).toEqual(['Props.runbookUrl']);
  });

  test('passes with an entry in README "Upgrading"', () => {
    fs.writeFileSync(path.join(root, 'README.md'), README('- `runbookUrl` → `runbook`.'));
    expect(unnotedLosses(assembly(), withoutRunbookUrl(), root)).toEqual([]);
  });

  test('passes with an entry in docs/upgrading.md', () => {
    fs.writeFileSync(path.join(root, 'README.md'), '# pkg\n\nSee docs/upgrading.md.\n');
    fs.mkdirSync(path.join(root, 'docs'));
    fs.writeFileSync(path.join(root, 'docs', 'upgrading.md'), '# Upgrading\n\n- `runbookUrl` → `runbook`.\n');
    expect(unnotedLosses(assembly(), withoutRunbookUrl(), root)).toEqual([]);
  });

  test('a name is matched as a whole word', () => {
    expect(unmentionedLosses(['Props.runbookUrl'], '`runbookUrls` → `x`')).toEqual(['Props.runbookUrl']);
    expect(unmentionedLosses(['Props.runbookUrl'], '- `runbookUrl`: removed')).toEqual([]);
    expect(unmentionedLosses(['Props.runbookUrl'], '- `alarms.runbookUrl` → `alarms.runbook`')).toEqual([]);
  });

  test('only a mention in inline code counts: prose and fenced examples do not', () => {
    // A lost member with a common-word name is not excused by the English word...
    expect(unmentionedLosses(['Options.enabled'], 'Alarms are enabled by default.')).toEqual(['Options.enabled']);
    // ...nor by an example that happens to use it.
    expect(unmentionedLosses(['Options.enabled'], '```ts\nconst x = { enabled: true };\n```\n')).toEqual(['Options.enabled']);
    expect(unmentionedLosses(['Options.enabled'], '- `securityAlarms: true` → `securityAlarms: { enabled: true }`')).toEqual([]);
    expect(unmentionedLosses(['Options'], 'The ``Options`` interface is gone.')).toEqual([]);
  });

  test('the Upgrading section ends at the next heading of its level', () => {
    fs.writeFileSync(path.join(root, 'README.md'), README('- one'));
    expect(upgradeNotes(root)).toBe('## Upgrading\n\n- one\n');
  });
});
