import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { PlatformAlarms } from '../../src/alarms/platform-alarms';
import { DeploymentEnvironment } from '../../src/core/environment';
import { ApiPerformanceDashboard } from '../../src/dashboards/api-performance-dashboard';
import { PlatformMonitoring } from '../../src/platform-monitoring';
import { PlatformMonitoringProps } from '../../src/platform-monitoring-props';
import { dashboardBody } from '../dashboards/body';
import { newStack } from '../nag-helpers';

// Lambda functions of source accounts, by ARN (README "Many accounts"): alarms read their metrics
// with AccountId (MetricDataQuery.AccountId, "use this to specify which account contains the metric
// that the alarm is watching"), graphs carry accountId, no log group or filter is created here, and
// the log widgets query the groups in the source account (LogQueryWidget accountId).

const MONITORING = '111111111111';
const ORDERS = '222222222222';
const CATALOG = '333333333333';
const arn = (account: string, name: string, region = 'eu-west-1') => `arn:aws:lambda:${region}:${account}:function:${name}`;

function platform(extra: Partial<PlatformMonitoringProps> = {}, local = ['shop-local']) {
  const { stack } = newStack({ account: MONITORING, region: 'eu-west-1' });
  const monitoring = new PlatformMonitoring(stack, 'M', {
    environment: DeploymentEnvironment.PROD,
    recipients: { emails: ['ops@example.com'] },
    projectName: 'shop',
    lambdaFunctions: local.map((name) => lambda.Function.fromFunctionName(stack, name, name)),
    lambdaFunctionArns: [arn(ORDERS, 'orders-api'), arn(ORDERS, 'orders-worker'), arn(CATALOG, 'catalog-api')],
    ...extra,
  });
  return { stack, monitoring };
}

/** Every template of the stack and its nested stacks. */
function templates(stack: Stack): Template[] {
  const nested = stack.node.findAll().filter((c): c is Stack => c instanceof Stack && c !== stack);
  return [Template.fromStack(stack), ...nested.map((n) => Template.fromStack(n))];
}

function lambdaAlarms(stack: Stack, metricName: string): any[] {
  return Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm'))
    .map((a: any) => a.Properties)
    .filter((p: any) => (p.Metrics ?? []).some((m: any) => m.MetricStat?.Metric.Namespace === 'AWS/Lambda'
      && m.MetricStat.Metric.MetricName === metricName));
}

