import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { MlMetricCatalog } from '../../src/metrics/ml-catalog';
import { MlComponent } from '../../src/metrics/ml-component';
import { MlMetricDefinition } from '../../src/metrics/ml-metric-definition';
import { DEMAND_INSIGHTS_ENGINE, MARKET_INTELLIGENCE_HUB, RETAIL_COPILOT, ecommerceMlComponents } from '../ml-fixtures';
import { newStack } from '../nag-helpers';

const EXPECTED: Array<[string, string, string, cloudwatch.Unit, string]> = [
  ['market-intelligence', 'Market Intelligence Hub', 'MarketIntelligence.ForecastAccuracy', cloudwatch.Unit.PERCENT, 'Average'],
  ['market-intelligence', 'Market Intelligence Hub', 'MarketIntelligence.TrainingTime', cloudwatch.Unit.SECONDS, 'Maximum'],
  ['market-intelligence', 'Market Intelligence Hub', 'MarketIntelligence.Latency', cloudwatch.Unit.MILLISECONDS, 'p90'],
  ['demand-insights', 'Demand Insights Engine', 'DemandInsights.SegmentationQuality', cloudwatch.Unit.PERCENT, 'Average'],
  ['demand-insights', 'Demand Insights Engine', 'DemandInsights.CLVAccuracy', cloudwatch.Unit.PERCENT, 'Average'],
  ['demand-insights', 'Demand Insights Engine', 'DemandInsights.ChurnAccuracy', cloudwatch.Unit.PERCENT, 'Average'],
  ['compliance-guardian', 'Compliance Guardian', 'ComplianceGuardian.FraudDetectionRate', cloudwatch.Unit.PERCENT, 'Average'],
  ['compliance-guardian', 'Compliance Guardian', 'ComplianceGuardian.HighRiskTransactions', cloudwatch.Unit.COUNT, 'Sum'],
  ['compliance-guardian', 'Compliance Guardian', 'ComplianceGuardian.PCIViolations', cloudwatch.Unit.COUNT, 'Sum'],
  ['retail-copilot', 'Retail Copilot', 'RetailCopilot.ResponseTime', cloudwatch.Unit.MILLISECONDS, 'p90'],
  ['retail-copilot', 'Retail Copilot', 'RetailCopilot.SQLGenerationSuccess', cloudwatch.Unit.PERCENT, 'Average'],
  ['retail-copilot', 'Retail Copilot', 'RetailCopilot.ConversationCount', cloudwatch.Unit.COUNT, 'Sum'],
  ['global-market-pulse', 'Global Market Pulse', 'GlobalMarketPulse.TrendAccuracy', cloudwatch.Unit.PERCENT, 'Average'],
  ['global-market-pulse', 'Global Market Pulse', 'GlobalMarketPulse.OpportunityScore', cloudwatch.Unit.NONE, 'Average'],
  ['global-market-pulse', 'Global Market Pulse', 'GlobalMarketPulse.AnalysisTime', cloudwatch.Unit.SECONDS, 'Average'],
];

describe('MlMetricCatalog defaults', () => {
  test('five components, fifteen metrics with exact names, units and statistics', () => {
    const rows = ecommerceMlComponents().flatMap(c =>
      c.metrics.map(m => [c.id, c.displayName, c.fullMetricName(m.metricName), m.unit, m.statistic]));
    expect(rows).toEqual(EXPECTED);
  });

  test('every metric has a description and a readable label', () => {
    const defs = ecommerceMlComponents().flatMap(c => c.metrics);
    expect(defs.every(d => d.description.length > 10)).toBe(true);
    expect(DEMAND_INSIGHTS_ENGINE.definition('CLVAccuracy').label).toBe('CLV Accuracy');
    expect(RETAIL_COPILOT.definition('SQLGenerationSuccess').label).toBe('SQL Generation Success');
  });

  test('the default catalog is empty: the library ships no ML components', () => {
    expect(new MlMetricCatalog({ namespace: 'ns' }).components).toEqual([]);
    expect(() => new MlMetricCatalog({ namespace: 'ns' }).metric('market-intelligence', 'Latency'))
      .toThrow('No ML component "market-intelligence" in the catalog; it has none: list it in mlComponents.');
  });
});

