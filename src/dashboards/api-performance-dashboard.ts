import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { partName } from './dashboard-parts';
import { PlatformDashboardProps } from './dashboard-props';
import { resolveDashboardSettings } from './dashboard-settings';
import { lambdaGraphs } from './lambda-widgets';
import { HALF_WIDTH, MAX_LOG_GROUPS_PER_QUERY, QUARTER_WIDTH, THIRD_WIDTH } from './layout';
import { LAMBDA_ERRORS_QUERY } from './queries';
import { sourceAccountLambdaLogQueries } from './source-account-logs';
import { DashboardContent, rangeTitle } from './widgets';
import { checkTemplateQuotas } from '../limits/template-quotas';
import { HttpApiMetrics, RestApiMetrics } from '../metrics/api-gateway-metrics';
import { LambdaMetrics } from '../metrics/lambda-metrics';
import { API_LISTS, FUNCTION_LISTS, MonitoredResources, RestStageRef } from '../model/monitored-platform';
import { MonitoredApisProps, MonitoredFunctionsProps } from '../model/monitored-resource-props';
import { MonitoredHttpApi } from '../model/monitored-resources';
import { ResourceUse } from '../model/resource-location';
import { chunk } from '../private/chunk';
import { validationError } from '../private/errors';
import { functionNameOf, logGroupNameOf } from '../private/literal-names';

const DEFAULT_APIS_PER_GRAPH = 10;
const MAX_APIS_PER_GRAPH = 50;
const DEFAULT_FUNCTIONS_PER_GRAPH = 20;
const MAX_FUNCTIONS_PER_GRAPH = 100;
const PERCENTILES = [50, 90, 99];

/**
 * Properties of `ApiPerformanceDashboard`: the APIs and functions graphed (`MonitoredApisProps`,
 * `MonitoredFunctionsProps`: without functions, the account-wide Lambda metrics are graphed) and
 * the dashboard's settings. Used alone, it graphs API stages and function ARNs of other Regions
 * too (their metrics carry the Region); functions passed as constructs must be of this account
 * and Region.
 */
export interface ApiPerformanceDashboardProps extends PlatformDashboardProps, MonitoredApisProps, MonitoredFunctionsProps {
  /**
   * The log groups the "Recent Lambda errors" widget queries (widgets of at most 50 groups).
   *
   * @default - `/aws/lambda/<function name>` of each of `lambdaFunctions`
   */
  readonly lambdaLogGroups?: logs.ILogGroup[];

  /**
   * The API and Lambda alarms for the alarm status widget.
   *
   * @default - no alarm status widget
   */
  readonly alarms?: cloudwatch.IAlarm[];

  /**
   * APIs per graph (1-50); more APIs get more graphs.
   *
   * @default 10
   */
  readonly apisPerGraph?: number;

  /**
   * Functions per graph (1-100); more functions get more graphs (and more dashboard parts when one
   * dashboard cannot hold them).
   *
   * @default 20
   */
  readonly functionsPerGraph?: number;

  /**
   * Show the per-function Lambda graphs as SEARCH expressions matching exactly the listed
   * functions, with duration p99 only: 4 series per function instead of 5, and a smaller template,
   * so a dashboard part holds more functions. CloudWatch counts every series a SEARCH returns
   * toward its 2,500 metrics per dashboard.
   *
   * @default false - explicit metrics, with duration p50 and p99
   */
  readonly lambdaSearchExpressions?: boolean;
}

/** An API on the dashboard: its label and metric factory. */
interface ApiEntry {
  readonly label: string;
  readonly metrics: RestApiMetrics | HttpApiMetrics;
}

/**
 * The API performance dashboard (`<projectName>-api-performance`): API Gateway requests, 4xx and
 * 5xx per API, latency and integration latency (p50 / p90 / p99), Lambda invocations, errors,
 * throttles and duration (p50 / p99) per function, recent Lambda errors and the alarms.
 *
 * With many functions, graphs group them (`functionsPerGraph`). When everything does not fit in
 * one dashboard (500 widgets, 2,500 metrics), the dashboard is split into parts named
 * `<dashboardName>`, `<dashboardName>-2`, `<dashboardName>-3`, ...: the first is the dashboard as
 * always, each further part is in a nested stack of its own. Creates no alarm or log group.
 */
