import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * Lets `grantee` call `cloudwatch:PutMetricData` for `namespace` only. `PutMetricData` supports no
 * resource-level permissions (the resource must be `*`); the `cloudwatch:namespace` condition key
 * is what scopes it. Not part of the public API: use `MlMetricCatalog.grantPutMetricData`.
 */
export function grantPutMetricDataInNamespace(grantee: iam.IGrantable, namespace: string): iam.Grant {
  return iam.Grant.addToPrincipal({
    grantee,
    actions: ['cloudwatch:PutMetricData'],
    resourceArns: ['*'],
    conditions: { StringEquals: { 'cloudwatch:namespace': namespace } },
  });
}
