import { Duration } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { API_ACCESS_LOG_FIELDS as A } from './api-access-log-format';
import { LoggingNaming } from '../core/naming';
import { chunk } from '../private/chunk';

/** A Logs Insights query covers at most 50 log groups. */
export const MAX_LOG_GROUPS_PER_QUERY = 50;

/** Titles of the saved queries (the folder is `<project>[-<env>]/`). */
export enum SavedQueryTitle {
  LAMBDA_ERRORS = 'Find Lambda errors',
  SLOW_API_REQUESTS = 'Find slow API requests',
  BATCH_JOB_FAILURES = 'Recent Batch job failures',
  BATCH_LOG_ERRORS = 'Batch job log errors',
  GLUE_FAILURES = 'Recent Glue job and crawler failures',
  WHO_CHANGED_WHAT = 'CloudTrail - who changed what',
  DENIED_API_CALLS = 'CloudTrail - denied API calls',
}

/**
 * Glue runs that did not succeed. Glue Job State Change events end in SUCCEEDED, FAILED, TIMEOUT or
 * STOPPED, and Glue Crawler State Change events in Succeeded or Failed (Amazon EventBridge events
 * reference, "AWS Glue events"; AWS Glue Developer Guide, "Automating AWS Glue with EventBridge"):
 * every terminal state but success is listed, plus ERROR, a job run status (AWS Glue Developer
 * Guide, "AWS Glue job run statuses") that the event documentation does not list.
 */
export const GLUE_FAILURES_FILTER = "source = 'aws.glue' and detail.state in ['FAILED', 'TIMEOUT', 'STOPPED', 'ERROR', 'Failed']";

/** The groups the saved queries run against (any may be absent). */
export interface SavedQueryGroups {
  readonly lambda: logs.ILogGroup[];
  readonly batch: logs.ILogGroup;
  readonly apiAccess: logs.ILogGroup;
  readonly platformEvents: logs.ILogGroup;
  readonly cloudTrail?: logs.ILogGroup;
  readonly slowApiRequestThreshold: Duration;
}

/** Creates the saved queries under `scope` (construct ids are stable: one per query, `-2`... per chunk). */
export function createSavedQueries(scope: Construct, naming: LoggingNaming, groups: SavedQueryGroups): logs.QueryDefinition[] {
  const recent = (fields: string[], filter: string) => new logs.QueryString({
    fields, filterStatements: [filter], sort: '@timestamp desc', limit: 100,
  });
  const define = (id: string, title: SavedQueryTitle, queryString: logs.QueryString, logGroups: logs.ILogGroup[]) =>
    chunk(logGroups, MAX_LOG_GROUPS_PER_QUERY).map((part, i, all) => new logs.QueryDefinition(scope, i === 0 ? id : `${id}${i + 1}`, {
      queryDefinitionName: naming.queryName(all.length > 1 ? `${title} (${i + 1} of ${all.length})` : title),
      queryString,
      logGroups: part,
    }));

  const ms = groups.slowApiRequestThreshold.toMilliseconds();
  const queries: logs.QueryDefinition[] = [
    ...define('LambdaErrors', SavedQueryTitle.LAMBDA_ERRORS,
      recent(['@timestamp', '@log', '@requestId', '@message'],
        '@message like /ERROR/ or @message like /Task timed out/ or @message like /Runtime\\.\\w+/'),
      groups.lambda),
    ...define('SlowApiRequests', SavedQueryTitle.SLOW_API_REQUESTS,
      new logs.QueryString({
        fields: ['@timestamp', A.requestId, A.httpMethod, A.resourcePath, A.status, A.responseLatency, A.integrationLatency, A.sourceIp],
        filterStatements: [`${A.responseLatency} > ${ms}`],
        sort: `${A.responseLatency} desc`,
        limit: 100,
      }),
      [groups.apiAccess]),
    ...define('BatchJobFailures', SavedQueryTitle.BATCH_JOB_FAILURES,
      recent(['@timestamp', 'detail.jobName', 'detail.jobId', 'detail.jobQueue', 'detail.statusReason'],
        "source = 'aws.batch' and detail.status = 'FAILED'"),
      [groups.platformEvents]),
    ...define('BatchLogErrors', SavedQueryTitle.BATCH_LOG_ERRORS,
      recent(['@timestamp', '@logStream', '@message'], '@message like /ERROR/'),
      [groups.batch]),
    ...define('GlueFailures', SavedQueryTitle.GLUE_FAILURES,
      recent(['@timestamp', '`detail-type`', 'detail.jobName', 'detail.crawlerName', 'detail.state', 'detail.message'],
        GLUE_FAILURES_FILTER),
      [groups.platformEvents]),
  ];
  if (groups.cloudTrail) {
    queries.push(
      ...define('WhoChangedWhat', SavedQueryTitle.WHO_CHANGED_WHAT,
        recent(['@timestamp', 'userIdentity.arn', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'requestParameters'],
          '@message like /"readOnly":false/'),
        [groups.cloudTrail]),
      ...define('DeniedApiCalls', SavedQueryTitle.DENIED_API_CALLS,
        recent(['@timestamp', 'userIdentity.arn', 'eventSource', 'eventName', 'errorCode', 'errorMessage', 'sourceIPAddress'],
          'errorCode like /AccessDenied|UnauthorizedOperation|Unauthorized|Forbidden/'),
        [groups.cloudTrail]),
    );
  }
  return queries;
}
