import * as s3 from 'aws-cdk-lib/aws-s3';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { asList, logicalIdOf, render, resolve } from '../private/intrinsics';
import { bucketPoliciesFor } from '../private/lookups';
import { deniesInsecureTransport, statementsOf, wildcardMatches } from '../private/policy';
import { defineRule } from '../private/rule';

/**
 * S3 buckets refuse plain-HTTP requests: a bucket policy in the same stack, attached to the bucket,
 * denies everyone every S3 action (`s3:*` or `*`) when `aws:SecureTransport` is false, on both the
 * bucket ARN and its objects (`<arn>/*`). Wildcard resources that cover them count.
 *
 * Opt-in (`includeOverlappingRules`): the same check as `AwsSolutions-S10` and
 * `S3BucketSSLRequestsOnly` (HIPAA.Security, NIST.800.53.R4/R5, PCI.DSS.321).
 */
export const S3BucketSslOnly = defineRule('S3BucketSslOnly', (node) => {
  if (!(node instanceof s3.CfnBucket)) return NagRuleCompliance.NOT_APPLICABLE;
  const arns = bucketArnForms(node);
  const objects = arns.map((arn) => `${arn}/*`);
  const enforced = bucketPoliciesFor(node).some((policy) =>
    statementsOf(resolve(policy, policy.policyDocument)).some((s) => {
      if (!deniesInsecureTransport(s) || !coversAllS3Actions(s.Action)) return false;
      const resources = asList(s.Resource).map(render);
      const covers = (candidates: string[]) => resources.some((r) => candidates.some((c) => wildcardMatches(r, c)));
      return covers(arns) && covers(objects);
    }));
  return enforced ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
});

/** The ways a bucket's ARN is written in a resolved policy (as rendered by `render`). */
function bucketArnForms(bucket: s3.CfnBucket): string[] {
  const id = logicalIdOf(bucket);
  const names = [`\${${id}}`];
  const name = resolve(bucket, bucket.bucketName);
  if (typeof name === 'string' && name !== '') names.push(name);
  return [
    `\${${id}.Arn}`,
    ...names.flatMap((n) => [`arn:\${AWS::Partition}:s3:::${n}`, `arn:aws:s3:::${n}`]),
  ];
}

/** `*` or `s3:*`: the deny must cover every S3 action, not just some. */
function coversAllS3Actions(action: unknown): boolean {
  return asList(action).some((a) => typeof a === 'string' && (a === '*' || a.toLowerCase() === 's3:*'));
}
