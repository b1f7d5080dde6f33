/**
 * What every integration app shares: an app with the recommended feature flags and the five cdk-nag
 * packs, a small DEV `PlatformMonitoring` stack that `cdk destroy` can remove, and assertions that
 * fail the deployment when they do not hold.
 */
import { ExpectedResult, IApiCall, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { DeploymentEnvironment, PlatformMonitoring, PlatformMonitoringProps } from '../../src';
import { addStandardPacks, RECOMMENDED_CONTEXT } from '../nag-helpers';

/** One integration app: its name (file `integ.<name>.ts`, snapshot folder) and how to build it. */
export interface IntegAppDefinition {
  /** Kebab-case name, also the file name `test/integ/integ.<name>.ts`. */
  readonly name: string;
  /**
   * Adds the stacks and the `IntegTest` to `app`. `now` (milliseconds since the epoch) is the
   * time the app is synthesized: API calls that need a timestamp use it, and the snapshot test
   * passes a fixed value so templates are reproducible.
   */
  readonly build: (app: App, now: number) => IntegTest;
}

/** An app with our recommended feature flags, all five cdk-nag packs registered (synth fails on a finding). */
export function newIntegApp(): App {
  // The assertions stack imports the test stack's outputs: "strong" (CloudFormation exports) is
  // aws-cdk-lib's current default, set explicitly so synth does not warn about it.
  const app = new App({ context: { ...RECOMMENDED_CONTEXT, '@aws-cdk/core:defaultCrossStackReferences': 'strong' } });
  addStandardPacks(app);
  return app;
}

/**
 * An environment-agnostic stack with a small DEV `PlatformMonitoring`: everything it creates is
 * destroyed with the stack (`RemovalPolicy.DESTROY`, accepted outside PROD), and names carry the
 * project name so the apps can share an account.
 */
export function monitoringStack(app: App, projectName: string,
  props: (stack: Stack) => Partial<PlatformMonitoringProps> = () => ({})): { stack: Stack; monitoring: PlatformMonitoring } {
  const stack = new Stack(app, `${pascal(projectName)}Stack`, {
    description: `cdk-platform-monitoring integration test ${projectName} (deploy, assert, destroy)`,
  });
  const extra = props(stack);
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', {
    projectName,
    environment: DeploymentEnvironment.DEV,
    removalPolicy: RemovalPolicy.DESTROY,
    // Not `/aws/batch/job`: an account that ever ran a Batch job already has it, and the four
    // apps must not compete for one name.
    ...extra,
    logging: { batchLogGroupName: `/${projectName}/batch/job`, ...extra.logging },
  });
  return { stack, monitoring };
}

/** The `IntegTest` of an app: the test stack is deployed, then the assertions (a second stack). */
export function integTest(app: App, stack: Stack): IntegTest {
  return new IntegTest(app, `${stack.stackName}Integ`, {
    testCases: [stack],
  });
}

/**
 * Makes `call` assert `expected`, retrying until it holds or `timeout` elapses, and fail the
 * deployment if it never does.
 *
 * A plain `.expect()` is not enough outside integ-runner: its handler (integ-tests-alpha
 * 2.245.0-alpha.0, `providers/lambda-handler/index.js`) reports a mismatch as SUCCESS with
 * `{"status":"fail"}` in a stack output, which only integ-runner reads, so `cdk deploy` would pass.
 * With `waitForAssertions`, a mismatch makes the waiter state machine retry and, on timeout, answer
 * CloudFormation FAILED: `cdk deploy` fails and names the assertion.
 */
export function assertEventually(call: IApiCall, expected: ExpectedResult, timeout: Duration, interval = Duration.seconds(15)): IApiCall {
  return call.expect(expected).waitForAssertions({ totalTimeout: timeout, interval, backoffRate: 1 });
}

function pascal(kebab: string): string {
  return kebab.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}
