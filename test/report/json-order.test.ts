// The contract's key order (docs/interface.md, JSON) is the engine's to keep: the JSON writers
// (src/core/advice-json.ts) write the keys as the engine built them. This is the order they must
// have — field names by the contract, anything added later after them, alphabetically; objects
// whose keys are data (question ids) keep theirs — checked on the engine's output for the shipped
// rules and the fixtures, in both languages, with and without an echoed input.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adviceJson } from '../../src/core/advice-json.ts';
import { evaluate } from '../../src/core/engine.ts';
import { renderJson, renderJsonLine } from '../../src/report/json.ts';
import { allAnswerSets, AS_OF_DATES, ROOT } from '../engine/answer-sets.ts';
import { rulesIn, shippedRules } from '../shipped-rules.ts';

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
/** Objects whose keys are data (question ids), not field names. */
const MAPS = new Set(['input', 'because']);

/** The paths of the objects whose keys are out of the contract's order. */
function misordered(value: unknown, key: string | undefined, path: string, out: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => misordered(v, undefined, `${path}[${i}]`, out));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const keys = Object.keys(value).filter(
    (k) => (value as Record<string, unknown>)[k] !== undefined,
  );
  if (!(key && MAPS.has(key))) {
    const want = [...keys].sort((a, b) => {
      const ra = RANK.get(a) ?? Infinity;
      const rb = RANK.get(b) ?? Infinity;
      if (ra !== rb) return ra - rb;
      return a < b ? -1 : a > b ? 1 : 0;
    });
    if (want.join() !== keys.join()) out.push(`${path}: ${keys.join(', ')}`);
  }
  for (const k of keys) {
    misordered((value as Record<string, unknown>)[k], k, `${path}.${k}`, out);
  }
}

const RULE_SETS = [
  { name: 'shipped rules', dir: join(ROOT, 'rules'), data: true },
  { name: 'engine fixture', dir: join(ROOT, 'test/fixtures/engine/basic'), data: false },
  { name: 'runner fixture', dir: join(ROOT, 'test/fixtures/runner/basic'), data: false },
];

describe('the engine builds its advice in the contract key order', () => {
  for (const { name, dir, data } of RULE_SETS) {
    it(name, () => {
      const rules = rulesIn(dir);
      const sets = allAnswerSets(rules, dir, { data, random: 300, odd: 100 });
      const bad: string[] = [];
      sets.forEach((answers, i) => {
        const advice = evaluate(rules, answers, {
          asOf: AS_OF_DATES[i % AS_OF_DATES.length]!,
          lang: i % 2 === 0 ? 'nl' : 'en',
          ...(i % 3 === 0 ? { input: { id: `row-${i}` } } : {}),
        });
        misordered(advice, undefined, `set ${i}`, bad);
      });
      expect(sets.length).toBeGreaterThan(300);
      expect(bad.slice(0, 5)).toEqual([]);
    });
  }
});

describe('the JSON writers', () => {
  it('write the advice as it is: two spaces and a newline, or one line', () => {
    const rules = shippedRules;
    const [answers] = allAnswerSets(rules, join(ROOT, 'rules'), { data: true, random: 0, odd: 0 });
    const advice = evaluate(rules, answers!, { asOf: '2026-11-27', lang: 'nl' });
    expect(renderJson(advice)).toBe(`${JSON.stringify(advice, null, 2)}\n`);
    expect(renderJsonLine(advice)).toBe(`${JSON.stringify(advice)}\n`);
    expect(adviceJson(advice)).toBe(JSON.stringify(advice));
  });
});
