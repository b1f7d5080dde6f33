/**
 * Integration test: the trail is created and logging, encrypted with the platform key, validating
 * log files, multi-region, and delivering to its CloudWatch Logs group.
 *
 * CloudTrail refuses to create a trail whose key or bucket policy it cannot use (for example
 * without `kms:Decrypt` when the bucket uses an S3 Bucket Key), and stops delivering when they
 * change later; `IsLogging` and the trail's settings are what the account really has.
 *
 *   cdk deploy --app 'npx ts-node --transpile-only --project test/tsconfig.json test/integ/integ.audit-trail.ts' --all
 */
import { AwsApiCall, ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Duration } from 'aws-cdk-lib';
import { assertEventually, IntegAppDefinition, integTest, monitoringStack, newIntegApp } from './integ-app';

function build(app: App): IntegTest {
  const { stack, monitoring } = monitoringStack(app, 'integ-trail');
  const integ = integTest(app, stack);

  // GetTrailStatus: `IsLogging` "Whether the CloudTrail trail is currently logging AWS API calls";
  // `Name` accepts the trail ARN (CloudTrail API Reference, GetTrailStatus).
  const status = integ.assertions.awsApiCall('CloudTrail', 'getTrailStatus', { Name: monitoring.audit!.trailArn });
  assertEventually(status, ExpectedResult.objectLike({ IsLogging: true }), Duration.minutes(3));

  // DescribeTrails `trailList[]`: `KmsKeyId` (the key ARN), `LogFileValidationEnabled`,
  // `IsMultiRegionTrail`, `CloudWatchLogsLogGroupArn` (CloudTrail API Reference, DescribeTrails and
  // Trail). The log group ARN CloudTrail stores ends in `:*`, as the `Arn` attribute of
  // AWS::Logs::LogGroup does (CloudFormation User Guide, AWS::Logs::LogGroup return values).
  const trails = integ.assertions.awsApiCall('CloudTrail', 'describeTrails', { trailNameList: [monitoring.audit!.trailArn] });
  assertEventually(trails, ExpectedResult.objectLike({
    trailList: [
      Match.objectLike({
        TrailARN: monitoring.audit!.trailArn,
        KmsKeyId: monitoring.platformKey.key.keyArn,
        LogFileValidationEnabled: true,
        IsMultiRegionTrail: true,
        IncludeGlobalServiceEvents: true,
        CloudWatchLogsLogGroupArn: monitoring.logging.trailLogGroup!.logGroupArn,
        S3BucketName: monitoring.audit!.trailBucket.bucketName,
      }),
    ],
  }), Duration.minutes(3));
  // Delivery, which fails silently when a policy is wrong (deploying this app makes the API calls
  // that get logged). Log files are `AccountID_CloudTrail_RegionName_YYYYMMDDTHHmmZ_UniqueString.json.gz`
  // (CloudTrail User Guide, "CloudTrail log file examples") under `AWSLogs/<account>/CloudTrail/`
  // (CloudTrail User Guide, "Finding your CloudTrail log files"). AWS documents no maximum delivery
  // delay, so 20 minutes is our allowance. The CloudWatch Logs stream name is not spelled out
  // either (the role policy example says `CloudTrail_log_stream_name_prefix`: CloudTrail User
  // Guide, "Role policy document for CloudTrail to use CloudWatch Logs"): streams named
  // `<account>_CloudTrail_<region>` are what CloudTrail creates, hence the loose `_CloudTrail_`.
  const objects = integ.assertions.awsApiCall('S3', 'listObjectsV2', {
    Bucket: monitoring.audit!.trailBucket.bucketName,
    Prefix: `AWSLogs/${stack.account}/CloudTrail/`,
    MaxKeys: 5,
  });
  assertEventually(objects, ExpectedResult.objectLike({
    Contents: Match.arrayWith([Match.objectLike({ Key: Match.stringLikeRegexp('\\.json\\.gz$') })]),
  }), Duration.minutes(20), Duration.seconds(30));
  // integ-tests-alpha derives the IAM action from the API name (`s3:ListObjectsV2`), which is not an
  // IAM action: ListObjectsV2 is authorized by `s3:ListBucket` on the bucket (Amazon S3 API
  // Reference, ListObjectsV2, "Permissions"). The waiter's provider is the one that makes the call.
  const listBucket = { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [monitoring.audit!.trailBucket.bucketArn] };
  objects.provider.addToRolePolicy(listBucket);
  (objects as AwsApiCall).waiterProvider?.addToRolePolicy(listBucket);
  const streams = integ.assertions.awsApiCall('CloudWatchLogs', 'describeLogStreams', {
    logGroupName: monitoring.logging.trailLogGroup!.logGroupName,
  });
  assertEventually(streams, ExpectedResult.objectLike({
    logStreams: Match.arrayWith([Match.objectLike({ logStreamName: Match.stringLikeRegexp('_CloudTrail_') })]),
  }), Duration.minutes(20), Duration.seconds(30));
  status.next(trails).next(objects).next(streams);

  return integ;
}

/** The audit-trail app. */
export const auditTrail: IntegAppDefinition = { name: 'audit-trail', build };

if (require.main === module) {
  const app = newIntegApp();
  build(app);
  app.synth();
}
