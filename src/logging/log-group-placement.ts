import { Stack, Stage, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { functionNameOf } from '../private/literal-names';

/**
 * Where the per-function logging resources (one log group and one metric filter per Lambda
 * function) are created.
 *
 * CloudFormation allows 500 resources per stack; two per function overflow it near 250 functions.
 * Nested stacks hold them in eight shards chosen by a stable hash of each function's construct
 * path, so adding or removing functions never moves another function's log group. CloudFormation
 * also allows 2,500 resources per stack operation, nested stacks included (AWS CloudFormation User
 * Guide, "Understand CloudFormation quotas", cloudformation-limits.html): with 1,000 functions the
 * platform's shards alone hold 2,000, so by default a function defined in another stack has its
 * group in nested stacks under that stack, and its stack operation carries them.
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
  /**
   * A function defined in another top-level stack of the same app, account and Region, whose name
   * is known at synth (an explicit `functionName`), has its group and metric filter in up to eight
   * nested stacks under that stack (sharded as `NESTED_STACKS` does): that stack's deploy carries
   * them, and the platform's stack operation does not grow with such functions (the default).
   * Every other function (imported, of the platform's own stack, or with a generated name) is
   * placed as `NESTED_STACKS` places it.
   *
   * The function's stack then reads the platform key's ARN (one export of the platform's stack),
   * so it deploys after the platform's stack. A function whose name is generated at deploy can't
   * share a stack with such a function: the platform reads its name from that stack, and the two
   * stacks would depend on each other (the synth fails and says so).
   */
  FUNCTION_STACK = 'function-stack',
}

/** Above this many functions, AUTO places per-function resources in nested stacks. */
export const AUTO_NESTED_THRESHOLD = 100;

/** Number of nested-stack shards (fixed, so a function's shard never changes). */
export const NESTED_SHARDS = 8;

/** Whether `placement` puts the per-function resources of `functionCount` functions in nested stacks (of the platform, or of their own stacks). */
export function isNested(placement: LogGroupPlacement, functionCount: number): boolean {
  return placement === LogGroupPlacement.NESTED_STACKS || placement === LogGroupPlacement.FUNCTION_STACK
    || (placement === LogGroupPlacement.AUTO && functionCount > AUTO_NESTED_THRESHOLD);
}

/**
 * The top-level stack that holds `fn`'s per-function resources under `FUNCTION_STACK`, or
 * undefined when they stay with the platform (`platform`: the construct that creates them): `fn` is
 * defined in the app (its `AWS::Lambda::Function` is in the tree), in another top-level stack of
 * the same stage, account and Region, and its name is known at synth.
 */
export function functionStackOf(fn: lambda.IFunction, platform: IConstruct): Stack | undefined {
  const own = topLevelStackOf(Stack.of(fn));
  const here = topLevelStackOf(Stack.of(platform));
  if (own === here || Stage.of(own) !== Stage.of(here)) return undefined;
  if (!(fn.node.defaultChild instanceof lambda.CfnFunction)) return undefined;
  if (own.account !== here.account || own.region !== here.region) return undefined;
  return Token.isUnresolved(functionNameOf(fn)) ? undefined : own;
}

/** The top-level stack above `stack` (itself when it is not nested). */
export function topLevelStackOf(stack: Stack): Stack {
  let top = stack;
  while (top.nestedStackParent) top = top.nestedStackParent;
  return top;
}

/** A stable shard index for a construct path (a polynomial string hash modulo a prime). */
export function shardOf(path: string): number {
  let hash = 0;
  for (let i = 0; i < path.length; i++) {
    hash = (hash * 31 + path.charCodeAt(i)) % 2_147_483_647;
  }
  return hash % NESTED_SHARDS;
}
