import { App, CfnResource, NestedStack, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DeploymentEnvironment, PlatformMonitoring, PlatformMonitoringProps } from '../../src';
import { SHARED_QUOTAS } from '../../src/limits/shared-quotas';
import { RECOMMENDED_CONTEXT } from '../fixtures';

// Quotas a template can pass while the deploy still fails (src/limits/shared-quotas.ts): resources
// in one stack operation (nested stacks included), the size of event patterns, key and topic
// policies, composite alarm rules, and Logs Insights widgets per dashboard. Each fails the synth
// with the limit, the figure and a fix.

const ENV = { account: '123456789012', region: 'eu-west-1' };

function platform(props: Partial<PlatformMonitoringProps> = {}): { app: App; stack: Stack } {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'Platform', { env: ENV });
  new PlatformMonitoring(stack, 'Monitoring', { projectName: 'shop', environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, ...props } as PlatformMonitoringProps);
  return { app, stack };
}

function synthError(app: App): string {
  try {
    app.synth();
  } catch (e) {
    return String((e as Error).message);
  }
  return 'synth succeeded';
}

/** `count` resources of the user's own in a new nested stack of `stack`. */
function nestedFiller(stack: Stack, id: string, count: number): void {
  const nested = new NestedStack(stack, id);
  for (let i = 0; i < count; i++) new CfnResource(nested, `H${i}`, { type: 'AWS::CloudFormation::WaitConditionHandle' });
}

describe('resources in one stack operation', () => {
  test('a platform stack whose nested stacks bring it over 2,500 resources fails the synth', () => {
    const { app, stack } = platform();
    for (let i = 0; i < 7; i++) nestedFiller(stack, `Filler${i}`, 400);
    const message = synthError(app);
    expect(message).toMatch(/PlatformMonitoring-StackOperationResources/);
    expect(message).toMatch(new RegExp("Stack 'Platform' and its 7 nested stack\\(s\\) hold 2,\\d\\d\\d resources; CloudFormation creates, "
      + 'updates or deletes at most 2,500 in one stack operation \\(nested stacks included\\), so the deploy would fail.'));
    expect(message).toMatch(/ServiceLogGroupMode.USE_EXISTING/);
  });

  test('a team stack that holds the platform\'s log groups of its functions is checked too, its nested stacks included', () => {
    const app = new App({ context: RECOMMENDED_CONTEXT });
    const stack = new Stack(app, 'Platform', { env: ENV });
    const team = new Stack(app, 'Team', { env: ENV });
    const fn = new lambda.Function(team, 'Orders', {
      functionName: 'shop-orders', runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('x'),
    });
    new PlatformMonitoring(stack, 'Monitoring', {
      projectName: 'shop', environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, lambdaFunctions: [fn],
    });
    for (let i = 0; i < 7; i++) nestedFiller(team, `Filler${i}`, 400);
    const message = synthError(app);
    expect(message).toMatch(/PlatformMonitoring-StackOperationResources/);
    expect(message).toMatch(/Stack 'Team' and its 8 nested stack\(s\) hold 2,8\d\d resources/);
  });

  test('under 2,500 passes', () => {
    const { app, stack } = platform();
    for (let i = 0; i < 5; i++) nestedFiller(stack, `Filler${i}`, 400);
    expect(synthError(app)).toBe('synth succeeded');
  });
});

test('an event pattern over 2,048 characters fails the synth', () => {
  const { app, stack } = platform();
  new events.Rule(stack, 'Mine', { eventPattern: { source: ['my.app'], detail: { name: Array.from({ length: 100 }, (_, i) => `name-of-a-thing-${i}`) } } });
  const message = synthError(app);
  expect(message).toMatch(/PlatformMonitoring-EventPatternSize/);
  expect(message).toMatch(/The event pattern of AWS::Events::Rule Mine[0-9A-F]{8} in stack 'Platform' is 2,\d\d\d characters; EventBridge accepts at most 2,048 \(its default quota\), so the deploy would fail./);
  expect(message).toMatch(/split them across several rules/);
});

