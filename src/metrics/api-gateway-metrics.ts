import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { buildMetric, locationOptions, MetricLocation } from './metric-defaults';

const API_GATEWAY_NAMESPACE = 'AWS/ApiGateway';

/**
 * Properties of `RestApiMetrics`.
 */
export interface RestApiMetricsProps {
  /** The REST API's name (the `ApiName` dimension; `IRestApi.restApiName`). */
  readonly apiName: string;
  /** The deployed stage (the `Stage` dimension; e.g. `restApi.deploymentStage.stageName`). */
  readonly stageName: string;
  /**
   * The account of the API, when it is another (source) account than the stack's.
   *
   * @default - the stack's account
   * @experimental
   */
  readonly account?: string;
  /**
   * The Region of the API, when it is another Region than the stack's.
   *
   * @default - the stack's Region
   * @experimental
   */
  readonly region?: string;
}

/**
 * Metrics of one REST API stage (namespace `AWS/ApiGateway`, dimensions `ApiName` + `Stage`,
 * period 5 minutes). Builds metrics only.
 *
 * No metric sets a unit: an alarm that filters on a unit the service does not publish gets no data
 * (the PutMetricAlarm reference recommends omitting it), and graphs ignore units.
 */
export class RestApiMetrics {
  /** The CloudWatch namespace of API Gateway: `AWS/ApiGateway`. */
  public static readonly NAMESPACE = API_GATEWAY_NAMESPACE;

  /** The dimensions identifying the API stage. */
  public readonly dimensions: { [name: string]: string };

  private readonly location: MetricLocation;

  constructor(props: RestApiMetricsProps) {
    this.dimensions = { ApiName: props.apiName, Stage: props.stageName };
    this.location = { account: props.account, region: props.region };
  }

  /** Any REST API metric. @default statistic Sum, period 5 minutes */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return buildMetric(API_GATEWAY_NAMESPACE, metricName, this.dimensions,
      { statistic: cloudwatch.Stats.SUM, ...locationOptions(this.location) }, props);
  }

  /** Requests. @default Sum */
  public metricCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('Count', props);
  }

  /** Client errors (4XX). @default Sum */
  public metricClientErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('4XXError', props);
  }

  /** Server errors (5XX). @default Sum */
  public metricServerErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('5XXError', props);
  }

  /** End-to-end latency in milliseconds, any statistic (e.g. `Stats.p(99)`). @default Average */
  public metricLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('Latency', { statistic: cloudwatch.Stats.AVERAGE, ...props });
  }

  /** Backend latency in milliseconds, any statistic. @default Average */
  public metricIntegrationLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('IntegrationLatency', { statistic: cloudwatch.Stats.AVERAGE, ...props });
  }
}

/**
 * Properties of `HttpApiMetrics`.
 */
export interface HttpApiMetricsProps {
  /** The HTTP API's id (the `ApiId` dimension). */
  readonly apiId: string;
  /**
   * The stage (the `Stage` dimension).
   *
   * @default '$default'
   */
  readonly stageName?: string;
  /**
   * The account of the API, when it is another (source) account than the stack's.
   *
   * @default - the stack's account
   * @experimental
   */
  readonly account?: string;
  /**
   * The Region of the API, when it is another Region than the stack's.
   *
   * @default - the stack's Region
   * @experimental
   */
  readonly region?: string;
}

/**
 * Metrics of one HTTP API (v2) stage (namespace `AWS/ApiGateway`, dimensions `ApiId` + `Stage`,
 * metric names `Count`, `4xx`, `5xx`, `Latency`, `IntegrationLatency`). Builds metrics only.
 *
 * No metric sets a unit: an alarm that filters on a unit the service does not publish gets no data
 * (the PutMetricAlarm reference recommends omitting it), and graphs ignore units.
 */
export class HttpApiMetrics {
  /** The CloudWatch namespace of API Gateway: `AWS/ApiGateway`. */
  public static readonly NAMESPACE = API_GATEWAY_NAMESPACE;

  /** The dimensions identifying the API stage. */
  public readonly dimensions: { [name: string]: string };

  private readonly location: MetricLocation;

  constructor(props: HttpApiMetricsProps) {
    this.dimensions = { ApiId: props.apiId, Stage: props.stageName ?? '$default' };
    this.location = { account: props.account, region: props.region };
  }

  /** Any HTTP API metric. @default statistic Sum, period 5 minutes */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return buildMetric(API_GATEWAY_NAMESPACE, metricName, this.dimensions,
      { statistic: cloudwatch.Stats.SUM, ...locationOptions(this.location) }, props);
  }

  /** Requests. @default Sum */
  public metricCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('Count', props);
  }

  /** Client errors (`4xx`). @default Sum */
  public metricClientErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('4xx', props);
  }

  /** Server errors (`5xx`). @default Sum */
  public metricServerErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('5xx', props);
  }

  /** End-to-end latency in milliseconds, any statistic. @default Average */
  public metricLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('Latency', { statistic: cloudwatch.Stats.AVERAGE, ...props });
  }

  /** Backend latency in milliseconds, any statistic. @default Average */
  public metricIntegrationLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('IntegrationLatency', { statistic: cloudwatch.Stats.AVERAGE, ...props });
  }
}
