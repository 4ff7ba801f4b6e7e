// How to reach a stakeholder (issue 16 item 2): the registry's contact — whom to ask for, and the
// organisation's site only where a source gives it — carried by the Advice of the worked cases in
// both languages, into the summary's whom-to-call and the list of facts to confirm; and the rule
// schema refuses a site that is not a plain https address.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/advice.ts';
import { AdviceSchema } from '../../src/core/advice-schema.ts';
import { evaluate } from '../../src/core/engine.ts';
import { Contact } from '../../src/core/schema.ts';
import { verifyNotes } from '../../src/report/checklists.ts';
import { summarize } from '../../src/report/summary.ts';
import { renderSummaryText } from '../../src/report/text.ts';
import { dataAnswers } from '../engine/answer-sets.ts';
import { shippedRules as rules } from '../shipped-rules.ts';

const AS_OF = '2026-11-27';
const LANGS: readonly Lang[] = ['nl', 'en'];
const worked = dataAnswers(rules);

describe('the advice of the worked cases carries contacts', () => {
  it('every stakeholder with a contact in the registry has it, in the language asked, and only those', () => {
    let withContact = 0;
    for (const lang of LANGS) {
      for (const answers of worked) {
        const advice = evaluate(rules, answers, { asOf: AS_OF, lang });
        expect(AdviceSchema.safeParse(JSON.parse(JSON.stringify(advice))).success).toBe(true);
        for (const x of advice.stakeholders) {
          const def = rules.stakeholders.get(x.id)?.contact;
          if (!def) {
            expect(x.contact).toBeUndefined();
            continue;
          }
          withContact++;
          expect(x.contact).toEqual(
            def.site ? { ask: def.ask[lang], site: def.site } : { ask: def.ask[lang] },
          );
        }
      }
    }
    expect(withContact).toBeGreaterThan(20);
  });

  it('Cue2Walk: ask the insurer for its care purchaser (no site); Zvi at its own address', () => {
    const cue2walk = worked.find((a) => a.innovation_name === 'Cue2Walk')!;
    const byId = (lang: Lang) =>
      new Map(evaluate(rules, cue2walk, { asOf: AS_OF, lang }).stakeholders.map((x) => [x.id, x]));
    const nl = byId('nl');
    const en = byId('en');
    expect(nl.get('zorgverzekeraar')!.contact!.ask).toMatch(/zorginkoper/);
    expect(nl.get('zorgverzekeraar')!.contact!.site).toBeUndefined();
    expect(en.get('zorgverzekeraar')!.contact!.ask).toMatch(/care purchaser/);
    expect(nl.get('zorg-voor-innoveren')!.contact).toEqual({
      ask: 'het kennisloket',
      site: 'https://www.zorgvoorinnoveren.nl',
    });
    expect(en.get('zorg-voor-innoveren')!.contact!.ask).toBe('the knowledge desk');
  });

  it("the summary's whom-to-call says whom to ask for, and the site where there is one", () => {
    const plain = new Chalk({ level: 0 });
    for (const lang of LANGS) {
      for (const answers of worked) {
        const advice = evaluate(rules, answers, { asOf: AS_OF, lang });
        const summary = summarize(advice, rules, lang);
        const text = renderSummaryText(advice, { rules, lang, answers, chalk: plain, summary });
        for (const c of summary.callFirst) {
          const item = advice.stakeholders.find((x) => x.id === c.id)!;
          expect(c.contact).toEqual(item.contact);
        }
        const desk = summary.callFirst.find((c) => c.id === 'zorg-voor-innoveren');
        if (desk) expect(text).toContain('https://www.zorgvoorinnoveren.nl');
        const first = summary.callFirst[0];
        if (first?.contact) {
          expect(text).toContain(`${lang === 'nl' ? 'Vraag naar' : 'Ask for'}: `);
        }
      }
    }
  });

  it('a contact marked verify joins the facts to confirm, with its note', () => {
    const withGemeente = worked
      .map((answers) => evaluate(rules, answers, { asOf: AS_OF, lang: 'nl' }))
      .find((a) => a.stakeholders.some((x) => x.id === 'gemeente'));
    expect(withGemeente).toBeDefined();
    const notes = verifyNotes(withGemeente!, rules, 'nl');
    const note = rules.stakeholders.get('gemeente')!.contact!.verify_note!.nl;
    expect(notes).toContainEqual({ subject: 'Gemeente', note });
  });
});

describe('the rule schema of a contact', () => {
  const contact = (site: string) =>
    Contact.safeParse({ ask: { nl: 'het loket', en: 'the desk' }, site, sources: ['nza'] }).success;

  it('takes a plain https address, with or without a path', () => {
    expect(contact('https://www.nza.nl')).toBe(true);
    expect(contact('https://www.zn.nl/digitalezorg')).toBe(true);
  });

  it('refuses http, a missing scheme, a query, a port, credentials, upper case and spaces', () => {
    for (const bad of [
      'http://www.nza.nl',
      'www.nza.nl',
      'https://www.nza.nl?q=1',
      'https://www.nza.nl#top',
      'https://www.nza.nl:8443',
      'https://user@www.nza.nl',
      'https://WWW.NZA.NL',
      'https://www.nza .nl',
      'https://nza',
      'javascript:alert(1)',
    ]) {
      expect(contact(bad), bad).toBe(false);
    }
  });

  it('requires sources', () => {
    expect(Contact.safeParse({ ask: { nl: 'het loket', en: 'the desk' } }).success).toBe(false);
  });
});
