/**
 * Integration test: the metrics the platform reads exist in CloudWatch with exactly the dimensions
 * its alarms and dashboards use. AWS documentation does not settle these (searched: the AWS DMS
 * User Guide, "Monitoring AWS DMS tasks", names the replication instance metrics but not their
 * dimension, and the CloudWatch console's metric metadata lists `FreeStorageSpace` /
 * `FreeableMemory` under `ReplicationInstanceExternalResourceId`; the AWS Glue Developer Guide,
 * "Monitoring with AWS Glue Observability metrics", shows the observability dimensions only by
 * example). A metric read with the wrong dimensions deploys fine and never has data: the alarm sits
 * in INSUFFICIENT_DATA (or OK, with `notBreaching`) and the graph is empty.
 *
 * What it deploys beside a DEV `PlatformMonitoring` that watches both:
 * - a DMS replication instance (`dms.t3.micro`, the smallest storage) in a VPC of two isolated
 *   subnets (no NAT gateway, no internet access): DMS publishes its host metrics while it runs,
 *   with or without a task;
 * - a Glue 4.0 Spark job with job observability metrics on (`--enable-observability-metrics true`,
 *   AWS Glue Developer Guide, "Monitoring with AWS Glue Observability metrics": Glue 4.0 and later),
 *   two G.1X workers, started twice by the assertions: one run succeeds, one fails on purpose.
 *
 * Then `ListMetrics` for each metric, and an assertion that a metric with exactly the platform's
 * dimension names and values is listed. The expected dimensions are read from the platform's own
 * alarm and metric factories, so a change of dimension in `src/` is checked by the next run.
 *
 * Needs, in the account: the `dms-vpc-role` IAM role. "Resource creation fails if the dms-vpc-role
 * ... role doesn't already exist" (CloudFormation User Guide, AWS::DMS::ReplicationSubnetGroup; AWS
 * DMS User Guide, "Creating the IAM Roles to Use With the AWS CLI and AWS DMS API"). The app does not
 * create it: a role of that fixed name cannot be created by a stack in an account that has it.
 *
 *   cdk deploy --app 'npx ts-node --transpile-only --project test/tsconfig.json test/integ/integ.metric-dimensions.ts' --all
 */
import * as path from 'path';
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dms from 'aws-cdk-lib/aws-dms';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { assertEventually, IntegAppDefinition, integTest, monitoringStack, newIntegApp } from './integ-app';
import { DmsReplicationInstanceMetrics, GlueJobMetrics } from '../../src';

const PROJECT = 'integ-dims';
/** DMS stores replication instance identifiers in lowercase (AWS DMS API Reference, CreateReplicationInstance). */
const DMS_INSTANCE = 'integ-dims-instance';
/** No task is created: the platform takes the task only to find its instance; host metrics need none. */
const DMS_TASK = 'integ-dims-no-task';
const GLUE_JOB = 'integ-dims-probe';

/**
 * How long DMS may take to publish after the stack is created: CloudFormation returns once the
 * instance is available, and AWS/DMS metrics arrive at 5-minute intervals.
 */
const DMS_TIMEOUT = Duration.minutes(30);
/** A Glue Spark run starts in about a minute (G.1X, Glue 4.0) and this one is a few seconds of work. */
const GLUE_TIMEOUT = Duration.minutes(30);

/** The dimensions of one metric, as ListMetrics lists them. */
type DimensionList = Array<{ Name: string; Value: string }>;

/**
 * The dimensions of a platform metric as `ListMetrics` lists them: name and value pairs, by name.
 *
 * CloudWatch identifies a metric by its exact set of dimensions: "CloudWatch treats each unique
 * combination of dimensions as a separate metric" (CloudWatch User Guide, "Dimensions"). Listing
 * them sorted by name is what ListMetrics is observed to do, but it is not documented: if CloudWatch
 * ever listed them in another order, this assertion would fail (a false alarm, never a false pass).
 */
function listedDimensions(metric: cloudwatch.IMetric, what: string): DimensionList {
  if (!(metric instanceof cloudwatch.Metric)) throw new Error(`integ.metric-dimensions: ${what} is not a single metric; the assertion compares one metric's dimensions.`);
  return Object.entries(metric.dimensions ?? {})
    .map(([Name, Value]) => ({ Name, Value: String(Value) }))
    .sort((a, b) => a.Name.localeCompare(b.Name));
}

