import { Annotations, RemovalPolicy, Token } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { IConstruct } from 'constructs';
import { DeploymentEnvironment } from './environment';
import { MAX_PROJECT_NAME_LENGTH } from './naming';
import { ALLOWED_RETENTION_DAYS, COMPLIANCE_REJECTED_RETENTION_DAYS } from '../limits/log-retention';
import { validationError } from '../private/errors';
import { checkEnumValue } from '../private/input-checks';
import { RESERVED_BUCKET_PREFIXES } from '../private/logging-validation';

const PROJECT_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The project name becomes part of S3 bucket, SNS topic, dashboard, alarm and log group names and
 * the metric namespace: it must satisfy the strictest of them (S3: lowercase, digits, hyphens) and
 * leave room for `<projectName>-cloudtrail-logs-<12-digit account id>` within 63 characters.
 */
export function validateProjectName(scope: IConstruct, projectName: string): void {
  if (Token.isUnresolved(projectName)) {
    throw validationError(scope, 'projectName must be a literal string: it names buckets, topics, dashboards and alarms, '
      + 'which must be known at synth. Pass a plain string such as "ecommerce-ai-platform".');
  }
  if (projectName.length === 0) {
    throw validationError(scope, 'projectName must not be empty: pass a short lowercase name such as "ecommerce-ai-platform".');
  }
  if (projectName.length > MAX_PROJECT_NAME_LENGTH) {
    throw validationError(scope, `projectName must be at most ${MAX_PROJECT_NAME_LENGTH} characters so that the trail bucket `
      + `"<projectName>-cloudtrail-logs-<account-id>" fits S3's 63-character limit; got ${projectName.length} characters `
      + `("${projectName}"). Use a shorter name.`);
  }
  if (!PROJECT_NAME.test(projectName)) {
    throw validationError(scope, 'projectName may contain only lowercase letters, digits and hyphens, and must start and end '
      + `with a letter or digit (S3 bucket names reject anything else); got "${projectName}". `
      + `Try "${suggestProjectName(projectName)}".`);
  }
  // CloudTrail resource names have "no adjacent periods, underscores or dashes" (AWS CloudTrail User
  // Guide, "Naming requirements for CloudTrail resources, S3 buckets, and KMS keys",
  // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-trail-naming-requirements.html):
  // the trail is named `<projectName>-<environment>-audit-trail`.
  if (projectName.includes('--')) {
    throw validationError(scope, 'projectName must not contain two adjacent hyphens: it names the audit trail, and CloudTrail '
      + `refuses trail names with adjacent hyphens; got "${projectName}". Try "${projectName.replace(/-{2,}/g, '-')}".`);
  }
  // The trail bucket is named `<projectName>[-<env>]-cloudtrail-logs-<account>`: S3 refuses some
  // prefixes (see RESERVED_BUCKET_PREFIXES). `xn--` is already refused above.
  const reserved = RESERVED_BUCKET_PREFIXES.find((p) => `${projectName}-`.startsWith(p));
  if (reserved) {
    throw validationError(scope, `projectName must not start with "${reserved}": it begins the trail bucket's name, and S3 `
      + `reserves that prefix for bucket names; got "${projectName}". Choose another name.`);
  }
}

function suggestProjectName(name: string): string {
  const cleaned = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX_PROJECT_NAME_LENGTH);
  return cleaned.replace(/-+$/, '') || 'my-platform';
}

/** A retention CloudWatch Logs accepts and compliance rules do not reject outright. */
export function validateRetention(scope: IConstruct, retention: logs.RetentionDays, propName = 'logRetention'): void {
  if (Token.isUnresolved(retention)) return;
  if (retention === logs.RetentionDays.INFINITE) {
    throw validationError(scope, `${propName} must be finite: INFINITE (never expire) fails the log-retention rules of `
      + 'cdk-nag (HIPAA, NIST 800-53, PCI DSS) and keeps paying for storage forever. Use e.g. '
      + 'RetentionDays.ONE_YEAR or RetentionDays.TEN_YEARS for long-lived audit logs.');
  }
  if (!ALLOWED_RETENTION_DAYS.includes(retention)) {
    throw validationError(scope, `${propName} must be one of ${ALLOWED_RETENTION_DAYS.join(', ')} days (the values CloudWatch `
      + `Logs accepts); got ${retention}. Use a logs.RetentionDays member such as RetentionDays.ONE_MONTH.`);
  }
}

/**
 * Retention values CloudWatch allows but some compliance rule sets reject get a synth warning
 * (allowed, but the user should know before an audit does).
 */
export function warnComplianceRetention(scope: IConstruct, retention: logs.RetentionDays, propName = 'logRetention'): void {
  if (Token.isUnresolved(retention) || !COMPLIANCE_REJECTED_RETENTION_DAYS.includes(retention)) return;
  Annotations.of(scope).addWarningV2('cdk-platform-monitoring:complianceRetention',
    `${propName} of ${retention} days is accepted by CloudWatch Logs but rejected by some compliance rule sets `
    + '(AWS Config cw-loggroup-retention-period-check presets); 365, 731, 1827 or 3653 days are safe long retentions.');
}

/** Well-formed, unique email addresses (compared case-insensitively). */
export function validateEmails(scope: IConstruct, emails: readonly string[], propName = 'recipients.emails'): void {
  const seen = new Map<string, string>();
  for (const email of emails) {
    if (Token.isUnresolved(email)) continue;
    if (!EMAIL.test(email)) {
      throw validationError(scope, `${propName} contains "${email}", which is not an email address: `
        + 'each entry must look like "name@example.com" (SNS would reject the subscription at deploy).');
    }
    const key = email.toLowerCase();
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw validationError(scope, `${propName} lists "${email}" more than once${previous === email ? '' : ` (as "${previous}")`}: `
        + 'SNS would create a single subscription; remove the duplicate.');
    }
    seen.set(key, email);
  }
}

/**
 * The removal policy of stateful resources (the key, log groups, buckets): RETAIN by default,
 * DESTROY only outside PROD (audit data must outlive the stack), SNAPSHOT never (none of them
 * supports snapshots). Shared by `PlatformMonitoring`, `CentralLogging` and `AuditTrail`.
 */
export function resolveStatefulRemovalPolicy(scope: IConstruct, environment: DeploymentEnvironment,
  policy: RemovalPolicy | undefined): RemovalPolicy {
  if (policy === undefined) return RemovalPolicy.RETAIN;
  if (policy === RemovalPolicy.SNAPSHOT) {
    throw validationError(scope, 'removalPolicy SNAPSHOT is not supported by KMS keys, log groups or S3 buckets: '
      + 'use RemovalPolicy.RETAIN (or DESTROY outside PROD).');
  }
  if (policy === RemovalPolicy.DESTROY && environment === DeploymentEnvironment.PROD) {
    throw validationError(scope, 'removalPolicy DESTROY is refused in PROD: log groups, the audit trail, its bucket and '
      + 'log group, and the key that encrypts them must outlive the stack. Remove removalPolicy (RETAIN is the default) '
      + 'or set environment to DEV or STAGING.');
  }
  return policy;
}

/**
 * The deployment environment, checked (JavaScript and Python callers can pass any string, which would
 * silently name resources after it and skip the PROD safeguards), PROD by default.
 */
export function resolveEnvironment(scope: IConstruct, environment: DeploymentEnvironment | undefined): DeploymentEnvironment {
  checkEnumValue(scope, 'environment', environment, DeploymentEnvironment, 'DeploymentEnvironment');
  return environment ?? DeploymentEnvironment.PROD;
}