test('a topic policy over 30 KB fails the synth (400 source accounts; the key policy no longer lists accounts)', () => {
  const accounts = Array.from({ length: 400 }, (_, i) => String(100000000000 + i));
  const { app } = platform({ crossAccountAlerts: { alarmSourceAccounts: accounts } });
  const message = synthError(app);
  expect(message).not.toMatch(/PlatformMonitoring-KeyPolicySize/);
  expect(message).toMatch(/PlatformMonitoring-TopicPolicySize/);
  expect(message).toMatch(/The topic policy of AWS::SNS::TopicPolicy \w+ in stack 'Platform' is \d\d,\d\d\d bytes; Amazon SNS accepts at most 30,720, so the deploy would fail./);
  expect(message).toMatch(/aws:SourceOrgID/);
});

test('a key policy over 32 KB fails the synth (statements added to the platform key)', () => {
  const { app, stack } = platform();
  const monitoring = stack.node.findChild('Monitoring') as PlatformMonitoring;
  for (let i = 0; i < 200; i++) { // distinct conditions: minimizePolicies cannot merge them
    monitoring.platformKey.key.addToResourcePolicy(new iam.PolicyStatement({
      sid: `Reader${i}`,
      actions: ['kms:Decrypt', 'kms:DescribeKey'],
      resources: ['*'],
      principals: [new iam.ArnPrincipal(`arn:aws:iam::123456789012:role/a-reader-role-with-a-long-name-${i}`)],
      conditions: { StringEquals: { 'aws:PrincipalTag/team': `team-${i}` } },
    }));
  }
  const message = synthError(app);
  expect(message).toMatch(/PlatformMonitoring-KeyPolicySize/);
  expect(message).toMatch(/The key policy of AWS::KMS::Key \w+ in stack 'Platform' is \d\d,\d\d\d bytes; AWS KMS accepts at most 32,768, so the deploy would fail./);
});

test('a composite alarm rule over 10,240 characters fails the synth (alarms of another template counted at 255 characters)', () => {
  const { app, stack } = platform();
  const nested = new NestedStack(stack, 'Leaves');
  const leaves = Array.from({ length: 40 }, (_, i) => new cloudwatch.Alarm(nested, `A${i}`, {
    metric: new cloudwatch.Metric({ namespace: 'Mine', metricName: `m${i}` }), threshold: 1, evaluationPeriods: 1,
  }));
  new cloudwatch.CompositeAlarm(stack, 'Any', { alarmRule: cloudwatch.AlarmRule.anyOf(...leaves) });
  const message = synthError(app);
  expect(message).toMatch(/PlatformMonitoring-CompositeAlarmRuleSize/);
  expect(message).toMatch(/The rule of AWS::CloudWatch::CompositeAlarm Any[0-9A-F]{8} in stack 'Platform' is 13,\d\d\d characters \(an alarm whose name is not in the template counted at 255 characters\); CloudWatch accepts at most 10,240, so the deploy would fail./);
  expect(message).toMatch(/at most 30 alarms each/);
});

test('a dashboard with more than 30 Logs Insights widgets fails the synth; 30 pass', () => {
  const dashboard = (count: number) => {
    const { app, stack } = platform();
    new cloudwatch.Dashboard(stack, 'Mine', {
      widgets: [Array.from({ length: count }, (_, i) => new cloudwatch.LogQueryWidget({ logGroupNames: [`/mine/${i}`], queryLines: ['fields @message'] }))],
    });
    return synthError(app);
  };
  const message = dashboard(31);
  expect(message).toMatch(/PlatformMonitoring-LogsInsightsWidgets/);
  expect(message).toMatch(/The dashboard AWS::CloudWatch::Dashboard Mine[0-9A-F]{8} in stack 'Platform' has 31 Logs Insights query widgets; an account runs at most 30 Logs Insights queries at once, so opening it would fail some of its queries./);
  expect(dashboard(SHARED_QUOTAS.logsInsightsWidgetsPerDashboard)).toBe('synth succeeded');
});
