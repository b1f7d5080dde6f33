import { Stack, Token } from 'aws-cdk-lib';
import * as oam from 'aws-cdk-lib/aws-oam';
import { Construct } from 'constructs';
import { ALL_TELEMETRY_TYPES, TelemetryType } from './telemetry-type';
import { ACCOUNT_ID, SINK_ORGANIZATION_ID } from '../private/account-identifiers';
import { validationError } from '../private/errors';
import { checkIdentifier, checkIdentifiers } from '../private/identifiers';
import { checkEnumList } from '../private/input-checks';

/**
 * Properties of a `MonitoringAccountSink`. Set exactly one of `organizationId` and `sourceAccounts`.
 *
 * @experimental
 */
export interface MonitoringAccountSinkProps {
  /**
   * Let every account of this AWS Organizations organization link (sink-policy condition
   * `aws:PrincipalOrgID`), e.g. `o-abcdefghij`. Accounts that join the organization later can link
   * without a change here.
   *
   * @default - none: set `sourceAccounts` instead
   */
  readonly organizationId?: string;

  /**
   * Let only these account IDs link (12-digit strings), e.g. `['222222222222', '333333333333']`.
   * The monitoring account itself cannot be one of them.
   *
   * @default - none: set `organizationId` instead
   */
  readonly sourceAccounts?: string[];

  /**
   * What source accounts may share. A link asking for another type is refused by the sink policy.
   *
   * @default - metrics, log groups and traces
   */
  readonly telemetryTypes?: TelemetryType[];

  /**
   * The sink's name (1-255 letters, digits, `_`, `.`, `-`). An account has one sink per Region.
   *
   * @default 'platform-monitoring'
   */
  readonly sinkName?: string;
}

/**
 * The monitoring account's end of CloudWatch cross-account observability: an OAM sink whose policy
 * lets the organization (or the listed accounts) link and share metrics, log groups and traces.
 * Deploy it first, then a `SourceAccountLink` in each source account with `sinkArn`.
 *
 * The sink policy allows `oam:CreateLink` and `oam:UpdateLink` with the condition
 * `ForAllValues:StringEquals` `oam:ResourceTypes` (only the allowed telemetry types), following the
 * examples of the OAM API reference, PutSinkPolicy
 * (https://docs.aws.amazon.com/OAM/latest/APIReference/API_PutSinkPolicy.html). Cross-account
 * observability works within one Region: deploy one sink per Region you monitor.
 *
 * @experimental
 */
export class MonitoringAccountSink extends Construct {
  /** The sink's ARN, for `SourceAccountLink.sinkArn` (a token: pass it across stacks or copy it from the outputs). */
  public readonly sinkArn: string;

  /** The telemetry types the sink accepts. */
  public readonly telemetryTypes: TelemetryType[];

  /** The OAM sink resource. */
  public readonly sink: oam.CfnSink;

  constructor(scope: Construct, id: string, props: MonitoringAccountSinkProps) {
    super(scope, id);
    const types = this.validate(props);
    this.telemetryTypes = types;

    const statement: Record<string, unknown> = {
      Sid: 'AllowSourceAccountsToLink',
      Effect: 'Allow',
      Action: ['oam:CreateLink', 'oam:UpdateLink'],
      Resource: '*',
      Principal: props.organizationId !== undefined ? '*' : { AWS: props.sourceAccounts },
      Condition: {
        'ForAllValues:StringEquals': { 'oam:ResourceTypes': types },
        ...(props.organizationId !== undefined ? { StringEquals: { 'aws:PrincipalOrgID': props.organizationId } } : {}),
      },
    };

    this.sink = new oam.CfnSink(this, 'Resource', {
      name: props.sinkName ?? 'platform-monitoring',
      policy: { Version: '2012-10-17', Statement: [statement] },
    });
    this.sinkArn = this.sink.attrArn;
  }

  private validate(props: MonitoringAccountSinkProps): TelemetryType[] {
    const hasOrg = props.organizationId !== undefined;
    const hasAccounts = props.sourceAccounts !== undefined;
    if (hasOrg === hasAccounts) {
      throw validationError(this, `Set exactly one of organizationId and sourceAccounts (got ${hasOrg ? 'both' : 'neither'}): `
        + 'organizationId lets every account of the organization link; sourceAccounts lists the account IDs that may link.');
    }
    if (hasOrg) checkIdentifier(this, 'organizationId', props.organizationId, SINK_ORGANIZATION_ID);
    if (hasAccounts) {
      checkIdentifiers(this, 'sourceAccounts', props.sourceAccounts, ACCOUNT_ID);
      if (props.sourceAccounts!.length === 0) {
        throw validationError(this, 'sourceAccounts is empty, so no account could link: list the source account IDs, or set organizationId instead.');
      }
      const own = Stack.of(this).account;
      if (!Token.isUnresolved(own) && props.sourceAccounts!.includes(own)) {
        throw validationError(this, `sourceAccounts lists ${own}, the monitoring account itself: an account cannot link to its own sink. Remove it.`);
      }
    }
    checkEnumList(this, 'telemetryTypes', props.telemetryTypes, TelemetryType, 'TelemetryType');
    if (props.telemetryTypes !== undefined && props.telemetryTypes.length === 0) {
      throw validationError(this, 'telemetryTypes is empty, so no link could share anything: omit it to share metrics, log groups and traces.');
    }
    // CloudFormation reference, AWS::Oam::Sink Name: pattern ^[a-zA-Z0-9_.-]+$, 1-255 characters.
    const name = props.sinkName;
    if (name !== undefined && !Token.isUnresolved(name) && !/^[a-zA-Z0-9_.-]{1,255}$/.test(name)) {
      throw validationError(this, `sinkName ${JSON.stringify(name)} is not a valid sink name: use 1-255 letters, digits, "_", "." or "-".`);
    }
    return props.telemetryTypes ?? ALL_TELEMETRY_TYPES;
  }
}
