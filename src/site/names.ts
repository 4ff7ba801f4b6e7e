// Where each page lives: stable, readable file names made from ids (a route's page is
// routes/zvw.existing-prestatie.html), and links written relative to the page they stand on, so
// that the site opens from disk as well as from any static host.
import type { Phase } from '../core/ids.ts';

export const HREF = {
  index: 'index.html',
  wizard: 'wizard.html',
  borders: 'borders.html',
  pages: 'pages.html',
  routes: 'routes/index.html',
  stakeholders: 'stakeholders/index.html',
  bridges: 'bridge/index.html',
  examples: 'examples/index.html',
  phases: 'phases/index.html',
  style: 'assets/site.css',
  searchScript: 'assets/search.js',
  route: (id: string) => `routes/${fileId(id)}.html`,
  stakeholder: (id: string) => `stakeholders/${fileId(id)}.html`,
  bridge: (id: string) => `bridge/${fileId(id)}.html`,
  example: (slug: string) => `examples/${slug}.html`,
  phase: (phase: Phase) => `phases/${phase}.html`,
} as const;

/** An id as a file name: ids are lower-case letters, digits, "-", "_" and "."; anything else goes. */
function fileId(id: string): string {
  return id.replace(/[^a-z0-9_.-]/gi, '-').replace(/^\.+/, '_');
}

/**
 * A readable slug of a free text (a test case's name): lower case, no accents, words joined by
 * "-", at most `max` characters and cut at a word.
 */
export function slugOf(text: string, max = 60): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  let slug = '';
  for (const w of words) {
    const next = slug === '' ? w : `${slug}-${w}`;
    if (next.length > max) break;
    slug = next;
  }
  return slug === '' ? (words[0]?.slice(0, max) ?? 'page') : slug;
}

/** Hands out slugs, each once: a second "foo" becomes "foo-2". */
export class SlugSet {
  private readonly used = new Set<string>();
  take(slug: string): string {
    let s = slug;
    for (let n = 2; this.used.has(s); n++) s = `${slug}-${n}`;
    this.used.add(s);
    return s;
  }
}

/** The link from the page at `from` to `to` (both paths from the site's root). */
export function relativeHref(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  const [path, hash] = to.split('#', 2) as [string, string | undefined];
  if (path === from && hash !== undefined) return `#${hash}`;
  return `${'../'.repeat(depth)}${path}${hash !== undefined ? `#${hash}` : ''}`;
}
