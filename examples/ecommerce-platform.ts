/**
 * The example platform: a few Lambda functions behind a REST API, a data-lake bucket, and the
 * monitoring baseline on top, checked by all four standard cdk-nag packs plus our own.
 *
 *   npx projen example     # cdk synth + summary (fails on any finding or validation error)
 */
import { App, CfnOutput, Duration, Fn, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { Construct } from 'constructs';
import { ecommerceMlComponents } from './ecommerce-ml-components';
import { AlarmSeverity, DeploymentEnvironment, PlatformMonitoring, PlatformMonitoringChecks } from '../src';

/** The application side of the platform: what the monitoring watches. */
class EcommercePlatformStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const functions = ['recommendations', 'forecasting', 'copilot'].map((name) =>
      new lambda.Function(this, `${name}Function`, {
        runtime: lambda.Runtime.NODEJS_24_X,
        reservedConcurrentExecutions: 10,
        handler: 'index.handler',
        code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "ok" });'),
        timeout: Duration.seconds(10),
        description: `ecommerce-ai-platform ${name} service`,
      }));

    const dataLake = new s3.Bucket(this, 'DataLake', {
      encryptionKey: new kms.Key(this, 'DataLakeKey', { enableKeyRotation: true }),
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
    });

    // The API is created first so the monitoring can watch it; its deployment stage gets access
    // logging into the platform's encrypted access-log group (logging.restApiAccessLogs, on by default).
    const api = new apigateway.LambdaRestApi(this, 'Api', {
      handler: functions[0],
      restApiName: 'ecommerce-ai-platform-api',
      deployOptions: {
        stageName: 'prod',
        loggingLevel: apigateway.MethodLoggingLevel.INFO,
        tracingEnabled: true,
      },
    });

    const monitoring = new PlatformMonitoring(this, 'Monitoring', {
      projectName: 'ecommerce-ai-platform',
      environment: DeploymentEnvironment.PROD,
      dataLakeBucket: dataLake,
      logRetention: logs.RetentionDays.ONE_MONTH,
      // Every alarm reaches ops@ (through the alert topic); critical alarms also page on-call.
      recipients: {
        emails: ['ops@example.com'],
        criticalEmails: ['oncall@example.com'],
        // Critical alarms in a Slack channel too, through AWS Chatbot (notifications-only role and
        // guardrail). PLACEHOLDER ids: authorize your workspace in the AWS Chatbot console first and
        // use its workspace id and your channel's id (the last part of the channel's link).
        slackChannels: [{ slackWorkspaceId: 'T012AB3CD4E', slackChannelId: 'C0PAGING01', severity: AlarmSeverity.CRITICAL }],
      },
      lambdaFunctions: functions,
      restApis: [api],
      dmsReplicationTasks: [{
        replicationInstanceIdentifier: 'ecommerce-replication',
        replicationTaskIdentifier: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        displayName: 'orders CDC',
      }],
      batchJobQueues: [`arn:aws:batch:${this.region}:${this.account}:job-queue/feature-engineering`],
      glueCrawlerNames: ['ecommerce-raw-crawler'],
      glueJobNames: ['ecommerce-curate'],
      // The platform's five ML models and the metrics they publish (examples/ecommerce-ml-components.ts):
      // an ML dashboard section each, and anomaly-detection alarms on the metrics marked for them.
      mlComponents: ecommerceMlComponents(),
      alarms: {
        mlAlarms: [{
          componentId: 'market-intelligence',
          metricName: 'ForecastAccuracy',
          threshold: 80,
          comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        }],
        // ML drift: the catalog marks 12 metrics for anomaly detection (accuracies falling below their
        // band, latencies rising above it); their alarms are warnings, but a fraud model that stops
        // catching fraud pages on-call.
        mlAnomalyAlarmsByMetric: {
          'ComplianceGuardian.FraudDetectionRate': { severity: AlarmSeverity.CRITICAL },
        },
        // The weekly feature-engineering run throttles and slows things down by design: no warnings then.
        maintenanceWindows: [{
          name: 'sunday-batch',
          schedule: cloudwatch.ScheduleExpression.cron({ minute: '0', hour: '2', weekDay: 'SUN' }),
          duration: Duration.hours(3),
          severities: [AlarmSeverity.WARNING],
        }],
      },
    });

    // The seed's outputs.
    output(this, 'DataPipelineDashboardArn', monitoring.dataPipelineDashboard.dashboard.dashboardArn);
    output(this, 'ApiPerformanceDashboardArn', monitoring.apiPerformanceDashboard.dashboard.dashboardArn);
    output(this, 'MlPerformanceDashboardArn', monitoring.mlPerformanceDashboard!.dashboard.dashboardArn);
    output(this, 'AlertTopicArn', monitoring.alertTopic.topic.topicArn);
    output(this, 'CloudTrailArn', monitoring.audit!.trailArn);
    output(this, 'CloudTrailBucketName', monitoring.audit!.trailBucket.bucketName);
    output(this, 'KmsKeyArn', monitoring.platformKey.key.keyArn);
    output(this, 'ApiAccessLogGroupName', monitoring.logging.apiAccessLogGroup.logGroupName);
    output(this, 'BatchLogGroupName', monitoring.logging.batchLogGroup.logGroupName);
    output(this, 'CloudTrailLogGroupName', monitoring.logging.trailLogGroup!.logGroupName);
    output(this, 'LambdaErrorsAlarmArns', Fn.join(',', monitoring.alarms.lambdaErrorsAlarms.map((a) => a.alarmArn)));
    output(this, 'DmsReplicationLagAlarmArn', monitoring.alarms.dmsReplicationLagAlarms[0].alarmArn);
    output(this, 'ApiGateway5xxAlarmArn', monitoring.alarms.apiGateway5xxAlarms[0].alarmArn);
    output(this, 'BatchJobFailuresAlarmArn', monitoring.alarms.batchJobFailuresAlarm!.alarmArn);

    // Applications publish ML metrics through the catalog, in the project namespace only.
    monitoring.grantPutMetricData(functions[1]);

    this.acknowledgeExampleResources(functions, dataLake, api);
  }

  /**
   * The example's own demo resources (not the library's) are deliberately minimal. Each finding is
   * acknowledged on the demo resource only, with the reason; the monitoring construct gets none.
   */
  private acknowledgeExampleResources(functions: lambda.Function[], dataLake: s3.Bucket, api: apigateway.RestApi): void {
    const demo = 'Demo resource of the example app (not part of cdk-platform-monitoring)';
    // grantPutMetricData: PutMetricData has no resource-level permissions, so the statement needs
    // Resource "*"; the cloudwatch:namespace condition limits it to the project namespace.
    acknowledge(functions[1].role!, 'cloudwatch:PutMetricData supports only Resource "*"; the statement is scoped by the '
      + 'cloudwatch:namespace condition to the project namespace (PlatformMonitoring.grantPutMetricData)', [
      'AwsSolutions-IAM5[Resource::*]',
    ]);
    for (const fn of functions) {
      acknowledge(fn, `${demo}: a real function would run in the platform's VPC with an async DLQ and managed policies`, [
        'HIPAA.Security-IAMNoInlinePolicy', 'NIST.800.53.R5-IAMNoInlinePolicy', 'PCI.DSS.321-IAMNoInlinePolicy',
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'HIPAA.Security-LambdaDLQ', 'HIPAA.Security-LambdaInsideVPC',
        'NIST.800.53.R5-LambdaDLQ', 'NIST.800.53.R5-LambdaInsideVPC',
        'PCI.DSS.321-LambdaInsideVPC',
      ]);
    }
    acknowledge(dataLake, `${demo}: a real data lake logs its access and replicates to another region`, [
      'AwsSolutions-S1',
      'HIPAA.Security-S3BucketLoggingEnabled', 'HIPAA.Security-S3BucketReplicationEnabled',
      'NIST.800.53.R5-S3BucketLoggingEnabled', 'NIST.800.53.R5-S3BucketReplicationEnabled',
      'PCI.DSS.321-S3BucketLoggingEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled',
    ]);
    acknowledge(api, `${demo}: a real API has an authorizer, request validation, WAF, a client certificate and an encrypted cache`, [
      'AwsSolutions-APIG2', 'AwsSolutions-APIG3', 'AwsSolutions-APIG4', 'AwsSolutions-COG4',
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      'HIPAA.Security-APIGWCacheEnabledAndEncrypted', 'HIPAA.Security-APIGWSSLEnabled',
      'NIST.800.53.R5-APIGWAssociatedWithWAF', 'NIST.800.53.R5-APIGWCacheEnabledAndEncrypted', 'NIST.800.53.R5-APIGWSSLEnabled',
      'PCI.DSS.321-APIGWAssociatedWithWAF', 'PCI.DSS.321-APIGWCacheEnabledAndEncrypted', 'PCI.DSS.321-APIGWSSLEnabled',
    ]);
  }
}

function output(scope: Construct, id: string, value: string): void {
  new CfnOutput(scope, id, { value });
}

function acknowledge(scope: Construct, reason: string, ids: string[]): void {
  Validations.of(scope).acknowledge(...ids.map((id) => ({ id, reason })));
}

const app = new App();
new EcommercePlatformStack(app, 'EcommercePlatform', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT ?? '123456789012', region: process.env.CDK_DEFAULT_REGION ?? 'eu-west-1' },
});
Validations.of(app).addPlugins(
  new AwsSolutionsChecks(app),
  new HIPAASecurityChecks(app),
  new NIST80053R5Checks(app),
  new PCIDSS321Checks(app),
  // the default rule set: only what the four packs above do not check. Running our pack alone?
  // Use new PlatformMonitoringChecks(app, { includeOverlappingRules: true }) to check everything.
  new PlatformMonitoringChecks(app),
);
app.synth();
