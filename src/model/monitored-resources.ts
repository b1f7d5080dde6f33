import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';

/**
 * A DMS replication task to monitor. CloudWatch identifies its metrics by both identifiers.
 */
export interface DmsReplicationTask {
  /**
   * The replication instance identifier (the `ReplicationInstanceIdentifier` dimension), e.g.
   * `platform-replication`.
   */
  readonly replicationInstanceIdentifier: string;

  /**
   * The replication task's *resource id* (the `ReplicationTaskIdentifier` dimension): the last part
   * of the task ARN (`arn:aws:dms:...:task:<resource id>`), not the task's name.
   */
  readonly replicationTaskIdentifier: string;

  /**
   * A human-readable name for dashboards and alarm descriptions.
   *
   * @default - the replication task identifier
   */
  readonly displayName?: string;

  /**
   * The account the replication task is in, when it is not the monitoring stack's account (a source account
   * linked to this monitoring account by CloudWatch cross-account observability: see
   * `SourceAccountLink`). Dashboards and alarms read its metrics with this account ID.
   *
   * @default - the stack's account
   * @experimental
   */
  readonly account?: string;

  /**
   * The Region the replication task is in. Dashboards can show metrics of another Region; alarms cannot (a
   * metric alarm must be in the metric's Region), so with the platform's alarms on it must be the
   * stack's Region.
   *
   * @default - the stack's Region
   * @experimental
   */
  readonly region?: string;
}

/**
 * An API Gateway HTTP API (v2) stage to monitor. HTTP API metrics use the `ApiId` and `Stage`
 * dimensions (metric names `4xx`, `5xx`, `Latency`...).
 */
export interface MonitoredHttpApi {
  /** The HTTP API. */
  readonly api: apigatewayv2.IHttpApi;

  /**
   * The stage whose metrics to read. HTTP APIs publish metrics per stage, and most use the
   * auto-deployed `$default` stage.
   *
   * @default '$default'
   */
  readonly stageName?: string;

  /**
   * A human-readable name for dashboards and alarm descriptions.
   *
   * @default - the API id
   */
  readonly displayName?: string;

  /**
   * The account the API is in, when it is not the monitoring stack's account (a source account
   * linked to this monitoring account by CloudWatch cross-account observability: see
   * `SourceAccountLink`). Dashboards and alarms read its metrics with this account ID.
   *
   * @default - the stack's account
   * @experimental
   */
  readonly account?: string;

  /**
   * The Region the API is in. Dashboards can show metrics of another Region; alarms cannot (a
   * metric alarm must be in the metric's Region), so with the platform's alarms on it must be the
   * stack's Region.
   *
   * @default - the stack's Region
   * @experimental
   */
  readonly region?: string;
}

/**
 * A REST API stage given by name, for APIs without a `deploymentStage` (imported with
 * `RestApi.fromRestApiId`, or a stage other than the deployment stage).
 */
export interface MonitoredRestApiStage {
  /** The REST API's name (the `ApiName` dimension). */
  readonly apiName: string;

  /** The deployed stage (the `Stage` dimension). */
  readonly stageName: string;

  /**
   * A human-readable name for dashboards and alarm descriptions.
   *
   * @default - the API name
   */
  readonly displayName?: string;

  /**
   * The account the API is in, when it is not the monitoring stack's account (a source account
   * linked to this monitoring account by CloudWatch cross-account observability: see
   * `SourceAccountLink`). Dashboards and alarms read its metrics with this account ID.
   *
   * @default - the stack's account
   * @experimental
   */
  readonly account?: string;

  /**
   * The Region the API is in. Dashboards can show metrics of another Region; alarms cannot (a
   * metric alarm must be in the metric's Region), so with the platform's alarms on it must be the
   * stack's Region.
   *
   * @default - the stack's Region
   * @experimental
   */
  readonly region?: string;
}

/**
 * An API Gateway HTTP API (v2) stage given by id (for dashboards and metric factories, which need
 * only the dimensions). HTTP API metrics use the `ApiId` and `Stage` dimensions.
 */
export interface HttpApiStageRef {
  /** The HTTP API's id (`IHttpApi.apiId`). */
  readonly apiId: string;

  /**
   * The stage whose metrics to read.
   *
   * @default '$default'
   */
  readonly stageName?: string;

  /**
   * A human-readable name for dashboards and alarm descriptions.
   *
   * @default - the API id
   */
  readonly displayName?: string;

  /**
   * The account the API is in, when it is not the monitoring stack's account (a source account
   * linked to this monitoring account by CloudWatch cross-account observability: see
   * `SourceAccountLink`). Dashboards and alarms read its metrics with this account ID.
   *
   * @default - the stack's account
   * @experimental
   */
  readonly account?: string;

  /**
   * The Region the API is in. Dashboards can show metrics of another Region; alarms cannot (a
   * metric alarm must be in the metric's Region), so with the platform's alarms on it must be the
   * stack's Region.
   *
   * @default - the stack's Region
   * @experimental
   */
  readonly region?: string;
}
