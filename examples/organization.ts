/**
 * Many accounts: one monitoring account and two workload (source) accounts of an organization,
 * watched through CloudWatch cross-account observability (README "Many accounts").
 *
 *   npx projen example:organization   # cdk synth of this app (cdk-nag + CloudFormation validation)
 *
 * Deploy order: 1. the monitoring stack (sink, central platform, topic trusting the workloads'
 * alarms); 2. each workload stack, with the sink ARN from step 1 (context `sinkArn`).
 */
import { App, CfnOutput, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { Construct } from 'constructs';
import {
  DeploymentEnvironment, MonitoringAccountSink, PlatformLinkFilter, PlatformMonitoring, PlatformMonitoringChecks,
  SnsAlarmActionStrategy, SourceAccountLink,
} from '../src';

const PROJECT = 'shop';
const REGION = 'eu-west-1';
const MONITORING_ACCOUNT = '111111111111';
const ORDERS_ACCOUNT = '222222222222';
const CATALOG_ACCOUNT = '333333333333';
const WORKLOAD_ACCOUNTS = [ORDERS_ACCOUNT, CATALOG_ACCOUNT];

/** The monitoring account: the sink, and the central platform watching the workloads' resources. */
class MonitoringAccountStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    // Accounts listed one by one; `{ organizationId: 'o-...' }` lets every account of the organization link.
    const sink = new MonitoringAccountSink(this, 'Sink', { sourceAccounts: WORKLOAD_ACCOUNTS });

    const monitoring = new PlatformMonitoring(this, 'Monitoring', {
      projectName: PROJECT,
      environment: DeploymentEnvironment.PROD,
      recipients: { emails: ['ops@example.com'] },
      // Resources of the workload accounts, read through the links (metrics with their account ID).
      dmsReplicationTasks: [{
        replicationInstanceIdentifier: 'orders-replication',
        replicationTaskIdentifier: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        displayName: 'orders CDC',
        account: ORDERS_ACCOUNT,
      }],
      restApiStages: [
        { apiName: 'orders-api', stageName: 'prod', account: ORDERS_ACCOUNT },
        { apiName: 'catalog-api', stageName: 'prod', account: CATALOG_ACCOUNT },
      ],
      // A workload's function and Batch queue, by ARN: their metrics are read with the workload's
      // account ID, and the log widgets query the function's log group there (nothing is created
      // for them here: their logs, trail and events stay in the workload account).
      lambdaFunctionArns: [`arn:aws:lambda:${REGION}:${ORDERS_ACCOUNT}:function:orders-api`],
      batchJobQueues: [`arn:aws:batch:${REGION}:${ORDERS_ACCOUNT}:job-queue/orders-etl`],
      // The workloads' own alarms notify this account's encrypted topic.
      crossAccountAlerts: { alarmSourceAccounts: WORKLOAD_ACCOUNTS },
    });

    new CfnOutput(this, 'SinkArn', { value: sink.sinkArn });
    new CfnOutput(this, 'AlertTopicArn', { value: monitoring.alertTopic.topic.topicArn });
  }
}

interface WorkloadAccountStackProps extends StackProps {
  /** The monitoring account's sink (an output of the monitoring stack). */
  readonly sinkArn: string;
  /** The workload's Lambda functions, by name. */
  readonly functionNames: string[];
}

/** A workload account: its own platform (logs, trail, key, alarms) and the link to the monitoring account. */
class WorkloadAccountStack extends Stack {
  constructor(scope: Construct, id: string, props: WorkloadAccountStackProps) {
    super(scope, id, props);
    new SourceAccountLink(this, 'Link', {
      sinkArn: props.sinkArn,
      metricNamespaces: PlatformLinkFilter.metricNamespaces(PROJECT),
      logGroupNamePrefixes: PlatformLinkFilter.logGroupNamePrefixes(PROJECT),
    });

    // The central topic, by ARN (another account: no cross-stack reference is possible).
    const centralTopic = sns.Topic.fromTopicArn(this, 'CentralAlerts',
      `arn:aws:sns:${REGION}:${MONITORING_ACCOUNT}:${PROJECT}-${DeploymentEnvironment.PROD}-alerts`);
    new PlatformMonitoring(this, 'Monitoring', {
      projectName: PROJECT,
      environment: DeploymentEnvironment.PROD,
      lambdaFunctions: props.functionNames.map((name) => lambda.Function.fromFunctionName(this, name, name)),
      // The workload keeps its own topic and also notifies the monitoring account's.
      alarms: { actions: [new SnsAlarmActionStrategy({ topics: [centralTopic] })] },
    });
  }
}

const app = new App({
  context: {
    '@aws-cdk/core:validateAgainstDefaultRules': true,
    '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  },
});
// The sink ARN is known after step 1 of the deploy order: pass it with `-c sinkArn=...`.
const sinkArn: string = app.node.tryGetContext('sinkArn') ?? `arn:aws:oam:${REGION}:${MONITORING_ACCOUNT}:sink/00000000-0000-0000-0000-000000000000`;

new MonitoringAccountStack(app, 'Monitoring', { env: { account: MONITORING_ACCOUNT, region: REGION } });
new WorkloadAccountStack(app, 'OrdersWorkload', {
  env: { account: ORDERS_ACCOUNT, region: REGION }, sinkArn, functionNames: ['orders-api', 'orders-worker'],
});
new WorkloadAccountStack(app, 'CatalogWorkload', {
  env: { account: CATALOG_ACCOUNT, region: REGION }, sinkArn, functionNames: ['catalog-api'],
});

Validations.of(app).addPlugins(
  new AwsSolutionsChecks(app),
  new HIPAASecurityChecks(app),
  new NIST80053R5Checks(app),
  new PCIDSS321Checks(app),
  new PlatformMonitoringChecks(app),
);
app.synth();
