import { CfnResource, Stack } from 'aws-cdk-lib';

/**
 * Helpers to read resolved CloudFormation values. A "resolved" value is what `Stack.resolve`
 * returns: literals stay literals, tokens become intrinsic objects (`{ Ref }`, `{ 'Fn::GetAtt' }`,
 * `{ 'Fn::Join' }`, `{ 'Fn::ImportValue' }`, ...).
 */

/** Resolves a property of `node` to its CloudFormation form. */
export function resolve(node: CfnResource, value: unknown): any {
  return Stack.of(node).resolve(value);
}

/** True when a resolved value is an intrinsic function (its value is only known at deploy). */
export function isIntrinsic(resolved: unknown): boolean {
  if (resolved === null || typeof resolved !== 'object' || Array.isArray(resolved)) return false;
  const keys = Object.keys(resolved);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** The logical id a resolved `{ Ref }` or `{ 'Fn::GetAtt' }` points at, if it is one. */
export function referencedLogicalId(resolved: unknown): string | undefined {
  if (!isIntrinsic(resolved)) return undefined;
  const value = resolved as { [key: string]: any };
  if (typeof value.Ref === 'string' && !value.Ref.startsWith('AWS::')) return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  return undefined;
}

/** The logical id of a resource in its stack, resolved to a plain string. */
export function logicalIdOf(node: CfnResource): string {
  return Stack.of(node).resolve(node.logicalId);
}

/**
 * Renders a resolved value as one string, so ARNs built with `Fn::Join` can be compared:
 * `{ Ref: X }` becomes `${X}`, `{ 'Fn::GetAtt': [X, 'Arn'] }` becomes `${X.Arn}`, joins are
 * concatenated, and any other intrinsic becomes `<unresolved>` (matches no ARN).
 */
export function render(resolved: unknown): string {
  if (typeof resolved === 'string') return resolved;
  if (typeof resolved === 'number' || typeof resolved === 'boolean') return String(resolved);
  if (!isIntrinsic(resolved)) return '<unresolved>';
  const value = resolved as { [key: string]: any };
  if (typeof value.Ref === 'string') return `\${${value.Ref}}`;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt)) return `\${${getAtt.join('.')}}`;
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    return join[1].map(render).join(join[0]);
  }
  return '<unresolved>';
}

/** A resolved list property as an array (a single value becomes a one-element list). */
export function asList(resolved: unknown): unknown[] {
  if (resolved === undefined || resolved === null) return [];
  return Array.isArray(resolved) ? resolved : [resolved];
}

/** A literal `true` (CloudFormation also accepts the string "true"). */
export function isLiteralTrue(resolved: unknown): boolean {
  return resolved === true || (typeof resolved === 'string' && resolved.toLowerCase() === 'true');
}

/** A literal `false` (or the string "false"). */
export function isLiteralFalse(resolved: unknown): boolean {
  return resolved === false || (typeof resolved === 'string' && resolved.toLowerCase() === 'false');
}

/** Set: not undefined/null/empty string. Intrinsics count as set (presence rules trust tokens). */
export function isSet(resolved: unknown): boolean {
  return resolved !== undefined && resolved !== null && resolved !== '';
}

/**
 * A field of a resolved L1 struct. Resolving an L1 property gives the struct in its TypeScript
 * form (`blockPublicAcls`, `sseAlgorithm`), while raw JSON and escape hatches use CloudFormation's
 * (`BlockPublicAcls`, `SSEAlgorithm`): pass the CloudFormation name and, when the TypeScript name
 * is not simply its lower-camel form, that name too.
 */
export function field(struct: unknown, cfnName: string, tsName?: string): any {
  if (struct === null || typeof struct !== 'object') return undefined;
  const value = struct as { [key: string]: unknown };
  const camel = tsName ?? cfnName.charAt(0).toLowerCase() + cfnName.slice(1);
  return value[cfnName] ?? value[camel];
}
