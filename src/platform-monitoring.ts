import { RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PlatformKey } from './encryption/platform-key';
import { DeploymentEnvironment } from './environment';
import { validationError } from './private/errors';
import { PlatformNaming } from './private/naming';
import { validateEmails, validateProjectName, validateRetention, warnComplianceRetention } from './private/validation';

/**
 * Properties of `PlatformMonitoring`.
 */
export interface PlatformMonitoringProps {
  /**
   * The project name. It names every resource (buckets, topic, dashboards, alarms), prefixes alarm
   * names and is the namespace of the platform's custom metrics.
   *
   * 1-34 lowercase letters, digits and hyphens, starting and ending with a letter or digit.
   */
  readonly projectName: string;

  /**
   * The deployment environment.
   *
   * @default DeploymentEnvironment.PROD
   */
  readonly environment?: DeploymentEnvironment;

  /**
   * The KMS key that encrypts logs, the audit trail and the alert topic.
   *
   * A key imported from outside the app cannot have its policy changed: a synth warning lists the
   * statements to add.
   *
   * @default - a new customer-managed key with rotation enabled
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * The data-lake bucket whose object-level (S3 data) events the audit trail records.
   *
   * @default - no S3 data events
   */
  readonly dataLakeBucket?: s3.IBucket;

  /**
   * How long the platform's log groups keep their events. Must be a finite value that CloudWatch
   * Logs accepts.
   *
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * Email addresses subscribed to the alert topic. Each recipient must confirm the subscription
   * from the email AWS sends after deployment.
   *
   * @default - no subscriptions
   */
  readonly alertEmails?: string[];

  /**
   * The Lambda functions of the platform: each gets an encrypted log group, error metrics and
   * alarms, dashboard widgets and Lambda invoke data events in the trail.
   *
   * @default - none
   */
  readonly lambdaFunctions?: lambda.IFunction[];

  /**
   * What happens to stateful resources (the key, log groups, buckets) when they leave the stack.
   *
   * `RemovalPolicy.DESTROY` is accepted in DEV and STAGING only: in PROD, audit data is always
   * retained. `SNAPSHOT` is not supported by these resources.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The monitoring, logging and audit baseline of a platform, in one construct.
 *
 * It composes focused constructs, each usable on its own: `PlatformKey` (the customer-managed key
 * and its exact service grants), and the logging, audit, alerting and dashboard constructs.
 */
export class PlatformMonitoring extends Construct {
  /** The KMS key encrypting the platform's logs, trail and topic (created, or the one passed in). */
  public readonly encryptionKey: kms.IKey;

  /** The project name. */
  public readonly projectName: string;

  /** The deployment environment. */
  public readonly environment: DeploymentEnvironment;

  /** The namespace of the platform's custom metrics (the project name). */
  public readonly metricNamespace: string;

  /** Every alarm this construct creates is named with this prefix (`<project>-<env>-`). */
  public readonly alarmNamePrefix: string;

  constructor(scope: Construct, id: string, props: PlatformMonitoringProps) {
    super(scope, id);

    // 1. Validate: fail at synth with a message that says how to fix the input.
    validateProjectName(this, props.projectName);
    const environment = props.environment ?? DeploymentEnvironment.PROD;
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    validateRetention(this, logRetention);
    warnComplianceRetention(this, logRetention);
    validateEmails(this, props.alertEmails ?? []);
    const removalPolicy = resolveRemovalPolicy(this, environment, props.removalPolicy);

    const naming = new PlatformNaming(props.projectName, environment);
    this.projectName = props.projectName;
    this.environment = environment;
    this.metricNamespace = naming.metricNamespace;
    this.alarmNamePrefix = naming.alarmNamePrefix;

    // 2. The key, with grants for every service that writes encrypted data for us.
    const platformKey = new PlatformKey(this, 'Encryption', {
      projectName: props.projectName,
      environment,
      encryptionKey: props.encryptionKey,
      removalPolicy,
    });
    this.encryptionKey = platformKey.key;

    // 3. Tags on everything below this construct.
    Tags.of(this).add('Project', props.projectName);
    Tags.of(this).add('Environment', environment);
  }
}

function resolveRemovalPolicy(scope: Construct, environment: DeploymentEnvironment, policy?: RemovalPolicy): RemovalPolicy {
  if (policy === undefined) return RemovalPolicy.RETAIN;
  if (policy === RemovalPolicy.SNAPSHOT) {
    throw validationError(scope, 'removalPolicy SNAPSHOT is not supported by KMS keys, log groups or S3 buckets: '
      + 'use RemovalPolicy.RETAIN (or DESTROY outside PROD).');
  }
  if (policy === RemovalPolicy.DESTROY && environment === DeploymentEnvironment.PROD) {
    throw validationError(scope, 'removalPolicy DESTROY is refused in PROD: the audit trail, its bucket and log group and '
      + 'the key that encrypts them must outlive the stack. Remove removalPolicy (RETAIN is the default) or set '
      + 'environment to DEV or STAGING.');
  }
  return policy;
}
