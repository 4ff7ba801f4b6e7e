// A hand-built Advice on the fixture rule set, so the renderers can be tested without the engine.
import { fileURLToPath } from 'node:url';
import type { Advice } from '../../src/core/advice.ts';
import { requireRuleSet } from '../../src/io/compile-rules.ts';

export const rules = requireRuleSet(
  fileURLToPath(new URL('../fixtures/advise/rules', import.meta.url)),
);

export const sample: Advice = {
  schemaVersion: 1,
  ruleset: { version: '0.0.1', hash: 'sha256:abc', asOf: '2026-11-27' },
  input: {},
  routes: [
    {
      id: 'zvw.existing-prestatie',
      family: 'zvw',
      fit: 'strong',
      score: 85,
      title: 'Bestaande prestatie',
      summary: 'Declareren onder een bestaande prestatie.',
      whoDecides: 'De zorgverzekeraar',
      reasons: [
        {
          text: 'Het past in een bestaande prestatie.',
          because: { treatment_relation: true, fits_existing_prestatie: 'yes' },
          sources: ['fixture-doc:20-22'],
        },
      ],
      steps: ['Ga na welke prestatie past.', 'Spreek de verzekeraar aan.'],
      evidence: ['Bewijs van effectiviteit.'],
      pitfalls: ['Te laat aan bekostiging denken.'],
      sources: ['fixture-doc:20-22'],
      verify: true,
      verifyNote: 'Bevestig bij de NZa.',
    },
    {
      id: 'wmo.maatwerk',
      family: 'wmo',
      fit: 'possible',
      score: 60,
      title: 'Wmo-maatwerkvoorziening',
      reasons: [
        {
          text: 'Ondersteuning thuis | past bij de Wmo.',
          because: { goal: ['daily_living_support'] },
          sources: ['fixture-doc:40'],
        },
      ],
      steps: ['Praat met de gemeente.'],
      evidence: [],
      verify: false,
    },
  ],
  excluded: [
    {
      id: 'consumer.direct-sale',
      family: 'consumer',
      title: 'Directe verkoop',
      why: 'Geen betalingsbereidheid.',
      sources: ['fixture-law'],
    },
  ],
  stakeholders: [
    {
      id: 'gemeente',
      name: 'Gemeente',
      phase: 'explore',
      when: 'now',
      why: 'De gemeente beslist over maatwerk.',
      sources: ['fixture-doc:41'],
    },
    {
      id: 'zorgverzekeraar',
      name: 'Zorgverzekeraar',
      phase: 'implement',
      when: 'next',
      why: 'De verzekeraar koopt de zorg in.',
      bring: ['Een businesscase'],
      sources: ['fixture-doc:30'],
    },
  ],
  costBenefit: {
    parties: [
      { party: 'hospital', cost: 500000, benefit: 200000, net: -300000 },
      { party: 'health_insurer', cost: 0, benefit: 750000, net: 750000 },
      { party: 'municipality', cost: 0, benefit: 0, net: 0 },
    ],
    total: 450000,
    wrongPocket: true,
    transfers: [{ from: 'health_insurer', to: 'hospital', amount: 300000 }],
    arrangements: ['shared-savings'],
  },
  bridgeFunding: [
    {
      id: 'fixture-fund',
      title: 'Fixturefonds',
      why: 'Geld om bewijs te verzamelen.',
      leadsTo: ['zvw'],
      sources: ['fixture-doc:60'],
      verify: true,
    },
  ],
  warnings: [
    {
      id: 'no-structural-agreement',
      text: 'Maak vooraf afspraken over structurele betaling.',
      sources: ['fixture-doc:50'],
    },
  ],
  openQuestions: ['phase'],
};

/** The sample without anything optional: no routes, no figures. */
export const empty: Advice = {
  ...sample,
  routes: [],
  excluded: [],
  stakeholders: [],
  costBenefit: null,
  bridgeFunding: [],
  warnings: [],
  openQuestions: ['innovation_type', 'treatment_relation'],
};
