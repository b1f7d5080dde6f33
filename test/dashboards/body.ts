import { Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { dashboardBodyToString } from '../../scripts/dashboard-svg';

/** The dashboard's body as JSON, tokens replaced by `${LogicalId}` / `${AWS::Region}` placeholders. */
export function dashboardBody(dashboard: cloudwatch.Dashboard): any {
  const cfn = dashboard.node.defaultChild as cloudwatch.CfnDashboard;
  return JSON.parse(dashboardBodyToString(Stack.of(dashboard).resolve(cfn.dashboardBody)));
}

/** A metric of a widget, with CloudWatch's defaults applied (stat Average, the widget's period). */
export interface FlatMetric {
  namespace?: string;
  metricName?: string;
  dimensions: { [name: string]: string };
  stat?: string;
  period?: number;
  label?: string;
  expression?: string;
  /** The id math expressions refer to it by (set only when the widget gives one). */
  id?: string;
}

/** The metrics of a metric widget. */
export function widgetMetrics(w: any): FlatMetric[] {
  return (w.properties.metrics ?? []).map((entry: any[]) => {
    const last = entry[entry.length - 1];
    const options = typeof last === 'object' ? last : {};
    if (options.expression) {
      return {
        dimensions: {},
        expression: options.expression,
        label: options.label,
        period: options.period ?? w.properties.period,
        ...(options.id ? { id: options.id } : {}),
      };
    }
    const parts = typeof last === 'object' ? entry.slice(0, -1) : entry;
    const [namespace, metricName, ...dims] = parts;
    const dimensions: { [name: string]: string } = {};
    for (let i = 0; i < dims.length; i += 2) dimensions[dims[i]] = dims[i + 1];
    return {
      namespace,
      metricName,
      dimensions,
      stat: options.stat ?? 'Average',
      period: options.period ?? w.properties.period,
      label: options.label,
      ...(options.id ? { id: options.id } : {}),
    };
  });
}

/** `ANOMALY_DETECTION_BAND(<id>, <width>)` (width optional, CloudWatch's default 2), or undefined. */
export function parseAnomalyBand(expression: string | undefined): { ref: string; width: number } | undefined {
  const m = /^ANOMALY_DETECTION_BAND\(\s*([a-z]\w*)\s*(?:,\s*([^)]+?)\s*)?\)$/.exec(expression ?? '');
  return m ? { ref: m[1], width: m[2] === undefined ? 2 : Number(m[2]) } : undefined;
}

/** Widget titles in order (text widgets: their markdown). */
export function titles(body: any): string[] {
  return body.widgets.map((w: any) => w.properties.title ?? w.properties.markdown);
}

/** The widget titled `title` (throws if none). */
export function widget(body: any, title: string): any {
  const found = body.widgets.find((w: any) => w.properties.title === title);
  if (!found) throw new Error(`no widget titled "${title}" in: ${titles(body).join(' | ')}`);
  return found;
}

/** Problems with the layout: widgets crossing column 24 or overlapping. */
export function layoutProblems(body: any): string[] {
  const problems: string[] = [];
  const ws = body.widgets as any[];
  ws.forEach((w, i) => {
    for (const key of ['x', 'y', 'width', 'height']) {
      if (typeof w[key] !== 'number') problems.push(`widget ${i} has no ${key}`);
    }
    if (w.x < 0 || w.x + w.width > 24) problems.push(`widget ${i} spans columns ${w.x}-${w.x + w.width}`);
  });
  for (let i = 0; i < ws.length; i++) {
    for (let j = i + 1; j < ws.length; j++) {
      const a = ws[i];
      const b = ws[j];
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) {
        problems.push(`widgets ${i} and ${j} overlap`);
      }
    }
  }
  return problems;
}

/** Every metric and expression on the dashboard. */
export function allMetrics(body: any): FlatMetric[] {
  return body.widgets.filter((w: any) => w.type === 'metric').flatMap(widgetMetrics);
}
