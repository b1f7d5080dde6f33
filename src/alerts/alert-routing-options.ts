/**
 * Who hears about alarms of each severity, besides the alert topic (`alertEmails`), which is told
 * about every alarm. Each severity with a recipient gets its own encrypted topic
 * (`<project>-<env>-alerts-critical` / `-warning`) that only the alarms of that severity notify.
 *
 * Declared once: `AlertRouting` takes these as part of its props, and `PlatformMonitoring` as
 * `alertRouting`.
 *
 * @experimental alarm severities and routing are new; chat channels are being added here.
 */
export interface AlertRoutingOptions {
  /**
   * Email addresses told about CRITICAL alarms only (e.g. the on-call pager's email gateway). Each
   * recipient must confirm the subscription from the email AWS sends after deployment.
   *
   * @default - no critical topic, unless another critical recipient needs it
   */
  readonly criticalEmails?: string[];

  /**
   * Email addresses told about WARNING alarms only (e.g. a team mailbox read in working hours).
   *
   * @default - no warning topic, unless another warning recipient needs it
   */
  readonly warningEmails?: string[];
}
