import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AnomalyBandBreach, MlAnomalyDetectionOptions } from './ml-anomaly-detection';
import { MlComponent } from './ml-component';
import { grantPutMetricDataInNamespace } from './ml-grants';
import { MlMetricDefinition } from './ml-metric-definition';
import { mlComponentsProblem } from './ml-validation';

const { AVERAGE, MAXIMUM, SUM } = cloudwatch.Stats;
const P90 = cloudwatch.Stats.p(90);
const { PERCENT, SECONDS, MILLISECONDS, COUNT, NONE } = cloudwatch.Unit;

function def(metricName: string, unit: cloudwatch.Unit, statistic: string, description: string,
  anomalyDetection?: MlAnomalyDetectionOptions): MlMetricDefinition {
  return new MlMetricDefinition({ metricName, unit, statistic, description, anomalyDetection });
}

// Anomaly detection defaults (README, "ML drift: anomaly detection"). Quality scores (accuracies,
// success rates) drift down; serving latencies drift up; counts and scores whose shift either way
// means the model changed get a band on both sides, 3 standard deviations wide as they are burstier.
// Not marked: training and analysis durations (one datapoint per run, too sparse to learn from) and
// PCI violations (any violation is an incident: give it a static `mlAlarms` entry).
/** Quality falling below its band. */
const FALLS: MlAnomalyDetectionOptions = { breach: AnomalyBandBreach.BELOW, bandWidth: 2 };
/** Latency rising above its band. */
const RISES: MlAnomalyDetectionOptions = { breach: AnomalyBandBreach.ABOVE, bandWidth: 2 };
/** Usage falling well below its band (peaks are welcome). */
const USAGE_DROPS: MlAnomalyDetectionOptions = { breach: AnomalyBandBreach.BELOW, bandWidth: 3 };
/** A bursty count or score leaving a wide band on either side. */
const SHIFTS: MlAnomalyDetectionOptions = { breach: AnomalyBandBreach.OUTSIDE, bandWidth: 3 };

/**
 * Properties of an `MlMetricCatalog`.
 */
export interface MlMetricCatalogProps {
  /** The CloudWatch namespace of the platform's custom metrics (`PlatformMonitoring.metricNamespace`). */
  readonly namespace: string;

  /**
   * The ML components and their metrics. Replace the list, or extend it:
   * `[...MlMetricCatalog.defaultComponents(), new MlComponent({...})]`.
   *
   * @default MlMetricCatalog.defaultComponents()
   */
  readonly components?: MlComponent[];
}

/**
 * The typed catalog of the platform's ML metrics, in the project namespace.
 *
 * Applications publish with `fullMetricName` (e.g. `MarketIntelligence.ForecastAccuracy`) and the
 * unit of each `MlMetricDefinition`; the ML dashboard and alarms read the same catalog. Metrics with
 * `anomalyDetection` get an anomaly-detection alarm and a band on their graph.
 */
export class MlMetricCatalog {
  /** Market Intelligence Hub: demand forecasting. */
  public static readonly MARKET_INTELLIGENCE_HUB: MlComponent = new MlComponent({
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
  public static readonly DEMAND_INSIGHTS_ENGINE: MlComponent = new MlComponent({
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
  public static readonly COMPLIANCE_GUARDIAN: MlComponent = new MlComponent({
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
  public static readonly RETAIL_COPILOT: MlComponent = new MlComponent({
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
  public static readonly GLOBAL_MARKET_PULSE: MlComponent = new MlComponent({
    id: 'global-market-pulse',
    displayName: 'Global Market Pulse',
    metricPrefix: 'GlobalMarketPulse',
    metrics: [
      def('TrendAccuracy', PERCENT, AVERAGE, 'Accuracy of detected market trends against outcomes (0-100).', FALLS),
      def('OpportunityScore', NONE, AVERAGE, 'Score of the market opportunities found in one analysis.', SHIFTS),
      def('AnalysisTime', SECONDS, AVERAGE, 'Duration of one market analysis run.'),
    ],
  });

  /** The platform's five ML components, in dashboard order (a new array on each call). */
  public static defaultComponents(): MlComponent[] {
    return [
      MlMetricCatalog.MARKET_INTELLIGENCE_HUB,
      MlMetricCatalog.DEMAND_INSIGHTS_ENGINE,
      MlMetricCatalog.COMPLIANCE_GUARDIAN,
      MlMetricCatalog.RETAIL_COPILOT,
      MlMetricCatalog.GLOBAL_MARKET_PULSE,
    ];
  }

  /**
   * Lets `grantee` publish metrics (`cloudwatch:PutMetricData`) to `namespace` only, through the
   * `cloudwatch:namespace` condition key (the action supports no resource ARNs).
   */
  public static grantPutMetricDataInNamespace(grantee: iam.IGrantable, namespace: string): iam.Grant {
    return grantPutMetricDataInNamespace(grantee, namespace);
  }

  /** The namespace of the platform's custom metrics. */
  public readonly namespace: string;

  /** The ML components, in dashboard order. */
  public readonly components: MlComponent[];

  constructor(props: MlMetricCatalogProps) {
    const components = props.components ?? MlMetricCatalog.defaultComponents();
    const problem = mlComponentsProblem(components);
    if (problem) throw new Error(problem);
    this.namespace = props.namespace;
    this.components = [...components];
  }

  /** The component with this id; throws if there is none. */
  public component(componentId: string): MlComponent {
    const found = this.components.find(c => c.id === componentId);
    if (!found) {
      throw new Error(`No ML component "${componentId}" in the catalog; it has: ${this.components.map(c => c.id).join(', ')}.`);
    }
    return found;
  }

  /** The full metric name, e.g. `fullMetricName('market-intelligence', 'ForecastAccuracy')`. */
  public fullMetricName(componentId: string, metricName: string): string {
    return this.component(componentId).fullMetricName(metricName);
  }

  /** One ML metric in the catalog's namespace, with its default statistic and a 5-minute period. */
  public metric(componentId: string, metricName: string, options?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.component(componentId).metric(this.namespace, metricName, options);
  }

  /** Lets `grantee` publish metrics to the catalog's namespace only. */
  public grantPutMetricData(grantee: iam.IGrantable): iam.Grant {
    return grantPutMetricDataInNamespace(grantee, this.namespace);
  }
}
