import { Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { resolveBatchJobQueues } from './batch-job-queues';
import { checkLocation, locationKey } from './cross-account-resources';
import { DmsReplicationTask, MonitoredHttpApi, MonitoredRestApiStage } from './monitored-resources';
import { checkFunctionAccount, resolveLambdaFunctionArns } from './source-account-functions';
import { checkGlueCrawlers, resolveGlueJobs } from './source-account-glue';
import { validationError } from '../private/errors';
import {
  checkIdentifier, DMS_REPLICATION_INSTANCE_IDENTIFIER, DMS_REPLICATION_TASK_IDENTIFIER, HTTP_API_STAGE_NAME, REST_API_STAGE_NAME,
} from '../private/identifiers';
import { checkList, checkNonEmptyString, checkUnique, describe } from '../private/input-checks';
import { functionNameOf } from '../private/literal-names';

/**
 * The lists of monitored resources, under the prop names every construct uses for them
 * (`PlatformMonitoring`, `PlatformAlarms`, `PlatformEvents`, `CentralLogging`, `AuditTrail`, the
 * dashboards). Not part of the public API.
 */
export interface MonitoredResourceLists {
  readonly lambdaFunctions?: lambda.IFunction[];
  readonly lambdaFunctionArns?: string[];
  readonly restApis?: apigateway.IRestApi[];
  readonly restApiStages?: MonitoredRestApiStage[];
  readonly httpApis?: MonitoredHttpApi[];
  readonly dmsReplicationTasks?: DmsReplicationTask[];
  readonly batchJobQueues?: string[];
  readonly glueCrawlerNames?: string[];
  readonly glueJobNames?: string[];
}

/**
 * Checks every list that is set: a list (not a single value), no empty or malformed entry, no
 * resource twice. Throws at the first problem with a message naming the prop and the fix.
 */
export function validateMonitoredResources(scope: IConstruct, lists: MonitoredResourceLists): void {
  checkFunctions(scope, lists.lambdaFunctions);
  resolveLambdaFunctionArns(scope, 'lambdaFunctionArns', lists.lambdaFunctionArns);
  checkRestApis(scope, lists.restApis);
  checkRestApiStages(scope, lists.restApiStages);
  checkHttpApis(scope, lists.httpApis);
  checkDmsTasks(scope, lists.dmsReplicationTasks);
  resolveBatchJobQueues(scope, 'batchJobQueues', lists.batchJobQueues);
  checkGlueCrawlers(scope, 'glueCrawlerNames', lists.glueCrawlerNames);
  resolveGlueJobs(scope, 'glueJobNames', lists.glueJobNames);
}

/** The same function twice: the same construct, or two imports of one function name. */
function checkFunctions(scope: IConstruct, fns: unknown): void {
  checkList(scope, 'lambdaFunctions', fns);
  const list = (fns ?? []) as lambda.IFunction[];
  list.forEach((fn, i) => checkConstruct(scope, `lambdaFunctions[${i}]`, fn, 'a Lambda function (lambda.IFunction)'));
  list.forEach((fn, i) => checkFunctionAccount(scope, `lambdaFunctions[${i}]`, fn));
  checkUnique(scope, 'lambdaFunctions', list.map((fn) => ({ key: fn.node.addr, shown: `the function ${fn.node.path}` })),
    'its errors and throttles would be counted twice in the platform sums');
  checkUnique(scope, 'lambdaFunctions', list.map((fn) => ({ key: functionNameOf(fn), shown: `the function "${functionNameOf(fn)}"` })),
    'two constructs name the same function, so its errors and throttles would be counted twice in the platform sums');
}

function checkRestApis(scope: IConstruct, apis: unknown): void {
  checkList(scope, 'restApis', apis);
  const list = (apis ?? []) as apigateway.IRestApi[];
  list.forEach((api, i) => checkConstruct(scope, `restApis[${i}]`, api, 'a REST API (apigateway.IRestApi)'));
  checkUnique(scope, 'restApis', list.map((api) => ({ key: api.node.addr, shown: `the REST API ${api.node.path}` })),
    'it would get the same alarms and graphs twice');
}

/**
 * API Gateway publishes REST API metrics by the API's *name* (`ApiName`), while its ARNs and URLs hold
 * only the API's id: "arn:<partition>:apigateway:<region>::/restapis/<api-id>" and
 * "arn:<partition>:execute-api:<region>:<account>:<api-id>/..." (API Gateway Developer Guide, "API
 * Gateway Amazon Resource Name (ARN) reference",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html; "Amazon API
 * Gateway dimensions and metrics", https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html).
 * A graph or alarm on an ARN or URL would show no data forever.
 */
function checkRestApiName(scope: IConstruct, prop: string, apiName: string): void {
  if (Token.isUnresolved(apiName)) return;
  const id = /^arn:[^:]+:apigateway:[^:]*::\/restapis\/([^/]+)/.exec(apiName)?.[1]
    ?? /^arn:[^:]+:execute-api:[^:]*:[^:]*:([^/]+)/.exec(apiName)?.[1]
    ?? /^https:\/\/([a-z0-9]+)\.execute-api\./.exec(apiName)?.[1];
  const isArn = apiName.startsWith('arn:');
  if (id === undefined && !isArn && !apiName.startsWith('https://')) return;
  throw validationError(scope, `${prop} must be the REST API's name (the ApiName dimension of its metrics, \`restApiName\` of `
    + `an IRestApi, "Name" in the console), not its ${isArn ? 'ARN' : 'URL'}; got "${apiName}". `
    + `Pass the name of the API${id ? ` whose id is ${id}` : ''} (aws apigateway get-rest-api --rest-api-id ${id ?? '<api-id>'} `
    + '--query name), or pass the API itself in restApis.');
}

function checkRestApiStages(scope: IConstruct, stages: unknown): void {
  checkList(scope, 'restApiStages', stages);
  const list = (stages ?? []) as MonitoredRestApiStage[];
  list.forEach((s, i) => {
    checkObject(scope, `restApiStages[${i}]`, s, '{ apiName, stageName }');
    checkNonEmptyString(scope, `restApiStages[${i}].apiName`, s.apiName, 'REST API name (the ApiName dimension)');
    checkRestApiName(scope, `restApiStages[${i}].apiName`, s.apiName);
    checkIdentifier(scope, `restApiStages[${i}].stageName`, s.stageName, REST_API_STAGE_NAME);
    checkLocation(scope, `restApiStages[${i}]`, s);
  });
  const stageKeys = list.map((s) => `${locationKey(s)}${s.apiName}/${s.stageName}`);
  checkUnique(scope, 'restApiStages', stageKeys.map((key) => ({ key, shown: key })), 'it would get the same alarms and graphs twice');
}

function checkHttpApis(scope: IConstruct, apis: unknown): void {
  checkList(scope, 'httpApis', apis);
  const list = (apis ?? []) as MonitoredHttpApi[];
  list.forEach((h, i) => {
    checkObject(scope, `httpApis[${i}]`, h, '{ api, stageName? }');
    checkConstruct(scope, `httpApis[${i}].api`, h.api, 'an HTTP API (apigatewayv2.IHttpApi); pass { api: httpApi }');
    if (h.stageName !== undefined) checkIdentifier(scope, `httpApis[${i}].stageName`, h.stageName, HTTP_API_STAGE_NAME);
    checkLocation(scope, `httpApis[${i}]`, h);
  });
  checkUnique(scope, 'httpApis', list.map((h) => ({
    key: `${h.api.node.addr}/${h.stageName ?? '$default'}`,
    shown: `${h.api.node.path} (stage ${h.stageName ?? '$default'})`,
  })), 'it would get the same alarms and graphs twice');
}

function checkDmsTasks(scope: IConstruct, tasks: unknown): void {
  checkList(scope, 'dmsReplicationTasks', tasks);
  const list = (tasks ?? []) as DmsReplicationTask[];
  list.forEach((t, i) => {
    checkObject(scope, `dmsReplicationTasks[${i}]`, t, '{ replicationInstanceIdentifier, replicationTaskIdentifier }');
    checkIdentifier(scope, `dmsReplicationTasks[${i}].replicationInstanceIdentifier`, t.replicationInstanceIdentifier,
      DMS_REPLICATION_INSTANCE_IDENTIFIER);
    checkIdentifier(scope, `dmsReplicationTasks[${i}].replicationTaskIdentifier`, t.replicationTaskIdentifier,
      DMS_REPLICATION_TASK_IDENTIFIER);
    checkLocation(scope, `dmsReplicationTasks[${i}]`, t);
  });
  checkUnique(scope, 'dmsReplicationTasks', list.map((t) => {
    const key = `${locationKey(t)}${t.replicationInstanceIdentifier}/${t.replicationTaskIdentifier}`;
    return { key, shown: key };
  }), 'each would get the same alarms and graphs');
}

function checkObject(scope: IConstruct, propName: string, value: unknown, shape: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw validationError(scope, `${propName} must be an object ${shape}; got ${describe(value)}.`);
  }
}

function checkConstruct(scope: IConstruct, propName: string, value: unknown, what: string): void {
  if (value === null || typeof value !== 'object' || !('node' in (value as object))) {
    throw validationError(scope, `${propName} must be ${what}; got ${describe(value)}.`);
  }
}
