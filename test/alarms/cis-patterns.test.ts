import { Template } from 'aws-cdk-lib/assertions';
import { AlarmOptions, CisBenchmarkVersion, PlatformMonitoring } from '../../src';
import { DeploymentEnvironment } from '../../src/core/environment';
import { newStack } from '../nag-helpers';

// The filter patterns Security Hub's CloudWatch.1-CloudWatch.14 controls check, copied from the
// Remediation section of each control in the AWS Security Hub User Guide, "Amazon CloudWatch
// controls". Security Hub: "This control fails if the exact metric filters prescribed by CIS are not
// used. Additional fields or terms cannot be added to the metric filters." Kept here as literals
// (not imported from src) so a change in src cannot change what the test expects.
const SECURITY_HUB_PATTERNS: { [metricName: string]: [string, string] } = {
  'Security.RootAccountUsage': ['CloudWatch.1',
    '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}'],
  'Security.UnauthorizedApiCalls': ['CloudWatch.2',
    '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}'],
  'Security.ConsoleSignInWithoutMfa': ['CloudWatch.3',
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }'],
  'Security.IamPolicyChanges': ['CloudWatch.4',
    '{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}'],
  'Security.CloudTrailConfigChanges': ['CloudWatch.5',
    '{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}'],
  'Security.ConsoleAuthFailures': ['CloudWatch.6',
    '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}'],
  'Security.KmsKeyDisableOrDeletion': ['CloudWatch.7',
    '{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}'],
  'Security.S3BucketPolicyChanges': ['CloudWatch.8',
    '{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}'],
  'Security.AwsConfigChanges': ['CloudWatch.9',
    '{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}'],
  'Security.SecurityGroupChanges': ['CloudWatch.10',
    '{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}'],
  'Security.NaclChanges': ['CloudWatch.11',
    '{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}'],
  'Security.NetworkGatewayChanges': ['CloudWatch.12',
    '{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}'],
  'Security.RouteTableChanges': ['CloudWatch.13',
    '{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}'],
  'Security.VpcChanges': ['CloudWatch.14',
    '{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}'],
};

// CIS v1.4.0 4.1 as the benchmark text gives it (AWS documentation does not quote this variant).
const CIS_V140_UNAUTHORIZED_API_CALLS = '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && '
  + '($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }';

function securityFilters(alarms: AlarmOptions = {}): { [metricName: string]: string } {
  const { stack } = newStack();
  new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop', alarms });
  const out: { [metricName: string]: string } = {};
  for (const f of Object.values(Template.fromStack(stack).findResources('AWS::Logs::MetricFilter')) as any[]) {
    const name: string = f.Properties.MetricTransformations[0].MetricName;
    if (name.startsWith('Security.')) out[name] = f.Properties.FilterPattern;
  }
  return out;
}

describe('CIS security alarms follow the patterns Security Hub checks', () => {
  test('by default every pattern equals the Security Hub User Guide\'s, character for character', () => {
    const filters = securityFilters();
    for (const [metricName, [control, documented]] of Object.entries(SECURITY_HUB_PATTERNS)) {
      expect({ control, pattern: filters[metricName] }).toEqual({ control, pattern: documented });
    }
    // 15 alarms: the 14 Security Hub checks plus AWS Organizations changes (CIS v1.4.0 4.15).
    expect(Object.keys(filters)).toHaveLength(15);
  });

  test('CisBenchmarkVersion.V1_4_0 changes only 4.1, to the benchmark text', () => {
    const filters = securityFilters({ securityAlarms: { cisBenchmarkVersion: CisBenchmarkVersion.V1_4_0 } });
    expect(filters['Security.UnauthorizedApiCalls']).toBe(CIS_V140_UNAUTHORIZED_API_CALLS);
    for (const [metricName, [control, documented]] of Object.entries(SECURITY_HUB_PATTERNS)) {
      if (metricName === 'Security.UnauthorizedApiCalls') continue;
      expect({ control, pattern: filters[metricName] }).toEqual({ control, pattern: documented });
    }
  });

  test('alarm descriptions name the benchmark version and control number; ids and names do not change', () => {
    for (const [version, number] of [[CisBenchmarkVersion.V1_2_0, '3.13'], [CisBenchmarkVersion.V1_4_0, '4.13']]) {
      const { stack } = newStack();
      new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop', alarms: { securityAlarms: { cisBenchmarkVersion: version as CisBenchmarkVersion } } });
      const alarms = Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm', {
        Properties: { AlarmName: 'shop-prod-cis-route-table-changes' },
      });
      // The logical id and alarm name on main before the version option existed.
      expect(Object.keys(alarms)).toEqual(['MonitoringAlarmsSecuritycisroutetablechanges631BE12E']);
      // The description names the log group (a token), so it is an Fn::Join: look at its text.
      expect(JSON.stringify(Object.values(alarms)[0].Properties.AlarmDescription)).toContain(`CIS v${version} ${number} Route table changes`);
    }
  });

  test('an unknown version from an untyped caller is refused', () => {
    expect(() => securityFilters({ securityAlarms: { cisBenchmarkVersion: '1.5.0' as CisBenchmarkVersion } })).toThrow(
      /alarms\.securityAlarms\.cisBenchmarkVersion is "1.5.0", which is not a CisBenchmarkVersion: use one of CisBenchmarkVersion.V1_2_0, CisBenchmarkVersion.V1_4_0/);
  });
});
