import { synthPlatform } from './fixture';

/** Synth wall times (construct + `app.synth()` into a temporary directory) of one size. */
export interface SynthTiming {
  readonly runsMs: number[];
  readonly medianMs: number;
}

/** One warm-up, then `runs` timed synths in this process; the output directory is removed outside the timing. */
export function timeSynth(n: number, runs = 5): SynthTiming {
  synthPlatform(n).cleanup();
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = synthPlatform(n);
    runsMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    result.cleanup();
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { runsMs: runsMs.map(Math.round), medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]) };
}
