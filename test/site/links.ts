// Reading a written site back, and checking its links: every href and src that is not a web
// address must name a file of the site, and a #fragment an id on that page.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** Every file of a directory, by path from it (forward slashes), with its text. */
export function readTree(dir: string, base = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${e.name}` : e.name;
    if (e.isDirectory()) for (const [k, v] of readTree(dir, rel)) out.set(k, v);
    else out.set(rel, readFileSync(join(dir, rel), 'utf8'));
  }
  return out;
}

const unescape = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<');

/** The links and sources a page names: [attribute, value]. */
export function linksOf(html: string): [string, string][] {
  return [...html.matchAll(/\s(href|src|action)="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]);
}

function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => unescape(m[1]!)));
}

/** What does not resolve, one line each: `page: href (why)`. */
export function brokenLinks(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsIn = (p: string) => {
    if (!ids.has(p)) ids.set(p, idsOf(files.get(p) ?? ''));
    return ids.get(p)!;
  };
  for (const [page, html] of files) {
    if (!page.endsWith('.html')) continue;
    for (const [, link] of linksOf(html)) {
      if (/^(https?|mailto):/.test(link)) continue;
      if (/^[a-z]+:/i.test(link) || link.startsWith('/')) {
        problems.push(`${page}: ${link} (not a relative link)`);
        continue;
      }
      const [path, hash] = link.split('#', 2) as [string, string | undefined];
      const target = path === '' ? page : posix.normalize(posix.join(posix.dirname(page), path));
      if (!files.has(target)) {
        problems.push(`${page}: ${link} (no file ${target})`);
        continue;
      }
      if (hash !== undefined && hash !== '' && target.endsWith('.html') && !idsIn(target).has(hash))
        problems.push(`${page}: ${link} (no id "${hash}" on ${target})`);
    }
  }
  return problems;
}
