import { IConstruct } from 'constructs';
import { AccountRegionRegistry, AgnosticStacks } from '../private/account-region-registry';

/**
 * How EventBridge is allowed to write state-change events to the platform events log group.
 *
 * EventBridge writes to a CloudWatch Logs group only if a CloudWatch Logs resource policy lets
 * `events.amazonaws.com` call `logs:CreateLogStream` and `logs:PutLogEvents` on it (Amazon
 * EventBridge User Guide, "Using resource-based policies for Amazon EventBridge", CloudWatch Logs
 * permissions). An account holds at most 10 account-level resource policies per Region, not
 * adjustable (CloudWatch Logs API Reference, PutResourcePolicy: "An account can have a maximum of
 * 10 policies without resourceARN and one per LogGroup resourceARN"; "CloudWatch Logs quotas").
 *
 * A policy scoped to one log group (`resourceArn`, or the `ResourcePolicyDocument` of
 * `AWS::Logs::LogGroup`) would not count toward the 10, but the EventBridge User Guide documents
 * only account-level policies for its CloudWatch Logs targets and says nothing of group-scoped
 * ones, and a policy EventBridge ignored would drop every event without an error: the platform
 * therefore shares one account-level policy per account and Region.
 */
export enum EventsDeliveryPolicy {
  /**
   * One account-level policy, `platform-monitoring-events-to-logs`, shared by every platform of the
   * account and Region: it covers every group named `/aws/events/<name>/platform`. The app's first
   * platform in an account and Region creates it; the app's other platforms there use it (their
   * stacks deploy after the creator's). If another CDK app created it already, use `EXISTING`.
   */
  SHARED = 'shared',

  /**
   * The shared policy `platform-monitoring-events-to-logs` exists already in the account and Region
   * (another CDK app, or a platform deployed before, created it): create none. It must exist at
   * deploy and stay while this platform runs; without it no event reaches the log group.
   */
  EXISTING = 'existing',

  /**
   * An account-level policy of this platform's own, `<project>-<env>-events-to-logs`, covering only
   * its events log group: one of the 10 per account and Region for each platform. The only choice
   * for a log group not named `/aws/events/<name>/platform`.
   */
  PER_LOG_GROUP = 'per-log-group',
}

/** The shared policy's name: the same in every app, so an account and Region hold one. */
export const SHARED_EVENTS_POLICY_NAME = 'platform-monitoring-events-to-logs';

/** The log-group names the shared policy covers (`*` matches any characters, `/` included). */
export const SHARED_EVENTS_GROUP_PATTERN = '/aws/events/*/platform';

/** Whether a literal log-group name is covered by the shared policy. */
export function coveredBySharedPolicy(logGroupName: string): boolean {
  return /^\/aws\/events\/.+\/platform$/.test(logGroupName);
}

/**
 * The shared policy created by a platform of this app, by account and Region. An environment-agnostic
 * stack may deploy anywhere, so it shares with no other stack (two such platforms each create the
 * policy, and the app-wide check reports the duplicate name at synth, instead of one silently relying
 * on a policy of another account).
 */
export const SHARED_EVENTS_POLICIES = new AccountRegionRegistry<IConstruct>(AgnosticStacks.OWN_STACK);
