import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeCostBenefit,
  deriveFacts,
  planTransfers,
  roundEuro,
} from '../../src/core/cost-benefit.ts';
import { PARTY_IDS } from '../../src/core/ruleset.ts';

describe('computeCostBenefit', () => {
  it('CVA portal (003_d622815a9b0847f4.txt:990-998): the hospital saves 20M, the GP spends 2M', () => {
    const cb = computeCostBenefit({ benefit_hospital: 20_000_000, cost_gp: 2_000_000 }, PARTY_IDS);
    expect(cb).toEqual({
      parties: [
        { party: 'hospital', cost: 0, benefit: 20_000_000, net: 20_000_000 },
        { party: 'gp', cost: 2_000_000, benefit: 0, net: -2_000_000 },
      ],
      total: 18_000_000,
      wrongPocket: true,
      transfers: [{ from: 'hospital', to: 'gp', amount: 2_000_000 }],
    });
  });

  it('is null without figures, and ignores values that are not finite numbers', () => {
    expect(computeCostBenefit({}, PARTY_IDS)).toBeNull();
    expect(
      computeCostBenefit(
        { cost_gp: '500' as unknown as number, benefit_hospital: Number.NaN, cost_uwv: Infinity },
        PARTY_IDS,
      ),
    ).toBeNull();
  });

  it('lists the parties with a figure in contract order, zero figures included', () => {
    const cb = computeCostBenefit(
      { benefit_society: 10, cost_health_insurer: 0, benefit_gp: 5 },
      PARTY_IDS,
    );
    expect(cb!.parties.map((p) => p.party)).toEqual(['health_insurer', 'gp', 'society']);
    expect(cb!.total).toBe(15);
    expect(cb!.wrongPocket).toBe(false);
    expect(cb!.transfers).toEqual([]);
  });

  it('does not pay for itself when the total is not positive: no transfers, no wrong pocket', () => {
    const cb = computeCostBenefit(
      { cost_hospital: 500_000, benefit_health_insurer: 200_000, benefit_gp: 300_000 },
      PARTY_IDS,
    );
    expect(cb!.total).toBe(0);
    expect(cb!.wrongPocket).toBe(false);
    expect(cb!.transfers).toEqual([]);
    const worse = computeCostBenefit({ cost_hospital: 500_000, benefit_gp: 1 }, PARTY_IDS);
    expect(worse!.total).toBe(-499_999);
    expect(worse!.wrongPocket).toBe(false);
    expect(worse!.transfers).toEqual([]);
  });

  it('rounds to whole euros, half away from zero, before netting', () => {
    expect(roundEuro(2.5)).toBe(3);
    expect(roundEuro(-2.5)).toBe(-3);
    expect(roundEuro(2.4999)).toBe(2);
    expect(Object.is(roundEuro(-0.2), 0)).toBe(true);
    const cb = computeCostBenefit(
      { cost_gp: 100.5, benefit_gp: 0.4, benefit_hospital: 1000.5 },
      PARTY_IDS,
    );
    expect(cb!.parties).toEqual([
      { party: 'hospital', cost: 0, benefit: 1001, net: 1001 },
      { party: 'gp', cost: 101, benefit: 0, net: -101 },
    ]);
    expect(cb!.transfers).toEqual([{ from: 'hospital', to: 'gp', amount: 101 }]);
  });
});

