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
}

/**
 * An API Gateway HTTP API (v2) stage to monitor. HTTP API metrics use the `ApiId` and `Stage`
 * dimensions.
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
}
