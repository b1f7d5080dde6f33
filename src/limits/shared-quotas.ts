/**
 * AWS quotas that a template can pass while the deploy still fails: counts across a stack and its
 * nested stacks, and sizes of values inside a resource (event patterns, policies, composite alarm
 * rules, dashboards). Each is checked on the synthesized templates by `TemplateQuotasPlugin`
 * (template-quotas.ts), from the values CloudFormation will send, with every unresolved value
 * (`Ref`, `Fn::GetAtt`, ...) counted at the longest it can be.
 */
export const SHARED_QUOTAS = {
  /**
   * Resources CloudFormation creates, updates or deletes in one stack operation, nested stacks
   * included (AWS CloudFormation User Guide, "Understand CloudFormation quotas",
   * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html).
   */
  resourcesPerStackOperation: 2_500,
  /**
   * Characters of one event pattern ("Event pattern size", default 2,048, adjustable: Amazon
   * EventBridge quotas, https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html).
   */
  eventPatternCharacters: 2_048,
  /**
   * Bytes of a KMS key policy: "Up to 32 kilobytes (32,768 bytes)" (AWS KMS Developer Guide,
   * "Creating a key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html).
   */
  keyPolicyBytes: 32_768,
  /**
   * Bytes of an SNS topic policy: 30 KB (Amazon SNS Developer Guide, "Amazon SNS API permissions:
   * Actions and resources reference", Policy quotas,
   * https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-language-api-permissions-reference.html).
   */
  topicPolicyBytes: 30 * 1_024,
  /**
   * Characters of a composite alarm's rule: "The maximum length is 10240 characters" (CloudWatch
   * API Reference, PutCompositeAlarm `AlarmRule`,
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutCompositeAlarm.html).
   */
  compositeRuleCharacters: 10_240,
  /**
   * Logs Insights query widgets on one dashboard: each runs a query when the dashboard opens, and an
   * account runs at most 30 Logs Insights queries at once, dashboards included (CloudWatch Logs
   * quotas, "Concurrent queries", and StartQuery,
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html,
   * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_StartQuery.html). Some
   * pages now give 100 for Standard-class accounts; 30 is the figure that holds everywhere.
   */
  logsInsightsWidgetsPerDashboard: 30,
} as const;

/** The rule names of the report, one per quota. */
export const SHARED_QUOTA_RULES = {
  resourcesPerStackOperation: 'PlatformMonitoring-StackOperationResources',
  eventPatternCharacters: 'PlatformMonitoring-EventPatternSize',
  keyPolicyBytes: 'PlatformMonitoring-KeyPolicySize',
  topicPolicyBytes: 'PlatformMonitoring-TopicPolicySize',
  compositeRuleCharacters: 'PlatformMonitoring-CompositeAlarmRuleSize',
  logsInsightsWidgetsPerDashboard: 'PlatformMonitoring-LogsInsightsWidgets',
} as const;

/**
 * The longest value a pseudo parameter takes (`aws-us-gov`, `ap-southeast-4`, a 12-digit account,
 * `amazonaws.com.cn`); any other unresolved value counts as `UNKNOWN_LENGTH`.
 */
const PSEUDO_LENGTHS: Record<string, number> = {
  'AWS::Partition': 10, 'AWS::Region': 14, 'AWS::AccountId': 12, 'AWS::URLSuffix': 16, 'AWS::StackName': 128,
};
const UNKNOWN_LENGTH = 128;
/** The alarm-name limit (PutMetricAlarm / PutCompositeAlarm `AlarmName`: 1-255 characters). */
export const MAX_ALARM_NAME_LENGTH = 255;
/** `arn:<partition>:cloudwatch:<region>:<account>:alarm:` at its longest. */
export const ALARM_ARN_PREFIX_LENGTH = 'arn:'.length + 10 + ':cloudwatch:'.length + 14 + 1 + 12 + ':alarm:'.length;

/** A template, as the checks read it. */
export interface CheckedTemplate {
  readonly Resources?: Record<string, { Type: string; Properties?: Record<string, any> }>;
}

/** One finding. */
export interface SharedQuotaFinding {
  readonly quota: keyof typeof SHARED_QUOTAS;
  /** The resource's logical id. */
  readonly logicalId: string;
  readonly description: string;
  readonly fix: string;
}

