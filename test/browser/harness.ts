// Checks a self-contained HTML page in a real browser: the system Chromium driven by
// playwright-core. One browser per test file (describeInBrowser); each page gets its own context.
//
// inspectPage opens a file:// page and gathers what the browser saw: console errors and uncaught
// exceptions, every request that is not the file itself (or data:/about:), horizontal overflow at
// each width (with the elements that cause it), whether page.pdf() gives a PDF, and axe-core's
// violations. problems() turns that into readable lines; a clean page has none. Screenshots, the
// PDF and the axe results are written to the artefact directory (never into the repository).
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { findChromium, isCi } from './chromium.ts';
import {
  HAS_VIEWPORT_META,
  MEASURE_OVERFLOW,
  measureBoxes,
  type Box,
  type OverflowMeasure,
} from './in-page.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A phone and a laptop. */
export const WIDTHS = [390, 1280] as const;
/** Impacts that fail a page; `moderate` and `minor` are recorded in the artefacts only. */
export const FAILING_IMPACTS: readonly string[] = ['serious', 'critical'];
/** Generous: the machine may be busy; this bounds a hang, it measures nothing. */
export const PAGE_TIMEOUT = 120_000;

/**
 * INNOROUTE_BROWSER_CHECKS=all (as .ci/run sets it): every check on every page, and screenshots of
 * the whole page. Without it (`npm test`) a screenshot shows the first screen at each width — a
 * whole-page one of a long page takes seconds, and checks nothing — and the tests that cover many
 * pages of one template run axe on a sample of them (report.test.ts, site.test.ts).
 */
export const ALL_CHECKS = process.env.INNOROUTE_BROWSER_CHECKS === 'all';

/** Where screenshots, PDFs and axe results go: $INNOROUTE_ARTIFACTS, else test-results/browser. */
export function artefactDir(): string {
  return resolve(process.env.INNOROUTE_ARTIFACTS ?? join(ROOT, 'test-results', 'browser'));
}

/**
 * A describe block with a browser: launched once before its tests, closed after. Without a
 * Chromium the block is skipped with the reason printed — except under CI, where it fails: CI
 * installs the browser (.ci/run), so a missing one is a broken CI, not a reason to skip. A wrong
 * INNOROUTE_CHROMIUM fails too: whoever set it wants the browser tests to run.
 */
export function describeInBrowser(title: string, body: (browser: () => Browser) => void): void {
  const lookup = findChromium();
  if (!lookup.found) {
    if (isCi() || lookup.misconfigured) {
      const hint = lookup.misconfigured ? 'fix or unset it' : 'CI must install it (.ci/run does)';
      describe(title, () => {
        it('needs Chromium', () => {
          throw new Error(`${lookup.reason}; ${hint}`);
        });
      });
    } else {
      console.warn(`browser tests skipped (${title}): ${lookup.reason}`);
      describe.skip(title, () => body(() => undefined as never));
    }
    return;
  }
  describe(title, () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: lookup.path,
        headless: true, // page.pdf() needs headless Chromium
        // as root (containers, CI) Chromium refuses to start with its sandbox
        args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
      });
    }, PAGE_TIMEOUT);
    afterAll(async () => {
      await browser?.close();
    });
    body(() => {
      if (!browser) throw new Error('the browser did not start (see beforeAll)');
      return browser;
    });
  });
}

