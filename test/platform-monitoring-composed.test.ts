import { Duration, NestedStack, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { nagFindings, newStack } from './nag-helpers';
import { DeploymentEnvironment, PlatformMonitoring, PlatformMonitoringProps } from '../src';
import { ecommerceMlComponents } from './ml-fixtures';

/** A stack with every monitored kind of resource and every option of the construct turned on. */
function fullStack() {
  const { app, stack } = newStack();
  const fns = ['Orders', 'Payments'].map((name) => lambda.Function.fromFunctionName(stack, name, `shop-${name.toLowerCase()}`));
  const api = new apigateway.RestApi(stack, 'Api', { restApiName: 'shop-api', deployOptions: { stageName: 'live' } });
  api.root.addMethod('GET', new apigateway.MockIntegration());
  const dataLake = s3.Bucket.fromBucketName(stack, 'DataLake', 'shop-data-lake');
  const replica = s3.Bucket.fromBucketArn(stack, 'Replica', 'arn:aws:s3:::shop-trail-replica-us-east-1');
  const replicaKey = kms.Key.fromKeyArn(stack, 'ReplicaKey', 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');
  const props: PlatformMonitoringProps = {
    projectName: 'shop',
    environment: DeploymentEnvironment.PROD,
    dataLakeBucket: dataLake,
    recipients: { emails: ['ops@example.com', 'oncall@example.com'] },
    lambdaFunctions: fns,
    restApis: [api],
    dmsReplicationTasks: [{ replicationInstanceIdentifier: 'repl', replicationTaskIdentifier: 'TASKRESOURCEID' }],
    batchJobQueues: ['arn:aws:batch:eu-west-1:123456789012:job-queue/etl'],
    glueCrawlerNames: ['raw-crawler'],
    glueJobNames: ['curate'],
    audit: {
      insightTypes: [cloudtrail.InsightType.API_CALL_RATE, cloudtrail.InsightType.API_ERROR_RATE],
      objectLockRetention: Duration.days(365),
      replicationDestination: replica,
      replicationDestinationKey: replicaKey,
    },
    mlComponents: ecommerceMlComponents(),
    alarms: {
      lambdaErrors: { threshold: 20, runbookUrl: 'https://runbooks.example.com/lambda-errors' },
      mlAlarms: [{
        componentId: 'market-intelligence',
        metricName: 'ForecastAccuracy',
        threshold: 80,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      }],
    },
  };
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', props);
  return { app, stack, monitoring, api };
}

describe('PlatformMonitoring: composed', () => {
  const { app, stack, monitoring } = fullStack();
  const template = Template.fromStack(stack);

  test('zero unacknowledged findings from the four standard packs and ours, every option on', () => {
    // The test's own sample API has findings of its own (no authorizer, WAF, cache...): not ours.
    // Access logging (APIG1) is not among them: the construct configured it.
    const fixtureApi = /: TestStack\/Api\//;
    const findings = nagFindings(app, stack);
    expect(findings.filter((f) => fixtureApi.test(f) && /APIG1\b/.test(f))).toEqual([]);
    expect(findings.filter((f) => !fixtureApi.test(f))).toEqual([]);
  });

  test('every alarm notifies the encrypted topic on ALARM and OK', () => {
    const topicRef = { Ref: stack.getLogicalId(monitoring.alertTopic.topic.node.defaultChild as any) };
    template.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'shop-prod-alerts', KmsMasterKeyId: Match.anyValue() });
    const alarms = { ...template.findResources('AWS::CloudWatch::Alarm'), ...template.findResources('AWS::CloudWatch::CompositeAlarm') };
    const notifying = Object.values(alarms).filter((a: any) => a.Properties.AlarmActions);
    expect(notifying.length).toBeGreaterThan(20);
    for (const a of notifying as any[]) {
      expect(a.Properties.AlarmActions).toEqual([topicRef]);
      expect(a.Properties.OKActions).toEqual([topicRef]);
      expect(a.Properties.AlarmName).toMatch(/^shop-prod-/);
    }
    // The API Gateway and DMS task alarms live in nested shards: they read the topic through a parameter.
    const shards = stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack && /\/(api|dms)-alarms-\d$/.test(c.node.path));
    const sharded = shards.flatMap((s) => Object.values(Template.fromStack(s).findResources('AWS::CloudWatch::Alarm')));
    expect(sharded.length).toBeGreaterThan(0);
    for (const a of sharded as any[]) {
      expect(a.Properties.AlarmActions).toEqual([{ Ref: expect.stringMatching(/AlertsTopic/) }]);
      expect(a.Properties.AlarmName).toMatch(/^shop-prod-/);
    }
    expect(monitoring.alarms.allAlarms.length).toBe(Object.keys(alarms).length + sharded.length);
  });

  test('the topic policy trusts exactly the alarm-name prefix every alarm uses; the key, the alert topics by encryption context', () => {
    const topicPolicy = JSON.stringify(template.findResources('AWS::SNS::TopicPolicy'));
    expect(topicPolicy).toContain(':cloudwatch:eu-west-1:123456789012:alarm:shop-prod-*');
    const keyPolicy = JSON.stringify(template.findResources('AWS::KMS::Key'));
    expect(keyPolicy).not.toContain(':cloudwatch:eu-west-1:123456789012:alarm:');
    expect(keyPolicy).toContain('kms:EncryptionContext:aws:sns:topicArn');
    expect(monitoring.alarmNamePrefix).toBe('shop-prod-');
  });

  test('alarm overrides reach the alarm (threshold and runbook)', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'shop-prod-lambda-errors',
      Threshold: 20,
      AlarmDescription: Match.stringLikeRegexp('https://runbooks.example.com/lambda-errors'),
    });
  });

  test("the REST API's deployment stage writes JSON access logs to the platform's access-log group", () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'live',
      AccessLogSetting: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MonitoringLoggingApiAccessLogGroup'), 'Arn'] },
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
    });
  });

  test('the trail streams to the CloudTrail group and records the data lake and the functions', () => {
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      TrailName: 'shop-prod-audit-trail',
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      IncludeGlobalServiceEvents: true,
      CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MonitoringLoggingCloudTrailLogGroup'), 'Arn'] },
      InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }, { InsightType: 'ApiErrorRateInsight' }],
    });
    const trail = JSON.stringify(template.findResources('AWS::CloudTrail::Trail'));
    expect(trail).toContain(':s3:::shop-data-lake/"');
    expect(trail).toContain(':lambda:eu-west-1:123456789012:function:shop-orders"');
    expect(trail).toContain(':lambda:eu-west-1:123456789012:function:shop-payments"');
  });

  test('three dashboards with the seed names', () => {
    const names = Object.values(template.findResources('AWS::CloudWatch::Dashboard')).map((d: any) => d.Properties.DashboardName).sort();
    expect(names).toEqual(['shop-api-performance', 'shop-data-pipeline', 'shop-ml-performance']);
  });
});

