// Who pays and who gains: per-party balances from the cost_<party> / benefit_<party> answers, the
// total, the wrong pocket, and the transfers that make every losing party whole from the winners
// with as few transfers as possible. Pure and deterministic: whole euros, parties in the order
// given (the contract's order), ties broken by that order. docs/engine.md explains the method.
import type { AnswerValue, Answers, CostBenefit, PartyBalance, Transfer } from './advice.ts';
import { isAnswered } from './conditions.ts';
import { sortInPlace } from './sort.ts';

/** The cost/benefit figures without the arrangements (which come from the cost-benefit tree). */
export type CostBenefitFigures = Omit<CostBenefit, 'arrangements'>;

/**
 * Figures above this many euros (in absolute value) are capped, so that every sum stays an exact
 * integer in a double (13 parties × 2 figures × 1e13 < 2^53).
 */
export const MAX_EURO = 1e13;

/** Rounds to whole euros, half away from zero, capped at ±MAX_EURO. */
export function roundEuro(x: number): number {
  const capped = Math.min(MAX_EURO, Math.abs(x));
  const r = Math.floor(capped + 0.5);
  // never -0: JSON prints both as 0, but equality checks in tests should not trip over it
  return x < 0 && r !== 0 ? -r : r;
}

/** A figure counts when it is a finite number; anything else is "not given". */
function figure(value: AnswerValue | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? roundEuro(value) : undefined;
}

const keyCache = new WeakMap<readonly string[], { cost: string[]; benefit: string[] }>();

/** The cost_/benefit_ answer keys of the parties, built once per parties list. */
function keysOf(parties: readonly string[]): { cost: string[]; benefit: string[] } {
  let k = keyCache.get(parties);
  if (!k) {
    k = { cost: parties.map((p) => `cost_${p}`), benefit: parties.map((p) => `benefit_${p}`) };
    keyCache.set(parties, k);
  }
  return k;
}

/**
 * Per-party balances, total, wrong pocket and transfers. Null when no cost_/benefit_ number was
 * given. Only parties with at least one figure are listed, in the order of `parties`.
 */
export function computeCostBenefit(
  answers: Answers,
  parties: readonly string[],
): CostBenefitFigures | null {
  const k = keysOf(parties);
  return costBenefitOf(
    k.cost.map((key) => answers[key]),
    k.benefit.map((key) => answers[key]),
    parties,
  );
}

/**
 * The same as `computeCostBenefit`, from the answers to cost_<party> and benefit_<party> given
 * per party (position i belongs to parties[i]): the engine keeps its answers in slots, not in an
 * object keyed by question id.
 */
export function costBenefitOf(
  costs: readonly (AnswerValue | undefined)[],
  benefits: readonly (AnswerValue | undefined)[],
  parties: readonly string[],
): CostBenefitFigures | null {
  let balances: PartyBalance[] | null = null;
  let total = 0;
  let losers = false;
  for (let i = 0; i < parties.length; i++) {
    const cost = figure(costs[i]);
    const benefit = figure(benefits[i]);
    if (cost === undefined && benefit === undefined) continue;
    const c = cost ?? 0;
    const b = benefit ?? 0;
    const net = b - c;
    (balances ??= []).push({ party: parties[i]!, cost: c, benefit: b, net: net === 0 ? 0 : net });
    total += net;
    if (net < 0) losers = true;
  }
  // the common case, no figures at all: nothing allocated
  if (balances === null) return null;
  const wrongPocket = total > 0 && losers;
  return {
    parties: balances,
    total,
    wrongPocket,
    transfers: wrongPocket ? planTransfers(balances) : [],
  };
}

// ---------------------------------------------------------------------------------------------
// Transfers

interface Side {
  readonly party: string;
  /** Position in the input, for tie-breaks. */
  readonly order: number;
  /** What a loser needs, or what a winner can give (> 0). */
  readonly amount: number;
}

/** Exact search up to this many losers + winners; beyond, one component (see docs/engine.md). */
export const EXACT_LIMIT = 16;

/**
 * Transfers that make every party with a negative net whole from the parties with a positive
 * net, leaving none of them below zero, with the smallest number of transfers (and, among plans
 * with that number, the fewest paying parties). Empty when the total is not positive or nobody
 * loses. Sorted by payer, then receiver, in input order.
 */
