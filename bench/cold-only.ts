import * as fs from 'fs';
import * as path from 'path';
import type { BenchResults } from './bench';
import { compileColdSynth, timeColdSynths, validated } from './cold';

// Re-measures only the cold starts of a finished benchmark (bench/results.json), for a quieter
// moment on a shared machine: `npx ts-node --project bench/tsconfig.json bench/cold-only.ts [runs]`.
// Rewrites the cold-start figures and the cold-start target in bench/results.json and results.md.
// (Kept apart from bench.ts: importing it would run the whole benchmark.)

const file = path.join(__dirname, 'results.json');
const results = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults;
const script = compileColdSynth();
const runs = Number(process.argv[2] ?? 7);
const cold = [...timeColdSynths(script, [0, 1], runs), ...timeColdSynths(script, [0, 1], runs, false)];
const cpu = (n: number) => validated(cold, n);
const ratio = cpu(1).cpuMedianMs / cpu(0).cpuMedianMs;
const wallRatio = cpu(1).medianMs / cpu(0).medianMs;
const target = {
  name: 'cold synth of N=1 against an empty stack (fresh processes, CPU time)',
  limit: '≤ 1.3×',
  actual: `${cpu(1).cpuMedianMs} vs ${cpu(0).cpuMedianMs} ms CPU (${ratio.toFixed(2)}×); wall ${cpu(1).medianMs} vs ${cpu(0).medianMs} ms (${wallRatio.toFixed(2)}×)`,
  pass: ratio <= 1.3,
};
const updated: BenchResults = { ...results, cold, targets: [...results.targets.filter((t) => !t.name.startsWith('cold synth')), target] };
fs.writeFileSync(file, JSON.stringify(updated, undefined, 2) + '\n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderMarkdown } = require('./report') as typeof import('./report');
fs.writeFileSync(path.join(__dirname, 'results.md'), renderMarkdown(updated));
process.stdout.write(`${JSON.stringify(cold)}\n${target.name}: ${target.actual} ${target.pass ? 'PASS' : 'FAIL'}\n`);
