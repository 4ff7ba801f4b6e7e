import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/core/advice.ts';
import { evaluate, whenOf } from '../../src/core/engine.ts';
import { advise, AS_OF, fixture, ids } from './helpers.ts';

const CVA: Answers = {
  innovation_type: 'device',
  treatment_relation: true,
  goal: ['daily_living_support'],
  municipal_contact: true,
  evidence_level: 'none',
  willingness_to_pay: 'high',
  cost_bearers: ['gp'],
  beneficiaries: ['hospital'],
  has_figures: true,
  benefit_hospital: 20_000_000,
  cost_gp: 2_000_000,
};

describe('evaluate: routes', () => {
  it('ranks by score, then family order, then id', () => {
    const a = advise(CVA);
    expect(a.routes.map((r) => [r.id, r.score, r.fit])).toEqual([
      ['wmo.maatwerkvoorziening', 77, 'strong'],
      ['consumer.direct-sale', 77, 'strong'],
      ['consumer.subscription-premium', 77, 'strong'],
      ['zvw.existing-prestatie', 45, 'possible'],
      ['wmo.algemene-voorziening', 40, 'possible'],
    ]);
  });

  it('applies the effects of a node once, even when the walk reaches it twice', () => {
    // `shared` is reached from `support` and again as the second branch of the sequence; its
    // adjustment of +5 counts once (72 + 5) and its award gives one reason
    const a = advise(CVA);
    const maat = a.routes.find((r) => r.id === 'wmo.maatwerkvoorziening')!;
    expect(maat.score).toBe(77);
    expect(a.routes.find((r) => r.id === 'wmo.algemene-voorziening')!.reasons).toHaveLength(1);
  });

  it('score = best award + adjustments, clamped; the deciding award is the first reason', () => {
    const a = advise({ ...CVA, lang: 'x' }, { lang: 'en' });
    const zvw = a.routes.find((r) => r.id === 'zvw.existing-prestatie')!;
    expect(zvw.score).toBe(60 - 15);
    expect(zvw.reasons).toEqual([
      {
        text: 'Perhaps a prestatie.',
        // innovation_name and fits_existing_prestatie are in `because` but unanswered
        because: { treatment_relation: true },
        sources: ['seed.txt:1'],
      },
      { text: 'Little evidence.', because: { evidence_level: 'none' }, sources: ['seed.txt:21'] },
    ]);
    expect(zvw.steps).toEqual(['Convince the care provider.', 'Go to the health insurer.']);
    expect(zvw.evidence).toEqual(['Evidence of effectiveness.']);
    expect(zvw.verify).toBe(false);
    // the higher award sets the score and comes first even when met later in the walk
    const sale = a.routes.find((r) => r.id === 'consumer.direct-sale')!;
    expect(sale.score).toBe(77);
    expect(sale.reasons.map((r) => r.text)).toEqual(['Sale.', 'Mentioned first.']);
  });

  it('an adjustment alone advises nothing', () => {
    const a = advise(CVA);
    expect(ids(a.routes)).not.toContain('zvw.new-prestatie');
    expect(ids(a.excluded)).not.toContain('zvw.new-prestatie');
  });

  it('carries verify and the verify note of the route registry', () => {
    const a = advise(
      { ...CVA, fits_existing_prestatie: 'no', evidence_level: 'effectiveness_proven' },
      { asOf: '2026-01-01', lang: 'en' },
    );
    const aid = a.routes.find((r) => r.id === 'zvw.hulpmiddelenzorg')!;
    expect(aid).toMatchObject({
      score: 65,
      fit: 'possible',
      verify: true,
      verifyNote: 'Confirm with the insurer.',
    });
    expect(aid.reasons[0]!.because).toEqual({ innovation_type: 'device' });
  });

  it('an exclusion wins over any award, with the why-not and its answers', () => {
    const a = advise({ ...CVA, treatment_relation: false });
    expect(ids(a.routes)).not.toContain('zvw.existing-prestatie');
    expect(a.excluded).toContainEqual({
      id: 'zvw.existing-prestatie',
      family: 'zvw',
      title: 'Bestaande prestatie',
      why: 'Geen behandelrelatie.',
      because: { treatment_relation: false },
      sources: ['seed.txt:20'],
    });
  });

  it('excludes a route outside its validity with the date it lapsed', () => {
    const answers = { ...CVA, fits_existing_prestatie: 'no' };
    const nl = advise(answers);
    expect(nl.excluded).toContainEqual({
      id: 'zvw.veelbelovende-zorg',
      family: 'zvw',
      title: 'Veelbelovende zorg',
      why: 'Deze regeling is vervallen per 1 februari 2025.',
      sources: ['seed.txt:4'],
    });
    expect(
      advise(answers, { lang: 'en' }).excluded.find((x) => x.id === 'zvw.veelbelovende-zorg')!.why,
    ).toBe('This scheme lapsed on 1 February 2025.');
    // valid_until is the last day on which it applies
    const lastDay = advise(answers, { asOf: '2025-01-31' });
    expect(lastDay.routes.find((r) => r.id === 'zvw.veelbelovende-zorg')).toMatchObject({
      score: 75,
    });
    expect(ids(lastDay.bridgeFunding)).toEqual([
      'veelbelovende-zorg',
      'stoz',
      'zonmw',
      'impact-investor',
    ]);
    expect(ids(nl.bridgeFunding)).toEqual(['stoz', 'zonmw', 'impact-investor']);
  });

  it('excludes a route that does not apply yet, and advises it from valid_from on', () => {
    const before = advise(CVA, { lang: 'en' });
    expect(before.excluded).toEqual([
      {
        id: 'consumer.retail-app-store',
        family: 'consumer',
        title: 'Store',
        why: 'This scheme applies only from 1 January 2027.',
        sources: ['seed.txt:10'],
      },
    ]);
    const after = advise(CVA, { asOf: '2027-01-01' });
    expect(after.routes.find((r) => r.id === 'consumer.retail-app-store')).toMatchObject({
      score: 50,
      fit: 'possible',
    });
  });

  it('stops the walk of a tree at an unanswered switch without an `unanswered` branch', () => {
    const a = advise({ treatment_relation: true });
    expect(a.routes.filter((r) => r.family === 'zvw')).toEqual([]);
    expect(a.openQuestions[0]).toBe('innovation_type');
  });

  it('takes the `unknown` branch of an if when the condition is unknown, and reports the question', () => {
    const a = advise({ innovation_type: 'device', evidence_level: 'effectiveness_proven' });
    expect(a.routes.find((r) => r.id === 'zvw.existing-prestatie')).toMatchObject({
      score: 50,
      fit: 'possible',
    });
    expect(a.openQuestions).toContain('treatment_relation');
  });
});

