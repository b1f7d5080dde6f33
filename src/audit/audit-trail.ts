import { Annotations, Aws, CfnRule, Duration, Fn, RemovalPolicy, Stack, Tags, Token, Validations } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { AuditOptions } from './audit-options';
import { buildEventSelectors } from './event-selectors';
import { auditLifecycleRules, createAccessLogBucket, createReplicationRole } from './trail-buckets';
import { createTrailLogsRole } from './trail-logs-role';
import { DeploymentEnvironment } from '../core/environment';
import { LoggingNaming, namingRegion, PlatformNaming } from '../core/naming';
import { resolveEnvironment, resolveStatefulRemovalPolicy, validateProjectName, validateRetention } from '../core/validation';
import { MonitoredResources } from '../model/monitored-platform';
import { MonitoredFunctionsProps } from '../model/monitored-resource-props';
import { ResourceUse } from '../model/resource-location';
import { DEFAULT_TRAIL_LOG_GROUP_RETENTION } from '../private/defaults';
import { validationError } from '../private/errors';
import { checkIdentifier, ORGANIZATION_ID } from '../private/identifiers';
import { checkEnumClassList } from '../private/input-checks';
import { encryptedLogGroup } from '../private/logging-groups';
import { ACCOUNT_ID_LENGTH, validateBucketName } from '../private/logging-validation';

/** Prefix of the trail bucket's server access logs in the access-log bucket. */
const ACCESS_LOG_PREFIX = 'trail-bucket/';

/** Default lifetime of trail log files in the bucket: 7 years (2557 days), a common audit requirement. */
const DEFAULT_TRAIL_BUCKET_RETENTION = Duration.days(2557);

/**
 * Properties of `AuditTrail`: what it needs from the platform, its `AuditOptions`, and the
 * functions whose invocations (Lambda data events) the trail records: `lambdaFunctions`, at most 250
 * (with the data-lake bucket, 249: a CloudTrail limit for the whole trail). `lambdaFunctionArns` is
 * ignored (a trail records data events of its own account).
 */
export interface AuditTrailProps extends AuditOptions, MonitoredFunctionsProps {
  /** The project name: part of the trail, bucket and log group names. */
  readonly projectName: string;

  /**
   * The deployment environment (part of the trail name; outside PROD also of the bucket and log
   * group names, so environments can share an account).
   *
   * @default DeploymentEnvironment.PROD
   */
  readonly environment?: DeploymentEnvironment;

  /**
   * End the trail name and the trail bucket name with `-<region>` (the stack's Region, which must be literal), so that a platform
   * of the same project and environment can be deployed in another Region of the account.
   * Dashboard names and multi-Region trail names are unique per account, and bucket names across
   * every account: without this, a second Region's platform collides with the first.
   *
   * Changing it on a deployed platform renames (replaces) those resources: set it only on the
   * platforms of the other Regions.
   *
   * @default false
   */
  readonly regionInNames?: boolean;

  /**
   * The KMS key that encrypts the trail's log files, its bucket and (if created here) its log
   * group. Its policy must let CloudTrail use it for the trail named `<project>-<env>-audit-trail`
   * and CloudWatch Logs for the account's log groups (a `PlatformKey` does).
   */
  readonly encryptionKey: kms.IKey;

  /**
   * The encrypted log group the trail streams to (e.g. `CentralLogging.trailLogGroup`): the same
   * name as the group `AuditTrail` exposes and `PlatformAlarms` / `SecurityAlarms` read.
   *
   * @default - a group `/aws/cloudtrail/<project>` encrypted with `encryptionKey`
   */
  readonly trailLogGroup?: logs.ILogGroup;

  /**
   * What happens to the buckets and the log group created here when they leave the stack.
   * DESTROY is refused in PROD. A bucket that still holds objects is not deleted by CloudFormation.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * The data-lake bucket whose object-level (S3 data) events, read and write, the trail records.
   *
   * @default - no S3 data events
   */
  readonly dataLakeBucket?: s3.IBucket;

}

