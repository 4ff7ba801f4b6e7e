// A tree as deep as its file: the walk, the coverage trace and the wizard's next question keep no
// stack per node (walk.ts), so a chain of 20,000 nodes is advised like any other tree.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { traceCase } from '../../src/core/coverage.ts';
import { evaluate } from '../../src/core/engine.ts';
import { nextQuestion } from '../../src/core/next-question.ts';
import { readRuleSet } from '../../src/io/compile-rules.ts';
import { FIXTURES } from './helpers.ts';

const DEPTH = 20_000;
const dir = mkdtempSync(join(tmpdir(), 'innoroute-deep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The engine fixture with a chain of DEPTH nodes before the wmo tree's first node. */
function deepRules() {
  cpSync(join(FIXTURES, 'basic'), dir, { recursive: true });
  const file = join(dir, 'trees', 'wmo.yaml');
  const text = readFileSync(file, 'utf8');
  const chain = Array.from({ length: DEPTH }, (_, i) =>
    i % 2 === 0
      ? `  - id: deep${i}\n    if: { question: phase, equals: explore }\n    then: deep${i + 1}\n    else: deep${i + 1}\n    unknown: deep${i + 1}\n`
      : `  - id: deep${i}\n    next: ${i === DEPTH - 1 ? 'start' : `deep${i + 1}`}\n`,
  ).join('');
  writeFileSync(file, text.replace('nodes:\n', `nodes:\n${chain}`));
  const { rules, diagnostics } = readRuleSet(dir, false);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return rules!;
}

describe(`a chain of ${DEPTH.toLocaleString('en')} nodes`, () => {
  const rules = deepRules();
  const answers = { municipal_contact: true, phase: 'implement' };

  it('is walked to its end: the advice is the one the tree below the chain gives', () => {
    const advice = evaluate(rules, answers, { asOf: '2026-11-22', lang: 'nl' });
    const shallow = readRuleSet(join(FIXTURES, 'basic'), false).rules!;
    const without = evaluate(shallow, answers, { asOf: '2026-11-22', lang: 'nl' });
    expect(advice.routes.map((r) => r.id)).toEqual(without.routes.map((r) => r.id));
    expect(advice.routes.length).toBeGreaterThan(0);
  });

  it('is traced node by node, and the wizard walks it too (no stack overflow)', () => {
    const entered = traceCase(rules, answers).filter((e) => e.branch === undefined);
    expect(entered.filter((e) => e.node.startsWith('deep'))).toHaveLength(DEPTH);
    const next = nextQuestion(rules, {});
    expect(next.done).toBe(false);
  });
});
