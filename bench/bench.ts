import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { platformSize, synthPlatform } from './fixture';
import { checkLimits, LimitCheck } from './limits';
import { measureAssembly, Measurement } from './measure';
import { renderMarkdown } from './report';
import { timeSynth } from './timing';

// `npx projen bench`: synthesizes PlatformMonitoring at N = 1, 10, 100 and 500 Lambda functions,
// measures the output, checks every AWS limit, and writes bench/results.json and bench/results.md.
// Exits non-zero when a limit or a time target fails.

const SIZES = [1, 10, 100, 500];

/** Measurements and limit checks of one size. */
export interface SizeResult {
  readonly n: number;
  readonly monitored: ReturnType<typeof platformSize>;
  readonly synthMedianMs: number;
  readonly synthRunsMs: number[];
  readonly measurement: Measurement;
  readonly limits: LimitCheck[];
}

/** Everything the benchmark found. */
export interface BenchResults {
  readonly command: string;
  readonly machine: { node: string; cpu: string; cores: number; platform: string; memoryGb: number };
  readonly emptyStackMs: number;
  readonly sizes: SizeResult[];
  readonly targets: LimitCheck[];
}

function main(): void {
  const cpus = os.cpus();
  const machine = {
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    platform: `${os.platform()} ${os.arch()}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  };
  log(`machine: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}`);
  const emptyStackMs = timeSynth(0).medianMs;
  log(`empty stack: ${emptyStackMs} ms`);

  const sizes: SizeResult[] = SIZES.map(n => {
    const timing = timeSynth(n);
    const synth = synthPlatform(n);
    const measurement = measureAssembly(synth.outdir);
    synth.cleanup();
    const limits = checkLimits(measurement);
    log(`N=${n}: synth ${timing.medianMs} ms (runs ${timing.runsMs.join(', ')}), `
      + `${measurement.stacks.length} stack(s), limits ${limits.every(l => l.pass) ? 'PASS' : 'FAIL'}`);
    return { n, monitored: platformSize(n), synthMedianMs: timing.medianMs, synthRunsMs: timing.runsMs, measurement, limits };
  });

  const results: BenchResults = { command: 'npx projen bench', machine, emptyStackMs, sizes, targets: timeTargets(sizes) };
  fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, undefined, 2) + '\n');
  fs.writeFileSync(path.join(__dirname, 'results.md'), renderMarkdown(results));

  let failed = 0;
  for (const s of sizes) {
    for (const l of s.limits) {
      if (!l.pass || s.n === SIZES[SIZES.length - 1]) log(`${l.pass ? 'PASS' : 'FAIL'}  N=${s.n}  ${l.name}: ${l.actual} (${l.limit})`);
      if (!l.pass) failed++;
    }
  }
  for (const t of results.targets) {
    log(`${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.actual} (${t.limit})`);
    if (!t.pass) failed++;
  }
  log(`wrote bench/results.json and bench/results.md; ${failed === 0 ? 'every check passed' : `${failed} check(s) FAILED`}`);
  process.exitCode = failed === 0 ? 0 : 1;
}

/** The issue's time targets: N=500 under 3 × (N=1) + 10 s, and growth roughly linear. */
function timeTargets(sizes: SizeResult[]): LimitCheck[] {
  const at = (n: number) => sizes.find(s => s.n === n)!.synthMedianMs;
  const budget = 3 * at(1) + 10_000;
  // Per-function cost from 100 to 500 against 10 to 100: about 1 if linear, about 6 if quadratic.
  const slope = (a: number, b: number) => (at(b) - at(a)) / (b - a);
  const ratio = slope(100, 500) / Math.max(slope(10, 100), 1e-9);
  return [
    { name: 'synth time at N=500', limit: `< 3 × N=1 + 10 s = ${budget} ms`, actual: `${at(500)} ms`, pass: at(500) < budget },
    {
      name: 'growth roughly linear (ms per function, 100→500 vs 10→100)',
      limit: '≤ 2×',
      actual: `${slope(100, 500).toFixed(1)} vs ${slope(10, 100).toFixed(1)} ms (${ratio.toFixed(2)}×)`,
      pass: ratio <= 2,
    },
  ];
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

main();
