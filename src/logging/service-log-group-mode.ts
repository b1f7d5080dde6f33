import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * What to do with a log group whose name an AWS service chooses (`/aws/lambda/<functionName>`,
 * `/aws/batch/job`) and which the service may already have created.
 *
 * Lambda creates `/aws/lambda/<functionName>` on the first invocation, unencrypted and never
 * expiring. If it exists when the stack deploys, creating it again fails with
 * "... already exists".
 */
export enum ServiceLogGroupMode {
  /**
   * Create the log group with the platform key, retention and removal policy.
   *
   * Use for functions and jobs that have not run yet (for example, defined in the same stack).
   * If the group already exists, the deployment fails: either adopt it (the group is RETAIN by
   * default) with `cdk deploy --import-existing-resources` or `cdk import`, then bring it in line
   * with the template with `aws logs associate-kms-key` and `aws logs put-retention-policy`,
   * because an import does not change the resource; or delete it first (its events are lost).
   */
  CREATE = 'create',

  /**
   * Do not create the log group: reference the existing one by name.
   *
   * Metric filters and saved queries still use it (it must exist at deploy), but its encryption
   * and retention are left as they are: set them with `aws logs associate-kms-key` and
   * `aws logs put-retention-policy`.
   */
  USE_EXISTING = 'use-existing',
}

// AWS docs: "Configuring CloudWatch log groups" (Lambda Developer Guide): CloudWatch creates
// /aws/lambda/<function name> when the function is first invoked. "Import AWS resources into a
// CloudFormation stack automatically" (CloudFormation User Guide): a resource with a static custom
// name and DeletionPolicy Retain can be imported by a change set (`--import-existing-resources`);
// "Resource type support" lists AWS::Logs::LogGroup as importable.

/**
 * The mode for one function's group: `mode` when set; otherwise `CREATE` for a function defined
 * in the app (a new function has no group yet) and `USE_EXISTING` for an imported one
 * (`fromFunctionName` / `fromFunctionArn` / `fromFunctionAttributes`: it already runs, so Lambda
 * has created its group, and creating it again would fail the first deploy).
 */
export function lambdaLogGroupModeOf(fn: lambda.IFunction, mode: ServiceLogGroupMode | undefined): ServiceLogGroupMode {
  if (mode !== undefined) return mode;
  return isDefinedInApp(fn) ? ServiceLogGroupMode.CREATE : ServiceLogGroupMode.USE_EXISTING;
}

/** Whether the app defines the function (its `AWS::Lambda::Function` is in the construct tree). */
function isDefinedInApp(fn: lambda.IFunction): boolean {
  return fn instanceof lambda.SingletonFunction || fn.node.findAll().some((c) => c instanceof lambda.CfnFunction);
}
