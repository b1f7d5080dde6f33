/**
 * Integration test: a function's log group is encrypted with the platform key, an event written
 * to it can be read back, and its ERROR metric filter publishes to the project namespace.
 *
 * A log group whose key policy lacks the CloudWatch Logs grant cannot even be created; one whose
 * metric filter has a wrong namespace or pattern deploys fine and never publishes.
 *
 *   cdk deploy --app 'npx ts-node --transpile-only --project test/tsconfig.json test/integ/integ.logging.ts' --all
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { assertEventually, IntegAppDefinition, integTest, monitoringStack, newIntegApp } from './integ-app';
import { ServiceLogGroupMode } from '../../src';
import { lambdaLogErrorsMetricName } from '../../src/logging/log-error-metrics';

/** A function name nobody invokes: only its log group (created by the construct) is used. */
const FUNCTION_NAME = 'integ-logs-probe';
const STREAM = 'integ-probe';

function build(app: App, now: number): IntegTest {
  const { stack, monitoring } = monitoringStack(app, 'integ-logs', (scope) => ({
    // Imported by name, so the construct creates `/aws/lambda/integ-logs-probe` with the platform
    // key, the retention and an ERROR metric filter. CREATE is explicit: the group must not exist.
    lambdaFunctions: [lambda.Function.fromFunctionName(scope, 'Probe', FUNCTION_NAME)],
    logging: { lambdaLogGroupMode: ServiceLogGroupMode.CREATE },
  }));
  const integ = integTest(app, stack);
  const group = monitoring.logging.lambdaLogGroups[0];
  const message = `ERROR cdk-platform-monitoring integration test ${now}`;

  // DescribeLogGroups `kmsKeyId`: "The ARN of the KMS key to use when encrypting log data"
  // (CloudWatch Logs API Reference, LogGroup).
  const described = integ.assertions.awsApiCall('CloudWatchLogs', 'describeLogGroups', { logGroupNamePrefix: group.logGroupName });
  assertEventually(described, ExpectedResult.objectLike({
    logGroups: Match.arrayWith([Match.objectLike({ logGroupName: group.logGroupName, kmsKeyId: monitoring.platformKey.key.keyArn })]),
  }), Duration.minutes(2));

  // PutLogEvents needs an existing stream; events may be at most 14 days old and 2 hours in the
  // future (CloudWatch Logs API Reference, CreateLogStream and PutLogEvents). `now` is the
  // synthesis time, minutes before the deployment reaches this call.
  const createStream = integ.assertions.awsApiCall('CloudWatchLogs', 'createLogStream', { logGroupName: group.logGroupName, logStreamName: STREAM });
  const put = integ.assertions.awsApiCall('CloudWatchLogs', 'putLogEvents', {
    logGroupName: group.logGroupName,
    logStreamName: STREAM,
    logEvents: [{ timestamp: now, message }],
  });

  // Read back: the event is decrypted for the reader (CloudWatch Logs API Reference, FilterLogEvents).
  const read = integ.assertions.awsApiCall('CloudWatchLogs', 'filterLogEvents', { logGroupName: group.logGroupName, logStreamNames: [STREAM] });
  assertEventually(read, ExpectedResult.objectLike({
    events: Match.arrayWith([Match.objectLike({ message })]),
  }), Duration.minutes(3));

  // The metric filter publishes `Lambda.LogErrors.<function>` in the project namespace, value 1 at
  // the event's timestamp (CloudWatch Logs User Guide, "Creating metrics from log events using
  // filters"). GetMetricData with the Sum over one minute around `now`.
  const metric = integ.assertions.awsApiCall('CloudWatch', 'getMetricData', {
    StartTime: new Date(now - 10 * 60_000).toISOString(),
    EndTime: new Date(now + 10 * 60_000).toISOString(),
    MetricDataQueries: [{
      Id: 'errors',
      MetricStat: {
        Metric: { Namespace: monitoring.metricNamespace, MetricName: lambdaLogErrorsMetricName(FUNCTION_NAME) },
        Period: 60,
        Stat: 'Sum',
      },
    }],
  });
  assertEventually(metric, ExpectedResult.objectLike({
    MetricDataResults: [Match.objectLike({ Id: 'errors', Values: [1] })],
  }), Duration.minutes(10), Duration.seconds(30));

  described.next(createStream).next(put).next(read).next(metric);
  return integ;
}

/** The logging app. */
export const logging: IntegAppDefinition = { name: 'logging', build };

if (require.main === module) {
  const app = newIntegApp();
  build(app, Date.now());
  app.synth();
}
