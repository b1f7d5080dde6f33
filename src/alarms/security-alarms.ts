import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ALARM_DEFAULTS } from './alarm-catalog';
import { AlarmFactory } from './alarm-factory';
import { CisBenchmarkOptions } from './cis-benchmark-options';
import { CIS_CONTROLS, CisBenchmarkVersion, CisControl, cisControlIn } from './cis-controls';
import { DeploymentEnvironment } from '../core/environment';
import { PlatformNaming } from '../core/naming';
import { resolveEnvironment } from '../core/validation';
import { IAlarmActionStrategy } from '../notifications/alarm-action-strategy';
import { SeverityRoutingOptions } from '../notifications/severity-routing-options';
import { checkEnumList, checkEnumValue } from '../private/input-checks';

/**
 * Properties of `SecurityAlarms`.
 */
export interface SecurityAlarmsProps extends CisBenchmarkOptions, SeverityRoutingOptions {
  /** The project name: alarm-name prefix and metric namespace (with the environment outside PROD). */
  readonly projectName: string;

  /**
   * The deployment environment.
   *
   * @default DeploymentEnvironment.PROD
   */
  readonly environment?: DeploymentEnvironment;

  /** The log group the CloudTrail trail delivers to. */
  readonly trailLogGroup: logs.ILogGroup;

  /**
   * What every alarm does on its state changes (e.g. an `SnsAlarmActionStrategy` for the alert topic).
   *
   * @default - alarms without actions
   */
  readonly actions?: IAlarmActionStrategy[];
}

/**
 * The CIS AWS Foundations Benchmark monitoring controls: for each, a metric filter on the CloudTrail
 * log group (the exact pattern of the chosen benchmark version, by default the one Security Hub's
 * CloudWatch.1-14 controls check) counting into `<project>` / `Security.*`, and an alarm at one or
 * more matches in 5 minutes. Missing data is not breaching (no match, no datapoint). Every alarm is
 * CRITICAL (it takes `criticalActions`).
 */
export class SecurityAlarms extends Construct {
  /** The alarms, in control order. */
  public readonly allAlarms: cloudwatch.IAlarm[] = [];

  /** The alarm of each enabled control, keyed by `CisControl` value. */
  public readonly alarmsByControl: { [control: string]: cloudwatch.IAlarm } = {};

  constructor(scope: Construct, id: string, props: SecurityAlarmsProps) {
    super(scope, id);
    const naming = new PlatformNaming(props.projectName, resolveEnvironment(this, props.environment));
    const factory = new AlarmFactory(this, naming, props.actions,
      { critical: props.criticalActions, warning: props.warningActions });
    checkEnumList(this, 'disabledCisControls', props.disabledCisControls, CisControl, 'CisControl');
    checkEnumValue(this, 'cisBenchmarkVersion', props.cisBenchmarkVersion, CisBenchmarkVersion, 'CisBenchmarkVersion');
    const version = props.cisBenchmarkVersion ?? CisBenchmarkVersion.V1_2_0;
    const disabled = new Set(props.disabledCisControls ?? []);

    for (const def of CIS_CONTROLS) {
      if (disabled.has(def.control)) continue;
      const { number, filterPattern } = cisControlIn(def, version);
      const filter = new logs.MetricFilter(this, `${def.control}-filter`, {
        logGroup: props.trailLogGroup,
        filterPattern: logs.FilterPattern.literal(filterPattern),
        metricNamespace: naming.metricNamespace,
        metricName: def.metricName,
        metricValue: '1',
        unit: cloudwatch.Unit.COUNT,
      });
      const alarm = factory.create({
        key: `cis-${def.control}`,
        metric: filter.metric({ statistic: cloudwatch.Stats.SUM }),
        what: `CIS v${version} ${number} ${def.title}: CloudTrail events matching the benchmark filter (${naming.metricNamespace}/${def.metricName}, Sum)`,
        where: `CloudTrail log group ${props.trailLogGroup.logGroupName} (Logs Insights, the filter pattern of ${def.metricName})`,
        defaults: ALARM_DEFAULTS.cis,
        optionsProp: 'securityAlarms',
      })!;
      this.allAlarms.push(alarm);
      this.alarmsByControl[def.control] = alarm;
    }
  }
}
