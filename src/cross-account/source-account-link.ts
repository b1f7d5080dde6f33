import { Stack, Token } from 'aws-cdk-lib';
import * as oam from 'aws-cdk-lib/aws-oam';
import { Construct } from 'constructs';
import { ALL_TELEMETRY_TYPES, TelemetryType } from './telemetry-type';
import { DeploymentEnvironment } from '../core/environment';
import { LoggingNaming, PlatformNaming } from '../core/naming';
import { SINK_ARN, sinkArnParts } from '../private/account-identifiers';
import { validationError } from '../private/errors';
import { checkIdentifier } from '../private/identifiers';
import { checkEnumList, checkList, checkNonEmptyStrings, checkUnique } from '../private/input-checks';

/**
 * Properties of a `SourceAccountLink`.
 *
 * @experimental
 */
export interface SourceAccountLinkProps {
  /**
   * The ARN of the monitoring account's sink: `MonitoringAccountSink.sinkArn`, or the ARN as a
   * string (`arn:aws:oam:<region>:<monitoring account>:sink/<id>`). The sink must be in another
   * account and in the same Region.
   */
  readonly sinkArn: string;

  /**
   * What to share. The sink's policy must allow every type listed here.
   *
   * @default - metrics, log groups and traces
   */
  readonly telemetryTypes?: TelemetryType[];

  /**
   * Share only the metrics of these namespaces (`Namespace IN (...)`), e.g.
   * `PlatformLinkFilter.metricNamespaces('my-project')`. Namespaces are case-sensitive.
   *
   * @default - metrics of every namespace are shared
   */
  readonly metricNamespaces?: string[];

  /**
   * Share only the log groups whose names start with one of these prefixes (`LogGroupName LIKE
   * '<prefix>%' OR ...`), e.g. `PlatformLinkFilter.logGroupNamePrefixes('my-project')`. At most 6
   * prefixes (OAM allows five `OR`s per filter). Prefixes are case-sensitive.
   *
   * @default - every log group is shared
   */
  readonly logGroupNamePrefixes?: string[];

  /**
   * How the monitoring account labels this account: `$AccountName`, `$AccountEmail` or
   * `$AccountEmailNoDomain`.
   *
   * @default '$AccountName'
   */
  readonly labelTemplate?: string;
}

/**
 * A source account's end of CloudWatch cross-account observability: an OAM link to the monitoring
 * account's sink, sharing metrics, log groups and traces, optionally only the platform's metric
 * namespaces and log groups.
 *
 * Filters follow the OAM `LinkConfiguration` syntax (OAM API reference, LogGroupConfiguration and
 * MetricConfiguration: single-quoted names, case-sensitive matching, `IN` lists, `LIKE` as prefix
 * search with a trailing `%`, at most five `AND`/`OR` per filter),
 * https://docs.aws.amazon.com/OAM/latest/APIReference/API_LogGroupConfiguration.html and
 * https://docs.aws.amazon.com/OAM/latest/APIReference/API_MetricConfiguration.html
 *
 * @experimental
 */
export class SourceAccountLink extends Construct {
  /** The link's ARN. */
  public readonly linkArn: string;

  /** The OAM link resource. */
  public readonly link: oam.CfnLink;

  constructor(scope: Construct, id: string, props: SourceAccountLinkProps) {
    super(scope, id);
    this.validate(props);
    const namespaces = props.metricNamespaces;
    const prefixes = props.logGroupNamePrefixes;
    const linkConfiguration = namespaces || prefixes ? {
      metricConfiguration: namespaces ? { filter: metricNamespaceFilter(namespaces) } : undefined,
      logGroupConfiguration: prefixes ? { filter: logGroupPrefixFilter(prefixes) } : undefined,
    } : undefined;

    this.link = new oam.CfnLink(this, 'Resource', {
      sinkIdentifier: props.sinkArn,
      resourceTypes: props.telemetryTypes ?? ALL_TELEMETRY_TYPES,
      labelTemplate: props.labelTemplate ?? '$AccountName',
      linkConfiguration,
    });
    this.linkArn = this.link.attrArn;
  }

