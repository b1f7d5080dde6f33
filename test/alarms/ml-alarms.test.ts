import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sns from 'aws-cdk-lib/aws-sns';
import { MlMetricAlarms } from '../../src/alarms/ml-alarms';
import { DeploymentEnvironment } from '../../src/core/environment';
import { SnsAlarmActionStrategy } from '../../src/notifications/alarm-action-strategy';
import { ecommerceMlComponents } from '../ml-fixtures';
import { nagFindings, newStack } from '../nag-helpers';

const FORECAST_FLOOR = {
  componentId: 'market-intelligence',
  metricName: 'ForecastAccuracy',
  threshold: 80,
  comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
};

describe('MlMetricAlarms', () => {
  test('forecast accuracy below a floor', () => {
    const { stack } = newStack();
    const alarms = new MlMetricAlarms(stack, 'MlAlarms', { mlComponents: ecommerceMlComponents(), projectName: 'shop', mlAlarms: [FORECAST_FLOOR], mlAnomalyAlarms: { enabled: false } });
    expect(alarms.allAlarms).toHaveLength(1);
    expect(alarms.thresholdAlarms).toEqual(alarms.allAlarms);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 1);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'shop-prod-ml-market-intelligence-forecast-accuracy-low',
      Namespace: 'shop',
      MetricName: 'MarketIntelligence.ForecastAccuracy',
      Statistic: 'Average',
      Period: 300,
      Threshold: 80,
      ComparisonOperator: 'LessThanThreshold',
      EvaluationPeriods: 3,
      TreatMissingData: 'missing',
      AlarmDescription: '[WARNING] Market Intelligence Hub: MarketIntelligence.ForecastAccuracy (shop, Average) < 80 Percent per 5 min '
        + 'in 3 of 3 period(s). Look at: dashboard shop-ml-performance.',
    });
    const props = template.findResources('AWS::CloudWatch::Alarm');
    expect(Object.values(props)[0].Properties.AlarmActions).toBeUndefined();
    expect(Object.values(props)[0].Properties.Dimensions).toBeUndefined();
  });

  test('overrides: statistic, period, evaluation, missing data, runbook, environment in the name', () => {
    const { stack } = newStack();
    new MlMetricAlarms(stack, 'MlAlarms', {
      projectName: 'shop',
      mlComponents: ecommerceMlComponents(),
      environment: DeploymentEnvironment.STAGING,
      mlAlarms: [{
        componentId: 'compliance-guardian',
        metricName: 'PCIViolations',
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 2,
        datapointsToAlarm: 1,
        period: Duration.minutes(15),
        statistic: 'Maximum',
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        runbookUrl: 'https://runbooks.example.com/pci',
      }],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'shop-staging-ml-compliance-guardian-pci-violations-high',
      MetricName: 'ComplianceGuardian.PCIViolations',
      Statistic: 'Maximum',
      Period: 900,
      EvaluationPeriods: 2,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
      AlarmDescription: '[WARNING] Compliance Guardian: ComplianceGuardian.PCIViolations (shop-staging, Maximum) > 0 Count per 15 min '
        + 'in 1 of 2 period(s). Look at: dashboard shop-ml-performance-staging. Runbook: https://runbooks.example.com/pci',
    });
  });

  test.each([
    [{ ...FORECAST_FLOOR, componentId: 'nope' }, /component "nope", which is not in mlComponents/],
    [{ ...FORECAST_FLOOR, metricName: 'Nope' }, /metric "Nope" of "market-intelligence", which has only ForecastAccuracy/],
    [{ ...FORECAST_FLOOR, threshold: NaN }, /mlAlarms\[0\]\.threshold must be a finite number; got NaN/],
    [{ ...FORECAST_FLOOR, evaluationPeriods: 0 }, /mlAlarms\[0\]\.evaluationPeriods must be a whole number >= 1; got 0/],
    [{ ...FORECAST_FLOOR, datapointsToAlarm: 4 }, /mlAlarms\[0\]\.datapointsToAlarm must be a whole number from 1 to evaluationPeriods \(3\); got 4/],
    [{ ...FORECAST_FLOOR, period: Duration.seconds(90) }, /mlAlarms\[0\]\.period must be a whole number of minutes/],
    [{ ...FORECAST_FLOOR, comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_LOWER_THRESHOLD },
      /mlAlarms\[0\]\.comparisonOperator: mlAlarms are static-threshold alarms; LessThanLowerThreshold compares with an anomaly-detection band, which the ML catalog configures: mark the metric with MlComponent.withAnomalyDetection/],
  ])('rejects bad input %#', (alarm, message) => {
    const { stack } = newStack();
    expect(() => new MlMetricAlarms(stack, 'A', { mlComponents: ecommerceMlComponents(), projectName: 'shop', mlAlarms: [alarm] })).toThrow(message);
  });

  test('rejects two alarms in the same direction on one metric', () => {
    const { stack } = newStack();
    expect(() => new MlMetricAlarms(stack, 'A', { mlComponents: ecommerceMlComponents(), projectName: 'shop', mlAlarms: [FORECAST_FLOOR, { ...FORECAST_FLOOR, threshold: 70 }] }))
      .toThrow(/Two of mlAlarms watch MarketIntelligence.ForecastAccuracy in the same direction/);
  });

  test('a negative threshold is allowed (custom metrics may be signed)', () => {
    const { stack } = newStack();
    new MlMetricAlarms(stack, 'A', { mlComponents: ecommerceMlComponents(), projectName: 'shop', mlAlarms: [{ ...FORECAST_FLOOR, threshold: -5 }] });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', { Threshold: -5 });
  });

  test('actions run on ALARM and OK; more than 5 are refused', () => {
    const { stack } = newStack();
    const topic = sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:eu-west-1:123456789012:shop-prod-alerts');
    const actions = [new SnsAlarmActionStrategy({ topics: [topic] })];
    new MlMetricAlarms(stack, 'MlAlarms', { mlComponents: ecommerceMlComponents(), projectName: 'shop', mlAlarms: [FORECAST_FLOOR], actions });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: ['arn:aws:sns:eu-west-1:123456789012:shop-prod-alerts'],
      OKActions: ['arn:aws:sns:eu-west-1:123456789012:shop-prod-alerts'],
    });
    const six = [new SnsAlarmActionStrategy({ topics: Array.from({ length: 6 }, () => topic) })];
    expect(() => new MlMetricAlarms(stack, 'Six', { mlComponents: ecommerceMlComponents(), projectName: 'shop', mlAlarms: [FORECAST_FLOOR], actions: six }))
      .toThrow(/alarm has 6 ALARM actions, more than CloudWatch's limit of 5/);
  });

  test('no cdk-nag findings (with actions, as PlatformMonitoring wires them)', () => {
    const { app, stack } = newStack();
    const topic = sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:eu-west-1:123456789012:shop-prod-alerts');
    new MlMetricAlarms(stack, 'MlAlarms', { mlComponents: ecommerceMlComponents(), projectName: 'shop', mlAlarms: [FORECAST_FLOOR], actions: [new SnsAlarmActionStrategy({ topics: [topic] })] });
    expect(nagFindings(app, stack)).toEqual([]);
  });
});
