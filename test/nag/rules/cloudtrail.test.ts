import { CfnParameter } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { flaggedBy, logicalId, newStack } from '../../nag-helpers';

const TRAIL_RULES = ['CloudTrailEncrypted', 'CloudTrailLogFileValidation', 'CloudTrailMultiRegion', 'CloudTrailCloudWatchLogs'];

describe('PlatformMonitoring CloudTrail rules', () => {
  test('compliant: KMS, validation, multi-region, CloudWatch Logs delivery', () => {
    const { app, stack } = newStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    new cloudtrail.Trail(stack, 'Trail', {
      encryptionKey: key,
      sendToCloudWatchLogs: true,
      cloudWatchLogGroup: new logs.LogGroup(stack, 'TrailLogs', { encryptionKey: key }),
    });
    for (const rule of TRAIL_RULES) expect(flaggedBy(app, stack, rule)).toEqual([]);
  });

  test('non-compliant: the L2 defaults lack KMS and CloudWatch Logs delivery', () => {
    const { app, stack } = newStack();
    const trail = new cloudtrail.Trail(stack, 'Trail');
    expect(flaggedBy(app, stack, 'CloudTrailEncrypted')).toEqual([logicalId(trail)]);
    expect(flaggedBy(app, stack, 'CloudTrailCloudWatchLogs')).toEqual([logicalId(trail)]);
    expect(flaggedBy(app, stack, 'CloudTrailLogFileValidation')).toEqual([]);
    expect(flaggedBy(app, stack, 'CloudTrailMultiRegion')).toEqual([]);
  });

  test('non-compliant: validation and multi-region switched off', () => {
    const { app, stack } = newStack();
    const trail = new cloudtrail.Trail(stack, 'Trail', { enableFileValidation: false, isMultiRegionTrail: false });
    expect(flaggedBy(app, stack, 'CloudTrailLogFileValidation')).toEqual([logicalId(trail)]);
    expect(flaggedBy(app, stack, 'CloudTrailMultiRegion')).toEqual([logicalId(trail)]);
  });

  test('non-compliant: validation and multi-region given as parameters (cannot be proven on)', () => {
    const { app, stack } = newStack();
    const flag = new CfnParameter(stack, 'Flag', { type: 'String' });
    const trail = new cloudtrail.CfnTrail(stack, 'Trail', {
      isLogging: true,
      s3BucketName: 'b',
      enableLogFileValidation: flag.valueAsString as unknown as boolean,
      isMultiRegionTrail: flag.valueAsString as unknown as boolean,
    });
    expect(flaggedBy(app, stack, 'CloudTrailLogFileValidation')).toEqual([logicalId(trail)]);
    expect(flaggedBy(app, stack, 'CloudTrailMultiRegion')).toEqual([logicalId(trail)]);
  });
});
