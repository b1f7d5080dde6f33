// The public API, listed explicitly: every export is a class, interface or enum that jsii publishes
// (and the API check sees). Functions and constants stay internal. No `export *`.
// Foundation
export { DeploymentEnvironment } from './core/environment';
export { PlatformMonitoring } from './platform-monitoring';
export { type PlatformMonitoringProps } from './platform-monitoring-props';
export { type PlatformKeyProps, PlatformKey } from './encryption/platform-key';
export { type KeyPolicyScope, KeyPolicySid, KeyAdminSid } from './encryption/key-policy';

// Logging and audit
export { type LoggingOptions } from './logging/logging-options';
export { PlatformLogGroup, type CentralLoggingProps, CentralLogging } from './logging/central-logging';
export { ServiceLogGroupMode } from './logging/service-log-group-mode';
export { type ApiAccessLogDestinationProps, ApiAccessLogDestination, HttpApiAccessLogDestination } from './logging/api-access-log-destination';
export { LogGroupPlacement } from './logging/log-group-placement';
export { type AuditOptions } from './audit/audit-options';
export { type AuditTrailProps, AuditTrail } from './audit/audit-trail';

// Metrics
export { type DmsReplicationTask, type MonitoredHttpApi, type MonitoredRestApiStage, type HttpApiStageRef } from './model/monitored-resources';
export {
  type MonitoredResourceProps, type MonitoredFunctionsProps, type MonitoredApisProps, type MonitoredPipelineProps,
} from './model/monitored-resource-props';
export { DmsMetrics, type DmsReplicationInstanceMetricsProps, DmsReplicationInstanceMetrics } from './metrics/dms-metrics';
export { type LambdaMetricsProps, LambdaMetrics } from './metrics/lambda-metrics';
export { type RestApiMetricsProps, RestApiMetrics, type HttpApiMetricsProps, HttpApiMetrics } from './metrics/api-gateway-metrics';
export { type GlueJobMetricsProps, GlueJobMetrics } from './metrics/glue-metrics';
export {
  BatchJobStatus, GlueCrawlerOutcome, GlueJobOutcome, type PlatformEventMetricsProps, PlatformEventMetrics,
} from './metrics/platform-event-metrics';
export { type BatchJobQueueMetricsProps, BatchJobQueueMetrics } from './metrics/batch-metrics';
export { AnomalyBandBreach, type MlAnomalyDetectionOptions } from './metrics/ml-anomaly-detection';
export { type MlMetricDefinitionProps, MlMetricDefinition } from './metrics/ml-metric-definition';
export { type MlComponentProps, MlComponent } from './metrics/ml-component';
export { type MlMetricCatalogProps, MlMetricCatalog } from './metrics/ml-catalog';

// Notifications, alarms and event capture
export { type AlertTopicProps, AlertTopic } from './notifications/alert-topic';
export { type AlertRecipients } from './notifications/alert-recipients';
export { type AlertRoutingOptions } from './notifications/alert-routing-options';
export { type AlertRoutingProps, AlertRouting } from './notifications/alert-routing';
export { type ExistingChatChannel, type ChatChannelOptions, type SlackChannel, type TeamsChannel } from './notifications/chat-channel-options';
export { type IAlarmActionStrategy, type SnsAlarmActionStrategyProps, SnsAlarmActionStrategy } from './notifications/alarm-action-strategy';
export { type AlarmSettings } from './alarms/alarm-settings';
export { AlarmSeverity } from './notifications/alarm-severity';
export { type MaintenanceWindow } from './notifications/maintenance-window';
export { type SeverityRoutingOptions } from './notifications/severity-routing-options';
export { type AlarmOptions } from './alarms/alarm-options';
export { type PlatformHealthAlarmOptions } from './alarms/platform-health-options';
export { type SecurityAlarmOptions } from './alarms/security-alarm-options';
export { type CisBenchmarkOptions, type CisControlSeverity } from './alarms/cis-benchmark-options';
export { type MlMetricAlarmDefinition } from './alarms/ml-alarm-definition';
export { type MlAnomalyAlarmOptions, type MlMetricAlarmsProps, MlMetricAlarms } from './alarms/ml-alarms';
export { EventsDeliveryPolicy } from './events/events-delivery-policy';
export { type PlatformEventsProps, PlatformEvents } from './events/platform-events';
export { type SecurityAlarmsProps, SecurityAlarms } from './alarms/security-alarms';
export { type PlatformAlarmsProps } from './alarms/platform-alarms-props';
export { PlatformAlarms } from './alarms/platform-alarms';
export { CisBenchmarkVersion, CisControl } from './alarms/cis-controls';

// Dashboards
export { type DashboardOptions, type PlatformDashboardProps } from './dashboards/dashboard-props';
export { type DataPipelineDashboardProps, DataPipelineDashboard } from './dashboards/data-pipeline-dashboard';
export { type ApiPerformanceDashboardProps, ApiPerformanceDashboard } from './dashboards/api-performance-dashboard';
export { type MlPerformanceDashboardProps, MlPerformanceDashboard } from './dashboards/ml-performance-dashboard';

// Compliance
export { type PlatformMonitoringChecksProps, PlatformMonitoringChecks } from './nag/platform-monitoring-checks';

// Many accounts
export { TelemetryType } from './cross-account/telemetry-type';
export { type MonitoringAccountSinkProps, MonitoringAccountSink } from './cross-account/monitoring-account-sink';
export { type SourceAccountLinkProps, SourceAccountLink, PlatformLinkFilter } from './cross-account/source-account-link';
export { type CrossAccountAlertOptions } from './cross-account/cross-account-alert-options';
