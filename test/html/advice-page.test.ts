// The HTML advice page on the worked cases with the shipped rules, beyond its golden files
// (test/advise/golden.test.ts): self-contained (no script, no request), every text the user gave
// escaped, three accessible pictures each with its text equivalent, and a document a screen reader
// can walk (lang, landmarks, headings in order, table headers with scope, unique ids).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Advice, Answers, Lang } from '../../src/core/advice.ts';
import { evaluate } from '../../src/core/engine.ts';
import { explain } from '../../src/core/explain.ts';
import { renderAdviceHtml, renderSummaryHtml } from '../../src/report/html/advice-page.tsx';
import { htmlStrings } from '../../src/report/html/html-strings.ts';
import { STYLESHEET } from '../../src/report/html/styles.ts';
import { ui } from '../../src/report/ui-strings.ts';
import { ROOT } from '../advise/helpers.ts';
import { shippedRules as rules } from '../shipped-rules.ts';

const AS_OF = '2026-11-27';
const CASES = ['baas', 'cue2walk', 'cva-portaal', 'healthy-chronos', 'peri-operatief'];

function answersOf(name: string): Answers {
  return parse(readFileSync(join(ROOT, 'data', `${name}.yaml`), 'utf8')) as Answers;
}

function page(answers: Answers, lang: Lang = 'nl', edit?: (a: Advice) => Advice): string {
  const evaluated = evaluate(rules, answers, { asOf: AS_OF, lang });
  const advice = edit ? edit(evaluated) : evaluated;
  const explanation = explain(rules, answers, { asOf: AS_OF, lang, advice: evaluated });
  return renderAdviceHtml(advice, { rules, lang, answers, explanation });
}

/** The text between the tags (entities as written), for what a reader sees. */
const tags = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map((m) => m[0]);

describe('the HTML advice page of the worked cases', () => {
  for (const name of CASES) {
    for (const lang of ['nl', 'en'] as const) {
      it(`${name} (${lang}) is one self-contained, accessible document`, () => {
        const html = page(answersOf(name), lang);
        expect(html.startsWith(`<!doctype html>\n<html lang="${lang}">`)).toBe(true);
        // nothing runs, nothing is fetched
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/<link\b/i);
        expect(html).not.toMatch(/<(img|iframe|object|embed|video|audio|source)\b/i);
        expect(html).not.toMatch(/<[a-z][^>]*\s(src|srcset|xlink:href|on[a-z]+)=/i);
        expect(STYLESHEET).not.toMatch(/@import|url\(/i);
        // the one stylesheet, as it is, is the only markup not escaped
        expect(html).toContain(`<style>${STYLESHEET}</style>`);
        expect(STYLESHEET).not.toContain('<');
        expect(tags(html, 'style')).toHaveLength(1);
        // landmarks, one h1, headings that never skip a level
        expect(tags(html, 'header')).toHaveLength(1);
        expect(tags(html, 'main')).toHaveLength(1);
        expect(tags(html, 'h1')).toHaveLength(1);
        const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
        levels.forEach((l, i) => {
          if (i > 0) expect(l, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
        });
        // every header cell says what it heads
        for (const th of tags(html, 'th')) expect(th).toMatch(/scope="(col|row)"/);
        // ids are unique, and every reference points at one
        const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
        expect(new Set(ids).size).toBe(ids.length);
        for (const m of html.matchAll(/\s(?:aria-labelledby|aria-describedby)="([^"]+)"/g)) {
          for (const id of m[1]!.split(' ')) expect(ids).toContain(id);
        }
        for (const m of html.matchAll(/\shref="#([^"]+)"/g)) expect(ids).toContain(m[1]);
        // every checkbox has a name
        for (const input of tags(html, 'input')) expect(input).toMatch(/aria-label="[^"]+"/);
        // every link to the outside goes to a web address the rules name, by its title
        for (const m of html.matchAll(/<a href="([^"#][^"]*)">([^<]*)<\/a>/g)) {
          expect(m[1]).toMatch(/^https?:\/\//);
          expect(m[2]!.length).toBeGreaterThan(3);
        }
      });
    }
  }

  it('draws three pictures, each an accessible image with a title, next to its text', () => {
    for (const name of ['cva-portaal', 'baas']) {
      const html = page(answersOf(name));
      const svgs = tags(html, 'svg');
      expect(svgs, name).toHaveLength(3);
      for (const svg of svgs) {
        expect(svg).toContain('role="img"');
        const [title] = svg.match(/aria-labelledby="([^" ]+)/)!.slice(1);
        expect(html).toMatch(new RegExp(`<title id="${title}">[^<]+</title>`));
      }
      // each inside a figure with a caption
      expect(html.match(/<figure>\n<svg/g)).toHaveLength(3);
      expect(tags(html, 'figcaption')).toHaveLength(3);
    }
  });

  it('ranks the routes in the picture and the table alike, with the fit in words', () => {
    const answers = answersOf('cva-portaal');
    const advice = evaluate(rules, answers, { asOf: AS_OF, lang: 'nl' });
    const html = page(answers);
    const chart = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    const fit = ui('nl').fit;
    advice.routes.forEach((r, i) => {
      expect(chart).toContain(`${fit[r.fit]} · ${r.score}`);
      expect(chart).toContain(`${i + 1}. `);
    });
    const table = html.slice(
      html.indexOf('id="ranking"'),
      html.indexOf('</table>', html.indexOf('id="ranking"')),
    );
    expect(table.match(/<tr>/g)).toHaveLength(advice.routes.length + 1);
  });

  it('shows the cost/benefit per party, the transfers, and the arrangements', () => {
    const answers = answersOf('cva-portaal');
    const advice = evaluate(rules, answers, { asOf: AS_OF, lang: 'nl' });
    const cb = advice.costBenefit!;
    expect(cb.transfers.length).toBeGreaterThan(0);
    const html = page(answers);
    const s = ui('nl');
    const section = html.slice(html.indexOf('id="cost-benefit"'));
    expect(section).toContain(s.transfers);
    for (const a of cb.arrangements) expect(section).toContain(s.arrangement[a]!);
    expect(section).toContain('€ 2.000.000');
  });

  it('without figures says none were given, shows who pays and who benefits, and the arrangements', () => {
    const answers = answersOf('baas');
    const advice = evaluate(rules, answers, { asOf: AS_OF, lang: 'nl' });
    expect(advice.costBenefit).toBeNull();
    expect(advice.arrangements!.length).toBeGreaterThan(0);
    const html = page(answers);
    const h = htmlStrings('nl');
    const section = html.slice(html.indexOf('id="cost-benefit"'));
    expect(section).toContain(h.cbNoFigures);
    expect(section).toContain(`<strong>${h.pays}:</strong> Ziekenhuis`);
    for (const a of advice.arrangements!) expect(section).toContain(ui('nl').arrangement[a]!);
  });

  it('cites sources by number and lists them by title, with a link where there is an address', () => {
    const html = page(answersOf('cue2walk'));
    const cited = new Set([...html.matchAll(/href="#bron-(\d+)"/g)].map((m) => Number(m[1])));
    const listed = [...html.matchAll(/<li id="bron-(\d+)" value="\d+">/g)].map((m) => Number(m[1]));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).toEqual(listed.map((_n, i) => i + 1));
    for (const n of cited) expect(listed).toContain(n);
  });

  it('opens with the summary; --summary gives the summary alone', () => {
    const answers = answersOf('cue2walk');
    const advice = evaluate(rules, answers, { asOf: AS_OF, lang: 'nl' });
    const full = page(answers);
    expect(full.indexOf('id="in-short"')).toBeLessThan(full.indexOf('id="recommendation"'));
    const summary = renderSummaryHtml(advice, { rules, lang: 'nl', answers });
    expect(summary).toContain('id="in-short"');
    expect(summary).not.toContain('<svg');
    expect(summary).not.toContain('id="recommendation"');
  });
});

