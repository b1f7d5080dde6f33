import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ACCOUNT_ID, ALARM_ORGANIZATION_ID } from './account-identifiers';
import { validationError } from './errors';
import { checkIdentifier, checkIdentifiers } from './identifiers';
import { checkNonEmptyString } from './input-checks';

/**
 * The conditions that trust CloudWatch alarms of `accounts` named with `prefix` in `region`
 * (`aws:SourceAccount` in the list, `aws:SourceArn` like one of their alarm ARNs). Not part of the
 * public API.
 */
export function sourceAccountAlarmConditions(partition: string, region: string, accounts: string[], prefix: string): { [key: string]: unknown } {
  return {
    // IAM User Guide, "AWS global condition context keys" (aws:SourceAccount, aws:SourceArn): present
    // when a service principal calls the resource on behalf of a resource (here the alarm); Amazon SNS
    // Developer Guide, "Amazon SNS security best practices" (preventing cross-service confused deputy)
    // recommends both on a topic policy's service-principal statements.
    StringEquals: { 'aws:SourceAccount': accounts },
    ArnLike: { 'aws:SourceArn': accounts.map((a) => `arn:${partition}:cloudwatch:${region}:${a}:alarm:${prefix}*`) },
  };
}

/**
 * The conditions that trust CloudWatch alarms named with `prefix` in `region` of any account of
 * the organization `organizationId`. Not part of the public API.
 */
export function sourceOrganizationAlarmConditions(partition: string, region: string, organizationId: string,
  prefix: string): { [key: string]: unknown } {
  return {
    // IAM User Guide, "AWS global condition context keys", aws:SourceOrgID: "the organization ID of
    // the resource making a service-to-service request"; available when a service principal calls
    // the resource on behalf of a resource that belongs to an organization member account.
    // (aws:PrincipalOrgID is the organization of the requesting principal; a service principal has
    // none, so it would deny.)
    StringEquals: { 'aws:SourceOrgID': organizationId },
    // Same page, aws:SourceArn: the alarm's ARN; any account, this Region, the trusted prefix.
    ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:*:alarm:${prefix}*` },
  };
}

/**
 * Validates `alarmSourceAccounts` / `alarmSourceNamePrefix` (each account a 12-digit ID, listed
 * once, not this account). Not part of the public API.
 */
export function validateAlarmSources(scope: IConstruct, accounts: unknown, prefix: unknown, propPrefix = '', organizationId?: unknown): void {
  checkIdentifiers(scope, `${propPrefix}alarmSourceAccounts`, accounts, ACCOUNT_ID);
  if (organizationId !== undefined) checkIdentifier(scope, `${propPrefix}alarmSourceOrganizationId`, organizationId, ALARM_ORGANIZATION_ID);
  const own = Stack.of(scope).account;
  if (Array.isArray(accounts) && !Token.isUnresolved(own) && accounts.includes(own)) {
    throw validationError(scope, `${propPrefix}alarmSourceAccounts lists ${own}, this stack's own account, whose alarms `
      + 'are already allowed to publish: remove it.');
  }
  if (prefix !== undefined) {
    checkNonEmptyString(scope, `${propPrefix}alarmSourceNamePrefix`, prefix, 'alarm-name prefix');
    if (typeof prefix === 'string' && !Token.isUnresolved(prefix) && /[*?]/.test(prefix)) {
      throw validationError(scope, `${propPrefix}alarmSourceNamePrefix ${JSON.stringify(prefix)} contains a wildcard: pass the `
        + 'literal prefix; the policy adds the trailing * itself.');
    }
  }
}
