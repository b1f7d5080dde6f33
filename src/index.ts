// Foundation
export * from './core/environment';
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
export * from './model/monitored-resources';
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
export * from './notifications/alert-topic';
export * from './notifications/alert-routing-options';
export * from './notifications/alert-routing';
export * from './notifications/chat-channel-options';
export * from './notifications/alarm-action-strategy';
export * from './alarms/alarm-settings';
export * from './notifications/alarm-severity';
export * from './notifications/maintenance-window';
export * from './notifications/severity-routing-options';
export * from './alarms/alarm-options';
export * from './alarms/cis-benchmark-options';
export * from './alarms/ml-alarm-definition';
export * from './alarms/ml-alarms';
export * from './events/platform-events';
export * from './alarms/security-alarms';
export * from './alarms/platform-alarms-props';
export * from './alarms/platform-alarms';
export { CisBenchmarkVersion, CisControl } from './alarms/cis-controls';

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
