/**
 * The deployment environment a `PlatformMonitoring` instance belongs to.
 *
 * It is part of resource names (so several environments can share one account), sets the
 * `Environment` tag, and chooses safe defaults: PROD retains stateful resources and turns on every
 * security alarm.
 */
export enum DeploymentEnvironment {
  /** Development: short retention is fine, resources may be destroyed with the stack. */
  DEV = 'dev',
  /** Staging: production-like, but resources may be destroyed with the stack. */
  STAGING = 'staging',
  /** Production: audit data is always retained and every security alarm is on. */
  PROD = 'prod',
}
