/**
 * Compiles the TypeScript examples of the guides in docs/ the way `npx projen rosetta` compiles the
 * README's: with `jsii-rosetta extract --strict`, against the compiled library and with the
 * fixtures in rosetta/.
 *
 *   ts-node --project scripts/tsconfig.json scripts/docs-examples.ts   # npx projen rosetta:docs
 *
 * jsii-rosetta only reads markdown from an assembly (its README, its submodules' READMEs and the doc
 * comments). So this lays out a copy of the package in `.rosetta-docs/` (package.json, lib/,
 * rosetta/ and node_modules/ linked to the real ones) whose assembly holds one submodule per guide,
 * each with the guide as its README, and no README or types of its own (those are compiled by
 * `npx projen rosetta`). A failing example is reported under its guide's name
 * (`cdk-platform-monitoring.docs_<guide>`). Needs `npx projen compile` (or `jsii`) first.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const DOCS_DIR = path.join(ROOT, 'docs');
const OUT_DIR = path.join(ROOT, '.rosetta-docs');

/** The guides: every markdown file directly in docs/. */
export function guides(): string[] {
  return fs.readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md')).sort();
}

/** The submodule that carries a guide, e.g. `alarms-and-routing.md` → `<package>.docs_alarms_and_routing`. */
export function submoduleOf(packageName: string, guide: string): string {
  return `${packageName}.docs_${guide.replace(/\.md$/, '').replace(/[^A-Za-z0-9]/g, '_')}`;
}

function main(): void {
  const assemblyFile = path.join(ROOT, '.jsii');
  if (!fs.existsSync(assemblyFile)) {
    throw new Error('No .jsii: run `npx projen compile` first.');
  }
  const assembly = JSON.parse(fs.readFileSync(assemblyFile, 'utf-8'));
  const submodules: Record<string, unknown> = {};
  for (const guide of guides()) {
    submodules[submoduleOf(assembly.name, guide)] = {
      readme: { markdown: fs.readFileSync(path.join(DOCS_DIR, guide), 'utf-8') },
    };
  }
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(OUT_DIR);
  for (const entry of ['package.json', 'lib', 'rosetta', 'node_modules']) {
    fs.symlinkSync(path.join('..', entry), path.join(OUT_DIR, entry));
  }
  fs.writeFileSync(path.join(OUT_DIR, '.jsii'), JSON.stringify({
    ...assembly,
    readme: undefined,
    types: {},
    submodules,
  }));
  const result = spawnSync('npx', ['jsii-rosetta', 'extract', '--strict', '--compile', '--fail', '--batch', '1000', path.join(OUT_DIR, '.jsii')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`An example in docs/ does not compile (see above: the submodule names the guide, ${submoduleOf(assembly.name, 'x.md').replace(/_x$/, '_<guide>')}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`Compiled the TypeScript examples of ${guides().length} guides in docs/.`);
}

if (require.main === module) {
  main();
}