describe('functions of source accounts, by ARN', () => {
  test('the errors and throttles sums read each source function with its AccountId; local functions without', () => {
    const { stack } = platform();
    for (const metricName of ['Errors', 'Throttles']) {
      const [alarm] = lambdaAlarms(stack, metricName);
      expect(alarm).toBeDefined();
      const queries = alarm.Metrics.filter((m: any) => m.MetricStat);
      const byName = Object.fromEntries(queries.map((m: any) => [m.MetricStat.Metric.Dimensions[0].Value, m.AccountId]));
      expect(byName).toEqual({ 'shop-local': undefined, 'orders-api': ORDERS, 'orders-worker': ORDERS, 'catalog-api': CATALOG });
      expect(queries.every((m: any) => m.MetricStat.Unit === undefined)).toBe(true);
      const expression = alarm.Metrics.find((m: any) => m.Expression);
      expect(expression.Expression).toBe('FILL(m0, 0) + FILL(m1, 0) + FILL(m2, 0) + FILL(m3, 0)');
      expect(expression.ReturnData).toBe(true);
      // The description names every function it sums, with the account of each source function.
      expect(alarm.AlarmDescription).toContain(`orders-api (${ORDERS}), orders-worker (${ORDERS}), catalog-api (${CATALOG}), shop-local`);
    }
  });

  test('one source function alone: a single-metric alarm read through a query with AccountId', () => {
    const { stack } = platform({ lambdaFunctionArns: [arn(ORDERS, 'orders-api')] }, []);
    const [alarm] = lambdaAlarms(stack, 'Errors');
    expect(alarm.Namespace).toBeUndefined();
    expect(alarm.Metrics).toHaveLength(1);
    expect(alarm.Metrics[0]).toMatchObject({ AccountId: ORDERS, ReturnData: true });
    expect(alarm.Metrics[0].MetricStat.Metric.Dimensions).toEqual([{ Name: 'FunctionName', Value: 'orders-api' }]);
  });

  test('source functions are grouped like this account\'s (by a hash of their key): each in exactly one group of at most 10', () => {
    const local = Array.from({ length: 10 }, (_, i) => `local-${i}`);
    const { stack } = platform({}, local);
    const alarms = templates(stack).flatMap((t) => Object.values(t.findResources('AWS::CloudWatch::Alarm')).map((a: any) => a.Properties))
      .filter((p: any) => (p.Metrics ?? []).some((m: any) => m.MetricStat?.Metric.MetricName === 'Errors'));
    const groups: string[][] = alarms.map((p: any) => p.Metrics.filter((m: any) => m.MetricStat)
      .map((m: any) => `${m.AccountId ?? 'here'}:${m.MetricStat.Metric.Dimensions[0].Value}`));
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.every((g) => g.length <= 10)).toBe(true);
    expect(groups.flat().sort()).toEqual([
      ...local.map((n) => `here:${n}`), `${ORDERS}:orders-api`, `${ORDERS}:orders-worker`, `${CATALOG}:catalog-api`,
    ].sort());
  });

  test('no log group, metric filter or trail selector for source functions', () => {
    const { stack, monitoring } = platform();
    const all = templates(stack);
    // The imported local function's group exists (USE_EXISTING): only its error filter is created.
    const groupNames = all.flatMap((t) => Object.values(t.findResources('AWS::Logs::LogGroup')).map((g: any) => g.Properties.LogGroupName));
    expect(groupNames.filter((n: string) => n.startsWith('/aws/lambda/'))).toEqual([]);
    const filters = all.flatMap((t) => Object.values(t.findResources('AWS::Logs::MetricFilter')).map((f: any) => f.Properties));
    expect(filters.map((f: any) => f.LogGroupName).filter((n: unknown) => typeof n === 'string' && n.startsWith('/aws/lambda/')))
      .toEqual(['/aws/lambda/shop-local']);
    expect(JSON.stringify(filters)).not.toMatch(/orders|catalog/);
    expect(monitoring.logging.lambdaLogGroups).toHaveLength(1);
    const trail = JSON.stringify(Template.fromStack(stack).findResources('AWS::CloudTrail::Trail'));
    expect(trail).toMatch(/shop-local/);
    expect(trail).not.toMatch(/orders-api|catalog-api/);
    expect(JSON.stringify(all.map((t) => t.toJSON()))).not.toMatch(/orders-worker.*QueryString|QueryDefinition[^}]*orders/);
  });

  test('graphs carry each source function\'s accountId; local ones none', () => {
    const { monitoring } = platform();
    const body = dashboardBody(monitoring.apiPerformanceDashboard.dashboard);
    const errors = body.widgets.find((w: any) => w.properties.title === 'Lambda errors');
    const entries = errors.properties.metrics.map((m: any[]) => ({ name: m[3], options: m[m.length - 1] }));
    expect(entries.find((e: any) => e.name === 'orders-api').options.accountId).toBe(ORDERS);
    expect(entries.find((e: any) => e.name === 'catalog-api').options.accountId).toBe(CATALOG);
    expect(entries.find((e: any) => e.name === 'catalog-api').options.label).toBe(`catalog-api (${CATALOG})`);
    expect(entries.find((e: any) => e.name === 'shop-local').options.accountId).toBeUndefined();
  });

  test('Logs Insights widgets query the source accounts\' log groups, one widget per account', () => {
    const { monitoring } = platform();
    const logs = dashboardBody(monitoring.apiPerformanceDashboard.dashboard).widgets.filter((w: any) => w.type === 'log');
    const byTitle = Object.fromEntries(logs.map((w: any) => [w.properties.title, w.properties]));
    expect(byTitle['Recent Lambda errors'].query).toContain("SOURCE '/aws/lambda/shop-local'");
    expect(byTitle['Recent Lambda errors'].accountId).toBeUndefined();
    const orders = byTitle[`Recent Lambda errors (account ${ORDERS})`];
    expect(orders.accountId).toBe(ORDERS);
    expect(orders.region).toBe('eu-west-1');
    expect(orders.query).toMatch(/^SOURCE '\/aws\/lambda\/orders-api' \| SOURCE '\/aws\/lambda\/orders-worker' \| fields/);
    const catalog = byTitle[`Recent Lambda errors (account ${CATALOG})`];
    expect(catalog.accountId).toBe(CATALOG);
    expect(catalog.query).toMatch(/^SOURCE '\/aws\/lambda\/catalog-api' \| fields/);
    expect(logs).toHaveLength(3);
  });

  test('with SEARCH expressions, a source account\'s expressions are evaluated in that account', () => {
    const { stack } = newStack({ account: MONITORING, region: 'eu-west-1' });
    const local = Array.from({ length: 3 }, (_, i) => lambda.Function.fromFunctionName(stack, `F${i}`, `fn-${i}`));
    const d = new ApiPerformanceDashboard(stack, 'D', {
      projectName: 'shop', lambdaFunctions: local, lambdaFunctionArns: [arn(ORDERS, 'orders-api')], lambdaSearchExpressions: true,
    });
    expect(d.lambdaUsesSearchExpressions).toBe(true);
    const text = JSON.stringify(dashboardBody(d.dashboard));
    expect(text).toMatch(new RegExp(`FunctionName=\\\\"orders-api\\\\"[^\\]]*"accountId":"${ORDERS}"`));
  });

  test('PlatformAlarms alone takes lambdaFunctionArns', () => {
    const { stack } = newStack({ account: MONITORING, region: 'eu-west-1' });
    new PlatformAlarms(stack, 'A', { projectName: 'shop', lambdaFunctionArns: [arn(ORDERS, 'orders-api')] });
    expect(lambdaAlarms(stack, 'Errors')[0].Metrics[0].AccountId).toBe(ORDERS);
  });
});

