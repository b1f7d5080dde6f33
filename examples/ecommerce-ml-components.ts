/**
 * The example platform's ML components: five e-commerce models and the metrics each publishes, in
 * dashboard order. The library ships no ML catalog of its own; pass yours as `mlComponents`.
 */
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { AnomalyBandBreach, MlAnomalyDetectionOptions, MlComponent, MlMetricDefinition } from '../src';

const { AVERAGE, MAXIMUM, SUM } = cloudwatch.Stats;
const P90 = cloudwatch.Stats.p(90);
const { PERCENT, SECONDS, MILLISECONDS, COUNT, NONE } = cloudwatch.Unit;

function def(metricName: string, unit: cloudwatch.Unit, statistic: string, description: string,
  anomalyDetection?: MlAnomalyDetectionOptions): MlMetricDefinition {
  return new MlMetricDefinition({ metricName, unit, statistic, description, anomalyDetection });
}

// Anomaly detection: quality scores (accuracies, success rates) drift down; serving latencies drift
// up; counts and scores whose shift either way means the model changed get a band on both sides,
// 3 standard deviations wide as they are burstier. Not marked: training and analysis durations (one
// datapoint per run, too sparse to learn from) and PCI violations (any violation is an incident:
// give it a static `mlAlarms` entry).
/** Quality falling below its band. */
const FALLS: MlAnomalyDetectionOptions = { breach: AnomalyBandBreach.BELOW, bandWidth: 2 };
/** Latency rising above its band. */
const RISES: MlAnomalyDetectionOptions = { breach: AnomalyBandBreach.ABOVE, bandWidth: 2 };
/** Usage falling well below its band (peaks are welcome). */
const USAGE_DROPS: MlAnomalyDetectionOptions = { breach: AnomalyBandBreach.BELOW, bandWidth: 3 };
/** A bursty count or score leaving a wide band on either side. */
const SHIFTS: MlAnomalyDetectionOptions = { breach: AnomalyBandBreach.OUTSIDE, bandWidth: 3 };

/** Market Intelligence Hub: demand forecasting. */
export const MARKET_INTELLIGENCE_HUB = new MlComponent({
  id: 'market-intelligence',
  displayName: 'Market Intelligence Hub',
  metricPrefix: 'MarketIntelligence',
  metrics: [
    def('ForecastAccuracy', PERCENT, AVERAGE, 'Accuracy of the latest demand forecasts against actuals (0-100).', FALLS),
    def('TrainingTime', SECONDS, MAXIMUM, 'Wall-clock duration of one model training run.'),
    def('Latency', MILLISECONDS, P90, 'Time to serve one forecast request.', RISES),
  ],
});

/** Demand Insights Engine: segmentation, customer lifetime value and churn. */
export const DEMAND_INSIGHTS_ENGINE = new MlComponent({
  id: 'demand-insights',
  displayName: 'Demand Insights Engine',
  metricPrefix: 'DemandInsights',
  metrics: [
    def('SegmentationQuality', PERCENT, AVERAGE, 'Quality score of the customer segmentation (0-100).', FALLS),
    def('CLVAccuracy', PERCENT, AVERAGE, 'Accuracy of customer lifetime value predictions (0-100).', FALLS),
    def('ChurnAccuracy', PERCENT, AVERAGE, 'Accuracy of churn predictions (0-100).', FALLS),
  ],
});

/** Compliance Guardian: fraud and PCI compliance. */
export const COMPLIANCE_GUARDIAN = new MlComponent({
  id: 'compliance-guardian',
  displayName: 'Compliance Guardian',
  metricPrefix: 'ComplianceGuardian',
  metrics: [
    def('FraudDetectionRate', PERCENT, AVERAGE, 'Share of confirmed fraud cases the model flagged (0-100).', FALLS),
    def('HighRiskTransactions', COUNT, SUM, 'Transactions scored as high risk.', SHIFTS),
    def('PCIViolations', COUNT, SUM, 'PCI DSS violations detected.'),
  ],
});

/** Retail Copilot: the conversational assistant. */
export const RETAIL_COPILOT = new MlComponent({
  id: 'retail-copilot',
  displayName: 'Retail Copilot',
  metricPrefix: 'RetailCopilot',
  metrics: [
    def('ResponseTime', MILLISECONDS, P90, 'Time to answer one user message.', RISES),
    def('SQLGenerationSuccess', PERCENT, AVERAGE, 'Share of generated SQL queries that ran successfully (0-100).', FALLS),
    def('ConversationCount', COUNT, SUM, 'Conversations started.', USAGE_DROPS),
  ],
});

/** Global Market Pulse: market trends and opportunities. */
export const GLOBAL_MARKET_PULSE = new MlComponent({
  id: 'global-market-pulse',
  displayName: 'Global Market Pulse',
  metricPrefix: 'GlobalMarketPulse',
  metrics: [
    def('TrendAccuracy', PERCENT, AVERAGE, 'Accuracy of detected market trends against outcomes (0-100).', FALLS),
    def('OpportunityScore', NONE, AVERAGE, 'Score of the market opportunities found in one analysis.', SHIFTS),
    def('AnalysisTime', SECONDS, AVERAGE, 'Duration of one market analysis run.'),
  ],
});

/** The five components, in dashboard order (a new array on each call). */
export function ecommerceMlComponents(): MlComponent[] {
  return [MARKET_INTELLIGENCE_HUB, DEMAND_INSIGHTS_ENGINE, COMPLIANCE_GUARDIAN, RETAIL_COPILOT, GLOBAL_MARKET_PULSE];
}
