import { CisBenchmarkVersion, CisControl } from './cis-controls';

/**
 * Which CIS AWS Foundations Benchmark monitoring controls become security alarms, and with which
 * version's filter patterns. Declared once: `SecurityAlarms`, `PlatformAlarms` and
 * `PlatformMonitoring` (`alarms`) take them.
 */
export interface CisBenchmarkOptions {
  /**
   * CIS controls to leave out (e.g. `CisControl.VPC_CHANGES` where VPC changes are routine).
   *
   * @default - none: every control
   */
  readonly disabledCisControls?: CisControl[];

  /**
   * The CIS AWS Foundations Benchmark version whose filter patterns the security alarms use.
   *
   * @default CisBenchmarkVersion.V1_2_0 - the exact patterns Security Hub's CloudWatch.1-14 controls check
   */
  readonly cisBenchmarkVersion?: CisBenchmarkVersion;
}
