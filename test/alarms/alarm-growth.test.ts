import { App } from 'aws-cdk-lib';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { PlatformMonitoring, PlatformMonitoringProps } from '../../src';
import { DeploymentEnvironment } from '../../src/core/environment';
import { growthProblems } from '../growth';
import { newStack } from '../nag-helpers';

// CloudFormation cannot change a resource's type in place, and a named resource re-created under a
// new logical id or in another stack collides with the old one's name: adding a monitored resource
// must only add. Each test synthesizes the platform with N and N + 1 of something, at every
// threshold the alarm code has.

function platform(props: Partial<PlatformMonitoringProps> & { functions?: number }): App {
  const { app, stack } = newStack();
  const fns = Array.from({ length: props.functions ?? 0 }, (_, i) => lambda.Function.fromFunctionName(stack, `Fn${i}`, `shop-fn-${i}`));
  new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop', alarms: { securityAlarms: { enabled: false } }, lambdaFunctions: fns, ...props });
  return app;
}

const tasks = (n: number) => Array.from({ length: n }, (_, i) => ({ replicationInstanceIdentifier: 'repl', replicationTaskIdentifier: `TASK${i}` }));

test('the check can fail: a logical id that turns from Alarm into CompositeAlarm is reported', () => {
  const build = (composite: boolean) => {
    const { app, stack } = newStack();
    const metric = new cloudwatch.Metric({ namespace: 'N', metricName: 'M' });
    const child = new cloudwatch.Alarm(stack, 'Child', { metric, threshold: 1, evaluationPeriods: 1, alarmName: 'child' });
    if (composite) new cloudwatch.CompositeAlarm(stack, 'Errors', { compositeAlarmName: 'errors', alarmRule: cloudwatch.AlarmRule.fromAlarm(child, cloudwatch.AlarmState.ALARM) });
    else new cloudwatch.Alarm(stack, 'Errors', { metric, threshold: 1, evaluationPeriods: 1, alarmName: 'errors' });
    return app;
  };
  expect(growthProblems(build(false), build(true))).toEqual([expect.stringMatching(/^Errors.* changed type AWS::CloudWatch::Alarm -> AWS::CloudWatch::CompositeAlarm$/)]);
});

describe.each([
  [0, 1], [1, 2], [10, 11], [20, 21],
])('Lambda functions %i -> %i', (n, m) => {
  test('only adds (no logical id changes type, stack or name)', () => {
    expect(growthProblems(platform({ functions: n }), platform({ functions: m }))).toEqual([]);
  });
});

test('platform-health 50 -> 51 inputs (composite chunking) only adds', () => {
  // Inputs: Batch + 2 Glue + Lambda errors + throttles = 5, plus one lag alarm per DMS task.
  const options = { alarmOptions: { dmsSourceLatency: { enabled: false } } };
  const before = platform({ ...options, dmsReplicationTasks: tasks(45) });
  const after = platform({ ...options, dmsReplicationTasks: tasks(46) });
  expect(growthProblems(before, after)).toEqual([]);
});

describe.each([[0, 1], [1, 2]])('DMS tasks and APIs %i -> %i', (n, m) => {
  test('DMS tasks only add', () => {
    expect(growthProblems(platform({ dmsReplicationTasks: tasks(n) }), platform({ dmsReplicationTasks: tasks(m) }))).toEqual([]);
  });
  test('REST API stages and HTTP APIs only add', () => {
    const apis = (k: number) => {
      const { app, stack } = newStack();
      new PlatformMonitoring(stack, 'Monitoring', {
        environment: DeploymentEnvironment.PROD,
        recipients: { emails: ['ops@example.com'] },
        projectName: 'shop',
        alarms: { securityAlarms: { enabled: false } },
        restApiStages: Array.from({ length: k }, (_, i) => ({ apiName: `api-${i}`, stageName: 'prod' })),
        httpApis: Array.from({ length: k }, (_, i) => ({ api: apigatewayv2.HttpApi.fromHttpApiAttributes(stack, `Http${i}`, { httpApiId: `id${i}` }) })),
      });
      return app;
    };
    expect(growthProblems(apis(n), apis(m))).toEqual([]);
  });
});
