import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DeploymentEnvironment } from '../../src/environment';
import { MlMetricAlarms } from '../../src/metrics/ml-alarms';
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
    const alarms = new MlMetricAlarms(stack, 'MlAlarms', { projectName: 'shop', alarms: [FORECAST_FLOOR] });
    expect(alarms.alarms).toHaveLength(1);
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
      AlarmDescription: 'Market Intelligence Hub: MarketIntelligence.ForecastAccuracy (Average) is below 80 Percent. '
        + 'See the CloudWatch dashboard "shop-ml-performance".',
    });
    const props = template.findResources('AWS::CloudWatch::Alarm');
    expect(Object.values(props)[0].Properties.AlarmActions).toBeUndefined();
    expect(Object.values(props)[0].Properties.Dimensions).toBeUndefined();
  });

  test('overrides: statistic, period, evaluation, missing data, runbook, environment in the name', () => {
    const { stack } = newStack();
    new MlMetricAlarms(stack, 'MlAlarms', {
      projectName: 'shop',
      environment: DeploymentEnvironment.STAGING,
      alarms: [{
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
      AlarmDescription: 'Compliance Guardian: ComplianceGuardian.PCIViolations (Maximum) is above 0 Count. '
        + 'See the CloudWatch dashboard "shop-ml-performance-staging". Runbook: https://runbooks.example.com/pci',
    });
  });

  test.each([
    [{ ...FORECAST_FLOOR, componentId: 'nope' }, /component "nope", which is not in mlComponents/],
    [{ ...FORECAST_FLOOR, metricName: 'Nope' }, /metric "Nope" of "market-intelligence", which has only ForecastAccuracy/],
    [{ ...FORECAST_FLOOR, threshold: NaN }, /threshold must be a finite number; got NaN/],
    [{ ...FORECAST_FLOOR, evaluationPeriods: 0 }, /evaluationPeriods must be a whole number of at least 1; got 0/],
    [{ ...FORECAST_FLOOR, datapointsToAlarm: 4 }, /datapointsToAlarm must be a whole number from 1 to evaluationPeriods \(3\); got 4/],
    [{ ...FORECAST_FLOOR, comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_LOWER_THRESHOLD }, /static thresholds only/],
  ])('rejects bad input %#', (alarm, message) => {
    const { stack } = newStack();
    expect(() => new MlMetricAlarms(stack, 'A', { projectName: 'shop', alarms: [alarm] })).toThrow(message);
  });

  test('rejects two alarms in the same direction on one metric', () => {
    const { stack } = newStack();
    expect(() => new MlMetricAlarms(stack, 'A', { projectName: 'shop', alarms: [FORECAST_FLOOR, { ...FORECAST_FLOOR, threshold: 70 }] }))
      .toThrow(/Two ML alarms watch MarketIntelligence.ForecastAccuracy in the same direction/);
  });

  test('actions run on ALARM and OK; more than 5 are refused', () => {
    const { stack } = newStack();
    const topic = sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:eu-west-1:123456789012:shop-prod-alerts');
    new MlMetricAlarms(stack, 'MlAlarms', { projectName: 'shop', alarms: [FORECAST_FLOOR], actions: [new cwActions.SnsAction(topic)] });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: ['arn:aws:sns:eu-west-1:123456789012:shop-prod-alerts'],
      OKActions: ['arn:aws:sns:eu-west-1:123456789012:shop-prod-alerts'],
    });
    const six = Array.from({ length: 6 }, () => new cwActions.SnsAction(topic));
    expect(() => new MlMetricAlarms(stack, 'Six', { projectName: 'shop', alarms: [FORECAST_FLOOR], actions: six }))
      .toThrow(/actions lists 6 actions; CloudWatch allows 5 per alarm state/);
  });

  test('no cdk-nag findings (with actions, as PlatformMonitoring wires them)', () => {
    const { app, stack } = newStack();
    const topic = sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:eu-west-1:123456789012:shop-prod-alerts');
    new MlMetricAlarms(stack, 'MlAlarms', { projectName: 'shop', alarms: [FORECAST_FLOOR], actions: [new cwActions.SnsAction(topic)] });
    expect(nagFindings(app, stack)).toEqual([]);
  });
});
