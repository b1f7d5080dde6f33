import { RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** What every platform log group shares. */
export interface EncryptedLogGroupOptions {
  readonly encryptionKey: kms.IKey;
  readonly retention: logs.RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * A log group encrypted with the platform key (whose policy already trusts CloudWatch Logs for
 * every group of the account and region), with the platform retention and removal policy.
 */
export function encryptedLogGroup(scope: Construct, id: string, logGroupName: string,
  options: EncryptedLogGroupOptions): logs.LogGroup {
  return new logs.LogGroup(scope, id, {
    logGroupName,
    encryptionKey: options.encryptionKey,
    retention: options.retention,
    removalPolicy: options.removalPolicy,
  });
}
