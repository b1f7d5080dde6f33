import * as kms from 'aws-cdk-lib/aws-kms';
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { asList, resolve } from '../private/intrinsics';
import { PolicyStatementJson, servicePrincipals, statementsOf } from '../private/policy';
import { defineRule } from '../private/rule';

/** Global condition keys that tie a service's request to our account, organization or resource. */
const CONFUSED_DEPUTY_KEYS = ['aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths', 'kms:viaservice'];
/** `kms:EncryptionContext:<key>` binds the grant to the resource the data belongs to. */
const ENCRYPTION_CONTEXT_PREFIX = 'kms:encryptioncontext:';

/**
 * No key-policy statement allows a service principal (`Principal.Service`) without a condition
 * that scopes it to our account or resources: `aws:SourceAccount`, `aws:SourceArn`,
 * `aws:SourceOrgID`, `aws:SourceOrgPaths`, `kms:ViaService` or `kms:EncryptionContext:<key>`.
 * Conditions that do not constrain do not count: `...IfExists` operators (they pass when the key
 * is missing), the `Null` operator, and a bare `*` value. Deny statements are fine.
 *
 * Default set: no cdk-nag pack reads key policies (`AwsSolutions-IAM5` looks at identity policies).
 */
export const KmsServicePrincipalScoped = defineRule('KmsServicePrincipalScoped', (node) => {
  if (!(node instanceof kms.CfnKey)) return NagRuleCompliance.NOT_APPLICABLE;
  const unscoped = statementsOf(resolve(node, node.keyPolicy)).some((s) =>
    s.Effect === 'Allow' && servicePrincipals(s.Principal).length > 0 && !isScoped(s));
  return unscoped ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
});

function isScoped(statement: PolicyStatementJson): boolean {
  return Object.entries(statement.Condition ?? {}).some(([operator, block]) => {
    if (/ifexists$/i.test(operator) || /^null$/i.test(operator)) return false;
    if (block === null || typeof block !== 'object') return false;
    return Object.entries(block).some(([key, value]) => {
      const k = key.toLowerCase();
      const scopingKey = CONFUSED_DEPUTY_KEYS.includes(k)
        || (k.startsWith(ENCRYPTION_CONTEXT_PREFIX) && k.length > ENCRYPTION_CONTEXT_PREFIX.length);
      const values = asList(value);
      return scopingKey && values.length > 0 && !values.every((v) => v === '*');
    });
  });
}
