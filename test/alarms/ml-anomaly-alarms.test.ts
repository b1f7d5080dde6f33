import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sns from 'aws-cdk-lib/aws-sns';
import { alarmsOf, assemblyTemplates } from './alarm-fixtures';
import { AlarmSeverity, AnomalyBandBreach, PlatformMonitoring, SnsAlarmActionStrategy } from '../../src';
import { MlMetricAlarms, MlMetricAlarmsProps } from '../../src/alarms/ml-alarms';
import { DeploymentEnvironment } from '../../src/core/environment';
import { COMPLIANCE_GUARDIAN, MARKET_INTELLIGENCE_HUB, RETAIL_COPILOT, ecommerceMlComponents } from '../ml-fixtures';
import { nagFindings, newStack } from '../nag-helpers';

// Anomaly-detection alarms in CloudFormation: the metric and ANOMALY_DETECTION_BAND(<its id>, <std devs>) in
// Metrics, ThresholdMetricId naming the band's id, one of the three band comparisons, no Threshold
// (PutMetricAlarm, "ThresholdMetricId" and "ComparisonOperator":
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html; "Using metric
// math", ANOMALY_DETECTION_BAND: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html).

/** The alarms of a stack by name. */
function alarmsByName(stack: any): { [name: string]: any } {
  const found = Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm');
  return Object.fromEntries(Object.values(found).map((r: any) => [r.Properties.AlarmName, r.Properties]));
}

/** What an anomaly alarm compares: its band expression, the metric it bands, and whether the ids line up. */
function band(p: any): { operator: string; expression: string; metric: any; stat: string; wired: boolean } {
  const expr = p.Metrics.find((m: any) => m.Expression);
  const stat = p.Metrics.find((m: any) => m.MetricStat);
  const match = /^ANOMALY_DETECTION_BAND\((\w+), ([\d.]+)\)$/.exec(expr.Expression)!;
  return {
    operator: p.ComparisonOperator,
    expression: expr.Expression,
    metric: stat.MetricStat.Metric,
    stat: stat.MetricStat.Stat,
    wired: p.ThresholdMetricId === expr.Id && match[1] === stat.Id && expr.ReturnData === true && stat.ReturnData === true,
  };
}

function mlAlarms(extra: Partial<MlMetricAlarmsProps> = {}) {
  const { app, stack } = newStack();
  const construct = new MlMetricAlarms(stack, 'MlAlarms', { mlComponents: ecommerceMlComponents(), projectName: 'shop', ...extra });
  return { app, stack, construct, alarms: alarmsByName(stack) };
}

const BELOW = 'LessThanLowerThreshold';
const ABOVE = 'GreaterThanUpperThreshold';
const OUTSIDE = 'LessThanLowerOrGreaterThanUpperThreshold';

