import { Stack, Token } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';
import { validationError } from '../private/errors';
import { functionArnOf } from '../private/literal-names';

/**
 * CloudTrail allows 250 data resources per trail with basic event selectors: per selector, and
 * also in total across the trail's (at most 5) selectors. Splitting into several selectors
 * therefore cannot raise the limit. Logging all functions (`arn:<partition>:lambda`) does not count.
 */
export const MAX_DATA_RESOURCES_PER_TRAIL = 250;

/** What the trail records. */
export interface EventSelectorInput {
  readonly dataLakeBucket?: s3.IBucket;
  readonly lambdaFunctions: lambda.IFunction[];
  readonly logAllLambdaDataEvents: boolean;
}

/**
 * One selector: all management events (read and write) plus the S3 object events of the data-lake
 * bucket and the Lambda invoke events.
 */
export function buildEventSelectors(scope: IConstruct, input: EventSelectorInput): cloudtrail.CfnTrail.EventSelectorProperty[] {
  const dataResources: cloudtrail.CfnTrail.DataResourceProperty[] = [];
  if (input.dataLakeBucket) {
    // Trailing `/`: every object of the bucket.
    dataResources.push({ type: 'AWS::S3::Object', values: [`${dataLakeBucketArn(scope, input.dataLakeBucket)}/`] });
  }
  const lambdaValues = input.logAllLambdaDataEvents
    ? [`arn:${Stack.of(scope).partition}:lambda`]
    : uniqueArns(scope, input.lambdaFunctions);
  if (lambdaValues.length > 0) {
    dataResources.push({ type: 'AWS::Lambda::Function', values: lambdaValues });
  }

  const counted = (input.dataLakeBucket ? 1 : 0) + (input.logAllLambdaDataEvents ? 0 : lambdaValues.length);
  if (counted > MAX_DATA_RESOURCES_PER_TRAIL) {
    throw validationError(scope, `The trail would record data events for ${counted} resources (${lambdaValues.length} Lambda `
      + `functions${input.dataLakeBucket ? ' and the data-lake bucket' : ''}), but CloudTrail allows at most `
      + `${MAX_DATA_RESOURCES_PER_TRAIL} data resources per trail, in total across its 5 event selectors, so splitting `
      + 'them does not help. Set logAllLambdaDataEvents: true (one value for every function, see its cost note) or pass '
      + `at most ${MAX_DATA_RESOURCES_PER_TRAIL - (input.dataLakeBucket ? 1 : 0)} functions.`);
  }

  return [{
    readWriteType: 'All',
    includeManagementEvents: true,
    dataResources: dataResources.length > 0 ? dataResources : undefined,
  }];
}

function uniqueArns(scope: IConstruct, functions: lambda.IFunction[]): string[] {
  const seen = new Set<string>();
  const arns: string[] = [];
  for (const fn of functions) {
    if (seen.has(fn.node.addr)) continue;
    seen.add(fn.node.addr);
    arns.push(functionArnOf(fn, scope)); // another stack's function: by name, not by import
  }
  return arns;
}

const S3_BUCKET_ARN = /^arn:[a-z-]+:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * The data-lake bucket's ARN, or a synth error when the trail cannot name the bucket (an import
 * without a usable ARN or name, or a value that is not an S3 bucket ARN).
 */
export function dataLakeBucketArn(scope: IConstruct, bucket: s3.IBucket): string {
  const fail = (why: string) => validationError(scope, `dataLakeBucket ${bucket.node.path} cannot be used for S3 data events: ${why}. `
    + 'CloudTrail needs the bucket ARN (arn:<partition>:s3:::<bucket-name>): import the bucket with '
    + 's3.Bucket.fromBucketName(scope, id, name) or fromBucketArn(scope, id, arn).');
  let arn: string | undefined;
  try {
    arn = bucket.bucketArn;
  } catch (e) {
    throw fail(`its ARN cannot be determined (${(e as Error).message})`);
  }
  if (!arn) throw fail('the import has neither an ARN nor a name');
  if (Token.isUnresolved(arn)) {
    try {
      Stack.of(scope).resolve(arn);
    } catch (e) {
      throw fail(`its ARN does not resolve (${(e as Error).message})`);
    }
    return arn;
  }
  if (!S3_BUCKET_ARN.test(arn)) throw fail(`"${arn}" is not an S3 bucket ARN`);
  return arn;
}