describe('PlatformMonitoring: logical IDs of stateful resources are pinned', () => {
  // Changing any of these replaces the resource on the next deploy: the key (and every log and
  // trail file it encrypts), retained buckets and log groups with fixed names (the deploy fails),
  // and the trail. A refactor that changes them must not ship without a migration note.
  test('key, buckets, log groups and trail', () => {
    const { stack } = newStack();
    const fn = lambda.Function.fromFunctionName(stack, 'Orders', 'shop-orders');
    new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop', lambdaFunctions: [fn] });
    const ids = (type: string) => Object.keys(Template.fromStack(stack).findResources(type)).sort();
    expect({
      key: ids('AWS::KMS::Key'),
      buckets: ids('AWS::S3::Bucket'),
      logGroups: ids('AWS::Logs::LogGroup'),
      trail: ids('AWS::CloudTrail::Trail'),
      topic: ids('AWS::SNS::Topic'),
    }).toEqual({
      key: ['MonitoringEncryptionKey6E9A2463'],
      buckets: ['MonitoringAuditAccessLogBucket7F69325B', 'MonitoringAuditBucket230B1B77'],
      logGroups: [
        'MonitoringLoggingApiAccessLogGroup33DA1391',
        'MonitoringLoggingBatchLogGroup341BD3F5',
        'MonitoringLoggingCloudTrailLogGroup86F42B96',
        // No group for the imported function: it already runs, so Lambda created it and it is
        // referenced (issue 11 item 6). Groups the construct creates live in hash shards: pinned below.
        'MonitoringLoggingPlatformEventsLogGroup37E79EF6',
      ],
      trail: ['MonitoringAudit8DF98308'],
      topic: ['MonitoringAlertsTopic76D2C73E'],
    });
  });

  test('a function\'s log group: its shard stack and its id there (default placement, function defined in the app)', () => {
    const { stack } = newStack();
    const fn = new lambda.Function(stack, 'Orders', {
      functionName: 'shop-orders', runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('x'),
    });
    new PlatformMonitoring(stack, 'Monitoring', { recipients: { emails: ['ops@example.com'] }, environment: DeploymentEnvironment.PROD, projectName: 'shop', lambdaFunctions: [fn] });
    const shard = stack.node.findAll().find((c): c is NestedStack => c instanceof NestedStack)!;
    expect(shard.node.path).toBe('TestStack/Monitoring/Logging/Lambda/Shard4');
    expect(Object.keys(Template.fromStack(stack).findResources('AWS::CloudFormation::Stack'))).toEqual([
      'MonitoringLoggingLambdaShard4NestedStackShard4NestedStackResourceB2AC71DA',
    ]);
    expect(Object.keys(Template.fromStack(shard).findResources('AWS::Logs::LogGroup'))).toEqual(['Ordersc84b58b8LogGroup5495DCA9']);
  });
});

test('an env-agnostic stack without any feature flag synthesizes', () => {
  const stack = new Stack();
  const fn = lambda.Function.fromFunctionName(stack, 'Orders', 'shop-orders');
  new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, projectName: 'shop', lambdaFunctions: [fn], recipients: { emails: ['ops@example.com'] } });
  const m = new PlatformMonitoring(stack, 'Other', { projectName: 'other', environment: DeploymentEnvironment.DEV, logging: { batchLogGroupName: '/aws/batch/other-dev' } });
  const role = new iam.Role(stack, 'Publisher', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  m.grantPutMetricData(role);
  const template = Template.fromStack(stack);
  template.hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: {
      Statement: [{
        Action: 'cloudwatch:PutMetricData',
        Effect: 'Allow',
        Resource: '*',
        Condition: { StringEquals: { 'cloudwatch:namespace': 'other-dev' } }, // outside PROD the environment is part of the namespace
      }],
    },
  });
});
