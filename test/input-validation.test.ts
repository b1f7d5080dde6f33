import { Stack, Token } from 'aws-cdk-lib';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { newStack } from './nag-helpers';
import {
  CisControl, DeploymentEnvironment, LogGroupPlacement, PlatformMonitoring, PlatformMonitoringProps, ServiceLogGroupMode,
} from '../src';

// Values a JavaScript or Python caller can pass that TypeScript would reject: each must fail at synth
// with a message naming the prop and the fix, instead of passing silently.
const any = (v: unknown) => v as any;

function build(props: Partial<PlatformMonitoringProps>, stack: Stack = newStack().stack) {
  return new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop', ...props });
}

/** Props that need constructs of the stack. */
function withStack(make: (stack: Stack) => Partial<PlatformMonitoringProps>) {
  const { stack } = newStack();
  return () => build(make(stack), stack);
}

describe('enum props: values that are not members of the enum', () => {
  test.each([
    ['environment', { environment: any('production') },
      /environment is "production", which is not a DeploymentEnvironment: use one of DeploymentEnvironment.DEV, DeploymentEnvironment.STAGING, DeploymentEnvironment.PROD\./],
    ['environment (the member name instead of its value)', { environment: any('PROD') },
      /environment is "PROD", which is not a DeploymentEnvironment: .*\(did you mean DeploymentEnvironment.PROD, whose value is "prod"\?\)/],
    ['logging.lambdaLogGroupMode', { logging: { lambdaLogGroupMode: any('existing') } },
      /logging\.lambdaLogGroupMode is "existing", which is not a ServiceLogGroupMode: use one of ServiceLogGroupMode.CREATE, ServiceLogGroupMode.USE_EXISTING/],
    ['logging.batchLogGroupMode', { logging: { batchLogGroupMode: any('USE_EXISTING') } },
      /logging\.batchLogGroupMode is "USE_EXISTING", which is not a ServiceLogGroupMode: .*did you mean ServiceLogGroupMode.USE_EXISTING, whose value is "use-existing"/],
    ['logging.lambdaLogGroupPlacement', { logging: { lambdaLogGroupPlacement: any('nested') } },
      /logging\.lambdaLogGroupPlacement is "nested", which is not a LogGroupPlacement: use one of LogGroupPlacement.AUTO, LogGroupPlacement.SAME_STACK, LogGroupPlacement.NESTED_STACKS/],
    ['alarms.securityAlarms.disabledCisControls entry', { alarms: { securityAlarms: { disabledCisControls: any(['vpc']) } } },
      /alarms\.securityAlarms\.disabledCisControls\[0\] is "vpc", which is not a CisControl: use one of CisControl.UNAUTHORIZED_API_CALLS, /],
    ['audit.insightTypes entry given as a string', { audit: { insightTypes: any(['ApiCallRateInsight']) } },
      /audit\.insightTypes\[0\] is "ApiCallRateInsight", which is not a InsightType: use one of InsightType.API_CALL_RATE, InsightType.API_ERROR_RATE \(here InsightType.API_CALL_RATE, not the string\)/],
  ])('%s', (_name, props, message) => {
    expect(() => build(props as Partial<PlatformMonitoringProps>)).toThrow(message);
  });

  test('members pass, and an unresolved token is not judged', () => {
    expect(() => build({
      environment: DeploymentEnvironment.STAGING,
      logging: {
        lambdaLogGroupMode: ServiceLogGroupMode.USE_EXISTING,
        lambdaLogGroupPlacement: LogGroupPlacement.SAME_STACK,
        batchLogGroupMode: any(Token.asString({ Ref: 'Mode' })),
      },
      alarms: { securityAlarms: { disabledCisControls: [CisControl.VPC_CHANGES] } },
      audit: { insightTypes: [cloudtrail.InsightType.API_CALL_RATE] },
    })).not.toThrow();
  });

  test.each([
    ['logging', { logging: any('CREATE') }, /logging must be an object of options \(e\.g\. logging: \{ \.\.\. \}\); got "CREATE"/],
    ['alarms', { alarms: any([]) }, /alarms must be an object of options .*; got a list/],
    ['audit', { audit: any(true) }, /audit must be an object of options .*; got boolean true/],
    ['dashboards', { dashboards: any(null) }, /dashboards must be an object of options .*; got null/],
  ])('an options group that is not an object: %s', (_name, props, message) => {
    expect(() => build(props as Partial<PlatformMonitoringProps>)).toThrow(message);
  });
});

