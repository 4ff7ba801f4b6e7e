// The summary that opens every advice ("In het kort"): one Summary made from the advice, said the
// same in text and Markdown and given as `summary` in the JSON; in text at most 20 lines at 100
// columns, on the worked cases and on many other answer sets of the shipped rules; Zorg voor
// innoveren named whenever the advice lists it. And the short "what would change the advice"
// section: at most 12 lines, every change it names true when applied to the answers.
import { Chalk } from 'chalk';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answers, Lang } from '../../src/core/advice.ts';
import { evaluate } from '../../src/core/engine.ts';
import { explain } from '../../src/core/explain.ts';
import { briefChanges, CHANGES_MAX_LINES, changesText } from '../../src/report/advice-changes.ts';
import { partyToCall } from '../../src/report/checklists.ts';
import { renderJson, renderSummaryJson } from '../../src/report/json.ts';
import { renderMarkdown, renderSummaryMarkdown } from '../../src/report/markdown.ts';
import { firstSentence, NATIONAL_DESK, summarize } from '../../src/report/summary.ts';
import { SUMMARY_MAX_LINES } from '../../src/report/summary-text.ts';
import { renderSummaryText, renderText, visibleLength } from '../../src/report/text.ts';
import {
  AS_OF_DATES,
  caseAnswers,
  dataAnswers,
  oddAnswers,
  randomAnswers,
  ROOT,
} from '../engine/answer-sets.ts';
import { shippedRules as rules } from '../shipped-rules.ts';

const AS_OF = '2026-11-27';
const plain = new Chalk({ level: 0 });
const worked = dataAnswers(rules);
const LANGS: readonly Lang[] = ['nl', 'en'];

const summaryText = (answers: Answers, lang: Lang, width = 100, asOf = AS_OF) =>
  renderSummaryText(evaluate(rules, answers, { asOf, lang }), {
    rules,
    lang,
    answers,
    chalk: plain,
    width,
  });
const lines = (text: string) => text.replace(/\n$/, '').split('\n');

describe('the summary as data', () => {
  it('has the recommendation, its first step, whom to call, the next two routes, the families that do not pay, the questions and the warnings', () => {
    expect(worked.length).toBeGreaterThanOrEqual(5);
    for (const answers of worked) {
      const advice = evaluate(rules, answers, { asOf: AS_OF, lang: 'nl' });
      const s = summarize(advice, rules, 'nl');
      const [top, second, third] = advice.routes;
      expect(s.recommendation).toMatchObject({ id: top!.id, title: top!.title, fit: top!.fit });
      expect(top!.reasons[0]!.text.startsWith(s.recommendation!.why!)).toBe(true);
      expect(s.firstStep).toBe(top!.steps[0]);
      expect(s.callFirst[0]!.id).toBe(partyToCall(advice, rules, top!, 'nl')!.id);
      expect(s.nextRoutes.map((r) => r.id)).toEqual([second, third].flatMap((r) => r?.id ?? []));
      const paying = new Set(advice.routes.map((r) => r.family));
      expect(s.notPaying.map((f) => f.family).every((f) => !paying.has(f))).toBe(true);
      expect(s.notPaying.length + paying.size).toBe(5);
      for (const f of s.notPaying) {
        const excluded = advice.excluded.filter((x) => x.family === f.family).map((x) => x.id);
        expect(f.excluded).toEqual(excluded);
        expect(f.why === null).toBe(excluded.length === 0);
      }
      expect(s.openQuestions.map((q) => q.id)).toEqual(advice.openQuestions.slice(0, 3));
      expect(s.openQuestions.length + s.moreOpenQuestions).toBe(advice.openQuestions.length);
      expect(s.warnings).toBe(advice.warnings.length);
    }
  });

  it('names Zorg voor innoveren whenever the advice lists it, and only then', () => {
    let named = 0;
    const sets = [...worked, ...caseAnswers(rules, join(ROOT, 'rules'))];
    for (const answers of sets) {
      const advice = evaluate(rules, answers, { asOf: AS_OF, lang: 'nl' });
      const listed = advice.stakeholders.some((x) => x.id === NATIONAL_DESK);
      const s = summarize(advice, rules, 'nl');
      expect(s.callFirst.some((c) => c.id === NATIONAL_DESK)).toBe(listed);
      if (listed) {
        named++;
        expect(summaryText(answers, 'nl')).toContain('Zorg voor innoveren');
      }
    }
    expect(named).toBeGreaterThan(0);
  });

  it('says why in one sentence', () => {
    expect(firstSentence('Zie art. 2.6 van de regeling. Daarna meer.')).toBe(
      'Zie art. 2.6 van de regeling.',
    );
    expect(firstSentence('Bijvoorbeeld o.a. de gemeente betaalt. En meer?')).toBe(
      'Bijvoorbeeld o.a. de gemeente betaalt.',
    );
    expect(firstSentence('Geen punt aan het eind')).toBe('Geen punt aan het eind');
  });
});

