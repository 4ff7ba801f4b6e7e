// The advice as JSON (contract §4): keys in the contract's order whatever order the engine built
// them in, two-space indent, a trailing newline — so the same answers and rules give the same bytes.
import type { Advice } from '../core/advice.ts';

const KEY_ORDER = [
  // advice
  'schemaVersion',
  'ruleset',
  'version',
  'hash',
  'asOf',
  'input',
  'routes',
  'excluded',
  'stakeholders',
  'costBenefit',
  'bridgeFunding',
  'warnings',
  'openQuestions',
  // items: identity first
  'id',
  'party',
  'from',
  'to',
  'amount',
  'family',
  'fit',
  'score',
  'title',
  'name',
  'phase',
  'when',
  'text',
  'summary',
  'whoDecides',
  'why',
  'because',
  'reasons',
  'steps',
  'evidence',
  'pitfalls',
  'bring',
  'leadsTo',
  'cost',
  'benefit',
  'net',
  'parties',
  'total',
  'wrongPocket',
  'transfers',
  'arrangements',
  'sources',
  'verify',
  'verifyNote',
] as const;
const RANK = new Map<string, number>(KEY_ORDER.map((k, i) => [k, i]));

/** Objects whose keys are data (question ids), not field names: their order is kept as given. */
const MAPS = new Set(['input', 'because']);

function ordered(value: unknown, parentKey: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, undefined));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined,
  );
  if (!(parentKey && MAPS.has(parentKey))) {
    // known fields by the contract's order, anything added later after them, alphabetically
    entries.sort(([a], [b]) => {
      const ra = RANK.get(a) ?? Infinity;
      const rb = RANK.get(b) ?? Infinity;
      if (ra !== rb) return ra - rb;
      return a < b ? -1 : a > b ? 1 : 0;
    });
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, ordered(v, k)]));
}

export function renderJson(advice: Advice): string {
  return JSON.stringify(ordered(advice, undefined), null, 2) + '\n';
}

/** One line per advice (batch --format ndjson). */
export function renderJsonLine(advice: Advice): string {
  return JSON.stringify(ordered(advice, undefined)) + '\n';
}
