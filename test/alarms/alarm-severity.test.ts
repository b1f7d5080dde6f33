import * as sns from 'aws-cdk-lib/aws-sns';
import { alarmsOf, allOptionsPlatform, assemblyTemplates, defaultPlatform } from './alarm-fixtures';
import { AlarmSeverity, SnsAlarmActionStrategy } from '../../src';
import { catalogEntryOf } from '../../src/alarms/alarm-catalog';

const PAGER = 'arn:aws:sns:eu-west-1:123456789012:pager';

/** The logical id of the topic named `name` in the main stack. */
function topicRef(resources: { [id: string]: { Type: string; Properties?: any } }, name: string): { Ref: string } {
  const ids = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::SNS::Topic' && r.Properties?.TopicName === name).map(([id]) => id);
  expect({ name, found: ids.length }).toEqual({ name, found: 1 });
  return { Ref: ids[0] };
}

describe('every alarm has the severity of its catalog row, in its description', () => {
  test.each([['default', defaultPlatform], ['all options', () => allOptionsPlatform()]])('%s stack', (_name, build) => {
    const alarms = alarmsOf(assemblyTemplates(build().app)).filter((a) => a.type === 'AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(10);
    const seen = new Set<string>();
    for (const a of alarms) {
      const suffix = String(a.props.AlarmName).replace(/^shop-prod-/, '');
      const severity = catalogEntryOf(suffix)!.severity!;
      seen.add(severity);
      // A description with a token (the CIS alarms name the trail's log group) is an Fn::Join: its first part starts it.
      const d = a.props.AlarmDescription;
      const text: string = typeof d === 'string' ? d : d['Fn::Join'][1][0];
      expect({ suffix, prefix: text.slice(0, severity.length + 2) }).toEqual({ suffix, prefix: `[${severity}]` });
    }
    expect([...seen].sort()).toEqual(['CRITICAL', 'WARNING']);
  });

  test('the defaults the issue asks for: the seed four and CIS critical; throttles, latency, Glue and ML warnings', () => {
    const { monitoring } = allOptionsPlatform();
    const names = (list: any[]) => list.map((a) => a.node.id as string);
    const critical = names(monitoring.alarms.criticalAlarms);
    const warning = names(monitoring.alarms.warningAlarms);
    for (const id of ['dms-TASKRESOURCEID-replication-lag', 'lambda-errors', 'rest-api-shop-api-5xx', 'batch-job-failures', 'cis-root-account-usage']) {
      expect(critical).toContain(id);
    }
    for (const id of ['dms-TASKRESOURCEID-source-latency', 'lambda-throttles', 'rest-api-shop-api-latency-p99', 'glue-crawler-failures',
      'glue-job-failures', 'ml-market-intelligence-forecast-accuracy-low']) {
      expect(warning).toContain(id);
    }
    // Composites have no severity of their own.
    expect([...critical, ...warning]).not.toContain('platform-health');
  });
});

describe('routing by severity', () => {
  test('by default nothing changes: one topic, every alarm notifies it (ALARM and OK) and nothing else', () => {
    const { app, stack, monitoring } = defaultPlatform();
    const main = assemblyTemplates(app).find((t) => t.name === stack.stackName)!;
    expect(Object.values(main.resources).filter((r) => r.Type === 'AWS::SNS::Topic')).toHaveLength(1);
    const alert = topicRef(main.resources, 'shop-prod-alerts');
    for (const a of alarmsOf([main]).filter((x) => x.type === 'AWS::CloudWatch::Alarm')) {
      expect({ id: a.logicalId, alarm: a.props.AlarmActions, ok: a.props.OKActions }).toEqual({ id: a.logicalId, alarm: [alert], ok: [alert] });
    }
    expect(monitoring.alertRouting.criticalTopic).toBeUndefined();
    expect(monitoring.alertRouting.warningTopic).toBeUndefined();
  });

  test('criticalEmails / warningEmails: a topic per severity, told only about its alarms; the alert topic still hears all', () => {
    const { app, stack } = allOptionsPlatform({ recipients: { criticalEmails: ['oncall@example.com'], warningEmails: ['team@example.com'] } });
    const main = assemblyTemplates(app).find((t) => t.name === stack.stackName)!;
    const alert = topicRef(main.resources, 'shop-prod-alerts');
    const critical = topicRef(main.resources, 'shop-prod-alerts-critical');
    const warning = topicRef(main.resources, 'shop-prod-alerts-warning');
    const alarms = alarmsOf([main]).filter((x) => x.type === 'AWS::CloudWatch::Alarm');
    let counts = { CRITICAL: 0, WARNING: 0 };
    for (const a of alarms) {
      const severity = catalogEntryOf(String(a.props.AlarmName).replace(/^shop-prod-/, ''))!.severity as 'CRITICAL' | 'WARNING';
      counts[severity]++;
      const expected = [alert, severity === 'CRITICAL' ? critical : warning];
      expect({ id: a.logicalId, alarm: a.props.AlarmActions, ok: a.props.OKActions }).toEqual({ id: a.logicalId, alarm: expected, ok: expected });
    }
    expect(counts.CRITICAL).toBeGreaterThan(5);
    expect(counts.WARNING).toBeGreaterThan(3);
    // Each severity topic: encrypted with the platform key, its email subscription, CloudWatch may publish.
    const subs = Object.values(main.resources).filter((r) => r.Type === 'AWS::SNS::Subscription').map((r) => [r.Properties.Endpoint, r.Properties.TopicArn]);
    expect(subs).toEqual(expect.arrayContaining([['oncall@example.com', critical], ['team@example.com', warning]]));
    for (const ref of [critical, warning]) {
      const topic = main.resources[ref.Ref];
      expect(topic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/Encryption/), 'Arn'] });
      const policy = Object.values(main.resources).find((r) => r.Type === 'AWS::SNS::TopicPolicy' && JSON.stringify(r.Properties.Topics) === JSON.stringify([ref]))!;
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('AllowPlatformAlarmsToPublish');
    }
  });

  test('AlarmSettings.severity moves one kind of alarm to the other route, and its description says so', () => {
    const { app, stack } = allOptionsPlatform({
      recipients: { criticalEmails: ['oncall@example.com'] },
      alarms: { lambdaThrottles: { severity: AlarmSeverity.CRITICAL }, lambdaErrors: { severity: AlarmSeverity.WARNING } },
    });
    const main = assemblyTemplates(app).find((t) => t.name === stack.stackName)!;
    const critical = topicRef(main.resources, 'shop-prod-alerts-critical');
    const byName = (n: string) => alarmsOf([main]).find((a) => a.props.AlarmName === n)!.props;
    expect(byName('shop-prod-lambda-throttles').AlarmActions).toContainEqual(critical);
    expect(byName('shop-prod-lambda-throttles').AlarmDescription).toMatch(/^\[CRITICAL\] /);
    expect(byName('shop-prod-lambda-errors').AlarmActions).not.toContainEqual(critical);
    expect(byName('shop-prod-lambda-errors').AlarmDescription).toMatch(/^\[WARNING\] /);
  });

  test('alarms.criticalActions reach critical alarms only (CIS and ML included), after the alert topic', () => {
    const { app } = allOptionsPlatform((stack) => ({
      alarms: { criticalActions: [new SnsAlarmActionStrategy({ topics: [sns.Topic.fromTopicArn(stack, 'Pager', PAGER)], notifyOnOk: false })] },
    }));
    const alarms = alarmsOf(assemblyTemplates(app)).filter((a) => a.type === 'AWS::CloudWatch::Alarm');
    let paged = 0;
    for (const a of alarms) {
      const severity = catalogEntryOf(String(a.props.AlarmName).replace(/^shop-prod-/, ''))!.severity;
      const pages = (a.props.AlarmActions as unknown[]).includes(PAGER);
      expect({ name: a.props.AlarmName, pages }).toEqual({ name: a.props.AlarmName, pages: severity === AlarmSeverity.CRITICAL });
      expect(a.props.AlarmActions).toHaveLength(pages ? 2 : 1);
      if (pages) paged++;
    }
    expect(paged).toBeGreaterThan(10); // includes the nested Lambda groups and the 6 CIS alarms that are CRITICAL by default
  });

  test('bad input fails at synth with the prop named', () => {
    expect(() => allOptionsPlatform({ alarms: { lambdaErrors: { severity: 'PAGE' as AlarmSeverity } } }))
      .toThrow(/lambdaErrors\.severity must be an AlarmSeverity \(CRITICAL, WARNING\); got PAGE/);
    expect(() => allOptionsPlatform({ recipients: { criticalEmails: ['not-an-email'] } }))
      .toThrow(/recipients\.criticalEmails contains "not-an-email"/);
  });
});
