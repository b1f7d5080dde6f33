import * as fs from 'fs';
import * as path from 'path';
import { ESLint, loadESLint } from 'eslint';

/**
 * The floor plan (docs/architecture.md) is enforced by the project's own eslint config
 * (.eslintrc.json, generated from .projenrc.ts): these tests plant a violation of each import rule
 * and expect the linter to report it, so a config change that silently drops a rule fails CI.
 */
const ROOT = path.join(__dirname, '..', '..');

async function linter(off: string[]): Promise<ESLint> {
  const LegacyESLint = await loadESLint({ useFlatConfig: false });
  return new LegacyESLint({
    cwd: ROOT,
    // The type-aware rules need the TypeScript project service, which does not know planted files;
    // the import rules do not need types.
    overrideConfig: {
      parserOptions: { projectService: null, project: null },
      rules: Object.fromEntries(['@typescript-eslint/no-floating-promises', '@typescript-eslint/return-await', ...off].map((r) => [r, 'off'])),
    },
  }) as ESLint;
}

/**
 * The messages of one rule for `code` linted as if it were the file `file` (relative to the
 * repository). import/no-cycle reads every module from disk, so it is off for planted (virtual) files.
 */
async function findings(code: string, file: string, rule: string): Promise<string[]> {
  const onDisk = fs.existsSync(path.join(ROOT, file));
  const [result] = await (await linter(onDisk ? [] : ['import/no-cycle'])).lintText(code, { filePath: path.join(ROOT, file) });
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal).toEqual([]);
  return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

const RESTRICTED = 'import/no-restricted-paths';

describe('import/no-restricted-paths: the floor plan', () => {
  test('src/private/ imports nothing from another folder of src/', async () => {
    const code = "import { AlarmSeverity } from '../notifications/alarm-severity';\nexport const s = AlarmSeverity.CRITICAL;\n";
    expect(await findings(code, 'src/private/planted.ts', RESTRICTED)).toEqual([
      'Unexpected path "../notifications/alarm-severity" imported in restricted zone. '
      + 'src/private/ may import only nothing else from src/ (the floor plan in docs/architecture.md).',
    ]);
  });

  test('src/private/ may import src/private/', async () => {
    const code = "import { validationError } from './errors';\nexport const e = validationError;\n";
    expect(await findings(code, 'src/private/planted.ts', RESTRICTED)).toEqual([]);
  });

  test('the nag pack does not import our private validation', async () => {
    const code = "import { checkList } from '../../private/input-checks';\nexport const c = checkList;\n";
    expect(await findings(code, 'src/nag/rules/planted.ts', RESTRICTED)).toEqual([
      'Unexpected path "../../private/input-checks" imported in restricted zone. '
      + 'src/nag/ may import only src/limits/ (the floor plan in docs/architecture.md).',
    ]);
  });

  test('a lower layer does not import a higher one (model/ must not import alarms/)', async () => {
    const code = "import { AlarmFactory } from '../alarms/alarm-factory';\nexport const f = AlarmFactory;\n";
    expect(await findings(code, 'src/model/planted.ts', RESTRICTED)).toHaveLength(1);
  });

  test('no folder imports the L3', async () => {
    const code = "import { PlatformMonitoring } from '../platform-monitoring';\nexport const p = PlatformMonitoring;\n";
    expect(await findings(code, 'src/dashboards/planted.ts', RESTRICTED)).toHaveLength(1);
  });

  test('a higher layer may import a lower one (alarms/ imports metrics/)', async () => {
    const code = "import { LambdaMetrics } from '../metrics/lambda-metrics';\nexport const m = LambdaMetrics;\n";
    expect(await findings(code, 'src/alarms/planted.ts', RESTRICTED)).toEqual([]);
  });
});

describe('import/no-cycle', () => {
  let dir: string;
  beforeAll(() => {
    // Two real files of src/ that import each other (the rule reads the imported module from disk,
    // and applies to src/ only); removed after the test.
    dir = fs.mkdtempSync(path.join(ROOT, 'src', 'planted-cycle-'));
    fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('two modules of src/ importing each other fail the lint', async () => {
    const file = path.relative(ROOT, path.join(dir, 'a.ts'));
    const code = fs.readFileSync(path.join(dir, 'a.ts'), 'utf8');
    expect(await findings(code, file, 'import/no-cycle')).toEqual(['Dependency cycle detected.']);
  });
});
