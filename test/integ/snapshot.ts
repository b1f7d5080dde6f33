/**
 * Offline proof of the integration apps: each synthesizes (with the five cdk-nag packs, so synth
 * fails on any unacknowledged finding) and its templates match the committed snapshots in
 * `test/integ/snapshots/<app>/<stack>.template.json`.
 *
 *   npx projen integ:snapshot     # rewrite the snapshots after an intended change
 *
 * `@aws-cdk/integ-runner` would do this, but the newest on our registry cannot read the cloud
 * assemblies aws-cdk-lib 2.270 writes (see README "Integration tests").
 */
import * as fs from 'fs';
import * as path from 'path';
import { IntegAppDefinition, newIntegApp } from './integ-app';
import { alarmDelivery } from './integ.alarm-delivery';
import { auditTrail } from './integ.audit-trail';
import { customMetrics } from './integ.custom-metrics';
import { logging } from './integ.logging';
import { metricDimensions } from './integ.metric-dimensions';

/** Every integration app (`test/integ/integ.<name>.ts`; a test checks that none is missing). */
export const INTEG_APPS: IntegAppDefinition[] = [alarmDelivery, auditTrail, logging, customMetrics, metricDimensions];

/** The fixed "synthesis time" of snapshots (2026-01-01T00:00:00Z). */
export const SNAPSHOT_NOW = Date.UTC(2026, 0, 1);

/** Where the committed snapshots of one app live. */
export function snapshotDir(app: IntegAppDefinition): string {
  return path.join(__dirname, 'snapshots', app.name);
}

/** The templates of one app, by stack artifact id, normalised (see `normalise`). */
export function synthTemplates(def: IntegAppDefinition): Record<string, unknown> {
  const app = newIntegApp();
  def.build(app, SNAPSHOT_NOW);
  const assembly = app.synth();
  const templates: Record<string, unknown> = {};
  for (const stack of assembly.stacks) {
    templates[stack.id] = normalise(stack.template);
  }
  return templates;
}

/**
 * Removes what changes between two syntheses of the same code:
 * - `salt`: integ-tests-alpha stamps every assertion custom resource with `Date.now()` so that it
 *   runs on every deployment;
 * - asset hashes (64 hex digits, e.g. the assertion provider's bundled handler): they change with
 *   the library versions, not with our code, and are replaced by `<asset-hash>`.
 */
export function normalise(template: unknown): unknown {
  const text = JSON.stringify(template, (key, value) => (key === 'salt' ? '<salt>' : value));
  return JSON.parse(text.replace(/[0-9a-f]{64}/g, '<asset-hash>'));
}

/** Writes the snapshot files of one app (removing stale ones); returns the files written. */
export function writeSnapshots(def: IntegAppDefinition): string[] {
  const dir = snapshotDir(def);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [stack, template] of Object.entries(synthTemplates(def))) {
    const file = path.join(dir, `${stack}.template.json`);
    fs.writeFileSync(file, `${JSON.stringify(template, undefined, 2)}\n`);
    written.push(path.relative(process.cwd(), file));
  }
  return written;
}

if (require.main === module) {
  for (const def of INTEG_APPS) {
    for (const file of writeSnapshots(def)) console.log(`wrote ${file}`);
  }
}
