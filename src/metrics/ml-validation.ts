// Validation helpers of the ML metric catalog. Not part of the public API (not exported from the barrel).
import type { MlComponent } from './ml-component';

/** Names of ML metrics and component prefixes: a letter, then letters, digits or underscores. */
const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

/** Throws unless `value` is a valid ML metric name or prefix. Not part of the public API. */
export function assertMlName(what: string, value: string): void {
  if (!NAME_PATTERN.test(value)) {
    throw new Error(`${what} must start with a letter and contain only letters, digits and underscores (at most 100 `
      + `characters), because it becomes part of a CloudWatch metric name "<prefix>.<metricName>"; got "${value}".`);
  }
}


/**
 * Why a list of components cannot form a catalog (duplicate ids or metric prefixes), or undefined.
 * Not part of the public API.
 */
export function mlComponentsProblem(components: MlComponent[]): string | undefined {
  // Untyped callers can pass one component, or plain objects that skip MlComponent's own checks.
  if (!Array.isArray(components)) return 'mlComponents must be a list of MlComponent; wrap a single component in a list.';
  const notComponent = components.findIndex((c) => c === null || typeof c !== 'object' || typeof (c as MlComponent).metric !== 'function');
  if (notComponent >= 0) {
    return `mlComponents[${notComponent}] is not an MlComponent: create it with new MlComponent({ id, displayName, metricPrefix, `
      + 'metrics }), which checks the id, the prefix and the metric names.';
  }
  const ids = new Set<string>();
  const prefixes = new Set<string>();
  for (const c of components) {
    if (ids.has(c.id)) return `The ML component id "${c.id}" is used more than once: ids must be unique.`;
    if (prefixes.has(c.metricPrefix)) {
      return `The ML metric prefix "${c.metricPrefix}" is used by more than one component: metric names would collide.`;
    }
    ids.add(c.id);
    prefixes.add(c.metricPrefix);
  }
  return undefined;
}
