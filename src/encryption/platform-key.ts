import { Annotations, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import { accountKeyStatements, denyNonServiceGrantsStatement, platformKeyStatements } from './key-policy';
import { DeploymentEnvironment } from '../core/environment';
import { namingRegion, PlatformNaming } from '../core/naming';
import { CrossAccountAlertOptions } from '../cross-account/cross-account-alert-options';
import { validateAlarmSources } from '../private/cross-account-policy';

/**
 * Properties of a `PlatformKey`.
 */
export interface PlatformKeyProps extends CrossAccountAlertOptions {
  /**
   * The project name: it scopes the CloudWatch, SNS and CloudTrail statements to the platform's
   * alarms (`<projectName>-<environment>-*`), topic and trail.
   */
  readonly projectName: string;

  /**
   * The deployment environment (part of the alarm, topic and trail names the grants trust).
   *
   * @default DeploymentEnvironment.PROD
   */
  readonly environment?: DeploymentEnvironment;

  /**
   * End the trail name the CloudTrail statements trust (as `AuditTrail`'s `regionInNames`) with `-<region>` (the stack's Region, which must be literal), so that a platform
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
   * Use this key instead of creating one.
   *
   * If it is a `kms.Key` defined in this CDK app, the service statements are added to its policy.
   * If it is imported (`Key.fromKeyArn`, `Key.fromLookup`), its policy cannot be changed from here:
   * a synth warning lists the exact statements to add.
   *
   * @default - a new customer-managed key with automatic rotation
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * What happens to a key created here when it leaves the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The platform's customer-managed KMS key, with a key policy that lets exactly the services that
 * need it use it: CloudWatch Logs (log groups of this account and region), CloudTrail (the
 * platform's trail), SNS (the alert topic) and CloudWatch alarms publishing to the encrypted topic.
 * Each statement is scoped by a condition key AWS documents for that service's requests (an
 * encryption context, or `aws:SourceArn` for CloudTrail). The cross-account options
 * (`alarmSourceAccounts`, `alarmSourceOrganizationId`) are validated here but change nothing in the
 * key policy: the CloudWatch statement serves the platform's topics whoever's alarm publishes, and
 * the topic policy decides who may publish.
 *
 * A key created here gets, instead of aws-cdk-lib's default `kms:*` for the account, account
 * statements that enable IAM policies for every key action but allow `kms:CreateGrant` only for
 * AWS services (`kms:GrantIsForAWSResource`), plus the statement AWS Control Tower's control
 * CT.KMS.PR.3 requires: Deny `kms:CreateGrant` to everyone unless an AWS service asks for it.
 *
 * Usable on its own; `PlatformMonitoring` creates one.
 */
export class PlatformKey extends Construct {
  /** The key: created here or the one passed in. */
  public readonly key: kms.IKey;

  /** Whether the service statements could be written into the key's policy. */
  public readonly policyManaged: boolean;

  constructor(scope: Construct, id: string, props: PlatformKeyProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const naming = new PlatformNaming(props.projectName, props.environment ?? DeploymentEnvironment.PROD,
      namingRegion(this, props.regionInNames));
    validateAlarmSources(this, props.alarmSourceAccounts, props.alarmSourceNamePrefix, '', props.alarmSourceOrganizationId);

    this.key = props.encryptionKey ?? new kms.Key(this, 'Key', {
      description: `${naming.stem}: encrypts the platform's logs, audit trail and alert topic`,
      alias: `alias/${naming.stem}-platform`,
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      // Instead of aws-cdk-lib's default `kms:*` for the account: the same, but grants only for AWS services.
      policy: new iam.PolicyDocument({ statements: accountKeyStatements() }),
    });

    const statements = platformKeyStatements({
      partition: stack.partition,
      region: stack.region,
      account: stack.account,
      alertTopicName: naming.alertTopicName,
      trailName: naming.trailName,
    });
    // `allowNoOp` returns statementAdded=false for imported keys instead of failing.
    const added = statements.map((s) => this.key.addToResourcePolicy(s, true).statementAdded);
    this.policyManaged = added.every(Boolean);

    if (!this.policyManaged) {
      const printable = platformKeyStatements({
        partition: literalPartition(stack),
        region: literalOr(stack.region, '<region>'),
        account: literalOr(stack.account, '<account-id>'),
        alertTopicName: naming.alertTopicName,
        trailName: naming.trailName,
      }).concat(denyNonServiceGrantsStatement()).map((s) => stack.resolve(s.toStatementJson()));
      Annotations.of(this).addWarningV2('cdk-platform-monitoring:importedKeyPolicy',
        'The encryption key is imported, so its key policy cannot be changed here. Without these statements '
        + 'log groups fail to create, CloudTrail cannot write, and alarm notifications are dropped silently. '
        + 'The last one (Deny kms:CreateGrant unless an AWS service asks) is what AWS Control Tower\'s control CT.KMS.PR.3 requires. '
        + `Add them to the key's policy: ${JSON.stringify(printable)}`);
    }
  }
}

/** The partition as text: from the stack if literal, else from a literal region, else a placeholder. */
function literalPartition(stack: Stack): string {
  if (!Token.isUnresolved(stack.partition)) return stack.partition;
  if (!Token.isUnresolved(stack.region)) return RegionInfo.get(stack.region).partition ?? '<partition>';
  return '<partition>';
}

function literalOr(value: string, placeholder: string): string {
  return Token.isUnresolved(value) ? placeholder : value;
}
