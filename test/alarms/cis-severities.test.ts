import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AlarmSeverity, CisControl, SecurityAlarms } from '../../src';
import { severityOf } from '../../src/alarms/alarm-factory';
import { CIS_DEFAULT_SEVERITIES } from '../../src/alarms/cis-controls';
import { newStack } from '../nag-helpers';

// With a pager on CRITICAL, a CRITICAL security-group or route-table alarm pages on every network
// deploy. Each control's severity is settable; the defaults: CRITICAL for root usage, sign-in
// without MFA, CloudTrail / Config / KMS / Organizations changes; WARNING for the rest.

function security(extra: object = {}) {
  const { stack } = newStack();
  const group = new logs.LogGroup(stack, 'Trail', { logGroupName: '/aws/cloudtrail/shop' });
  const alarms = new SecurityAlarms(stack, 'Security', { projectName: 'shop', trailLogGroup: group, ...extra });
  const descriptions = new Map<string, string>(Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm'))
    .map((r: any) => [r.Properties.AlarmName, JSON.stringify(r.Properties.AlarmDescription)]));
  return { alarms, descriptions };
}

const CRITICAL_BY_DEFAULT = [CisControl.ROOT_ACCOUNT_USAGE, CisControl.CONSOLE_SIGN_IN_WITHOUT_MFA, CisControl.CLOUDTRAIL_CONFIG_CHANGES,
  CisControl.AWS_CONFIG_CHANGES, CisControl.KMS_KEY_DISABLE_OR_DELETION, CisControl.ORGANIZATIONS_CHANGES].sort();

test('default severities: six controls CRITICAL, the other nine WARNING, in the alarm and its description', () => {
  const { alarms, descriptions } = security();
  const critical = Object.entries(alarms.alarmsByControl).filter(([, a]) => severityOf(a) === AlarmSeverity.CRITICAL).map(([c]) => c).sort();
  expect(critical).toEqual(CRITICAL_BY_DEFAULT);
  expect(Object.keys(alarms.alarmsByControl)).toHaveLength(15);
  for (const [control, alarm] of Object.entries(alarms.alarmsByControl)) {
    expect(severityOf(alarm)).toBe(CIS_DEFAULT_SEVERITIES[control]);
    expect(descriptions.get(`shop-prod-cis-${control}`)).toContain(`"[${CIS_DEFAULT_SEVERITIES[control]}] CIS v1.2.0`);
  }
  expect(severityOf(alarms.alarmsByControl[CisControl.SECURITY_GROUP_CHANGES])).toBe(AlarmSeverity.WARNING);
});

test('cisControlSeverities sets one control\'s severity, the others keep their defaults', () => {
  const { alarms, descriptions } = security({
    cisControlSeverities: [
      { control: CisControl.SECURITY_GROUP_CHANGES, severity: AlarmSeverity.CRITICAL },
      { control: CisControl.ROOT_ACCOUNT_USAGE, severity: AlarmSeverity.WARNING },
    ],
  });
  expect(severityOf(alarms.alarmsByControl[CisControl.SECURITY_GROUP_CHANGES])).toBe(AlarmSeverity.CRITICAL);
  expect(severityOf(alarms.alarmsByControl[CisControl.ROOT_ACCOUNT_USAGE])).toBe(AlarmSeverity.WARNING);
  expect(severityOf(alarms.alarmsByControl[CisControl.VPC_CHANGES])).toBe(AlarmSeverity.WARNING);
  expect(descriptions.get('shop-prod-cis-security-group-changes')).toContain('"[CRITICAL] CIS v1.2.0 3.10 Security group changes');
});

test('bad cisControlSeverities fail at synth with the prop named', () => {
  expect(() => security({ cisControlSeverities: [{ control: 'vpc', severity: AlarmSeverity.WARNING }] }))
    .toThrow(/^cisControlSeverities\[0\]\.control is "vpc", which is not a CisControl: use one of CisControl\.UNAUTHORIZED_API_CALLS, /);
  expect(() => security({ cisControlSeverities: [{ control: CisControl.VPC_CHANGES }] }))
    .toThrow('cisControlSeverities[0] must set both control (a CisControl) and severity (an AlarmSeverity).');
  expect(() => security({
    cisControlSeverities: [
      { control: CisControl.VPC_CHANGES, severity: AlarmSeverity.WARNING },
      { control: CisControl.VPC_CHANGES, severity: AlarmSeverity.CRITICAL },
    ],
  })).toThrow('cisControlSeverities sets the severity of vpc-changes more than once: keep one entry per control.');
});
