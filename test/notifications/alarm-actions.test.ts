import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sns from 'aws-cdk-lib/aws-sns';
import { IAlarmActionStrategy, SnsAlarmActionStrategy } from '../../src';
import { alarmsOf, allOptionsPlatform, assemblyTemplates } from '../alarms/alarm-fixtures';

const PAGER = 'arn:aws:sns:eu-west-1:123456789012:pager';

/** A strategy of the user's own: it only records what it was applied to, and adds nothing. */
class RecordingStrategy implements IAlarmActionStrategy {
  public readonly applied: string[] = [];
  public apply(alarm: cloudwatch.AlarmBase): void {
    this.applied.push(alarm.node.path);
  }
}

describe('alarm actions are pluggable on PlatformMonitoring (alarms.actions)', () => {
  test('a strategy is applied to every alarm the platform creates: platform, Lambda groups, security, ML', () => {
    const recorder = new RecordingStrategy();
    const { monitoring } = allOptionsPlatform({ alarms: { actions: [recorder] } });
    const metricAlarms = monitoring.alarms.allAlarms.filter((a) => a instanceof cloudwatch.Alarm).map((a) => a.node.path);
    expect(metricAlarms.length).toBeGreaterThan(20);
    expect([...recorder.applied].sort()).toEqual([...metricAlarms].sort());
    // Every family is there, the ML and security alarms included.
    expect(recorder.applied.some((p) => p.includes('/ml-market-intelligence-'))).toBe(true);
    expect(recorder.applied.some((p) => p.includes('/Security/'))).toBe(true);
    expect(recorder.applied.some((p) => p.includes('lambda-errors-group-'))).toBe(true);
  });

  test('with the alert topic by default: each metric alarm notifies the topic and the pager on ALARM and OK', () => {
    const { app } = allOptionsPlatform((stack) => ({
      alarms: { actions: [new SnsAlarmActionStrategy({ topics: [sns.Topic.fromTopicArn(stack, 'Pager', PAGER)] })] },
    }));
    const alarms = alarmsOf(assemblyTemplates(app)).filter((a) => a.type === 'AWS::CloudWatch::Alarm');
    expect(alarms.some((a) => a.template.endsWith('.nested.template.json'))).toBe(true);
    for (const alarm of alarms) {
      expect({ id: alarm.logicalId, n: alarm.props.AlarmActions.length }).toEqual({ id: alarm.logicalId, n: 2 });
      expect(alarm.props.AlarmActions).toContain(PAGER);
      expect(alarm.props.OKActions).toContain(PAGER);
    }
  });

  test('notifyAlertTopic: false routes alarms only through the strategies', () => {
    const { app } = allOptionsPlatform((stack) => ({
      alarms: {
        notifyAlertTopic: false,
        actions: [new SnsAlarmActionStrategy({ topics: [sns.Topic.fromTopicArn(stack, 'Pager', PAGER)], notifyOnOk: false })],
      },
    }));
    const alarms = alarmsOf(assemblyTemplates(app)).filter((a) => a.type === 'AWS::CloudWatch::Alarm');
    for (const alarm of alarms) {
      expect({ id: alarm.logicalId, actions: alarm.props.AlarmActions, ok: alarm.props.OKActions })
        .toEqual({ id: alarm.logicalId, actions: [PAGER], ok: undefined });
    }
  });

  test('more than 5 actions per state in all fail at synth', () => {
    expect(() => allOptionsPlatform((stack) => ({
      alarms: {
        actions: [new SnsAlarmActionStrategy({
          topics: ['a', 'b', 'c', 'd', 'e'].map((n) => sns.Topic.fromTopicArn(stack, `T${n}`, `arn:aws:sns:eu-west-1:123456789012:${n}`)),
        })],
      },
    })).app.synth()).toThrow(/alarm has 6 ALARM actions, more than CloudWatch's limit of 5/);
  });
});
