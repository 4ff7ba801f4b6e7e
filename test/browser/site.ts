// What the two browser tests of the static site share — site.test.ts (the full check of a few
// pages, and the search) and site-crawl.test.ts (every page reached from the start page), two
// files so that they run side by side: the site, built in-process into a temporary directory, the
// pages that get the full check, and the kinds of page (one template each).
import { join } from 'node:path';
import { run, tempDir } from '../advise/helpers.ts';

/** The pages that get the harness's full check (axe included): the crawl does not scan them again. */
export const FULL_CHECK = [
  'index.html',
  'routes/wlz.provider-budget.html',
  'borders.html',
  'examples/cue2walk.html',
];

/** The site of the shipped rules, written by `innoroute site` in this process: its directory. */
export async function buildSite(): Promise<string> {
  const dir = join(tempDir('innoroute-site-browser-'), 'site');
  const ran = await run(['site', dir, '--as-of', '2026-12-01']);
  if (ran.code !== 0) throw new Error(ran.stderr);
  return dir;
}

/**
 * The template a page is made with: a page at the top has its own; in a folder, the folder's
 * index.html is its list and every other page one item (routes/index.html, routes/<id>.html).
 */
export function kindOf(page: string): string {
  const slash = page.lastIndexOf('/');
  if (slash < 0) return page;
  return page.endsWith('/index.html') ? page : `${page.slice(0, slash)}/*`;
}
