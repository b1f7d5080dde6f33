import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Cold-start synth: the wall time of a fresh `node` process that loads the modules, constructs the
// app and synthesizes it, as `cdk synth` runs a user's app. The library and bench/cold-synth.ts are
// compiled to JavaScript first (bench/out/cold, outside the timing), so no TypeScript compiler runs
// in the timed processes.

/** Median wall times of cold processes, per size. */
export interface ColdTiming {
  readonly n: number;
  readonly runsMs: number[];
  readonly medianMs: number;
}

const ROOT = path.join(__dirname, '..');
const OUT = path.join(__dirname, 'out', 'cold');

/** Compiles bench/cold-synth.ts (and with it the fixture and the library) to bench/out/cold. */
export function compileColdSynth(): string {
  fs.rmSync(OUT, { recursive: true, force: true });
  const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  execFileSync(process.execPath, [tsc, '--ignoreConfig', '--noCheck', '--outDir', OUT, '--rootDir', ROOT, '--module', 'node16', '--target', 'ES2022',
    '--esModuleInterop', '--skipLibCheck', '--resolveJsonModule', '--declaration', 'false', '--sourceMap', 'false',
    '--types', 'node', path.join(__dirname, 'cold-synth.ts')], { cwd: ROOT, stdio: 'inherit' });
  return path.join(OUT, 'bench', 'cold-synth.js');
}

/**
 * Times `runs` cold synths of each size in `sizes`, interleaved (size a, size b, size a, ...) so
 * that a busy machine slows every size alike; one untimed warm-up of each first (disk caches).
 */
export function timeColdSynths(script: string, sizes: number[], runs = 7): ColdTiming[] {
  const once = (n: number): number => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-cold-${n}-`));
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [script, String(n), outdir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    fs.rmSync(outdir, { recursive: true, force: true });
    if (result.status !== 0) throw new Error(`cold synth of N=${n} failed: ${result.stderr}`);
    return ms;
  };
  sizes.forEach(once);
  const times = new Map<number, number[]>(sizes.map((n) => [n, []]));
  for (let r = 0; r < runs; r++) for (const n of sizes) times.get(n)!.push(once(n));
  return sizes.map((n) => {
    const runsMs = times.get(n)!;
    const sorted = [...runsMs].sort((a, b) => a - b);
    return { n, runsMs: runsMs.map(Math.round), medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]) };
  });
}
