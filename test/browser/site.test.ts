// The static site in Chromium: the start page, a route, the borders page and an example get the
// harness's full check (both widths, print, axe, screenshots), and the search works from disk: a
// query finds the Wlz route for a nursing-home sensor. Every other page: site-crawl.test.ts.
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { PAGE_TIMEOUT, describeInBrowser, inspectPage, problems } from './harness.ts';
import { buildSite, FULL_CHECK } from './site.ts';

describeInBrowser('innoroute site in Chromium', (browser) => {
  // built while the browser starts
  const site = buildSite();

  it(
    'the start page, a route, the borders and an example pass the full check',
    async () => {
      const dir = await site;
      for (const page of FULL_CHECK) {
        const report = await inspectPage(browser(), {
          name: `site/${page.replace(/\.html$/, '')}`,
          file: join(dir, page),
          allowUnder: dir,
        });
        expect(problems(report), page).toEqual([]);
      }
    },
    PAGE_TIMEOUT * 4,
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
