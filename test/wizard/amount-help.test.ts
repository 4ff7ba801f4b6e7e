// Every amount question (the generated cost_<party> and benefit_<party>) has help in both
// languages with an example amount, citing a source in the registry; the wizard shows it.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { helpText } from '../../src/cli/wizard/question-prompt.ts';
import { PARTIES } from '../../src/core/ids.ts';
import { splitCitation } from '../../src/report/sources.ts';
import { shippedRules as rules } from '../shipped-rules.ts';

const amounts = [...rules.questions.values()].filter((q) => q.owner === 'parties');

describe('amount questions', () => {
  it('are one cost and one benefit question per party', () => {
    expect(amounts).toHaveLength(PARTIES.length * 2);
    expect(amounts.every((q) => q.kind === 'number')).toBe(true);
  });

  it.each(amounts.map((q) => [q.id, q] as const))(
    '%s has help with an example, in nl and en',
    (_, q) => {
      expect(q.help?.nl).toMatch(/bijvoorbeeld \d{4,}/);
      expect(q.help?.en).toMatch(/for example \d{4,}/);
      expect(q.sources?.length).toBeGreaterThan(0);
      for (const c of q.sources ?? []) expect(rules.sources.has(splitCitation(c).id)).toBe(true);
    },
  );

  it('show their help and source in the wizard', () => {
    const shown = helpText(
      rules,
      rules.questions.get('benefit_hospital')!,
      'nl',
      new Chalk({ level: 0 }),
    );
    expect(shown).toContain('bijvoorbeeld 20000000 voor € 20 miljoen per jaar');
    expect(shown).toMatch(/Bron: ZonMw\/KIC: overzicht van impactvolle innovaties/);
  });
});
