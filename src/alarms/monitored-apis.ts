import { Construct } from 'constructs';
import { PlatformAlarmsProps } from './platform-alarms-props';
import { HttpApiMetrics, RestApiMetrics } from '../metrics/api-gateway-metrics';
import { accountPart, keyPart } from '../private/alarm-keys';
import { validationError } from '../private/errors';
import { checkUnique } from '../private/input-checks';
import { stageNameOf } from '../private/literal-names';

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
export function monitoredApis(scope: Construct, props: PlatformAlarmsProps): MonitoredApi[] {
  const apis: MonitoredApi[] = [];
  (props.restApis ?? []).forEach((api, i) => {
    let stageName: string;
    try {
      stageName = stageNameOf(api.deploymentStage); // the literal: no import from the API's stack;
    } catch {
      throw validationError(scope, `restApis[${i}] has no deploymentStage (an imported REST API?): list it in restApiStages `
        + 'with its apiName and stageName instead.');
    }
    apis.push({
      key: `rest-api-${keyPart(api.restApiName, i)}`,
      label: api.restApiName,
      kind: 'REST API',
      errorMetric: '5XXError',
      metrics: new RestApiMetrics({ apiName: api.restApiName, stageName }),
      identity: `REST ${api.restApiName}/${stageName}`,
    });
  });
  (props.restApiStages ?? []).forEach((s, i) => {
    apis.push({
      key: `rest-api-${accountPart(s.account)}${keyPart(s.apiName, i)}-${keyPart(s.stageName, i)}`,
      label: s.displayName ?? s.apiName,
      kind: 'REST API',
      errorMetric: '5XXError',
      metrics: new RestApiMetrics({ apiName: s.apiName, stageName: s.stageName, account: s.account, region: s.region }),
      identity: `REST ${s.apiName}/${s.stageName}`,
    });
  });
  (props.httpApis ?? []).forEach((h, i) => {
    const stageName = h.stageName ?? '$default';
    apis.push({
      key: `http-api-${h.displayName ? keyPart(h.displayName, i) : i + 1}`,
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
