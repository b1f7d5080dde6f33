/**
 * A kind of telemetry a source account shares with a monitoring account through CloudWatch
 * cross-account observability (the OAM resource types).
 *
 * Source: CloudWatch Observability Access Manager API reference, PutSinkPolicy ("Metrics - Specify
 * with AWS::CloudWatch::Metric; Log groups - Specify with AWS::Logs::LogGroup; Traces - Specify with
 * AWS::XRay::Trace"), https://docs.aws.amazon.com/OAM/latest/APIReference/API_PutSinkPolicy.html
 *
 * @experimental
 */
export enum TelemetryType {
  /** CloudWatch metrics (`AWS::CloudWatch::Metric`). */
  METRICS = 'AWS::CloudWatch::Metric',
  /** CloudWatch Logs log groups (`AWS::Logs::LogGroup`). */
  LOG_GROUPS = 'AWS::Logs::LogGroup',
  /** X-Ray traces (`AWS::XRay::Trace`). */
  TRACES = 'AWS::XRay::Trace',
}

/** Every telemetry type this library shares by default: metrics, log groups and traces. */
export const ALL_TELEMETRY_TYPES: TelemetryType[] = [TelemetryType.METRICS, TelemetryType.LOG_GROUPS, TelemetryType.TRACES];
