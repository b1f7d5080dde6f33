import { alarmsOf, allOptionsPlatform, assemblyTemplates, defaultPlatform } from './alarm-fixtures';

// PutMetricAlarm (CloudWatch API Reference, "Unit"): "We recommend omitting Unit so that you don't
// inadvertently specify an incorrect unit that is not published for this metric. Doing so causes
// the alarm to be stuck in the INSUFFICIENT DATA state."
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
describe.each([
  ['default', defaultPlatform],
  ['all options', allOptionsPlatform],
])('no alarm pins a Unit (%s stack, nested stacks included)', (_name, build) => {
  const { app } = build();
  const templates = assemblyTemplates(app);
  const alarms = alarmsOf(templates).filter((a) => a.type === 'AWS::CloudWatch::Alarm');

  test('the fixture has metric alarms (in nested stacks too for all options)', () => {
    expect(alarms.length).toBeGreaterThan(0);
    if (_name === 'all options') expect(alarms.some((a) => a.template.endsWith('.nested.template.json'))).toBe(true);
  });

  test('neither the alarm nor any Metrics[].MetricStat has a Unit', () => {
    const withUnit = alarms
      .filter((a) => a.props.Unit !== undefined || (a.props.Metrics ?? []).some((m: any) => m.MetricStat?.Unit !== undefined))
      .map((a) => `${a.template}/${a.logicalId}`);
    expect(withUnit).toEqual([]);
  });
});
