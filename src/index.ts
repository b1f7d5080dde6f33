export * from './environment';
export * from './platform-monitoring';
export * from './encryption/platform-key';
export * from './nag/platform-monitoring-checks';
