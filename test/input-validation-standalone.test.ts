import { Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { newStack } from './nag-helpers';
import {
  ApiPerformanceDashboard, AuditTrail, CentralLogging, DataPipelineDashboard, MlMetricCatalog, MlPerformanceDashboard, PlatformAlarms,
  PlatformEvents, PlatformMonitoring, SecurityAlarms,
} from '../src';
import { RETAIL_COPILOT } from './ml-fixtures';
import { DeploymentEnvironment } from '../src/core/environment';
import { SavedQueryTitle } from '../src/logging/saved-queries';

// The constructs usable on their own check their own props (under their own prop names).
const any = (v: unknown) => v as any;

function parts() {
  const { stack } = newStack();
  const key = new kms.Key(stack, 'Key');
  const group = new logs.LogGroup(stack, 'Group', { logGroupName: '/aws/events/standalone/platform' });
  return { stack, key, group };
}

describe('constructs used alone', () => {
  test('AuditTrail: environment, insightTypes, organizationId, lambdaFunctions', () => {
    const { stack, key } = parts();
    const fn = lambda.Function.fromFunctionName(stack, 'Fn', 'orders');
    const trail = (id: string, props: object) => () => new AuditTrail(stack, id, { projectName: 'shop', encryptionKey: key, ...props });
    expect(trail('A', { environment: any('qa') })).toThrow(/environment is "qa", which is not a DeploymentEnvironment/);
    expect(trail('B', { insightTypes: any(['ApiErrorRateInsight']) }))
      .toThrow(/insightTypes\[0\] is "ApiErrorRateInsight", which is not a InsightType: .*\(here InsightType.API_ERROR_RATE, not the string\)/);
    expect(trail('C', { isOrganizationTrail: true, organizationId: 'o-SHORT' }))
      .toThrow(/organizationId "o-SHORT" is not a valid AWS Organizations id/);
    expect(trail('D', { lambdaFunctions: [fn, fn] })).toThrow(/lambdaFunctions lists the function TestStack\/Fn more than once/);
  });

  test('CentralLogging: modes, placement, functions', () => {
    const { stack, key } = parts();
    const logging = (id: string, props: object) => () => new CentralLogging(stack, id, { projectName: 'shop', encryptionKey: key, ...props });
    expect(logging('A', { lambdaLogGroupMode: any('create-or-import') })).toThrow(/lambdaLogGroupMode is "create-or-import", which is not a ServiceLogGroupMode/);
    expect(logging('B', { batchLogGroupMode: any(true) })).toThrow(/batchLogGroupMode is boolean true, which is not a ServiceLogGroupMode/);
    expect(logging('C', { lambdaLogGroupPlacement: any('NESTED_STACKS') }))
      .toThrow(/lambdaLogGroupPlacement is "NESTED_STACKS", .*did you mean LogGroupPlacement.NESTED_STACKS, whose value is "nested-stacks"/);
    expect(logging('D', { lambdaFunctions: any(lambda.Function.fromFunctionName(stack, 'Fn', 'orders')) }))
      .toThrow(/lambdaFunctions must be a list; got an object/);
    expect(logging('E', { trailLogGroupRetention: 10 })).toThrow(/trailLogGroupRetention must be one of 1, 3, 5/);
  });

  test('PlatformEvents: queues, crawlers, jobs, environment', () => {
    const { stack, group } = parts();
    const events = (id: string, props: object) => () => new PlatformEvents(stack, id, { projectName: 'shop', logGroup: group, ...props });
    expect(events('A', { batchJobQueues: ['arn:aws:batch:eu-west-2:123456789012:job-queue/q'] }))
      .toThrow(/batchJobQueues\[0\] is the job queue "q" in Region eu-west-2, but this stack deploys to Region eu-west-1: AWS services deliver events only to EventBridge/);
    expect(events('B', { glueCrawlerNames: ['raw', 'raw'] })).toThrow(/glueCrawlerNames lists the Glue crawler name "raw" more than once/);
    expect(events('C', { glueJobNames: ['arn:aws:glue:eu-west-1:*:job/etl'] })).toThrow(/pass the Glue job name "etl" instead/);
    expect(events('D', { environment: any('Prod') })).toThrow(/did you mean DeploymentEnvironment.PROD/);
  });

  test('PlatformAlarms and SecurityAlarms: CIS controls and version', () => {
    const { stack, group } = parts();
    expect(() => new PlatformAlarms(stack, 'A', { projectName: 'shop', trailLogGroup: group, securityAlarms: { disabledCisControls: any(['4.14']) } }))
      .toThrow(/^securityAlarms\.disabledCisControls\[0\] is "4.14", which is not a CisControl/);
    expect(() => new PlatformAlarms(stack, 'B', { projectName: 'shop', securityAlarms: { cisBenchmarkVersion: any('v1.4.0') } }))
      .toThrow(/^securityAlarms\.cisBenchmarkVersion is "v1.4.0", which is not a CisBenchmarkVersion/);
    expect(() => new SecurityAlarms(stack, 'C', { projectName: 'shop', trailLogGroup: group, disabledCisControls: any('vpc-changes') }))
      .toThrow(/disabledCisControls must be a list; got "vpc-changes"/);
    expect(() => new SecurityAlarms(stack, 'D', { projectName: 'shop', trailLogGroup: group, cisBenchmarkVersion: any('1.5.0') }))
      .toThrow(/cisBenchmarkVersion is "1.5.0", which is not a CisBenchmarkVersion/);
  });

  test('dashboards: environment and lists', () => {
    const { stack } = parts();
    expect(() => new DataPipelineDashboard(stack, 'A', { projectName: 'shop', environment: any('test') }))
      .toThrow(/environment is "test", which is not a DeploymentEnvironment/);
    expect(() => new DataPipelineDashboard(stack, 'B', { projectName: 'shop', glueJobNames: [''] }))
      .toThrow(/glueJobNames\[0\] must be a non-empty Glue job name/);
    expect(() => new DataPipelineDashboard(stack, 'C', { projectName: 'shop', batchJobQueues: ['q', 'q'] }))
      .toThrow(/batchJobQueues lists the job queue "q" more than once/);
    expect(() => new ApiPerformanceDashboard(stack, 'D', { projectName: 'shop', restApiStages: [{ apiName: 'orders', stageName: 'v1.0' }] }))
      .toThrow(/restApiStages\[0\]\.stageName "v1.0" is not a valid REST API stage name/);
    expect(() => new MlPerformanceDashboard(stack, 'E', { projectName: 'shop', mlComponents: any(RETAIL_COPILOT) }))
      .toThrow(/mlComponents must be a list of MlComponent/);
  });

  test('MlMetricCatalog: components must be MlComponent instances', () => {
    const plain = { id: 'x', displayName: 'X', metricPrefix: 'X', metrics: [] };
    expect(() => new MlMetricCatalog({ namespace: 'shop', components: any([plain]) }))
      .toThrow(/mlComponents\[0\] is not an MlComponent: create it with new MlComponent/);
  });
});

describe('a Batch queue given by name or ARN on the data-pipeline dashboard', () => {
  // AWS/Batch publishes per JobQueueName, the queue's NAME (AWS Batch User Guide, "Using CloudWatch
  // Metrics with AWS Batch"): a name and the ARN of the same queue graph the same series.
  test.each([['etl-queue'], ['arn:aws:batch:eu-west-1:123456789012:job-queue/etl-queue']])('%s', (queue) => {
    const { stack } = parts();
    new DataPipelineDashboard(stack, 'D', { projectName: 'shop', batchJobQueues: [queue] });
    const join = (Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard'))[0] as any).Properties.DashboardBody['Fn::Join'][1];
    // Resolve the partition and region as CloudFormation would in eu-west-1 of the aws partition.
    const text = join.map((p: any) => (typeof p === 'string' ? p : p.Ref === 'AWS::Partition' ? 'aws' : 'eu-west-1')).join('');
    const widget = JSON.parse(text).widgets.find((w: any) => w.properties.title === 'Batch etl-queue: state transitions');
    const failed = widget.properties.metrics.find((m: any[]) => m.includes('JobsMovedToFailed'));
    expect(failed.slice(0, 4)).toEqual(['AWS/Batch', 'JobsMovedToFailed', 'JobQueueName', 'etl-queue']);
  });
});

describe('one retention default for the CloudTrail log group', () => {
  const trailRetention = (stack: any, name: string) => Object.values(Template.fromStack(stack).findResources('AWS::Logs::LogGroup'))
    .map((g: any) => g.Properties).find((p: any) => p.LogGroupName === name)?.RetentionInDays;

  test('365 days inside PlatformMonitoring, AuditTrail alone and CentralLogging alone', () => {
    const a = newStack().stack;
    new PlatformMonitoring(a, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop' });
    expect(trailRetention(a, '/aws/cloudtrail/shop')).toBe(365);
    const b = parts();
    new AuditTrail(b.stack, 'Audit', { projectName: 'shop', encryptionKey: b.key });
    expect(trailRetention(b.stack, '/aws/cloudtrail/shop')).toBe(365);
    const c = parts();
    new CentralLogging(c.stack, 'Logging', { projectName: 'shop', encryptionKey: c.key });
    expect(trailRetention(c.stack, '/aws/cloudtrail/shop')).toBe(365);
    expect(trailRetention(c.stack, '/aws/batch/job')).toBe(30);
  });

  test('audit.trailLogGroupRetention sets it; logRetention does not', () => {
    const { stack } = newStack();
    new PlatformMonitoring(stack, 'Monitoring', {
      environment: DeploymentEnvironment.PROD,
      recipients: { emails: ['ops@example.com'] },
      projectName: 'shop',
      logRetention: logs.RetentionDays.TWO_WEEKS,
      audit: { trailLogGroupRetention: logs.RetentionDays.SIX_MONTHS },
    });
    expect(trailRetention(stack, '/aws/cloudtrail/shop')).toBe(180);
    expect(trailRetention(stack, '/aws/batch/job')).toBe(14);
  });
});

test('the Glue failures saved query lists every unsuccessful end state', () => {
  const { stack, key } = parts();
  new CentralLogging(stack, 'Logging', { projectName: 'shop', encryptionKey: key });
  const query = Object.values(Template.fromStack(stack).findResources('AWS::Logs::QueryDefinition'))
    .map((q: any) => q.Properties).find((p: any) => p.Name === `shop/${SavedQueryTitle.GLUE_FAILURES}`);
  // Glue Job State Change: SUCCEEDED, FAILED, TIMEOUT, STOPPED; Glue Crawler State Change: Succeeded, Failed
  // (Amazon EventBridge events reference, "AWS Glue events").
  expect(query.QueryString).toContain("source = 'aws.glue' and detail.state in ['FAILED', 'TIMEOUT', 'STOPPED', 'ERROR', 'Failed']");
});
