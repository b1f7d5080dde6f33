// scripts/docs-examples.ts: how a ```ts block of the docs becomes a program (the fixture, the
// block at `/// here`, its imports first), as jsii-rosetta builds the README's.
import { examplesOf, programOf } from '../../scripts/docs-examples';

const markdown = [
  '# Guide',
  '```bash',
  'npx cdk deploy   # not TypeScript',
  '```',
  '```ts',
  "import { AlarmSeverity } from 'cdk-platform-monitoring';",
  "new PlatformMonitoring(this, 'M', { projectName: 'shop' });",
  '```',
  '```ts nofixture',
  "import { App } from 'aws-cdk-lib';",
  'new App();',
  '```',
  '```ts fixture=lambda-handler',
  'console.log(process.env.X ?? "");',
  '```',
].join('\n');

test('every ts block with its line and parameters; other languages are skipped', () => {
  expect(examplesOf('guide.md', markdown).map(({ line, info }) => ({ line, info }))).toEqual([
    { line: 5, info: '' },
    { line: 9, info: 'nofixture' },
    { line: 13, info: 'fixture=lambda-handler' },
  ]);
});

test('a block goes into the default fixture, inside the Stack constructor, its imports hoisted', () => {
  const program = programOf(examplesOf('guide.md', markdown)[0]);
  expect(program.startsWith("import { AlarmSeverity } from 'cdk-platform-monitoring';\n")).toBe(true);
  expect(program).toMatch(/constructor\(scope: Construct, id: string\) \{\n\s+super\(scope, id\);\nnew PlatformMonitoring\(this, 'M'/);
  expect(program).not.toMatch(/^\s*\/\/\/ here$/m);
});

test('nofixture: the block as written; fixture=<name>: that fixture', () => {
  const [, bare, handler] = examplesOf('guide.md', markdown);
  expect(programOf(bare)).toEqual("import { App } from 'aws-cdk-lib';\nnew App();");
  expect(programOf(handler)).toContain('declare const process');
  expect(programOf(handler)).toContain('console.log(process.env.X ?? "");');
});
