import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { addPlatform } from '../../bench/fixture';
import { AlarmSeverity, CrossAccountAlertOptions, DeploymentEnvironment, PlatformMonitoring, PlatformMonitoringProps } from '../../src';
import { RECOMMENDED_CONTEXT } from '../nag-helpers';
import { CfnTemplate, ENV, loadAssembly } from './cfn-model';
import { PathOptions } from './delivery-paths';
import { PolicyModel } from './policies';
import { ecommerceMlComponents } from '../ml-fixtures';

/** A synthesized platform: its templates (nested included) and what the templates cannot tell. */
export interface SimulatedStack {
  readonly name: string;
  readonly templates: CfnTemplate[];
  readonly model: PolicyModel;
  readonly options: PathOptions;
  readonly monitoring?: PlatformMonitoring;
  readonly assembly: cxapi.CloudAssembly;
}

export const ORGANIZATION_ID = 'o-a1b2c3d4e5';

/** The test's own resources (not the platform's): a metrics publisher role and a sample API. */
export const FIXTURE_LOGICAL_ID = /^(MetricsPublisher|Api)/;

/** A role of the application that publishes custom metrics (`grantPutMetricData`). */
function addPublisher(stack: Stack, monitoring?: PlatformMonitoring): void {
  if (!monitoring) return;
  const role = new iam.Role(stack, 'MetricsPublisher', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  monitoring.grantPutMetricData(role);
}

function synth(name: string, app: App, monitoring: PlatformMonitoring | undefined, options: PathOptions = {}): SimulatedStack {
  // CloudFormation validation at synth (cfn-guard rules, ~15 s a stack) is tested elsewhere; the
  // simulation needs the templates only.
  const validation = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'false';
  let assembly: cxapi.CloudAssembly;
  try {
    assembly = app.synth();
  } finally {
    if (validation === undefined) delete process.env.CDK_VALIDATION; else process.env.CDK_VALIDATION = validation;
  }
  const templates = loadAssembly(assembly);
  return {
    name,
    assembly,
    monitoring,
    templates,
    model: new PolicyModel(templates),
    options: { metricNamespace: monitoring?.metricNamespace, metricPublisher: 'MetricsPublisher', ...options },
  };
}

const env = { account: ENV.account, region: ENV.region };

/** The composed default: one function, one email, everything else default. */
export function defaultStack(): SimulatedStack {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'Default', { env });
  const fn = lambda.Function.fromFunctionName(stack, 'Orders', 'shop-orders');
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, projectName: 'shop', lambdaFunctions: [fn], recipients: { emails: ['ops@example.com'] } });
  addPublisher(stack, monitoring);
  return synth('default', app, monitoring);
}

/** Every option on: all monitored kinds, Insights, Object Lock, replication, an organization trail, ML alarms. */
export function allOptionsStack(): SimulatedStack {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'AllOptions', { env });
  const fns = ['Orders', 'Payments'].map((n) => lambda.Function.fromFunctionName(stack, n, `shop-${n.toLowerCase()}`));
  const api = new apigateway.RestApi(stack, 'Api', { restApiName: 'shop-api', deployOptions: { stageName: 'live' } });
  api.root.addMethod('GET', new apigateway.MockIntegration());
  const props: PlatformMonitoringProps = {
    projectName: 'shop',
    environment: DeploymentEnvironment.STAGING,
    dataLakeBucket: s3.Bucket.fromBucketName(stack, 'DataLake', 'shop-data-lake'),
    recipients: { emails: ['ops@example.com', 'oncall@example.com'] },
    lambdaFunctions: fns,
    restApis: [api],
    dmsReplicationTasks: [{ replicationInstanceIdentifier: 'repl', replicationTaskIdentifier: 'TASKRESOURCEID' }],
    batchJobQueues: [`arn:aws:batch:${ENV.region}:${ENV.account}:job-queue/etl`],
    glueCrawlerNames: ['raw-crawler'],
    glueJobNames: ['curate'],
    audit: {
      insightTypes: [cloudtrail.InsightType.API_CALL_RATE, cloudtrail.InsightType.API_ERROR_RATE],
      objectLockRetention: Duration.days(365),
      replicationDestination: s3.Bucket.fromBucketArn(stack, 'Replica', 'arn:aws:s3:::shop-trail-replica-us-east-1'),
      replicationDestinationKey: kms.Key.fromKeyArn(stack, 'ReplicaKey', `arn:aws:kms:us-east-1:${ENV.account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`),
      isOrganizationTrail: true,
      organizationId: ORGANIZATION_ID,
    },
    mlComponents: ecommerceMlComponents(),
    alarms: {
      mlAlarms: [{
        componentId: 'market-intelligence',
        metricName: 'ForecastAccuracy',
        threshold: 80,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      }],
    },
  };
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', props);
  addPublisher(stack, monitoring);
  return synth('all options', app, monitoring, { organizationId: ORGANIZATION_ID });
}