describe('evaluate: stakeholders', () => {
  it('de-duplicates by id (earliest phase wins, whys merged) and orders by phase, then first mention', () => {
    const a = advise(CVA, { lang: 'en' });
    expect(a.stakeholders.map((s) => [s.id, s.phase, s.when])).toEqual([
      ['gemeente', 'explore', 'now'],
      ['zorgaanbieder', 'develop', 'now'],
      ['zorgverzekeraar', 'implement', 'later'],
      ['huisarts', 'scale', 'later'],
    ]);
    const gemeente = a.stakeholders[0]!;
    // the route's role (develop) is mentioned first, the tree's duty (explore) sets the phase
    expect(gemeente.why).toBe('Buys it. Start early with the municipality.');
    expect(gemeente.sources).toEqual(['seed.txt:6', 'seed.txt:22']);
    expect(a.stakeholders[1]!.bring).toEqual(['Your pilot results']);
  });

  it('takes the stakeholders of strong and possible routes only, plus every duty of the walk', () => {
    // evidence none: existing-prestatie 50 - 15 = 35 is unlikely, so its zorgaanbieder is not listed
    const a = advise({
      ...CVA,
      treatment_relation: undefined as unknown as boolean,
      cost_bearers: [],
      benefit_hospital: undefined as unknown as number,
    });
    expect(a.routes.find((r) => r.id === 'zvw.existing-prestatie')!.fit).toBe('unlikely');
    expect(ids(a.stakeholders)).not.toContain('zorgaanbieder');
    // the duty of the `fits` node is listed whatever the routes
    const b = advise({ ...CVA, fits_existing_prestatie: 'yes' });
    expect(b.stakeholders.find((s) => s.id === 'nza')).toMatchObject({
      phase: 'develop',
      when: 'now',
    });
  });

  it('when: now up to the phase answered, next for the phase after, later beyond', () => {
    const a = advise({ ...CVA, phase: 'demonstrate' });
    expect(a.stakeholders.map((s) => s.when)).toEqual(['now', 'now', 'next', 'later']);
    expect(whenOf('scale', 'implement')).toBe('next');
    expect(whenOf('implement', 'implement')).toBe('now');
    // without a phase answer (or with an invalid one): explore and develop are now
    expect(
      ['explore', 'develop', 'demonstrate', 'implement', 'scale'].map((p) =>
        whenOf(p as never, undefined),
      ),
    ).toEqual(['now', 'now', 'next', 'later', 'later']);
    expect(whenOf('demonstrate', 'soon')).toBe('next');
  });
});

