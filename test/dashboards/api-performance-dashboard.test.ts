import { Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { allMetrics, dashboardBody, layoutProblems, titles, widget, widgetMetrics } from './body';
import { ApiPerformanceDashboard } from '../../src/dashboards/api-performance-dashboard';
import { newStack } from '../nag-helpers';

function functions(stack: any, count: number, prefix = 'shop-fn-'): lambda.IFunction[] {
  return Array.from({ length: count }, (_, i) => lambda.Function.fromFunctionAttributes(stack, `Fn${i}`, {
    functionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${prefix}${i}`, sameEnvironment: true,
  }));
}

function restApi(stack: any): apigateway.RestApi {
  const api = new apigateway.RestApi(stack, 'Orders', { restApiName: 'orders-api', deployOptions: { stageName: 'live' } });
  api.root.addMethod('GET', new apigateway.MockIntegration());
  return api;
}

describe('ApiPerformanceDashboard', () => {
  test('REST and HTTP APIs, two functions: widgets, metrics, layout', () => {
    const { stack } = newStack();
    const http = apigwv2.HttpApi.fromHttpApiAttributes(stack, 'Http', { httpApiId: 'abc123' });
    const orders = restApi(stack);
    const d = new ApiPerformanceDashboard(stack, 'Api', {
      projectName: 'shop',
      restApis: [orders],
      httpApis: [{ api: http, displayName: 'checkout' }],
      lambdaFunctions: functions(stack, 2),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'shop-api-performance' });
    const body = dashboardBody(d.dashboard);
    expect(body.start).toBe('-PT3H');
    expect(titles(body)).toEqual([
      '## API Gateway', 'API requests', 'API 4xx errors', 'API 5xx errors',
      'API latency p50 / p90 / p99 (ms)', 'API integration latency p50 / p90 / p99 (ms)',
      '## Lambda functions', 'Lambda invocations', 'Lambda errors', 'Lambda throttles', 'Lambda duration p50 / p99 (ms)',
      'Recent Lambda errors',
    ]);
    // the Stage dimension is the stage's literal name, read from its L1 (a Ref would be imported
    // from the API's stack when the API lives in another one)
    const rest = { ApiName: 'orders-api', Stage: 'live' };
    const httpDims = { ApiId: 'abc123', Stage: '$default' };
    const api = (metricName: string, dimensions: object, stat: string, label: string) =>
      ({ namespace: 'AWS/ApiGateway', metricName, dimensions, stat, period: 300, label });
    expect(widgetMetrics(widget(body, 'API requests'))).toEqual([api('Count', rest, 'Sum', 'orders-api'), api('Count', httpDims, 'Sum', 'checkout')]);
    expect(widgetMetrics(widget(body, 'API 4xx errors'))).toEqual([api('4XXError', rest, 'Sum', 'orders-api'), api('4xx', httpDims, 'Sum', 'checkout')]);
    expect(widgetMetrics(widget(body, 'API 5xx errors'))).toEqual([api('5XXError', rest, 'Sum', 'orders-api'), api('5xx', httpDims, 'Sum', 'checkout')]);
    const pct = (name: string) => [
      ...['p50', 'p90', 'p99'].map(p => api(name, rest, p, `orders-api ${p}`)),
      ...['p50', 'p90', 'p99'].map(p => api(name, httpDims, p, `checkout ${p}`)),
    ];
    expect(widgetMetrics(widget(body, 'API latency p50 / p90 / p99 (ms)'))).toEqual(pct('Latency'));
    expect(widgetMetrics(widget(body, 'API integration latency p50 / p90 / p99 (ms)'))).toEqual(pct('IntegrationLatency'));

    const fn = (metricName: string, i: number, stat: string, label = `shop-fn-${i}`) =>
      ({ namespace: 'AWS/Lambda', metricName, dimensions: { FunctionName: `shop-fn-${i}` }, stat, period: 300, label });
    expect(widgetMetrics(widget(body, 'Lambda invocations'))).toEqual([fn('Invocations', 0, 'Sum'), fn('Invocations', 1, 'Sum')]);
    expect(widgetMetrics(widget(body, 'Lambda errors'))).toEqual([fn('Errors', 0, 'Sum'), fn('Errors', 1, 'Sum')]);
    expect(widgetMetrics(widget(body, 'Lambda throttles'))).toEqual([fn('Throttles', 0, 'Sum'), fn('Throttles', 1, 'Sum')]);
    expect(widgetMetrics(widget(body, 'Lambda duration p50 / p99 (ms)'))).toEqual([
      fn('Duration', 0, 'p50', 'shop-fn-0 p50'), fn('Duration', 0, 'p99', 'shop-fn-0 p99'),
      fn('Duration', 1, 'p50', 'shop-fn-1 p50'), fn('Duration', 1, 'p99', 'shop-fn-1 p99'),
    ]);
    expect(widget(body, 'Recent Lambda errors').properties.query).toBe(
      "SOURCE '/aws/lambda/shop-fn-0' | SOURCE '/aws/lambda/shop-fn-1' | fields @timestamp, @log, @requestId, @message"
      + '\n| filter @message like /(?i)(error|exception|task timed out)/\n| sort @timestamp desc\n| limit 100');
    expect(d.lambdaUsesSearchExpressions).toBe(false);
    expect(layoutProblems(body)).toEqual([]);
  });

  test('without functions: account-wide Lambda metrics and no Logs Insights widget', () => {
    const { stack } = newStack();
    const d = new ApiPerformanceDashboard(stack, 'Api', { projectName: 'shop' });
    const body = dashboardBody(d.dashboard);
    expect(titles(body)).toEqual(['## Lambda (all functions in the region)', 'Lambda invocations (all functions)',
      'Lambda errors (all functions)', 'Lambda throttles (all functions)', 'Lambda duration p50 / p99 (ms, all functions)']);
    expect(allMetrics(body).every(m => m.namespace === 'AWS/Lambda' && Object.keys(m.dimensions).length === 0)).toBe(true);
  });

  test('function names that are tokens appear as references', () => {
    const { stack } = newStack();
    const fn = new lambda.Function(stack, 'Handler', {
      runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {};'),
    });
    const d = new ApiPerformanceDashboard(stack, 'Api', { projectName: 'shop', lambdaFunctions: [fn] });
    const body = dashboardBody(d.dashboard);
    const id = stack.getLogicalId(fn.node.defaultChild as lambda.CfnFunction);
    expect(widgetMetrics(widget(body, 'Lambda errors'))[0].dimensions).toEqual({ FunctionName: `\${${id}}` });
    expect(widget(body, 'Recent Lambda errors').properties.query).toContain(`SOURCE '/aws/lambda/\${${id}}'`);
  });

  test('30 functions are grouped into graphs of 20', () => {
    const { stack } = newStack();
    const d = new ApiPerformanceDashboard(stack, 'Api', { projectName: 'shop', lambdaFunctions: functions(stack, 30) });
    const body = dashboardBody(d.dashboard);
    expect(titles(body).filter(t => t.startsWith('Lambda invocations'))).toEqual(['Lambda invocations (functions 1-20)', 'Lambda invocations (functions 21-30)']);
    expect(widgetMetrics(widget(body, 'Lambda invocations (functions 21-30)')).map(m => m.label)).toEqual(
      Array.from({ length: 10 }, (_, i) => `shop-fn-${20 + i}`));
    expect(allMetrics(body)).toHaveLength(150);
    expect(layoutProblems(body)).toEqual([]);
  });

  test('500 functions with lambdaSearchExpressions: one dashboard within every limit, SEARCH expressions cover each function exactly once', () => {
    const { stack } = newStack();
    const fns = functions(stack, 500, 'ecommerce-ai-platform-prod-function-');
    const d = new ApiPerformanceDashboard(stack, 'Api', {
      projectName: 'shop', lambdaFunctions: fns, restApis: [restApi(stack)], lambdaSearchExpressions: true,
    });
    expect(d.dashboards).toHaveLength(1);
    const body = dashboardBody(d.dashboard);
    expect(d.lambdaUsesSearchExpressions).toBe(true);
    expect(body.widgets.length).toBeLessThanOrEqual(500);
    expect(allMetrics(body).length).toBeLessThanOrEqual(2500);
    for (const w of body.widgets.filter((x: any) => x.type === 'metric')) {
      expect(widgetMetrics(w).length).toBeLessThanOrEqual(500);
    }
    const logWidgets = body.widgets.filter((w: any) => w.type === 'log');
    expect(logWidgets).toHaveLength(10);
    for (const w of logWidgets) expect((w.properties.query.match(/SOURCE /g) ?? []).length).toBe(50);
    expect(layoutProblems(body)).toEqual([]);

    const expressions = allMetrics(body).filter(m => m.expression).map(m => m.expression!);
    expect(expressions.every(e => e.length <= 1024)).toBe(true);
    for (const [metricName, stat] of [['Invocations', 'Sum'], ['Errors', 'Sum'], ['Throttles', 'Sum'], ['Duration', 'p99']]) {
      const mine = expressions.filter(e => e.includes(`MetricName="${metricName}"`) && e.endsWith(`'${stat}', 300)`));
      const names = mine.flatMap(e => [...e.matchAll(/FunctionName="([^"]+)"/g)].map(x => x[1]));
      expect(names.sort()).toEqual(fns.map(f => f.functionName).sort());
      expect(mine.every(e => e.startsWith("SEARCH('{AWS/Lambda,FunctionName} MetricName="))).toBe(true);
    }
    expect(allMetrics(body).filter(m => m.expression).every(m => m.label?.startsWith("${PROP('Dim.FunctionName')}"))).toBe(true);
  });

  test('functionsPerGraph 1 with 500 functions: 2,000 graphs kept one function each, in parts of at most 500 widgets', () => {
    const { stack } = newStack();
    const d = new ApiPerformanceDashboard(stack, 'Api', { projectName: 'shop', lambdaFunctions: functions(stack, 500), functionsPerGraph: 1 });
    const bodies = d.dashboards.map(dashboardBody);
    expect(bodies).toHaveLength(5); // 2,000 graphs + 10 log widgets + headers
    for (const body of bodies) {
      expect(body.widgets.length).toBeLessThanOrEqual(500);
      expect(layoutProblems(body)).toEqual([]);
    }
    const graphs = bodies.flatMap((b) => b.widgets.filter((w: any) => w.type === 'metric'));
    expect(graphs).toHaveLength(2000);
    expect(graphs.every((w: any) => widgetMetrics(w).length <= 2)).toBe(true);
  });

  test.each([
    [{ functionsPerGraph: 0 }, /functionsPerGraph must be a whole number from 1 to 100; got 0/],
    [{ apisPerGraph: 51 }, /apisPerGraph must be a whole number from 1 to 50; got 51/],
  ])('rejects bad input %#', (extra, message) => {
    const { stack } = newStack();
    expect(() => new ApiPerformanceDashboard(stack, 'Api', { projectName: 'shop', ...extra })).toThrow(message);
  });

  test('an imported REST API without a stage fails with a clear message', () => {
    const { stack } = newStack();
    const imported = apigateway.RestApi.fromRestApiId(stack, 'Imp', 'xyz');
    expect(() => new ApiPerformanceDashboard(stack, 'A', { projectName: 'shop', restApis: [imported] }))
      .toThrow('restApis[0] (TestStack/Imp) has no deploymentStage (an imported REST API?): API Gateway metrics are per stage. '
        + 'List it in restApiStages with its apiName and stageName instead.');
  });
});
