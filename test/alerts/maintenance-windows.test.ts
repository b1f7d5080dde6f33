import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { allOptionsPlatform, assemblyTemplates } from './alarm-fixtures';
import { AlarmSeverity } from '../../src';
import { catalogEntryOf } from '../../src/alarms/alarm-catalog';

const SUNDAY_2AM = cloudwatch.ScheduleExpression.cron({ minute: '0', hour: '2', weekDay: 'SUN' });

/**
 * The alarm names a mute rule targets: `Ref` of an alarm is its name (resolved here from the main
 * stack), nested-stack alarms come through a nested-stack output (kept as is).
 */
function targets(rule: any, resources: { [id: string]: any }): any[] {
  return rule.Properties.MuteTargets.AlarmNames.map((n: any) => (n.Ref ? resources[n.Ref].Properties.AlarmName : n));
}

describe('maintenance windows (alarms.maintenanceWindows) become alarm mute rules', () => {
  test('none by default', () => {
    const { app, stack } = allOptionsPlatform();
    const main = assemblyTemplates(app).find((t) => t.name === stack.stackName)!;
    expect(Object.values(main.resources).filter((r) => r.Type === 'AWS::CloudWatch::AlarmMuteRule')).toHaveLength(0);
  });

  test('a weekly window over warnings only: schedule, duration, name, and exactly the warning alarms', () => {
    const { app, stack, monitoring } = allOptionsPlatform({
      alarms: { maintenanceWindows: [{ name: 'sunday-etl', schedule: SUNDAY_2AM, duration: Duration.hours(2), severities: [AlarmSeverity.WARNING] }] },
    });
    const main = assemblyTemplates(app).find((t) => t.name === stack.stackName)!;
    const rules = Object.values(main.resources).filter((r) => r.Type === 'AWS::CloudWatch::AlarmMuteRule');
    expect(rules).toHaveLength(1);
    expect(rules[0].Properties).toEqual(expect.objectContaining({
      Name: 'shop-prod-mute-sunday-etl',
      Description: 'Maintenance window sunday-etl',
      Rule: { Schedule: { Expression: 'cron(0 2 * * SUN)', Duration: 'PT2H' } },
    }));
    const names = targets(rules[0], main.resources);
    expect(names).toHaveLength(monitoring.platformAlarms.warningAlarms.length);
    const literal = names.filter((n: unknown) => typeof n === 'string') as string[];
    expect(literal.length).toBeGreaterThan(3);
    for (const n of literal) expect({ n, severity: catalogEntryOf(n.replace(/^shop-prod-/, ''))!.severity }).toEqual({ n, severity: AlarmSeverity.WARNING });
    expect(literal).toContain('shop-prod-lambda-throttles');
    expect(literal).not.toContain('shop-prod-lambda-errors');
  });

  test('a one-off window (on demand) over every alarm, with start and expiry', () => {
    const { app, stack, monitoring } = allOptionsPlatform({
      alarms: {
        maintenanceWindows: [{
          name: 'db-upgrade',
          schedule: cloudwatch.ScheduleExpression.at({ year: 2027, month: 1, day: 9, hour: 22, minute: 0 }),
          duration: Duration.hours(4),
          expire: { year: 2027, month: 1, day: 10, hour: 6, minute: 0 },
          description: 'Aurora major version upgrade',
        }],
      },
    });
    const main = assemblyTemplates(app).find((t) => t.name === stack.stackName)!;
    const rule = Object.values(main.resources).find((r) => r.Type === 'AWS::CloudWatch::AlarmMuteRule')!;
    expect(rule.Properties.Rule.Schedule).toEqual({ Expression: 'at(2027-01-09T22:00)', Duration: 'PT4H' });
    expect(rule.Properties.ExpireDate).toEqual('2027-01-10T06:00');
    expect(rule.Properties.Description).toEqual('Aurora major version upgrade');
    const all = monitoring.platformAlarms.criticalAlarms.length + monitoring.platformAlarms.warningAlarms.length;
    expect(targets(rule, main.resources)).toHaveLength(all);
    expect(targets(rule, main.resources)).toContain('shop-prod-cis-root-account-usage');
    expect(targets(rule, main.resources)).not.toContain('shop-prod-platform-health');
  });

  test('bad windows fail at synth with the prop named', () => {
    const w = { schedule: SUNDAY_2AM, duration: Duration.hours(1) };
    expect(() => allOptionsPlatform({ alarms: { maintenanceWindows: [{ ...w, name: 'sunday etl' }] } }))
      .toThrow(/maintenanceWindows\[0\]\.name must be 1-64 letters, digits or "-"/);
    expect(() => allOptionsPlatform({ alarms: { maintenanceWindows: [{ ...w, name: 'a' }, { ...w, name: 'a' }] } }))
      .toThrow(/maintenanceWindows\[1\]\.name "a" is used twice/);
    expect(() => allOptionsPlatform({ alarms: { maintenanceWindows: [{ ...w, name: 'a', duration: Duration.days(16) }] } }))
      .toThrow(/15 days/);
  });
});
