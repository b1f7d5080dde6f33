import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { PlatformDashboardProps } from './dashboard-props';
import { resolveDashboardSettings } from './dashboard-settings';
import { FULL_WIDTH, HALF_WIDTH, QUARTER_WIDTH, SINGLE_VALUE_HEIGHT, THIRD_WIDTH } from './layout';
import { DashboardContent } from './widgets';
import { MlMetricCatalog } from '../metrics/ml-catalog';
import { MlComponent } from '../metrics/ml-component';
import { mlComponentsProblem } from '../metrics/ml-validation';
import { validationError } from '../private/errors';

/**
 * Properties of `MlPerformanceDashboard`.
 */
export interface MlPerformanceDashboardProps extends PlatformDashboardProps {
  /**
   * The ML components to show, one section each (at least one).
   */
  readonly mlComponents: MlComponent[];

  /**
   * Alarms shown in an alarm status widget at the top (e.g. `MlMetricAlarms.allAlarms`).
   *
   * @default - no alarm status widget
   */
  readonly alarms?: cloudwatch.IAlarm[];
}

/**
 * The ML model performance dashboard (`<projectName>-ml-performance`): for each ML component, the
 * latest value of each metric and a graph per metric, read from the project namespace. The graph of
 * a metric with `anomalyDetection` also draws its expected band, `ANOMALY_DETECTION_BAND(m, <bandWidth>)`
 * (the band its anomaly-detection alarm compares with).
 */
export class MlPerformanceDashboard extends Construct {
  /** The dashboard. */
  public readonly dashboard: cloudwatch.Dashboard;

  /** The dashboard's name. */
  public readonly dashboardName: string;

  /** The catalog the dashboard reads (namespace and components). */
  public readonly catalog: MlMetricCatalog;

  constructor(scope: Construct, id: string, props: MlPerformanceDashboardProps) {
    super(scope, id);
    const settings = resolveDashboardSettings(this, props, 'ml-performance', Duration.days(1));
    const components = props.mlComponents;
    const problem = mlComponentsProblem(components);
    if (problem) throw validationError(this, problem);
    if (components.length === 0) {
      throw validationError(this, 'mlComponents is empty: list at least one ML component (new MlComponent({ id, displayName, '
        + 'metricPrefix, metrics })); a platform without ML metrics needs no ML dashboard.');
    }
    this.catalog = new MlMetricCatalog({ namespace: settings.naming.metricNamespace, components });
    this.dashboardName = settings.dashboardName;

    const content = new DashboardContent(this, settings.period, props.alarms ?? []);
    content.addRow(...content.alarmStatus('ML alarms', props.alarms ?? []));
    for (const component of components) {
      const metrics = component.allMetrics(this.catalog.namespace, { period: settings.period });
      content.addRow(content.header(component.displayName));
      content.addRow(content.singleValue(`${component.displayName}: latest values`, metrics, FULL_WIDTH, SINGLE_VALUE_HEIGHT));
      const width = graphWidth(metrics.length);
      content.addRow(...component.metrics.map((definition, i) => content.graph({
        title: `${definition.label} (${definition.unit})`,
        // CloudWatch draws the band in gray and the metric in red where it leaves it (CloudWatch User Guide,
        // "Using CloudWatch anomaly detection": https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Anomaly_Detection.html).
        left: definition.anomalyDetection
          ? [metrics[i], component.anomalyBand(this.catalog.namespace, definition.metricName, { period: settings.period })]
          : [metrics[i]],
        width,
        leftYAxis: definition.unit === cloudwatch.Unit.PERCENT ? { min: 0, max: 100, showUnits: false } : undefined,
      })));
    }

    this.dashboard = new cloudwatch.Dashboard(this, 'Resource', {
      dashboardName: settings.dashboardName,
      defaultInterval: settings.defaultInterval,
      periodOverride: cloudwatch.PeriodOverride.INHERIT,
    });
    content.addTo(this.dashboard, 'ML performance');
  }
}

/** One graph per metric: as wide as fits the count on one row, four per row beyond that. */
function graphWidth(count: number): number {
  if (count <= 1) return FULL_WIDTH;
  if (count === 2) return HALF_WIDTH;
  if (count === 3) return THIRD_WIDTH;
  return QUARTER_WIDTH;
}
