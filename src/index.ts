// Foundation
export * from './environment';
export * from './platform-monitoring';
export * from './platform-monitoring-props';
export * from './encryption/platform-key';
export * from './encryption/key-policy';

// Logging and audit
export * from './logging/logging-options';
export * from './logging/central-logging';
export * from './logging/service-log-group-mode';
export * from './logging/api-access-log-destination';
export { LogGroupPlacement } from './logging/log-group-placement';
export * from './audit/audit-options';
export * from './audit/audit-trail';

// Metrics
export * from './metrics/monitored-resources';
export * from './metrics/dms-metrics';
export * from './metrics/lambda-metrics';
export * from './metrics/api-gateway-metrics';
export * from './metrics/glue-metrics';
export * from './metrics/platform-event-metrics';
export * from './metrics/batch-metrics';
export * from './metrics/ml-anomaly-detection';
export * from './metrics/ml-metric-definition';
export * from './metrics/ml-component';
export * from './metrics/ml-catalog';

// Alerts
export * from './alerts/alert-topic';
export * from './alerts/alert-routing-options';
export * from './alerts/alert-routing';
export * from './alerts/chat-channel-options';
export * from './alerts/alarm-action-strategy';
export * from './alerts/alarm-settings';
export * from './alerts/alarm-severity';
export * from './alerts/maintenance-window';
export * from './alerts/severity-routing-options';
export * from './alerts/alarm-options';
export * from './alerts/cis-benchmark-options';
export * from './alerts/ml-alarm-definition';
export * from './alerts/ml-alarms';
export * from './alerts/platform-events';
export * from './alerts/security-alarms';
export * from './alerts/platform-alarms-props';
export * from './alerts/platform-alarms';
export { CisBenchmarkVersion, CisControl } from './alerts/cis-controls';

// Dashboards
export * from './dashboards/dashboard-props';
export * from './dashboards/data-pipeline-dashboard';
export * from './dashboards/api-performance-dashboard';
export * from './dashboards/ml-performance-dashboard';

// Compliance
export * from './nag/platform-monitoring-checks';

// Many accounts
export * from './cross-account/telemetry-type';
export * from './cross-account/monitoring-account-sink';
export * from './cross-account/source-account-link';
export * from './cross-account/cross-account-alert-options';
