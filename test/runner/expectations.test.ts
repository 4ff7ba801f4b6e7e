// Each expectation kind against a fixed advice: holds when it should, fails with expected and
// actual when mutated, and points at the expectation's place in the file.
import { describe, expect, it } from 'vitest';
import type { Advice } from '../../src/core/advice.ts';
import type { Origin } from '../../src/core/ruleset.ts';
import type { TestCase } from '../../src/core/schema.ts';
import { checkExpectations } from '../../src/core/testing.ts';

const route = (id: string, fit: 'strong' | 'possible' | 'unlikely', score: number) => ({
  id,
  family: id.split('.')[0] as 'zvw',
  fit,
  score,
  title: id,
  reasons: [],
  steps: [],
  evidence: [],
  verify: false,
});

const advice: Advice = {
  schemaVersion: 1,
  ruleset: { version: '1.0.0', hash: 'sha256:x', asOf: '2026-11-01' },
  input: {},
  routes: [
    route('zvw.hulpmiddelenzorg', 'strong', 80),
    { ...route('wmo.maatwerkvoorziening', 'possible', 60), family: 'wmo' },
  ],
  excluded: [{ id: 'zvw.facultatieve-prestatie', family: 'zvw', why: 'not needed' }],
  stakeholders: [{ id: 'nza', name: 'NZa', phase: 'develop', why: 'prestatie' }],
  costBenefit: {
    parties: [],
    total: 1000,
    wrongPocket: true,
    transfers: [
      { from: 'health_insurer', to: 'hospital', amount: 300 },
      { from: 'municipality', to: 'hospital', amount: 200.5 },
    ],
    arrangements: ['shared-savings'],
  },
  bridgeFunding: [{ id: 'zonmw', title: 'ZonMw', why: 'grants' }],
  warnings: [{ id: 'technology-push', text: 'start from the problem' }],
  openQuestions: ['willingness_to_pay'],
};

const at = (...path: (string | number)[]): Origin => ({
  file: 'tests/x.yaml',
  path: ['cases', 0, 'expect', ...path],
});

type Expect = TestCase['expect'];
const check = (e: Expect, a: Advice = advice) => checkExpectations(e, a, at);

const passing: Expect = {
  top_route: 'zvw.hulpmiddelenzorg',
  top_family: 'zvw',
  routes: ['wmo.maatwerkvoorziening'],
  not_routes: ['consumer.direct-sale', 'zvw.facultatieve-prestatie'],
  fit: { 'zvw.hulpmiddelenzorg': 'strong', 'wmo.maatwerkvoorziening': 'possible' },
  excluded: ['zvw.facultatieve-prestatie'],
  stakeholders: ['nza'],
  not_stakeholders: ['gemeente'],
  warnings: ['technology-push'],
  not_warnings: ['wrong-pocket'],
  bridge: ['zonmw'],
  not_bridge: ['stoz'],
  open_questions: ['willingness_to_pay'],
  not_open_questions: ['phase'],
  cost_benefit: {
    none: false,
    wrong_pocket: true,
    total: 1000,
    arrangements: ['shared-savings'],
    transfers: [
      { from: 'municipality', to: 'hospital', amount: 200.5 },
      { from: 'health_insurer', to: 'hospital', amount: 300 },
    ],
  },
};

