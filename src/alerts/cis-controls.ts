/**
 * The CIS AWS Foundations Benchmark monitoring controls (section "Monitoring", 4.1-4.15 in v1.4+ /
 * 3.x numbering), each a metric filter on the CloudTrail log group and an alarm.
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

/** A control's filter pattern, metric name and wording. Not exported from the package. */
export interface CisControlDefinition {
  readonly control: CisControl;
  readonly number: string;
  readonly title: string;
  readonly metricName: string;
  readonly filterPattern: string;
}

const anyEventName = (names: string[]) => names.map((n) => `($.eventName = ${n})`).join(' || ');

/** The filter patterns of the CIS benchmark, in control order. */
export const CIS_CONTROLS: readonly CisControlDefinition[] = [
  {
    control: CisControl.UNAUTHORIZED_API_CALLS,
    number: '4.1',
    title: 'Unauthorized API calls',
    metricName: 'Security.UnauthorizedApiCalls',
    filterPattern: '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && '
      + '($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
  },
  {
    control: CisControl.CONSOLE_SIGN_IN_WITHOUT_MFA,
    number: '4.2',
    title: 'Console sign-in without MFA',
    metricName: 'Security.ConsoleSignInWithoutMfa',
    filterPattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && '
      + '($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  },
  {
    control: CisControl.ROOT_ACCOUNT_USAGE,
    number: '4.3',
    title: 'Root account usage',
    metricName: 'Security.RootAccountUsage',
    filterPattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  },
  {
    control: CisControl.IAM_POLICY_CHANGES,
    number: '4.4',
    title: 'IAM policy changes',
    metricName: 'Security.IamPolicyChanges',
    filterPattern: `{ ${anyEventName(['DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy',
      'PutUserPolicy', 'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy',
      'DetachRolePolicy', 'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy'])} }`,
  },
  {
    control: CisControl.CLOUDTRAIL_CONFIG_CHANGES,
    number: '4.5',
    title: 'CloudTrail configuration changes',
    metricName: 'Security.CloudTrailConfigChanges',
    filterPattern: `{ ${anyEventName(['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'])} }`,
  },
  {
    control: CisControl.CONSOLE_AUTH_FAILURES,
    number: '4.6',
    title: 'Console authentication failures',
    metricName: 'Security.ConsoleAuthFailures',
    filterPattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
  },
  {
    control: CisControl.KMS_KEY_DISABLE_OR_DELETION,
    number: '4.7',
    title: 'KMS key disabled or scheduled for deletion',
    metricName: 'Security.KmsKeyDisableOrDeletion',
    filterPattern: '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }',
  },
  {
    control: CisControl.S3_BUCKET_POLICY_CHANGES,
    number: '4.8',
    title: 'S3 bucket policy changes',
    metricName: 'Security.S3BucketPolicyChanges',
    filterPattern: `{ ($.eventSource = s3.amazonaws.com) && (${anyEventName(['PutBucketAcl', 'PutBucketPolicy', 'PutBucketCors',
      'PutBucketLifecycle', 'PutBucketReplication', 'DeleteBucketPolicy', 'DeleteBucketCors', 'DeleteBucketLifecycle',
      'DeleteBucketReplication'])}) }`,
  },
  {
    control: CisControl.AWS_CONFIG_CHANGES,
    number: '4.9',
    title: 'AWS Config changes',
    metricName: 'Security.AwsConfigChanges',
    filterPattern: `{ ($.eventSource = config.amazonaws.com) && (${anyEventName(['StopConfigurationRecorder', 'DeleteDeliveryChannel',
      'PutDeliveryChannel', 'PutConfigurationRecorder'])}) }`,
  },
  {
    control: CisControl.SECURITY_GROUP_CHANGES,
    number: '4.10',
    title: 'Security group changes',
    metricName: 'Security.SecurityGroupChanges',
    filterPattern: `{ ${anyEventName(['AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress',
      'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup'])} }`,
  },
  {
    control: CisControl.NACL_CHANGES,
    number: '4.11',
    title: 'Network ACL changes',
    metricName: 'Security.NaclChanges',
    filterPattern: `{ ${anyEventName(['CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry',
      'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation'])} }`,
  },
  {
    control: CisControl.NETWORK_GATEWAY_CHANGES,
    number: '4.12',
    title: 'Network gateway changes',
    metricName: 'Security.NetworkGatewayChanges',
    filterPattern: `{ ${anyEventName(['CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway',
      'DeleteInternetGateway', 'DetachInternetGateway'])} }`,
  },
  {
    control: CisControl.ROUTE_TABLE_CHANGES,
    number: '4.13',
    title: 'Route table changes',
    metricName: 'Security.RouteTableChanges',
    filterPattern: `{ ($.eventSource = ec2.amazonaws.com) && (${anyEventName(['CreateRoute', 'CreateRouteTable', 'ReplaceRoute',
      'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable'])}) }`,
  },
  {
    control: CisControl.VPC_CHANGES,
    number: '4.14',
    title: 'VPC changes',
    metricName: 'Security.VpcChanges',
    filterPattern: `{ ${anyEventName(['CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection',
      'CreateVpcPeeringConnection', 'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection', 'AttachClassicLinkVpc',
      'DetachClassicLinkVpc', 'DisableVpcClassicLink', 'EnableVpcClassicLink'])} }`,
  },
  {
    control: CisControl.ORGANIZATIONS_CHANGES,
    number: '4.15',
    title: 'AWS Organizations changes',
    metricName: 'Security.OrganizationsChanges',
    filterPattern: `{ ($.eventSource = organizations.amazonaws.com) && (${anyEventName(['"AcceptHandshake"', '"AttachPolicy"',
      '"CreateAccount"', '"CreateOrganizationalUnit"', '"CreatePolicy"', '"DeclineHandshake"', '"DeleteOrganization"',
      '"DeleteOrganizationalUnit"', '"DeletePolicy"', '"DetachPolicy"', '"DisablePolicyType"', '"EnablePolicyType"',
      '"InviteAccountToOrganization"', '"LeaveOrganization"', '"MoveAccount"', '"RemoveAccountFromOrganization"',
      '"UpdatePolicy"', '"UpdateOrganizationalUnit"'])}) }`,
  },
];
