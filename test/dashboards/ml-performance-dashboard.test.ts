import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { allMetrics, dashboardBody, layoutProblems, titles, widget, widgetMetrics } from './body';
import { MlPerformanceDashboard } from '../../src/dashboards/ml-performance-dashboard';
import { DeploymentEnvironment } from '../../src/environment';
import { MlMetricCatalog } from '../../src/metrics/ml-catalog';
import { MlComponent } from '../../src/metrics/ml-component';
import { MlMetricDefinition } from '../../src/metrics/ml-metric-definition';
import { newStack } from '../nag-helpers';

describe('MlPerformanceDashboard', () => {
  test('name, time range and one section per default component', () => {
    const { stack } = newStack();
    const d = new MlPerformanceDashboard(stack, 'Ml', { projectName: 'shop' });
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
    const d = new MlPerformanceDashboard(stack, 'Ml', { projectName: 'shop' });
    const body = dashboardBody(d.dashboard);
    const expected = MlMetricCatalog.defaultComponents().flatMap(c => c.metrics.map(m => ({
      namespace: 'shop', metricName: c.fullMetricName(m.metricName), dimensions: {}, stat: m.statistic, period: 300, label: m.label,
    })));
    const singles = body.widgets.filter((w: any) => w.properties.view === 'singleValue');
    expect(singles.flatMap(widgetMetrics)).toEqual(expected);
    const graphs = body.widgets.filter((w: any) => w.properties.view === 'timeSeries');
    expect(graphs.flatMap(widgetMetrics)).toEqual(expected);
    expect(widget(body, 'Forecast Accuracy (Percent)').properties.yAxis.left).toEqual({ min: 0, max: 100, showUnits: false });
    expect(allMetrics(body)).toHaveLength(30);
  });

  test('custom components, period, interval, environment and alarms', () => {
    const { stack } = newStack();
    const alarm = new cloudwatch.Alarm(stack, 'A', {
      metric: MlMetricCatalog.RETAIL_COPILOT.metric('shop', 'ResponseTime'), threshold: 1, evaluationPeriods: 1,
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

  test.each([
    [{ mlComponents: [] }, /mlComponents is empty/],
    [{ mlComponents: [MlMetricCatalog.RETAIL_COPILOT, MlMetricCatalog.RETAIL_COPILOT] }, /id "retail-copilot" is used more than once/],
    [{ period: Duration.seconds(90) }, /period must be a whole number of minutes/],
    [{ dashboardName: 'has spaces' }, /A dashboard name must be 1-255 letters, digits, hyphens and underscores; got "has spaces"/],
  ])('rejects bad input %#', (extra, message) => {
    const { stack } = newStack();
    expect(() => new MlPerformanceDashboard(stack, 'Ml', { projectName: 'shop', ...extra })).toThrow(message);
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
