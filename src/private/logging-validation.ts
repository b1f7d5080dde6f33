import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { validationError } from './errors';

/** CloudWatch Logs: at most 512 characters of `[.-_/#A-Za-z0-9]`. */
const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]+$/;
const MAX_LOG_GROUP_NAME = 512;

/** S3: 3-63 lowercase letters, digits, hyphens and dots, starting and ending with a letter or digit. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;
export const MAX_BUCKET_NAME = 63;

/**
 * Prefixes and suffixes S3 refuses in general purpose bucket names, and the IP-address form (Amazon
 * S3 User Guide, "General purpose bucket naming rules",
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html). `sthree-` covers
 * `sthree-configurator`.
 */
export const RESERVED_BUCKET_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_BUCKET_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];
const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;

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
  if (IP_ADDRESS.test(name)) {
    throw validationError(scope, `${propName} "${shownName}" is formatted as an IP address, which S3 refuses for bucket names: `
      + 'add a letter.');
  }
  const prefix = RESERVED_BUCKET_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) {
    throw validationError(scope, `${propName} "${shownName}" starts with "${prefix}", a prefix S3 reserves: choose a name `
      + 'that does not start with it.');
  }
  const suffix = RESERVED_BUCKET_SUFFIXES.find((p) => name.endsWith(p));
  if (suffix) {
    throw validationError(scope, `${propName} "${shownName}" ends with "${suffix}", a suffix S3 reserves: choose a name `
      + 'that does not end with it.');
  }
}

