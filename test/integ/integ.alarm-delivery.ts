/**
 * Integration test: an alarm in ALARM delivers to the encrypted alert topic, to its severity topic
 * (critical and warning, `recipients`), and to a chat channel's topic.
 *
 * Both silent failures of that path leave the alarm in ALARM and send nothing: a topic policy
 * without an allow for CloudWatch, and a key policy without `kms:GenerateDataKey*`/`kms:Decrypt`
 * for CloudWatch. The alarm's history is where CloudWatch records the outcome of each action.
 *
 * The chat channel needs a Slack workspace authorized for AWS Chatbot in the account: set
 * INTEG_SLACK_WORKSPACE_ID and INTEG_SLACK_CHANNEL_ID to add one (severity WARNING, so its topic is
 * the warning topic, which the warning alarm's delivery then proves). Without them the severity
 * topics are still tested, with email subscribers.
 *
 *   cdk deploy --app 'npx ts-node --transpile-only --project test/tsconfig.json test/integ/integ.alarm-delivery.ts' --all
 */
import { ExpectedResult, IApiCall, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sns from 'aws-cdk-lib/aws-sns';
import { assertEventually, IntegAppDefinition, integTest, monitoringStack, newIntegApp } from './integ-app';
import { AlarmSeverity } from '../../src';

function build(app: App): IntegTest {
  const slack = process.env.INTEG_SLACK_WORKSPACE_ID && process.env.INTEG_SLACK_CHANNEL_ID
    ? [{
      slackWorkspaceId: process.env.INTEG_SLACK_WORKSPACE_ID, slackChannelId: process.env.INTEG_SLACK_CHANNEL_ID, severity: AlarmSeverity.WARNING,
    }]
    : [];
  const { stack, monitoring } = monitoringStack(app, 'integ-alarms', () => ({
    recipients: {
      criticalEmails: ['integ-critical@example.com'],
      warningEmails: ['integ-warning@example.com'],
      slackChannels: slack,
    },
  }));
  const integ = integTest(app, stack);
  const critical = monitoring.alertRouting.criticalTopic;
  const warning = monitoring.alertRouting.warningTopic;
  if (!critical || !warning) throw new Error('integ.alarm-delivery: recipients created no critical or warning topic.');

  // Every alarm of the construct has the same action (the alert topic, on ALARM and OK: pinned by
  // test/platform-monitoring-composed.test.ts), and the topic and key policies trust CloudWatch by
  // the alarm-name prefix, so one metric alarm exercises the path every alarm uses.
  const alarm = monitoring.alarms.batchJobFailuresAlarm;
  if (!alarm) throw new Error('integ.alarm-delivery: PlatformMonitoring.batchJobFailuresAlarm is undefined; pick another metric alarm that notifies the alert topic.');

  // The warning alarm: Glue crawler failures (WARNING), notifying the alert topic and the warning
  // topic (the chat channel's topic when INTEG_SLACK_* are set).
  const warningAlarm = monitoring.alarms.glueCrawlerFailuresAlarm;
  if (!warningAlarm) throw new Error('integ.alarm-delivery: alarms.glueCrawlerFailuresAlarm is undefined; pick another WARNING alarm.');

  // The batch alarm is CRITICAL: alert topic + critical topic. The crawler alarm is WARNING: alert
  // topic + warning topic. Each delivery is an action of its own in the alarm's history.
  const cases: { alarm: cloudwatch.IAlarm; topics: sns.ITopic[]; what: string }[] = [
    { alarm, topics: [monitoring.alertTopic.topic, critical], what: 'critical' },
    { alarm: warningAlarm, topics: [monitoring.alertTopic.topic, warning], what: 'warning' },
  ];
  for (const c of cases) {
    // SetAlarmState: "When the updated state differs from the previous value, the action configured
    // for the appropriate state is invoked"; the alarm then returns to its actual state, so the change
    // "is typically only visible in ... DescribeAlarmHistory" (CloudWatch API Reference,
    // SetAlarmState). A new alarm starts in INSUFFICIENT_DATA, so forcing ALARM is a change. (Were the
    // alarm already in ALARM on its own, that transition would have run the same actions.)
    const force = integ.assertions.awsApiCall('CloudWatch', 'setAlarmState', {
      AlarmName: c.alarm.alarmName,
      StateValue: 'ALARM',
      StateReason: `cdk-platform-monitoring integration test: delivery of a ${c.what} alarm`,
    });

    // DescribeAlarmHistory with HistoryItemType "Action" lists the outcome of each action
    // (CloudWatch API Reference, DescribeAlarmHistory and AlarmHistoryItem: HistorySummary).
    // The failure text is documented ("Failed to execute action arn:aws:sns:...: Received error:
    // ... is not authorized to perform: SNS:Publish", AWS Knowledge Center "Why didn't I receive an
    // SNS notification for my CloudWatch alarm trigger?"); the success text "Successfully executed
    // action <topic ARN>" is what the console shows, but AWS documentation does not spell it out.
    // If AWS words it differently, this assertion fails (it cannot pass by accident).
    // One call per topic (arrayWith matches in order, and the history's order of two actions of one
    // transition is not documented); MaxRecords differs only to give each call its own construct id.
    let last: IApiCall = force;
    c.topics.forEach((t, i) => {
      const history = integ.assertions.awsApiCall('CloudWatch', 'describeAlarmHistory', {
        AlarmName: c.alarm.alarmName,
        HistoryItemType: 'Action',
        MaxRecords: 20 + i,
      });
      assertEventually(history, ExpectedResult.objectLike({
        AlarmHistoryItems: Match.arrayWith([Match.objectLike({
          HistoryItemType: 'Action',
          HistorySummary: Match.stringLikeRegexp(`^Successfully executed action ${t.topicArn}`),
        })]),
      }), Duration.minutes(5));
      last = last.next(history);
    });
  }

  return integ;
}

/** The alarm-delivery app. */
export const alarmDelivery: IntegAppDefinition = { name: 'alarm-delivery', build };

if (require.main === module) {
  const app = newIntegApp();
  build(app);
  app.synth();
}
