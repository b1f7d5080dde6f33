import { Annotations as CoreAnnotations, App, NestedStack, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DeploymentEnvironment, PlatformMonitoring } from '../../src';
import { countPlatform, monthlyCost } from '../../src/summary/synth-summary';
import { allOptionsPlatform, assemblyTemplates, AssemblyTemplate } from '../alarms/alarm-fixtures';
import { RECOMMENDED_CONTEXT } from '../fixtures';

// The README's cost table, recomputed here from the synthesized templates (nested stacks included)
// with the rates of "Amazon CloudWatch pricing" (us-east-1): $0.10 per standard alarm metric, $0.30
// per high-resolution alarm metric, $0.30 per anomaly-detection alarm (three alarm metrics), $0.50 per
// composite, $0.30 per custom metric of a metric filter at most, $3.00 per dashboard beyond the
// account's 3 free dashboards of up to 50 metrics each.
function expectedFromTemplates(templates: AssemblyTemplate[]) {
  const resources = templates.flatMap((t) => Object.values(t.resources));
  const of = (type: string) => resources.filter((r) => r.Type === type);
  const alarms = of('AWS::CloudWatch::Alarm');
  const periodOf = (a: any) => a.Properties.Period
    ?? Math.min(...(a.Properties.Metrics ?? []).filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Period));
  const metricsOf = (a: any) => (a.Properties.Metrics ? a.Properties.Metrics.filter((m: any) => m.MetricStat).length : 1);
  const anomaly = alarms.filter((a) => a.Properties.ThresholdMetricId !== undefined);
  const plain = alarms.filter((a) => a.Properties.ThresholdMetricId === undefined);
  const standardMetrics = plain.filter((a) => periodOf(a) >= 60).reduce((n, a) => n + metricsOf(a), 0);
  const highResMetrics = plain.filter((a) => periodOf(a) < 60).reduce((n, a) => n + metricsOf(a), 0);
  const composites = of('AWS::CloudWatch::CompositeAlarm').length;
  const filterMetrics = of('AWS::Logs::MetricFilter').reduce((n, f) => n + f.Properties.MetricTransformations.length, 0);
  const dashboardMetrics = of('AWS::CloudWatch::Dashboard').map((d) => {
    const body = d.Properties.DashboardBody;
    const text = typeof body === 'string' ? body : body['Fn::Join'][1].map((p: unknown) => (typeof p === 'string' ? p : 'x')).join('');
    return JSON.parse(text).widgets.reduce((n: number, w: any) => n + (w.properties.metrics?.length ?? 0), 0);
  });
  const fixed = standardMetrics * 0.10 + highResMetrics * 0.30 + anomaly.length * 0.30 + composites * 0.50 + filterMetrics * 0.30;
  const free = Math.min(3, dashboardMetrics.filter((n: number) => n <= 50).length);
  return {
    alarms: alarms.length + composites,
    composites,
    dashboards: dashboardMetrics.length,
    filters: of('AWS::Logs::MetricFilter').length,
    logGroups: of('AWS::Logs::LogGroup').length,
    trails: of('AWS::CloudTrail::Trail').length,
    nestedStacks: of('AWS::CloudFormation::Stack').length,
    low: fixed + (dashboardMetrics.length - free) * 3,
    high: fixed + dashboardMetrics.length * 3,
  };
}