export function planTransfers(balances: readonly { party: string; net: number }[]): Transfer[] {
  let total = 0;
  const losers: Side[] = [];
  const winners: Side[] = [];
  for (let order = 0; order < balances.length; order++) {
    const b = balances[order]!;
    total += b.net;
    if (b.net < 0) losers.push({ party: b.party, order, amount: -b.net });
    else if (b.net > 0) winners.push({ party: b.party, order, amount: b.net });
  }
  if (total <= 0 || losers.length === 0) return [];
  sortInPlace(losers, largerFirst);
  sortInPlace(winners, largerFirst);

  const components =
    losers.length + winners.length <= EXACT_LIMIT
      ? exactComponents(losers, winners)
      : [{ losers: losers.map((_, i) => i), winners: winners.map((_, i) => i) }];

  const transfers: { from: Side; to: Side; amount: number }[] = [];
  for (const comp of components) {
    // north-west corner: the largest loser first takes from the largest winner first; each step
    // settles a loser or exhausts a winner, so a component of l losers and w winners needs at most
    // l + w - 1 transfers
    let wi = 0;
    let left = winners[comp.winners[0]!]!.amount;
    for (const li of comp.losers) {
      const loser = losers[li]!;
      let need = loser.amount;
      while (need > 0) {
        if (left === 0) {
          wi++;
          left = winners[comp.winners[wi]!]!.amount;
        }
        const amount = Math.min(need, left);
        transfers.push({ from: winners[comp.winners[wi]!]!, to: loser, amount });
        need -= amount;
        left -= amount;
      }
    }
  }
  sortInPlace(transfers, byPayerThenReceiver);
  return transfers.map((t) => ({ from: t.from.party, to: t.to.party, amount: t.amount }));
}

function largerFirst(a: Side, b: Side): number {
  return b.amount - a.amount || a.order - b.order;
}

function byPayerThenReceiver(a: { from: Side; to: Side }, b: { from: Side; to: Side }): number {
  return a.from.order - b.from.order || a.to.order - b.to.order;
}

interface Component {
  readonly losers: number[];
  readonly winners: number[];
}

function bits(mask: number): number[] {
  const out: number[] = [];
  for (let i = 0; mask !== 0; i++, mask >>>= 1) if (mask & 1) out.push(i);
  return out;
}

/**
 * Splits losers and winners into groups ("components"), each group's winners covering its losers'
 * needs, so that the number of transfers — Σ (losers + winners − 1) over the groups — is minimal,
 * and then the number of paying winners. A transfer plan without cycles is a forest, and any plan
 * can be made cycle-free without adding transfers, so this is the true minimum. Exact search over
 * subsets (memoised on the losers and winners still to place); losers and winners are sorted
 * largest first, and among equally good plans the first found wins: the component of the largest
 * remaining loser, as many losers as possible, the winners tried in increasing bit order (largest
 * first).
 */
