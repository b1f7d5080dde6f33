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
 * fails with a DependencyCycle. A warning instead gives the code to add in the API's own stack.
 */
export function enableRestApiAccessLogs(scope: Construct, api: apigateway.IRestApi, index: number, target: RestApiAccessLogTarget): void {
  if (!(api instanceof apigateway.RestApiBase) || !api.latestDeployment) return; // no stage of ours to configure
  const stage = api.deploymentStage;
  const cfnStage = stage.node.defaultChild;
  if (!(cfnStage instanceof apigateway.CfnStage) || cfnStage.accessLogSetting !== undefined) return; // logs already
  const apiStack = Stack.of(stage);
  if (apiStack !== Stack.of(scope)) {
    Annotations.of(scope).addWarningV2('cdk-platform-monitoring:foreignRestApiStage', foreignStageWarning(scope, api, index, target));
    return;
  }
  const destination = target.destination.bind(stage);
  cfnStage.accessLogSetting = { destinationArn: destination.destinationArn, format: target.format };
}

/** The warning for a stage in another stack, with the exact code to add there. */
export function foreignStageWarning(scope: Construct, api: apigateway.IRestApi, index: number, target: RestApiAccessLogTarget): string {
  const envArg = target.environment === DeploymentEnvironment.PROD ? '' : `, environment: DeploymentEnvironment.${envMember(target.environment)}`;
  const apiStack = Stack.of(api);
  return `restApis[${index}] (${api.node.path}) is defined in stack "${apiStack.stackName}", not in "${Stack.of(scope).stackName}": `
    + 'its stage is left without access logs, because pointing it at this stack\'s access-log group would make each stack '
    + 'depend on the other (DependencyCycle). In the API\'s own stack, add to the RestApi: '
    + `deployOptions: { accessLogDestination: new ApiAccessLogDestination({ projectName: '${target.projectName}'${envArg} }), `
    + 'accessLogFormat: PlatformMonitoring.apiAccessLogFormat() } (it names the group by its literal ARN, so neither stack '
    + `imports from the other), and deploy this stack first: ${stackVar(apiStack)}.addStackDependency(${stackVar(Stack.of(scope))}). `
    + 'Or set restApiAccessLogs: false (`logging.restApiAccessLogs` on PlatformMonitoring) to leave the stage alone without this warning.';
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
