import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnOutput, CfnParameter, CfnResource, Stack } from 'aws-cdk-lib';
import { BENCH_CONTEXT, BENCH_STACK_ENV } from './context';
import { addPlatform, newBenchStack } from './fixture';
import { profileCpu, summarizeProfile } from './profile';

// The library's own cost: the CPU time (user + system) of synthesizing the platform of N functions,
// divided by the CPU time of emitting the same templates (every stack and nested stack, every
// resource, parameter and output) as plain `CfnResource`s, `CfnParameter`s and `CfnOutput`s. Both
// run in this process, warmed up, with aws-cdk-lib's CloudFormation validation off
// (`CDK_VALIDATION=false`), so the ratio is what the library adds over writing the templates, not
// what the validation costs. Run alone: `npx projen bench:own-cost` (N = 1 and 1,000);
// `BENCH_PROFILE=1` adds a CPU profile of the platform at 1,000 (bench/profile.ts).

/** The library's cost at one size. */
export interface OwnCost {
  readonly n: number;
  /** CPU ms of `new PlatformMonitoring(...)` + `app.synth()`, median of the runs. */
  readonly platformCpuMs: number;
  readonly platformRunsMs: number[];
  /** CPU ms of building and synthesizing the same templates from plain L1s, median of the runs. */
  readonly plainCpuMs: number;
  readonly plainRunsMs: number[];
  /** Templates (stacks and nested stacks) and resources emitted. */
  readonly templates: number;
  readonly resources: number;
  /** platformCpuMs / plainCpuMs. */
  readonly ratio: number;
}

interface Template {
  readonly Parameters?: { [id: string]: { Type: string; [k: string]: any } };
  readonly Resources?: { [id: string]: { Type: string; Properties?: any; [k: string]: any } };
  readonly Outputs?: { [id: string]: { Value: any; [k: string]: any } };
}

function cpuMs(f: () => void): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function tmpdir(n: number): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `bench-own-${n}-`));
}