describe('checkExpectations', () => {
  it('passes when every expectation holds (transfers in any order)', () => {
    expect(check(passing)).toEqual([]);
  });

  const mutations: [string, Expect, string, RegExp, RegExp, (string | number)[]][] = [
    [
      'top_route',
      { top_route: 'wmo.maatwerkvoorziening' },
      'top_route',
      /^wmo\.maatwerkvoorziening$/,
      /^zvw\.hulpmiddelenzorg \(strong 80\); wmo\.maatwerkvoorziening is advised, possible \(score 60\)$/,
      ['top_route'],
    ],
    [
      'top_family',
      { top_family: 'wmo' },
      'top_family',
      /^wmo$/,
      /^zvw \(zvw\.hulpmiddelenzorg\)$/,
      ['top_family'],
    ],
    [
      'routes',
      { routes: ['wmo.maatwerkvoorziening', 'consumer.direct-sale'] },
      'routes.consumer.direct-sale',
      /advised/,
      /not advised; advised: zvw\.hulpmiddelenzorg \(strong 80\), wmo\.maatwerkvoorziening \(possible 60\)/,
      ['routes', 1],
    ],
    [
      'routes (excluded)',
      { routes: ['zvw.facultatieve-prestatie'] },
      'routes.zvw.facultatieve-prestatie',
      /advised/,
      /excluded: not needed/,
      ['routes', 0],
    ],
    [
      'not_routes',
      { not_routes: ['wmo.maatwerkvoorziening'] },
      'not_routes.wmo.maatwerkvoorziening',
      /not advised/,
      /advised, possible \(score 60\)/,
      ['not_routes', 0],
    ],
    [
      'fit',
      { fit: { 'wmo.maatwerkvoorziening': 'strong' } },
      'fit.wmo.maatwerkvoorziening',
      /advised, strong/,
      /advised, possible \(score 60\)/,
      ['fit', 'wmo.maatwerkvoorziening'],
    ],
    [
      'fit (not advised)',
      { fit: { 'consumer.direct-sale': 'unlikely' } },
      'fit.consumer.direct-sale',
      /unlikely/,
      /not advised/,
      ['fit', 'consumer.direct-sale'],
    ],
    [
      'excluded',
      { excluded: ['wmo.maatwerkvoorziening'] },
      'excluded.wmo.maatwerkvoorziening',
      /excluded/,
      /advised, possible .*excluded: zvw\.facultatieve-prestatie/,
      ['excluded', 0],
    ],
    [
      'stakeholders',
      { stakeholders: ['gemeente'] },
      'stakeholders.gemeente',
      /gemeente in the stakeholders/,
      /stakeholders: nza/,
      ['stakeholders', 0],
    ],
    [
      'not_stakeholders',
      { not_stakeholders: ['nza'] },
      'not_stakeholders.nza',
      /nza not in the stakeholders/,
      /stakeholders: nza/,
      ['not_stakeholders', 0],
    ],
    [
      'warnings',
      { warnings: ['wrong-pocket'] },
      'warnings.wrong-pocket',
      /wrong-pocket in the warnings/,
      /warnings: technology-push/,
      ['warnings', 0],
    ],
    [
      'not_warnings',
      { not_warnings: ['technology-push'] },
      'not_warnings.technology-push',
      /not in the warnings/,
      /warnings: technology-push/,
      ['not_warnings', 0],
    ],
    [
      'bridge',
      { bridge: ['stoz'] },
      'bridge.stoz',
      /stoz in the bridge funding/,
      /bridge funding: zonmw/,
      ['bridge', 0],
    ],
    [
      'not_bridge',
      { not_bridge: ['stoz', 'zonmw'] },
      'not_bridge.zonmw',
      /zonmw not in the bridge funding/,
      /bridge funding: zonmw/,
      ['not_bridge', 1],
    ],
    [
      'open_questions',
      { open_questions: ['phase'] },
      'open_questions.phase',
      /phase in the open questions/,
      /open questions: willingness_to_pay/,
      ['open_questions', 0],
    ],
    [
      'not_open_questions',
      { not_open_questions: ['phase', 'willingness_to_pay'] },
      'not_open_questions.willingness_to_pay',
      /willingness_to_pay not in the open questions/,
      /open questions: willingness_to_pay/,
      ['not_open_questions', 1],
    ],
    [
      'cost_benefit.none',
      { cost_benefit: { none: true } },
      'cost_benefit.none',
      /no cost\/benefit split/,
      /total 1000/,
      ['cost_benefit', 'none'],
    ],
    [
      'cost_benefit.wrong_pocket',
      { cost_benefit: { wrong_pocket: false } },
      'cost_benefit.wrong_pocket',
      /wrongPocket false/,
      /wrongPocket true/,
      ['cost_benefit', 'wrong_pocket'],
    ],
    [
      'cost_benefit.total',
      { cost_benefit: { total: 999 } },
      'cost_benefit.total',
      /total 999/,
      /total 1000/,
      ['cost_benefit', 'total'],
    ],
    [
      'cost_benefit.arrangements',
      { cost_benefit: { arrangements: ['bundled-payment'] } },
      'cost_benefit.arrangements.bundled-payment',
      /bundled-payment/,
      /arrangements: shared-savings/,
      ['cost_benefit', 'arrangements', 0],
    ],
    [
      'cost_benefit.transfers (one missing)',
      { cost_benefit: { transfers: [{ from: 'health_insurer', to: 'hospital', amount: 300 }] } },
      'cost_benefit.transfers',
      /^transfers: health_insurer → hospital: 300$/,
      /health_insurer → hospital: 300, municipality → hospital: 200\.50/,
      ['cost_benefit', 'transfers'],
    ],
    [
      'cost_benefit.transfers (amount)',
      {
        cost_benefit: {
          transfers: [
            { from: 'health_insurer', to: 'hospital', amount: 300 },
            { from: 'municipality', to: 'hospital', amount: 200 },
          ],
        },
      },
      'cost_benefit.transfers',
      /municipality → hospital: 200$/,
      /municipality → hospital: 200\.50/,
      ['cost_benefit', 'transfers'],
    ],
  ];

  it.each(mutations)(
    'fails a wrong %s expectation with expected and actual',
    (_, e, name, expected, actual, path) => {
      const failures = check(e);
      expect(failures).toHaveLength(1);
      const [f] = failures;
      expect(f!.expectation).toBe(name);
      expect(f!.expected).toMatch(expected);
      expect(f!.actual).toMatch(actual);
      expect(f!.origin).toEqual(at(...path));
    },
  );

  it('reports every failing item, not only the first', () => {
    const failures = check({
      stakeholders: ['gemeente', 'nza', 'zorgverzekeraar'],
      top_route: 'x.y',
    });
    expect(failures.map((f) => f.expectation)).toEqual([
      'top_route',
      'stakeholders.gemeente',
      'stakeholders.zorgverzekeraar',
    ]);
  });

  it('says so when there is no route or no cost/benefit split at all', () => {
    const bare: Advice = { ...advice, routes: [], costBenefit: null };
    const failures = check(
      {
        top_route: 'zvw.hulpmiddelenzorg',
        top_family: 'zvw',
        cost_benefit: {
          wrong_pocket: true,
          total: 0,
          arrangements: ['shared-savings'],
          transfers: [],
        },
      },
      bare,
    );
    expect(failures.map((f) => [f.expectation, f.actual])).toEqual([
      ['top_route', 'no route advised'],
      ['top_family', 'no route advised'],
      ['cost_benefit.wrong_pocket', expect.stringMatching(/costBenefit is null/)],
      ['cost_benefit.total', expect.stringMatching(/costBenefit is null/)],
      ['cost_benefit.arrangements.shared-savings', expect.stringMatching(/costBenefit is null/)],
      ['cost_benefit.transfers', expect.stringMatching(/costBenefit is null/)],
    ]);
    expect(check({ cost_benefit: { none: true } }, bare)).toEqual([]);
    // without figures the arrangements the trees propose are still in the advice
    const proposed: Advice = { ...bare, arrangements: ['sroi-first'] };
    expect(check({ cost_benefit: { arrangements: ['sroi-first'] } }, proposed)).toEqual([]);
    expect(
      check({ cost_benefit: { arrangements: ['shared-savings'] } }, proposed).map((f) => f.actual),
    ).toEqual(['arrangements: sroi-first']);
    expect(check({ cost_benefit: { none: false } }, bare).map((f) => f.expected)).toEqual([
      'a cost/benefit split',
    ]);
  });

  it('compares totals to the cent', () => {
    expect(check({ cost_benefit: { total: 1000.004 } })).toEqual([]);
    expect(check({ cost_benefit: { total: 1000.01 } })).toHaveLength(1);
  });
});