describe('every text the user gives is escaped', () => {
  const EVIL = "<script>alert(1)</script>\"><img src=x onerror=alert(2)> & 'q'";

  it('in the innovation name (title and heading)', () => {
    for (const lang of ['nl', 'en'] as const) {
      const html = page({ ...answersOf('cva-portaal'), innovation_name: EVIL }, lang);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
      const shown =
        "&lt;script>alert(1)&lt;/script>&quot;>&lt;img src=x onerror=alert(2)> &amp; 'q'";
      expect(html).toContain(`<title>${ui(lang).adviceFor(shown)}</title>`);
      expect(html).toContain(`<h1>${ui(lang).adviceFor(shown)}</h1>`);
    }
  });

  it('in any text of the advice, and a contact site that is not a web address is no link', () => {
    const html = page(answersOf('cue2walk'), 'nl', (a) => ({
      ...a,
      routes: a.routes.map((r, i) => (i === 0 ? { ...r, title: EVIL, steps: [EVIL] } : r)),
      stakeholders: a.stakeholders.map((x, i) =>
        i === 0 ? { ...x, name: EVIL, contact: { ask: EVIL, site: 'javascript:alert(3)' } } : x,
      ),
    }));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    // shown as text at most (the summary's whom-to-call line), never as a link
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain(`${htmlStrings('nl').ask}: &lt;script>`);
  });

  it('renders a contact with its site as a named link', () => {
    const html = page(answersOf('cue2walk'), 'en', (a) => ({
      ...a,
      stakeholders: a.stakeholders.map((x, i) =>
        i === 0
          ? {
              ...x,
              contact: { ask: 'Ask for the innovation desk.', site: 'https://example.org/desk' },
            }
          : x,
      ),
    }));
    const name = evaluate(rules, answersOf('cue2walk'), { asOf: AS_OF, lang: 'en' })
      .stakeholders[0]!.name;
    expect(html).toContain(
      `Ask: Ask for the innovation desk. · <a href="https://example.org/desk">${htmlStrings('en').site(name)}</a>`,
    );
  });
});
