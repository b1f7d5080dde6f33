import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AlarmOptions, AlarmSeverity, CisControl, DeploymentEnvironment, PlatformAlarms, PlatformMonitoring } from '../../src';
import { severityOf } from '../../src/alarms/alarm-factory';
import { newStack } from '../nag-helpers';

// Every alarm family switched as a whole is an object with `enabled` (securityAlarms, platformHealth,
// mlAnomalyAlarms), beside its other options; the defaults are those of the booleans it replaces.

const any = (v: unknown): any => v;

function platform(alarms: AlarmOptions, environment = DeploymentEnvironment.PROD) {
  const { stack } = newStack();
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', {
    environment,
    projectName: 'shop',
    recipients: { emails: ['ops@example.com'] },
    alarms,
    lambdaFunctions: [lambda.Function.fromFunctionName(stack, 'Orders', 'shop-orders')],
  });
  return { monitoring, template: Template.fromStack(stack) };
}

describe('alarms.securityAlarms: { enabled, disabledCisControls, cisBenchmarkVersion, cisControlSeverities }', () => {
  test('enabled defaults to PROD only, and overrides either way', () => {
    expect(platform({}).monitoring.alarms.securityAlarms).toHaveLength(15);
    expect(platform({}, DeploymentEnvironment.DEV).monitoring.alarms.securityAlarms).toHaveLength(0);
    expect(platform({ securityAlarms: { enabled: true } }, DeploymentEnvironment.DEV).monitoring.alarms.securityAlarms).toHaveLength(15);
    const off = platform({ securityAlarms: { enabled: false } });
    expect(off.monitoring.alarms.securityAlarms).toHaveLength(0);
    expect(Object.values(off.template.findResources('AWS::Logs::MetricFilter'))
      .filter((f: any) => f.Properties.MetricTransformations[0].MetricName.startsWith('Security.'))).toHaveLength(0);
  });

  test('its CIS options apply: a control left out, a control\'s severity set', () => {
    const { monitoring } = platform({
      securityAlarms: {
        disabledCisControls: [CisControl.VPC_CHANGES],
        cisControlSeverities: [{ control: CisControl.SECURITY_GROUP_CHANGES, severity: AlarmSeverity.CRITICAL }],
      },
    });
    expect(monitoring.alarms.securityAlarms).toHaveLength(14);
    const byName = new Map(monitoring.alarms.securityAlarms.map((a) => [a.node.id, a]));
    expect([...byName.keys()].filter((k) => /vpc-changes/i.test(k))).toEqual([]);
    const sg = monitoring.alarms.securityAlarms.find((a) => /security-group-changes/i.test(a.node.path))!;
    expect(severityOf(sg)).toBe(AlarmSeverity.CRITICAL);
  });

  test('a bad cisControlSeverities entry is refused under the prop the user wrote', () => {
    expect(() => platform({ securityAlarms: { cisControlSeverities: [{ control: CisControl.VPC_CHANGES } as any] } }))
      .toThrow('alarms.securityAlarms.cisControlSeverities[0] must set both control (a CisControl) and severity (an AlarmSeverity).');
  });

  test('the former boolean is answered with the object to write', () => {
    expect(() => platform({ securityAlarms: any(true) }))
      .toThrow('alarms.securityAlarms is an object of options with an `enabled` switch: write alarms.securityAlarms: { enabled: true }.');
    const { stack } = newStack();
    expect(() => new PlatformAlarms(stack, 'Alarms', { projectName: 'shop', securityAlarms: any(false) }))
      .toThrow('securityAlarms is an object of options with an `enabled` switch: write securityAlarms: { enabled: false }.');
  });
});

describe('alarms.platformHealth: { enabled, actions }', () => {
  const composites = (t: Template) => Object.keys(t.findResources('AWS::CloudWatch::CompositeAlarm'));

  test('created by default, gone with enabled: false', () => {
    const on = platform({});
    expect(on.monitoring.alarms.platformHealthAlarm).toBeDefined();
    expect(composites(on.template)).toHaveLength(1);
    const off = platform({ platformHealth: { enabled: false } });
    expect(off.monitoring.alarms.platformHealthAlarm).toBeUndefined();
    expect(composites(off.template)).toEqual([]);
  });

  test('the former boolean, and actions that are not a list, are refused naming the prop', () => {
    expect(() => platform({ platformHealth: any(false) }))
      .toThrow('alarms.platformHealth is an object of options with an `enabled` switch: write alarms.platformHealth: { enabled: false }.');
    expect(() => platform({ platformHealth: { actions: any('pager') } })).toThrow(/^alarms\.platformHealth\.actions must be a list; got "pager"/);
    const { stack } = newStack();
    const group = new logs.LogGroup(stack, 'Trail');
    expect(() => new PlatformAlarms(stack, 'Alarms', { projectName: 'shop', trailLogGroup: group, platformHealth: { actions: any('pager') } }))
      .toThrow(/^platformHealth\.actions must be a list; got "pager"/);
  });
});
