import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { BatchJobQueueRef, resolveBatchJobQueues } from './batch-job-queues';
import { dmsInstances } from './dms-instances';
import { MonitoredResourceProps } from './monitored-resource-props';
import { DmsReplicationTask, MonitoredHttpApi, MonitoredRestApiStage } from './monitored-resources';
import { checkDmsTasks, checkFunctions, checkHttpApis, checkRestApis, checkRestApiStages } from './resource-lists';
import { ResourceUse } from './resource-location';
import { LambdaFunctionRef, lambdaFunctionRefs, resolveLambdaFunctionArns } from './source-account-functions';
import { GlueJobRef, resolveGlueCrawlers, resolveGlueJobs } from './source-account-glue';
import { validationError } from '../private/errors';
import { stageNameOf } from '../private/literal-names';

/*
 * The resolved model of what is monitored: built once from the lists (`MonitoredResourceProps`),
 * every list validated once and every resource's account and Region decided once (by
 * `locateResource`). `PlatformMonitoring` registers its model on itself; each part reads the model
 * of its nearest ancestor, and resolves its own only when used alone. Not part of the public API.
 */

/** The names of the lists. */
export type ListName = keyof MonitoredResourceProps;

/** The lists of each group (`MonitoredFunctionsProps`, `MonitoredApisProps`, `MonitoredPipelineProps`). */
export const FUNCTION_LISTS: ListName[] = ['lambdaFunctions', 'lambdaFunctionArns'];
export const API_LISTS: ListName[] = ['restApis', 'restApiStages', 'httpApis'];
export const PIPELINE_LISTS: ListName[] = ['dmsReplicationTasks', 'batchJobQueues', 'glueCrawlerNames', 'glueJobNames'];
export const ALL_LISTS: ListName[] = [...FUNCTION_LISTS, ...API_LISTS, ...PIPELINE_LISTS];

/** A REST API stage, from `restApis` (by its deployment stage) or `restApiStages`. */
export interface RestStageRef {
  /** The `ApiName` dimension. */
  readonly apiName: string;
  /** The `Stage` dimension. */
  readonly stageName: string;
  /** The label on graphs and in alarm descriptions. */
  readonly label: string;
  /** The source account, when set on a `restApiStages` entry. */
  readonly account?: string;
  /** The Region, when set on a `restApiStages` entry. */
  readonly region?: string;
  /** The entry of `restApiStages`, or undefined for one of `restApis`. */
  readonly stage?: MonitoredRestApiStage;
  /** Its place in its list. */
  readonly index: number;
}

/** What `resolveMonitoredResources` validated, list by list. */
interface ResolvedLists {
  readonly localFunctions: lambda.IFunction[];
  readonly sourceAccountFunctions: LambdaFunctionRef[];
  readonly restApis: apigateway.IRestApi[];
  readonly restApiStages: MonitoredRestApiStage[];
  readonly httpApis: MonitoredHttpApi[];
  readonly dmsTasks: DmsReplicationTask[];
  readonly batchQueues: BatchJobQueueRef[];
  readonly glueJobs: GlueJobRef[];
  readonly glueCrawlers: string[];
}

/** The resolved lists. */
export class MonitoredResources {
  /**
   * The model `scope` should read for the lists it `reads`: the nearest ancestor's (or its own) when
   * it was built from the same lists (the same arrays), else a new one resolved here from those
   * lists of `props` for `use`, and registered on `scope` (for its children).
   */
  public static of(scope: IConstruct, props: MonitoredResourceProps, reads: ListName[], use: ResourceUse): MonitoredResources {
    for (let c: IConstruct | undefined = scope; c !== undefined; c = c.node.scope) {
      const model = REGISTERED.get(c);
      if (model && covers(model.use, use) && reads.every((name) => sameList(props[name], model.lists[name]))) return model;
    }
    const own = resolveMonitoredResources(scope, pick(props, reads), use);
    REGISTERED.set(scope, own);
    return own;
  }

  /** Lets the constructs under `scope` read `model` (see `of`). */
  public static register(scope: IConstruct, model: MonitoredResources): void {
    REGISTERED.set(scope, model);
  }

  /** This account's functions (`lambdaFunctions`). */
  public readonly localFunctions: lambda.IFunction[];
  /** The functions of `lambdaFunctionArns` (source accounts, or other Regions on a dashboard alone). */
  public readonly sourceAccountFunctions: LambdaFunctionRef[];
  /** Every function whose metrics are read: this account's first, then `sourceAccountFunctions`. */
  public readonly functions: LambdaFunctionRef[];
  /** `restApis`. */
  public readonly restApis: apigateway.IRestApi[];
  /** `restApiStages`. */
  public readonly restApiStages: MonitoredRestApiStage[];
  /** `httpApis`. */
  public readonly httpApis: MonitoredHttpApi[];
  /** `dmsReplicationTasks`. */
  public readonly dmsTasks: DmsReplicationTask[];
  /** The distinct replication instances of `dmsTasks`. */
  public readonly dmsInstances: Array<{ instance: string; account?: string; region?: string }>;
  /** `batchJobQueues`, each with its ARN, name and (for a source account) account. */
  public readonly batchQueues: BatchJobQueueRef[];
  /** `glueJobNames`, each with its name and (for a source account) account. */
  public readonly glueJobs: GlueJobRef[];
  /** The names of `glueCrawlerNames` (ARNs resolved to names). */
  public readonly glueCrawlers: string[];

