import { CisBenchmarkVersion, CisControl } from './cis-controls';
import { AlarmSeverity } from '../notifications/alarm-severity';

/**
 * The severity of one CIS control's alarm (`cisControlSeverities`): CRITICAL alarms take
 * `criticalActions` (e.g. a pager), WARNING alarms `warningActions`.
 */
export interface CisControlSeverity {
  /** The control. */
  readonly control: CisControl;
  /** Its alarm's severity. */
  readonly severity: AlarmSeverity;
}

/**
 * Which CIS AWS Foundations Benchmark monitoring controls become security alarms, and with which
 * version's filter patterns. Declared once: `SecurityAlarms` takes them, and `PlatformAlarms` and
 * `PlatformMonitoring` (`alarms`) as `securityAlarms` (`SecurityAlarmOptions`).
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

  /**
   * The severity of chosen controls' alarms, overriding the defaults (each control at most once).
   * E.g. `[{ control: CisControl.SECURITY_GROUP_CHANGES, severity: AlarmSeverity.CRITICAL }]` where
   * security groups never change outside a change window.
   *
   * @default - CRITICAL for root-account usage, console sign-in without MFA, CloudTrail, AWS Config,
   * KMS key disabling/deletion and AWS Organizations changes; WARNING for the others (IAM and S3
   * bucket policy changes, network changes, unauthorized API calls, console authentication failures)
   */
  readonly cisControlSeverities?: CisControlSeverity[];
}
