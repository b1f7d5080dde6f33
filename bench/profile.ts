import * as inspector from 'inspector';

// A CPU profile of one call, taken in this process with the V8 inspector, and its summary: self
// time by module (aws-cdk-lib folder, package, or file of this repository) and by function, and
// the inclusive time of this library's functions. `BENCH_PROFILE=1 npx projen bench:own-cost`.

/** The V8 profile (`Profiler.stop`), as `node --cpu-prof` writes it (`.cpuprofile`). */
export interface CpuProfile {
  readonly nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  readonly samples: number[];
  readonly timeDeltas: number[];
}

/** Profiles `f` (the in-process inspector session answers synchronously). */
export function profileCpu(f: () => void): CpuProfile {
  const session = new inspector.Session();
  session.connect();
  let profile: CpuProfile | undefined;
  try {
    session.post('Profiler.enable');
    session.post('Profiler.setSamplingInterval', { interval: 200 });
    session.post('Profiler.start');
    f();
    session.post('Profiler.stop', (err, result) => {
      if (err) throw err;
      profile = result.profile as unknown as CpuProfile;
    });
  } finally {
    session.disconnect();
  }
  if (!profile) throw new Error('The inspector returned no profile');
  return profile;
}

/** `aws-cdk-lib/core/lib/private`, `constructs`, `src/dashboards/widgets.ts`, `(native)`. */
function moduleOf(url: string): string {
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (pkg) {
    if (pkg[1] !== 'aws-cdk-lib') return pkg[1];
    const parts = pkg[2].split('/');
    return `aws-cdk-lib/${parts.slice(0, parts[0] === 'core' ? 3 : 1).join('/')}`;
  }
  const own = /\/((?:src|bench|examples)\/.*)$/.exec(url);
  return own ? own[1] : url.replace(/^.*\//, '');
}

/** The top `top` entries of each table, as text (percentages of the sampled time). */
export function summarizeProfile(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Not the code profiled: the idle process, and the inspector's own `dispatch` (Profiler.stop).
  const NOT_PROFILED = new Set(['(idle)', '(program)', 'dispatch']);
  const self = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const cf = byId.get(id)!.callFrame;
    if (!cf.url && NOT_PROFILED.has(cf.functionName)) return;
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (id: number) => {
    const cf = byId.get(id)!.callFrame;
    return `${cf.functionName || '(anonymous)'} ${moduleOf(cf.url)}:${cf.lineNumber + 1}`;
  };
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, t: number) => m.set(k, (m.get(k) ?? 0) + t);
  for (const [id, t] of self) {
    add(byModule, moduleOf(byId.get(id)!.callFrame.url), t);
    add(byFunction, nameOf(id), t);
    // Inclusive time of this library's functions: each once per sample, however deep the recursion.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = nameOf(cur);
      if (name.includes(' src/') && !seen.has(name)) {
        seen.add(name);
        add(inclusive, name, t);
      }
    }
  }
  const table = (title: string, m: Map<string, number>) => [title,
    ...[...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, t]) => `${(100 * t / total).toFixed(1).padStart(5)} %  ${k}`)];
  return [
    `CPU profile: ${(total / 1000).toFixed(0)} ms sampled (wall clock, without the idle process and the profiler itself; shares of it below)`,
    ...table('Self time by module:', byModule),
    ...table('Self time by function:', byFunction),
    ...table('Inclusive time of the library\'s functions (src/):', inclusive),
  ].join('\n');
}
