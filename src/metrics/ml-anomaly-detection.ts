/**
 * Which side of its anomaly-detection band an ML metric alarms on.
 *
 * CloudWatch compares each datapoint with the band the model expects and can alarm above it, below
 * it, or on either side (CloudWatch User Guide, "Create a CloudWatch alarm based on anomaly detection":
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Anomaly_Detection_Alarm.html).
 *
 * @experimental
 */
export enum AnomalyBandBreach {
  /** Above the band (`GreaterThanUpperThreshold`): latencies, durations, error counts rising. */
  ABOVE = 'ABOVE',
  /** Below the band (`LessThanLowerThreshold`): accuracies, success rates, traffic falling. */
  BELOW = 'BELOW',
  /** Either side (`LessThanLowerOrGreaterThanUpperThreshold`): scores whose shift either way is drift. */
  OUTSIDE = 'OUTSIDE',
}

/**
 * Marks an ML metric for anomaly detection: the platform creates an anomaly-detection alarm for it
 * and the ML dashboard draws its expected band.
 *
 * CloudWatch trains the model on up to two weeks of the metric's history (hourly, daily and weekly
 * patterns) for the metric and statistic the alarm uses; until it has learnt, the band is an
 * approximation (CloudWatch User Guide, "Using CloudWatch anomaly detection").
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Anomaly_Detection.html
 * @experimental
 */
export interface MlAnomalyDetectionOptions {
  /** Which side of the band alarms. */
  readonly breach: AnomalyBandBreach;

  /**
   * The band's width in standard deviations (the second argument of `ANOMALY_DETECTION_BAND`):
   * wider bands tolerate more variation and alarm less often. Any number greater than 0 (it need not
   * be whole).
   *
   * @default 2 (CloudWatch's own default)
   */
  readonly bandWidth?: number;
}
