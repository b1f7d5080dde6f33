import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { IAlarmActionStrategy, SnsAlarmActionStrategy } from './alarm-action-strategy';
import { AlarmSeverity } from './alarm-severity';
import { AlertRoutingOptions } from './alert-routing-options';
import { AlertTopic } from './alert-topic';
import { SeverityRoutingOptions } from './severity-routing-options';
import { DeploymentEnvironment } from '../environment';
import { validateEmails } from '../private/validation';

/**
 * Properties of `AlertRouting`.
 *
 * @experimental alarm severities and routing are new.
 */
export interface AlertRoutingProps extends AlertRoutingOptions {
  /** The project name (part of the topic names). */
  readonly projectName: string;

  /**
   * The deployment environment (part of the topic names and of the alarm-name prefix trusted to publish).
   *
   * @default DeploymentEnvironment.PROD
   */
  readonly environment?: DeploymentEnvironment;

  /** The customer-managed key encrypting the topics (the platform key: see `AlertTopic.masterKey`). */
  readonly masterKey: kms.IKey;
}

/**
 * One `AlertTopic` per severity that has recipients, and the action strategies that route alarms of
 * that severity to it. Pass `severityActions` to `PlatformAlarms` (or any alarm construct taking
 * `SeverityRoutingOptions`).
 *
 * @experimental alarm severities and routing are new.
 */
export class AlertRouting extends Construct {
  /** The topic of CRITICAL alarms, when there are critical recipients. */
  public readonly criticalTopic?: sns.ITopic;

  /** The topic of WARNING alarms, when there are warning recipients. */
  public readonly warningTopic?: sns.ITopic;

  /** `criticalActions` / `warningActions` notifying the severity topics on ALARM and OK. */
  public readonly severityActions: SeverityRoutingOptions;

  constructor(scope: Construct, id: string, props: AlertRoutingProps) {
    super(scope, id);
    this.criticalTopic = this.topicFor(AlarmSeverity.CRITICAL, props.criticalEmails, props);
    this.warningTopic = this.topicFor(AlarmSeverity.WARNING, props.warningEmails, props);
    this.severityActions = {
      criticalActions: strategyFor(this.criticalTopic),
      warningActions: strategyFor(this.warningTopic),
    };
  }

  private topicFor(severity: AlarmSeverity, emails: string[] | undefined, props: AlertRoutingProps): sns.ITopic | undefined {
    if (!emails || emails.length === 0) return undefined;
    const prop = severity === AlarmSeverity.CRITICAL ? 'criticalEmails' : 'warningEmails';
    validateEmails(this, emails, `alertRouting.${prop}`);
    const id = severity === AlarmSeverity.CRITICAL ? 'Critical' : 'Warning';
    return new AlertTopic(this, id, {
      projectName: props.projectName,
      environment: props.environment,
      masterKey: props.masterKey,
      emails,
      severity,
    }).topic;
  }
}

function strategyFor(topic?: sns.ITopic): IAlarmActionStrategy[] {
  return topic ? [new SnsAlarmActionStrategy({ topics: [topic] })] : [];
}
