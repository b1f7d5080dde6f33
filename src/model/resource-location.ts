import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { validationError } from '../private/errors';

/*
 * The one rule deciding the account and Region of every monitored resource. Not part of the public
 * API.
 *
 * The facts it rests on:
 * - CloudWatch metric alarms, metric filters and log groups are regional: an alarm watches metrics of
 *   its own Region only (aws-cdk-lib's `Alarm` refuses other Regions too, with a message that does not
 *   name our prop).
 * - CloudWatch cross-account observability shares metrics, logs and traces of source accounts "within
 *   a Region" (CloudWatch User Guide, "CloudWatch cross-account observability"), not events.
 * - AWS services deliver events to the default event bus of their own account and Region (Amazon
 *   EventBridge User Guide, "Events from AWS services"): an event rule here sees only this account's
 *   and Region's resources.
 * - A dashboard graph may read metrics of any Region and (through observability) account: each
 *   metric carries its `region` / `accountId`.
 */

/** What the part resolving the lists creates for each resource. */
export enum ResourceUse {
  /** Alarms (and, in the platform, event rules, log groups and metric filters): Region-bound. */
  ALARMS = 'alarms',
  /** Event rules only (`PlatformEvents` alone): this account and Region only. */
  EVENTS = 'events',
  /** Graphs only (a dashboard alone): another Region is shown where the service's metrics carry one. */
  GRAPHS = 'graphs',
  /** Log groups, metric filters and trail selectors (`CentralLogging`, `AuditTrail`): this account and Region only. */
  LOGS = 'logs',
}

/** How a kind of monitored resource can be watched from elsewhere. */
export interface ResourceKind {
  /** The resource, e.g. 'the Lambda function "orders"'. */
  readonly what: string;
  /**
   * Why a resource of another account cannot be watched from here at all (functions passed as
   * constructs, resources that publish no metrics); undefined when its metrics are read through cross-account observability.
   */
  readonly otherAccountReason?: string;
  /** Whether a dashboard can graph it in another Region (its metric factory takes a Region). */
  readonly graphsFromOtherRegions: boolean;
  /** The fix for a resource of `account` (another account) that cannot be watched from here. */
  readonly otherAccountFix: (account: string) => string;
}

/** Where a resource is, as the rule decided it. */
export interface ResourceLocation {
  /** The resource's account when it is not the stack's (a source account). */
  readonly account?: string;
  /** The resource's Region when it is not the stack's (dashboards only). */
  readonly region?: string;
}

/**
 * Decides where a resource of `account` / `region` (each undefined when it is the stack's, or a
 * token: an unresolved value is taken as the stack's, as nothing can be checked at synth) can be
 * watched from, for `use`: returns its location (`account` / `region` set only when they are not
 * the stack's), or throws the one message of its case, naming `propName` and the fix:
 * - another Region, wherever the part creates a Region-bound resource for it (an alarm, an event
 *   rule, a log group or metric filter), or for a dashboard when the service's metrics carry no Region;
 * - another account, where the part needs the resource in this account (event rules, log groups,
 *   or a service that publishes no metrics), when the stack's account is known.
 */
export function locateResource(scope: IConstruct, propName: string, kind: ResourceKind, use: ResourceUse,
  account: string | undefined, region: string | undefined): ResourceLocation {
  const stack = Stack.of(scope);
  const otherRegion = region !== undefined && !Token.isUnresolved(region) && !Token.isUnresolved(stack.region) && region !== stack.region;
  const otherAccount = account !== undefined && !Token.isUnresolved(account) && (Token.isUnresolved(stack.account) || account !== stack.account);
  if (otherRegion && !(use === ResourceUse.GRAPHS && kind.graphsFromOtherRegions)) {
    throw validationError(scope, `${propName} is ${kind.what} in Region ${region}, but this stack deploys to Region ${stack.region}: `
      + `${REGION_BOUND[use]}; cross-account observability shares telemetry within one Region. Monitor it from a `
      + `PlatformMonitoring in ${region}${kind.graphsFromOtherRegions && use !== ResourceUse.GRAPHS
        ? ', or graph it on a dashboard only (ApiPerformanceDashboard / DataPipelineDashboard show other Regions)' : ''}, `
      + 'or remove it here.');
  }
  // Refused only when known to differ (an environment-agnostic stack reads a literal account as a source account's).
  const knownOtherAccount = otherAccount && !Token.isUnresolved(stack.account);
  const otherAccountReason = kind.otherAccountReason ?? OTHER_ACCOUNT[use];
  if (knownOtherAccount && otherAccountReason !== undefined) {
    throw validationError(scope, `${propName} is ${kind.what} of account ${account}, but this stack deploys to account `
      + `${stack.account}: ${otherAccountReason}. ${kind.otherAccountFix(account!)}`);
  }
  return { account: otherAccount ? account : undefined, region: otherRegion ? region : undefined };
}

/** Why another Region is refused, per use. */
const REGION_BOUND: Record<ResourceUse, string> = {
  [ResourceUse.ALARMS]: 'a CloudWatch alarm watches metrics of its own Region only, and an event rule sees events of its own '
    + 'Region only',
  [ResourceUse.EVENTS]: 'AWS services deliver events only to EventBridge in the resource\'s own account and Region, so the event '
    + 'rule here would never see them',
  [ResourceUse.GRAPHS]: 'its graphs are read without a Region, so they would show this Region\'s metrics',
  [ResourceUse.LOGS]: 'its log group and error metric filter would be created here, where its logs are not',
};

/** Why another account is refused, per use (undefined: read through cross-account observability). */
const OTHER_ACCOUNT: Record<ResourceUse, string | undefined> = {
  [ResourceUse.ALARMS]: undefined,
  [ResourceUse.GRAPHS]: undefined,
  [ResourceUse.EVENTS]: 'AWS services deliver events only to EventBridge in the resource\'s own account and Region (a '
    + 'cross-account observability link shares metrics, logs and traces, not events), so the event rule here would never see them',
  [ResourceUse.LOGS]: 'its log group and error metric filter would be created here, where its logs are not',
};

/** The fix for a resource of another account given to `PlatformEvents` alone. */
export function eventsElsewhereFix(list: string): (account: string) => string {
  return (account) => 'Watch its metrics with PlatformAlarms or DataPipelineDashboard (they read source accounts through '
    + `cross-account observability), or capture its events with a PlatformEvents in account ${account} (its ${list}).`;
}
