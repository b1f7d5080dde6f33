// The user documentation (README.md, CONTRIBUTING.md and the guides in docs/): every relative link
// resolves to a file that exists and, for `#anchor` links, to a heading of that file (GitHub's
// heading slugs); and no word from the project's own history is left in it.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/** The documents checked: the README, CONTRIBUTING.md and every guide directly in docs/. */
function documents(): string[] {
  const guides = fs.readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join('docs', f));
  return ['README.md', 'CONTRIBUTING.md', ...guides.sort()];
}

/** The text outside fenced code blocks and inline code spans (where links and headings live). */
function prose(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const m = /^\s*(```+|~~~+)/.exec(line);
    if (m) {
      if (fence === undefined) fence = m[1];
      else if (m[1].startsWith(fence)) fence = undefined;
      lines.push('');
      continue;
    }
    lines.push(fence === undefined ? line.replace(/`[^`]*`/g, (code) => code.replace(/[[\]()]/g, ' ')) : '');
  }
  return lines;
}

/**
 * GitHub's anchor for a heading: the text without markdown (links become their label, code spans
 * lose their backticks), lowercased, every character but letters, digits, spaces, `-` and `_`
 * removed, spaces turned into `-`; a repeated slug gets `-1`, `-2`, ...
 */
export function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const f = /^\s*(```+|~~~+)/.exec(line);
    if (f) {
      if (fence === undefined) fence = f[1];
      else if (f[1].startsWith(fence)) fence = undefined;
      continue;
    }
    const m = fence === undefined ? /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line) : null;
    if (!m) continue;
    const text = m[1]
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/[`*]/g, '');
    const base = text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Every relative link of a document: `[text](target)` and `![alt](target)`, with its line. */
export function relativeLinks(markdown: string): Array<{ target: string; line: number }> {
  const links: Array<{ target: string; line: number }> = [];
  prose(markdown).forEach((text, i) => {
    for (const m of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const target = m[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, ...
      links.push({ target, line: i + 1 });
    }
  });
  return links;
}

/** What is wrong with each relative link of `file` (relative to the repository root), if anything. */
export function brokenLinks(file: string, markdown: string, root = ROOT): string[] {
  const problems: string[] = [];
  for (const { target, line } of relativeLinks(markdown)) {
    const hash = target.indexOf('#');
    const filePart = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
    const anchor = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1));
    const resolved = filePart === '' ? path.join(root, file) : path.join(root, path.dirname(file), filePart);
    const where = `${file}:${line} → ${target}`;
    if (!fs.existsSync(resolved)) {
      problems.push(`${where}: no file ${path.relative(root, resolved)}`);
      continue;
    }
    if (anchor !== undefined) {
      if (!resolved.endsWith('.md')) {
        problems.push(`${where}: an anchor into a file that is not markdown`);
        continue;
      }
      const text = filePart === '' ? markdown : fs.readFileSync(resolved, 'utf-8');
      if (!headingAnchors(text).has(anchor)) {
        problems.push(`${where}: no heading #${anchor} in ${path.relative(root, resolved)}`);
      }
    }
  }
  return problems;
}

/** Words from the project's own history, which mean nothing to a user. */
const HISTORY_WORDS = /\bseed(s|ed)?\b|\bissues?\s*#?\d+/gi;

/** The lines of a document that use a word from the project's history. */
export function historyWords(file: string, markdown: string): string[] {
  const found: string[] = [];
  markdown.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(HISTORY_WORDS)) found.push(`${file}:${i + 1}: "${m[0]}"`);
  });
  return found;
}

describe('user documentation', () => {
  const docs = documents().map((file) => ({ file, markdown: fs.readFileSync(path.join(ROOT, file), 'utf-8') }));

  test('covers the README, CONTRIBUTING.md and the guides', () => {
    expect(docs.map((d) => d.file)).toEqual(expect.arrayContaining([
      'README.md', 'CONTRIBUTING.md', 'docs/alarms-and-routing.md', 'docs/upgrading.md', 'docs/troubleshooting.md',
    ]));
    // Links exist to be checked: a parser that found none would pass everything.
    expect(docs.flatMap((d) => relativeLinks(d.markdown)).length).toBeGreaterThan(50);
  });

  test.each(documents())('every relative link of %s resolves (file and heading)', (file) => {
    const markdown = docs.find((d) => d.file === file)!.markdown;
    expect(brokenLinks(file, markdown)).toEqual([]);
  });

  test.each(documents())('%s has no word from the project\'s history', (file) => {
    const markdown = docs.find((d) => d.file === file)!.markdown;
    expect(historyWords(file, markdown)).toEqual([]);
  });

  test('the README links every guide in docs/', () => {
    const readme = docs.find((d) => d.file === 'README.md')!.markdown;
    const linked = new Set(relativeLinks(readme).map((l) => l.target.split('#')[0]));
    const guides = docs.map((d) => d.file).filter((f) => f.startsWith('docs/'));
    expect(guides.filter((g) => !linked.has(g))).toEqual([]);
  });
});

describe('the checks catch what they are for', () => {
  test('a link to a missing file, a missing heading or a missing same-page heading', () => {
    const markdown = [
      '# Title',
      '## Scale and cost',
      'See [ok](docs/upgrading.md#api-stability), [here](#scale-and-cost), [gone](docs/nope.md),',
      '[bad anchor](docs/upgrading.md#no-such-heading) and [self](#nowhere).',
      '`[not a link](nope.md)` and',
      '```ts',
      '[x](inside-code.md)',
      '```',
    ].join('\n');
    expect(brokenLinks('README.md', markdown)).toEqual([
      'README.md:3 → docs/nope.md: no file docs/nope.md',
      'README.md:4 → docs/upgrading.md#no-such-heading: no heading #no-such-heading in docs/upgrading.md',
      'README.md:4 → #nowhere: no heading #nowhere in README.md',
    ]);
  });

  test('GitHub slugs: code, punctuation, links and repeated headings', () => {
    expect([...headingAnchors([
      '## `PlatformMonitoringChecks`: the rules for your own resources',
      '### Severities: critical pages, warnings wait',
      '## Batch, Glue and DMS signals',
      '## See [Many accounts](x.md)',
      '## Notes',
      '## Notes',
    ].join('\n'))]).toEqual([
      'platformmonitoringchecks-the-rules-for-your-own-resources',
      'severities-critical-pages-warnings-wait',
      'batch-glue-and-dms-signals',
      'see-many-accounts',
      'notes',
      'notes-1',
    ]);
  });

  test('history words', () => {
    expect(historyWords('x.md', 'The seed module (issue 14) and Issue #16; seedless, issues list')).toEqual([
      'x.md:1: "seed"', 'x.md:1: "issue 14"', 'x.md:1: "Issue #16"',
    ]);
  });
});
