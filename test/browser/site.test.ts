// The static site in Chromium, as a visitor meets it: crawled from index.html by its links, every
// page checked at 390 px — the links it shows resolve to pages that load, no console error, no
// request that leaves the site's directory, no horizontal overflow, no serious or critical axe
// violation. A few pages get the harness's full check (both widths, print, screenshots). The
// search works from disk: a query finds the Wlz route for a nursing-home sensor.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { run, tempDir } from '../advise/helpers.ts';
import {
  ALL_CHECKS,
  FAILING_IMPACTS,
  PAGE_TIMEOUT,
  describeInBrowser,
  inspectPage,
  problems,
  runAxe,
} from './harness.ts';
import { MEASURE_OVERFLOW } from './in-page.ts';
import type { OverflowMeasure } from './in-page.ts';

/** Every page loaded, and axe on a sample: minutes on a busy machine (a bound, not a measure). */
const CRAWL_TIMEOUT = 30 * 60_000;
/**
 * axe on every page takes minutes (415 pages, all clean in December 2026); by default it scans the
 * first page of each kind (each is one template) and every AXE_EVERY-th page after, and
 * INNOROUTE_SITE_AXE=all scans them all.
 */
const AXE_ALL = process.env.INNOROUTE_SITE_AXE === 'all';
const AXE_EVERY = 50;
/**
 * Pages of one kind share a template: `npm test` loads the first PAGES_PER_KIND of each kind and
 * every PAGES_EVERY-th page after in the browser (every link of every page still resolves to a
 * file: test/site checks that in-process); INNOROUTE_SITE_PAGES=all loads them all, and so does
 * INNOROUTE_BROWSER_CHECKS=all (as .ci/run sets it).
 */
const PAGES_ALL = AXE_ALL || ALL_CHECKS || process.env.INNOROUTE_SITE_PAGES === 'all';
const PAGES_PER_KIND = 3;
const PAGES_EVERY = 20;

/** The site's pages a page links to, read from its file (paths relative to the site). */
function linksInFile(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page), 'utf8');
  const base = page.includes('/') ? page.slice(0, page.lastIndexOf('/') + 1) : '';
  const out: string[] = [];
  for (const m of html.matchAll(/<a [^>]*href="([^"#?]*)[^"]*"/g)) {
    const href = m[1]!;
    if (href === '' || /^[a-z]+:/.test(href)) continue;
    out.push(posix.normalize(decodeURIComponent(base + href)));
  }
  return out;
}

/** The pages that get the harness's full check (axe included): the crawl does not scan them again. */
const FULL_CHECK = [
  'index.html',
  'routes/wlz.provider-budget.html',
  'borders.html',
  'examples/cue2walk.html',
];

/** The site of the shipped rules, written by `innoroute site` in this process: its directory. */
async function buildSite(): Promise<string> {
  const dir = join(tempDir('innoroute-site-browser-'), 'site');
  const ran = await run(['site', dir, '--as-of', '2026-12-01']);
  if (ran.code !== 0) throw new Error(ran.stderr);
  return dir;
}

/**
 * The template a page is made with: a page at the top has its own; in a folder, the folder's
 * index.html is its list and every other page one item (routes/index.html, routes/<id>.html).
 */
function kindOf(page: string): string {
  const slash = page.lastIndexOf('/');
  if (slash < 0) return page;
  return page.endsWith('/index.html') ? page : `${page.slice(0, slash)}/*`;
}

function htmlFiles(dir: string, base = ''): string[] {
  return readdirSync(join(dir, base), { withFileTypes: true }).flatMap((e) => {
    const rel = base ? `${base}/${e.name}` : e.name;
    return e.isDirectory() ? htmlFiles(dir, rel) : e.name.endsWith('.html') ? [rel] : [];
  });
}

