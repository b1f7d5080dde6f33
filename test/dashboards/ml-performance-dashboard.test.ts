import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { allMetrics, dashboardBody, layoutProblems, parseAnomalyBand, titles, widget, widgetMetrics } from './body';
import { DeploymentEnvironment } from '../../src/core/environment';
import { MlPerformanceDashboard } from '../../src/dashboards/ml-performance-dashboard';
import { AnomalyBandBreach } from '../../src/metrics/ml-anomaly-detection';
import { MlComponent } from '../../src/metrics/ml-component';
import { MlMetricDefinition } from '../../src/metrics/ml-metric-definition';
import { RETAIL_COPILOT, ecommerceMlComponents } from '../ml-fixtures';
import { newStack } from '../nag-helpers';

describe('MlPerformanceDashboard', () => {
  test('name, time range and one section per default component', () => {
    const { stack } = newStack();
    const d = new MlPerformanceDashboard(stack, 'Ml', { mlComponents: ecommerceMlComponents(), projectName: 'shop' });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'shop-ml-performance' });
    const body = dashboardBody(d.dashboard);
    expect(body.start).toBe('-P1D');
    expect(body.periodOverride).toBe('inherit');
    // 5 components x (header + single value + 3 graphs)
    expect(body.widgets).toHaveLength(25);
    expect(titles(body).slice(0, 5)).toEqual([
      '## Market Intelligence Hub',
      'Market Intelligence Hub: latest values',
      'Forecast Accuracy (Percent)',
      'Training Time (Seconds)',
      'Latency (Milliseconds)',
    ]);
    expect(titles(body).filter(t => t.startsWith('## '))).toEqual([
      '## Market Intelligence Hub', '## Demand Insights Engine', '## Compliance Guardian', '## Retail Copilot', '## Global Market Pulse',
    ]);
    expect(layoutProblems(body)).toEqual([]);
  });

  test('every metric: project namespace, catalog name, statistic, 5-minute period, no dimensions', () => {
    const { stack } = newStack();
    const d = new MlPerformanceDashboard(stack, 'Ml', { mlComponents: ecommerceMlComponents(), projectName: 'shop' });
    const body = dashboardBody(d.dashboard);
    const expected = ecommerceMlComponents().flatMap(c => c.metrics.map(m => ({
      namespace: 'shop', metricName: c.fullMetricName(m.metricName), dimensions: {}, stat: m.statistic, period: 300, label: m.label,
    })));
    const singles = body.widgets.filter((w: any) => w.properties.view === 'singleValue');
    expect(singles.flatMap(widgetMetrics)).toEqual(expected);
    const graphs = body.widgets.filter((w: any) => w.properties.view === 'timeSeries');
    // Each graph's first line is its metric (the band, if any, comes second: see the anomaly tests).
    expect(graphs.map((w: any) => widgetMetrics(w)[0])).toEqual(expected.map((e) => expect.objectContaining(e)));
    expect(widget(body, 'Forecast Accuracy (Percent)').properties.yAxis.left).toEqual({ min: 0, max: 100, showUnits: false });
    expect(allMetrics(body)).toHaveLength(30 + 12);
  });

  test('custom components, period, interval, environment and alarms', () => {
    const { stack } = newStack();
    const alarm = new cloudwatch.Alarm(stack, 'A', {
      metric: RETAIL_COPILOT.metric('shop', 'ResponseTime'), threshold: 1, evaluationPeriods: 1,
    });
    const custom = new MlComponent({
      id: 'price-optimizer',
      displayName: 'Price Optimizer',
      metricPrefix: 'PriceOptimizer',
      metrics: ['A', 'B', 'C', 'D', 'E'].map(n => new MlMetricDefinition({ metricName: `M${n}`, unit: cloudwatch.Unit.COUNT, statistic: 'Sum', description: 'x' })),
    });
    const d = new MlPerformanceDashboard(stack, 'Ml', {
      projectName: 'shop',
      environment: DeploymentEnvironment.DEV,
      mlComponents: [custom],
      alarms: [alarm],
      period: Duration.minutes(1),
      defaultInterval: Duration.hours(6),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'shop-ml-performance-dev' });
    const body = dashboardBody(d.dashboard);
    expect(body.start).toBe('-PT6H');
    expect(titles(body)).toEqual(['ML alarms', '## Price Optimizer', 'Price Optimizer: latest values',
      'MA (Count)', 'MB (Count)', 'MC (Count)', 'MD (Count)', 'ME (Count)']);
    const alarmId = stack.getLogicalId(alarm.node.defaultChild as cloudwatch.CfnAlarm);
    expect(body.widgets[0].properties.alarms).toEqual([`\${${alarmId}.Arn}`]);
    expect(allMetrics(body).every(m => m.period === 60 && m.stat === 'Sum')).toBe(true);
    expect(layoutProblems(body)).toEqual([]);
    // five graphs of width 6 wrap onto a second line
    expect(body.widgets.filter((w: any) => w.properties.view === 'timeSeries').map((w: any) => [w.x, w.width])).toEqual([[0, 6], [6, 6], [12, 6], [18, 6], [0, 6]]);
  });

  describe('anomaly bands', () => {
    /** Per graph title: the band's width, whether it bands the graph's own metric, and its label; undefined without a band. */
    function bands(body: any): { [title: string]: { width: number; bandsOwnMetric: boolean; label?: string } | undefined } {
      return Object.fromEntries(body.widgets.filter((w: any) => w.properties.view === 'timeSeries').map((w: any) => {
        const metrics = widgetMetrics(w);
        const found = metrics.map((m) => ({ m, band: parseAnomalyBand(m.expression) })).filter((x) => x.band);
        expect(found.length).toBeLessThanOrEqual(1);
        if (found.length === 0) return [w.properties.title, undefined];
        const { band, m } = found[0];
        const target = metrics.find((x) => x.id === band!.ref);
        return [w.properties.title, { width: band!.width, bandsOwnMetric: target === metrics[0] && target.namespace === 'shop', label: m.label }];
      }));
    }

    test('every marked metric of the default catalog shows its band, as wide as its alarm\'s; the others none', () => {
      const { stack } = newStack();
      const body = dashboardBody(new MlPerformanceDashboard(stack, 'Ml', { mlComponents: ecommerceMlComponents(), projectName: 'shop' }).dashboard);
      const two = (label: string) => ({ width: 2, bandsOwnMetric: true, label: `${label} expected band (2 std dev)` });
      const three = (label: string) => ({ width: 3, bandsOwnMetric: true, label: `${label} expected band (3 std dev)` });
      expect(bands(body)).toEqual({
        'Forecast Accuracy (Percent)': two('Forecast Accuracy'),
        'Training Time (Seconds)': undefined,
        'Latency (Milliseconds)': two('Latency'),
        'Segmentation Quality (Percent)': two('Segmentation Quality'),
        'CLV Accuracy (Percent)': two('CLV Accuracy'),
        'Churn Accuracy (Percent)': two('Churn Accuracy'),
        'Fraud Detection Rate (Percent)': two('Fraud Detection Rate'),
        'High Risk Transactions (Count)': three('High Risk Transactions'),
        'PCI Violations (Count)': undefined,
        'Response Time (Milliseconds)': two('Response Time'),
        'SQL Generation Success (Percent)': two('SQL Generation Success'),
        'Conversation Count (Count)': three('Conversation Count'),
        'Trend Accuracy (Percent)': two('Trend Accuracy'),
        'Opportunity Score (None)': three('Opportunity Score'),
        'Analysis Time (Seconds)': undefined,
      });
      // The banded metric keeps its statistic and the dashboard period (the model is per metric and statistic).
      const latency = widgetMetrics(widget(body, 'Latency (Milliseconds)'));
      expect(latency[0]).toEqual({
        namespace: 'shop', metricName: 'MarketIntelligence.Latency', dimensions: {}, stat: 'p90', period: 300, label: 'Latency', id: 'm0',
      });
      expect(latency[1].expression).toBe('ANOMALY_DETECTION_BAND(m0, 2)');
      expect(layoutProblems(body)).toEqual([]);
    });

    test('the band follows the catalog: width, and none once anomaly detection is removed', () => {
      const { stack } = newStack();
      const body = dashboardBody(new MlPerformanceDashboard(stack, 'Ml', {
        projectName: 'shop',
        period: Duration.minutes(1),
        mlComponents: [
          RETAIL_COPILOT.withAnomalyDetection('ResponseTime', { breach: AnomalyBandBreach.ABOVE, bandWidth: 4.5 })
            .withoutAnomalyDetection('SQLGenerationSuccess'),
        ],
      }).dashboard);
      expect(bands(body)).toEqual({
        'Response Time (Milliseconds)': { width: 4.5, bandsOwnMetric: true, label: 'Response Time expected band (4.5 std dev)' },
        'SQL Generation Success (Percent)': undefined,
        'Conversation Count (Count)': { width: 3, bandsOwnMetric: true, label: 'Conversation Count expected band (3 std dev)' },
      });
      expect(widgetMetrics(widget(body, 'Response Time (Milliseconds)')).map((m) => m.period)).toEqual([60, 60]);
    });

    test('anomaly alarms draw no threshold line (their threshold is the band)', () => {
      const { stack } = newStack();
      const alarm = new cloudwatch.AnomalyDetectionAlarm(stack, 'A', {
        metric: RETAIL_COPILOT.metric('shop', 'ResponseTime'),
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD,
      });
      const body = dashboardBody(new MlPerformanceDashboard(stack, 'Ml', { mlComponents: ecommerceMlComponents(), projectName: 'shop', alarms: [alarm] }).dashboard);
      expect(widget(body, 'Response Time (Milliseconds)').properties.annotations).toBeUndefined();
    });
  });

  test.each([
    [{ mlComponents: [] }, /mlComponents is empty/],
    [{ mlComponents: [RETAIL_COPILOT, RETAIL_COPILOT] }, /id "retail-copilot" is used more than once/],
    [{ period: Duration.seconds(90) }, /period must be a whole number of minutes/],
    [{ dashboardName: 'has spaces' }, /A dashboard name must be 1-255 letters, digits, hyphens and underscores; got "has spaces"/],
  ])('rejects bad input %#', (extra, message) => {
    const { stack } = newStack();
    expect(() => new MlPerformanceDashboard(stack, 'Ml', { mlComponents: ecommerceMlComponents(), projectName: 'shop', ...extra })).toThrow(message);
  });

  test('a dashboard over 500 widgets fails at synth with a clear message', () => {
    const { stack } = newStack();
    const many = Array.from({ length: 101 }, (_, i) => new MlComponent({
      id: `c${i}`,
      displayName: `C${i}`,
      metricPrefix: `C${i}`,
      metrics: [new MlMetricDefinition({ metricName: 'M', unit: cloudwatch.Unit.COUNT, description: 'x' }),
        new MlMetricDefinition({ metricName: 'N', unit: cloudwatch.Unit.COUNT, description: 'x' }),
        new MlMetricDefinition({ metricName: 'O', unit: cloudwatch.Unit.COUNT, description: 'x' })],
    }));
    expect(() => new MlPerformanceDashboard(stack, 'Ml', { projectName: 'shop', mlComponents: many }))
      .toThrow(/The ML performance dashboard would have 505 widgets; CloudWatch allows 500/);
  });
});