  private validate(props: SourceAccountLinkProps): void {
    checkIdentifier(this, 'sinkArn', props.sinkArn, SINK_ARN);
    const sink = Token.isUnresolved(props.sinkArn) ? undefined : sinkArnParts(props.sinkArn);
    const stack = Stack.of(this);
    if (sink && !Token.isUnresolved(stack.account) && sink.account === stack.account) {
      throw validationError(this, `sinkArn is a sink of account ${sink.account}, the account of this stack: a link must `
        + 'connect a source account to a sink in another (the monitoring) account. Deploy the link in a source account.');
    }
    if (sink && !Token.isUnresolved(stack.region) && sink.region !== stack.region) {
      throw validationError(this, `sinkArn is a sink in ${sink.region}, but this stack is in ${stack.region}: cross-account `
        + 'observability works within one Region. Create a sink in this Region and link to it.');
    }
    checkEnumList(this, 'telemetryTypes', props.telemetryTypes, TelemetryType, 'TelemetryType');
    if (props.telemetryTypes !== undefined && props.telemetryTypes.length === 0) {
      throw validationError(this, 'telemetryTypes is empty, so the link would share nothing: omit it to share metrics, log groups and traces.');
    }
    checkFilterList(this, 'metricNamespaces', props.metricNamespaces, 'metric namespace');
    checkFilterList(this, 'logGroupNamePrefixes', props.logGroupNamePrefixes, 'log group name prefix');
    if ((props.logGroupNamePrefixes?.length ?? 0) > MAX_LIKE_TERMS) {
      throw validationError(this, `logGroupNamePrefixes has ${props.logGroupNamePrefixes!.length} entries, but an OAM filter `
        + `allows at most five AND/OR operands (${MAX_LIKE_TERMS} prefixes): use shorter, shared prefixes.`);
    }
    const types = props.telemetryTypes ?? ALL_TELEMETRY_TYPES;
    if (props.metricNamespaces && !types.includes(TelemetryType.METRICS)) {
      throw validationError(this, 'metricNamespaces is set but telemetryTypes does not include TelemetryType.METRICS: the filter would have no effect. Remove one.');
    }
    if (props.logGroupNamePrefixes && !types.includes(TelemetryType.LOG_GROUPS)) {
      throw validationError(this, 'logGroupNamePrefixes is set but telemetryTypes does not include TelemetryType.LOG_GROUPS: the filter would have no effect. Remove one.');
    }
    const label = props.labelTemplate;
    if (label !== undefined && !Token.isUnresolved(label) && !/^\$(AccountName|AccountEmail|AccountEmailNoDomain)$/.test(label)) {
      throw validationError(this, `labelTemplate ${JSON.stringify(label)} is not one of $AccountName, $AccountEmail, $AccountEmailNoDomain `
        + '(OAM API reference, CreateLink LabelTemplate).');
    }
  }
}

/** Five AND/OR operands per OAM filter: at most six `LIKE` terms joined by `OR`. */
const MAX_LIKE_TERMS = 6;

function checkFilterList(scope: Construct, propName: string, values: string[] | undefined, what: string): void {
  checkList(scope, propName, values);
  if (values === undefined) return;
  if (values.length === 0) {
    throw validationError(scope, `${propName} is empty, so nothing would be shared: omit it to share everything, or list what to share.`);
  }
  checkNonEmptyStrings(scope, propName, values, what);
  values.forEach((v, i) => {
    if (!Token.isUnresolved(v) && /['%]/.test(v)) {
      throw validationError(scope, `${propName}[${i}] ${JSON.stringify(v)} contains a quote or "%": pass the plain ${what}; `
        + 'the filter adds quotes (and the trailing % of a prefix) itself.');
    }
  });
  checkUnique(scope, propName, values.map((v) => ({ key: v, shown: JSON.stringify(v) })), 'it would be shared once anyway');
}

function metricNamespaceFilter(namespaces: string[]): string {
  return `Namespace IN (${namespaces.map((n) => `'${n}'`).join(', ')})`;
}

function logGroupPrefixFilter(prefixes: string[]): string {
  return prefixes.map((p) => `LogGroupName LIKE '${p}%'`).join(' OR ');
}

/**
 * The platform's share of a source account: the metric namespaces and log-group prefixes that
 * `PlatformMonitoring` reads, for `SourceAccountLink.metricNamespaces` and `logGroupNamePrefixes`.
 *
 * @experimental
 */
export class PlatformLinkFilter {
  /**
   * The AWS namespaces the platform monitors (`AWS/Lambda`, `AWS/ApiGateway`, `AWS/DMS`,
   * `AWS/Batch`, `Glue`) and the project's custom namespace (the project name in PROD,
   * `<project>-<env>` elsewhere).
   *
   * @param projectName the project name given to `PlatformMonitoring`
   * @param environment the environment given to `PlatformMonitoring` (default PROD)
   */
  public static metricNamespaces(projectName: string, environment?: DeploymentEnvironment): string[] {
    const naming = new PlatformNaming(projectName, environment ?? DeploymentEnvironment.PROD);
    return ['AWS/Lambda', 'AWS/ApiGateway', 'AWS/DMS', 'AWS/Batch', 'Glue', naming.metricNamespace];
  }

  /**
   * The log-group prefixes of the platform: Lambda (`/aws/lambda/`), Batch jobs (`/aws/batch/`),
   * and the project's CloudTrail, EventBridge and API Gateway groups
   * (`/aws/cloudtrail/<project>`, `/aws/events/<project>`, `/aws/apigateway/<project>`).
   *
   * @param projectName the project name given to `PlatformMonitoring`
   * @param environment the environment given to `PlatformMonitoring` (default PROD)
   */
  public static logGroupNamePrefixes(projectName: string, environment?: DeploymentEnvironment): string[] {
    const scoped = new LoggingNaming(new PlatformNaming(projectName, environment ?? DeploymentEnvironment.PROD)).scopedProjectName;
    return ['/aws/lambda/', '/aws/batch/', `/aws/cloudtrail/${scoped}`, `/aws/events/${scoped}`, `/aws/apigateway/${scoped}`];
  }

  private constructor() {}
}