describe('lists: a single value, the same entry twice, empty names', () => {
  test.each([
    ['a string instead of a list', { batchJobQueues: any('etl-queue') },
      /batchJobQueues must be a list; got "etl-queue"\. Wrap a single entry in a list: batchJobQueues: \["etl-queue"\]\./],
    ['recipients.emails as one string (was read character by character)', { recipients: { emails: any('ops@example.com') } },
      /recipients\.emails must be a list; got "ops@example.com"/],
    ['recipients as the list of emails (recipients holds every kind of recipient)', { recipients: any(['ops@example.com']) },
      /^recipients must be an object of options \(e\.g\. recipients: \{ \.\.\. \}\); got /],
    ['alarms.securityAlarms.disabledCisControls twice', { alarms: { securityAlarms: { disabledCisControls: [CisControl.VPC_CHANGES, CisControl.VPC_CHANGES] } } },
      /alarms\.securityAlarms\.disabledCisControls lists CisControl "vpc-changes" more than once \(entries 0 and 1\)/],
    ['audit.insightTypes twice', { audit: { insightTypes: [cloudtrail.InsightType.API_ERROR_RATE, cloudtrail.InsightType.API_ERROR_RATE] } },
      /audit\.insightTypes lists InsightType.API_ERROR_RATE more than once \(entries 0 and 1\): each can be enabled once/],
    ['glueCrawlerNames twice', { glueCrawlerNames: ['raw', 'curated', 'raw'] },
      /glueCrawlerNames lists the Glue crawler name "raw" more than once \(entries 0 and 2\)/],
    ['glueJobNames twice', { glueJobNames: ['etl', 'etl'] }, /glueJobNames lists the Glue job name "etl" more than once/],
    ['an empty Glue crawler name', { glueCrawlerNames: ['raw', ''] },
      /glueCrawlerNames\[1\] must be a non-empty Glue crawler name; got ""\. Remove the entry or pass the Glue crawler name\./],
    ['an empty Glue job name', { glueJobNames: ['  '] }, /glueJobNames\[0\] must be a non-empty Glue job name; got "  "/],
    ['a name with surrounding spaces', { glueJobNames: ['etl '] },
      /glueJobNames\[0\] "etl " has leading or trailing whitespace: .*compare the Glue job name exactly.*: pass "etl"\./],
    ['an empty Batch job queue', { batchJobQueues: [''] }, /batchJobQueues\[0\] must be a non-empty Batch job queue name or ARN; got ""/],
    ['restApiStages twice', { restApiStages: [{ apiName: 'orders', stageName: 'prod' }, { apiName: 'orders', stageName: 'prod' }] },
      /restApiStages lists orders\/prod more than once/],
    ['an empty REST API name', { restApiStages: [{ apiName: '', stageName: 'prod' }] },
      /restApiStages\[0\]\.apiName must be a non-empty REST API name \(the ApiName dimension\); got ""/],
  ])('%s', (_name, props, message) => {
    expect(() => build(props as Partial<PlatformMonitoringProps>)).toThrow(message);
  });

  test('the same function twice, as one construct or as two imports of one name', () => {
    expect(withStack((stack) => {
      const fn = lambda.Function.fromFunctionName(stack, 'Orders', 'orders');
      return { lambdaFunctions: [fn, fn] };
    })).toThrow(/lambdaFunctions lists the function TestStack\/Orders more than once \(entries 0 and 1\)/);
    expect(withStack((stack) => ({
      lambdaFunctions: [lambda.Function.fromFunctionName(stack, 'A', 'orders'), lambda.Function.fromFunctionName(stack, 'B', 'orders')],
    }))).toThrow(/lambdaFunctions lists the function "orders" more than once .*two constructs name the same function/);
  });

  test('the same HTTP API stage twice, and an API passed without { api }', () => {
    expect(withStack((stack) => {
      const api = new apigatewayv2.HttpApi(stack, 'Http');
      return { httpApis: [{ api }, { api, stageName: '$default' }] };
    })).toThrow(/httpApis lists TestStack\/Http \(stage \$default\) more than once/);
    expect(withStack((stack) => ({ httpApis: any([new apigatewayv2.HttpApi(stack, 'Http')]) })))
      .toThrow(/httpApis\[0\]\.api must be an HTTP API \(apigatewayv2.IHttpApi\); pass \{ api: httpApi \}; got undefined/);
  });

  test('a string where a construct belongs', () => {
    expect(() => build({ lambdaFunctions: any(['orders']) })).toThrow(
      /lambdaFunctions\[0\] must be a Lambda function \(lambda.IFunction\); got "orders"/);
  });
});

