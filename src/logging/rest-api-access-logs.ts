import { Annotations, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { Construct } from 'constructs';
import { DeploymentEnvironment } from '../core/environment';

/** What `enableRestApiAccessLogs` needs to know of the platform. */
export interface RestApiAccessLogTarget {
  readonly projectName: string;
  readonly environment: DeploymentEnvironment;
  /** The platform's access-log group as a destination (valid in the platform's own stack only). */
  readonly destination: apigateway.IAccessLogDestination;
  /** The access-log format string. */
  readonly format: string;
}

/**
 * Points a REST API's deployment stage at the platform's access-log group, but only where that is
 * safe: a stage in the same stack as `scope`, that does not log anywhere yet.
 *
 * A stage in another stack is never changed: referencing the group from there makes the API stack
 * depend on the monitoring stack, which already depends on the API (its name and stage), and synth
 * fails with a DependencyCycle. Returns true for such a stage, so the caller can warn once per stack
 * (`warnForeignRestApiStages`) with the code to add in the API's own stack.
 */
export function enableRestApiAccessLogs(scope: Construct, api: apigateway.IRestApi, target: RestApiAccessLogTarget): boolean {
  if (!(api instanceof apigateway.RestApiBase) || !api.latestDeployment) return false; // no stage of ours to configure
  const stage = api.deploymentStage;
  const cfnStage = stage.node.defaultChild;
  if (!(cfnStage instanceof apigateway.CfnStage) || cfnStage.accessLogSetting !== undefined) return false; // logs already
  if (Stack.of(stage) !== Stack.of(scope)) return true;
  const destination = target.destination.bind(stage);
  cfnStage.accessLogSetting = { destinationArn: destination.destinationArn, format: target.format };
  return false;
}

/** A REST API of `restApis` whose stage is in another stack, with its position in the list. */
export interface ForeignRestApi {
  readonly api: apigateway.IRestApi;
  readonly index: number;
}

/** One warning per stack holding stages left without access logs, listing their APIs. */
export function warnForeignRestApiStages(scope: Construct, foreign: ForeignRestApi[], target: RestApiAccessLogTarget): void {
  const byStack = new Map<Stack, ForeignRestApi[]>();
  for (const f of foreign) byStack.set(Stack.of(f.api), [...byStack.get(Stack.of(f.api)) ?? [], f]);
  for (const [apiStack, apis] of byStack) {
    Annotations.of(scope).addWarningV2('cdk-platform-monitoring:foreignRestApiStage', foreignStageWarning(scope, apiStack, apis, target));
  }
}

/** The warning for the stages of one other stack, with the exact code to add there. */
export function foreignStageWarning(scope: Construct, apiStack: Stack, apis: ForeignRestApi[], target: RestApiAccessLogTarget): string {
  const envArg = target.environment === DeploymentEnvironment.PROD ? '' : `, environment: DeploymentEnvironment.${envMember(target.environment)}`;
  const names = apis.map(({ api, index }) => `restApis[${index}] (${api.node.path})`);
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const one = apis.length === 1;
  return `${listed} ${one ? 'is' : 'are'} defined in stack "${apiStack.stackName}", not in "${Stack.of(scope).stackName}": `
    + `${one ? 'its stage is' : 'their stages are'} left without access logs, because pointing ${one ? 'it' : 'them'} at this stack's access-log group would make each stack `
    + `depend on the other (DependencyCycle). In the API's own stack, add to ${one ? 'the RestApi' : 'each RestApi'}: `
    + `deployOptions: { accessLogDestination: new ApiAccessLogDestination({ projectName: '${target.projectName}'${envArg} }), `
    + 'accessLogFormat: PlatformMonitoring.apiAccessLogFormat() } (it names the group by its literal ARN, so neither stack '
    + `imports from the other), and deploy this stack first: ${stackVar(apiStack)}.addStackDependency(${stackVar(Stack.of(scope))}). `
    + 'Or set restApiAccessLogs: false (`logging.restApiAccessLogs` on PlatformMonitoring) to leave the stages alone without this warning.';
}

function envMember(env: DeploymentEnvironment): string {
  const entry = Object.entries(DeploymentEnvironment).find(([, value]) => value === env);
  return entry ? entry[0] : String(env);
}

/** A variable-like name for a stack in the printed code (`<stack id, lower camel case>Stack`). */
function stackVar(stack: Stack): string {
  const id = stack.node.id.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase());
  const camel = id.charAt(0).toLowerCase() + id.slice(1);
  return camel.endsWith('Stack') ? camel : `${camel}Stack`;
}
