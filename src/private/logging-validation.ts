import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { validationError } from './errors';

/** CloudWatch Logs: at most 512 characters of `[.-_/#A-Za-z0-9]`. */
const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]+$/;
const MAX_LOG_GROUP_NAME = 512;

/** S3: 3-63 lowercase letters, digits, hyphens and dots, starting and ending with a letter or digit. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;
export const MAX_BUCKET_NAME = 63;

/** An AWS account id is always 12 digits: used to measure names whose account is still a token. */
export const ACCOUNT_ID_LENGTH = 12;

/** Checks a literal log group name (tokens, such as Lambda function names, are skipped). */
export function validateLogGroupName(scope: IConstruct, name: string, propName: string): void {
  if (Token.isUnresolved(name)) return;
  if (name.length === 0 || name.length > MAX_LOG_GROUP_NAME) {
    throw validationError(scope, `${propName} must be 1-${MAX_LOG_GROUP_NAME} characters (the CloudWatch Logs limit); `
      + `got ${name.length} characters ("${name.slice(0, 80)}${name.length > 80 ? '...' : ''}").`);
  }
  if (!LOG_GROUP_NAME.test(name)) {
    throw validationError(scope, `${propName} may contain only letters, digits and . - _ / # (the characters CloudWatch `
      + `Logs accepts); got "${name}".`);
  }
}

/**
 * Checks a bucket name. `shownName` is what messages print (e.g. with `<account-id>` where the
 * account is still a token, while `name` carries a 12-digit stand-in so the length is right).
 */
export function validateBucketName(scope: IConstruct, name: string, propName: string, shownName: string = name): void {
  if (Token.isUnresolved(name)) return;
  if (name.length > MAX_BUCKET_NAME) {
    throw validationError(scope, `${propName} "${shownName}" would be ${name.length} characters, but S3 bucket names are at most `
      + `${MAX_BUCKET_NAME}: shorten the project name or pass a shorter bucketName.`);
  }
  if (name.length < 3 || !BUCKET_NAME.test(name) || name.includes('..')) {
    throw validationError(scope, `${propName} "${shownName}" is not a valid S3 bucket name: use 3-${MAX_BUCKET_NAME} lowercase `
      + 'letters, digits, hyphens and dots, starting and ending with a letter or digit.');
  }
}