/** Every template of the platform of size `n` (stacks and nested stacks), as synthesized. */
function platformTemplates(n: number): Template[] {
  const outdir = tmpdir(n);
  try {
    const { app, stack } = newBenchStack(outdir);
    addPlatform(stack, n);
    const asm = app.synth();
    const files = [...asm.stacks.map(s => s.templateFullPath),
      ...fs.readdirSync(asm.directory).filter(f => f.endsWith('.nested.template.json')).map(f => path.join(asm.directory, f))];
    return files.map(f => JSON.parse(fs.readFileSync(f, 'utf8')));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The same templates from plain L1s: one stack per template, logical ids and properties as synthesized. */
function synthPlain(templates: Template[], outdir: string): void {
  const app = new App({ context: BENCH_CONTEXT, outdir });
  templates.forEach((t, i) => {
    const stack = new Stack(app, `Plain${i}`, { env: BENCH_STACK_ENV });
    for (const [id, p] of Object.entries(t.Parameters ?? {})) {
      new CfnParameter(stack, id, { type: p.Type, default: p.Default, description: p.Description }).overrideLogicalId(id);
    }
    for (const [id, r] of Object.entries(t.Resources ?? {})) {
      const resource = new CfnResource(stack, id, { type: r.Type, properties: r.Properties });
      resource.overrideLogicalId(id);
      if (r.DependsOn) resource.addOverride('DependsOn', r.DependsOn);
      if (r.DeletionPolicy) resource.addOverride('DeletionPolicy', r.DeletionPolicy);
      if (r.UpdateReplacePolicy) resource.addOverride('UpdateReplacePolicy', r.UpdateReplacePolicy);
      if (r.Condition) resource.addOverride('Condition', r.Condition);
    }
    for (const [id, o] of Object.entries(t.Outputs ?? {})) {
      new CfnOutput(stack, id, { value: o.Value, exportName: o.Export?.Name, description: o.Description }).overrideLogicalId(id);
    }
  });
  app.synth();
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/** One warm-up each, then `runs` alternating timed runs of the platform and of the plain L1s. */
export function measureOwnCost(n: number, runs: number): OwnCost {
  const validation = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'false';
  try {
    const templates = platformTemplates(n);
    const platformRun = () => {
      const outdir = tmpdir(n);
      const ms = cpuMs(() => {
        const { app, stack } = newBenchStack(outdir);
        addPlatform(stack, n);
        app.synth();
      });
      fs.rmSync(outdir, { recursive: true, force: true });
      return ms;
    };
    const plainRun = () => {
      const outdir = tmpdir(n);
      const ms = cpuMs(() => synthPlain(templates, outdir));
      fs.rmSync(outdir, { recursive: true, force: true });
      return ms;
    };
    platformRun();
    plainRun();
    const platformRunsMs: number[] = [];
    const plainRunsMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      platformRunsMs.push(Math.round(platformRun()));
      plainRunsMs.push(Math.round(plainRun()));
    }
    const platformCpuMs = median(platformRunsMs);
    const plainCpuMs = median(plainRunsMs);
    return {
      n,
      platformCpuMs,
      platformRunsMs,
      plainCpuMs,
      plainRunsMs,
      templates: templates.length,
      resources: templates.reduce((sum, t) => sum + Object.keys(t.Resources ?? {}).length, 0),
      ratio: Math.round((platformCpuMs / plainCpuMs) * 100) / 100,
    };
  } finally {
    if (validation === undefined) delete process.env.CDK_VALIDATION; else process.env.CDK_VALIDATION = validation;
  }
}

/** The sizes of the issue: 1 and 1,000 functions. */
export const OWN_COST_SIZES = [1, 1000];

/** Runs per size: more at N = 1, where a run is short and noisy. */
export function ownCostRuns(n: number): number {
  return Number(process.env.BENCH_OWN_COST_RUNS ?? (n >= 100 ? 3 : 9));
}

/** `file  N = 1: 412 vs 190 ms CPU (2.17×), runs ...` */
export function ownCostLine(c: OwnCost): string {
  return `N = ${c.n.toLocaleString('en-US')}: platform ${c.platformCpuMs} ms CPU (runs ${c.platformRunsMs.join(', ')}), `
    + `plain L1s ${c.plainCpuMs} ms CPU (runs ${c.plainRunsMs.join(', ')}), ${c.templates} template(s), `
    + `${c.resources} resources: ${c.ratio.toFixed(2)}×`;
}

/**
 * A CPU profile of one platform synth of size `n` (warm), its summary written beside the
 * `.cpuprofile` (open it in Chrome DevTools) in bench/out/, and returned.
 */
export function profileOwnCost(n: number): string {
  const validation = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'false';
  try {
    const run = () => {
      const outdir = tmpdir(n);
      try {
        const { app, stack } = newBenchStack(outdir);
        addPlatform(stack, n);
        app.synth();
      } finally {
        fs.rmSync(outdir, { recursive: true, force: true });
      }
    };
    run();
    const profile = profileCpu(run);
    const summary = summarizeProfile(profile);
    const out = path.join(__dirname, 'out');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, `own-cost-${n}.cpuprofile`), JSON.stringify(profile));
    fs.writeFileSync(path.join(out, `own-cost-${n}-profile.txt`), `${summary}\n`);
    return summary;
  } finally {
    if (validation === undefined) delete process.env.CDK_VALIDATION; else process.env.CDK_VALIDATION = validation;
  }
}

if (require.main === module) {
  for (const n of OWN_COST_SIZES) {
    process.stdout.write(`${ownCostLine(measureOwnCost(n, ownCostRuns(n)))}\n`);
  }
  // BENCH_PROFILE=1: where the platform's CPU goes at the largest size.
  if (process.env.BENCH_PROFILE === '1') {
    const n = Math.max(...OWN_COST_SIZES);
    process.stdout.write(`\nN = ${n.toLocaleString('en-US')}, one platform synth (bench/out/own-cost-${n}-profile.txt):\n${profileOwnCost(n)}\n`);
  }
}
