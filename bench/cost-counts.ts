// Counts the billable things the construct creates, from synthesized templates (nested stacks
// included), for the README's "What monitoring costs" table:
//   ts-node --project bench/tsconfig.json bench/cost-counts.ts [cdk.out ...]
// With no argument it synthesizes the benchmark platforms of 100 and 500 functions (bench/fixture.ts);
// each argument is a cloud assembly directory (e.g. cdk.out of `npx projen example`).
import * as fs from 'fs';
import * as path from 'path';
import { synthPlatform } from './fixture';

/** What a set of templates creates that CloudWatch, CloudWatch Logs or CloudTrail bill by count. */
export interface CostCounts {
  /** Standard-resolution metric alarms (period >= 60 s). */
  readonly standardAlarms: number;
  /** Metrics those alarms read: CloudWatch bills an alarm per metric it evaluates (math alarms: each metric). */
  readonly standardAlarmMetrics: number;
  /**
   * Anomaly-detection alarms (an ANOMALY_DETECTION_BAND threshold), counted apart from standardAlarms:
   * CloudWatch pricing bills one as three alarm metrics (the metric and the band's two bounds).
   */
  readonly anomalyAlarms: number;
  /** High-resolution alarms (period < 60 s). */
  readonly highResolutionAlarms: number;
  /** Composite alarms. */
  readonly compositeAlarms: number;
  /** Dashboards. */
  readonly dashboards: number;
  /** Metric filters. */
  readonly metricFilters: number;
  /** Custom metrics the filters can publish without dimensions (per-resource dimensions add one per value seen). */
  readonly filterMetrics: number;
  /** Metric filters with dimensions (one metric per distinct value published). */
  readonly dimensionedFilters: number;
  /** Log groups created. */
  readonly logGroups: number;
  /** EventBridge rules. */
  readonly eventRules: number;
  /** Trails, and whether they log Lambda / S3 data events. */
  readonly trails: number;
  readonly lambdaDataEventValues: number;
  readonly s3DataEventValues: number;
  /** Saved Logs Insights queries (free to save; billed per GB scanned when run). */
  readonly queryDefinitions: number;
}

function templatesOf(dir: string): any[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.template.json') || f.endsWith('.nested.template.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
}

export function countTemplates(templates: any[]): CostCounts {
  const resources = templates.flatMap((t) => Object.values(t.Resources ?? {})) as any[];
  const of = (type: string) => resources.filter((r) => r.Type === type);
  const alarms = of('AWS::CloudWatch::Alarm');
  const periodOf = (a: any) => a.Properties.Period
    ?? Math.min(...(a.Properties.Metrics ?? []).filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Period));
  const metricsOf = (a: any) => (a.Properties.Metrics ? a.Properties.Metrics.filter((m: any) => m.MetricStat).length : 1);
  const isAnomaly = (a: any) => a.Properties.ThresholdMetricId !== undefined;
  const standard = alarms.filter((a) => periodOf(a) >= 60 && !isAnomaly(a));
  const filters = of('AWS::Logs::MetricFilter');
  const trails = of('AWS::CloudTrail::Trail');
  const selectors = trails.flatMap((t) => [...(t.Properties.EventSelectors ?? []), ...(t.Properties.AdvancedEventSelectors ?? [])]);
  const dataValues = (type: string) => selectors.flatMap((s: any) => (s.DataResources ?? []).filter((d: any) => d.Type === type))
    .reduce((n: number, d: any) => n + (d.Values?.length ?? 0), 0);
  return {
    standardAlarms: standard.length,
    standardAlarmMetrics: standard.reduce((n, a) => n + metricsOf(a), 0),
    anomalyAlarms: alarms.filter(isAnomaly).length,
    highResolutionAlarms: alarms.filter((a) => periodOf(a) < 60 && !isAnomaly(a)).length,
    compositeAlarms: of('AWS::CloudWatch::CompositeAlarm').length,
    dashboards: of('AWS::CloudWatch::Dashboard').length,
    metricFilters: filters.length,
    filterMetrics: filters.reduce((n, f) => n + f.Properties.MetricTransformations.length, 0),
    dimensionedFilters: filters.filter((f) => f.Properties.MetricTransformations.some((m: any) => m.Dimensions)).length,
    logGroups: of('AWS::Logs::LogGroup').length,
    eventRules: of('AWS::Events::Rule').length,
    trails: trails.length,
    lambdaDataEventValues: dataValues('AWS::Lambda::Function'),
    s3DataEventValues: dataValues('AWS::S3::Object'),
    queryDefinitions: of('AWS::Logs::QueryDefinition').length,
  };
}

if (require.main === module) {
  const dirs = process.argv.slice(2);
  const results: { [name: string]: CostCounts } = {};
  if (dirs.length > 0) {
    for (const dir of dirs) results[dir] = countTemplates(templatesOf(dir));
  } else {
    for (const n of [100, 500]) {
      const { outdir, cleanup } = synthPlatform(n);
      results[`${n} functions`] = countTemplates(templatesOf(outdir));
      cleanup();
    }
  }
  console.log(JSON.stringify(results, null, 2));
}
