// One cold synth, in a process of its own (spawned by bench/cold.ts after compiling this file and
// the library to JavaScript): `node cold-synth.js <n> <outdir>`. n = 0 loads aws-cdk-lib only and
// synthesizes an empty stack; n >= 1 loads the library from its barrel (`src/index.ts`, as a user's
// `import ... from 'cdk-platform-monitoring'` does) and synthesizes the benchmark platform of size n.
// The parent times the whole process (Node.js start, module loading, construct and synth); this
// process prints the CPU time it used (user + system, ms), which a busy machine changes far less.
import { BENCH_CONTEXT, BENCH_STACK_ENV } from './context';

const n = Number(process.argv[2]);
const outdir = process.argv[3];
if (n === 0) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cdk: typeof import('aws-cdk-lib') = require('aws-cdk-lib');
  const app = new cdk.App({ context: BENCH_CONTEXT, outdir });
  new cdk.CfnWaitConditionHandle(new cdk.Stack(app, 'Bench', { env: BENCH_STACK_ENV }), 'Empty');
  app.synth();
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fixture: typeof import('./fixture') = require('./fixture');
  const { app, stack } = fixture.newBenchStack(outdir);
  fixture.addPlatform(stack, n);
  app.synth();
}
const cpu = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ cpuMs: Math.round((cpu.user + cpu.system) / 1000) })}\n`);