/** No account or region at synth: every ARN is built from pseudo parameters. */
export function envAgnosticStack(): SimulatedStack {
  const app = new App();
  const stack = new Stack(app, 'Agnostic');
  const fn = lambda.Function.fromFunctionName(stack, 'Orders', 'shop-orders');
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, projectName: 'shop', lambdaFunctions: [fn], recipients: { emails: ['ops@example.com'] } });
  addPublisher(stack, monitoring);
  return synth('env-agnostic', app, monitoring);
}

/** The benchmark's 500-function platform (per-function log groups and alarm groups in nested stacks). */
export function scaleStack(): SimulatedStack {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'Scale', { env });
  const monitoring = addPlatform(stack, 500);
  addPublisher(stack, monitoring);
  return synth('500 functions', app, monitoring);
}

/** The key id of the user-managed key of `importedKeyStack`. */
export const IMPORTED_KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';

/** A platform encrypted with a user-managed key imported by ARN: its policy is the user's to write. */
export function importedKeyStack(): SimulatedStack {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'ImportedKey', { env });
  const fn = lambda.Function.fromFunctionName(stack, 'Orders', 'shop-orders');
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', {
    environment: DeploymentEnvironment.PROD,
    projectName: 'shop',
    lambdaFunctions: [fn],
    recipients: { emails: ['ops@example.com'] },
    encryptionKey: kms.Key.fromKeyArn(stack, 'UserKey', `arn:aws:kms:${ENV.region}:${ENV.account}:key/${IMPORTED_KEY_ID}`),
  });
  return synth('imported key', app, monitoring);
}

/** Source accounts whose alarms may publish to the monitoring account's topic (README "Many accounts"). */
export const ALARM_SOURCE_ACCOUNTS = ['222222222222', '333333333333'];

/** A monitoring account's platform (one function) whose alert topic trusts `crossAccountAlerts`. */
function monitoringAccountStack(id: string, label: string, crossAccountAlerts: CrossAccountAlertOptions): SimulatedStack {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, id, { env });
  const fn = lambda.Function.fromFunctionName(stack, 'Orders', 'shop-orders');
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', {
    projectName: 'shop',
    environment: DeploymentEnvironment.PROD,
    recipients: { emails: ['ops@example.com'] },
    lambdaFunctions: [fn],
    crossAccountAlerts,
  });
  addPublisher(stack, monitoring);
  return synth(label, app, monitoring);
}

/** A monitoring account's platform that lets two source accounts' alarms notify its topic. */
export function crossAccountAlertsStack(): SimulatedStack {
  return monitoringAccountStack('CrossAccountAlerts', 'cross-account alerts', { alarmSourceAccounts: ALARM_SOURCE_ACCOUNTS });
}

/** The organization whose accounts' alarms may publish in `organizationAlertsStack`. */
export const ALARM_SOURCE_ORGANIZATION = 'o-a1b2c3d4e5';

/** A monitoring account's platform that lets the alarms of every account of an organization notify its topic. */
export function organizationAlertsStack(): SimulatedStack {
  return monitoringAccountStack('OrganizationAlerts', 'organization alerts', { alarmSourceOrganizationId: ALARM_SOURCE_ORGANIZATION });
}