describe('anomaly-detection alarms from the ML catalog', () => {
  test('one alarm per marked metric of the five components, on the side and width the catalog says', () => {
    const { alarms, construct } = mlAlarms();
    expect(construct.thresholdAlarms).toEqual([]);
    expect(construct.anomalyAlarms).toHaveLength(12);
    const summary = Object.fromEntries(Object.entries(alarms).map(([name, p]) => {
      const b = band(p);
      return [name.replace(/^shop-prod-/, ''), `${b.metric.MetricName} ${b.stat} ${b.operator} ${b.expression}`];
    }));
    expect(summary).toEqual({
      'ml-market-intelligence-forecast-accuracy-anomaly': `MarketIntelligence.ForecastAccuracy Average ${BELOW} ANOMALY_DETECTION_BAND(m0, 2)`,
      'ml-market-intelligence-latency-anomaly': `MarketIntelligence.Latency p90 ${ABOVE} ANOMALY_DETECTION_BAND(m0, 2)`,
      'ml-demand-insights-segmentation-quality-anomaly': `DemandInsights.SegmentationQuality Average ${BELOW} ANOMALY_DETECTION_BAND(m0, 2)`,
      'ml-demand-insights-clv-accuracy-anomaly': `DemandInsights.CLVAccuracy Average ${BELOW} ANOMALY_DETECTION_BAND(m0, 2)`,
      'ml-demand-insights-churn-accuracy-anomaly': `DemandInsights.ChurnAccuracy Average ${BELOW} ANOMALY_DETECTION_BAND(m0, 2)`,
      'ml-compliance-guardian-fraud-detection-rate-anomaly': `ComplianceGuardian.FraudDetectionRate Average ${BELOW} ANOMALY_DETECTION_BAND(m0, 2)`,
      'ml-compliance-guardian-high-risk-transactions-anomaly': `ComplianceGuardian.HighRiskTransactions Sum ${OUTSIDE} ANOMALY_DETECTION_BAND(m0, 3)`,
      'ml-retail-copilot-response-time-anomaly': `RetailCopilot.ResponseTime p90 ${ABOVE} ANOMALY_DETECTION_BAND(m0, 2)`,
      'ml-retail-copilot-sql-generation-success-anomaly': `RetailCopilot.SQLGenerationSuccess Average ${BELOW} ANOMALY_DETECTION_BAND(m0, 2)`,
      'ml-retail-copilot-conversation-count-anomaly': `RetailCopilot.ConversationCount Sum ${BELOW} ANOMALY_DETECTION_BAND(m0, 3)`,
      'ml-global-market-pulse-trend-accuracy-anomaly': `GlobalMarketPulse.TrendAccuracy Average ${BELOW} ANOMALY_DETECTION_BAND(m0, 2)`,
      'ml-global-market-pulse-opportunity-score-anomaly': `GlobalMarketPulse.OpportunityScore Average ${OUTSIDE} ANOMALY_DETECTION_BAND(m0, 3)`,
    });
    for (const [name, p] of Object.entries(alarms)) {
      expect({ name, wired: band(p).wired, threshold: p.Threshold, namespace: band(p).metric.Namespace, dims: band(p).metric.Dimensions })
        .toEqual({ name, wired: true, threshold: undefined, namespace: 'shop', dims: undefined });
    }
  });

  test('the documented defaults: 3 of 3 periods of 5 min, missing data missing, WARNING in the description', () => {
    const p = mlAlarms().alarms['shop-prod-ml-market-intelligence-forecast-accuracy-anomaly'];
    expect(p).toEqual(expect.objectContaining({
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
      TreatMissingData: 'missing',
      ThresholdMetricId: 'expr_1',
      AlarmDescription: '[WARNING] Market Intelligence Hub: MarketIntelligence.ForecastAccuracy (shop, Average) below its anomaly band '
        + '(2 standard deviations wide) per 5 min in 3 of 3 period(s). Look at: dashboard shop-ml-performance (the band on its graph).',
    }));
    expect(p.Metrics).toEqual([
      { Id: 'expr_1', Expression: 'ANOMALY_DETECTION_BAND(m0, 2)', Label: 'Anomaly Detection Band', ReturnData: true },
      { Id: 'm0', ReturnData: true, MetricStat: { Metric: { Namespace: 'shop', MetricName: 'MarketIntelligence.ForecastAccuracy' }, Period: 300, Stat: 'Average' } },
    ]);
    expect(p.MetricName).toBeUndefined();
    expect(p.Statistic).toBeUndefined();
  });

  test('no alarm for unmarked metrics (training / analysis durations, PCI violations)', () => {
    const names = Object.keys(mlAlarms().alarms).join(' ');
    expect(names).not.toMatch(/training-time|analysis-time|pci-violations/);
  });

  test('mlAnomalyAlarms tunes them all; mlAnomalyAlarmsByMetric one metric (severity, enabled) over it', () => {
    const { alarms, construct } = mlAlarms({
      mlAnomalyAlarms: {
        evaluationPeriods: 4,
        datapointsToAlarm: 2,
        period: Duration.minutes(15),
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
        runbookUrl: 'https://runbooks.example.com/ml',
      },
      mlAnomalyAlarmsByMetric: {
        'ComplianceGuardian.FraudDetectionRate': { severity: AlarmSeverity.CRITICAL, evaluationPeriods: 2 },
        'RetailCopilot.ConversationCount': { enabled: false },
      },
    });
    expect(construct.anomalyAlarms).toHaveLength(11);
    expect(alarms['shop-prod-ml-retail-copilot-conversation-count-anomaly']).toBeUndefined();
    const latency = alarms['shop-prod-ml-market-intelligence-latency-anomaly'];
    expect(latency).toEqual(expect.objectContaining({ EvaluationPeriods: 4, DatapointsToAlarm: 2, TreatMissingData: 'breaching' }));
    expect(latency.Metrics[1].MetricStat.Period).toBe(900);
    expect(latency.AlarmDescription).toMatch(/^\[WARNING\] .* above its anomaly band \(2 standard deviations wide\) per 15 min in 2 of 4 period\(s\)\..* Runbook: https:\/\/runbooks\.example\.com\/ml$/);
    const fraud = alarms['shop-prod-ml-compliance-guardian-fraud-detection-rate-anomaly'];
    expect(fraud).toEqual(expect.objectContaining({ EvaluationPeriods: 2, DatapointsToAlarm: 2, TreatMissingData: 'breaching' }));
    expect(fraud.AlarmDescription).toMatch(/^\[CRITICAL\] /);
  });

  test('mlAnomalyAlarms.enabled false: no anomaly alarms', () => {
    const { stack } = newStack();
    const construct = new MlMetricAlarms(stack, 'MlAlarms', { mlComponents: ecommerceMlComponents(), projectName: 'shop', mlAnomalyAlarms: { enabled: false } });
    expect(construct.allAlarms).toEqual([]);
    // (An empty template fails CloudFormation validation at synth, so look at the construct tree.)
    expect(construct.node.findAll().filter((c) => c instanceof cloudwatch.CfnAlarm)).toEqual([]);
  });

  test('the catalog decides: a wider band, another side, a component without anomaly detection', () => {
    const { alarms } = mlAlarms({
      mlComponents: [
        RETAIL_COPILOT.withAnomalyDetection('ResponseTime', { breach: AnomalyBandBreach.OUTSIDE, bandWidth: 2.5 })
          .withoutAnomalyDetection('ConversationCount'),
        COMPLIANCE_GUARDIAN.withoutAnomalyDetection(),
        MARKET_INTELLIGENCE_HUB.withAnomalyDetection('TrainingTime', { breach: AnomalyBandBreach.ABOVE }),
      ],
    });
    expect(Object.keys(alarms).sort()).toEqual([
      'shop-prod-ml-market-intelligence-forecast-accuracy-anomaly',
      'shop-prod-ml-market-intelligence-latency-anomaly',
      'shop-prod-ml-market-intelligence-training-time-anomaly',
      'shop-prod-ml-retail-copilot-response-time-anomaly',
      'shop-prod-ml-retail-copilot-sql-generation-success-anomaly',
    ]);
    expect(band(alarms['shop-prod-ml-retail-copilot-response-time-anomaly'])).toEqual(expect.objectContaining({
      operator: OUTSIDE, expression: 'ANOMALY_DETECTION_BAND(m0, 2.5)', stat: 'p90',
    }));
    // bandWidth defaults to 2, CloudWatch's default.
    expect(band(alarms['shop-prod-ml-market-intelligence-training-time-anomaly'])).toEqual(expect.objectContaining({
      operator: ABOVE, expression: 'ANOMALY_DETECTION_BAND(m0, 2)', stat: 'Maximum',
    }));
    // The catalog constants themselves are unchanged (copies).
    expect(COMPLIANCE_GUARDIAN.definition('FraudDetectionRate').anomalyDetection).toEqual({ breach: AnomalyBandBreach.BELOW, bandWidth: 2 });
  });

  test('static and anomaly alarms side by side: ids and names stay distinct', () => {
    const { construct, alarms } = mlAlarms({
      mlAlarms: [{
        componentId: 'market-intelligence',
        metricName: 'ForecastAccuracy',
        threshold: 80,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      }],
    });
    expect(construct.allAlarms.map((a) => a.node.id).slice(0, 2)).toEqual([
      'ml-market-intelligence-forecast-accuracy-low', 'ml-market-intelligence-forecast-accuracy-anomaly',
    ]);
    expect(Object.keys(alarms)).toHaveLength(13);
  });

  test('severity routing: warning actions by default, critical when the metric is set CRITICAL; ALARM and OK', () => {
    const { stack } = newStack();
    const topic = (name: string) => sns.Topic.fromTopicArn(stack, name, `arn:aws:sns:eu-west-1:123456789012:${name}`);
    new MlMetricAlarms(stack, 'MlAlarms', {
      projectName: 'shop',
      mlComponents: ecommerceMlComponents(),
      actions: [new SnsAlarmActionStrategy({ topics: [topic('alerts')] })],
      criticalActions: [new SnsAlarmActionStrategy({ topics: [topic('pager')] })],
      warningActions: [new SnsAlarmActionStrategy({ topics: [topic('team')] })],
      mlAnomalyAlarmsByMetric: { 'ComplianceGuardian.FraudDetectionRate': { severity: AlarmSeverity.CRITICAL } },
    });
    const alarms = alarmsByName(stack);
    const arn = (name: string) => `arn:aws:sns:eu-west-1:123456789012:${name}`;
    for (const [name, p] of Object.entries(alarms)) {
      const routed = name.includes('fraud-detection-rate') ? arn('pager') : arn('team');
      expect({ name, alarm: p.AlarmActions, ok: p.OKActions }).toEqual({ name, alarm: [arn('alerts'), routed], ok: [arn('alerts'), routed] });
    }
  });

  test('no cdk-nag findings (with actions, as PlatformMonitoring wires them)', () => {
    const { app, stack } = newStack();
    const topic = sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:eu-west-1:123456789012:shop-prod-alerts');
    new MlMetricAlarms(stack, 'MlAlarms', { mlComponents: ecommerceMlComponents(), projectName: 'shop', actions: [new SnsAlarmActionStrategy({ topics: [topic] })] });
    expect(Object.keys(alarmsByName(stack))).toHaveLength(12);
    expect(nagFindings(app, stack)).toEqual([]);
  });
});

