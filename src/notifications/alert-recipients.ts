import { AlertRoutingOptions } from './alert-routing-options';

/**
 * Everyone the platform's alarms reach, in one place: email addresses told about every alarm
 * (`emails`, subscribed to the alert topic), email addresses per severity (`criticalEmails`,
 * `warningEmails`, each severity on its own encrypted topic), and Slack or Microsoft Teams channels
 * (AWS Chatbot) told about every alarm or one severity, with their channel role and guardrails.
 *
 * `PlatformMonitoring` takes these as `recipients`: `emails` go to its `AlertTopic` (the same
 * `emails` prop), the others to its `AlertRouting` (the same names).
 *
 * @experimental alarm severities, routing and chat channels are new.
 */
export interface AlertRecipients extends AlertRoutingOptions {
  /**
   * Email addresses told about every alarm: subscribed to the alert topic. Each recipient must
   * confirm the subscription from the email AWS sends after deployment.
   *
   * @default - no email subscription to the alert topic
   */
  readonly emails?: string[];
}
