/**
 * A small evaluator for the subset of CloudWatch Logs JSON filter patterns this library uses:
 * `{ expr }` with `&&`, `||`, parentheses, `$.a.b[0].c` selectors, `=` / `!=` against quoted or
 * bare strings (with `*` wildcards) and `NOT EXISTS`. It exists so tests fail when a field path or
 * value does not match the real AWS event shape.
 */
export function matchesFilterPattern(pattern: string, event: unknown): boolean {
  const src = pattern.trim();
  if (!src.startsWith('{') || !src.endsWith('}')) throw new Error(`not a JSON pattern: ${pattern}`);
  const tokens = tokenize(src.slice(1, -1));
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];

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
    if (!t || !t.startsWith('$.')) throw new Error(`expected a selector, got ${t} in ${pattern}`);
    const actual = select(event, t);
    const op = next();
    if (op === 'NOT') {
      if (next() !== 'EXISTS') throw new Error(`expected EXISTS in ${pattern}`);
      return actual === undefined;
    }
    if (op !== '=' && op !== '!=') throw new Error(`unsupported operator ${op} in ${pattern}`);
    const expected = unquote(next());
    if (actual === undefined || actual === null || typeof actual === 'object') return false;
    const equal = wildcard(expected).test(String(actual));
    return op === '=' ? equal : !equal;
  };

  const result = parseOr();
  if (pos !== tokens.length) throw new Error(`unparsed input after ${tokens.slice(0, pos).join(' ')} in ${pattern}`);
  return result;
}

function tokenize(body: string): string[] {
  const re = /\s*("(?:[^"\\]|\\.)*"|&&|\|\||!=|=|\(|\)|\$\.[A-Za-z0-9_.\-\[\]]+|[^\s()=!&|"]+)/y;
  const tokens: string[] = [];
  let at = 0;
  while (body.slice(at).trim().length > 0) {
    re.lastIndex = at;
    const m = re.exec(body);
    if (!m) throw new Error(`cannot tokenize: ${body.slice(at)}`);
    tokens.push(m[1]);
    at = re.lastIndex;
  }
  return tokens;
}

function select(event: unknown, selector: string): unknown {
  const parts = selector.slice(2).split('.').flatMap((p) => p.split(/\[(\d+)\]/).filter((x) => x !== ''));
  let cur: any = event;
  for (const part of parts) {
    if (cur === undefined || cur === null) return undefined;
    cur = cur[part];
  }
  return cur;
}

function unquote(value: string): string {
  return value.startsWith('"') ? JSON.parse(value) : value;
}

function wildcard(value: string): RegExp {
  return new RegExp(`^${value.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}
