import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { validationError } from './errors';

/**
 * Generic checks of props that JavaScript and Python callers can get wrong without a compiler
 * noticing: a single value where a list belongs, a string that is not a member of an enum, the
 * same entry twice, an empty name. One function per kind of check; every message names the prop
 * and says what to pass instead. Unresolved tokens are never judged. Not part of the public API.
 */

/** Throws unless `value` is undefined or an array (a lone string would be read character by character). */
export function checkList(scope: IConstruct, propName: string, value: unknown): void {
  if (value === undefined || Array.isArray(value)) return;
  throw validationError(scope, `${propName} must be a list; got ${describe(value)}. Wrap a single entry in a list: `
    + `${propName}: [${typeof value === 'string' ? JSON.stringify(value) : '...'}].`);
}

/**
 * Throws unless `value` is undefined, a token, or one of the values of the string enum
 * `enumObject` (whose TypeScript name is `enumName`). Untyped callers can pass any string, and a
 * value we do not know would otherwise fall through to a default branch silently.
 */
export function checkEnumValue(scope: IConstruct, propName: string, value: unknown, enumObject: object, enumName: string): void {
  if (value === undefined || (typeof value === 'string' && Token.isUnresolved(value))) return;
  const members = Object.entries(enumObject).filter(([, v]) => typeof v === 'string') as Array<[string, string]>;
  if (members.some(([, v]) => v === value)) return;
  const hint = typeof value === 'string' ? members.find(([k, v]) => k === value || v.toLowerCase() === value.toLowerCase()) : undefined;
  throw validationError(scope, `${propName} is ${describe(value)}, which is not a ${enumName}: use one of `
    + `${members.map(([k]) => `${enumName}.${k}`).join(', ')}`
    + `${hint ? ` (did you mean ${enumName}.${hint[0]}, whose value is "${hint[1]}"?)` : ''}.`);
}

/** `checkList`, `checkEnumValue` for each entry, and no entry twice. */
export function checkEnumList(scope: IConstruct, propName: string, values: unknown, enumObject: object, enumName: string): void {
  checkList(scope, propName, values);
  const list = (values ?? []) as unknown[];
  list.forEach((v, i) => checkEnumValue(scope, `${propName}[${i}]`, v, enumObject, enumName));
  checkUnique(scope, propName, list.map((v) => ({ key: String(v), shown: `${enumName} "${String(v)}"` })));
}

/**
 * `checkList`, and each entry one of the static members of an enum-like class (such as
 * `cloudtrail.InsightType`, whose members carry a string `value`), and no member twice.
 */
export function checkEnumClassList(scope: IConstruct, propName: string, values: unknown, enumClass: object, className: string): void {
  checkList(scope, propName, values);
  const members = Object.entries(enumClass)
    .filter(([, m]) => m !== null && typeof m === 'object' && typeof (m as { value?: unknown }).value === 'string') as Array<[string, { value: string }]>;
  const list = (values ?? []) as unknown[];
  list.forEach((v, i) => {
    const value = v !== null && typeof v === 'object' ? (v as { value?: unknown }).value : undefined;
    if (members.some(([, m]) => m.value === value)) return;
    const asString = members.find(([, m]) => m.value === v);
    throw validationError(scope, `${propName}[${i}] is ${describe(v)}, which is not a ${className}: use one of `
      + `${members.map(([k]) => `${className}.${k}`).join(', ')}${asString ? ` (here ${className}.${asString[0]}, not the string)` : ''}.`);
  });
  checkUnique(scope, propName, list.map((v) => {
    const value = String((v as { value: string }).value);
    return { key: value, shown: `${className}.${members.find(([, m]) => m.value === value)![0]}` };
  }), 'each can be enabled once');
}

/** An entry of a list, as compared (`key`) and as printed in a message (`shown`). */
export interface ListEntry {
  readonly key: string;
  readonly shown: string;
}

/**
 * Throws if two entries share a key (entries whose key is a token are skipped: two tokens may
 * well differ at deploy time). `consequence` says what the duplicate would cause.
 */
export function checkUnique(scope: IConstruct, propName: string, entries: ListEntry[],
  consequence = 'it would be monitored twice (and counted twice in sums)'): void {
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (Token.isUnresolved(entry.key)) return;
    const first = seen.get(entry.key);
    if (first !== undefined) {
      throw validationError(scope, `${propName} lists ${entry.shown} more than once (entries ${first} and ${i}): `
        + `${consequence}. Remove the duplicate.`);
    }
    seen.set(entry.key, i);
  });
}

/** Throws unless every entry is a non-empty string (tokens pass). */
export function checkNonEmptyStrings(scope: IConstruct, propName: string, values: readonly unknown[], what: string): void {
  values.forEach((v, i) => checkNonEmptyString(scope, `${propName}[${i}]`, v, what));
}

/** Throws unless `value` is a non-empty string without surrounding whitespace (tokens pass). */
export function checkNonEmptyString(scope: IConstruct, propName: string, value: unknown, what: string): void {
  if (typeof value === 'string' && Token.isUnresolved(value)) return;
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw validationError(scope, `${propName} must be a non-empty ${what}; got ${describe(value)}. Remove the entry or pass the ${what}.`);
  }
  if (value.trim() !== value) {
    throw validationError(scope, `${propName} ${JSON.stringify(value)} has leading or trailing whitespace: metric dimensions `
      + `and event patterns compare the ${what} exactly, so it would never match the name AWS shows: pass ${JSON.stringify(value.trim())}.`);
  }
}

/**
 * An options group is an object (or absent): from other languages anything can arrive, and a
 * boolean where an object of options now belongs (`securityAlarms: true`) would otherwise read as
 * `{}`. With `switchable` (an options group that has `enabled`), a boolean is answered with the
 * object to write. Returns the options, or `{}` when absent.
 */
export function checkOptions<T extends object>(scope: IConstruct, propName: string, value: T | undefined, switchable = false): T {
  if (value === undefined) return {} as T;
  if (switchable && typeof value === 'boolean') {
    throw validationError(scope, `${propName} is an object of options with an \`enabled\` switch: write ${propName}: { enabled: ${value} }.`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw validationError(scope, `${propName} must be an object of options (e.g. ${propName}: { ... }); got ${describe(value)}.`);
  }
  return value;
}

/** A value as printed in a message. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
