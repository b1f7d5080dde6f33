import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { dashboardBody, widget } from './body';
import { DataPipelineDashboard, PlatformMonitoring } from '../../src';
import { allOptionsPlatform } from '../alarms/alarm-fixtures';
import { newStack } from '../nag-helpers';

/** Every horizontal annotation of every widget of the three dashboards, with the widget's title. */
function annotations(monitoring: PlatformMonitoring): Array<{ title: string; value: number; label: string }> {
  return [monitoring.dataPipelineDashboard.dashboard, monitoring.apiPerformanceDashboard.dashboard, monitoring.mlPerformanceDashboard!.dashboard]
    .flatMap((d) => dashboardBody(d).widgets)
    .flatMap((w: any) => (w.properties?.annotations?.horizontal ?? [])
      .map((a: any) => ({ title: w.properties.title, value: a.value, label: a.label })));
}

describe('dashboards draw the thresholds of the alarms that exist', () => {
  test('a DMS lag threshold of 60 s set through alarms is the line drawn (not 300 s)', () => {
    const { monitoring } = allOptionsPlatform({ alarms: { dmsReplicationLag: { threshold: 60 } } });
    const latency = widget(dashboardBody(monitoring.dataPipelineDashboard.dashboard), 'DMS TASKRESOURCEID: latency (s)');
    expect(latency.properties.annotations.horizontal.map((a: any) => a.value).sort()).toEqual([300, 60]); // source latency 300, lag 60
    expect(latency.properties.annotations.horizontal).toContainEqual(expect.objectContaining({ value: 60, label: expect.stringMatching(/^Alarm: CDCLatencyTarget > 60/) }));
  });

  test('every annotation on every dashboard is the threshold of an alarm of the platform, with non-default thresholds', () => {
    const { monitoring } = allOptionsPlatform({
      alarms: { dmsReplicationLag: { threshold: 60 }, apiGateway5xx: { threshold: 7 }, batchJobFailures: { threshold: 2 } },
    });
    const all = annotations(monitoring);
    expect(all.length).toBeGreaterThan(3);
    const thresholds = monitoring.alarms.allAlarms.filter((a): a is cloudwatch.Alarm => a instanceof cloudwatch.Alarm)
      .map((a) => a.toAnnotation().value);
    for (const a of all) expect({ ...a, fromAnAlarm: thresholds.includes(a.value) && a.label.startsWith('Alarm: ') }).toEqual({ ...a, fromAnAlarm: true });
    // The overrides are what is drawn.
    expect(all).toContainEqual(expect.objectContaining({ title: 'Batch jobs by status (all queues)', value: 2 }));
    expect(all.filter((a) => /5xx/.test(a.title)).map((a) => a.value)).toEqual(expect.arrayContaining([7]));
    expect(all.filter((a) => a.value === 300 && /replication|Target/.test(a.label))).toEqual([]);
  });

  test('a disabled alarm draws no line', () => {
    const { monitoring } = allOptionsPlatform({ alarms: { dmsReplicationLag: { enabled: false }, dmsSourceLatency: { enabled: false } } });
    const latency = widget(dashboardBody(monitoring.dataPipelineDashboard.dashboard), 'DMS TASKRESOURCEID: latency (s)');
    expect(latency.properties.annotations).toBeUndefined();
  });

  test('replicationLagThreshold that contradicts the lag alarm fails at synth, naming the prop', () => {
    const { stack } = newStack();
    const task = { replicationInstanceIdentifier: 'ri', replicationTaskIdentifier: 'T1' };
    const lag = new cloudwatch.Alarm(stack, 'Lag', {
      metric: new cloudwatch.Metric({
        namespace: 'AWS/DMS',
        metricName: 'CDCLatencyTarget',
        statistic: 'Maximum',
        dimensionsMap: { ReplicationInstanceIdentifier: 'ri', ReplicationTaskIdentifier: 'T1' },
      }),
      threshold: 60,
      evaluationPeriods: 1,
    });
    expect(() => new DataPipelineDashboard(stack, 'D', { projectName: 'p', dmsReplicationTasks: [task], alarms: [lag], replicationLagThreshold: Duration.seconds(300) }))
      .toThrow(/replicationLagThreshold \(300 s\) differs from the replication lag alarm's threshold \(60 s\): remove replicationLagThreshold, the graph draws the alarm's threshold\./);
  });
});
