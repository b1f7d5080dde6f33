/**
 * Integration test: an alarm in ALARM delivers to the encrypted alert topic.
 *
 * Both silent failures of that path leave the alarm in ALARM and send nothing: a topic policy
 * without an allow for CloudWatch, and a key policy without `kms:GenerateDataKey*`/`kms:Decrypt`
 * for CloudWatch. The alarm's history is where CloudWatch records the outcome of each action.
 *
 *   cdk deploy --app 'npx ts-node --transpile-only --project test/tsconfig.json test/integ/integ.alarm-delivery.ts' --all
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Duration } from 'aws-cdk-lib';
import { assertEventually, IntegAppDefinition, integTest, monitoringStack, newIntegApp } from './integ-app';

function build(app: App): IntegTest {
  const { stack, monitoring } = monitoringStack(app, 'integ-alarms');
  const integ = integTest(app, stack);

  // Every alarm of the construct has the same action (the alert topic, on ALARM and OK: pinned by
  // test/platform-monitoring-composed.test.ts), and the topic and key policies trust CloudWatch by
  // the alarm-name prefix, so one metric alarm exercises the path every alarm uses.
  const alarm = monitoring.batchJobFailuresAlarm;
  if (!alarm) throw new Error('integ.alarm-delivery: PlatformMonitoring.batchJobFailuresAlarm is undefined; pick another metric alarm that notifies the alert topic.');

  // SetAlarmState: "When the updated state differs from the previous value, the action configured
  // for the appropriate state is invoked"; the alarm then returns to its actual state, so the change
  // "is typically only visible in ... DescribeAlarmHistory" (CloudWatch API Reference,
  // SetAlarmState). A new alarm starts in INSUFFICIENT_DATA, so forcing ALARM is a change. (Were the
  // alarm already in ALARM on its own, that transition would have run the same action.)
  const force = integ.assertions.awsApiCall('CloudWatch', 'setAlarmState', {
    AlarmName: alarm.alarmName,
    StateValue: 'ALARM',
    StateReason: 'cdk-platform-monitoring integration test: delivery to the alert topic',
  });

  // DescribeAlarmHistory with HistoryItemType "Action" lists the outcome of each action
  // (CloudWatch API Reference, DescribeAlarmHistory and AlarmHistoryItem: HistorySummary).
  // The failure text is documented ("Failed to execute action arn:aws:sns:...: Received error:
  // ... is not authorized to perform: SNS:Publish", AWS Knowledge Center "Why didn't I receive an
  // SNS notification for my CloudWatch alarm trigger?"); the success text "Successfully executed
  // action <topic ARN>" is what the console shows, but AWS documentation does not spell it out.
  // If AWS words it differently, this assertion fails (it cannot pass by accident).
  const history = integ.assertions.awsApiCall('CloudWatch', 'describeAlarmHistory', {
    AlarmName: alarm.alarmName,
    HistoryItemType: 'Action',
    MaxRecords: 10,
  });
  assertEventually(history, ExpectedResult.objectLike({
    AlarmHistoryItems: Match.arrayWith([
      Match.objectLike({
        HistoryItemType: 'Action',
        HistorySummary: Match.stringLikeRegexp(`^Successfully executed action ${monitoring.alertTopic.topicArn}`),
      }),
    ]),
  }), Duration.minutes(5));
  force.next(history);

  return integ;
}

/** The alarm-delivery app. */
export const alarmDelivery: IntegAppDefinition = { name: 'alarm-delivery', build };

if (require.main === module) {
  const app = newIntegApp();
  build(app);
  app.synth();
}
