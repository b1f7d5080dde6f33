import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { newStack } from './nag-helpers';
import { DeploymentEnvironment, PlatformAlarms, PlatformMonitoring, PlatformMonitoringProps, SnsAlarmActionStrategy } from '../src';

/** The first line of what `build` throws (the second names the construct path). */
function messageOf(build: () => unknown): string {
  try {
    build();
  } catch (e) {
    return (e as Error).message.split('\n')[0];
  }
  return '(nothing thrown)';
}

function platform(props: Partial<PlatformMonitoringProps>) {
  const { app, stack } = newStack();
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop', ...props } as PlatformMonitoringProps);
  return { app, stack, monitoring };
}

describe('settings are checked whether or not their alarm exists', () => {
  test('a negative API latency threshold with no API listed fails, naming the prop as written', () => {
    expect(messageOf(() => platform({ alarms: { apiLatencyP99: { threshold: -5 } } })))
      .toBe('alarms.apiLatencyP99.threshold must be a finite number >= 0; got -5.');
  });

  test('every kind: a DMS setting with no DMS task, a Glue setting with no Glue job', () => {
    expect(messageOf(() => platform({ alarms: { dmsReplicationLag: { evaluationPeriods: 0 } } })))
      .toBe('alarms.dmsReplicationLag.evaluationPeriods must be a whole number >= 1; got 0.');
    expect(messageOf(() => platform({ alarms: { glueJobFailures: { period: Duration.seconds(30) } } })))
      .toBe('alarms.glueJobFailures.period must be a whole number of minutes (at least 1); got 30 seconds.');
  });

  test('ML anomaly settings with an empty catalog', () => {
    expect(messageOf(() => platform({ alarms: { mlAnomalyAlarms: { datapointsToAlarm: 4 } } })))
      .toBe('alarms.mlAnomalyAlarms.datapointsToAlarm must be a whole number from 1 to evaluationPeriods (3); got 4.');
  });

  test('PlatformAlarms used alone names its own prop', () => {
    const { stack } = newStack();
    expect(messageOf(() => new PlatformAlarms(stack, 'Alarms', { projectName: 'shop', apiLatencyP99: { threshold: -5 } })))
      .toBe('apiLatencyP99.threshold must be a finite number >= 0; got -5.');
  });
});

describe('an API ARN or URL where the API name goes', () => {
  test.each([
    ['arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5', 'ARN', 'a1b2c3d4e5'],
    ['arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/live/GET/orders', 'ARN', 'a1b2c3d4e5'],
    ['https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/live', 'URL', 'a1b2c3d4e5'],
  ])('%s is refused with the name to pass', (apiName, what, id) => {
    expect(messageOf(() => platform({ restApiStages: [{ apiName, stageName: 'live' }] })))
      .toBe('restApiStages[0].apiName must be the REST API\'s name (the ApiName dimension of its metrics, `restApiName` of an '
        + `IRestApi, "Name" in the console), not its ${what}; got "${apiName}". Pass the name of the API whose id is ${id} `
        + `(aws apigateway get-rest-api --rest-api-id ${id} --query name), or pass the API itself in restApis.`);
  });

  test('a name passes', () => {
    expect(() => platform({ restApiStages: [{ apiName: 'shop-api', stageName: 'live' }] })).not.toThrow();
  });
});

describe('alarms that would notify nobody', () => {
  const NOBODY = 'No alarm of this prod platform would notify anyone: recipients (emails, criticalEmails, warningEmails, '
    + 'slackChannels, teamsChannels, existingChatChannels), alarms.actions, alarms.criticalActions and alarms.warningActions are all empty, and '
    + 'nothing subscribes to the alert topic. Add a recipient (e.g. recipients: { emails: [\'ops@example.com\'] }), or set '
    + 'alarms.allowNoRecipients: true if the alert topic reaches people another way.';

  test('a PROD platform with no recipient fails at synth', () => {
    const { app } = platform({ recipients: { emails: [] } });
    expect(() => app.synth()).toThrow(NOBODY);
  });

  test('unless the user says so (alarms.allowNoRecipients), or it is DEV', () => {
    expect(() => platform({ recipients: { emails: [] }, alarms: { allowNoRecipients: true } }).app.synth()).not.toThrow();
    expect(() => platform({ recipients: undefined, environment: DeploymentEnvironment.DEV }).app.synth()).not.toThrow();
  });

  test('a subscription added to the alert topic after the construct counts; actions count', () => {
    const later = platform({ recipients: { emails: [] } });
    later.monitoring.alertTopic.topic.addSubscription(new subscriptions.EmailSubscription('oncall@example.com'));
    expect(() => later.app.synth()).not.toThrow();
    const { app, stack } = newStack();
    const pager = sns.Topic.fromTopicArn(stack, 'Pager', 'arn:aws:sns:eu-west-1:123456789012:pager');
    new PlatformMonitoring(stack, 'Monitoring', { projectName: 'shop', environment: DeploymentEnvironment.PROD, alarms: { actions: [new SnsAlarmActionStrategy({ topics: [pager] })] } });
    expect(() => app.synth()).not.toThrow();
  });

  test('notifyAlertTopic: false leaves the topic\'s subscribers unreached', () => {
    const { app } = platform({ alarms: { notifyAlertTopic: false } });
    expect(() => app.synth()).toThrow('No alarm of this prod platform would notify anyone: alarms.notifyAlertTopic is false, and '
      + 'recipients (criticalEmails, warningEmails, slackChannels, teamsChannels, existingChatChannels), alarms.actions, alarms.criticalActions and '
      + 'alarms.warningActions are all empty. Add a recipient there, or set alarms.allowNoRecipients: true if the alarms reach '
      + 'people another way.');
  });
});

describe('maintenance windows', () => {
  test('the duration error names the prop (not aws-cdk-lib\'s), also when no alarm of its severity exists', () => {
    const window = { name: 'w', schedule: cloudwatch.ScheduleExpression.cron({ minute: '0', hour: '2' }), duration: Duration.days(16) };
    expect(messageOf(() => platform({ alarms: { maintenanceWindows: [window] } })))
      .toBe('alarms.maintenanceWindows[0].duration must be from 1 minute to 15 days (CloudWatch\'s limit for a mute rule); got 16 days.');
    expect(messageOf(() => platform({ alarms: { maintenanceWindows: [{ ...window, duration: Duration.seconds(30) }] } })))
      .toBe('alarms.maintenanceWindows[0].duration must be from 1 minute to 15 days (CloudWatch\'s limit for a mute rule); got 30 seconds.');
  });
});

describe('the ML catalog is empty by default', () => {
  test('no ML dashboard and no anomaly alarms unless components are given; mlComponents: [] is accepted', () => {
    for (const mlComponents of [undefined, []]) {
      const { stack, monitoring } = platform({ mlComponents });
      expect(monitoring.mlPerformanceDashboard).toBeUndefined();
      expect(monitoring.alarms.mlAnomalyAlarms).toEqual([]);
      const names = Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard'))
        .map((d: any) => d.Properties.DashboardName);
      expect(names.sort()).toEqual(['shop-api-performance', 'shop-data-pipeline']);
    }
  });

  test('an ML alarm without components names the fix', () => {
    expect(messageOf(() => platform({
      alarms: {
        mlAlarms: [{
          componentId: 'market-intelligence',
          metricName: 'ForecastAccuracy',
          threshold: 80,
          comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        }],
      },
    }))).toBe('mlAlarms[0] refers to the component "market-intelligence", which is not in mlComponents (none listed: add the '
      + 'component to mlComponents).');
  });
});
