/**
 * Summarizes a synthesized cloud assembly: resources by type per stack (nested stacks included),
 * dashboards and alarms. Used by `npx projen example` after `cdk synth`.
 *
 *   ts-node --project scripts/tsconfig.json scripts/summarize.ts [cdk.out]
 */
import * as fs from 'fs';
import * as path from 'path';
import { cfnText } from './cfn-text';

interface TemplateFile {
  readonly file: string;
  readonly template: { Resources?: Record<string, { Type: string; Properties?: Record<string, any> }> };
}

/** Every CloudFormation template in the assembly directory (top-level and nested stacks). */
export function readTemplates(dir: string): TemplateFile[] {
  return fs.readdirSync(dir)
    .filter((f) => f.endsWith('.template.json'))
    .sort()
    .map((f) => ({ file: f, template: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));
}

/**
 * The synth summary of each PlatformMonitoring (its info message `cdk-platform-monitoring:summary`,
 * from the assembly's manifest): what it created and what it costs a month.
 */
export function platformSummaries(dir: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const found: string[] = [];
  for (const artifact of Object.values<any>(manifest.artifacts ?? {})) {
    // Metadata sits in the manifest, or in a file of its own next to it (additionalMetadataFile).
    const extra = artifact.additionalMetadataFile
      ? JSON.parse(fs.readFileSync(path.join(dir, artifact.additionalMetadataFile), 'utf8')) : {};
    for (const [where, entries] of Object.entries<any[]>({ ...artifact.metadata, ...extra })) {
      for (const e of entries) {
        if (e.type === 'aws:cdk:info' && String(e.data).includes('[ack: cdk-platform-monitoring:summary]')) found.push(`${where}: ${e.data}`);
      }
    }
  }
  return found;
}

/** The summary as text lines. */
export function summarize(dir: string): string[] {
  const lines: string[] = [];
  const dashboards: string[] = [];
  const alarms: string[] = [];
  for (const { file, template } of readTemplates(dir)) {
    const resources = Object.values(template.Resources ?? {});
    const bytes = fs.statSync(path.join(dir, file)).size;
    lines.push(`${file}: ${resources.length} resources, ${bytes} bytes`);
    const byType = new Map<string, number>();
    for (const r of resources) byType.set(r.Type, (byType.get(r.Type) ?? 0) + 1);
    for (const [type, count] of [...byType.entries()].sort()) lines.push(`  ${String(count).padStart(4)}  ${type}`);
    for (const r of resources) {
      if (r.Type === 'AWS::CloudWatch::Dashboard') dashboards.push(cfnText(r.Properties?.DashboardName));
      if (r.Type === 'AWS::CloudWatch::Alarm' || r.Type === 'AWS::CloudWatch::CompositeAlarm') alarms.push(cfnText(r.Properties?.AlarmName));
    }
  }
  lines.push('', ...platformSummaries(dir));
  lines.push('', `Dashboards (${dashboards.length}):`, ...dashboards.sort().map((d) => `  ${d}`));
  lines.push('', `Alarms (${alarms.length}):`, ...alarms.sort().map((a) => `  ${a}`));
  return lines;
}

if (require.main === module) {
  const dir = process.argv[2] ?? 'cdk.out';
  if (!fs.existsSync(dir)) {
    console.error(`No cloud assembly at ${dir}: run cdk synth first.`);
    process.exit(1);
  }
  console.log(summarize(dir).join('\n'));
}
