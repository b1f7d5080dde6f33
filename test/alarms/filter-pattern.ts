/**
 * An evaluator of CloudWatch Logs JSON filter patterns, for tests: it lets a test prove that a
 * pattern this library writes matches (or does not match) a real AWS event shape.
 *
 * It implements the JSON part of "Filter pattern syntax for metric filters, subscription filters,
 * and filter log events" (Amazon CloudWatch Logs User Guide,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html, subsection
 * "Using filter patterns to match terms in JSON log events",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/matching-terms-json-log-events.html).
 * The section names quoted below are those of the page's published source (GitHub
 * awsdocs/amazon-cloudwatch-logs-user-guide, doc_source/FilterAndPatternSyntax.md); the page's own
 * examples run through this evaluator in filter-pattern.test.ts.
 *
 * Anything else throws rather than guessing: term and phrase patterns (`ERROR -Exiting`, `?ERROR`),
 * space-delimited patterns (`[ip, user, ...]`), regular expressions (`%...%`), `EXISTS`, and
 * selectors other than `$.name`, `.name` and `[N]` (e.g. `$.['cluster.name']`).
 *
 * @param event the log event: a parsed JSON value, or its text (text that is not JSON never
 * matches, as a JSON pattern only applies to JSON events)
 */
export function matchesFilterPattern(pattern: string, event: unknown): boolean {
  const src = pattern.trim();
  // "The metric filter must be enclosed in curly braces { }, to indicate this is a JSON expression"
  // (Matching JSON Terms Using Metric Filters).
  if (!src.startsWith('{') || !src.endsWith('}')) throw new Error(`not a JSON pattern (only JSON patterns are supported): ${pattern}`);
  const tokens = tokenize(src.slice(1, -1), pattern);
  const json = parseEvent(event);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];

  // "You can combine multiple conditions into a compound expression using OR (||) and AND (&&).
  // Parenthesis are allowed and the syntax follows standard order of operations () > && > ||"
  // (JSON Compound Conditions). Every operand is parsed (and so checked) even when the result is known.
  const parseOr = (): boolean => {
    let value = parseAnd();
    while (peek() === '||') { next(); const rhs = parseAnd(); value = value || rhs; }
    return value;
  };
  const parseAnd = (): boolean => {
    let value = parseAtom();
    while (peek() === '&&') { next(); const rhs = parseAtom(); value = value && rhs; }
    return value;
  };
  const parseAtom = (): boolean => {
    const t = next();
    if (t === '(') {
      const value = parseOr();
      if (next() !== ')') throw new Error(`missing ) in ${pattern}`);
      return value;
    }
    if (!t || !SELECTOR.test(t)) throw new Error(`expected a selector ($.name, $.name[0].name), got ${t} in ${pattern}`);
    const actual = json === NOT_JSON ? undefined : select(json, t);
    const op = next();
    // JSON Metric Filter Examples: "{ $.SomeObject IS NULL }", "{ $.SomeOtherObject NOT EXISTS }",
    // "{ $.ThisFlag IS TRUE } ... This also works for boolean filters which check for FALSE value".
    if (op === 'IS') {
      const what = next();
      if (what === 'NULL') return json !== NOT_JSON && actual === null;
      if (what === 'TRUE') return actual === true;
      if (what === 'FALSE') return actual === false;
      throw new Error(`expected NULL, TRUE or FALSE after IS, got ${what} in ${pattern}`);
    }
    if (op === 'NOT') {
      if (next() !== 'EXISTS') throw new Error(`expected EXISTS after NOT in ${pattern}`);
      return json !== NOT_JSON && actual === undefined;
    }
    if (!COMPARISONS.includes(op)) throw new Error(`unsupported operator ${op} in ${pattern}`);
    const literal = next();
    if (literal === undefined || ['(', ')', '&&', '||'].includes(literal)) throw new Error(`expected a value after ${op} in ${pattern}`);
    if (/^%.*%$/.test(literal)) throw new Error(`regular expressions (%...%) are not supported: ${pattern}`);
    return compare(actual, op, literal, pattern);
  };

  const result = parseOr();
  if (pos !== tokens.length) throw new Error(`unparsed input after ${tokens.slice(0, pos).join(' ')} in ${pattern}`);
  return result;
}

const NOT_JSON = Symbol('not JSON');

function parseEvent(event: unknown): unknown {
  if (typeof event !== 'string') return event;
  try {
    return JSON.parse(event);
  } catch {
    return NOT_JSON;
  }
}