describeInBrowser('innoroute site in Chromium', (browser) => {
  // built while the browser starts
  const site = buildSite();

  it.each(FULL_CHECK)(
    '%s passes the full check',
    async (page) => {
      const dir = await site;
      const report = await inspectPage(browser(), {
        name: `site/${page.replace(/\.html$/, '')}`,
        file: join(dir, page),
        allowUnder: dir,
      });
      expect(problems(report)).toEqual([]);
    },
    PAGE_TIMEOUT,
  );

  it(
    'every page, reached from index.html by its links, resolves and is clean at 390 px',
    async () => {
      const dir = await site;
      const root = pathToFileURL(dir).href + '/';
      const context = await browser().newContext({ viewport: { width: 390, height: 900 } });
      const found: string[] = [];
      try {
        await context.route(
          (url) => /^(https?|wss?):$/.test(url.protocol),
          (route) => route.abort('blockedbyclient'),
        );
        const page = await context.newPage();
        let current = '';
        let scanning = false;
        page.on('request', (r) => {
          if (!scanning && !r.url().startsWith(root) && !r.url().startsWith('data:'))
            found.push(`${current}: request leaves the site: ${r.url()}`);
        });
        page.on('console', (m) => {
          if (!scanning && m.type() === 'error')
            found.push(`${current}: console error: ${m.text()}`);
        });
        page.on('pageerror', (e) => found.push(`${current}: uncaught ${e.message}`));
        // the kinds axe has scanned a page of: those of the full check's pages already
        const kinds = new Set<string>(FULL_CHECK.map(kindOf));
        const perKind = new Map<string, number>();
        let n = 0;
        let visited = 0;
        const seen = new Set<string>(['index.html']);
        const queue = ['index.html'];
        while (queue.length > 0) {
          current = queue.shift()!;
          scanning = false;
          const kind = kindOf(current);
          const count = perKind.get(kind) ?? 0;
          perKind.set(kind, count + 1);
          if (!PAGES_ALL && count >= PAGES_PER_KIND && visited++ % PAGES_EVERY !== 0) {
            // not loaded: its links are still followed from the file, so every page is reached
            for (const target of linksInFile(dir, current)) {
              if (!seen.has(target)) {
                seen.add(target);
                queue.push(target);
              }
            }
            continue;
          }
          const response = await page.goto(root + current, { waitUntil: 'load' });
          if (!response) found.push(`${current}: did not load`);
          const links = (await page.evaluate(
            `[...document.querySelectorAll('a[href]')].map((a) => a.href)`,
          )) as string[];
          for (const href of links) {
            if (!href.startsWith(root)) continue;
            const target = decodeURIComponent(href.slice(root.length).split(/[#?]/)[0]!);
            if (target !== '' && !seen.has(target)) {
              seen.add(target);
              queue.push(target);
            }
          }
          const m = (await page.evaluate(MEASURE_OVERFLOW)) as OverflowMeasure;
          if (m.scrollWidth > m.width)
            found.push(
              `${current}: overflow at 390 px (${m.scrollWidth} px): ${m.culprits.join('; ')}`,
            );
          const sample = !kinds.has(kind) || n++ % AXE_EVERY === 0;
          kinds.add(kind);
          if (FULL_CHECK.includes(current) || (!AXE_ALL && !sample)) continue;
          scanning = true;
          const axe = await runAxe(page);
          for (const v of axe.violations.filter((x) => FAILING_IMPACTS.includes(x.impact ?? '')))
            found.push(`${current}: axe ${v.id} (${v.impact}): ${v.help}`);
        }
        // every page of the site is reachable from the start page, and every link led to a file
        const files = htmlFiles(dir).sort();
        expect([...seen].filter((p) => !files.includes(p))).toEqual([]);
        expect(files.filter((p) => !seen.has(p))).toEqual([]);
        expect(found).toEqual([]);
      } finally {
        await context.close();
      }
    },
    CRAWL_TIMEOUT,
  );
  it(
    'search, from disk: a nursing-home sensor finds a Wlz route in one search and a click',
    async () => {
      const dir = await site;
      const context = await browser().newContext({ viewport: { width: 390, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(pathToFileURL(join(dir, 'index.html')).href);
        await page.fill('#q', 'sensor verpleeghuis');
        const first = page.locator('#search-results a').first();
        await first.click();
        await page.waitForLoadState('load');
        const route = page.locator('main a[href*="routes/wlz."]').first();
        expect(await route.count()).toBe(1);
        // and without script: the form goes to the list of all pages
        const plain = await browser().newContext({ javaScriptEnabled: false });
        const p2 = await plain.newPage();
        await p2.goto(pathToFileURL(join(dir, 'index.html')).href);
        await p2.fill('#q', 'sensor');
        await p2.press('#q', 'Enter');
        await p2.waitForLoadState('load');
        expect(relative(dir, fileURLToPath(p2.url().split('?')[0]!))).toBe('pages.html');
        await plain.close();
      } finally {
        await context.close();
      }
    },
    PAGE_TIMEOUT,
  );
});