  private restStagesCache?: RestStageRef[];

  constructor(private readonly scope: IConstruct, private readonly lists: MonitoredResourceProps,
    /** What the constructs resolving it create, which decided the accounts and Regions it accepts. */
    public readonly use: ResourceUse, resolved: ResolvedLists) {
    this.localFunctions = resolved.localFunctions;
    this.sourceAccountFunctions = resolved.sourceAccountFunctions;
    this.functions = lambdaFunctionRefs(resolved.localFunctions, resolved.sourceAccountFunctions);
    this.restApis = resolved.restApis;
    this.restApiStages = resolved.restApiStages;
    this.httpApis = resolved.httpApis;
    this.dmsTasks = resolved.dmsTasks;
    this.dmsInstances = dmsInstances(resolved.dmsTasks);
    this.batchQueues = resolved.batchQueues;
    this.glueJobs = resolved.glueJobs;
    this.glueCrawlers = resolved.glueCrawlers;
  }

  /**
   * The REST API stages: each of `restApis` by its deployment stage, then `restApiStages`. Read
   * only by the parts that need stages (alarms, dashboard): `CentralLogging` takes an imported REST
   * API without one.
   */
  public get restStages(): RestStageRef[] {
    if (this.restStagesCache) return this.restStagesCache;
    const fromApis = this.restApis.map((api, index): RestStageRef => {
      let stageName: string;
      try {
        stageName = stageNameOf(api.deploymentStage); // the literal: no import from the API's stack
      } catch {
        throw validationError(this.scope, `restApis[${index}] (${api.node.path}) has no deploymentStage (an imported REST API?): `
          + 'API Gateway metrics are per stage. List it in restApiStages with its apiName and stageName instead.');
      }
      return { apiName: api.restApiName, stageName, label: api.restApiName, index };
    });
    const fromStages = this.restApiStages.map((s, index): RestStageRef => ({
      apiName: s.apiName, stageName: s.stageName, label: s.displayName ?? s.apiName, account: s.account, region: s.region, stage: s, index,
    }));
    this.restStagesCache = [...fromApis, ...fromStages];
    return this.restStagesCache;
  }
}

const REGISTERED = new WeakMap<IConstruct, MonitoredResources>();

/**
 * Whether a model resolved for `resolvedFor` may be read by a part of `use`: a model of the same use,
 * or a platform's (`ALARMS`: the strictest on Regions, and its decisions on source accounts are the
 * platform's, which watches them through their metrics while its event rules never see them).
 */
function covers(resolvedFor: ResourceUse, use: ResourceUse): boolean {
  return resolvedFor === use || resolvedFor === ResourceUse.ALARMS;
}

function sameList(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const empty = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0);
  return empty(a) && empty(b);
}

/**
 * Validates every list once (a list, no empty or malformed entry, no resource twice, and each
 * resource's account and Region for `use`: `locateResource`) and resolves it. Throws at the first
 * problem with a message naming the prop and the fix. Only the lists present in `lists` are read.
 */
export function resolveMonitoredResources(scope: IConstruct, lists: MonitoredResourceProps, use: ResourceUse): MonitoredResources {
  const localFunctions = checkFunctions(scope, lists.lambdaFunctions, use);
  const sourceAccountFunctions = resolveLambdaFunctionArns(scope, 'lambdaFunctionArns', lists.lambdaFunctionArns, use);
  const restApis = checkRestApis(scope, lists.restApis);
  const restApiStages = checkRestApiStages(scope, lists.restApiStages, use);
  const httpApis = checkHttpApis(scope, lists.httpApis, use);
  const dmsTasks = checkDmsTasks(scope, lists.dmsReplicationTasks, use);
  const batchQueues = resolveBatchJobQueues(scope, 'batchJobQueues', lists.batchJobQueues, use);
  const glueCrawlers = resolveGlueCrawlers(scope, 'glueCrawlerNames', lists.glueCrawlerNames, use);
  const glueJobs = resolveGlueJobs(scope, 'glueJobNames', lists.glueJobNames, use);
  return new MonitoredResources(scope, lists, use, {
    localFunctions, sourceAccountFunctions, restApis, restApiStages, httpApis, dmsTasks, batchQueues, glueJobs, glueCrawlers,
  });
}

/** The lists of `props` (the same arrays), and nothing else: what the platform passes to each part. */
export function monitoredLists(props: MonitoredResourceProps): MonitoredResourceProps {
  return pick(props, ALL_LISTS);
}

function pick(props: MonitoredResourceProps, names: ListName[]): MonitoredResourceProps {
  const lists: { [name: string]: unknown } = {};
  for (const name of names) lists[name] = props[name];
  return lists as MonitoredResourceProps;
}
