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
  /**
   * False when the processes ran with `CDK_VALIDATION=false` (aws-cdk-lib's CloudFormation
   * validation at synth off), to show what the validation costs. Absent in older results: on.
   */
  readonly validation?: boolean;
  /** Wall times of the processes. */
  readonly runsMs: number[];
  readonly medianMs: number;
  /** CPU times (user + system) of the processes: far less sensitive than wall time to other load on the machine. */
  readonly cpuRunsMs: number[];
  readonly cpuMedianMs: number;
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
export function timeColdSynths(script: string, sizes: number[], runs = 7, validation = true): ColdTiming[] {
  const env = validation ? process.env : { ...process.env, CDK_VALIDATION: 'false' };
  const once = (n: number): { wall: number; cpu: number } => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-cold-${n}-`));
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [script, String(n), outdir], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    fs.rmSync(outdir, { recursive: true, force: true });
    if (result.status !== 0) throw new Error(`cold synth of N=${n} failed: ${result.stderr}`);
    const cpu = JSON.parse(String(result.stdout).trim().split('\n').pop()!).cpuMs as number;
    return { wall, cpu };
  };
  sizes.forEach(once);
  const times = new Map<number, Array<{ wall: number; cpu: number }>>(sizes.map((n) => [n, []]));
  for (let r = 0; r < runs; r++) for (const n of sizes) times.get(n)!.push(once(n));
  const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);
  return sizes.map((n) => {
    const runsMs = times.get(n)!.map((t) => Math.round(t.wall));
    const cpuRunsMs = times.get(n)!.map((t) => t.cpu);
    return { n, validation, runsMs, medianMs: median(runsMs), cpuRunsMs, cpuMedianMs: median(cpuRunsMs) };
  });
}

/** The cold timing of size `n` with aws-cdk-lib's validation on (the target's measure). */
export function validated(cold: ColdTiming[], n: number): ColdTiming {
  return cold.find(c => c.n === n && c.validation !== false)!;
}

/** "empty stack", "N=1", with " (CDK_VALIDATION=false)" for the runs without validation. */
export function coldLabel(c: ColdTiming): string {
  return `${c.n === 0 ? 'empty stack' : `N = ${c.n}`}${c.validation === false ? ' (CDK_VALIDATION=false)' : ''}`;
}
