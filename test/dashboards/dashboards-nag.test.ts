import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ApiPerformanceDashboard } from '../../src/dashboards/api-performance-dashboard';
import { DataPipelineDashboard } from '../../src/dashboards/data-pipeline-dashboard';
import { MlPerformanceDashboard } from '../../src/dashboards/ml-performance-dashboard';
import { ecommerceMlComponents } from '../ml-fixtures';
import { nagFindings, newStack } from '../nag-helpers';

function allThree(functionCount: number) {
  const { app, stack } = newStack();
  const alarm = cloudwatch.Alarm.fromAlarmArn(stack, 'Alarm', 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:shop-prod-x');
  const fns = Array.from({ length: functionCount }, (_, i) => lambda.Function.fromFunctionAttributes(stack, `Fn${i}`, {
    functionArn: `arn:aws:lambda:eu-west-1:123456789012:function:shop-fn-${i}`, sameEnvironment: true,
  }));
  new DataPipelineDashboard(stack, 'Pipeline', {
    projectName: 'shop',
    dmsReplicationTasks: [{ replicationInstanceIdentifier: 'repl', replicationTaskIdentifier: 'TASK1' }],
    batchJobQueues: ['arn:aws:batch:eu-west-1:123456789012:job-queue/q'],
    glueCrawlerNames: ['c'],
    glueJobNames: ['j'],
    batchLogGroups: [logs.LogGroup.fromLogGroupName(stack, 'BatchLogs', '/aws/batch/job')],
    alarms: [alarm],
  });
  new ApiPerformanceDashboard(stack, 'Api', {
    projectName: 'shop',
    restApiStages: [{ apiName: 'orders', stageName: 'prod' }],
    lambdaFunctions: fns,
    alarms: [alarm],
  });
  new MlPerformanceDashboard(stack, 'Ml', { projectName: 'shop', mlComponents: ecommerceMlComponents(), alarms: [alarm] });
  return { app, stack };
}

test('the three dashboards add only dashboards, with no cdk-nag findings from a nag run that does see the stack', () => {
  const { app, stack } = allThree(3);
  // No nag rule applies to AWS::CloudWatch::Dashboard: what could be flagged is anything else a
  // dashboard starts to create (a log group, a query definition, a role, a custom resource).
  const types = Object.values(Template.fromStack(stack).toJSON().Resources).map((r: any) => r.Type);
  expect(types).toEqual(['AWS::CloudWatch::Dashboard', 'AWS::CloudWatch::Dashboard', 'AWS::CloudWatch::Dashboard']);
  expect(nagFindings(app, stack)).toEqual([]);
  // The same run over the same stack reports a resource that breaks the packs' rules.
  new logs.LogGroup(stack, 'Unencrypted', { retention: logs.RetentionDays.INFINITE });
  expect(nagFindings(app, stack)).toEqual(expect.arrayContaining([expect.stringMatching(/LogGroup\w*: TestStack\/Unencrypted/)]));
});

test('no synth warnings, also with 500 functions (SEARCH expressions)', () => {
  for (const count of [3, 500]) {
    const { stack } = allThree(count);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  }
});
