/**
 * Integration test: a principal given `grantPutMetricData` can publish in the project namespace
 * and nowhere else.
 *
 * integ-tests-alpha cannot assume a role, so a small probe function holds the grant (and nothing
 * else but its own logs), tries `PutMetricData` in the project namespace, in a namespace that
 * shares its prefix, and in an unrelated one, and returns what happened; the assertion invokes it
 * and checks the answer.
 *
 *   cdk deploy --app 'npx ts-node --transpile-only --project test/tsconfig.json test/integ/integ.custom-metrics.ts' --all
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { assertEventually, IntegAppDefinition, integTest, monitoringStack, newIntegApp } from './integ-app';

const FUNCTION_NAME = 'integ-metrics-probe';

/**
 * The probe: the Node.js runtime ships the AWS SDK for JavaScript v3 (Lambda Developer Guide,
 * "Building Lambda functions with Node.js"). It returns the error name for each namespace
 * (CloudWatch returns an access-denied error when an identity policy does not allow the call:
 * CloudWatch API Reference, Common Errors).
 */
const PROBE_CODE = `
const { CloudWatchClient, PutMetricDataCommand } = require('@aws-sdk/client-cloudwatch');
const client = new CloudWatchClient({});
async function put(namespace) {
  try {
    await client.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: [{ MetricName: 'IntegProbe', Value: 1 }] }));
    return 'Allowed';
  } catch (e) {
    return e.name || 'Error';
  }
}
exports.handler = async () => ({
  inside: await put(process.env.INSIDE),
  sharedPrefix: await put(process.env.SHARED_PREFIX),
  unrelated: await put(process.env.UNRELATED),
});
`;

function build(app: App): IntegTest {
  let probe!: lambda.Function;
  const { stack, monitoring } = monitoringStack(app, 'integ-metrics', (scope) => {
    probe = new lambda.Function(scope, 'Probe', {
      functionName: FUNCTION_NAME,
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(PROBE_CODE),
      timeout: Duration.seconds(30),
      description: 'cdk-platform-monitoring integration test: PutMetricData inside and outside the project namespace',
    });
    // Its log group is the construct's: encrypted, with retention, destroyed with the stack.
    return { lambdaFunctions: [probe] };
  });
  monitoring.grantPutMetricData(probe);
  probe.addEnvironment('INSIDE', monitoring.metricNamespace);
  // A namespace that starts with the project's: denied unless the condition is an exact match.
  probe.addEnvironment('SHARED_PREFIX', `${monitoring.metricNamespace}-other`);
  probe.addEnvironment('UNRELATED', 'cdk-platform-monitoring-integ-unrelated');
  acknowledgeProbe(probe);

  const integ = integTest(app, stack);
  const invoke = integ.assertions.invokeFunction({ functionName: probe.functionName });
  assertEventually(invoke, ExpectedResult.objectLike({
    Payload: Match.serializedJson({
      inside: 'Allowed',
      sharedPrefix: Match.stringLikeRegexp('^AccessDenied'),
      unrelated: Match.stringLikeRegexp('^AccessDenied'),
    }),
  }), Duration.minutes(3));

  return integ;
}

/** The probe is test code: findings on it are acknowledged with reasons. */
function acknowledgeProbe(probe: lambda.Function): void {
  const probeText = 'the custom-metrics probe function (test-only, invoked a few times by the assertion, destroyed with the test)';
  const ack = Validations.of(probe);
  ack.acknowledge(
    { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: `${probeText} writes its own logs with AWSLambdaBasicExecutionRole.` },
    { id: 'AwsSolutions-IAM5[Resource::*]', reason: `${probeText}: cloudwatch:PutMetricData supports no resource-level permissions; the grant under test scopes it with the cloudwatch:namespace condition.` },
  );
  for (const pack of ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321']) {
    ack.acknowledge(
      { id: `${pack}-IAMNoInlinePolicy`, reason: `${probeText}: the inline policy is what grantPutMetricData writes, and it is what is under test.` },
      { id: `${pack}-LambdaInsideVPC`, reason: `${probeText} calls the public CloudWatch API only; a VPC would add NAT gateways or endpoints to a test.` },
    );
  }
  // PCI DSS 3.2.1 has no Lambda concurrency or dead-letter rule.
  for (const pack of ['HIPAA.Security', 'NIST.800.53.R5']) {
    ack.acknowledge(
      { id: `${pack}-LambdaConcurrency`, reason: `${probeText}: reserving concurrency could fail in accounts with the minimum unreserved concurrency.` },
      { id: `${pack}-LambdaDLQ`, reason: `${probeText} is invoked synchronously; a dead-letter queue applies to asynchronous invocations only.` },
    );
  }
}

/** The custom-metrics app. */
export const customMetrics: IntegAppDefinition = { name: 'custom-metrics', build };

if (require.main === module) {
  const app = newIntegApp();
  build(app);
  app.synth();
}
