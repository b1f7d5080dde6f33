import { Token } from 'aws-cdk-lib';

// The parts of an alarm key (`<project>-<env>-<key>` is the alarm's name and the construct id):
// literal values where they are known, so names read like the resource they watch.

/** A literal value as a key part (characters an alarm name or construct id dislikes become `-`), or the 1-based index when it is a token. */
export function keyPart(value: string, index: number): string {
  return Token.isUnresolved(value) ? String(index + 1) : value.replace(/[^A-Za-z0-9_.-]+/g, '-');
}

/** `<account>-` for a resource of another account (a literal ID), '' otherwise. */
export function accountPart(account: string | undefined): string {
  return account !== undefined && !Token.isUnresolved(account) ? `${account}-` : '';
}
