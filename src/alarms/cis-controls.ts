import { AlarmSeverity } from '../notifications/alarm-severity';

/**
 * The CIS AWS Foundations Benchmark monitoring controls (section "Monitoring": 3.1-3.14 in v1.2.0,
 * 4.1-4.15 in v1.4.0), each a metric filter on the CloudTrail log group and an alarm. Member names
 * follow the v1.4.0 numbering.
 */
export enum CisControl {
  /** 4.1 Unauthorized API calls. */
  UNAUTHORIZED_API_CALLS = 'unauthorized-api-calls',
  /** 4.2 Management console sign-in without MFA. */
  CONSOLE_SIGN_IN_WITHOUT_MFA = 'console-signin-without-mfa',
  /** 4.3 Usage of the root account. */
  ROOT_ACCOUNT_USAGE = 'root-account-usage',
  /** 4.4 IAM policy changes. */
  IAM_POLICY_CHANGES = 'iam-policy-changes',
  /** 4.5 CloudTrail configuration changes. */
  CLOUDTRAIL_CONFIG_CHANGES = 'cloudtrail-config-changes',
  /** 4.6 Management console authentication failures. */
  CONSOLE_AUTH_FAILURES = 'console-auth-failures',
  /** 4.7 Disabling or scheduled deletion of customer-managed KMS keys. */
  KMS_KEY_DISABLE_OR_DELETION = 'kms-key-disable-or-deletion',
  /** 4.8 S3 bucket policy changes. */
  S3_BUCKET_POLICY_CHANGES = 's3-bucket-policy-changes',
  /** 4.9 AWS Config configuration changes. */
  AWS_CONFIG_CHANGES = 'aws-config-changes',
  /** 4.10 Security group changes. */
  SECURITY_GROUP_CHANGES = 'security-group-changes',
  /** 4.11 Network ACL changes. */
  NACL_CHANGES = 'nacl-changes',
  /** 4.12 Network gateway changes. */
  NETWORK_GATEWAY_CHANGES = 'network-gateway-changes',
  /** 4.13 Route table changes. */
  ROUTE_TABLE_CHANGES = 'route-table-changes',
  /** 4.14 VPC changes. */
  VPC_CHANGES = 'vpc-changes',
  /** 4.15 AWS Organizations changes. */
  ORGANIZATIONS_CHANGES = 'organizations-changes',
}

/**
 * Which CIS AWS Foundations Benchmark version the security alarms' filter patterns follow.
 *
 * Security Hub's CloudWatch.1-CloudWatch.14 controls pass only when a trail's log group has a
 * metric filter with exactly the pattern they prescribe: "Additional fields or terms cannot be
 * added to the metric filters" (AWS Security Hub User Guide, "Amazon CloudWatch controls").
 */
export enum CisBenchmarkVersion {
  /**
   * CIS v1.2.0 (controls 3.1-3.14), with every pattern exactly as Security Hub's CloudWatch.1-14
   * controls quote it. These are also the patterns Security Hub checks for the v1.4.0 controls it
   * covers (4.3-4.14), so both Security Hub CIS standards report PASSED. AWS Organizations changes
   * (v1.4.0 4.15, not part of v1.2.0) keep the v1.4.0 pattern.
   */
  V1_2_0 = '1.2.0',
  /**
   * CIS v1.4.0 (controls 4.1-4.15): as V1_2_0, except that 4.1 (unauthorized API calls) also
   * leaves out calls from `delivery.logs.amazonaws.com` and `HeadBucket`, as the benchmark text
   * does. Security Hub's v1.2.0 standard then reports CloudWatch.2 as FAILED; its v1.4.0 standard
   * has no check for 4.1.
   */
  V1_4_0 = '1.4.0',
}

/**
 * The default severity of each control's alarm. AWS Security Hub rates the matching controls
 * (CloudWatch.1-CloudWatch.14) Low (AWS Security Hub User Guide, "Security Hub CSPM controls for
 * Amazon CloudWatch"), a rating of the missing filter, not of the event, so it does not rank them.
 * The split below: CRITICAL for events that are rare in a healthy account and are an attacker's
 * first or covering step (highest-privilege use, sign-in without MFA, turning off or blinding the
 * audit trail, Config or the keys that protect the logs); WARNING for changes every
 * infrastructure-as-code deployment makes (IAM, S3 bucket policies, network) and for noisy
 * failure counters (denied calls, failed console sign-ins), which a security team reviews in
 * working hours. Rationale per control: docs (Alarms and routing, "Security alarm severities").
 */
