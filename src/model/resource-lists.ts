import { Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { checkLocation, locationKey } from './cross-account-resources';
import { DmsReplicationTask, MonitoredHttpApi, MonitoredRestApiStage } from './monitored-resources';
import { eventsElsewhereFix, locateResource, ResourceKind, ResourceUse } from './resource-location';
import { checkFunctionLocation } from './source-account-functions';
import { validationError } from '../private/errors';
import {
  checkIdentifier, DMS_REPLICATION_INSTANCE_IDENTIFIER, DMS_REPLICATION_TASK_IDENTIFIER, HTTP_API_STAGE_NAME, REST_API_STAGE_NAME,
} from '../private/identifiers';
import { checkList, checkNonEmptyString, checkUnique, describe } from '../private/input-checks';
import { functionNameOf } from '../private/literal-names';

/** The same function twice: the same construct, or two imports of one function name. */
export function checkFunctions(scope: IConstruct, fns: unknown, use: ResourceUse): lambda.IFunction[] {
  checkList(scope, 'lambdaFunctions', fns);
  const list = (fns ?? []) as lambda.IFunction[];
  list.forEach((fn, i) => checkConstruct(scope, `lambdaFunctions[${i}]`, fn, 'a Lambda function (lambda.IFunction)'));
  list.forEach((fn, i) => checkFunctionLocation(scope, `lambdaFunctions[${i}]`, fn, use));
  checkUnique(scope, 'lambdaFunctions', list.map((fn) => ({ key: fn.node.addr, shown: `the function ${fn.node.path}` })),
    'its errors and throttles would be counted twice in the platform sums');
  checkUnique(scope, 'lambdaFunctions', list.map((fn) => ({ key: functionNameOf(fn), shown: `the function "${functionNameOf(fn)}"` })),
    'two constructs name the same function, so its errors and throttles would be counted twice in the platform sums');
  return list;
}

export function checkRestApis(scope: IConstruct, apis: unknown): apigateway.IRestApi[] {
  checkList(scope, 'restApis', apis);
  const list = (apis ?? []) as apigateway.IRestApi[];
  list.forEach((api, i) => checkConstruct(scope, `restApis[${i}]`, api, 'a REST API (apigateway.IRestApi)'));
  checkUnique(scope, 'restApis', list.map((api) => ({ key: api.node.addr, shown: `the REST API ${api.node.path}` })),
    'it would get the same alarms and graphs twice');
  return list;
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

export function checkRestApiStages(scope: IConstruct, stages: unknown, use: ResourceUse): MonitoredRestApiStage[] {
  checkList(scope, 'restApiStages', stages);
  const list = (stages ?? []) as MonitoredRestApiStage[];
  list.forEach((s, i) => {
    checkObject(scope, `restApiStages[${i}]`, s, '{ apiName, stageName }');
    checkNonEmptyString(scope, `restApiStages[${i}].apiName`, s.apiName, 'REST API name (the ApiName dimension)');
    checkRestApiName(scope, `restApiStages[${i}].apiName`, s.apiName);
    checkIdentifier(scope, `restApiStages[${i}].stageName`, s.stageName, REST_API_STAGE_NAME);
    checkLocation(scope, `restApiStages[${i}]`, s);
    locateResource(scope, `restApiStages[${i}]`, metricsKind(`the REST API stage "${s.apiName}/${s.stageName}"`, 'restApiStages'),
      use, s.account, s.region);
  });
  const stageKeys = list.map((s) => `${locationKey(s)}${s.apiName}/${s.stageName}`);
  checkUnique(scope, 'restApiStages', stageKeys.map((key) => ({ key, shown: key })), 'it would get the same alarms and graphs twice');
  return list;
}

export function checkHttpApis(scope: IConstruct, apis: unknown, use: ResourceUse): MonitoredHttpApi[] {
  checkList(scope, 'httpApis', apis);
  const list = (apis ?? []) as MonitoredHttpApi[];
  list.forEach((h, i) => {
    checkObject(scope, `httpApis[${i}]`, h, '{ api, stageName? }');
    checkConstruct(scope, `httpApis[${i}].api`, h.api, 'an HTTP API (apigatewayv2.IHttpApi); pass { api: httpApi }');
    if (h.stageName !== undefined) checkIdentifier(scope, `httpApis[${i}].stageName`, h.stageName, HTTP_API_STAGE_NAME);
    checkLocation(scope, `httpApis[${i}]`, h);
    locateResource(scope, `httpApis[${i}]`, metricsKind(`the HTTP API ${h.api.node.path}`, 'httpApis'), use, h.account, h.region);
  });
  checkUnique(scope, 'httpApis', list.map((h) => ({
    key: `${h.api.node.addr}/${h.stageName ?? '$default'}`,
    shown: `${h.api.node.path} (stage ${h.stageName ?? '$default'})`,
  })), 'it would get the same alarms and graphs twice');
  return list;
}

export function checkDmsTasks(scope: IConstruct, tasks: unknown, use: ResourceUse): DmsReplicationTask[] {
  checkList(scope, 'dmsReplicationTasks', tasks);
  const list = (tasks ?? []) as DmsReplicationTask[];
  list.forEach((t, i) => {
    checkObject(scope, `dmsReplicationTasks[${i}]`, t, '{ replicationInstanceIdentifier, replicationTaskIdentifier }');
    checkIdentifier(scope, `dmsReplicationTasks[${i}].replicationInstanceIdentifier`, t.replicationInstanceIdentifier,
      DMS_REPLICATION_INSTANCE_IDENTIFIER);
    checkIdentifier(scope, `dmsReplicationTasks[${i}].replicationTaskIdentifier`, t.replicationTaskIdentifier,
      DMS_REPLICATION_TASK_IDENTIFIER);
    checkLocation(scope, `dmsReplicationTasks[${i}]`, t);
    locateResource(scope, `dmsReplicationTasks[${i}]`,
      metricsKind(`the DMS replication task "${t.replicationTaskIdentifier}"`, 'dmsReplicationTasks'), use, t.account, t.region);
  });
  checkUnique(scope, 'dmsReplicationTasks', list.map((t) => {
    const key = `${locationKey(t)}${t.replicationInstanceIdentifier}/${t.replicationTaskIdentifier}`;
    return { key, shown: key };
  }), 'each would get the same alarms and graphs');
  return list;
}

/**
 * A resource given with its own `account` / `region` fields: read through cross-account
 * observability, and graphed in any Region (their metric factories take the Region).
 */
function metricsKind(what: string, list: string): ResourceKind {
  return { what, graphsFromOtherRegions: true, otherAccountFix: eventsElsewhereFix(list) };
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
