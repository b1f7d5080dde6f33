import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { DeploymentEnvironment } from './environment';
import { validationError } from '../private/errors';

/** Default project name length cap: see `validateProjectName`. */
export const MAX_PROJECT_NAME_LENGTH = 34;

/**
 * Every physical name this library derives from the project name and environment, in one place,
 * so alarm prefixes, key-policy conditions and resource names can never drift apart.
 */
export class PlatformNaming {
  /**
   * @param region with `regionInNames`, the stack's Region: it ends the names that are global to the
   * account (dashboards, the multi-Region trail) or to the partition (the trail bucket), so that a
   * platform of the same project and environment can be deployed in another Region of the account.
   */
  constructor(public readonly projectName: string, public readonly environment: DeploymentEnvironment,
    public readonly region?: string) {}

  /** `-<region>` with `regionInNames`, else nothing. */
  public get regionSuffix(): string {
    return this.region ? `-${this.region}` : '';
  }

  /** `<project>-<env>`: the stem of names that must be unique per account and region. */
  public get stem(): string {
    return `${this.projectName}-${this.environment}`;
  }

  /** Every alarm name starts with this; the key and topic policies trust exactly this prefix. */
  public get alarmNamePrefix(): string {
    return `${this.stem}-`;
  }

  /** The name of one alarm, from a stable key (never from a resource's name). */
  public alarmName(key: string): string {
    return `${this.alarmNamePrefix}${key}`;
  }

  /** The alert topic's name. */
  public get alertTopicName(): string {
    return `${this.stem}-alerts`;
  }

  /** The audit trail's name (the CloudTrail key-policy statement is scoped to it). */
  public get trailName(): string {
    // A multi-Region trail has one name in every Region of the account ("Creating a trail for all
    // Regions", AWS CloudTrail User Guide), so its name is account-global.
    return `${this.stem}-audit-trail${this.regionSuffix}`;
  }

  /** The custom-metric namespace: the project name in PROD, `<project>-<env>` elsewhere. */
  public get metricNamespace(): string {
    // Outside PROD the environment is part of the namespace: two environments in one account both
    // receive every Batch/Glue/CloudTrail event, and must not add to (or alarm on) each other's counts.
    return this.environment === DeploymentEnvironment.PROD ? this.projectName : `${this.projectName}-${this.environment}`;
  }

  /**
   * A dashboard name: `<project>-<suffix>` in PROD, `<project>-<suffix>-<env>` elsewhere, so several
   * environments can share an account.
   */
  public dashboardName(suffix: string): string {
    // Dashboard names are unique per account, not per Region (CloudWatch dashboards are global).
    const base = `${this.projectName}-${suffix}`;
    return (this.environment === DeploymentEnvironment.PROD ? base : `${base}-${this.environment}`) + this.regionSuffix;
  }
}

/**
 * Names of the logging and audit resources (appended for the logging/audit constructs).
 *
 * PROD keeps the plain project name (`/aws/cloudtrail/<project>`, `<project>-cloudtrail-logs-<account>`);
 * other environments insert `-<env>` so DEV and STAGING can share an account with PROD.
 */
export class LoggingNaming {
  constructor(private readonly naming: PlatformNaming) {}

  /** `<project>` in PROD, `<project>-<env>` elsewhere. */
  public get scopedProjectName(): string {
    return this.naming.environment === DeploymentEnvironment.PROD ? this.naming.projectName : this.naming.stem;
  }

  /** The log group the audit trail streams to. */
  public get cloudTrailLogGroupName(): string {
    return `/aws/cloudtrail/${this.scopedProjectName}`;
  }

  /** The log group EventBridge state-change events (Batch, Glue) are written to. */
  public get platformEventsLogGroupName(): string {
    return `/aws/events/${this.scopedProjectName}/platform`;
  }

  /** The API Gateway access-log group. */
  public get apiAccessLogGroupName(): string {
    return `/aws/apigateway/${this.scopedProjectName}/access-logs`;
  }

  /** The trail bucket: `<project>[-<env>]-cloudtrail-logs-<account>[-<region>]`. */
  public trailBucketName(account: string): string {
    // Bucket names are unique across every account of the partition.
    return `${this.scopedProjectName}-cloudtrail-logs-${account}${this.naming.regionSuffix}`;
  }

  /** A saved Logs Insights query's name, grouped in a folder per project and environment. */
  public queryName(title: string): string {
    return `${this.scopedProjectName}/${title}`;
  }
}

/**
 * The Region that ends account-global names with `regionInNames` (undefined without it). Names are
 * known at synth, so the stack's Region must be literal.
 */
export function namingRegion(scope: IConstruct, regionInNames: boolean | undefined): string | undefined {
  if (!regionInNames) return undefined;
  const region = Stack.of(scope).region;
  if (Token.isUnresolved(region)) {
    throw validationError(scope, 'regionInNames needs the stack\'s Region at synth: it ends the dashboard, trail and trail '
      + 'bucket names. Give the stack an env with a literal region (env: { account, region: \'eu-west-1\' }).');
  }
  return region;
}
