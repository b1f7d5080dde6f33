import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BENCH_CONTEXT, BENCH_STACK_ENV } from './context';
import { PlatformMonitoring } from '../src';
import { DeploymentEnvironment } from '../src/core/environment';

// The multi-stack layout of issue 15, as a large platform lays it out: 1,000 `lambda.Function`s in
// four team stacks, 100 REST APIs in a stack of their own, 40 DMS tasks, 20 Batch queues and 20
// Glue crawlers (and 5 Glue jobs), monitored by `PlatformMonitoring` with its defaults in a third kind of stack,
// except `audit.logAllLambdaDataEvents` (a trail lists at most 250 data resources, a hard CloudTrail
// limit). With the defaults, each team stack holds its functions' log groups and metric filters in
// nested stacks of its own (LogGroupPlacement.FUNCTION_STACK), so no stack operation nears 2,500
// resources. Shared by the benchmark and test/scale/multi-stack-limits.test.ts.

/** What the multi-stack layout monitors. */
export const MULTI_STACK = {
  functions: 1000, functionsPerTeamStack: 250, restApis: 100, dmsTasks: 40, batchQueues: 20, glueCrawlers: 20, glueJobs: 5,
};

/**
 * The app of the multi-stack layout (stacks `Team0`-`Team3`, `Apis`, `Platform`) and its
 * `PlatformMonitoring`. `importFunctions`: the large case, the 1,000 functions imported by name
 * into the platform's stack (no team stacks), as a platform that monitors functions deployed
 * elsewhere does.
 */
export function multiStackApp(outdir?: string, importFunctions = false): { app: App; monitoring: PlatformMonitoring } {
  const app = new App({ context: BENCH_CONTEXT, outdir });
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const teams: Stack[] = [];
  const roles: iam.IRole[] = [];
  const platformStack = new Stack(app, 'Platform', { env: BENCH_STACK_ENV });
  const functions = range(MULTI_STACK.functions).map((i) => {
    if (importFunctions) return lambda.Function.fromFunctionName(platformStack, `Fn${i}`, `shop-fn-${i}`);
    const t = Math.floor(i / MULTI_STACK.functionsPerTeamStack);
    if (!teams[t]) {
      teams[t] = new Stack(app, `Team${t}`, { env: BENCH_STACK_ENV });
      roles[t] = iam.Role.fromRoleArn(teams[t], 'Role', `arn:aws:iam::123456789012:role/team-${t}`, { mutable: false });
    }
    return new lambda.Function(teams[t], `Fn${i}`, {
      functionName: `shop-fn-${i}`,
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({});'),
      role: roles[t],
    });
  });
  const apisStack = new Stack(app, 'Apis', { env: BENCH_STACK_ENV });
  const restApis = range(MULTI_STACK.restApis).map((i) => {
    // `cloudWatchRole: false`: API Gateway's CloudWatch role is one per account and region (set once,
    // not per API); with it every API adds a role and an `AWS::ApiGateway::Account` (600 resources).
    const api = new apigateway.RestApi(apisStack, `Api${i}`, {
      restApiName: `shop-api-${i}`, deployOptions: { stageName: 'live' }, cloudWatchRole: false,
    });
    api.root.addMethod('GET', new apigateway.MockIntegration());
    return api;
  });
  const monitoring = new PlatformMonitoring(platformStack, 'Monitoring', {
    environment: DeploymentEnvironment.PROD,
    recipients: { emails: ['ops@example.com'] },
    projectName: 'shop',
    lambdaFunctions: functions,
    restApis,
    dmsReplicationTasks: range(MULTI_STACK.dmsTasks).map((i) => ({
      replicationInstanceIdentifier: `shop-replication-${i % 4}`, replicationTaskIdentifier: `SHOPTASK${i}ABCDEFGHIJKLMNOPQRSTUV`,
    })),
    batchJobQueues: range(MULTI_STACK.batchQueues).map((i) => `shop-queue-${i}`),
    glueCrawlerNames: range(MULTI_STACK.glueCrawlers).map((i) => `shop-crawler-${i}`),
    glueJobNames: range(MULTI_STACK.glueJobs).map((i) => `shop-job-${i}`),
    audit: { logAllLambdaDataEvents: true },
  });
  return { app, monitoring };
}

/** Synthesizes the multi-stack layout into a fresh temporary directory (removed by `cleanup`). */
export function synthMultiStack(importFunctions = false): { outdir: string; cleanup: () => void } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-multi-'));
  multiStackApp(outdir, importFunctions).app.synth();
  return { outdir, cleanup: () => fs.rmSync(outdir, { recursive: true, force: true }) };
}