/** The placeholder chat ids of the chat stack (formats of the AWS Chatbot API reference). */
export const CHAT_IDS = {
  slackWorkspaceId: 'T012AB3CD4E',
  teamId: '0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
  tenantId: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9',
  teamsChannelId: '19%3ab6ef35dc342d56ba5654e6fc6d25a071%40thread.tacv2',
};

/**
 * A platform with chat channels (issue 16 part 2): a Slack channel for critical alarms, one for
 * every alarm, and a Teams channel for warnings; critical emails too, so the critical topic has
 * both kinds of subscriber.
 */
export function chatAlertsStack(): SimulatedStack {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'ChatAlerts', { env });
  const fn = lambda.Function.fromFunctionName(stack, 'Orders', 'shop-orders');
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', {
    environment: DeploymentEnvironment.PROD,
    projectName: 'shop',
    lambdaFunctions: [fn],
    recipients: {
      emails: ['ops@example.com'],
      criticalEmails: ['oncall@example.com'],
      slackChannels: [
        { slackWorkspaceId: CHAT_IDS.slackWorkspaceId, slackChannelId: 'C0PAGING01', severity: AlarmSeverity.CRITICAL },
        { slackWorkspaceId: CHAT_IDS.slackWorkspaceId, slackChannelId: 'C0ALERTS01' },
      ],
      teamsChannels: [{
        teamId: CHAT_IDS.teamId, tenantId: CHAT_IDS.tenantId, teamsChannelId: CHAT_IDS.teamsChannelId, severity: AlarmSeverity.WARNING,
      }],
    },
  });
  addPublisher(stack, monitoring);
  return synth('chat alerts', app, monitoring);
}

/**
 * DEV, STAGING and PROD of one project in one account and Region, each in its own stack: the first
 * creates the CloudWatch Logs resource policy that lets EventBridge write to every platform's events
 * group, and the others create none.
 */
export function estateStacks(): SimulatedStack {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  let last: PlatformMonitoring | undefined;
  for (const [id, environment] of [['Dev', DeploymentEnvironment.DEV], ['Staging', DeploymentEnvironment.STAGING], ['Prod', DeploymentEnvironment.PROD]] as const) {
    const stack = new Stack(app, id, { env });
    last = new PlatformMonitoring(stack, 'Monitoring', { environment, projectName: 'shop', recipients: { emails: ['ops@example.com'] } });
  }
  return synth('estate', app, last);
}

/**
 * One Slack channel for DEV and PROD of one account (AWS Chatbot accepts one configuration per
 * channel in an account): PROD configures it and lists DEV's critical topic in `additionalTopicArns`;
 * DEV names PROD's configuration in `existingChatChannels` and creates none.
 */
export function sharedChatChannelStacks(): SimulatedStack {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const arn = `arn:aws:chatbot::${ENV.account}:chat-configuration/slack-channel/shop-prod-slack-C0ALERTS01`;
  const dev = new Stack(app, 'Dev', { env });
  new PlatformMonitoring(dev, 'Monitoring', {
    environment: DeploymentEnvironment.DEV,
    projectName: 'shop',
    recipients: { emails: ['ops@example.com'], existingChatChannels: [{ configurationArn: arn, severity: AlarmSeverity.CRITICAL }] },
  });
  const prod = new Stack(app, 'Prod', { env });
  const monitoring = new PlatformMonitoring(prod, 'Monitoring', {
    environment: DeploymentEnvironment.PROD,
    projectName: 'shop',
    recipients: {
      emails: ['ops@example.com'],
      slackChannels: [{
        slackWorkspaceId: CHAT_IDS.slackWorkspaceId,
        slackChannelId: 'C0ALERTS01',
        additionalTopicArns: [`arn:aws:sns:${ENV.region}:${ENV.account}:shop-dev-alerts-critical`],
      }],
    },
  });
  return synth('shared-chat-channel', app, monitoring);
}