function exactComponents(losers: readonly Side[], winners: readonly Side[]): Component[] {
  const L = losers.length;
  const W = winners.length;
  const states = 1 << (L + W);
  // tables of this call only: 2^(L+W) entries, a few dozen for the usual handful of parties
  const need: number[] = new Array<number>(1 << L).fill(0);
  const give: number[] = new Array<number>(1 << W).fill(0);
  const size: number[] = new Array<number>(1 << W).fill(0);
  const memo: number[] = new Array<number>(states).fill(-1);
  const pickA: number[] = new Array<number>(states).fill(0);
  const pickB: number[] = new Array<number>(states).fill(0);
  for (let m = 1; m < 1 << L; m++) {
    const low = 31 - Math.clz32(m & -m);
    need[m] = need[m & (m - 1)]! + losers[low]!.amount;
  }
  for (let m = 1; m < 1 << W; m++) {
    const low = 31 - Math.clz32(m & -m);
    give[m] = give[m & (m - 1)]! + winners[low]!.amount;
    size[m] = size[m & (m - 1)]! + 1;
  }
  // cost of a plan = extra transfers × 32 + paying winners; extra transfers of a component are
  // (its winners − 1), since every loser needs at least one transfer anyway
  const INF = Number.MAX_SAFE_INTEGER;

  const solve = (lm: number, wm: number): number => {
    if (lm === 0) return 0;
    const key = (lm << W) | wm;
    const known = memo[key]!;
    if (known >= 0) return known;
    let best = INF;
    let bestA = 0;
    let bestB = 0;
    if (give[wm]! >= need[lm]!) {
      const low = lm & -lm;
      const rest = lm ^ low;
      // A = low ∪ sub, sub running over the subsets of rest from the largest mask down; B over
      // the non-empty subsets of the winners left, from the smallest mask up (bit 0 is the
      // largest winner); the first strictly better plan is kept
      for (let sub = rest; ; sub = (sub - 1) & rest) {
        const a = low | sub;
        const needA = need[a]!;
        for (let b = (0 - wm) & wm; b !== 0; b = (b - wm) & wm) {
          if (give[b]! < needA) continue;
          const k = size[b]!;
          const here = (k - 1) * 32 + k;
          if (here >= best) continue;
          const tail = solve(lm ^ a, wm ^ b);
          if (tail === INF) continue;
          if (here + tail < best) {
            best = here + tail;
            bestA = a;
            bestB = b;
          }
        }
        if (sub === 0) break;
      }
    }
    memo[key] = best;
    pickA[key] = bestA;
    pickB[key] = bestB;
    return best;
  };

  const full = (1 << L) - 1;
  const allW = (1 << W) - 1;
  const cost = solve(full, allW);
  if (cost === INF) {
    // cannot happen when the total is positive (all winners together cover all losers)
    return [{ losers: bits(full), winners: bits(allW) }];
  }
  const out: Component[] = [];
  let lm = full;
  let wm = allW;
  while (lm !== 0) {
    const key = (lm << W) | wm;
    const a = pickA[key]!;
    const b = pickB[key]!;
    out.push({ losers: bits(a), winners: bits(b) });
    lm ^= a;
    wm ^= b;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Derived facts for the cost-benefit tree (notes/content-common.md)

export const DERIVED_FACTS = [
  'cb_has_figures',
  'cb_total',
  'cb_wrong_pocket',
  'cb_losers',
  'cb_winners',
] as const;
export type DerivedFact = (typeof DERIVED_FACTS)[number];

function partyList(value: AnswerValue | undefined): readonly string[] | undefined {
  if (!isAnswered(value)) return undefined;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/**
 * The derived facts, from the figures when there are any, otherwise from cost_bearers and
 * beneficiaries. A fact that cannot be known is undefined (unanswered). cb_losers and cb_winners
 * are lists of parties in the order of `parties`, and undefined when empty (an empty list counts
 * as unanswered in conditions).
 */
export function deriveFacts(
  answers: Answers,
  figures: CostBenefitFigures | null,
  parties: readonly string[],
): Record<DerivedFact, AnswerValue | undefined> {
  if (figures) {
    let losers: string[] | undefined;
    let winners: string[] | undefined;
    for (const p of figures.parties) {
      if (p.net < 0) (losers ??= []).push(p.party);
      else if (p.net > 0) (winners ??= []).push(p.party);
    }
    return {
      cb_has_figures: true,
      cb_total: figures.total,
      cb_wrong_pocket: figures.wrongPocket,
      cb_losers: losers,
      cb_winners: winners,
    };
  }
  const bearers = partyList(answers['cost_bearers']);
  const gainers = partyList(answers['beneficiaries']);
  if (!bearers || !gainers) {
    return {
      cb_has_figures: false,
      cb_total: undefined,
      cb_wrong_pocket: undefined,
      cb_losers: undefined,
      cb_winners: undefined,
    };
  }
  let losers: string[] | undefined;
  let winners: string[] | undefined;
  for (const p of parties) {
    const bears = bearers.includes(p);
    const gains = gainers.includes(p);
    if (bears && !gains) (losers ??= []).push(p);
    else if (gains && !bears) (winners ??= []).push(p);
  }
  return {
    cb_has_figures: false,
    cb_total: undefined,
    cb_wrong_pocket: losers !== undefined,
    cb_losers: losers,
    cb_winners: winners,
  };
}