describe('what is refused at synth', () => {
  test.each([
    [{ lambdaFunctionArns: ['orders-api'] }, /lambdaFunctionArns\[0\] "orders-api" is not a Lambda function ARN \(arn:<partition>:lambda:<region>:<account>:function:<name>/],
    [{ lambdaFunctionArns: [`${arn(ORDERS, 'orders-api')}:live`] },
      /lambdaFunctionArns\[0\] ".*:live" is a qualified ARN \(version or alias "live"\): AWS\/Lambda metrics are read per function name/],
    [{ lambdaFunctionArns: [arn(MONITORING, 'here')] },
      /lambdaFunctionArns\[0\] is a function of this stack's own account \(111111111111\): pass it in lambdaFunctions instead/],
    [{ lambdaFunctionArns: [arn(ORDERS, 'a'), arn(ORDERS, 'a')] },
      /lambdaFunctionArns lists the function "a" of account 222222222222 \(eu-west-1\) more than once \(entries 0 and 1\)/],
    [{ lambdaFunctionArns: [arn(ORDERS, 'a', 'us-east-1')] },
      /lambdaFunctionArns\[0\] is the Lambda function "a" in Region us-east-1, but this stack deploys to Region eu-west-1: a CloudWatch alarm watches metrics of its own Region only/],
    [{ lambdaFunctionArns: 'arn' as any }, /lambdaFunctionArns must be a list/],
    [{ lambdaFunctionArns: [''] }, /lambdaFunctionArns\[0\] must be a non-empty Lambda function ARN/],
    [{ alarms: { lambdaAlarmsAccountWide: true } },
      /lambdaAlarmsAccountWide is true, but lambdaFunctionArns lists functions of source accounts: the account-wide Lambda metrics \(no FunctionName\) are this account's only/],
  ])('%j', (extra, message) => {
    expect(() => platform(extra as any)).toThrow(message);
  });

  test('a token ARN', () => {
    const { stack } = newStack({ account: MONITORING, region: 'eu-west-1' });
    const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'i.h', code: lambda.Code.fromInline('x') });
    expect(() => new PlatformMonitoring(stack, 'M', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop', lambdaFunctionArns: [fn.functionArn] }))
      .toThrow(/lambdaFunctionArns\[0\] is a token: the function's account, Region and name are read from its ARN at synth/);
  });

  // Log groups, metric filters and metrics are regional: a function of another Region of this
  // account is watched by nothing the platform creates here.
  test('a function of another Region of this account in lambdaFunctions is refused', () => {
    const { stack } = newStack({ account: MONITORING, region: 'eu-west-1' });
    const elsewhere = lambda.Function.fromFunctionArn(stack, 'Elsewhere', `arn:aws:lambda:us-east-1:${MONITORING}:function:orders-api`);
    expect(() => new PlatformMonitoring(stack, 'M', { environment: DeploymentEnvironment.PROD, projectName: 'shop', lambdaFunctions: [elsewhere] }))
      .toThrow('lambdaFunctions[0] (TestStack/Elsewhere) is a Lambda function in Region us-east-1, but this stack deploys to Region '
        + 'eu-west-1: a CloudWatch alarm watches metrics of its own Region only, and an event rule sees events of its own Region '
        + 'only; cross-account observability shares telemetry within one Region. Monitor it from a PlatformMonitoring in '
        + 'us-east-1, or remove it here.');
  });

  test('a function of another account in lambdaFunctions points to lambdaFunctionArns', () => {
    const { stack } = newStack({ account: MONITORING, region: 'eu-west-1' });
    const foreign = lambda.Function.fromFunctionArn(stack, 'Foreign', arn(ORDERS, 'orders-api'));
    expect(() => new PlatformMonitoring(stack, 'M', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop', lambdaFunctions: [foreign] }))
      .toThrow('lambdaFunctions[0] (TestStack/Foreign) is a Lambda function of account 222222222222, but this stack deploys '
        + 'to account 111111111111: a function passed as a construct is watched in this account: its log group, error metric '
        + 'filter and trail selector are created here, where its logs are not, and its metrics are read here. Pass its ARN in '
        + 'lambdaFunctionArns instead ("arn:aws:lambda:eu-west-1:222222222222:function:orders-api"): its metrics and logs are '
        + 'then read through the CloudWatch cross-account observability link.');
  });
});
