// A phase has one name on every screen: the wizard's choice (the phase question's option), the
// stakeholder checklist of the text and markdown reports, and ui-strings' fallback table.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/engine.ts';
import { PHASES } from '../../src/core/ids.ts';
import { checkAnswers, readAnswersFile } from '../../src/io/answers-file.ts';
import { phaseLabel } from '../../src/report/labels.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { renderText } from '../../src/report/text.ts';
import { ui } from '../../src/report/ui-strings.ts';
import { Chalk } from 'chalk';
import { ROOT } from '../advise/helpers.ts';
import { shippedRules as rules } from '../shipped-rules.ts';

const question = rules.questions.get('phase')!;

describe('phase names', () => {
  it.each(['nl', 'en'] as const)(
    'are the same in the question, the reports and ui-strings (%s)',
    (lang) => {
      for (const phase of PHASES) {
        const option = question.optionList.find((o) => o.id === phase)!;
        expect(option.label[lang]).toBe(ui(lang).phase[phase]);
        expect(phaseLabel(rules, phase, lang)).toBe(option.label[lang]);
        // the question's help names the five phases in the same words
        expect(question.help![lang].toLowerCase()).toContain(option.label[lang].toLowerCase());
      }
    },
  );

  it('head the stakeholder checklist of the text and markdown reports', () => {
    const file = readAnswersFile(join(ROOT, 'data/cue2walk.yaml'));
    const { answers } = checkAnswers(rules, file);
    const advice = evaluate(rules, answers, { asOf: '2026-11-27', lang: 'nl' });
    const shown = new Set(advice.stakeholders.map((s) => s.phase));
    expect(shown.has('demonstrate')).toBe(true);
    const text = renderText(advice, { rules, lang: 'nl', answers, chalk: new Chalk({ level: 0 }) });
    const md = renderMarkdown(advice, { rules, lang: 'nl', answers });
    for (const phase of shown) {
      const label = question.optionList.find((o) => o.id === phase)!.label.nl;
      expect(text).toContain(`\n  ${label}\n`);
      expect(md).toContain(`### ${label}\n`);
    }
    expect(text).not.toContain('Aantonen');
  });
});