describe('validation', () => {
  test.each([
    [{ mlAnomalyAlarms: { threshold: 3 } },
      /mlAnomalyAlarms\.threshold does not apply to anomaly-detection alarms: the band's side and width are the ML catalog's.*MlComponent\.withAnomalyDetection/],
    [{ mlAnomalyAlarmsByMetric: { 'RetailCopilot.ResponseTime': { threshold: 3 } } },
      /mlAnomalyAlarmsByMetric\["RetailCopilot\.ResponseTime"\]\.threshold does not apply to anomaly-detection alarms/],
    [{ mlAnomalyAlarmsByMetric: { 'retail-copilot.ResponseTime': {} } },
      /mlAnomalyAlarmsByMetric\["retail-copilot\.ResponseTime"\] is not an ML metric with anomalyDetection; the keys are full metric names, one of: MarketIntelligence\.ForecastAccuracy, MarketIntelligence\.Latency, /],
    [{ mlAnomalyAlarmsByMetric: { 'ComplianceGuardian.PCIViolations': { severity: AlarmSeverity.CRITICAL } } },
      /mlAnomalyAlarmsByMetric\["ComplianceGuardian\.PCIViolations"\] is not an ML metric with anomalyDetection/],
    [{ mlAnomalyAlarmsByMetric: ['RetailCopilot.ResponseTime'] as any },
      /mlAnomalyAlarmsByMetric must be an object keyed by full metric name, e\.g\. \{ "ComplianceGuardian\.FraudDetectionRate": /],
    [{ mlAnomalyAlarms: { datapointsToAlarm: 4 } }, /mlAnomalyAlarms\.datapointsToAlarm must be a whole number from 1 to evaluationPeriods \(3\); got 4/],
    [{ mlAnomalyAlarms: { period: Duration.seconds(30) } }, /mlAnomalyAlarms\.period must be a whole number of minutes/],
    [{ mlAnomalyAlarmsByMetric: { 'MarketIntelligence.Latency': { evaluationPeriods: 0 } } },
      /mlAnomalyAlarmsByMetric\["MarketIntelligence\.Latency"\]\.evaluationPeriods must be a whole number >= 1; got 0/],
    [{ mlAnomalyAlarmsByMetric: { 'MarketIntelligence.Latency': { severity: 'PAGE' as AlarmSeverity } } },
      /mlAnomalyAlarmsByMetric\["MarketIntelligence\.Latency"\]\.severity must be an AlarmSeverity/],
  ])('alarm settings %#', (extra, message) => {
    const { stack } = newStack();
    expect(() => new MlMetricAlarms(stack, 'A', { mlComponents: ecommerceMlComponents(), projectName: 'shop', ...extra })).toThrow(message);
  });

  test.each([
    [{ breach: AnomalyBandBreach.BELOW, bandWidth: 0 }, /anomalyDetection\.bandWidth of ML metric "Latency" must be a number of standard deviations greater than 0 .*; got 0\./],
    [{ breach: AnomalyBandBreach.BELOW, bandWidth: -1 }, /bandWidth .* greater than 0 .*; got -1\./],
    [{ breach: AnomalyBandBreach.BELOW, bandWidth: NaN }, /bandWidth .* greater than 0 .*; got NaN\./],
    [{ breach: AnomalyBandBreach.BELOW, bandWidth: Infinity }, /bandWidth .* greater than 0 .*; got Infinity\./],
    [{ breach: 'UNDER' as AnomalyBandBreach }, /anomalyDetection\.breach of ML metric "Latency" must be an AnomalyBandBreach \(ABOVE, BELOW, OUTSIDE\): which side of the band alarms; got UNDER\./],
  ])('catalog anomalyDetection %#', (options, message) => {
    expect(() => MARKET_INTELLIGENCE_HUB.withAnomalyDetection('Latency', options)).toThrow(message);
  });

  test('a metric the component does not have', () => {
    expect(() => RETAIL_COPILOT.withAnomalyDetection('Nope', { breach: AnomalyBandBreach.ABOVE }))
      .toThrow(/ML component "retail-copilot" has no metric "Nope"; it has: ResponseTime, SQLGenerationSuccess, ConversationCount\./);
    expect(() => RETAIL_COPILOT.withoutAnomalyDetection('Nope')).toThrow(/has no metric "Nope"/);
    expect(() => COMPLIANCE_GUARDIAN.anomalyBand('shop', 'PCIViolations'))
      .toThrow(/The metric "PCIViolations" of ML component "compliance-guardian" has no anomalyDetection/);
  });
});

describe('in PlatformMonitoring', () => {
  test('on by default, in the ML alarm list, in the warning alarms (maintenance windows and routes), and removable', () => {
    const { stack } = newStack();
    const monitoring = new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, mlComponents: ecommerceMlComponents(), projectName: 'shop' });
    expect(monitoring.alarms.mlAnomalyAlarms).toHaveLength(12);
    expect(monitoring.alarms.mlAlarms).toEqual([]);
    for (const alarm of monitoring.alarms.mlAnomalyAlarms) {
      expect(monitoring.alarms.allAlarms).toContain(alarm);
      expect(monitoring.alarms.warningAlarms).toContain(alarm);
    }
    const { stack: off } = newStack();
    const none = new PlatformMonitoring(off, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, mlComponents: ecommerceMlComponents(), projectName: 'shop', alarms: { mlAnomalyAlarms: { enabled: false } } });
    expect(none.alarms.mlAnomalyAlarms).toEqual([]);
    expect(Object.keys(alarmsByName(off)).filter((n) => n.endsWith('-anomaly'))).toEqual([]);
  });

  test('the alert topic hears them (ALARM and OK), like every alarm', () => {
    const { app, stack } = newStack();
    new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, mlComponents: ecommerceMlComponents(), projectName: 'shop' });
    const anomaly = alarmsOf(assemblyTemplates(app)).filter((a) => String(a.props.AlarmName).endsWith('-anomaly'));
    expect(anomaly).toHaveLength(12);
    for (const a of anomaly) {
      expect(a.props.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^MonitoringAlerts/) }]);
      expect(a.props.OKActions).toEqual(a.props.AlarmActions);
    }
  });
});