/**
 * A placeholder `n` characters long: the length an unresolved value takes at deploy at most. No
 * quote or backslash, so it counts as itself inside JSON.
 */
function placeholder(n: number): string {
  return '#'.repeat(n);
}

/**
 * `value` with every intrinsic replaced by a string of the longest value it can take: `Fn::Join`
 * joins, pseudo parameters take their longest value, an alarm's `Arn` in the same template is built
 * from its name, and anything else takes `unknown` characters.
 */
export function renderForLength(value: any, template: CheckedTemplate, unknown = UNKNOWN_LENGTH): any {
  const r = (v: any): any => renderForLength(v, template, unknown);
  if (Array.isArray(value)) return value.map(r);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
    const [key] = keys;
    const arg = value[key];
    if (key === 'Ref') return placeholder(PSEUDO_LENGTHS[arg] ?? unknown);
    if (key === 'Fn::Join' && Array.isArray(arg) && Array.isArray(arg[1])) {
      return (arg[1] as any[]).map((p) => asText(r(p), unknown)).join(String(arg[0]));
    }
    if (key === 'Fn::Sub' && typeof arg === 'string') return arg.replace(/\$\{[^}]*\}/g, placeholder(unknown));
    if (key === 'Fn::GetAtt' && Array.isArray(arg) && arg[1] === 'Arn') {
      const target = template.Resources?.[arg[0]];
      const name = target?.Properties?.AlarmName;
      if (target && /^AWS::CloudWatch::(Composite)?Alarm$/.test(target.Type) && name !== undefined) {
        return placeholder(ALARM_ARN_PREFIX_LENGTH) + asText(r(name), unknown);
      }
    }
    return placeholder(unknown);
  }
  return Object.fromEntries(keys.map((k) => [k, r(value[k])]));
}

function asText(v: any, unknown: number): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : placeholder(unknown);
}

/** The resource policies whose size has a quota: where the document is, its limit and the usual fix. */
const POLICY_QUOTAS: { [type: string]: { property: string; quota: 'keyPolicyBytes' | 'topicPolicyBytes'; label: string; service: string; fix: string } } = {
  'AWS::KMS::Key': {
    property: 'KeyPolicy',
    quota: 'keyPolicyBytes',
    label: 'key policy',
    service: 'AWS KMS',
    // The platform's own statements are a fixed set (source accounts are listed in the topic policy, not here).
    fix: 'Move statements you added to the key policy into IAM policies of the principals (the key policy lets the account\'s '
      + 'IAM policies use the key), or use a key of your own (encryptionKey) for those principals.',
  },
  'AWS::SNS::TopicPolicy': {
    property: 'PolicyDocument',
    quota: 'topicPolicyBytes',
    label: 'topic policy',
    service: 'Amazon SNS',
    fix: 'List fewer source accounts (a long list of accounts in a condition is the usual cause): scope the statements to your '
      + 'organization (crossAccountAlerts.alarmSourceOrganizationId, aws:SourceOrgID) instead of each account, or split the '
      + 'accounts across platforms.',
  },
};