describe('building metrics', () => {
  test('metric() uses the namespace, full name, default statistic and 5-minute period', () => {
    const catalog = new MlMetricCatalog({ namespace: 'ecommerce-ai-platform', components: ecommerceMlComponents() });
    const m = catalog.metric('market-intelligence', 'Latency');
    expect(m.namespace).toBe('ecommerce-ai-platform');
    expect(m.metricName).toBe('MarketIntelligence.Latency');
    expect(m.statistic).toBe('p90');
    expect(m.period.toSeconds()).toBe(300);
    expect(m.dimensions).toBeUndefined();
    expect(catalog.fullMetricName('compliance-guardian', 'PCIViolations')).toBe('ComplianceGuardian.PCIViolations');
  });

  test('options override defaults, but an explicit undefined does not erase them', () => {
    const c = MARKET_INTELLIGENCE_HUB;
    expect(c.metric('ns', 'TrainingTime', { statistic: 'Average' }).statistic).toBe('Average');
    const m = c.metric('ns', 'TrainingTime', { statistic: undefined, period: undefined });
    expect(m.statistic).toBe('Maximum');
    expect(m.period.toSeconds()).toBe(300);
  });

  test('unknown components and metrics fail with the known names', () => {
    const catalog = new MlMetricCatalog({ namespace: 'ns', components: ecommerceMlComponents() });
    expect(() => catalog.metric('nope', 'X')).toThrow(/No ML component "nope".*market-intelligence/);
    expect(() => catalog.metric('retail-copilot', 'Nope')).toThrow(/has no metric "Nope".*ResponseTime/);
  });

  test('users extend the catalog with components and metrics', () => {
    const extra = new MlComponent({
      id: 'price-optimizer',
      displayName: 'Price Optimizer',
      metricPrefix: 'PriceOptimizer',
      metrics: [new MlMetricDefinition({ metricName: 'MarginLift', unit: cloudwatch.Unit.PERCENT, description: 'Margin lift.' })],
    });
    const hub = MARKET_INTELLIGENCE_HUB.withAdditionalMetrics([
      new MlMetricDefinition({ metricName: 'DriftScore', unit: cloudwatch.Unit.NONE, statistic: 'Maximum', description: 'Data drift.' }),
    ]);
    const catalog = new MlMetricCatalog({ namespace: 'ns', components: [hub, extra] });
    expect(catalog.fullMetricName('price-optimizer', 'MarginLift')).toBe('PriceOptimizer.MarginLift');
    expect(catalog.metric('market-intelligence', 'DriftScore').statistic).toBe('Maximum');
    expect(MARKET_INTELLIGENCE_HUB.metrics).toHaveLength(3);
  });
});

describe('validation', () => {
  const def = (metricName: string) => new MlMetricDefinition({ metricName, unit: cloudwatch.Unit.COUNT, description: 'd' });

  test('metric names and prefixes must be identifiers', () => {
    expect(() => def('Forecast.Accuracy')).toThrow(/metricName must start with a letter.*"Forecast.Accuracy"/);
    expect(() => def('')).toThrow(/metricName must start with a letter/);
    expect(() => new MlComponent({ id: 'x', displayName: 'X', metricPrefix: 'Bad Prefix', metrics: [def('A')] }))
      .toThrow(/metricPrefix of ML component "x" must start with a letter/);
  });

  test('component ids are kebab-case, with at least one unique metric', () => {
    expect(() => new MlComponent({ id: 'Market_Intel', displayName: 'X', metricPrefix: 'X', metrics: [def('A')] }))
      .toThrow(/id must be 1-64 lowercase letters/);
    expect(() => new MlComponent({ id: 'x', displayName: 'X', metricPrefix: 'X', metrics: [] })).toThrow(/has no metrics/);
    expect(() => new MlComponent({ id: 'x', displayName: 'X', metricPrefix: 'X', metrics: [def('A'), def('A')] }))
      .toThrow(/lists the metric "A" more than once/);
  });

  test('the catalog rejects duplicate ids and prefixes', () => {
    const a = new MlComponent({ id: 'a', displayName: 'A', metricPrefix: 'Same', metrics: [def('M')] });
    const b = new MlComponent({ id: 'b', displayName: 'B', metricPrefix: 'Same', metrics: [def('M')] });
    expect(() => new MlMetricCatalog({ namespace: 'ns', components: [a, a] })).toThrow(/id "a" is used more than once/);
    expect(() => new MlMetricCatalog({ namespace: 'ns', components: [a, b] })).toThrow(/prefix "Same" is used by more than one/);
  });
});

describe('grantPutMetricData', () => {
  function policyOf(stack: Stack) {
    return Template.fromStack(stack).findResources('AWS::IAM::Policy');
  }

  test('allows cloudwatch:PutMetricData on * only for the namespace', () => {
    const { stack } = newStack();
    const role = new iam.Role(stack, 'Publisher', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const grant = new MlMetricCatalog({ namespace: 'ecommerce-ai-platform' }).grantPutMetricData(role);
    expect(grant.success).toBe(true);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: 'cloudwatch:PutMetricData',
          Resource: '*',
          Condition: { StringEquals: { 'cloudwatch:namespace': 'ecommerce-ai-platform' } },
        }],
      },
    });
    expect(Object.keys(policyOf(stack))).toHaveLength(1);
  });

  test('the static form takes the namespace', () => {
    const { stack } = newStack();
    const role = new iam.Role(stack, 'Publisher', { assumedBy: new iam.AccountRootPrincipal() });
    MlMetricCatalog.grantPutMetricDataInNamespace(role, 'other-ns');
    const statements = Object.values(policyOf(stack))[0].Properties.PolicyDocument.Statement;
    expect(statements).toEqual([expect.objectContaining({ Condition: { StringEquals: { 'cloudwatch:namespace': 'other-ns' } } })]);
  });
});
