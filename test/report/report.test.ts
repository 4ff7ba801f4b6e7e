import { Chalk } from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderJson, renderJsonLine } from '../../src/report/json.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { fitBar, netChart, renderText, visibleLength, wrap } from '../../src/report/text.ts';
import { formatEuro } from '../../src/report/labels.ts';
import { ui } from '../../src/report/ui-strings.ts';
import { empty, rules, sample } from './sample.ts';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });
const answers = { innovation_name: 'Cue2Walk' };

describe('text report', () => {
  const text = renderText(sample, { rules, lang: 'nl', chalk: plain, width: 100, answers });

  it('leads with the recommendation, its first step and whom to call', () => {
    // after the summary (test/report/summary.test.ts), the recommendation in full
    const head = text.slice(text.indexOf('\nAanbevolen route\n')).split('Andere routes')[0]!;
    expect(text.startsWith('Advies voor Cue2Walk\nRegelset 0.0.1 · peildatum 2026-11-27\n')).toBe(
      true,
    );
    expect(head).toContain('Aanbevolen route');
    expect(head).toContain('Bestaande prestatie');
    expect(head).toContain('█████████░  85 sterk');
    expect(head).toContain('Eerste stap: Ga na welke prestatie past.');
    expect(head).toContain('Neem eerst contact op met: Zorgverzekeraar');
    expect(head).not.toContain('Wmo-maatwerkvoorziening');
  });

  it('has every section, in order', () => {
    const order = [
      'Aanbevolen route',
      'Andere routes',
      'Uitgesloten routes (waarom niet)',
      'Wie betrek je, per fase',
      'Bewijs per route',
      'Overbruggingsfinanciering',
      'Let op',
      'Kosten en baten (euro per jaar)',
      'Open vragen',
      'Bronnen',
      'Controleer',
    ];
    const at = order.map((h) => text.indexOf(`\n${h}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('shows the stakeholders as a checklist by phase with now/next', () => {
    expect(text).toMatch(
      / {2}Verkennen\n {3}\[ \] Gemeente \(nu\): De gemeente beslist over maatwerk\. \[1\]/,
    );
    expect(text).toMatch(/ {2}Implementeren\n {3}\[ \] Zorgverzekeraar \(straks\):/);
    expect(text).toContain('Neem mee: Een businesscase');
  });

  it('numbers the sources in order of citation, with titles from the registry', () => {
    expect(text).toContain('[1]  Fixture document about routes (Fixture Publisher, 2025)');
    expect(text).toContain('[2]  Fixture law https://example.org/law');
    expect(text).toContain('Het past in een bestaande prestatie. [1]');
  });

  it('shows the cost/benefit table, the net chart and the transfers', () => {
    expect(text).toMatch(/│ Ziekenhuis\s+│\s+€ 500\.000 │\s+€ 200\.000 │\s+-€ 300\.000 │/);
    expect(text).toMatch(/│ Totaal\s+│\s+€ 500\.000 │\s+€ 950\.000 │\s+\+€ 450\.000 │/);
    expect(text).toContain('Netto per partij');
    expect(text).toMatch(/Ziekenhuis\s+-€ 300\.000 +▓+│\n/);
    expect(text).toMatch(/Zorgverzekeraar\s+\+€ 750\.000 +│█+\n/);
    expect(text).toContain('Zorgverzekeraar → Ziekenhuis: € 300.000');
    expect(text).toContain('gedeelde besparingen (shared savings)');
    expect(text).toContain('Verkeerde zak');
  });

  it('lists open questions by their text and the notes to confirm', () => {
    expect(text).toContain('? In welke fase zit je? (phase)');
    expect(text).toContain('• Bestaande prestatie: Bevestig bij de NZa.');
    expect(text).toContain('• Fixturefonds: Bevestig bij het fonds.');
  });

  it('gives the disclaimer of the rule set once, before the advice', () => {
    const disclaimer = 'Fixture-disclaimer. Dit is een oriëntatie, geen juridisch advies.';
    expect(text.indexOf(disclaimer)).toBeGreaterThan(0);
    expect(text.indexOf(disclaimer)).toBeLessThan(text.indexOf('Aanbevolen route'));
    expect(text.indexOf(disclaimer)).toBe(text.lastIndexOf(disclaimer));
  });

  it('has no escape codes without colour, and wraps to the width', () => {
    expect(text).toBe(stripVTControlCharacters(text));
    const narrow = renderText(sample, { rules, lang: 'nl', chalk: plain, width: 60, answers });
    for (const line of narrow.split('\n')) {
      // a single word longer than the line may stick out; none here is
      if (
        !line.includes('│') &&
        !line.includes('┌') &&
        !line.includes('└') &&
        !line.includes('├')
      ) {
        expect(visibleLength(line)).toBeLessThanOrEqual(60);
      }
    }
  });

  it('colours with a colour chalk, and the text underneath stays the same', () => {
    const coloured = renderText(sample, {
      rules,
      lang: 'nl',
      chalk: colour,
      color: true,
      width: 100,
      answers,
    });
    expect(coloured).not.toBe(stripVTControlCharacters(coloured));
    expect(stripVTControlCharacters(coloured)).toBe(text);
  });

  it('speaks English with lang en', () => {
    const en = renderText(sample, { rules, lang: 'en', chalk: plain, width: 100, answers });
    expect(en).toContain('Recommended route');
    expect(en).toContain('Whom to involve, by phase');
    expect(en).toContain('Fixture disclaimer. This is an orientation');
    expect(en).toContain('-€300,000');
    expect(en).not.toContain('Aanbevolen');
  });

  it('says what to do when no route fits', () => {
    const none = renderText(empty, { rules, lang: 'nl', chalk: plain, width: 100 });
    expect(none).toContain('Advies voor je innovatie');
    expect(none.replace(/\n\s*/g, ' ')).toContain(ui('nl').noRoute);
    expect(none).toContain('? Wat voor innovatie is het? (innovation_type)');
    expect(none).not.toContain('Kosten en baten');
  });
});

describe('text helpers', () => {
  it('draws a fit bar of ten cells', () => {
    expect(fitBar(82, 'strong', 'en', plain)).toBe('████████░░  82 strong');
    expect(fitBar(0, 'unlikely', 'nl', plain)).toBe('░░░░░░░░░░   0 onwaarschijnlijk');
    expect(fitBar(100, 'strong', 'nl', plain)).toBe('██████████ 100 sterk');
  });
  it('wraps with a hanging indent', () => {
    expect(wrap('een twee drie vier vijf', 12, '- ', '  ')).toBe('- een twee\n  drie vier\n  vijf');
  });
  it('scales the net chart to the largest amount', () => {
    const rows = netChart(
      [
        { party: 'hospital', net: -100 },
        { party: 'health_insurer', net: 200 },
      ],
      rules,
      'en',
      plain,
      80,
    );
    const pos = rows[1]!.split('│')[1]!.length;
    const neg = rows[0]!.split('│')[0]!.match(/▓+/)![0].length;
    expect(Math.abs(pos - 2 * neg)).toBeLessThanOrEqual(1);
    expect(rows[0]!.indexOf('│')).toBe(rows[1]!.indexOf('│'));
  });
  it('formats euros per language', () => {
    expect(formatEuro(1250000, 'nl')).toBe('€ 1.250.000');
    expect(formatEuro(1250000, 'en')).toBe('€1,250,000');
    expect(formatEuro(-300, 'nl', true)).toBe('-€ 300');
    expect(formatEuro(300, 'en', true)).toBe('+€300');
    expect(formatEuro(1250.5, 'nl')).toBe('€ 1.250,50');
  });
});

describe('markdown report', () => {
  const md = renderMarkdown(sample, { rules, lang: 'nl', answers });
  it('is a document with headings, tables and checklists', () => {
    expect(md.startsWith('# Advies voor Cue2Walk\n')).toBe(true);
    expect(md).toContain('## Aanbevolen route: Bestaande prestatie');
    expect(md).toContain('**Past: sterk (85/100)**');
    expect(md).toContain('**Eerste stap:** Ga na welke prestatie past.');
    expect(md).toContain('- [ ] **Gemeente** (nu): De gemeente beslist over maatwerk. [1]');
    expect(md).toContain('| Ziekenhuis | € 500.000 | € 200.000 | -€ 300.000 |');
    expect(md).toContain('1. Fixture document about routes (Fixture Publisher, 2025)');
    expect(md).toContain('2. Fixture law <https://example.org/law>');
    expect(md.split('\n')[4]).toBe(
      '> Fixture-disclaimer. Dit is een oriëntatie, geen juridisch advies.',
    );
  });
  it('escapes pipes inside table cells', () => {
    const row = md.split('\n').find((l) => l.startsWith('| 2 |'))!;
    expect(row).toContain('Ondersteuning thuis \\| past bij de Wmo.');
    // the row still has its seven column separators
    expect(row.replace(/\\\|/g, '').split('|').length).toBe(8);
  });
  it('speaks English with lang en', () => {
    const en = renderMarkdown(sample, { rules, lang: 'en', answers });
    expect(en).toContain('## Recommended route: Bestaande prestatie');
    expect(en).toContain('## Costs and benefits (euros per year)');
  });
});

describe('json', () => {
  // the keys come as the advice has them; that the engine builds them in the contract's order is
  // json-order.test.ts's to check
  it('keeps the keys in the contract order, two spaces, trailing newline', () => {
    const a = renderJson(sample);
    expect(a.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(a))).toEqual([
      'schemaVersion',
      'ruleset',
      'input',
      'routes',
      'excluded',
      'stakeholders',
      'costBenefit',
      'bridgeFunding',
      'warnings',
      'openQuestions',
    ]);
    const route = JSON.parse(a).routes[0];
    expect(Object.keys(route).slice(0, 5)).toEqual(['id', 'family', 'fit', 'score', 'title']);
    expect(a).toContain('\n  "ruleset": {\n    "version": "0.0.1",');
    expect(JSON.parse(a)).toEqual(sample);
  });
  it('keeps the order of "because", which is data', () => {
    const a = JSON.parse(renderJson(sample));
    expect(Object.keys(a.routes[0].reasons[0].because)).toEqual([
      'treatment_relation',
      'fits_existing_prestatie',
    ]);
  });
  it('has a one-line form', () => {
    const line = renderJsonLine(sample);
    expect(line.split('\n')).toHaveLength(2);
    expect(JSON.parse(line)).toEqual(sample);
  });
});

describe('source references', () => {
  it('show no seed line numbers in text or Markdown; the JSON keeps them for reviewers', () => {
    const text = renderText(sample, { rules, lang: 'nl', chalk: plain, width: 100 });
    const md = renderMarkdown(sample, { rules, lang: 'nl', answers: {} });
    const json = renderJson(sample);
    for (const report of [text, md]) expect(report).not.toMatch(/\b[rl]\. \d/);
    expect(text).toContain(ui('nl').sourcesNote);
    expect(json).toMatch(/"fixture-doc:\d+(-\d+)?"/);
  });

  it('cites each source once, by its number, without seed line numbers', async () => {
    const { indexSources } = await import('../../src/report/sources.ts');
    const advice = {
      ...sample,
      routes: [
        {
          ...sample.routes[0]!,
          reasons: [
            {
              text: 'x',
              because: {},
              sources: ['fixture-doc:20', 'fixture-law', 'fixture-doc:40-41', 'fixture-doc:20'],
            },
          ],
        },
      ],
    };
    const idx = indexSources(advice, rules);
    expect(idx.refs(advice.routes[0]!.reasons[0]!.sources)).toBe('[1] [2]');
    expect(idx.refs(['unknown-source'])).toBe('');
  });
});

describe('ui strings', () => {
  it('know every phase, in the schema order, in both languages', async () => {
    const { PHASES, FAMILIES, ARRANGEMENTS } = await import('../../src/core/schema.ts');
    const { PHASE_ORDER } = await import('../../src/report/checklists.ts');
    expect(PHASE_ORDER).toEqual(PHASES);
    for (const lang of ['nl', 'en'] as const) {
      expect(Object.keys(ui(lang).phase)).toEqual([...PHASES]);
      expect(Object.keys(ui(lang).family)).toEqual([...FAMILIES]);
      expect(Object.keys(ui(lang).arrangement).sort()).toEqual([...ARRANGEMENTS].sort());
    }
  });
  it('have the same keys in Dutch and English', () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === 'object' ? keys(v).map((x) => `${k}.${x}`) : [k],
      );
    expect(keys(ui('en')).sort()).toEqual(keys(ui('nl')).sort());
  });
});

describe('whom to call first', () => {
  it("names the route's own role for that party, not the merged checklist reasons", () => {
    const text = renderText(sample, { rules, lang: 'nl', chalk: plain, width: 10_000, answers });
    const line = text.split('\n').find((l) => l.includes('Neem eerst contact op met'))!;
    const top = rules.routes.get(sample.routes[0]!.id)!;
    const item = sample.stakeholders.find((x) =>
      (top.stakeholders ?? []).some((r) => r.stakeholder === x.id),
    )!;
    const role = top.stakeholders!.find((r) => r.stakeholder === item.id)!.role.nl;
    expect(line.trim()).toBe(`Neem eerst contact op met: ${item.name} — ${role}`);
  });
});