describe('evaluate: warnings, bridge funding, cost/benefit', () => {
  it('warnings come from the effects, valid at asOf, de-duplicated, in order of first mention', () => {
    const a = advise(CVA, { lang: 'en' });
    expect(a.warnings).toEqual([
      { id: 'technology-push', text: 'Technology push.', sources: ['seed.txt:11'], verify: false },
      {
        id: 'volume-losers',
        text: 'Losers.',
        sources: ['seed.txt:14'],
        verify: true,
        verifyNote: 'Ask the municipality.',
      },
      { id: 'wrong-pocket', text: 'Wrong pocket.', sources: ['seed.txt:12'], verify: false },
    ]);
    // old-rule lapsed in 2020; technology-push twice on this path, listed once
    const selfCare = advise({ ...CVA, treatment_relation: false });
    expect(ids(selfCare.warnings)).toEqual(['technology-push', 'volume-losers', 'wrong-pocket']);
    const in2020 = advise({ ...CVA, treatment_relation: false }, { asOf: '2020-06-01' });
    expect(ids(in2020.warnings)).toEqual([
      'technology-push',
      'old-rule',
      'volume-losers',
      'wrong-pocket',
    ]);
  });

  it('CVA portal: the cost/benefit split, the transfer, the arrangements', () => {
    const a = advise(CVA);
    expect(a.costBenefit).toEqual({
      parties: [
        { party: 'hospital', cost: 0, benefit: 20_000_000, net: 20_000_000 },
        { party: 'gp', cost: 2_000_000, benefit: 0, net: -2_000_000 },
      ],
      total: 18_000_000,
      wrongPocket: true,
      transfers: [{ from: 'hospital', to: 'gp', amount: 2_000_000 }],
      arrangements: ['shared-savings', 'transition-fund'],
    });
    expect(a.arrangements).toEqual(['shared-savings', 'transition-fund']);
    expect(ids(a.bridgeFunding)).toContain('impact-investor');
  });

  it('without figures: costBenefit is null, the arrangements are still reported', () => {
    const { benefit_hospital: _b, cost_gp: _c, has_figures: _h, ...noFigures } = CVA;
    const a = advise(noFigures);
    expect(a.costBenefit).toBeNull();
    // cost_bearers [gp], beneficiaries [hospital]: the gp pays and does not benefit
    expect(a.arrangements).toEqual(['shared-savings']);
    expect(ids(a.warnings)).toContain('wrong-pocket');
    // cb_total is unknown: the big-savings branch is not taken
    expect(ids(a.bridgeFunding)).not.toContain('impact-investor');
  });

  it('ignores answers given for derived facts', () => {
    const a = advise({ cb_wrong_pocket: true, cb_total: 5_000_000 } as Answers);
    expect(a.arrangements).toEqual([]);
    expect(a.openQuestions).toContain('cost_bearers');
  });
});

describe('evaluate: open questions', () => {
  it('lists the unanswered questions the walk stopped at or branched on, most decisive first', () => {
    const a = advise({});
    // innovation_type: below the zvw root, the best award is 95; willingness_to_pay: 77; goal:
    // 72; then the derived wrong-pocket fact stands for cost_bearers, beneficiaries, has_figures
    expect(a.openQuestions).toEqual([
      'innovation_type',
      'willingness_to_pay',
      'goal',
      'cost_bearers',
      'beneficiaries',
      'has_figures',
    ]);
  });

  it('skips questions whose ask_if is false, keeps those whose ask_if is unknown', () => {
    const base = { ...CVA, municipal_contact: undefined as unknown as boolean };
    expect(advise(base).openQuestions).toContain('municipal_contact');
    expect(advise({ ...base, phase: 'implement' }).openQuestions).toContain('municipal_contact');
    expect(advise({ ...base, phase: 'explore' }).openQuestions).not.toContain('municipal_contact');
  });

  it('reports the figures behind an unknown derived fact when has_figures is yes', () => {
    const a = advise({ cost_bearers: ['gp'], has_figures: true, willingness_to_pay: 'low' });
    // cb_wrong_pocket is unknown without beneficiaries and without figures
    expect(a.openQuestions).toEqual(expect.arrayContaining(['beneficiaries', 'cost_gp']));
    expect(a.openQuestions).not.toContain('cost_hospital');
    expect(a.openQuestions).not.toContain('has_figures');
  });
});

describe('evaluate: the envelope', () => {
  it('carries the ruleset version, hash and asOf, and echoes the input', () => {
    const rules = fixture();
    const a = advise({}, { input: { id: 'row-7' } });
    expect(a.schemaVersion).toBe(1);
    expect(a.ruleset).toEqual({ version: '0.3.1', hash: rules.hash, asOf: AS_OF });
    expect(a.input).toEqual({ id: 'row-7' });
    expect(advise({}).input).toEqual({});
  });

  it('is the same, byte for byte, for the same input', () => {
    const rules = fixture();
    const one = JSON.stringify(evaluate(rules, CVA, { asOf: AS_OF, lang: 'nl' }));
    evaluate(rules, {}, { asOf: AS_OF, lang: 'en' });
    const reordered = Object.fromEntries(Object.entries(CVA).reverse());
    expect(JSON.stringify(evaluate(rules, reordered, { asOf: AS_OF, lang: 'nl' }))).toBe(one);
  });

  it('never throws on odd answers and takes them as they are', () => {
    const a = advise({
      innovation_type: 42,
      goal: 'daily_living_support',
      treatment_relation: 'yes',
      cost_gp: Number.NaN,
      benefit_hospital: '100',
      phase: ['explore'],
      unknown_question: { x: 1 },
      constructor: 'x',
    } as unknown as Answers);
    // 42 matches no case and the switch has no otherwise: the zvw walk stops, nothing open
    expect(a.routes.filter((r) => r.family === 'zvw')).toEqual([]);
    expect(a.openQuestions).not.toContain('innovation_type');
    // a string answer to a `many` question is read as a list of one
    expect(ids(a.routes)).toContain('wmo.maatwerkvoorziening');
    expect(a.costBenefit).toBeNull();
  });
});
