// The browser harness must be able to fail: each fixture page has one defect, and the harness
// must name it (and a clean page must pass). The artefacts go to <artefactDir>/harness/.
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findChromium, isCi } from './chromium.ts';
import {
  ALL_CHECKS,
  PAGE_TIMEOUT,
  describeInBrowser,
  inspectPage,
  pdfPageCount,
  problems,
  summary,
  type PageCheck,
} from './harness.ts';

const FIXTURES = fileURLToPath(new URL('fixtures', import.meta.url));
const fixture = (name: string, extra: Partial<PageCheck> = {}): PageCheck => ({
  name: `harness/${name}`,
  file: join(FIXTURES, `${name}.html`),
  ...extra,
});

describe('finding Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'innoroute-chromium-'));
  const fake = join(dir, 'chromium-browser');
  writeFileSync(fake, '#!/bin/sh\n');
  chmodSync(fake, 0o755);
  writeFileSync(join(dir, 'chromium'), 'not executable');

  it('takes INNOROUTE_CHROMIUM when set', () => {
    expect(findChromium({ INNOROUTE_CHROMIUM: fake, PATH: '' })).toEqual({
      found: true,
      path: fake,
      how: 'INNOROUTE_CHROMIUM',
    });
  });

  it('does not fall back to PATH when INNOROUTE_CHROMIUM is wrong', () => {
    const lookup = findChromium({ INNOROUTE_CHROMIUM: join(dir, 'nope'), PATH: dir });
    expect(lookup).toEqual({
      found: false,
      reason: `INNOROUTE_CHROMIUM=${join(dir, 'nope')} is not an executable file`,
      misconfigured: true,
    });
  });

  it('looks for chromium, then chromium-browser, on PATH, skipping what is not executable', () => {
    expect(findChromium({ PATH: `/nonexistent:${dir}` })).toMatchObject({
      found: true,
      path: fake,
    });
  });

  it('says what to install when there is none', () => {
    const lookup = findChromium({ PATH: '/nonexistent' });
    expect(lookup).toMatchObject({ found: false, misconfigured: false });
    expect(!lookup.found && lookup.reason).toMatch(/apt-get install chromium/);
  });

  it('knows CI from the CI variable', () => {
    expect([undefined, '', '0', 'false', 'true', '1'].map((CI) => isCi({ CI }))).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});

describe('counting PDF pages', () => {
  it('counts page objects, not the page tree', () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n<< /Type /Pages /Count 2 >>\n<</Type/Page>>\n<< /Type /Page >>',
    );
    expect(pdfPageCount(pdf)).toBe(2);
  });
});

describeInBrowser('the browser harness', (browser) => {
  it(
    'passes a clean page and keeps its screenshots, PDF and axe results',
    async () => {
      const report = await inspectPage(
        browser(),
        fixture('clean', { visible: { selector: 'svg', count: 1 } }),
      );
      expect(problems(report)).toEqual([]);
      expect(report.widths.map((w) => [w.width, w.scrollWidth])).toEqual([
        [390, 390],
        [1280, 1280],
      ]);
      expect(report.widths.map((w) => w.boxes.length)).toEqual([1, 1]);
      for (const w of report.widths) expect(existsSync(w.screenshot)).toBe(true);
      expect(report.pdf).toMatchObject({ pages: 1 });
      if (typeof report.pdf !== 'string') expect(existsSync(report.pdf.path)).toBe(true);
    },
    PAGE_TIMEOUT,
  );

  it(
    'names missing or empty elements that must be visible',
    async () => {
      const report = await inspectPage(
        browser(),
        fixture('clean', {
          name: 'harness/clean-visible',
          visible: { selector: 'svg, h2', count: 2 },
        }),
      );
      expect(problems(report)).toEqual([
        'at 390 px: 1 of at least 2 "svg, h2"',
        'at 1280 px: 1 of at least 2 "svg, h2"',
      ]);
    },
    PAGE_TIMEOUT,
  );

  it(
    'finds horizontal overflow on a phone and names the element',
    async () => {
      const report = await inspectPage(browser(), fixture('overflow'));
      expect(problems(report)).toEqual([
        'horizontal overflow at 390 px: 816 px wide; main > div#wide-table.wide (box 16–816 px, content 800 px wide)',
      ]);
    },
    PAGE_TIMEOUT,
  );

  it(
    'names the element whose text is too wide when no box sticks out',
    async () => {
      const report = await inspectPage(browser(), fixture('overflow-text'));
      expect(problems(report)).toEqual([
        expect.stringMatching(
          /^horizontal overflow at 390 px: \d+ px wide; main > p#long \(box 16–374 px, content \d+ px wide\)$/,
        ),
      ]);
    },
    PAGE_TIMEOUT,
  );

  it(
    'refuses and reports requests to the web (from an image and from CSS) and to other files',
    async () => {
      const report = await inspectPage(browser(), fixture('external-request'));
      const beside = pathToFileURL(join(FIXTURES, 'beside-the-page.css')).href;
      expect([...report.foreignRequests].sort()).toEqual([
        beside,
        'https://example.invalid/banner.png',
        'https://example.invalid/logo.png',
      ]);
      expect(problems(report).sort()).toEqual([
        `request leaves the file: ${beside}`,
        'request leaves the file: https://example.invalid/banner.png',
        'request leaves the file: https://example.invalid/logo.png',
      ]);
    },
    PAGE_TIMEOUT,
  );

  it(
    'reports console errors and uncaught exceptions',
    async () => {
      const report = await inspectPage(browser(), fixture('console-error'));
      expect(problems(report)).toEqual([
        expect.stringMatching(/^console error: something went wrong \(the page:\d+\)$/),
        'console error: uncaught ReferenceError: undefinedFunction is not defined',
      ]);
    },
    PAGE_TIMEOUT,
  );

  it(
    'scans with axe only where asked, except under INNOROUTE_BROWSER_CHECKS=all',
    async () => {
      const report = await inspectPage(
        browser(),
        fixture('axe-serious', { name: 'harness/axe-skipped', axe: false }),
      );
      if (ALL_CHECKS) {
        expect(problems(report)).toEqual([expect.stringMatching(/^axe color-contrast/)]);
      } else {
        expect(report.axe).toBeUndefined();
        expect(problems(report)).toEqual([]);
        expect(summary(report)).toMatch(/; not scanned by axe$/);
      }
    },
    PAGE_TIMEOUT,
  );

  it(
    'fails on a serious axe violation, naming the rule, impact and element',
    async () => {
      const report = await inspectPage(browser(), fixture('axe-serious'));
      expect(problems(report)).toEqual([
        expect.stringMatching(/^axe color-contrast \(serious\): .+ — #faint$/),
      ]);
    },
    PAGE_TIMEOUT,
  );
});
