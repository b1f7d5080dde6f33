import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { MlComponent } from './ml-component';
import { grantPutMetricDataInNamespace } from './ml-grants';
import { mlComponentsProblem } from './ml-validation';

/**
 * Properties of an `MlMetricCatalog`.
 */
export interface MlMetricCatalogProps {
  /** The CloudWatch namespace of the platform's custom metrics (`PlatformMonitoring.metricNamespace`). */
  readonly namespace: string;

  /**
   * The ML components and their metrics (the library ships none: describe your own models).
   *
   * @default - none: an empty catalog
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
    const components = props.components ?? [];
    const problem = mlComponentsProblem(components);
    if (problem) throw new Error(problem);
    this.namespace = props.namespace;
    this.components = [...components];
  }

  /** The component with this id; throws if there is none. */
  public component(componentId: string): MlComponent {
    const found = this.components.find(c => c.id === componentId);
    if (!found) {
      const known = this.components.map(c => c.id).join(', ');
      throw new Error(`No ML component "${componentId}" in the catalog; it has${known ? `: ${known}.` : ' none: list it in mlComponents.'}`);
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