/**
 * "Property selectors always start with dollar sign ($), which signifies the root of the JSON.
 * Property selectors are alphanumeric strings that also support '-' and '_' characters. Array
 * elements are denoted with [NUMBER] syntax, and must follow a property" (Matching JSON Terms Using
 * Metric Filters, SELECTOR). `$.coordinates[0][1]` is one of the page's examples.
 */
const SELECTOR = /^\$\.[A-Za-z0-9_-]+(?:\[\d+\])*(?:\.[A-Za-z0-9_-]+(?:\[\d+\])*)*$/;

/**
 * "EQUALITY_OPERATOR Can be either = or !=" (Matching JSON Terms Using Metric Filters) and
 * "NUMERIC_OPERATOR Can be one of the following: =, !=, <, >, <=, or >=" (Numeric Comparisons).
 */
const COMPARISONS = ['=', '!=', '<', '>', '<=', '>='];

/**
 * "NUMBER An integer with an optional + or - sign, a decimal with an optional + or - sign, or a
 * number in scientific notation, which is an integer or a decimal with an optional + or - sign,
 * followed by 'e', followed by an integer with an optional + or - sign" (Numeric Comparisons).
 */
const NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?$/i;

function compare(actual: unknown, op: string, literal: string, pattern: string): boolean {
  const quoted = literal.startsWith('"');
  const expected: string = quoted ? JSON.parse(literal) : literal;
  const numeric = !quoted && NUMBER.test(expected);
  if (!['=', '!='].includes(op) && !numeric) throw new Error(`${op} needs a number, got ${literal} in ${pattern}`);
  // "The SELECTOR must point to a value node (string or number) in the JSON. If it points to an
  // array or object, the filter will not be applied ... both {$.users = 1} and {$.users != 1} will
  // fail to match a log event where users is an array" (JSON Special Considerations). A missing
  // node or null is not a value node either: "If arrayKey is not an array this will be false".
  if (actual === undefined || actual === null || typeof actual === 'object') return false;
  if (numeric && typeof actual === 'number') {
    const n = Number(expected);
    switch (op) {
      case '=': return actual === n;
      case '!=': return actual !== n;
      case '<': return actual < n;
      case '>': return actual > n;
      case '<=': return actual <= n;
      default: return actual >= n;
    }
  }
  // Relational comparisons are documented for numbers only: a string (or boolean) never satisfies them.
  if (!['=', '!='].includes(op)) return false;
  const equal = wildcardEquals(expected, String(actual));
  return op === '=' ? equal : !equal;
}

/**
 * "You can use the asterisk '*' wildcard character to match any text at, before, or after a search
 * term. For example, *Event will match PutEvent and GetEvent. Event* will match EventId and
 * EventName. Ev*ent will only match the actual string Ev*ent" (Matching JSON Terms Using Metric
 * Filters, STRING): a leading or trailing `*` is a wildcard, one inside the term is literal.
 * `{ $.latency = * }` matches any value (Publishing Numerical Values Found in Log Entries).
 */
function wildcardEquals(expected: string, actual: string): boolean {
  if (expected === '*') return true;
  const before = expected.startsWith('*');
  const after = expected.length > 1 && expected.endsWith('*');
  const term = expected.slice(before ? 1 : 0, after ? -1 : undefined);
  if (before && after) return actual.includes(term);
  if (before) return actual.endsWith(term);
  if (after) return actual.startsWith(term);
  return actual === term;
}

function tokenize(body: string, pattern: string): string[] {
  // Strings "with or without quotes"; unquoted ones end at white space, a parenthesis or an operator.
  const re = /\s*("(?:[^"\\]|\\.)*"|&&|\|\||!=|<=|>=|=|<|>|\(|\)|[^\s()=!<>&|"]+)/y;
  const tokens: string[] = [];
  let at = 0;
  while (body.slice(at).trim().length > 0) {
    re.lastIndex = at;
    const m = re.exec(body);
    if (!m) throw new Error(`cannot tokenize "${body.slice(at)}" in ${pattern}`);
    tokens.push(m[1]);
    at = re.lastIndex;
  }
  return tokens;
}

function select(event: unknown, selector: string): unknown {
  let cur: any = event;
  for (const [, name, index] of selector.slice(1).matchAll(/\.([A-Za-z0-9_-]+)|\[(\d+)\]/g)) {
    // An index applies to arrays only ("If arrayKey is not an array this will be false"), a name to objects only.
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) !== (index !== undefined)) return undefined;
    cur = cur[index ?? name];
  }
  return cur;
}
