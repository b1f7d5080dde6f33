import * as fs from 'fs';
import * as path from 'path';
import { alarmsOf, allOptionsPlatform, assemblyTemplates, defaultPlatform } from './alarm-fixtures';
import { ALARM_CATALOG, catalogEntryOf, renderAlarmTable } from '../../src/alarms/alarm-catalog';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'alarms-and-routing.md'), 'utf8');
const START = '<!-- alarm-table:start (rendered from src/alarms/alarm-catalog.ts) -->';
const END = '<!-- alarm-table:end -->';

test('the alarm table of docs/alarms-and-routing.md is the one rendered from the catalog (code and docs cannot drift)', () => {
  expect(README).toContain(START);
  const table = README.slice(README.indexOf(START) + START.length, README.indexOf(END)).trim();
  expect(table).toEqual(renderAlarmTable());
  // Every row says what missing data means and why.
  for (const e of ALARM_CATALOG) expect(e.why.length).toBeGreaterThan(20);
});

describe.each([
  ['default', defaultPlatform],
  ['all options', allOptionsPlatform],
])('every alarm of the %s stack (nested included) follows its documented row', (name, build) => {
  const alarms = alarmsOf(assemblyTemplates(build().app));

  test('each alarm has a row; its TreatMissingData, threshold and periods are the row\'s defaults', () => {
    expect(alarms.length).toBeGreaterThan(name === 'default' ? 20 : 30);
    for (const a of alarms) {
      const suffix = String(a.props.AlarmName).replace(/^shop-prod-/, '');
      const entry = catalogEntryOf(suffix);
      expect({ suffix, documented: entry !== undefined }).toEqual({ suffix, documented: true });
      expect({ suffix, type: a.type, treatMissingData: a.props.TreatMissingData })
        .toEqual({ suffix, type: entry!.missingData ? 'AWS::CloudWatch::Alarm' : 'AWS::CloudWatch::CompositeAlarm', treatMissingData: entry!.missingData });
      if (entry!.defaults) {
        expect({ suffix, threshold: a.props.Threshold, periods: a.props.EvaluationPeriods })
          .toEqual({ suffix, threshold: entry!.defaults.threshold, periods: entry!.defaults.evaluationPeriods ?? 1 });
      }
    }
  });
});
