/**
 * The README and docs/*.md link only inside the repository (issue 12): a reader of the repository
 * has nothing else. Every markdown link, image, reference definition, autolink, bare URL and HTML
 * href/src must name a file (or folder) of the repository by a relative path, optionally with an
 * #anchor that must match a heading of the target markdown file. No http(s), mailto or other
 * scheme, no path escaping the repository, nothing ignored by git (dist/, .preview/...).
 * Code spans and fenced code blocks are text, not links, and are skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

export interface Link { target: string; line: number; kind: string }

/** Fenced code blocks become blank lines (keeping line numbers); code spans become spaces. */
function stripCode(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | null = null;
  const kept = lines.map((line) => {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length && line.trim() === open[1]) fence = null;
      return '';
    }
    if (open) {
      fence = open[1];
      return '';
    }
    return line;
  });
  // A code span: a run of N backticks up to the next run of exactly N backticks (may span lines).
  return kept.join('\n').replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (m) => m.replace(/[^\n]/g, ' '));
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Every link-like destination in a markdown text. */
export function extractLinks(markdown: string): Link[] {
  const text = stripCode(markdown);
  const links: Link[] = [];
  const add = (target: string, index: number, kind: string) => links.push({ target, line: lineAt(text, index), kind });
  let m: RegExpExecArray | null;

  // Inline links and images: [text](dest "title") / ![alt](<dest>). Link text may hold one level of brackets.
  const inline = /!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
  while ((m = inline.exec(text))) add(m[1].replace(/^<|>$/g, ''), m.index, m[0].startsWith('!') ? 'image' : 'link');

  // Reference definitions: [label]: dest
  const definition = /^ {0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)/gm;
  while ((m = definition.exec(text))) add(m[1].replace(/^<|>$/g, ''), m.index, 'reference');

  // Autolinks: <scheme:...> and <user@host>.
  const autolink = /<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>/g;
  while ((m = autolink.exec(text))) add(m[1], m.index, 'autolink');

  // Raw HTML attributes.
  const html = /<[a-zA-Z][^>]*?\s(?:href|src)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/g;
  while ((m = html.exec(text))) add(m[2] ?? m[3] ?? m[4] ?? '', m.index, 'html');

  // Bare URLs, which GitHub links by itself (outside the destinations found above).
  const withoutDestinations = text
    .replace(inline, (s) => s.replace(/[^\n]/g, ' '))
    .replace(definition, (s) => s.replace(/[^\n]/g, ' '))
    .replace(autolink, (s) => s.replace(/[^\n]/g, ' '))
    .replace(html, (s) => s.replace(/[^\n]/g, ' '));
  const bare = /(?:\b[a-zA-Z][a-zA-Z0-9+.-]*:\/\/|\bwww\.)[^\s<>)\]]+/g;
  while ((m = bare.exec(withoutDestinations))) add(m[0], m.index, 'bare URL');

  return links;
}

/** GitHub's heading anchors (github-slugger): lower case, punctuation dropped, spaces to hyphens, -1, -2 for repeats. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of stripCode(markdown).split('\n')) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const textOnly = heading[1]
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/[*`]/g, '');
    const base = textOnly.toLowerCase().trim()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) || 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

function ignoredByGit(path: string): boolean {
  const result = spawnSync('git', ['check-ignore', '-q', path], { cwd: ROOT });
  return result.status === 0; // 1: not ignored; 128: no git here (then nothing to check)
}

/** Why a link from `file` does not resolve inside the repository, or null when it does. */
export function problemOf(file: string, target: string): string | null {
  if (target === '') return 'an empty link';
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(target) || target.startsWith('//') || /^www\./i.test(target)) {
    return 'links outside the repository (a URL); write it as plain text';
  }
  if (/^[^\s/#]+@[^\s/#]+\.[^\s/#]+$/.test(target)) return 'is an email address; write it as plain text';
  const hash = target.indexOf('#');
  const pathPart = hash === -1 ? target : target.slice(0, hash);
  const anchor = hash === -1 ? null : target.slice(hash + 1);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart.split('?')[0]);
  } catch (_e) {
    return 'is not a valid path';
  }
  if (isAbsolute(decoded) || decoded.startsWith('/')) return 'is an absolute path; use a path relative to the file';
  const resolved = decoded === '' ? file : resolve(dirname(file), decoded);
  const fromRoot = relative(ROOT, resolved);
  if (fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) return 'leaves the repository';
  // The pages under docs/ are published on their own (the listing's privacy and terms links):
  // they link each other only, and name the rest of the repository in words.
  const docsDir = join(ROOT, 'docs');
  if (dirname(file) === docsDir && relative(docsDir, resolved).startsWith('..')) {
    return 'leaves docs/; a page published on its own cannot follow it: name it in words';
  }
  if (!existsSync(resolved)) return `names ${fromRoot || '.'}, which does not exist`;
  if (fromRoot !== '' && ignoredByGit(fromRoot)) return `names ${fromRoot}, which git ignores (not in the repository)`;
  if (anchor !== null && anchor !== '' && statSync(resolved).isFile() && resolved.endsWith('.md')) {
    const wanted = decodeURIComponent(anchor).toLowerCase();
    if (!headingAnchors(readFileSync(resolved, 'utf8')).has(wanted)) return `has no heading #${anchor} in ${fromRoot}`;
  }
  return null;
}