describe('planTransfers', () => {
  const plan = (nets: Record<string, number>) =>
    planTransfers(Object.entries(nets).map(([party, net]) => ({ party, net })));

  it('beats greedy largest-to-largest: 3 transfers where greedy needs 4', () => {
    // greedy: a→x 4 (a has 2 left), b→y 3 (b has 2 left), z needs 3: a gives 2, b gives 1
    // exact: b covers x alone, a covers y and z
    expect(plan({ a: 6, b: 5, x: -4, y: -3, z: -3 })).toEqual([
      { from: 'a', to: 'y', amount: 3 },
      { from: 'a', to: 'z', amount: 3 },
      { from: 'b', to: 'x', amount: 4 },
    ]);
  });

  it('uses one payer when one can cover everybody, the largest', () => {
    expect(plan({ insurer: 900, hospital: 1000, gp: -200, patient: -100 })).toEqual([
      { from: 'hospital', to: 'gp', amount: 200 },
      { from: 'hospital', to: 'patient', amount: 100 },
    ]);
  });

  it('splits a loser over payers only when no single payer can cover it', () => {
    expect(plan({ a: 60, b: 50, x: -100 })).toEqual([
      { from: 'a', to: 'x', amount: 60 },
      { from: 'b', to: 'x', amount: 40 },
    ]);
  });

  it('breaks ties by the order given', () => {
    expect(plan({ a: 100, b: 100, x: -50 })).toEqual([{ from: 'a', to: 'x', amount: 50 }]);
    expect(plan({ b: 100, a: 100, x: -50 })).toEqual([{ from: 'b', to: 'x', amount: 50 }]);
  });

  it('is empty without losers or without a positive total', () => {
    expect(plan({ a: 10, b: 0 })).toEqual([]);
    expect(plan({ a: 10, x: -10 })).toEqual([]);
  });
});

// -------------------------------------------------------------------------------------------
// properties

const party = fc.constantFrom(...PARTY_IDS);
const amount = fc.oneof(
  fc.integer({ min: 0, max: 50_000_000 }),
  fc.double({ min: 0, max: 1e7, noNaN: true }),
  fc.constantFrom(0, 1, 2_000_000, 20_000_000),
);
const figures = fc
  .array(fc.tuple(fc.constantFrom('cost', 'benefit'), party, amount), { maxLength: 14 })
  .map((list) => Object.fromEntries(list.map(([k, p, v]) => [`${k}_${p}`, v])));

function netsAfter(cb: NonNullable<ReturnType<typeof computeCostBenefit>>): Map<string, number> {
  const after = new Map(cb.parties.map((p) => [p.party, p.net]));
  for (const t of cb.transfers) {
    after.set(t.from, after.get(t.from)! - t.amount);
    after.set(t.to, after.get(t.to)! + t.amount);
  }
  return after;
}

