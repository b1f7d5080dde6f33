import { CisBenchmarkOptions } from './cis-benchmark-options';

/**
 * The CIS AWS Foundations Benchmark security alarms of `PlatformAlarms` (and `PlatformMonitoring`'s
 * `alarms`): whether they exist, and the benchmark options `SecurityAlarms` takes (the same names).
 */
export interface SecurityAlarmOptions extends CisBenchmarkOptions {
  /**
   * Create the security alarms (and their metric filters on the CloudTrail log group). They fire
   * on every security-group, route or IAM policy change, which is routine in development accounts.
   *
   * @default - true in PROD, false elsewhere
   */
  readonly enabled?: boolean;
}