describe('the synth summary', () => {
  test('one info message per platform: its counts are the templates\', its cost the cost table\'s formula', () => {
    const { app, stack, monitoring } = allOptionsPlatform();
    const expected = expectedFromTemplates(assemblyTemplates(app));
    const infos = Annotations.fromStack(stack).findInfo('*', Match.stringLikeRegexp('^PlatformMonitoring created'));
    expect(infos).toHaveLength(1);
    const critical = monitoring.alarms.criticalAlarms.length;
    const warning = monitoring.alarms.warningAlarms.length;
    expect(critical + warning + expected.composites).toBe(expected.alarms);
    expect(expected.nestedStacks).toBeGreaterThan(0);
    expect(infos[0].entry.data).toBe(`PlatformMonitoring created ${expected.alarms} alarms (${critical} critical, ${warning} warning, `
      + `${expected.composites} composite${expected.composites === 1 ? '' : 's'}), ${expected.dashboards} dashboards, `
      + `${expected.filters} metric filters, ${expected.logGroups} log groups, 1 trail and ${expected.nestedStacks} nested stacks. `
      + `Estimated fixed cost: $${expected.low.toFixed(2)}-$${expected.high.toFixed(2)} a month (us-east-1 list prices, before `
      + 'traffic: log ingestion, storage, queries and CloudTrail data events are extra). [ack: cdk-platform-monitoring:summary]');
    expect(expected.trails).toBe(1);
  });

  test('dashboards: up to 3 of at most 50 metrics are free (the lower bound); every dashboard is paid in the upper', () => {
    const none = {
      criticalAlarms: 0,
      warningAlarms: 0,
      metricAlarms: 0,
      compositeAlarms: 0,
      standardAlarmMetrics: 0,
      highResolutionAlarmMetrics: 0,
      anomalyAlarms: 0,
      metricFilters: 0,
      filterMetrics: 0,
      logGroups: 0,
      trails: 0,
      nestedStacks: 0,
    };
    expect(monthlyCost({ ...none, dashboardMetrics: [10, 20, 30, 40, 60] })).toEqual({ low: 6, high: 15 });
    expect(monthlyCost({ ...none, dashboardMetrics: [51, 500] })).toEqual({ low: 6, high: 6 });
    expect(monthlyCost({ ...none, dashboardMetrics: [50], standardAlarmMetrics: 10, anomalyAlarms: 2, compositeAlarms: 1, filterMetrics: 5 }))
      .toEqual({ low: 3.6, high: 6.6 });
  });

  test('counts the log groups and filters the platform created under the functions\' own stacks', () => {
    const app = new App({ context: RECOMMENDED_CONTEXT });
    const env = { account: '123456789012', region: 'eu-west-1' };
    const platformStack = new Stack(app, 'Platform', { env });
    const team = new Stack(app, 'Team', { env });
    const fns = ['orders', 'payments'].map((n) => new lambda.Function(team, n, {
      functionName: `shop-${n}`, runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('x'),
    }));
    const monitoring = new PlatformMonitoring(platformStack, 'Monitoring', {
      projectName: 'shop', environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, lambdaFunctions: fns,
    });
    const teamShards = team.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack);
    expect(teamShards.length).toBeGreaterThan(0);
    const inTeam = (type: string) => teamShards.reduce((n, sh) => n + Object.keys(Template.fromStack(sh).findResources(type)).length, 0);
    expect(inTeam('AWS::Logs::LogGroup')).toBe(2);
    const platformOnly = [platformStack, ...platformStack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack)];
    const inPlatform = (type: string) => platformOnly.reduce((n, st) => n + Object.keys(Template.fromStack(st).findResources(type)).length, 0);
    const counts = countPlatform(monitoring, { critical: 0, warning: 0 });
    expect(counts.logGroups).toBe(inPlatform('AWS::Logs::LogGroup') + 2);
    expect(counts.metricFilters).toBe(inPlatform('AWS::Logs::MetricFilter') + inTeam('AWS::Logs::MetricFilter'));
    expect(counts.nestedStacks).toBe(platformOnly.length - 1 + teamShards.length);
  });

  test('acknowledgeable by its id', () => {
    const { app, stack } = allOptionsPlatform();
    CoreAnnotations.of(stack).acknowledgeInfo('cdk-platform-monitoring:summary', 'read once');
    app.synth();
    expect(Annotations.fromStack(stack).findInfo('*', Match.stringLikeRegexp('^PlatformMonitoring created'))).toHaveLength(0);
  });
});