function build(app: App): IntegTest {
  let job!: glue.CfnJob;
  const { stack, monitoring } = monitoringStack(app, PROJECT, (scope) => {
    dmsInstance(scope);
    job = glueJob(scope);
    return {
      dmsReplicationTasks: [{ replicationInstanceIdentifier: DMS_INSTANCE, replicationTaskIdentifier: DMS_TASK }],
      glueJobNames: [GLUE_JOB],
    };
  });
  const integ = integTest(app, stack);

  // DMS: the metric of the platform's free-storage alarm, and the freeable-memory metric of the
  // pipeline dashboard (same factory).
  const freeStorageAlarm = monitoring.alarms.dmsFreeStorageAlarms[0];
  if (!(freeStorageAlarm instanceof cloudwatch.Alarm)) throw new Error('integ.metric-dimensions: PlatformMonitoring has no DMS free-storage metric alarm for dmsReplicationTasks.');
  const instanceMetrics = new DmsReplicationInstanceMetrics({ replicationInstanceIdentifier: DMS_INSTANCE });
  const dmsChecks: Array<[string, cloudwatch.IMetric, string]> = [
    ['FreeStorageSpace', freeStorageAlarm.metric, 'the DMS free-storage alarm metric'],
    ['FreeableMemory', instanceMetrics.metricFreeableMemory(), 'DmsReplicationInstanceMetrics.metricFreeableMemory()'],
  ];
  for (const [metricName, metric, what] of dmsChecks) {
    expectListed(integ, 'AWS/DMS', metricName, listedDimensions(metric, what), DMS_TIMEOUT);
  }

  // Glue: one run that succeeds and one that fails, then the two observability metrics of the
  // pipeline dashboard.
  const succeed = integ.assertions.awsApiCall('Glue', 'startJobRun', { JobName: job.ref });
  const fail = integ.assertions.awsApiCall('Glue', 'startJobRun', { JobName: job.ref, Arguments: { '--fail': 'true' } });
  const glueMetrics = new GlueJobMetrics({ jobName: GLUE_JOB });
  const succeeded = expectListed(integ, GlueJobMetrics.NAMESPACE, 'glue.succeed.ALL',
    listedDimensions(glueMetrics.metricObservedSucceeded(), 'GlueJobMetrics.metricObservedSucceeded()'), GLUE_TIMEOUT);
  const errors = expectListed(integ, GlueJobMetrics.NAMESPACE, 'glue.error.ALL',
    listedDimensions(glueMetrics.metricObservedErrors(), 'GlueJobMetrics.metricObservedErrors()'), GLUE_TIMEOUT);
  succeed.next(fail).next(succeeded).next(errors);

  return integ;
}

/**
 * `ListMetrics` for one metric name, narrowed to the platform's dimension values, and the assertion
 * that one of the metrics listed has exactly the platform's dimensions (an array in an `objectLike`
 * pattern is matched element by element, with its length: a metric with one more or one fewer
 * dimension does not match).
 */
function expectListed(integ: IntegTest, namespace: string, metricName: string, dimensions: DimensionList, timeout: Duration) {
  const call = integ.assertions.awsApiCall('CloudWatch', 'listMetrics', {
    Namespace: namespace,
    MetricName: metricName,
    // The filter keeps the metrics that have these dimensions with these values (CloudWatch API
    // Reference, ListMetrics, Dimensions), so metrics with more dimensions are listed too and the
    // pattern below tells them apart.
    Dimensions: dimensions.map(({ Name, Value }) => ({ Name, Value })),
  });
  return assertEventually(call, ExpectedResult.objectLike({
    Metrics: Match.arrayWith([Match.objectLike({ Namespace: namespace, MetricName: metricName, Dimensions: dimensions })]),
  }), timeout, Duration.seconds(60));
}

