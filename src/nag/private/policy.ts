import { asList } from './intrinsics';

/** One statement of a resolved IAM policy document (key, topic or bucket policy). */
export interface PolicyStatementJson {
  readonly Sid?: string;
  readonly Effect?: string;
  readonly Principal?: any;
  readonly Action?: any;
  readonly NotAction?: any;
  readonly Resource?: any;
  readonly Condition?: { [operator: string]: { [key: string]: any } };
}

/** The statements of a resolved policy document; none if it is absent or not a literal document. */
export function statementsOf(document: unknown): PolicyStatementJson[] {
  if (document === null || typeof document !== 'object') return [];
  const statements = asList((document as { Statement?: unknown }).Statement);
  return statements.filter((s): s is PolicyStatementJson => s !== null && typeof s === 'object' && !Array.isArray(s));
}

/** IAM-style wildcard match (`*` any run, `?` one character), case-insensitive like IAM actions. */
export function wildcardMatches(pattern: string, value: string): boolean {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i').test(value);
}

/** Whether the statement's `Action` (not `NotAction`) covers `action`, e.g. `sns:*` covers `sns:Publish`. */
export function allowsAction(statement: PolicyStatementJson, action: string): boolean {
  return asList(statement.Action).some((a) => typeof a === 'string' && wildcardMatches(a, action));
}

/** `Principal: "*"` or `Principal: { AWS: "*" }`: everyone (conditions may still narrow it). */
export function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (principal === null || typeof principal !== 'object') return false;
  return asList((principal as { AWS?: unknown }).AWS).includes('*');
}

/** The service principals named in a statement (unresolved entries are rendered as objects). */
export function servicePrincipals(principal: unknown): unknown[] {
  if (principal === null || typeof principal !== 'object' || Array.isArray(principal)) return [];
  return asList((principal as { Service?: unknown }).Service);
}

/** Whether the principal is `service` (e.g. `cloudwatch.amazonaws.com`) or everyone. */
export function includesServiceOrEveryone(principal: unknown, service: string): boolean {
  return isEveryone(principal) || servicePrincipals(principal).some((p) => typeof p === 'string' && p.toLowerCase() === service);
}

/** The statement denies requests that do not use TLS: `Bool`/`BoolIfExists` `aws:SecureTransport` = false. */
export function deniesInsecureTransport(statement: PolicyStatementJson): boolean {
  if (statement.Effect !== 'Deny' || !isEveryone(statement.Principal)) return false;
  const condition = statement.Condition ?? {};
  return Object.entries(condition).some(([operator, block]) =>
    /^bool(ifexists)?$/i.test(operator) && block !== null && typeof block === 'object'
    && Object.entries(block).some(([key, value]) =>
      key.toLowerCase() === 'aws:securetransport' && asList(value).some((v) => v === false || v === 'false')));
}

/**
 * Whether a set of statements allows `principalService` all of `actions` (each action may be
 * granted by a different statement). Conditions are not evaluated: a scoped grant counts.
 */
export function allowsServiceActions(statements: PolicyStatementJson[], principalService: string, actions: string[]): boolean {
  const grants = statements.filter((s) => s.Effect === 'Allow' && includesServiceOrEveryone(s.Principal, principalService));
  return actions.every((action) => grants.some((s) => allowsAction(s, action)));
}
