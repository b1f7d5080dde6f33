import { Duration } from 'aws-cdk-lib';
import { LogGroupPlacement } from './log-group-placement';
import { ServiceLogGroupMode } from './service-log-group-mode';

/**
 * How the platform's log groups are created and used: the Lambda and Batch groups (create or use
 * the existing ones, and where), API access logging and the saved queries' settings.
 *
 * Declared once: `CentralLogging` takes these as part of its props, and `PlatformMonitoring` as
 * `logging`. Retention is `logRetention` on both.
 */
export interface LoggingOptions {
  /**
   * What to do with the functions' log groups, which Lambda creates on a function's first run.
   *
   * By default it depends on where the function comes from, so that the first deploy succeeds:
   * a function imported by name or ARN (`fromFunctionName`, `fromFunctionArn`,
   * `fromFunctionAttributes`) already runs, so its group exists and is referenced (`USE_EXISTING`);
   * a function defined in the app gets a new group (`CREATE`). Set a mode to apply it to all.
   *
   * @default - `CREATE` for functions defined in the app, `USE_EXISTING` for imported functions
   */
  readonly lambdaLogGroupMode?: ServiceLogGroupMode;

  /**
   * Where the per-function log groups and metric filters are created: nested stacks under the
   * function's own stack (for a function defined with an explicit name in another stack of the app),
   * nested stacks of the platform sharded by a stable hash of each function's construct path, or
   * the same stack.
   *
   * @default LogGroupPlacement.FUNCTION_STACK - from the first function, so growth never moves a group
   */
  readonly lambdaLogGroupPlacement?: LogGroupPlacement;

  /**
   * The log group AWS Batch jobs write to.
   *
   * @default '/aws/batch/job'
   */
  readonly batchLogGroupName?: string;

  /**
   * What to do with the Batch log group, which Batch creates on the first job if it is missing.
   * `/aws/batch/job` is shared by every Batch job of the account and Region.
   *
   * Without a value, the first platform of the CDK app in an account and Region creates it and the
   * app's other platforms there reference it (their stacks then deploy after the creator's). Set
   * `USE_EXISTING` when the group exists already (Batch ran in the account, or another CDK app
   * creates it), `CREATE` to always create it here.
   *
   * @default - CREATE for the app's first platform in the account and Region, USE_EXISTING for the next
   */
  readonly batchLogGroupMode?: ServiceLogGroupMode;

  /**
   * Sets access logging (destination: the platform's access-log group; format:
   * `CentralLogging.apiAccessLogFormat()`) on the deployment stage of each of `restApis` that has
   * none yet and is defined in the same stack. A stage of another stack is left unchanged
   * (changing it would make each stack depend on the other) and a warning gives the code to add in
   * the API's stack (`ApiAccessLogDestination`).
   *
   * @default true
   */
  readonly restApiAccessLogs?: boolean;

  /**
   * The response latency above which the saved "Find slow API requests" query lists a request.
   *
   * @default Duration.seconds(1)
   */
  readonly slowApiRequestThreshold?: Duration;
}