/** The checks of one template's resources against the size quotas of `SHARED_QUOTAS`. */
export function checkResourceSizes(template: CheckedTemplate, stackPath: string): SharedQuotaFinding[] {
  const findings: SharedQuotaFinding[] = [];
  const fmt = (n: number) => n.toLocaleString('en-US');
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const p = resource.Properties ?? {};
    const where = `${resource.Type} ${logicalId} in stack '${stackPath}'`;
    if (resource.Type === 'AWS::Events::Rule' && p.EventPattern !== undefined) {
      const pattern = typeof p.EventPattern === 'string' ? p.EventPattern : JSON.stringify(renderForLength(p.EventPattern, template));
      if (pattern.length > SHARED_QUOTAS.eventPatternCharacters) {
        findings.push({
          quota: 'eventPatternCharacters',
          logicalId,
          description: `The event pattern of ${where} is ${fmt(pattern.length)} characters; EventBridge accepts at most `
            + `${fmt(SHARED_QUOTAS.eventPatternCharacters)} (its default quota), so the deploy would fail.`,
          fix: 'List fewer resources in the rule (split them across several rules of at most about 40 names each), match a common '
            + 'prefix instead of each name, or raise the "Event pattern size" quota in Service Quotas (up to 4,096) before deploying.',
        });
      }
    }
    const policy = POLICY_QUOTAS[resource.Type];
    if (policy && p[policy.property] !== undefined) {
      const bytes = Buffer.byteLength(JSON.stringify(renderForLength(p[policy.property], template)));
      const limit = SHARED_QUOTAS[policy.quota];
      if (bytes > limit) {
        findings.push({
          quota: policy.quota,
          logicalId,
          description: `The ${policy.label} of ${where} is ${fmt(bytes)} bytes; ${policy.service} accepts at most ${fmt(limit)}, `
            + 'so the deploy would fail.',
          fix: policy.fix,
        });
      }
    }
    if (resource.Type === 'AWS::CloudWatch::CompositeAlarm' && p.AlarmRule !== undefined) {
      // An alarm of another template (a nested stack's output) counts at its longest: a 255-character name.
      const rule = asText(renderForLength(p.AlarmRule, template, ALARM_ARN_PREFIX_LENGTH + MAX_ALARM_NAME_LENGTH), UNKNOWN_LENGTH);
      if (rule.length > SHARED_QUOTAS.compositeRuleCharacters) {
        findings.push({
          quota: 'compositeRuleCharacters',
          logicalId,
          description: `The rule of ${where} is ${fmt(rule.length)} characters (an alarm whose name is not in the template counted at `
            + `${MAX_ALARM_NAME_LENGTH} characters); CloudWatch accepts at most ${fmt(SHARED_QUOTAS.compositeRuleCharacters)}, so the deploy would fail.`,
          fix: 'Give the composite fewer inputs: nest composites of at most 30 alarms each under it, or use shorter alarm names.',
        });
      }
    }
    if (resource.Type === 'AWS::CloudWatch::Dashboard' && p.DashboardBody !== undefined) {
      const body = asText(renderForLength(p.DashboardBody, template), UNKNOWN_LENGTH);
      const widgets = (body.match(/"type":"log"/g) ?? []).length;
      if (widgets > SHARED_QUOTAS.logsInsightsWidgetsPerDashboard) {
        findings.push({
          quota: 'logsInsightsWidgetsPerDashboard',
          logicalId,
          description: `The dashboard ${where} has ${widgets} Logs Insights query widgets; an account runs at most `
            + `${SHARED_QUOTAS.logsInsightsWidgetsPerDashboard} Logs Insights queries at once, so opening it would fail some of its queries.`,
          fix: 'Split the dashboard into parts with fewer query widgets each (dashboards.firstPartMaxMetrics, or fewer log groups per '
            + 'dashboard), or query several log groups per widget.',
        });
      }
    }
  }
  return findings;
}

/** The finding for a stack operation of `resources` resources over the quota, or none. */
export function checkStackOperation(stackPath: string, resources: number, nestedStacks: number): SharedQuotaFinding[] {
  if (resources <= SHARED_QUOTAS.resourcesPerStackOperation) return [];
  const fmt = (n: number) => n.toLocaleString('en-US');
  return [{
    quota: 'resourcesPerStackOperation',
    logicalId: 'Resources',
    description: `Stack '${stackPath}' and its ${nestedStacks} nested stack(s) hold ${fmt(resources)} resources; CloudFormation creates, `
      + `updates or deletes at most ${fmt(SHARED_QUOTAS.resourcesPerStackOperation)} in one stack operation (nested stacks included), `
      + 'so the deploy would fail.',
    fix: 'Monitor functions that already have their log groups (logging.lambdaLogGroupMode: ServiceLogGroupMode.USE_EXISTING) so the '
      + 'platform creates none, define the functions in stacks of their own with an explicit functionName (their log groups then go '
      + 'with them: LogGroupPlacement.FUNCTION_STACK, the default), set alarms.lambdaAlarmsAccountWide: true (two alarms instead '
      + 'of two per 10 functions), move resources '
      + 'of your own out of this stack, or split the monitored resources across two PlatformMonitoring constructs in separate '
      + 'top-level stacks.',
  }];
}