export const CIS_DEFAULT_SEVERITIES: { readonly [control: string]: AlarmSeverity } = {
  [CisControl.UNAUTHORIZED_API_CALLS]: AlarmSeverity.WARNING,
  [CisControl.CONSOLE_SIGN_IN_WITHOUT_MFA]: AlarmSeverity.CRITICAL,
  [CisControl.ROOT_ACCOUNT_USAGE]: AlarmSeverity.CRITICAL,
  [CisControl.IAM_POLICY_CHANGES]: AlarmSeverity.WARNING,
  [CisControl.CLOUDTRAIL_CONFIG_CHANGES]: AlarmSeverity.CRITICAL,
  [CisControl.CONSOLE_AUTH_FAILURES]: AlarmSeverity.WARNING,
  [CisControl.KMS_KEY_DISABLE_OR_DELETION]: AlarmSeverity.CRITICAL,
  [CisControl.S3_BUCKET_POLICY_CHANGES]: AlarmSeverity.WARNING,
  [CisControl.AWS_CONFIG_CHANGES]: AlarmSeverity.CRITICAL,
  [CisControl.SECURITY_GROUP_CHANGES]: AlarmSeverity.WARNING,
  [CisControl.NACL_CHANGES]: AlarmSeverity.WARNING,
  [CisControl.NETWORK_GATEWAY_CHANGES]: AlarmSeverity.WARNING,
  [CisControl.ROUTE_TABLE_CHANGES]: AlarmSeverity.WARNING,
  [CisControl.VPC_CHANGES]: AlarmSeverity.WARNING,
  [CisControl.ORGANIZATIONS_CHANGES]: AlarmSeverity.CRITICAL,
};

/** A control's filter pattern, metric name and wording per benchmark version. Not exported from the package. */
export interface CisControlDefinition {
  readonly control: CisControl;
  /** The control's number in each version (absent where the version has no such control). */
  readonly numbers: { readonly [version: string]: string | undefined };
  /** The Security Hub control that checks the filter, if any. */
  readonly securityHubControl?: string;
  readonly title: string;
  readonly metricName: string;
  /** The filter pattern in each version. */
  readonly patterns: { readonly [version: string]: string };
}

/** The definition's number and pattern in `version`. Not exported from the package. */
export function cisControlIn(def: CisControlDefinition, version: CisBenchmarkVersion): { number: string; filterPattern: string } {
  const number = def.numbers[version] ?? `${def.numbers[CisBenchmarkVersion.V1_4_0]} (v1.4.0)`;
  return { number, filterPattern: def.patterns[version] };
}

const V1_2 = CisBenchmarkVersion.V1_2_0;
const V1_4 = CisBenchmarkVersion.V1_4_0;
const both = (pattern: string) => ({ [V1_2]: pattern, [V1_4]: pattern });
const nums = (v12: string | undefined, v14: string) => ({ [V1_2]: v12, [V1_4]: v14 });
const anyEventName = (names: string[]) => names.map((n) => `($.eventName=${n})`).join(' || ');

