// The HTML reports in a real browser: the five worked cases (advise --format html) and the example
// portfolio (batch --format html), written through the CLI in-process, as a user gets them, then
// opened in Chromium and checked by the harness (no console error, nothing fetched, no overflow
// at 390 and 1280 px, a PDF, no serious axe violation). The artefacts go to
// <artefactDir>/report/.
//
// The advice pages are one template: axe scans two of them (AXE_SAMPLE) and the portfolio page in
// `npm test`, and every page under INNOROUTE_BROWSER_CHECKS=all (.ci/run).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../advise/helpers.ts';
import { PAGE_TIMEOUT, describeInBrowser, inspectPage, problems, summary } from './harness.ts';

const CASES = ['baas', 'cue2walk', 'cva-portaal', 'healthy-chronos', 'peri-operatief'];
/** The advice's pictures: the ranking, the phases and the cost/benefit (or who pays). */
const PICTURES = { selector: 'svg[role="img"]', count: 3 };
/**
 * The advice pages axe scans by default: the one whose third picture is the cost/benefit (its
 * figures are given) and the largest of those with "who pays" (the most routes, warnings and
 * parties). The other pages differ in their words, not in their elements or colours.
 */
const AXE_SAMPLE = ['cva-portaal.nl', 'healthy-chronos.nl'];

/** Runs the command with --format html --out <out>; the exit code and stderr it must give. */
async function written(
  argv: readonly string[],
  out: string,
  expected: { code: number; stderr: string | RegExp } = { code: 0, stderr: '' },
): Promise<string> {
  const ran = await run([...argv, '--format', 'html', '--out', out]);
  if (typeof expected.stderr === 'string') expect(ran.stderr).toBe(expected.stderr);
  else expect(ran.stderr).toMatch(expected.stderr);
  expect(ran.code).toBe(expected.code);
  return out;
}

describeInBrowser('the HTML reports in a browser', (browser) => {
  const dir = tempDir('innoroute-browser-');

  const advice = (name: string, lang: 'nl' | 'en'): void => {
    it(
      `the advice of ${name} (${lang}): clean, and its three pictures visible`,
      async () => {
        const file = await written(
          ['advise', join(ROOT, 'data', `${name}.yaml`), '--lang', lang],
          join(dir, `${name}.${lang}.html`),
        );
        const html = readFileSync(file, 'utf8');
        expect(html.match(/<svg\b/g)).toHaveLength(PICTURES.count);
        const report = await inspectPage(browser(), {
          name: `report/${name}.${lang}`,
          file,
          visible: PICTURES,
          axe: AXE_SAMPLE.includes(`${name}.${lang}`),
        });
        console.log(summary(report));
        expect(problems(report)).toEqual([]);
      },
      PAGE_TIMEOUT,
    );
  };
  // Dutch, the default, has the long compound words a phone must wrap; English once
  for (const name of CASES) advice(name, 'nl');
  advice('cue2walk', 'en');

  it(
    'the page of the example portfolio: clean, and its picture visible',
    async () => {
      // the example has four rows that cannot be judged, on purpose: exit 1, and the page says so
      const file = await written(
        ['batch', join(ROOT, 'data', 'portfolio-example.csv')],
        join(dir, 'portfolio.html'),
        { code: 1, stderr: /^innoroute: 4 van 35 rijen konden niet worden beoordeeld/ },
      );
      const report = await inspectPage(browser(), {
        name: 'report/portfolio',
        file,
        visible: { selector: 'svg[role="img"]', count: 1 },
      });
      console.log(summary(report));
      expect(problems(report)).toEqual([]);
    },
    PAGE_TIMEOUT,
  );
});
