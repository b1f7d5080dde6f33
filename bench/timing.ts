import { synthPlatform } from './fixture';

/** Synth wall times (construct + `app.synth()` into a temporary directory) of one size. */
export interface SynthTiming {
  readonly runsMs: number[];
  readonly medianMs: number;
}

/**
 * One warm-up, then `runs` timed synths in this process; the output directory is removed outside
 * the timing. `synth` defaults to the benchmark platform of size `n`.
 */
export function timeSynth(n: number, runs = 5, synth: () => { cleanup: () => void } = () => synthPlatform(n)): SynthTiming {
  synth().cleanup();
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = synth();
    runsMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    result.cleanup();
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { runsMs: runsMs.map(Math.round), medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]) };
}