describe('identifiers in the wrong form', () => {
  const TASK = { replicationInstanceIdentifier: 'platform-repl', replicationTaskIdentifier: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' };
  test.each([
    ['a Glue crawler ARN pattern (IAM-policy style, no account)', { glueCrawlerNames: ['arn:aws:glue:eu-west-1:*:crawler/raw-crawler'] },
      /glueCrawlerNames\[0\] is the ARN "arn:aws:glue:eu-west-1:\*:crawler\/raw-crawler", but Glue Crawler State Change events carry detail.crawlerName, the plain name, .*: pass the Glue crawler name "raw-crawler" instead\./],
    ['a Glue job ARN pattern (IAM-policy style, no account)', { glueJobNames: ['arn:aws:glue:eu-west-1:*:job/nightly-etl'] },
      /glueJobNames\[0\] is the ARN .*: pass the Glue job name "nightly-etl" instead\./],
    ['a Glue name over two lines', { glueJobNames: ['nightly\netl'] },
      /glueJobNames\[0\] "nightly\\netl" is not a valid Glue job name \(1-255 characters on a single line\)/],
    ['a DMS instance identifier in upper case (DMS stores it lowercase)',
      { dmsReplicationTasks: [{ ...TASK, replicationInstanceIdentifier: 'Platform-Repl' }] },
      /dmsReplicationTasks\[0\]\.replicationInstanceIdentifier "Platform-Repl" is not a valid DMS replication instance identifier: DMS stores the identifier in lowercase, so the dimension value is "platform-repl", .* Pass "platform-repl"\./],
    ['a DMS instance identifier with two hyphens in a row', { dmsReplicationTasks: [{ ...TASK, replicationInstanceIdentifier: 'repl--1' }] },
      /replicationInstanceIdentifier "repl--1" is not a valid DMS replication instance identifier \(1-63 letters, digits or hyphens, starting with a letter, not ending with a hyphen, no two hyphens in a row\)/],
    ['a DMS instance identifier ending with a hyphen', { dmsReplicationTasks: [{ ...TASK, replicationInstanceIdentifier: 'repl-' }] },
      /replicationInstanceIdentifier "repl-" is not a valid DMS replication instance identifier: it ends with a hyphen, .* Pass "repl"\./],
    ['a DMS instance ARN', { dmsReplicationTasks: [{ ...TASK, replicationInstanceIdentifier: 'arn:aws:dms:eu-west-1:123456789012:rep:XYZ' }] },
      /replicationInstanceIdentifier is the ARN .*: pass the DMS replication instance identifier "XYZ" instead/],
    ['a DMS task ARN', { dmsReplicationTasks: [{ ...TASK, replicationTaskIdentifier: 'arn:aws:dms:eu-west-1:123456789012:task:ABCDEFGHIJ' }] },
      /replicationTaskIdentifier is the ARN .*whose value is the task resource id.*: pass the DMS replication task resource id "ABCDEFGHIJ" instead/],
    ['a DMS task id with spaces', { dmsReplicationTasks: [{ ...TASK, replicationTaskIdentifier: 'orders cdc' }] },
      /replicationTaskIdentifier "orders cdc" is not a valid DMS replication task resource id/],
    ['a REST stage name with a space', { restApiStages: [{ apiName: 'orders', stageName: 'prod stage' }] },
      /restApiStages\[0\]\.stageName "prod stage" is not a valid REST API stage name \(1-128 letters, digits, hyphens and underscores\)/],
    ['an organization id without "o-"', { audit: { isOrganizationTrail: true, organizationId: 'r-abcd1234' } },
      /audit\.organizationId "r-abcd1234" is not a valid AWS Organizations id \("o-" followed by 10-32 lowercase letters or digits\)/],
    ['a Batch job queue that is neither a name nor an ARN', { batchJobQueues: ['etl queue'] },
      /batchJobQueues\[0\] "etl queue" is neither a Batch job queue name \(1-128 letters, digits, hyphens and underscores\) nor a job queue ARN/],
    ['the ARN of another AWS resource', { batchJobQueues: ['arn:aws:batch:eu-west-1:123456789012:compute-environment/ce'] },
      /batchJobQueues\[0\] "arn:aws:batch:eu-west-1:123456789012:compute-environment\/ce" is neither a Batch job queue name/],
    ['a queue in another region (its events never reach this region)', { batchJobQueues: ['arn:aws:batch:us-east-1:123456789012:job-queue/etl'] },
      /batchJobQueues\[0\] is the job queue "etl" in Region us-east-1, but this stack deploys to Region eu-west-1: .* Monitor it from a PlatformMonitoring in us-east-1, or remove it here\./],
    ['a queue by name and by ARN', { batchJobQueues: ['etl', 'arn:aws:batch:eu-west-1:123456789012:job-queue/etl'] },
      /batchJobQueues lists the job queue "etl" more than once \(entries 0 and 1\): .*a name and the ARN of the same queue are the same queue/],
  ])('%s', (_name, props, message) => {
    expect(() => build(props as Partial<PlatformMonitoringProps>)).toThrow(message);
  });

  test('valid names, ARNs and tokens pass', () => {
    expect(() => build({
      batchJobQueues: ['etl-queue', 'arn:aws:batch:eu-west-1:123456789012:job-queue/Reports_2', Token.asString({ Ref: 'QueueArn' })],
      glueCrawlerNames: ['raw crawler (eu)', Token.asString({ Ref: 'Crawler' })],
      glueJobNames: ['nightly-etl'],
      dmsReplicationTasks: [{ replicationInstanceIdentifier: 'platform-repl', replicationTaskIdentifier: '2PVREMWNPGYJCVU2IBPTOYTIV4' },
        { replicationInstanceIdentifier: Token.asString({ Ref: 'Ri' }), replicationTaskIdentifier: Token.asString({ Ref: 'Rt' }) }],
      restApiStages: [{ apiName: 'Orders API', stageName: 'prod_v2' }],
      audit: { isOrganizationTrail: true, organizationId: 'o-a1b2c3d4e5' },
    })).not.toThrow();
  });

  test('every message names the construct', () => {
    expect(() => build({ glueJobNames: [''] })).toThrow(/\(at TestStack\/Monitoring\)/);
  });
});

test('audit.trailLogGroupRetention is checked like logRetention', () => {
  expect(() => build({ audit: { trailLogGroupRetention: logs.RetentionDays.INFINITE } })).toThrow(/audit\.trailLogGroupRetention must be finite/);
  expect(() => build({ audit: { trailLogGroupRetention: 42 as logs.RetentionDays } })).toThrow(/audit\.trailLogGroupRetention must be one of 1, 3, 5/);
});
