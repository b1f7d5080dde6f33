import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * What several stacks of one app share once deployed, checked over the whole app at synth: physical
 * names in their scope, trails per Region and CloudWatch Logs resource policies per account and
 * Region. Each stack can pass every per-template check and still fail where it meets the account.
 *
 * Only resources of this app are seen: trails, policies and names that exist in the account already
 * count too, and the messages say so.
 */

/** At most 5 trails per Region; a multi-Region trail counts in every Region ("Quotas in AWS CloudTrail"). */
export const MAX_TRAILS_PER_REGION = 5;
/**
 * At most 10 account-level CloudWatch Logs resource policies per account and Region, not adjustable
 * ("CloudWatch Logs quotas"; API_PutResourcePolicy: "An account can have a maximum of 10 policies
 * without resourceARN and one per LogGroup resourceARN"). `AWS::Logs::ResourcePolicy` has no
 * resource ARN, so each one counts; a log group's own `ResourcePolicyDocument` does not.
 */
export const MAX_LOGS_RESOURCE_POLICIES = 10;

/** Where a physical name must be unique. */
enum NameScope {
  /** S3 bucket names: every account of the partition ("General purpose bucket naming rules"). */
  PARTITION = 'AWS (bucket names are global)',
  /**
   * One account, every Region: CloudWatch dashboards (a dashboard is global to the account; "Using
   * Amazon CloudWatch dashboards") and multi-Region trails (the trail exists in every Region under
   * one name; AWS CloudTrail User Guide, "Creating a trail").
   */
  ACCOUNT = 'account',
  /** One account and Region: log groups, topics, alarms, KMS aliases, single-Region trails. */
  REGION = 'account and Region',
}

/** The resource types with a name AWS makes unique, the property holding it, and its scope. */
const NAMED_TYPES: { [type: string]: { prop: string; scope: NameScope; label: string } } = {
  'AWS::S3::Bucket': { prop: 'bucketName', scope: NameScope.PARTITION, label: 'bucket' },
  'AWS::CloudWatch::Dashboard': { prop: 'dashboardName', scope: NameScope.ACCOUNT, label: 'dashboard' },
  'AWS::CloudTrail::Trail': { prop: 'trailName', scope: NameScope.REGION, label: 'trail' },
  'AWS::Logs::LogGroup': { prop: 'logGroupName', scope: NameScope.REGION, label: 'log group' },
  'AWS::SNS::Topic': { prop: 'topicName', scope: NameScope.REGION, label: 'topic' },
  'AWS::CloudWatch::Alarm': { prop: 'alarmName', scope: NameScope.REGION, label: 'alarm' },
  'AWS::CloudWatch::CompositeAlarm': { prop: 'alarmName', scope: NameScope.REGION, label: 'alarm' },
  'AWS::KMS::Alias': { prop: 'aliasName', scope: NameScope.REGION, label: 'KMS alias' },
  'AWS::Logs::ResourcePolicy': { prop: 'policyName', scope: NameScope.REGION, label: 'CloudWatch Logs resource policy' },
  // AWS Chatbot: configuration names are unique per account (API_SlackChannelConfiguration).
  'AWS::Chatbot::SlackChannelConfiguration': { prop: 'configurationName', scope: NameScope.ACCOUNT, label: 'AWS Chatbot configuration' },
  'AWS::Chatbot::MicrosoftTeamsChannelConfiguration': { prop: 'configurationName', scope: NameScope.ACCOUNT, label: 'AWS Chatbot configuration' },
};

const CHECKED_ROOTS = new WeakSet<IConstruct>();

/**
 * Registers the app-wide check once per app (the root construct), whatever the number of platforms.
 * It runs when the app synthesizes, after every construct is added.
 */
export function checkEstate(scope: IConstruct): void {
  const root = scope.node.root;
  if (CHECKED_ROOTS.has(root)) return;
  CHECKED_ROOTS.add(root);
  root.node.addValidation({ validate: () => estateProblems(root) });
}

interface Seen {
  readonly path: string;
  readonly label: string;
}

