import { DeploymentEnvironment } from './environment';

/** Default project name length cap: see `validateProjectName`. */
export const MAX_PROJECT_NAME_LENGTH = 34;

/**
 * Every physical name this library derives from the project name and environment, in one place,
 * so alarm prefixes, key-policy conditions and resource names can never drift apart.
 */
export class PlatformNaming {
  constructor(public readonly projectName: string, public readonly environment: DeploymentEnvironment) {}

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
    return `${this.stem}-audit-trail`;
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
    const base = `${this.projectName}-${suffix}`;
    return this.environment === DeploymentEnvironment.PROD ? base : `${base}-${this.environment}`;
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

  /** The trail bucket: `<project>[-<env>]-cloudtrail-logs-<account>`. */
  public trailBucketName(account: string): string {
    return `${this.scopedProjectName}-cloudtrail-logs-${account}`;
  }

  /** A saved Logs Insights query's name, grouped in a folder per project and environment. */
  public queryName(title: string): string {
    return `${this.scopedProjectName}/${title}`;
  }
}