/**
 * A multi-region CloudTrail trail with log file validation, every management event (read and
 * write), global service events, S3 data events for the data-lake bucket and Lambda invoke events,
 * delivered to a dedicated KMS-encrypted, versioned, private, SSL-only bucket (with server access
 * logs and an audit lifecycle) and streamed to an encrypted CloudWatch Logs group through a
 * least-privilege role.
 *
 * The trail is an L1 `CfnTrail`: the L2 `Trail` always adds bucket-policy statements without
 * `aws:SourceArn` and an inline role policy; here every statement is scoped to this trail.
 *
 * Usable on its own; `PlatformMonitoring` creates one.
 */
export class AuditTrail extends Construct {
  /** How long log files stay in the trail bucket unless `bucketRetention` says otherwise (7 years). */
  public static readonly DEFAULT_BUCKET_RETENTION = DEFAULT_TRAIL_BUCKET_RETENTION;

  /** The trail. */
  public readonly trail: cloudtrail.CfnTrail;

  /** The trail's ARN. */
  public readonly trailArn: string;

  /** The trail's name (`<project>-<env>-audit-trail`; the key policy trusts exactly this name). */
  public readonly trailName: string;

  /** The bucket the trail delivers log and digest files to. */
  public readonly trailBucket: s3.IBucket;

  /** The bucket receiving the trail bucket's server access logs. */
  public readonly accessLogBucket: s3.IBucket;

  /** The log group the trail streams to. */
  public readonly trailLogGroup: logs.ILogGroup;