/** Every problem of the app, one message each. Exported for tests. */
export function estateProblems(root: IConstruct): string[] {
  const problems: string[] = [];
  const names = new Map<string, Seen[]>();
  const multiRegionTrails = new Map<string, string[]>(); // account -> paths
  const regionalTrails = new Map<string, string[]>(); // account|region -> paths
  const logsPolicies = new Map<string, string[]>(); // account|region -> paths
  const chatChannels = new Map<string, string[]>(); // account|channel -> paths

  for (const c of root.node.findAll()) {
    if (!CfnResource.isCfnResource(c)) continue;
    const spec = NAMED_TYPES[c.cfnResourceType];
    if (!spec) continue;
    const stack = Stack.of(c);
    const account = Token.isUnresolved(stack.account) ? '<the deploy account>' : stack.account;
    const region = Token.isUnresolved(stack.region) ? '<the deploy Region>' : stack.region;
    // Only the properties read below are resolved (resolving every alarm's metric is most of the cost).
    const cfnProperties = (c as any).cfnProperties ?? {};
    const prop = (key: string) => stack.resolve(cfnProperties[key]);
    const path = c.node.path;

    if (c.cfnResourceType === 'AWS::CloudTrail::Trail') {
      const multi = prop('isMultiRegionTrail') === true;
      push(multi ? multiRegionTrails : regionalTrails, multi ? account : `${account}|${region}`, path);
    }
    if (c.cfnResourceType === 'AWS::Logs::ResourcePolicy') push(logsPolicies, `${account}|${region}`, path);
    const slackChannelId = c.cfnResourceType === 'AWS::Chatbot::SlackChannelConfiguration' ? prop('slackChannelId') : undefined;
    if (typeof slackChannelId === 'string') {
      push(chatChannels, `${account}|Slack channel ${slackChannelId}`, path);
    }
    const teamsChannelId = c.cfnResourceType === 'AWS::Chatbot::MicrosoftTeamsChannelConfiguration' ? prop('teamsChannelId') : undefined;
    if (typeof teamsChannelId === 'string') {
      push(chatChannels, `${account}|Microsoft Teams channel ${teamsChannelId}`, path);
    }

    const name = prop(spec.prop);
    if (typeof name !== 'string') continue; // generated or unresolved: unique by construction
    const multiRegionTrail = c.cfnResourceType === 'AWS::CloudTrail::Trail' && prop('isMultiRegionTrail') === true;
    const scope = multiRegionTrail ? NameScope.ACCOUNT : spec.scope;
    const key = scope === NameScope.PARTITION ? `${spec.label}|${name}`
      : scope === NameScope.ACCOUNT ? `${spec.label}|${account}|${name}` : `${spec.label}|${account}|${region}|${name}`;
    const seen = names.get(key) ?? [];
    seen.push({ path, label: spec.label });
    names.set(key, seen);
    if (seen.length === 2) {
      const where = scope === NameScope.PARTITION ? 'in all of AWS'
        : scope === NameScope.ACCOUNT ? `in account ${account} (every Region)` : `in account ${account}, Region ${region}`;
      problems.push(`The ${spec.label} name "${name}" is created twice, by ${seen[0].path} and ${path}: it must be unique `
        + `${where}, so the second deploy fails with "already exists". ${collisionFix(spec.label, scope)}`);
    }
  }

  for (const [key, paths] of chatChannels) {
    if (paths.length < 2) continue;
    const [account, channel] = key.split('|');
    problems.push(`The ${channel} has ${paths.length} AWS Chatbot configurations in account ${account} (${paths.join(', ')}): `
      + 'AWS Chatbot accepts one configuration per channel in an account. Give each platform its own channel, or configure '
      + 'the channel in one platform only and name its configuration ARN in the others\' recipients.existingChatChannels '
      + '(the configuring platform lists their topics in the channel\'s additionalTopicArns).');
  }

  const trailProblem = (count: number, account: string, where: string, paths: string[]) => problems.push(
    `${count} trails would exist in account ${account}, ${where} (${paths.join(', ')}), but CloudTrail allows at most `
    + `${MAX_TRAILS_PER_REGION} per Region, a multi-Region trail counting in every Region (and trails that exist in the `
    + 'account count too). Let the platforms read one trail: set audit.existingTrailLogGroup to the log group of a trail '
    + 'that exists (e.g. the first platform\'s), so the others create none.');
  for (const [account, multi] of multiRegionTrails) {
    if (multi.length > MAX_TRAILS_PER_REGION) trailProblem(multi.length, account, 'every Region', multi);
  }
  for (const [key, regional] of regionalTrails) {
    const [account, region] = key.split('|');
    const multi = multiRegionTrails.get(account) ?? [];
    const paths = [...multi, ...regional];
    if (paths.length > MAX_TRAILS_PER_REGION) trailProblem(paths.length, account, `Region ${region}`, paths);
  }

  for (const [key, paths] of logsPolicies) {
    if (paths.length <= MAX_LOGS_RESOURCE_POLICIES) continue;
    const [account, region] = key.split('|');
    problems.push(`${paths.length} CloudWatch Logs resource policies would exist in account ${account}, Region ${region} `
      + `(${paths.join(', ')}), but CloudWatch Logs allows at most ${MAX_LOGS_RESOURCE_POLICIES} per account and Region (not `
      + 'adjustable; policies that exist in the account count too). The platforms of an account and Region share one '
      + '(platform-monitoring-events-to-logs, EventBridge delivery to their events log groups) unless '
      + 'alarms.eventsDeliveryPolicy is EventsDeliveryPolicy.PER_LOG_GROUP: use the shared policy, or remove other resource policies.');
  }
  return problems;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  map.set(key, [...map.get(key) ?? [], value]);
}

function collisionFix(label: string, scope: NameScope): string {
  if (label === 'log group') {
    return 'For a service log group shared by the account and Region (such as /aws/batch/job), let one platform create it '
      + 'and set logging.batchLogGroupMode to ServiceLogGroupMode.USE_EXISTING (or another logging.batchLogGroupName) in the others.';
  }
  if (label === 'CloudWatch Logs resource policy') {
    return 'The shared EventBridge delivery policy (platform-monitoring-events-to-logs) is created by one platform of the '
      + 'account and Region: set alarms.eventsDeliveryPolicy to EventsDeliveryPolicy.EXISTING in the others (in an '
      + 'environment-agnostic stack, the platform cannot know which account it shares).';
  }
  if (scope === NameScope.REGION) {
    return 'Give the platforms different projectName or environment values, or deploy them to different accounts or Regions.';
  }
  return 'For the same project and environment in two Regions of one account, set regionInNames: true on the platform of '
    + 'the second Region; otherwise give the platforms different projectName or environment values.';
}
