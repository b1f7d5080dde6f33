import * as fs from 'fs';
import * as path from 'path';
import { LimitCheck } from './limits';
import { measureAssembly } from './measure';
import { synthMultiStack } from './multi-stack';
import { ALARM_ARN_PREFIX_LENGTH, MAX_ALARM_NAME_LENGTH, renderForLength, SHARED_QUOTAS } from '../src/limits/shared-quotas';
import { TEMPLATE_QUOTAS } from '../src/limits/template-quotas';

// The large case: the multi-stack layout (bench/multi-stack.ts: 100 REST APIs in their own stack,
// 40 DMS tasks, 20 Batch queues, 20 Glue crawlers, 5 Glue jobs) with its 1,000 functions imported by
// name into the platform's stack, and again with them defined in four team stacks. Each figure is
// checked against the design target: at most 80% of each per-template and per-operation quota
// (800,000 bytes, 400 resources, 2,000 resources per stack operation, the functions imported or in
// team stacks), and within every quota inside resources. `BENCH_CASE=large npx projen bench` runs
// only this case.

/** The design targets of the large case. */
export const LARGE_CASE_TARGETS = {
  templateBytes: 0.8 * TEMPLATE_QUOTAS.templateBytes,
  resourcesPerTemplate: 0.8 * 500,
  /** Both ways: with the functions in team stacks, each team stack carries their log groups (758 each). */
  resourcesPerStackOperation: 0.8 * SHARED_QUOTAS.resourcesPerStackOperation,
  eventPatternCharacters: SHARED_QUOTAS.eventPatternCharacters,
  keyPolicyBytes: SHARED_QUOTAS.keyPolicyBytes,
  topicPolicyBytes: SHARED_QUOTAS.topicPolicyBytes,
  compositeRuleCharacters: SHARED_QUOTAS.compositeRuleCharacters,
  logsInsightsWidgetsPerDashboard: SHARED_QUOTAS.logsInsightsWidgetsPerDashboard,
} as const;

/** The figures of one synthesized assembly that the large case checks. */
export interface LargeCaseFigures {
  /** Per top-level stack: its resources and those of every nested stack below it. */
  readonly operations: Array<{ stack: string; resources: number; nestedStacks: number }>;
  readonly maxTemplateBytes: number;
  readonly maxTemplateResources: number;
  readonly maxEventPattern: number;
  readonly maxKeyPolicy: number;
  readonly maxTopicPolicy: number;
  /** The longest composite rule with every input alarm's name counted at 255 characters. */
  readonly maxCompositeRuleAt255: number;
  readonly maxLogsInsightsWidgets: number;
}

type Template = { Resources?: Record<string, { Type: string; Properties?: any; Metadata?: any }> };