  /** The role CloudTrail assumes to write to `trailLogGroup`. */
  public readonly logsRole: iam.IRole;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);
    const stack = Stack.of(this);

    // 1. Validate.
    validateProjectName(this, props.projectName);
    const environment = resolveEnvironment(this, props.environment);
    if (props.existingTrailLogGroup) {
      throw validationError(this, 'existingTrailLogGroup is not an AuditTrail option: AuditTrail always creates a trail. '
        + 'To use an existing trail, give its log group to PlatformMonitoring as audit.existingTrailLogGroup, or read it '
        + 'with SecurityAlarms (cloudTrailLogGroup) and leave AuditTrail out.');
    }
    checkEnumClassList(this, 'insightTypes', props.insightTypes, cloudtrail.InsightType, 'InsightType');
    if (props.organizationId !== undefined) checkIdentifier(this, 'organizationId', props.organizationId, ORGANIZATION_ID);
    const model = MonitoredResources.of(this, props, ['lambdaFunctions'], ResourceUse.LOGS);
    const removalPolicy = resolveStatefulRemovalPolicy(this, environment, props.removalPolicy);
    const naming = new PlatformNaming(props.projectName, environment, namingRegion(this, props.regionInNames));
    const loggingNaming = new LoggingNaming(naming);
    this.trailName = naming.trailName;
    const bucketName = this.resolveBucketName(loggingNaming, props.bucketName);
    const bucketRetention = props.bucketRetention ?? DEFAULT_TRAIL_BUCKET_RETENTION;
    this.validateRetentions(bucketRetention, props);
    if (props.isOrganizationTrail && !props.organizationId) {
      throw validationError(this, 'isOrganizationTrail requires organizationId (o-...): the bucket policy must allow the '
        + 'member accounts\' log files under AWSLogs/<organizationId>/.');
    }
    if (props.isOrganizationTrail) this.checkManagementAccount(props.managementAccountId);
    if (props.replicationDestination && !props.replicationDestinationKey) {
      throw validationError(this, 'replicationDestination requires replicationDestinationKey: the trail\'s log files are '
        + 'SSE-KMS encrypted, and S3 replicates them only when told which key of the destination region encrypts the replicas.');
    }
    const eventSelectors = buildEventSelectors(this, {
      dataLakeBucket: props.dataLakeBucket,
      lambdaFunctions: model.localFunctions,
      logAllLambdaDataEvents: props.logAllLambdaDataEvents ?? false,
    });
    // The ARN is built from the literal name (not the trail's attribute) so the bucket policy and
    // the trail do not depend on each other.
    const trailArn = stack.formatArn({ service: 'cloudtrail', resource: 'trail', resourceName: naming.trailName });

    // 2. Buckets.
    const bucketOptions = { retention: bucketRetention, removalPolicy };
    this.accessLogBucket = createAccessLogBucket(this, bucketOptions);
    const replicationRole = props.replicationDestination && props.replicationDestinationKey
      ? createReplicationRole(this, stack.formatArn({ service: 's3', region: '', account: '', resource: bucketName }),
        props.encryptionKey, { destination: props.replicationDestination, destinationKey: props.replicationDestinationKey })
      : undefined;
    const bucket = new s3.Bucket(this, 'Bucket', {
      bucketName,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      lifecycleRules: auditLifecycleRules(bucketRetention),
      objectLockDefaultRetention: props.objectLockRetention
        ? s3.ObjectLockRetention.compliance(props.objectLockRetention) : undefined,
      replicationRole: replicationRole?.role,
      replicationRules: props.replicationDestination ? [{
        id: 'ReplicateAuditLogs',
        destination: props.replicationDestination,
        kmsKey: props.replicationDestinationKey,
        sseKmsEncryptedObjects: true,
        deleteMarkerReplication: false,
      }] : undefined,
      removalPolicy,
    });
    this.trailBucket = bucket;
    this.enableServerAccessLogs(bucket, bucketName);
    this.addTrailBucketPolicy(bucket, trailArn, props);
    if (!props.replicationDestination) {
      for (const pack of ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321']) {
        Validations.of(bucket).acknowledge({
          id: `${pack}-S3BucketReplicationEnabled`,
          reason: 'No replicationDestination was given; log file validation and versioning protect the audit logs in this region.',
        });
      }
    }

    // 3. Log group and the role that writes to it.
    this.trailLogGroup = props.trailLogGroup ?? this.createLogGroup(loggingNaming, props, removalPolicy);
    const logsRole = createTrailLogsRole(this, this.trailLogGroup);
    this.logsRole = logsRole.role;

    // 4. The trail.
    this.trail = new cloudtrail.CfnTrail(this, 'Resource', {
      trailName: naming.trailName,
      isLogging: true,
      s3BucketName: bucket.bucketName,
      kmsKeyId: props.encryptionKey.keyArn,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      cloudWatchLogsLogGroupArn: this.trailLogGroup.logGroupArn,
      cloudWatchLogsRoleArn: logsRole.role.roleArn,
      eventSelectors,
      insightSelectors: props.insightTypes?.length ? props.insightTypes.map((t) => ({ insightType: t.value })) : undefined,
      isOrganizationTrail: props.isOrganizationTrail ?? false,
    });
    // CloudTrail checks the bucket policy and the role when the trail is created.
    this.trail.node.addDependency(bucket.policy!, logsRole.policy);
    this.trailArn = this.trail.attrArn;

    Tags.of(this).add('Project', props.projectName);
    Tags.of(this).add('Environment', environment);
  }

  private resolveBucketName(naming: LoggingNaming, override?: string): string {
    if (override !== undefined) {
      validateBucketName(this, override, 'bucketName');
      return override;
    }
    const account = Stack.of(this).account;
    const name = naming.trailBucketName(account);
    if (Token.isUnresolved(account)) {
      // Account ids are always 12 digits: check the name the bucket will have at deploy.
      validateBucketName(this, naming.trailBucketName('0'.repeat(ACCOUNT_ID_LENGTH)), 'The trail bucket name',
        naming.trailBucketName('<account-id>'));
    } else {
      validateBucketName(this, name, 'The trail bucket name');
    }
    return name;
  }

  /**
   * An organization trail created by a CloudTrail delegated administrator is owned by the
   * management account (AWS CloudTrail User Guide, "Organization delegated administrator",
   * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-delegated-administrator.html),
   * so its ARN names that account: the bucket policy's and key policy's `aws:SourceArn` (built from
   * this stack's account) would never match, and CloudTrail would not create the trail. Refused.
   */
  private checkManagementAccount(managementAccountId: string | undefined): void {
    const stack = Stack.of(this);
    if (managementAccountId === undefined) {
      Annotations.of(this).addWarningV2('cdk-platform-monitoring:organizationTrailAccount',
        'isOrganizationTrail: deploy this stack in the organization\'s management account. From a CloudTrail delegated '
        + 'administrator account the trail would be owned by the management account, and the bucket and key policies, '
        + 'scoped to this account, would refuse CloudTrail. Set audit.managementAccountId to have the account checked.');
      return;
    }
    if (!Token.isUnresolved(managementAccountId) && !/^\d{12}$/.test(managementAccountId)) {
      throw validationError(this, `managementAccountId must be a 12-digit AWS account id; got "${managementAccountId}".`);
    }
    if (!Token.isUnresolved(stack.account)) {
      if (stack.account !== managementAccountId) {
        throw validationError(this, `isOrganizationTrail is deployed from account ${stack.account}, not the management account `
          + `${managementAccountId}: an organization trail created by a delegated administrator is owned by the management `
          + 'account, so the bucket and key policies built here would refuse CloudTrail. Deploy this stack in the management '
          + 'account, or set isOrganizationTrail to false (a trail of this account only).');
      }
      return;
    }
    new CfnRule(this, 'ManagementAccountOnly', {
      assertions: [{
        assert: Fn.conditionEquals(Aws.ACCOUNT_ID, managementAccountId),
        assertDescription: `The organization trail must be deployed in the management account ${managementAccountId}: `
          + 'from a delegated administrator account it would be owned by the management account and refused by the bucket and key policies.',
      }],
    });
  }

  private validateRetentions(bucketRetention: Duration, props: AuditTrailProps): void {
    const days = bucketRetention.toDays();
    if (days < 1) {
      throw validationError(this, `bucketRetention must be at least 1 day; got ${bucketRetention.toHumanString()}.`);
    }
    const required = [
      ['requiredAuditRetention', props.requiredAuditRetention],
      ['objectLockRetention', props.objectLockRetention],
    ] as const;
    for (const [name, value] of required) {
      if (value && value.toDays() > days) {
        throw validationError(this, `bucketRetention (${days} days) is shorter than ${name} (${value.toDays()} days): the `
          + 'trail bucket\'s lifecycle would expire audit logs before your audit policy allows. Set bucketRetention to at least '
          + `Duration.days(${value.toDays()}).`);
      }
    }
  }

  /**
   * Server access logs of the trail bucket go to the access-log bucket through a bucket policy for
   * `logging.s3.amazonaws.com` scoped to this bucket and account. Written here rather than with
   * `serverAccessLogsBucket`, which without the `@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy`
   * flag falls back to an ACL that `BUCKET_OWNER_ENFORCED` forbids.
   */
  private enableServerAccessLogs(bucket: s3.Bucket, bucketName: string): void {
    const stack = Stack.of(this);
    (bucket.node.defaultChild as s3.CfnBucket).loggingConfiguration = {
      destinationBucketName: this.accessLogBucket.bucketName,
      logFilePrefix: ACCESS_LOG_PREFIX,
    };
    this.accessLogBucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowS3ServerAccessLogDelivery',
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [this.accessLogBucket.arnForObjects(`${ACCESS_LOG_PREFIX}*`)],
      conditions: {
        ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:s3:::${bucketName}` },
        StringEquals: { 'aws:SourceAccount': stack.account },
      },
    }));
  }

  private addTrailBucketPolicy(bucket: s3.IBucket, trailArn: string, props: AuditTrailProps): void {
    const cloudTrail = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
    const fromThisTrail = { 'aws:SourceArn': trailArn };
    bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AWSCloudTrailAclCheck',
      principals: [cloudTrail],
      actions: ['s3:GetBucketAcl'],
      resources: [bucket.bucketArn],
      conditions: { StringEquals: fromThisTrail },
    }));
    const prefixes = [`AWSLogs/${Aws.ACCOUNT_ID}/*`];
    if (props.isOrganizationTrail && props.organizationId) prefixes.push(`AWSLogs/${props.organizationId}/*`);
    bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AWSCloudTrailWrite',
      principals: [cloudTrail],
      actions: ['s3:PutObject'],
      resources: prefixes.map((p) => bucket.arnForObjects(p)),
      conditions: { StringEquals: { ...fromThisTrail, 's3:x-amz-acl': 'bucket-owner-full-control' } },
    }));
  }

  private createLogGroup(naming: LoggingNaming, props: AuditTrailProps, removalPolicy: RemovalPolicy): logs.ILogGroup {
    const retention = props.trailLogGroupRetention ?? DEFAULT_TRAIL_LOG_GROUP_RETENTION;
    validateRetention(this, retention, 'trailLogGroupRetention');
    return encryptedLogGroup(this, 'LogGroup', naming.cloudTrailLogGroupName, {
      encryptionKey: props.encryptionKey, retention, removalPolicy,
    });
  }
}