export interface PageCheck {
  /** Names the artefacts: `<artefactDir>/<name>-390.png` etc.; may contain `/` for a folder. */
  readonly name: string;
  /** The HTML file to open. */
  readonly file: string;
  /**
   * A directory whose files the page may load (a static site's stylesheet and script); without
   * it, only the page's own file.
   */
  readonly allowUnder?: string;
  /** Elements that must be visible (a non-zero box) at every width, and how many at least. */
  readonly visible?: { readonly selector: string; readonly count: number };
  /**
   * Whether axe scans the page (default: yes). A test of many pages of one template scans a
   * sample; under ALL_CHECKS every page is scanned whatever this says.
   */
  readonly axe?: boolean;
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

export interface AxeResults {
  readonly violations: readonly AxeViolation[];
  /** What axe could not decide (e.g. the contrast of text over a picture): to check by eye. */
  readonly incomplete: readonly AxeViolation[];
}

export interface WidthReport extends OverflowMeasure {
  readonly screenshot: string;
  readonly boxes: readonly Box[];
}

export interface PageReport {
  readonly check: PageCheck;
  /** Size of the HTML file. */
  readonly bytes: number;
  readonly consoleErrors: readonly string[];
  /** Requests other than the page's own file, data: and about:, once each (web ones refused). */
  readonly foreignRequests: readonly string[];
  readonly viewportMeta: boolean;
  readonly widths: readonly WidthReport[];
  readonly pdf: { readonly path: string; readonly bytes: number; readonly pages: number } | string;
  /** undefined: not scanned (PageCheck.axe). */
  readonly axe: AxeResults | undefined;
}

function artefact(name: string, suffix: string): string {
  const safe = name
    .split('/')
    .map((part) => part.replace(/[^\w.-]+/g, '_'))
    .join('/');
  const path = join(artefactDir(), `${safe}${suffix}`);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

/** Counts the page objects of a PDF (`/Type /Page`, not `/Pages`). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

function allowedRequest(url: string, own: string, under?: string): boolean {
  return (
    url === own ||
    url.startsWith('data:') ||
    url.startsWith('about:') ||
    (under !== undefined && url.startsWith(under))
  );
}

/** Opens a page, looks at it at each width, prints it to PDF and runs axe; see problems(). */
export async function inspectPage(browser: Browser, check: PageCheck): Promise<PageReport> {
  const own = pathToFileURL(resolve(check.file)).href;
  const under = check.allowUnder
    ? pathToFileURL(resolve(check.allowUnder)).href.replace(/\/?$/, '/')
    : undefined;
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  // axe reads the page's stylesheets itself (XHR): what it does is not the page's doing
  let scanning = false;
  try {
    // nothing leaves the machine: every web request is recorded and refused
    await context.route(
      (url) => /^(https?|wss?):$/.test(url.protocol),
      (route) => route.abort('blockedbyclient'),
    );
    context.on('request', (request) => {
      // once each: a stylesheet may be asked for again to print
      const url = request.url();
      if (scanning) return;
      if (!allowedRequest(url, own, under) && !foreignRequests.includes(url))
        foreignRequests.push(url);
    });
    const page = await context.newPage();
    page.on('websocket', (socket) => foreignRequests.push(socket.url()));
    page.on('console', (message) => {
      if (message.type() !== 'error' || scanning) return;
      const { url, lineNumber } = message.location();
      // a foreign request that failed (web requests are refused): reported once, as a request
      if (foreignRequests.includes(url) && message.text().startsWith('Failed to load resource')) {
        return;
      }
      const where = url ? ` (${url === own ? 'the page' : url}:${lineNumber + 1})` : '';
      consoleErrors.push(`${message.text()}${where}`);
    });
    page.on('pageerror', (error) => {
      if (!scanning) consoleErrors.push(`uncaught ${error.name}: ${error.message}`);
    });

    await page.goto(own, { waitUntil: 'load' });
    const viewportMeta = (await page.evaluate(HAS_VIEWPORT_META)) as boolean;
    const widths: WidthReport[] = [];
    for (const width of WIDTHS) {
      widths.push(await atWidth(page, check, width));
    }
    const pdf = await printPdf(page, check.name);
    scanning = true;
    const axe = check.axe === false && !ALL_CHECKS ? undefined : await scan(page, check.name);
    return {
      check,
      bytes: statSync(check.file).size,
      consoleErrors,
      foreignRequests,
      viewportMeta,
      widths,
      pdf,
      axe,
    };
  } finally {
    await context.close();
  }
}

async function atWidth(page: Page, check: PageCheck, width: number): Promise<WidthReport> {
  await page.setViewportSize({ width, height: 900 });
  const measure = (await page.evaluate(MEASURE_OVERFLOW)) as OverflowMeasure;
  const boxes = check.visible
    ? ((await page.evaluate(measureBoxes(check.visible.selector))) as Box[])
    : [];
  const screenshot = artefact(check.name, `-${width}.png`);
  await page.screenshot({ path: screenshot, fullPage: ALL_CHECKS });
  return { ...measure, screenshot, boxes };
}

async function printPdf(page: Page, name: string): Promise<PageReport['pdf']> {
  try {
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const path = artefact(name, '.pdf');
    writeFileSync(path, pdf);
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return 'page.pdf() gave no PDF';
    return { path, bytes: pdf.length, pages: pdfPageCount(pdf) };
  } catch (error) {
    return `page.pdf() failed: ${(error as Error).message}`;
  }
}

/**
 * axe-core with all its rules on the page as it is now. Legacy mode runs axe in the page itself.
 * Our pages are one document without frames, so the results are the same, without the blank page
 * and the second copy of axe that the default mode uses to gather the results of frames (about
 * half the time of the scan). Of the rules that pass or do not apply, axe returns one element
 * each instead of all: nothing reads them, and serialising them all took a third of the time.
 */
export async function runAxe(page: Page): Promise<AxeRunResults> {
  return new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations', 'incomplete'] })
    .analyze();
}

type AxeRunResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

async function scan(page: Page, name: string): Promise<AxeResults> {
  const results = await runAxe(page);
  const { testEngine, url, violations, incomplete } = results;
  writeFileSync(
    artefact(name, '.axe.json'),
    JSON.stringify({ testEngine, url, violations, incomplete }, null, 2),
  );
  const brief = (found: typeof violations): AxeViolation[] =>
    found.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  return { violations: brief(violations), incomplete: brief(incomplete) };
}

/** What is wrong with a page, one readable line each; a clean page gives []. */
export function problems(report: PageReport): string[] {
  const out: string[] = [];
  for (const error of report.consoleErrors) out.push(`console error: ${error}`);
  for (const url of report.foreignRequests) out.push(`request leaves the file: ${url}`);
  if (!report.viewportMeta) {
    out.push('no <meta name="viewport" content="width=device-width, …">: phones zoom out');
  }
  for (const w of report.widths) {
    if (w.scrollWidth > w.width) {
      const culprits = w.culprits.length > 0 ? w.culprits.join('; ') : 'no single element found';
      out.push(`horizontal overflow at ${w.width} px: ${w.scrollWidth} px wide; ${culprits}`);
    }
    const visible = report.check.visible;
    if (visible) {
      if (w.boxes.length < visible.count) {
        out.push(
          `at ${w.width} px: ${w.boxes.length} of at least ${visible.count} "${visible.selector}"`,
        );
      }
      for (const box of w.boxes.filter((b) => b.width === 0 || b.height === 0)) {
        out.push(`at ${w.width} px: "${visible.selector}" ${box.label} is not visible (empty box)`);
      }
    }
  }
  if (typeof report.pdf === 'string') out.push(report.pdf);
  else if (report.pdf.pages < 1) out.push(`the PDF has no pages (${report.pdf.path})`);
  for (const v of report.axe?.violations.filter((v) => FAILING_IMPACTS.includes(v.impact)) ?? []) {
    out.push(`axe ${v.id} (${v.impact}): ${v.help} — ${v.targets.join(', ')}`);
  }
  return out;
}

/** One line for a test's log: size, PDF pages, axe's violations and what it left undecided. */
export function summary(report: PageReport): string {
  const pdf = typeof report.pdf === 'string' ? 'no PDF' : `PDF ${report.pdf.pages} page(s)`;
  const list = (found: readonly AxeViolation[]): string =>
    found.map((v) => `${v.id} (${v.impact}, ${v.targets.length}×)`).join(', ') || 'none';
  const axe = report.axe
    ? `axe violations: ${list(report.axe.violations)}; undecided: ${list(report.axe.incomplete)}`
    : 'not scanned by axe';
  return `${report.check.name}: ${report.bytes} bytes, ${pdf}; ${axe}`;
}
