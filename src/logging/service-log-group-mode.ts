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
   * If the group already exists, the deployment fails: either delete it first (its events are
   * lost) or adopt it with `cdk import` (the group is RETAIN by default), then bring it in line
   * with the template with `aws logs associate-kms-key` and `aws logs put-retention-policy`,
   * because an import does not change the resource.
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