/** The smallest DMS replication instance, in a VPC of two isolated subnets. */
function dmsInstance(scope: Stack): dms.CfnReplicationInstance {
  // A replication subnet group needs subnets in at least two Availability Zones (AWS DMS User
  // Guide, "Setting up a network for a replication instance").
  const vpc = new ec2.Vpc(scope, 'DmsVpc', {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'dms', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 28 }],
    restrictDefaultSecurityGroup: false,
  });
  const subnets = new dms.CfnReplicationSubnetGroup(scope, 'DmsSubnets', {
    replicationSubnetGroupDescription: 'cdk-platform-monitoring integration test metric-dimensions',
    subnetIds: vpc.isolatedSubnets.map((s) => s.subnetId),
  });
  const securityGroup = new ec2.SecurityGroup(scope, 'DmsSecurityGroup', {
    vpc,
    description: 'cdk-platform-monitoring integration test: DMS instance, no inbound rules',
    allowAllOutbound: false,
  });
  const instance = new dms.CfnReplicationInstance(scope, 'DmsInstance', {
    replicationInstanceIdentifier: DMS_INSTANCE,
    replicationInstanceClass: 'dms.t3.micro',
    // 20 GiB: small, and above the instance class's minimum (which the DMS documentation does not
    // state; DescribeOrderableReplicationInstances returns it as MinAllocatedStorage).
    allocatedStorage: 20,
    multiAz: false,
    publiclyAccessible: false,
    autoMinorVersionUpgrade: true,
    replicationSubnetGroupIdentifier: subnets.ref,
    vpcSecurityGroupIds: [securityGroup.securityGroupId],
  });
  const reason = 'the integration test metric-dimensions (deployed, asserted and destroyed within one run; it carries no data)';
  const ack = Validations.of(scope);
  ack.acknowledge(
    { id: 'AwsSolutions-VPC7', reason: `The VPC of ${reason} has no route out and carries no traffic to log.` },
  );
  for (const pack of ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321']) {
    ack.acknowledge(
      { id: `${pack}-VPCFlowLogsEnabled`, reason: `The VPC of ${reason} has no route out and carries no traffic to log.` },
      // `restrictDefaultSecurityGroup` would add a custom-resource Lambda function to the test; the
      // instance uses its own security group, which has no rules.
      { id: `${pack}-VPCDefaultSecurityGroupClosed`, reason: `The VPC of ${reason} has no route out; nothing uses its default security group (the DMS instance has its own, without rules).` },
    );
  }
  return instance;
}

/** The smallest Glue for Apache Spark job with observability metrics. */
function glueJob(scope: Stack): glue.CfnJob {
  const script = new s3assets.Asset(scope, 'GlueScript', { path: path.join(__dirname, 'assets', 'glue-probe.py') });
  const role = new iam.Role(scope, 'GlueRole', {
    assumedBy: new iam.ServicePrincipal('glue.amazonaws.com'),
    description: 'cdk-platform-monitoring integration test: runs the metric-dimensions Glue probe job',
  });
  // Its script, and only that object (not Asset.grantRead, which grants the bootstrap bucket's objects).
  role.addToPolicy(new iam.PolicyStatement({
    actions: ['s3:GetObject'],
    resources: [script.bucket.arnForObjects(script.s3ObjectKey)],
  }));
  // What a Glue job run needs besides its script (AWS Glue Developer Guide, "Step 2: Create an IAM
  // role for AWS Glue"): its driver logs, and publishing its metrics in the `Glue` namespace.
  role.addToPolicy(new iam.PolicyStatement({
    actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
    resources: [scope.formatArn({ service: 'logs', resource: 'log-group', resourceName: '/aws-glue/*', arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
  }));
  role.addToPolicy(new iam.PolicyStatement({
    actions: ['cloudwatch:PutMetricData'],
    resources: ['*'],
    conditions: { StringEquals: { 'cloudwatch:namespace': GlueJobMetrics.NAMESPACE } },
  }));
  const job = new glue.CfnJob(scope, 'GlueJob', {
    name: GLUE_JOB,
    role: role.roleArn,
    command: { name: 'glueetl', pythonVersion: '3', scriptLocation: script.s3ObjectUrl },
    glueVersion: '4.0',
    workerType: 'G.1X',
    numberOfWorkers: 2,
    timeout: 10,
    maxRetries: 0,
    executionProperty: { maxConcurrentRuns: 2 },
    defaultArguments: {
      '--enable-observability-metrics': 'true',
      '--enable-metrics': 'true',
      '--fail': 'false',
    },
  });
  job.node.addDependency(role);
  const reason = 'the metric-dimensions Glue probe job (test-only, two runs, destroyed with the test)';
  const ack = Validations.of(role);
  ack.acknowledge(
    { id: 'AwsSolutions-IAM5[Resource::*]', reason: `${reason}: cloudwatch:PutMetricData supports no resource-level permissions; the statement is scoped by the cloudwatch:namespace condition.` },
    { id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws-glue/*]', reason: `${reason}: Glue writes job logs to log groups under /aws-glue/ that it names itself.` },
  );
  for (const pack of ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321']) {
    ack.acknowledge({ id: `${pack}-IAMNoInlinePolicy`, reason: `${reason}: the role's only policy, destroyed with it.` });
  }
  Validations.of(job).acknowledge(
    { id: 'AwsSolutions-GL1', reason: `${reason}: its logs hold a row count only, and are written to Glue's own log groups outside the platform.` },
    { id: 'AwsSolutions-GL3', reason: `${reason} does not use job bookmarks.` },
  );
  return job;
}

/** The metric-dimensions app. */
export const metricDimensions: IntegAppDefinition = { name: 'metric-dimensions', build };

if (require.main === module) {
  const app = newIntegApp();
  build(app);
  app.synth();
}
