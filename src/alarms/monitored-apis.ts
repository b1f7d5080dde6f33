import { Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { HttpApiMetrics, RestApiMetrics } from '../metrics/api-gateway-metrics';
import { MonitoredResources } from '../model/monitored-platform';
import { accountPart, keyPart } from '../private/alarm-keys';
import { validationError } from '../private/errors';
import { checkUnique } from '../private/input-checks';

/** One REST or HTTP API stage to alarm on. */
export interface MonitoredApi {
  readonly key: string;
  readonly label: string;
  readonly kind: 'REST API' | 'HTTP API';
  readonly errorMetric: '5XXError' | '5xx';
  readonly metrics: RestApiMetrics | HttpApiMetrics;
  readonly identity: string;
}

/** The REST APIs, REST API stages and HTTP APIs, with their alarm keys (checked for duplicates). */
export function monitoredApis(scope: Construct, model: MonitoredResources): MonitoredApi[] {
  const apis: MonitoredApi[] = [];
  for (const s of model.restStages) {
    // One of restApis is keyed by its API name; one of restApiStages by its account, API and stage names.
    const key = s.stage === undefined ? `rest-api-${keyPart(s.apiName, s.index)}`
      : `rest-api-${accountPart(s.account)}${keyPart(s.apiName, s.index)}-${keyPart(s.stageName, s.index)}`;
    apis.push({
      key,
      label: s.label,
      kind: 'REST API',
      errorMetric: '5XXError',
      metrics: new RestApiMetrics({ apiName: s.apiName, stageName: s.stageName, account: s.account, region: s.region }),
      identity: `REST ${s.apiName}/${s.stageName}`,
    });
  }
  model.httpApis.forEach((h, i) => {
    const stageName = h.stageName ?? '$default';
    // The alarm key must not move when the list changes (a position would point an existing alarm
    // at another API): the displayName, else the API id, whichever is a literal.
    const stable = [h.displayName, h.displayName === undefined ? h.api.apiId : undefined]
      .find((v): v is string => v !== undefined && !Token.isUnresolved(v));
    if (stable === undefined) {
      const what = h.displayName !== undefined ? 'its displayName is a token' : 'no displayName, and its api id is a token (an HttpApi of the app)';
      throw validationError(scope, `httpApis[${i}] has ${what}: set httpApis[${i}].displayName to a literal name (letters, digits, `
        + '"-", "_" or "."), which names its alarms and must not change; an alarm keyed by its place in the list would watch '
        + 'another API when the list changes.');
    }
    apis.push({
      key: `http-api-${keyPart(stable, i)}`,
      label: h.displayName ?? h.api.apiId,
      kind: 'HTTP API',
      errorMetric: '5xx',
      metrics: new HttpApiMetrics({ apiId: h.api.apiId, stageName, account: h.account, region: h.region }),
      identity: `HTTP ${h.api.apiId}/${stageName}`,
    });
  });
  checkUnique(scope, 'restApis / restApiStages / httpApis', apis.map((a) => ({ key: a.identity, shown: a.identity })),
    'each would get the same alarms');
  checkUnique(scope, 'restApis / restApiStages / httpApis', apis.map((a) => ({ key: a.key, shown: `the alarm key "${a.key}"` })),
    'two APIs would get alarms of the same name (the key is the displayName or apiName): give one a displayName of its own');
  return apis;
}