describe('cost/benefit properties', () => {
  it('transfers never leave a party below zero and sum exactly to what the losers need', () => {
    fc.assert(
      fc.property(figures, (answers) => {
        const cb = computeCostBenefit(answers, PARTY_IDS);
        if (!cb) return;
        const need = cb.parties.reduce((s, p) => s + Math.max(0, -p.net), 0);
        const moved = cb.transfers.reduce((s, t) => s + t.amount, 0);
        if (cb.total > 0) {
          for (const [, v] of netsAfter(cb)) expect(v).toBeGreaterThanOrEqual(0);
          expect(moved).toBe(need);
          expect(cb.wrongPocket).toBe(need > 0);
          for (const t of cb.transfers) {
            expect(Number.isInteger(t.amount) && t.amount > 0).toBe(true);
            expect(t.from).not.toBe(t.to);
          }
        } else {
          expect(cb.transfers).toEqual([]);
          expect(cb.wrongPocket).toBe(false);
        }
        expect(cb.total).toBe(cb.parties.reduce((s, p) => s + p.net, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same transfers for the same figures (deterministic)', () => {
    fc.assert(
      fc.property(figures, (answers) => {
        const a = JSON.stringify(computeCostBenefit(answers, PARTY_IDS));
        const b = JSON.stringify(computeCostBenefit({ ...answers }, PARTY_IDS));
        expect(a).toBe(b);
      }),
      { numRuns: 100 },
    );
  });

  it('uses the smallest number of transfers (checked by brute force on small cases)', () => {
    const nets = fc
      .array(
        fc.integer({ min: -9, max: 9 }).filter((n) => n !== 0),
        { minLength: 2, maxLength: 6 },
      )
      .filter((list) => list.reduce((s, n) => s + n, 0) > 0);
    fc.assert(
      fc.property(nets, (list) => {
        const balances = list.map((net, i) => ({ party: `p${i}`, net }));
        const t = planTransfers(balances);
        expect(t.length).toBe(bruteForceMinimum(list));
      }),
      { numRuns: 300 },
    );
  });

  it('stays exact and fast with all thirteen parties', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), {
          minLength: 13,
          maxLength: 13,
        }),
        (list) => {
          const t = planTransfers(list.map((net, i) => ({ party: PARTY_IDS[i]!, net })));
          const total = list.reduce((s, n) => s + n, 0);
          if (total <= 0) expect(t).toEqual([]);
          else {
            const losers = list.filter((n) => n < 0).length;
            const winners = list.filter((n) => n > 0).length;
            expect(t.length).toBeGreaterThanOrEqual(losers);
            expect(t.length).toBeLessThanOrEqual(losers + winners - 1);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('deriveFacts', () => {
  it('takes the facts from the figures when there are any', () => {
    const cb = computeCostBenefit({ benefit_hospital: 20, cost_gp: 2 }, PARTY_IDS);
    expect(deriveFacts({}, cb, PARTY_IDS)).toEqual({
      cb_has_figures: true,
      cb_total: 18,
      cb_wrong_pocket: true,
      cb_losers: ['gp'],
      cb_winners: ['hospital'],
    });
  });

  it('without figures: from cost_bearers and beneficiaries, unknown when one is missing', () => {
    expect(
      deriveFacts(
        { cost_bearers: ['gp', 'hospital'], beneficiaries: ['hospital', 'employer'] },
        null,
        PARTY_IDS,
      ),
    ).toEqual({
      cb_has_figures: false,
      cb_total: undefined,
      cb_wrong_pocket: true,
      cb_losers: ['gp'],
      cb_winners: ['employer'],
    });
    expect(
      deriveFacts({ cost_bearers: ['gp'], beneficiaries: ['gp'] }, null, PARTY_IDS),
    ).toMatchObject({
      cb_wrong_pocket: false,
      cb_losers: undefined,
      cb_winners: undefined,
    });
    expect(deriveFacts({ cost_bearers: ['gp'] }, null, PARTY_IDS)).toMatchObject({
      cb_has_figures: false,
      cb_wrong_pocket: undefined,
    });
  });
});

/**
 * The least number of transfers, independently: try every set of winner→loser pairs, smallest
 * first, and check with a max-flow whether those pairs can carry every loser's need.
 */
function bruteForceMinimum(nets: number[]): number {
  const losers = nets.map((n, i) => [i, -n] as const).filter(([, n]) => n > 0);
  const winners = nets.map((n, i) => [i, n] as const).filter(([, n]) => n > 0);
  if (losers.length === 0) return 0;
  const pairs: [number, number][] = [];
  winners.forEach((_, w) => losers.forEach((_, l) => pairs.push([w, l])));
  const need = losers.reduce((s, [, n]) => s + n, 0);
  for (let k = 0; k <= pairs.length; k++) {
    for (const subset of combinations(pairs.length, k)) {
      if (
        maxFlow(
          winners.map(([, n]) => n),
          losers.map(([, n]) => n),
          subset.map((i) => pairs[i]!),
        ) === need
      ) {
        return k;
      }
    }
  }
  throw new Error('no plan');
}

function* combinations(n: number, k: number, start = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield acc;
    return;
  }
  for (let i = start; i < n; i++) yield* combinations(n, k, i + 1, [...acc, i]);
}

/** Max flow source → winners (cap surplus) → losers (via the pairs) → sink (cap need). */
function maxFlow(give: number[], need: number[], pairs: [number, number][]): number {
  const W = give.length;
  const N = W + need.length + 2;
  const s = N - 2;
  const t = N - 1;
  const cap = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  give.forEach((g, w) => (cap[s]![w] = g));
  need.forEach((n, l) => (cap[W + l]![t] = n));
  for (const [w, l] of pairs) cap[w]![W + l] = Infinity;
  let flow = 0;
  for (;;) {
    const prev = new Array<number>(N).fill(-1);
    prev[s] = s;
    const queue = [s];
    while (queue.length > 0 && prev[t] === -1) {
      const u = queue.shift()!;
      for (let v = 0; v < N; v++) {
        if (prev[v] === -1 && cap[u]![v]! > 0) {
          prev[v] = u;
          queue.push(v);
        }
      }
    }
    if (prev[t] === -1) return flow;
    let push = Infinity;
    for (let v = t; v !== s; v = prev[v]!) push = Math.min(push, cap[prev[v]!]![v]!);
    for (let v = t; v !== s; v = prev[v]!) {
      cap[prev[v]!]![v]! -= push;
      cap[v]![prev[v]!]! += push;
    }
    flow += push;
  }
}