describe('the summary in text fits one screen', () => {
  it(`takes at most ${SUMMARY_MAX_LINES} lines of 100 columns on the worked cases, and opens the full report`, () => {
    for (const lang of LANGS) {
      for (const answers of worked) {
        const advice = evaluate(rules, answers, { asOf: AS_OF, lang });
        const opts = { rules, lang, answers, chalk: plain, width: 100 };
        const summary = renderSummaryText(advice, opts);
        expect(lines(summary).length).toBeLessThanOrEqual(SUMMARY_MAX_LINES);
        expect(lines(summary).every((l) => visibleLength(l) <= 100)).toBe(true);
        expect(renderText(advice, opts).startsWith(summary)).toBe(true);
        // the recommendation by name, whom to call and the warnings, all on that screen
        expect(summary).toContain(advice.routes[0]!.title);
        expect(summary).toContain(summarize(advice, rules, lang).callFirst[0]!.name);
        expect(summary).toMatch(lang === 'nl' ? /Waarschuwingen: \d+/ : /Warnings: \d+/);
      }
    }
  });

  it(`takes at most ${SUMMARY_MAX_LINES} lines on other answer sets: rule cases, random and odd ones, at 100, 80 and 60 columns`, () => {
    const sets = [
      ...caseAnswers(rules, join(ROOT, 'rules')),
      ...randomAnswers(rules, 150, 16),
      ...oddAnswers(rules, 30, 16),
    ];
    expect(sets.length).toBeGreaterThan(200);
    const longest = { lines: 0, at: -1 };
    sets.forEach((answers, i) => {
      const lang = LANGS[i % 2]!;
      const asOf = AS_OF_DATES[i % AS_OF_DATES.length]!;
      for (const width of [100, 80, 60]) {
        const n = lines(summaryText(answers, lang, width, asOf)).length;
        if (n > longest.lines) Object.assign(longest, { lines: n, at: i });
      }
    });
    expect(longest.lines).toBeLessThanOrEqual(SUMMARY_MAX_LINES);
  });

  it('shortens what does not fit with "…", least important first, and never drops an item', () => {
    const answers = worked[0]!;
    const wide = lines(summaryText(answers, 'nl', 100));
    const narrow = lines(summaryText(answers, 'nl', 50));
    expect(narrow.length).toBeLessThanOrEqual(SUMMARY_MAX_LINES);
    const labels = (xs: string[]) =>
      xs.map((l) => /^ {2}([^ :][^:]*):/.exec(l)?.[1]).filter(Boolean);
    expect(labels(narrow)).toEqual(labels(wide));
    expect(narrow.some((l) => l.endsWith('…'))).toBe(true);
  });
});

