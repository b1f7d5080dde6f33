import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { renderForLength, SHARED_QUOTAS } from '../limits/shared-quotas';

/**
 * Splits `items` into consecutive groups whose pattern (`patternOf(group)`) fits EventBridge's
 * 2,048 characters (`SHARED_QUOTAS.eventPatternCharacters`), measured as `TemplateQuotasPlugin`
 * measures it: resolved, every unresolved value at its longest. Greedy in list order, so a list
 * that grows at its end only ever adds to the last group or opens a new one: the rules of the
 * earlier groups keep their patterns. An empty list gives one empty group (the rule then matches
 * every resource of its kind).
 */
export function splitForEventPattern<T>(scope: IConstruct, items: T[], patternOf: (group: T[]) => unknown): T[][] {
  const stack = Stack.of(scope);
  const length = (group: T[]) => JSON.stringify(renderForLength(stack.resolve(patternOf(group)), {})).length;
  const groups: T[][] = [[]];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last.length > 0 && length([...last, item]) > SHARED_QUOTAS.eventPatternCharacters) groups.push([item]);
    else last.push(item);
  }
  return groups;
}
