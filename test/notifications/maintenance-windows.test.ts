import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { AlarmSeverity } from '../../src';
import { catalogEntryOf } from '../../src/alarms/alarm-catalog';
import { allOptionsPlatform, assemblyTemplates } from '../alarms/alarm-fixtures';

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
    // The warning alarms, the CIS security alarms (9 of them warnings by default) left out.
    const security = new Set(monitoring.alarms.securityAlarms);
    expect(security.size).toBeGreaterThan(0);
    expect(names).toHaveLength(monitoring.alarms.warningAlarms.filter((a) => !security.has(a)).length);
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
    const all = monitoring.alarms.criticalAlarms.length + monitoring.alarms.warningAlarms.length;
    expect(targets(rule, main.resources)).toHaveLength(all - monitoring.alarms.securityAlarms.length);
    expect(targets(rule, main.resources)).not.toContain('shop-prod-platform-health');
  });

  // A CIS alarm returns to OK within minutes, and an alarm back to OK before the window ends never
  // notifies (CloudWatch User Guide, "Alarm mute rules behaviour"): a root sign-in during a deploy
  // window would never be reported.
  test('a default window mutes no CIS security alarm; a window with includeSecurityAlarms mutes them', () => {
    const window = { schedule: SUNDAY_2AM, duration: Duration.hours(2) };
    const { app, stack, monitoring } = allOptionsPlatform({
      alarms: { maintenanceWindows: [{ ...window, name: 'deploys' }, { ...window, name: 'security-drill', includeSecurityAlarms: true }] },
    });
    const main = assemblyTemplates(app).find((t) => t.name === stack.stackName)!;
    const rules = Object.values(main.resources).filter((r) => r.Type === 'AWS::CloudWatch::AlarmMuteRule');
    const byName = (n: string) => targets(rules.find((r) => r.Properties.Name === n)!, main.resources);
    const cis = monitoring.alarms.securityAlarms.map((a) => main.resources[stack.resolve(a.alarmName).Ref].Properties.AlarmName);
    expect(cis.length).toBeGreaterThanOrEqual(14);
    expect(cis).toContain('shop-prod-cis-root-account-usage');
    expect(byName('shop-prod-mute-deploys').filter((n: unknown) => cis.includes(n))).toEqual([]);
    expect(byName('shop-prod-mute-deploys')).toContain('shop-prod-lambda-errors');
    expect(byName('shop-prod-mute-security-drill')).toEqual(expect.arrayContaining(cis));
    for (const r of rules) expect(targets(r, main.resources)).not.toContain('shop-prod-platform-health');
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