describe('the summary in Markdown and JSON', () => {
  it('Markdown: "In het kort" before the recommendation; --summary is the head of the report', () => {
    for (const answers of worked) {
      const advice = evaluate(rules, answers, { asOf: AS_OF, lang: 'nl' });
      const full = renderMarkdown(advice, { rules, lang: 'nl', answers });
      const head = renderSummaryMarkdown(advice, { rules, lang: 'nl', answers });
      expect(full.startsWith(head.trimEnd())).toBe(true);
      expect(full.indexOf('## In het kort')).toBeGreaterThan(0);
      expect(full.indexOf('## In het kort')).toBeLessThan(full.indexOf('## Aanbevolen route'));
      expect(head).toContain(`**Aanbevolen route:** ${advice.routes[0]!.title}`);
    }
  });

  it('JSON: the contract object with `summary` added at the end; --summary gives its identity and the summary', () => {
    const advice = evaluate(rules, worked[0]!, { asOf: AS_OF, lang: 'en' });
    const summary = summarize(advice, rules, 'en');
    const full = JSON.parse(renderJson(advice, summary)) as Record<string, unknown>;
    expect(Object.keys(full)).toEqual([...Object.keys(advice), 'summary']);
    expect(full.summary).toEqual(JSON.parse(JSON.stringify(summary)));
    const only = JSON.parse(renderSummaryJson(advice, summary)) as Record<string, unknown>;
    expect(Object.keys(only)).toEqual(['schemaVersion', 'ruleset', 'input', 'summary']);
    expect(only.summary).toEqual(full.summary);
    expect(Object.keys(summary)).toEqual([
      'recommendation',
      'firstStep',
      'callFirst',
      'nextRoutes',
      'notPaying',
      'openQuestions',
      'moreOpenQuestions',
      'warnings',
    ]);
  });
});

describe('what would change the advice, in the advice report', () => {
  it(`at most ${CHANGES_MAX_LINES} lines of text; every change it names does what it says`, () => {
    for (const lang of LANGS) {
      for (const answers of worked) {
        const advice = evaluate(rules, answers, { asOf: AS_OF, lang });
        const e = explain(rules, answers, { asOf: AS_OF, lang, advice });
        expect(e.advice).toBe(advice);
        const section = changesText(e, { rules, lang, answers, chalk: plain, width: 100 });
        expect(section.join('\n').split('\n').length).toBeLessThanOrEqual(CHANGES_MAX_LINES);
        const brief = briefChanges(e, rules);
        expect(brief.length).toBeGreaterThan(0);
        for (const b of brief) {
          expect(section.join(' ').replace(/\s+/g, ' ')).toContain(`(${b.route})`);
          const changed = evaluate(
            rules,
            { ...answers, ...b.change.change },
            { asOf: AS_OF, lang },
          );
          const ids = changed.routes.map((r) => r.id);
          if (b.change.effect === 'first') expect(ids[0]).toBe(b.route);
          else expect(ids).toContain(b.route);
        }
      }
    }
  });

  it('is in the full text and Markdown reports, before the sources, when given', () => {
    const answers = worked[1]!;
    const advice = evaluate(rules, answers, { asOf: AS_OF, lang: 'nl' });
    const explanation = explain(rules, answers, { asOf: AS_OF, lang: 'nl', advice });
    const text = renderText(advice, { rules, lang: 'nl', answers, chalk: plain, explanation });
    const md = renderMarkdown(advice, { rules, lang: 'nl', answers, explanation });
    for (const [doc, heading, sources] of [
      [text, '\nWat het advies zou veranderen\n', '\nBronnen\n'],
      [md, '\n## Wat het advies zou veranderen\n', '\n## Bronnen\n'],
    ] as const) {
      expect(doc.indexOf(heading)).toBeGreaterThan(doc.indexOf('Open vragen'));
      expect(doc.indexOf(heading)).toBeLessThan(doc.indexOf(sources));
      expect(doc).toContain('innoroute explain');
    }
    expect(renderText(advice, { rules, lang: 'nl', answers, chalk: plain })).not.toContain(
      'Wat het advies zou veranderen',
    );
  });
});
