import { Annotations, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import { accountKeyStatements, platformKeyStatements } from './key-policy';
import { DeploymentEnvironment } from '../core/environment';
import { PlatformNaming } from '../core/naming';
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
 * Each statement is scoped by encryption context and/or `aws:SourceAccount` / `aws:SourceArn`.
 *
 * A key created here gets, instead of aws-cdk-lib's default `kms:*` for the account, account
 * statements that enable IAM policies for every key action but allow `kms:CreateGrant` only for
 * AWS services (`kms:GrantIsForAWSResource`), as AWS Control Tower's control CT.KMS.PR.3 requires.
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
    const naming = new PlatformNaming(props.projectName, props.environment ?? DeploymentEnvironment.PROD);
    validateAlarmSources(this, props.alarmSourceAccounts, props.alarmSourceNamePrefix);
    const alarmSources = { alarmSourceAccounts: props.alarmSourceAccounts, alarmSourceNamePrefix: props.alarmSourceNamePrefix };

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
      alarmNamePrefix: naming.alarmNamePrefix,
      alertTopicName: naming.alertTopicName,
      trailName: naming.trailName,
      ...alarmSources,
    });
    // `allowNoOp` returns statementAdded=false for imported keys instead of failing.
    const added = statements.map((s) => this.key.addToResourcePolicy(s, true).statementAdded);
    this.policyManaged = added.every(Boolean);

    if (!this.policyManaged) {
      const printable = platformKeyStatements({
        partition: literalPartition(stack),
        region: literalOr(stack.region, '<region>'),
        account: literalOr(stack.account, '<account-id>'),
        alarmNamePrefix: naming.alarmNamePrefix,
        alertTopicName: naming.alertTopicName,
        trailName: naming.trailName,
        ...alarmSources,
      }).map((s) => stack.resolve(s.toStatementJson()));
      Annotations.of(this).addWarningV2('cdk-platform-monitoring:importedKeyPolicy',
        'The encryption key is imported, so its key policy cannot be changed here. Without these statements '
        + 'log groups fail to create, CloudTrail cannot write, and alarm notifications are dropped silently. '
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
