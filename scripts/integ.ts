/**
 * The integration apps (`test/integ/integ.<name>.ts`) with the pinned aws-cdk CLI.
 *
 * `deploy`: in the AWS account and region of the current credentials, for each app,
 * `cdk deploy --all` (the assertions run as custom resources of the second stack, and a failed
 * assertion fails the deployment), then always `cdk destroy --all --force`. Exits non-zero if any
 * deployment or destruction failed.
 *
 * `synth`: `cdk synth` of each app, offline (no credentials: the apps are environment-agnostic).
 *
 *   npx projen integ:deploy                                              # every app
 *   npx ts-node --project scripts/tsconfig.json scripts/integ.ts deploy logging   # one app
 *   npx projen integ:synth
 *
 * Needs credentials allowed to deploy CDK stacks and an account/region bootstrapped with
 * `npx cdk bootstrap` (the assertion provider is a Lambda asset).
 *
 * `cdk destroy` alone cannot delete the trail and access-log buckets: CloudFormation deletes only
 * empty buckets (CloudFormation User Guide, AWS::S3::Bucket: "You can only delete empty buckets"),
 * and the trail has written log files into its bucket. So before each destroy attempt, every object
 * version and delete marker of the stacks' buckets is deleted; S3 server access logs are delivered
 * late (best effort), so a destroy that still fails on a bucket is retried.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CloudFormationClient, ListStackResourcesCommand, ListStackResourcesCommandOutput } from '@aws-sdk/client-cloudformation';
import { DeleteObjectsCommand, ListObjectVersionsCommand, ListObjectVersionsCommandOutput, S3Client } from '@aws-sdk/client-s3';

const DESTROY_ATTEMPTS = 3;

const INTEG_DIR = path.join('test', 'integ');

/** The names of the integration apps: every `test/integ/integ.<name>.ts`. */
export function integAppNames(dir = INTEG_DIR): string[] {
  return fs.readdirSync(dir)
    .map((f) => /^integ\.(.+)\.ts$/.exec(f)?.[1])
    .filter((n): n is string => n !== undefined)
    .sort();
}

/** The command `cdk --app` runs for one integration app. */
export function appCommand(name: string): string {
  return `npx ts-node --transpile-only --project test/tsconfig.json test/integ/integ.${name}.ts`;
}

/** Runs the pinned aws-cdk CLI (node_modules/.bin, which projen puts on the PATH); true on success. */
function cdk(args: string[]): boolean {
  console.log(`\n$ cdk ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`);
  const result = spawnSync('cdk', args, { stdio: 'inherit' });
  return result.status === 0;
}

/** The CloudFormation stack names of a synthesized app (its stack artifacts in the manifest). */
export function stackNames(outDir: string): string[] {
  const manifestFile = path.join(outDir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) return [];
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  return Object.entries<any>(manifest.artifacts ?? {})
    .filter(([, a]) => a.type === 'aws:cloudformation:stack')
    .map(([id, a]) => a.properties?.stackName ?? id);
}

/** The part of an AWS SDK v3 client the cleanup uses (so tests can pass a fake). */
export interface SdkClient {
  send(command: any): Promise<any>;
}

/** The physical names of the buckets of a stack (none if the stack does not exist). */
export async function stackBuckets(cfn: SdkClient, stackName: string): Promise<string[]> {
  const buckets: string[] = [];
  let token: string | undefined;
  do {
    let page: ListStackResourcesCommandOutput;
    try {
      page = await cfn.send(new ListStackResourcesCommand({ StackName: stackName, NextToken: token }));
    } catch (e: any) {
      if (/does not exist/.test(String(e?.message))) return buckets;
      throw e;
    }
    for (const r of page.StackResourceSummaries ?? []) {
      if (r.ResourceType === 'AWS::S3::Bucket' && r.PhysicalResourceId && r.ResourceStatus !== 'DELETE_COMPLETE') {
        buckets.push(r.PhysicalResourceId);
      }
    }
    token = page.NextToken;
  } while (token);
  return buckets;
}

/** Deletes every object version and delete marker of a bucket (the buckets are versioned). */
export async function emptyBucket(s3: SdkClient, bucket: string): Promise<number> {
  let deleted = 0;
  for (;;) {
    let page: ListObjectVersionsCommandOutput;
    try {
      page = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 1000 }));
    } catch (e: any) {
      if (e?.name === 'NoSuchBucket') return deleted;
      throw e;
    }
    const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]
      .map((v) => ({ Key: v.Key!, VersionId: v.VersionId }));
    if (objects.length === 0) return deleted;
    const result = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }));
    // With Quiet, the response lists only the keys that could not be deleted (Amazon S3 API
    // Reference, DeleteObjects); stop rather than list them again forever.
    if (result?.Errors?.length) {
      throw new Error(`could not empty s3://${bucket}: ${result.Errors.map((e: any) => `${e.Key}: ${e.Code}`).join(', ')}`);
    }
    deleted += objects.length;
  }
}

async function destroy(name: string, outDir: string, cfn: SdkClient, s3: SdkClient): Promise<boolean> {
  const app = appCommand(name);
  for (let attempt = 1; attempt <= DESTROY_ATTEMPTS; attempt++) {
    for (const stack of stackNames(outDir)) {
      for (const bucket of await stackBuckets(cfn, stack)) {
        console.log(`emptying s3://${bucket} (${stack}): ${await emptyBucket(s3, bucket)} object versions deleted`);
      }
    }
    if (cdk(['destroy', '--app', app, '--all', '--force', '--output', outDir])) return true;
    console.log(`destroy of ${name} failed (attempt ${attempt} of ${DESTROY_ATTEMPTS})`);
  }
  return false;
}

async function deploy(names: string[]): Promise<number> {
  const cfn = new CloudFormationClient({});
  const s3 = new S3Client({});
  const results: string[] = [];
  let failed = false;
  for (const name of names) {
    const outDir = path.join('cdk.out.integ', name);
    const deployed = cdk(['deploy', '--app', appCommand(name), '--all', '--require-approval', 'never', '--ci', '--output', outDir]);
    let destroyed = false;
    try {
      destroyed = await destroy(name, outDir, cfn, s3);
    } catch (e: any) {
      console.error(`cleanup of ${name} failed: ${e?.message ?? e}`);
    }
    results.push(`${name}: assertions ${deployed ? 'PASSED' : 'FAILED (see the deploy output above)'}; destroy ${destroyed ? 'ok' : 'FAILED: delete the stacks by hand'}`);
    failed = failed || !deployed || !destroyed;
  }
  console.log(`\nIntegration tests\n${results.map((r) => `  ${r}`).join('\n')}`);
  return failed ? 1 : 0;
}

function synth(names: string[]): number {
  const failed = names.filter((name) =>
    !cdk(['synth', '--quiet', '--ci', '--app', appCommand(name), '--output', path.join('cdk.out.integ', name)]));
  if (failed.length > 0) console.log(`synth failed: ${failed.join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

async function main([mode, ...only]: string[]): Promise<number> {
  const names = only.length > 0 ? only : integAppNames();
  if (mode === 'synth') return synth(names);
  if (mode === 'deploy') return deploy(names);
  throw new Error('usage: integ.ts synth|deploy [app name...] (apps: test/integ/integ.<name>.ts)');
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
    console.error(e);
    process.exit(1);
  });
}