function markdownFiles(): string[] {
  const docs = join(ROOT, 'docs');
  const inDocs = existsSync(docs) ? readdirSync(docs).filter((f) => f.endsWith('.md')).map((f) => join(docs, f)) : [];
  return [join(ROOT, 'README.md'), ...inDocs.sort()];
}

describe('the checker itself', () => {
  const sample = [
    '# Title',
    'See [the spec](../shared/SPEC.md), <https://example.com/x>, www.example.org and https://a.b/c.',
    '![img](docs/icon-128.png) [ok](#title) [bad anchor](#nope) [mail](mailto:a@b.c) <me@example.com>',
    '[ref]: https://example.com/ref',
    '<a href="http://h.example/">x</a>',
    'Code is not a link: `https://in.code/` and `[x](../y)`.',
    '```',
    '[in a fence](../z) https://in.fence/',
    '```',
  ].join('\n');
  const file = join(ROOT, 'README.md');
  const found = extractLinks(sample);

  it('finds links, images, references, autolinks, bare URLs and HTML, but nothing in code', () => {
    expect(found.map((l) => l.target)).toEqual(expect.arrayContaining([
      '../shared/SPEC.md', 'https://example.com/x', 'www.example.org', 'https://a.b/c.', 'docs/icon-128.png', '#title',
      '#nope', 'mailto:a@b.c', 'me@example.com', 'https://example.com/ref', 'http://h.example/',
    ]));
    expect(found.map((l) => l.target).join(' ')).not.toMatch(/in\.code|in\.fence|\.\.\/y|\.\.\/z/);
  });

  it('refuses URLs, email addresses, escapes and missing files; accepts files and anchors of the repository', () => {
    expect(problemOf(file, 'https://script.google.com/home/usersettings')).toMatch(/outside/);
    expect(problemOf(file, 'mailto:a@b.c')).toMatch(/outside/);
    expect(problemOf(file, 'me@example.com')).toMatch(/email/);
    expect(problemOf(file, '../shared/SPEC.md')).toMatch(/leaves the repository/);
    expect(problemOf(file, 'docs/../../x.md')).toMatch(/leaves the repository/);
    expect(problemOf(file, 'docs/nothing-here.md')).toMatch(/does not exist/);
    expect(problemOf(file, '/etc/passwd')).toMatch(/absolute/);
    expect(problemOf(file, 'package.json')).toBeNull();
    expect(problemOf(file, '#the-two-commands')).toBeNull();
    expect(problemOf(file, '#no-such-heading')).toMatch(/no heading/);
  });

  it('computes GitHub heading anchors', () => {
    const anchors = headingAnchors('# Deploy with clasp\n## Automation: the monthly audit\n## Publishing, privacy and terms\n## A\n## A\n');
    expect([...anchors]).toEqual(['deploy-with-clasp', 'automation-the-monthly-audit', 'publishing-privacy-and-terms', 'a', 'a-1']);
  });
});

describe('README.md and docs/*.md link only inside the repository', () => {
  const files = markdownFiles();

  it('covers the README and the publishing, privacy and terms pages', () => {
    const names = files.map((f) => relative(ROOT, f).split(sep).join('/'));
    expect(names).toEqual(expect.arrayContaining(['README.md', 'docs/publishing.md', 'docs/privacy.md', 'docs/terms.md']));
  });

  it.each(files.map((f) => [relative(ROOT, f).split(sep).join('/'), f]))('%s', (_name, file) => {
    const problems = extractLinks(readFileSync(file, 'utf8'))
      .map((link) => ({ link, problem: problemOf(file, link.target) }))
      .filter((p) => p.problem !== null)
      .map(({ link, problem }) => `line ${link.line}: ${link.kind} "${link.target}" ${problem}`);
    expect(problems).toEqual([]);
  });

  it('the README links the publishing, privacy and terms pages', () => {
    const targets = extractLinks(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((l) => l.target);
    expect(targets).toEqual(expect.arrayContaining(['docs/publishing.md', 'docs/privacy.md', 'docs/terms.md']));
  });
});
