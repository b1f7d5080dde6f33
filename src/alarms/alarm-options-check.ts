import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { ALARM_DEFAULTS, ML_ANOMALY_ALARM_DEFAULTS } from './alarm-catalog';
import { resolveAlarmSettings } from './alarm-factory';
import { AlarmOptions } from './alarm-options';
import { AlarmSettings } from './alarm-settings';
import { validationError } from '../private/errors';

const ANY_SIDE_OF_BAND = cloudwatch.ComparisonOperator.LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD;

/** The `AlarmOptions` keys whose alarms the factory builds from `ALARM_DEFAULTS` (CIS alarms take no settings). */
const SETTINGS_KEYS = (Object.keys(ALARM_DEFAULTS) as (keyof typeof ALARM_DEFAULTS)[]).filter((k) => k !== 'cis');

/**
 * Checks every alarm's settings in `options`, whether or not that alarm exists (a setting for an alarm
 * with nothing to watch is still a mistake the user wants to hear about): `prefix` is how the user
 * wrote the options (`alarms.` on `PlatformMonitoring`, nothing on `PlatformAlarms`). Not exported
 * from the package.
 */
export function checkAlarmSettings(scope: Construct, options: AlarmOptions, prefix: string): void {
  const settings = options as unknown as { [key: string]: AlarmSettings | undefined };
  for (const key of SETTINGS_KEYS) {
    const own = settings[key];
    if (own === undefined) continue;
    resolveAlarmSettings(scope, { defaults: ALARM_DEFAULTS[key], options: own, optionsProp: `${prefix}${key}` });
  }
  (Array.isArray(options.maintenanceWindows) ? options.maintenanceWindows : []).forEach((w, i) => {
    checkMuteDuration(scope, `${prefix}maintenanceWindows[${i}].duration`, w?.duration);
  });
  if (options.mlAnomalyAlarms !== undefined) {
    // The band width is the ML catalog's (a threshold here is refused with its own message): check the rest.
    resolveAlarmSettings(scope, {
      defaults: { ...ML_ANOMALY_ALARM_DEFAULTS, threshold: 2, comparisonOperator: ANY_SIDE_OF_BAND },
      options: { ...options.mlAnomalyAlarms, threshold: undefined },
      optionsProp: `${prefix}mlAnomalyAlarms`,
    });
  }
}

/**
 * A mute rule lasts from 1 minute (PT1M) to 15 days (P15D) (CloudWatch API Reference, "Schedule":
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_Schedule.html).
 */
function checkMuteDuration(scope: Construct, prop: string, duration: Duration | undefined): void {
  if (duration === undefined || duration === null || typeof (duration as Duration).toMinutes !== 'function') {
    throw validationError(scope, `${prop} must be a Duration from 1 minute to 15 days (e.g. Duration.hours(3)); got ${duration}.`);
  }
  if (duration.isUnresolved()) return;
  const minutes = duration.toMinutes({ integral: false });
  if (minutes < 1 || minutes > 15 * 24 * 60) {
    throw validationError(scope, `${prop} must be from 1 minute to 15 days (CloudWatch's limit for a mute rule); got `
      + `${duration.toHumanString()}.`);
  }
}
