/**
 * Compiles the TypeScript examples of the guides in docs/ (and the README's) as `npx projen rosetta` compiles the
 * README's: each ```ts block is inserted into its rosetta fixture (rosetta/default.ts-fixture, or
 * the one named by `fixture=<name>`; none with `nofixture`; not compiled with `infused`, as rosetta
 * does not) at `/// here`, its imports hoisted to
 * the top, and all of them are type-checked in one strict `tsc` program against the compiled
 * library (lib/, so `npx projen compile` first).
 *
 *   ts-node --project scripts/tsconfig.json scripts/docs-examples.ts   # npx projen rosetta:docs
 *
 * Why not jsii-rosetta itself: it only reads markdown bundled into an assembly, and compiles each
 * snippet in a program of its own (over 20 minutes for the guides on a shared 2-core machine);
 * one tsc program takes about a minute. The generated files stay in `.docs-examples/` (ignored),
 * named `<guide>-<n>.ts` after the guide and the block's number, for reading an error.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const DOCS_DIR = path.join(ROOT, 'docs');
const FIXTURES_DIR = path.join(ROOT, 'rosetta');
const OUT_DIR = path.join(ROOT, '.docs-examples');

/** A ```ts block of a guide. */
export interface DocExample {
  readonly guide: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The words after ```ts (`nofixture`, `fixture=<name>`). */
  readonly info: string;
  readonly code: string;
}

/** Every ```ts / ```typescript block of a markdown text. */
export function examplesOf(guide: string, markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(ts|typescript)\b(.*)$/.exec(lines[i]);
    if (!open) {
      if (lines[i].startsWith('```')) {
        // another language's block: skip to its end
        for (i++; i < lines.length && !lines[i].startsWith('```'); i++);
      }
      continue;
    }
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
    examples.push({ guide, line: start + 1, info: open[2].trim(), code: body.join('\n') });
  }
  return examples;
}

/** The program for one example: the fixture with the example at `/// here`, its imports first. */
export function programOf(example: DocExample): string {
  const params = new Map(example.info.split(/\s+/).filter(Boolean).map((p) => {
    const [k, v] = p.split('=');
    return [k, v ?? ''] as const;
  }));
  if (params.has('nofixture')) return example.code;
  const fixture = fs.readFileSync(path.join(FIXTURES_DIR, `${params.get('fixture') ?? 'default'}.ts-fixture`), 'utf-8');
  // Import statements (possibly over several lines) of the example go before the fixture's code.
  const imports: string[] = [];
  const rest: string[] = [];
  const lines = example.code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (/^import\b/.test(lines[i])) {
      const statement = [lines[i]];
      while (!/;\s*$/.test(statement[statement.length - 1]) && i + 1 < lines.length) statement.push(lines[++i]);
      imports.push(...statement);
    } else {
      rest.push(lines[i]);
    }
  }
  // The marker is the line `/// here` (the fixtures also mention it in comments).
  const fixtureLines = fixture.split('\n');
  const at = fixtureLines.findIndex((l) => l.trim() === '/// here');
  if (at === -1) throw new Error(`fixture ${params.get('fixture') ?? 'default'} has no "/// here" line`);
  fixtureLines.splice(at, 1, ...rest);
  return `${imports.join('\n')}\n${fixtureLines.join('\n')}`;
}

/** The guides: every markdown file directly in docs/. */
export function guides(): string[] {
  return fs.readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md')).sort();
}

function main(): void {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.d.ts'))) {
    throw new Error('No lib/index.d.ts: run `npx projen compile` first.');
  }
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(OUT_DIR);
  const files: string[] = [];
  // The README too: `npx projen rosetta` compiles the README bundled at the last jsii compile, this
  // the one on disk (its minimal app, `nofixture`, must compile with only its own imports).
  for (const guide of [...guides(), '../README.md']) {
    examplesOf(guide, fs.readFileSync(path.join(DOCS_DIR, guide), 'utf-8')).forEach((example, n) => {
      // rosetta does not hold `infused` blocks to compiling (code with dependencies of its own)
      if (/(^|\s)infused(\s|$)/.test(example.info)) return;
      const file = `${path.basename(guide, '.md')}-${n + 1}.ts`;
      fs.writeFileSync(path.join(OUT_DIR, file),
        `// ${path.join('docs', guide)}, line ${example.line}\n${programOf(example)}\n`);
      files.push(file);
    });
  }
  fs.writeFileSync(path.join(OUT_DIR, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      // jsii-rosetta's options (STANDARD_COMPILER_OPTIONS) where they matter for examples
      strict: true,
      noImplicitReturns: true,
      noFallthroughCasesInSwitch: true,
      experimentalDecorators: true,
      resolveJsonModule: true,
      noEmit: true,
      target: 'ES2022',
      lib: ['es2022'],
      module: 'commonjs',
      moduleResolution: 'node10',
      ignoreDeprecations: '6.0',
      skipLibCheck: true,
      types: [],
      // the package by its name, as a user imports it
      paths: { 'cdk-platform-monitoring': ['../lib/index.d.ts'] },
    },
    files,
  }, undefined, 2));
  const tsc = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', path.join(OUT_DIR, 'tsconfig.json')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) {
    console.error('An example in docs/ does not compile (see above: .docs-examples/<guide>-<n>.ts is the n-th ts block of docs/<guide>.md).');
    process.exit(tsc.status ?? 1);
  }
  console.log(`Compiled ${files.length} TypeScript examples of the README and ${guides().length} guides in docs/.`);
}

if (require.main === module) {
  main();
}
