import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { FULL_WIDTH, LOG_TABLE_HEIGHT, MAX_LOG_GROUPS_PER_QUERY } from './layout';
import { partTitle } from './widgets';
import { LambdaFunctionRef } from '../model/source-account-functions';
import { chunk } from '../private/chunk';

// Logs Insights widgets over the log groups of source accounts. Not part of the public API.
//
// A dashboard's Logs Insights widget reads the log groups of one account: aws-cdk-lib's
// LogQueryWidgetProps.accountId, "The AWS account ID where the log groups are located. This
// enables cross-account functionality for CloudWatch dashboards. Before using this feature, ensure
// that proper cross-account sharing is configured between the monitoring account and source
// account" (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cloudwatch.LogQueryWidgetProps.html),
// which it renders as the widget's `accountId` property next to `SOURCE '<group name>'` per group.
// The sharing is the OAM link (CloudWatch User Guide, "CloudWatch cross-account observability":
// a monitoring account can "search, visualize, and analyze ... logs ... in any of the linked accounts",
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Unified-Cross-Account.html).
// So the groups are grouped per account (and Region), 50 per widget (the Logs Insights limit).

/**
 * Tables of `queryLines` over `/aws/lambda/<name>` of each function of a source account: one set of
 * widgets per account and Region, titled `<title> (account <id>)`.
 */
export function sourceAccountLambdaLogQueries(title: string, functions: LambdaFunctionRef[], queryLines: string[]): cloudwatch.LogQueryWidget[] {
  return [...byLocation(functions).values()].flatMap((refs) => {
    const { account, region } = refs[0];
    const parts = chunk(refs.map((r) => `/aws/lambda/${r.functionName}`), MAX_LOG_GROUPS_PER_QUERY);
    return parts.map((names, i) => new cloudwatch.LogQueryWidget({
      title: partTitle(`${title} (account ${account})`, i, parts.length),
      logGroupNames: names,
      queryLines,
      accountId: account,
      region,
      view: cloudwatch.LogQueryVisualizationType.TABLE,
      width: FULL_WIDTH,
      height: LOG_TABLE_HEIGHT,
    }));
  });
}

function byLocation(functions: LambdaFunctionRef[]): Map<string, LambdaFunctionRef[]> {
  const groups = new Map<string, LambdaFunctionRef[]>();
  for (const ref of functions.filter((f) => f.account !== undefined)) {
    const key = `${ref.account}/${ref.region ?? ''}`;
    groups.set(key, [...groups.get(key) ?? [], ref]);
  }
  return groups;
}
