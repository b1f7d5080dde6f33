import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { validationError } from './errors';
import { checkList, checkNonEmptyString, checkUnique, describe } from './input-checks';

/**
 * The form of one kind of AWS identifier, as AWS documents it, and how to say what is wrong.
 * Not part of the public API.
 */
export interface IdentifierRule {
  /** What the value is, e.g. "Glue job name". */
  readonly what: string;
  /** The accepted form. */
  readonly pattern: RegExp;
  /** The form in words, for messages. */
  readonly form: string;
  /** Where the value is used and what a wrong value causes, so the message says why it would fail silently. */
  readonly usedAs: string;
  /** For values given as an ARN by mistake: the ARN's form, whose capture group 1 is the right value. */
  readonly arnOf?: RegExp;
  /** Extra checks (e.g. case) of a value of the right form: what is wrong and the value to pass, or undefined. */
  readonly extra?: (value: string) => { problem: string; suggestion: string } | undefined;
}

/** Control characters other than tab: Glue's "single-line string pattern" excludes them. */
const SINGLE_LINE_255 = /^[^\u0000-\u0008\u000a-\u001f]{1,255}$/;

// AWS Glue API reference, "Crawler" and "Job" structures: Name is a UTF-8 string of 1-255 bytes
// matching the single-line string pattern. EventBridge events carry the plain name
// (Amazon EventBridge events reference, "AWS Glue events": detail.crawlerName, detail.jobName).
export const GLUE_CRAWLER_NAME: IdentifierRule = {
  what: 'Glue crawler name',
  pattern: SINGLE_LINE_255,
  form: '1-255 characters on a single line',
  usedAs: 'Glue Crawler State Change events carry detail.crawlerName, the plain name, so no event would ever match',
  arnOf: /^arn:aws[a-z-]*:glue:[^:]*:[^:]*:crawler\/(.+)$/,
};

export const GLUE_JOB_NAME: IdentifierRule = {
  what: 'Glue job name',
  pattern: SINGLE_LINE_255,
  form: '1-255 characters on a single line',
  usedAs: 'Glue Job State Change events carry detail.jobName and Glue job metrics the JobName dimension, both the plain '
    + 'name, so no event or metric would ever match',
  arnOf: /^arn:aws[a-z-]*:glue:[^:]*:[^:]*:job\/(.+)$/,
};

// AWS DMS API reference, CreateReplicationInstance: "ReplicationInstanceIdentifier ... is stored as a
// lowercase string. Must contain 1-63 alphanumeric characters or hyphens. First character must be a
// letter. Can't end with a hyphen or contain two consecutive hyphens."
export const DMS_REPLICATION_INSTANCE_IDENTIFIER: IdentifierRule = {
  what: 'DMS replication instance identifier',
  pattern: /^[A-Za-z](?:[A-Za-z0-9]|-(?!-)){0,62}$/,
  form: '1-63 letters, digits or hyphens, starting with a letter, not ending with a hyphen, no two hyphens in a row',
  usedAs: 'CloudWatch publishes DMS metrics with the ReplicationInstanceIdentifier dimension, so its alarms and graphs '
    + 'would never see data',
  arnOf: /^arn:aws[a-z-]*:dms:[^:]*:[^:]*:rep:(.+)$/,
  extra: (v) => v.endsWith('-') ? { problem: 'it ends with a hyphen', suggestion: v.replace(/-+$/, '') }
    : v !== v.toLowerCase()
      ? { problem: `DMS stores the identifier in lowercase, so the dimension value is "${v.toLowerCase()}"`, suggestion: v.toLowerCase() }
      : undefined,
};

// The ReplicationTaskIdentifier dimension is the task's resource id: the last part of its ARN
// (arn:<partition>:dms:<region>:<account>:task:<resource id>). AWS DMS API reference,
// CreateReplicationTask "ResourceIdentifier": letters, digits and hyphens.
export const DMS_REPLICATION_TASK_IDENTIFIER: IdentifierRule = {
  what: 'DMS replication task resource id',
  pattern: /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,253}[A-Za-z0-9])?$/,
  form: 'letters, digits and hyphens (the last part of the task ARN)',
  usedAs: 'CloudWatch publishes DMS task metrics with the ReplicationTaskIdentifier dimension, whose value is the task '
    + 'resource id, so its alarms and graphs would never see data',
  arnOf: /^arn:aws[a-z-]*:dms:[^:]*:[^:]*:task:(.+)$/,
};

// Amazon API Gateway API reference, Stage / CreateStage: "Stage names can only contain alphanumeric
// characters, hyphens, and underscores. Maximum length is 128 characters." (API Gateway V2 the same,
// plus the auto-deployed "$default" stage of HTTP APIs.)
export const REST_API_STAGE_NAME: IdentifierRule = {
  what: 'REST API stage name',
  pattern: /^[A-Za-z0-9_-]{1,128}$/,
  form: '1-128 letters, digits, hyphens and underscores',
  usedAs: 'API Gateway publishes REST API metrics with the Stage dimension, so its alarms and graphs would never see data',
};

export const HTTP_API_STAGE_NAME: IdentifierRule = {
  what: 'HTTP API stage name',
  pattern: /^(\$default|[A-Za-z0-9_-]{1,128})$/,
  form: '"$default" or 1-128 letters, digits, hyphens and underscores',
  usedAs: 'API Gateway publishes HTTP API metrics with the Stage dimension, so its alarms and graphs would never see data',
};

// AWS Organizations API reference, Organization: Id pattern ^o-[a-z0-9]{10,32}$.
export const ORGANIZATION_ID: IdentifierRule = {
  what: 'AWS Organizations id',
  pattern: /^o-[a-z0-9]{10,32}$/,
  form: '"o-" followed by 10-32 lowercase letters or digits',
  usedAs: 'the trail bucket policy allows member accounts\' log files only under AWSLogs/<organizationId>/, so CloudTrail '
    + 'could not deliver them',
};

/** Throws unless a literal `value` has the rule's form (tokens pass). */
export function checkIdentifier(scope: IConstruct, propName: string, value: unknown, rule: IdentifierRule): void {
  checkNonEmptyString(scope, propName, value, rule.what);
  const v = value as string;
  if (Token.isUnresolved(v)) return;
  const fromArn = rule.arnOf?.exec(v);
  if (fromArn) {
    throw validationError(scope, `${propName} is the ARN ${JSON.stringify(v)}, but ${rule.usedAs}: pass the ${rule.what} `
      + `${JSON.stringify(fromArn[1])} instead.`);
  }
  if (!rule.pattern.test(v)) {
    throw validationError(scope, `${propName} ${JSON.stringify(v)} is not a valid ${rule.what} (${rule.form}): ${rule.usedAs}. `
      + `Pass the ${rule.what} exactly as AWS shows it.`);
  }
  const extra = rule.extra?.(v);
  if (extra) {
    throw validationError(scope, `${propName} ${JSON.stringify(v)} is not a valid ${rule.what}: ${extra.problem}, and `
      + `${rule.usedAs}. Pass ${JSON.stringify(extra.suggestion)}.`);
  }
}

/** `checkList`, `checkIdentifier` for each entry and no entry twice. */
export function checkIdentifiers(scope: IConstruct, propName: string, values: unknown, rule: IdentifierRule): void {
  checkList(scope, propName, values);
  const list = (values ?? []) as unknown[];
  list.forEach((v, i) => checkIdentifier(scope, `${propName}[${i}]`, v, rule));
  checkUnique(scope, propName, list.map((v) => ({ key: String(v), shown: `the ${rule.what} ${describe(v)}` })));
}
