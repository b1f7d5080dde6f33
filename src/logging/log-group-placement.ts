/**
 * Where the per-function logging resources (one log group and one metric filter per Lambda
 * function) are created.
 *
 * CloudFormation allows 500 resources per stack; two per function overflow it near 250 functions.
 * Nested stacks hold them in eight shards chosen by a stable hash of each function's construct
 * path, so adding or removing functions never moves another function's log group.
 */
export enum LogGroupPlacement {
  /**
   * The same stack while there are at most 100 functions; nested stacks above that.
   *
   * Not growth-safe: the 101st function moves every existing per-function log group into a nested
   * stack, and creating a retained group with a fixed name in a new stack while the old stack
   * still holds it fails the deploy. Kept for stacks deployed with it, and warns at synth. It always
   * lays the groups out exactly as `SAME_STACK` (up to 100 functions) or `NESTED_STACKS` (above)
   * does, so switching to that value moves nothing.
   */
  AUTO = 'auto',
  /** Always in the same stack as the construct (fails at synth beyond the stack limit). */
  SAME_STACK = 'same-stack',
  /**
   * Always in up to eight nested stacks, from the first function on, sharded by a stable hash of
   * each function's construct path (the default): a function's group never changes stack.
   */
  NESTED_STACKS = 'nested-stacks',
}

/** Above this many functions, AUTO places per-function resources in nested stacks. */
export const AUTO_NESTED_THRESHOLD = 100;

/** Number of nested-stack shards (fixed, so a function's shard never changes). */
export const NESTED_SHARDS = 8;

/** Whether `placement` puts the per-function resources of `functionCount` functions in nested stacks. */
export function isNested(placement: LogGroupPlacement, functionCount: number): boolean {
  return placement === LogGroupPlacement.NESTED_STACKS
    || (placement === LogGroupPlacement.AUTO && functionCount > AUTO_NESTED_THRESHOLD);
}

/** A stable shard index for a construct path (a polynomial string hash modulo a prime). */
export function shardOf(path: string): number {
  let hash = 0;
  for (let i = 0; i < path.length; i++) {
    hash = (hash * 31 + path.charCodeAt(i)) % 2_147_483_647;
  }
  return hash % NESTED_SHARDS;
}