// Every pattern below is copied from the Remediation section of its control in the AWS Security Hub
// User Guide, "Amazon CloudWatch controls" (CloudWatch.1-CloudWatch.14), character for character,
// except where a comment says otherwise. test/alarms/cis-patterns.test.ts holds the documented strings.
/** The filter patterns of the CIS benchmark, in control order. */
export const CIS_CONTROLS: readonly CisControlDefinition[] = [
  {
    control: CisControl.UNAUTHORIZED_API_CALLS,
    numbers: nums('3.1', '4.1'),
    securityHubControl: 'CloudWatch.2',
    title: 'Unauthorized API calls',
    metricName: 'Security.UnauthorizedApiCalls',
    patterns: {
      [V1_2]: '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
      // The CIS v1.4.0 benchmark text (not quoted by AWS documentation): also excludes log delivery and HeadBucket.
      [V1_4]: '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && '
        + '($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
    },
  },
  {
    control: CisControl.CONSOLE_SIGN_IN_WITHOUT_MFA,
    numbers: nums('3.2', '4.2'),
    securityHubControl: 'CloudWatch.3',
    title: 'Console sign-in without MFA',
    metricName: 'Security.ConsoleSignInWithoutMfa',
    patterns: both('{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && '
      + '($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }'),
  },
  {
    control: CisControl.ROOT_ACCOUNT_USAGE,
    numbers: nums('3.3', '4.3'),
    securityHubControl: 'CloudWatch.1',
    title: 'Root account usage',
    metricName: 'Security.RootAccountUsage',
    patterns: both('{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}'),
  },
  {
    control: CisControl.IAM_POLICY_CHANGES,
    numbers: nums('3.4', '4.4'),
    securityHubControl: 'CloudWatch.4',
    title: 'IAM policy changes',
    metricName: 'Security.IamPolicyChanges',
    patterns: both(`{${anyEventName(['DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy',
      'PutUserPolicy', 'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy',
      'DetachRolePolicy', 'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy'])}}`),
  },
  {
    control: CisControl.CLOUDTRAIL_CONFIG_CHANGES,
    numbers: nums('3.5', '4.5'),
    securityHubControl: 'CloudWatch.5',
    title: 'CloudTrail configuration changes',
    metricName: 'Security.CloudTrailConfigChanges',
    patterns: both(`{${anyEventName(['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'])}}`),
  },
  {
    control: CisControl.CONSOLE_AUTH_FAILURES,
    numbers: nums('3.6', '4.6'),
    securityHubControl: 'CloudWatch.6',
    title: 'Console authentication failures',
    metricName: 'Security.ConsoleAuthFailures',
    patterns: both('{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}'),
  },
  {
    control: CisControl.KMS_KEY_DISABLE_OR_DELETION,
    numbers: nums('3.7', '4.7'),
    securityHubControl: 'CloudWatch.7',
    title: 'KMS key disabled or scheduled for deletion',
    metricName: 'Security.KmsKeyDisableOrDeletion',
    patterns: both('{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}'),
  },
  {
    control: CisControl.S3_BUCKET_POLICY_CHANGES,
    numbers: nums('3.8', '4.8'),
    securityHubControl: 'CloudWatch.8',
    title: 'S3 bucket policy changes',
    metricName: 'Security.S3BucketPolicyChanges',
    patterns: both(`{($.eventSource=s3.amazonaws.com) && (${anyEventName(['PutBucketAcl', 'PutBucketPolicy', 'PutBucketCors',
      'PutBucketLifecycle', 'PutBucketReplication', 'DeleteBucketPolicy', 'DeleteBucketCors', 'DeleteBucketLifecycle',
      'DeleteBucketReplication'])})}`),
  },
  {
    control: CisControl.AWS_CONFIG_CHANGES,
    numbers: nums('3.9', '4.9'),
    securityHubControl: 'CloudWatch.9',
    title: 'AWS Config changes',
    metricName: 'Security.AwsConfigChanges',
    patterns: both(`{($.eventSource=config.amazonaws.com) && (${anyEventName(['StopConfigurationRecorder', 'DeleteDeliveryChannel',
      'PutDeliveryChannel', 'PutConfigurationRecorder'])})}`),
  },
  {
    control: CisControl.SECURITY_GROUP_CHANGES,
    numbers: nums('3.10', '4.10'),
    securityHubControl: 'CloudWatch.10',
    title: 'Security group changes',
    metricName: 'Security.SecurityGroupChanges',
    patterns: both(`{${anyEventName(['AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress',
      'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup'])}}`),
  },
  {
    control: CisControl.NACL_CHANGES,
    numbers: nums('3.11', '4.11'),
    securityHubControl: 'CloudWatch.11',
    title: 'Network ACL changes',
    metricName: 'Security.NaclChanges',
    patterns: both(`{${anyEventName(['CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry',
      'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation'])}}`),
  },
  {
    control: CisControl.NETWORK_GATEWAY_CHANGES,
    numbers: nums('3.12', '4.12'),
    securityHubControl: 'CloudWatch.12',
    title: 'Network gateway changes',
    metricName: 'Security.NetworkGatewayChanges',
    patterns: both(`{${anyEventName(['CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway',
      'DeleteInternetGateway', 'DetachInternetGateway'])}}`),
  },
  {
    control: CisControl.ROUTE_TABLE_CHANGES,
    numbers: nums('3.13', '4.13'),
    securityHubControl: 'CloudWatch.13',
    title: 'Route table changes',
    metricName: 'Security.RouteTableChanges',
    // Security Hub checks this pattern for both v1.2.0 3.13 and v1.4.0 4.13: no eventSource term.
    patterns: both(`{${anyEventName(['CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation',
      'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable'])}}`),
  },
  {
    control: CisControl.VPC_CHANGES,
    numbers: nums('3.14', '4.14'),
    securityHubControl: 'CloudWatch.14',
    title: 'VPC changes',
    metricName: 'Security.VpcChanges',
    patterns: both(`{${anyEventName(['CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection',
      'CreateVpcPeeringConnection', 'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection', 'AttachClassicLinkVpc',
      'DetachClassicLinkVpc', 'DisableVpcClassicLink', 'EnableVpcClassicLink'])}}`),
  },
  {
    control: CisControl.ORGANIZATIONS_CHANGES,
    numbers: nums(undefined, '4.15'),
    title: 'AWS Organizations changes',
    metricName: 'Security.OrganizationsChanges',
    // No Security Hub control and no AWS documentation quotes this pattern: it follows the CIS v1.4.0 text.
    patterns: both(`{ ($.eventSource = organizations.amazonaws.com) && (${['"AcceptHandshake"', '"AttachPolicy"',
      '"CreateAccount"', '"CreateOrganizationalUnit"', '"CreatePolicy"', '"DeclineHandshake"', '"DeleteOrganization"',
      '"DeleteOrganizationalUnit"', '"DeletePolicy"', '"DetachPolicy"', '"DisablePolicyType"', '"EnablePolicyType"',
      '"InviteAccountToOrganization"', '"LeaveOrganization"', '"MoveAccount"', '"RemoveAccountFromOrganization"',
      '"UpdatePolicy"', '"UpdateOrganizationalUnit"'].map((n) => `($.eventName = ${n})`).join(' || ')}) }`),
  },
];
