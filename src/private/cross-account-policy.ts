import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ACCOUNT_ID } from './account-identifiers';
import { validationError } from './errors';
import { checkIdentifiers } from './identifiers';
import { checkNonEmptyString } from './input-checks';

/**
 * The conditions that trust CloudWatch alarms of `accounts` named with `prefix` in `region`
 * (`aws:SourceAccount` in the list, `aws:SourceArn` like one of their alarm ARNs). Not part of the
 * public API.
 */
export function sourceAccountAlarmConditions(partition: string, region: string, accounts: string[], prefix: string): { [key: string]: unknown } {
  return {
    StringEquals: { 'aws:SourceAccount': accounts },
    ArnLike: { 'aws:SourceArn': accounts.map((a) => `arn:${partition}:cloudwatch:${region}:${a}:alarm:${prefix}*`) },
  };
}

/**
 * Validates `alarmSourceAccounts` / `alarmSourceNamePrefix` (each account a 12-digit ID, listed
 * once, not this account). Not part of the public API.
 */
export function validateAlarmSources(scope: IConstruct, accounts: unknown, prefix: unknown, propPrefix = ''): void {
  checkIdentifiers(scope, `${propPrefix}alarmSourceAccounts`, accounts, ACCOUNT_ID);
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
