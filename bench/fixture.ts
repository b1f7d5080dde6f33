import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { BENCH_CONTEXT, BENCH_STACK_ENV } from './context';
// The barrel, as a user imports the library (what it loads is part of the cold-start time).
import { ecommerceMlComponents } from '../examples/ecommerce-ml-components';
import { PlatformMonitoring, ServiceLogGroupMode } from '../src';
import { DeploymentEnvironment } from '../src/core/environment';

// The benchmark's platform at size N. Everything monitored is imported by name, so the synthesized
// stack holds the monitoring only, not the functions, APIs or buckets themselves.

export { BENCH_CONTEXT };

/** CloudTrail allows 250 data resources per trail: above 249 functions, log all of them. */
export const LOG_ALL_LAMBDA_ABOVE = 249;

/** How many of each monitored resource the platform of size `n` has. */
export interface PlatformSize {
  readonly functions: number;
  readonly restApis: number;
  readonly dmsTasks: number;
  readonly batchQueues: number;
  readonly glueCrawlers: number;
}

/** N functions, N/10 REST APIs, N/25 DMS tasks, N/50 Batch queues and Glue crawlers (at least one each). */
export function platformSize(n: number): PlatformSize {
  const atLeastOne = (x: number) => Math.max(1, Math.floor(x));
  return {
    functions: n,
    restApis: atLeastOne(n / 10),
    dmsTasks: atLeastOne(n / 25),
    batchQueues: atLeastOne(n / 50),
    glueCrawlers: atLeastOne(n / 50),
  };
}

/** A fresh app and stack (the environment of the tests: account 123456789012, eu-west-1). */
export function newBenchStack(outdir?: string): { app: App; stack: Stack } {
  const app = new App({ context: BENCH_CONTEXT, outdir });
  const stack = new Stack(app, 'Bench', { env: BENCH_STACK_ENV });
  return { app, stack };
}

/**
 * Adds `PlatformMonitoring` for a platform of `n` functions. n = 0 is the floor: an empty stack
 * (one `AWS::CloudFormation::WaitConditionHandle`, because CloudFormation validation rejects a
 * template without resources).
 */
export function addPlatform(stack: Stack, n: number): PlatformMonitoring | undefined {
  if (n === 0) {
    new CfnWaitConditionHandle(stack, 'Empty');
    return undefined;
  }
  const size = platformSize(n);
  const range = (count: number) => Array.from({ length: count }, (_, i) => i + 1);
  const pad = (i: number) => String(i).padStart(3, '0');
  return new PlatformMonitoring(stack, 'Monitoring', {
    environment: DeploymentEnvironment.PROD,
    projectName: 'bench-platform',
    // The example's five ML components: their dashboard and anomaly-detection alarms are part of the measured platform.
    mlComponents: ecommerceMlComponents(),
    lambdaFunctions: range(size.functions).map(i => lambda.Function.fromFunctionName(stack, `Fn${i}`, `bench-platform-service-${pad(i)}`)),
    // The heaviest case: a group per function is created (imported functions would otherwise
    // reference the groups Lambda already created, and the stacks would hold N fewer resources).
    logging: { lambdaLogGroupMode: ServiceLogGroupMode.CREATE },
    // REST APIs by name and stage: the alarms, widgets and metrics are the same as for a `RestApi`
    // object, whose own resources (API, method, deployment, stage) would be counted as monitoring.
    restApiStages: range(size.restApis).map(i => ({ apiName: `bench-platform-api-${pad(i)}`, stageName: 'prod' })),
    dmsReplicationTasks: range(size.dmsTasks).map(i => ({
      replicationInstanceIdentifier: 'bench-platform-replication',
      replicationTaskIdentifier: `BENCHTASK${pad(i)}ABCDEFGHIJKLMNOPQRSTUV`,
      displayName: `orders-cdc-${pad(i)}`,
    })),
    // Queue names: the construct builds the ARN events carry in the stack's own account and region.
    batchJobQueues: range(size.batchQueues).map(i => `bench-queue-${pad(i)}`),
    glueCrawlerNames: range(size.glueCrawlers).map(i => `bench-crawler-${pad(i)}`),
    dataLakeBucket: s3.Bucket.fromBucketName(stack, 'DataLake', 'bench-platform-data-lake-123456789012'),
    audit: { logAllLambdaDataEvents: n > LOG_ALL_LAMBDA_ABOVE },
    recipients: { emails: ['oncall@example.com'] },
    // Above 500 functions with a log group created for each, the grouped errors/throttles alarms (two
    // per 10 functions) would bring the stack operation over CloudFormation's 2,500 resources (2,625
    // at 1,000; the synth fails and says so): one account-wide alarm each instead.
    ...(n > 500 ? { alarms: { lambdaAlarmsAccountWide: true } } : {}),
  });
}

/** Synthesizes the platform of size `n` into a fresh temporary directory (removed by `cleanup`). */
export function synthPlatform(n: number): { assembly: cxapi.CloudAssembly; outdir: string; cleanup: () => void } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${n}-`));
  const { app, stack } = newBenchStack(outdir);
  addPlatform(stack, n);
  const assembly = app.synth();
  return { assembly, outdir, cleanup: () => fs.rmSync(outdir, { recursive: true, force: true }) };
}