/** Reads the figures from a cloud assembly directory. */
export function largeCaseFigures(outdir: string): LargeCaseFigures {
  const files = fs.readdirSync(outdir).filter(f => f.endsWith('.template.json'));
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(outdir, f), 'utf8')) as Template;
  const templates = new Map(files.map(f => [f, read(f)]));
  const resourcesOf = (t: Template) => Object.values(t.Resources ?? {});
  // Every nested stack's template, at any depth, is a file asset of its top-level stack (`<stack>.assets.json`).
  const operation = (file: string): { resources: number; nestedStacks: number } => {
    const manifest = path.join(outdir, file.replace(/\.template\.json$/, '.assets.json'));
    const assets = fs.existsSync(manifest) ? Object.values(JSON.parse(fs.readFileSync(manifest, 'utf8')).files ?? {}) as any[] : [];
    const nested = assets.map(a => String(a.source?.path)).filter(f => f.endsWith('.nested.template.json') && templates.has(f));
    return {
      resources: [file, ...nested].reduce((total, f) => total + resourcesOf(templates.get(f)!).length, 0),
      nestedStacks: nested.length,
    };
  };
  const all = [...templates.values()];
  const lengths = (type: string, prop: string, render: (v: any, t: Template) => string) => all.flatMap(t => resourcesOf(t)
    .filter(r => r.Type === type && r.Properties?.[prop] !== undefined).map(r => render(r.Properties[prop], t).length));
  const json = (v: any, t: Template) => JSON.stringify(renderForLength(v, t));
  const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);
  const measurement = measureAssembly(outdir);
  return {
    operations: files.filter(f => !f.endsWith('.nested.template.json')).sort()
      .map(f => ({ stack: f.replace(/\.template\.json$/, ''), ...operation(f) })),
    maxTemplateBytes: max(measurement.stacks.map(s => s.templateBytes)),
    maxTemplateResources: max(measurement.stacks.map(s => s.resources)),
    maxEventPattern: max(lengths('AWS::Events::Rule', 'EventPattern', json)),
    maxKeyPolicy: max(lengths('AWS::KMS::Key', 'KeyPolicy', json)),
    maxTopicPolicy: max(lengths('AWS::SNS::TopicPolicy', 'PolicyDocument', json)),
    // An empty template: no alarm's name is known, so each counts at 60 + 255 characters.
    maxCompositeRuleAt255: max(lengths('AWS::CloudWatch::CompositeAlarm', 'AlarmRule',
      v => String(renderForLength(v, {}, ALARM_ARN_PREFIX_LENGTH + MAX_ALARM_NAME_LENGTH)))),
    maxLogsInsightsWidgets: max(measurement.dashboards.map(d => d.logQueryWidgets)),
  };
}

/** Each figure beside its target (the same targets for the functions imported and in team stacks). */
export function checkLargeCase(f: LargeCaseFigures): LimitCheck[] {
  const T = LARGE_CASE_TARGETS;
  const atMost = (name: string, actual: number, limit: number, actualText = actual.toLocaleString('en-US')): LimitCheck =>
    ({ name, limit: `≤ ${limit.toLocaleString('en-US')}`, actual: actualText, pass: actual <= limit });
  const worst = f.operations.reduce((a, o) => (o.resources > a.resources ? o : a), f.operations[0]);
  return [
    atMost('template bytes (any template)', f.maxTemplateBytes, T.templateBytes),
    atMost('resources per template', f.maxTemplateResources, T.resourcesPerTemplate),
    atMost('resources per stack operation (stack + nested stacks)', worst.resources, T.resourcesPerStackOperation,
      `${worst.resources.toLocaleString('en-US')} (${worst.stack} + ${worst.nestedStacks} nested)`),
    atMost('event pattern characters', f.maxEventPattern, T.eventPatternCharacters),
    atMost('KMS key policy bytes', f.maxKeyPolicy, T.keyPolicyBytes),
    atMost('SNS topic policy bytes', f.maxTopicPolicy, T.topicPolicyBytes),
    atMost('composite rule characters (255-character names)', f.maxCompositeRuleAt255, T.compositeRuleCharacters),
    atMost('Logs Insights widgets per dashboard', f.maxLogsInsightsWidgets, T.logsInsightsWidgetsPerDashboard),
  ];
}

/** Synthesizes the large case both ways and checks it. */
export function runLargeCase(log: (line: string) => void): Array<{ label: string; figures: LargeCaseFigures; checks: LimitCheck[] }> {
  return [false, true].map((teamStacks) => {
    const label = teamStacks ? 'large case, functions in team stacks' : 'large case, functions imported by name';
    const started = Date.now();
    const result = synthMultiStack(!teamStacks);
    const figures = largeCaseFigures(result.outdir);
    result.cleanup();
    const checks = checkLargeCase(figures);
    log(`${label}: synth ${Date.now() - started} ms`);
    for (const c of checks) log(`${c.pass ? 'PASS' : 'FAIL'}  ${label}  ${c.name}: ${c.actual} (${c.limit})`);
    return { label, figures, checks };
  });
}