export class ApiPerformanceDashboard extends Construct {
  /** The dashboard (its first part when it is split). */
  public readonly dashboard: cloudwatch.Dashboard;

  /** The dashboard's name (of its first part when it is split). */
  public readonly dashboardName: string;

  /** Every part of the dashboard, in order: `dashboard` first. */
  public readonly dashboards: cloudwatch.Dashboard[];

  /** The names of `dashboards`, in order: `<dashboardName>`, `<dashboardName>-2`, ... */
  public readonly dashboardNames: string[];

  /** Whether the Lambda graphs use SEARCH expressions (`lambdaSearchExpressions` with functions listed). */
  public readonly lambdaUsesSearchExpressions: boolean;

  constructor(scope: Construct, id: string, props: ApiPerformanceDashboardProps) {
    super(scope, id);
    checkTemplateQuotas(this);
    const settings = resolveDashboardSettings(this, props, 'api-performance', Duration.hours(3));
    this.dashboardName = settings.dashboardName;
    const period = settings.period;
    const apisPerGraph = checkedCount(this, 'apisPerGraph', props.apisPerGraph ?? DEFAULT_APIS_PER_GRAPH, MAX_APIS_PER_GRAPH);
    const functionsPerGraph = checkedCount(this, 'functionsPerGraph', props.functionsPerGraph ?? DEFAULT_FUNCTIONS_PER_GRAPH,
      MAX_FUNCTIONS_PER_GRAPH);
    // What is graphed: the platform's model, or (used alone) resolved here, where graphs may show other Regions.
    const model = MonitoredResources.of(this, props, [...API_LISTS, ...FUNCTION_LISTS], ResourceUse.GRAPHS);
    const alarms = props.alarms ?? [];
    const content = new DashboardContent(this, period, alarms);
    content.addRow(...content.alarmStatus('API and Lambda alarms', alarms));

    // API Gateway, in groups of `apisPerGraph` (each group's two rows stay on one part).
    const apis = [...model.restStages.map(restEntry), ...model.httpApis.map(httpEntry)];
    if (apis.length > 0) content.startSection('API Gateway');
    const apiGroups = chunk(apis, apisPerGraph);
    apiGroups.forEach((group, i) => {
      const t = (title: string) => rangeTitle(title, i, apisPerGraph, apis.length, 'APIs');
      content.addBlock([[
        content.graph({ title: t('API requests'), left: group.map(a => a.metrics.metricCount({ period, label: a.label })), width: THIRD_WIDTH }),
        content.graph({ title: t('API 4xx errors'), left: group.map(a => a.metrics.metricClientErrors({ period, label: a.label })), width: THIRD_WIDTH }),
        content.graph({ title: t('API 5xx errors'), left: group.map(a => a.metrics.metricServerErrors({ period, label: a.label })), width: THIRD_WIDTH }),
      ], [
        content.graph({
          title: t('API latency p50 / p90 / p99 (ms)'),
          left: group.flatMap(a => PERCENTILES.map(p => a.metrics.metricLatency({ period, statistic: `p${p}`, label: `${a.label} p${p}` }))),
          width: HALF_WIDTH,
        }),
        content.graph({
          title: t('API integration latency p50 / p90 / p99 (ms)'),
          left: group.flatMap(a => PERCENTILES.map(p => a.metrics.metricIntegrationLatency({ period, statistic: `p${p}`, label: `${a.label} p${p}` }))),
          width: HALF_WIDTH,
        }),
      ]]);
    });

    // Lambda: per-function graphs in groups of `functionsPerGraph`, or account-wide when no function is listed.
    // This account's functions, then those of source accounts (by ARN: no log group here; their
    // "Recent Lambda errors" widgets query the groups in their account).
    const sourceAccountFunctions = model.sourceAccountFunctions;
    const functionNames = model.functions;
    const localNames = model.localFunctions.map(functionNameOf);
    const logGroupNames = props.lambdaLogGroups?.map(logGroupNameOf) ?? localNames.map(n => `/aws/lambda/${n}`);
    content.startSection(functionNames.length > 0 ? 'Lambda functions' : 'Lambda (all functions in the region)');
    this.lambdaUsesSearchExpressions = functionNames.length > 0 && (props.lambdaSearchExpressions ?? false);
    // "Recent Lambda errors" tables of 50 log groups each (the Logs Insights limit), titled by range.
    const aligned = logGroupNames.length === localNames.length;
    const tables = chunk(logGroupNames, MAX_LOG_GROUPS_PER_QUERY).map((names, k) => ({
      last: Math.min((k + 1) * MAX_LOG_GROUPS_PER_QUERY, logGroupNames.length) - 1,
      widget: content.logQuery(rangeTitle('Recent Lambda errors', k, MAX_LOG_GROUPS_PER_QUERY, logGroupNames.length, 'functions'),
        names, LAMBDA_ERRORS_QUERY),
    }));
    let next = 0;
    if (functionNames.length === 0) {
      const all = new LambdaMetrics();
      content.addRow(
        content.graph({ title: 'Lambda invocations (all functions)', left: [all.metricInvocations({ period })], width: QUARTER_WIDTH }),
        content.graph({ title: 'Lambda errors (all functions)', left: [all.metricErrors({ period })], width: QUARTER_WIDTH }),
        content.graph({ title: 'Lambda throttles (all functions)', left: [all.metricThrottles({ period })], width: QUARTER_WIDTH }),
        content.graph({
          title: 'Lambda duration p50 / p99 (ms, all functions)',
          left: [
            all.metricDuration({ period, statistic: cloudwatch.Stats.p(50), label: 'p50' }),
            all.metricDuration({ period, statistic: cloudwatch.Stats.p(99), label: 'p99' }),
          ],
          width: QUARTER_WIDTH,
        }),
      );
    } else {
      // A fixed group size: a new function joins the last group, never regroups the others. Each
      // "Recent Lambda errors" table (50 log groups, the Logs Insights limit) follows the graphs of
      // its last function, as a block of its own: appended functions only add graphs and tables at
      // the end, and a part that would hold more than 30 tables ends there (dashboard-parts.ts).
      const groups = chunk(functionNames, functionsPerGraph);
      groups.forEach((group, i) => {
        content.addRow(...lambdaGraphs(group, period, this.lambdaUsesSearchExpressions)
          .map(g => content.graph({ title: rangeTitle(g.title, i, functionsPerGraph, functionNames.length, 'functions'), left: g.metrics, width: QUARTER_WIDTH })));
        const lastInGroup = i * functionsPerGraph + group.length - 1;
        for (; aligned && next < tables.length && tables[next].last <= lastInGroup; next++) content.addRow(tables[next].widget);
      });
    }
    for (; next < tables.length; next++) content.addRow(tables[next].widget);
    for (const table of sourceAccountLambdaLogQueries('Recent Lambda errors', sourceAccountFunctions, LAMBDA_ERRORS_QUERY)) content.addRow(table);

    this.dashboards = content.build(this, {
      dashboardName: settings.dashboardName,
      defaultInterval: settings.defaultInterval,
      what: 'API performance',
      firstPartMaxMetrics: settings.firstPartMaxMetrics,
    });
    this.dashboard = this.dashboards[0];
    this.dashboardNames = this.dashboards.map((_, i) => partName(settings.dashboardName, i));
  }
}

function restEntry(ref: RestStageRef): ApiEntry {
  return {
    label: ref.label,
    metrics: new RestApiMetrics({ apiName: ref.apiName, stageName: ref.stageName, account: ref.account, region: ref.region }),
  };
}

function httpEntry(ref: MonitoredHttpApi): ApiEntry {
  return {
    label: ref.displayName ?? ref.api.apiId,
    metrics: new HttpApiMetrics({ apiId: ref.api.apiId, stageName: ref.stageName, account: ref.account, region: ref.region }),
  };
}

function checkedCount(scope: Construct, name: string, value: number, max: number): number {
  if (Token.isUnresolved(value) || !Number.isInteger(value) || value < 1 || value > max) {
    throw validationError(scope, `${name} must be a whole number from 1 to ${max}; got ${value}.`);
  }
  return value;
}
