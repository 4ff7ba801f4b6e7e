// A tree as deep as its file: the walk, the coverage trace and the wizard's next question keep no
// stack per node (walk.ts), so a chain of 20,000 nodes is advised like any other tree.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { traceCase } from '../../src/core/coverage.ts';
import { evaluate } from '../../src/core/engine.ts';
import { nextQuestion } from '../../src/core/next-question.ts';
import { MAX_RULE_DEPTH } from '../../src/core/limits.ts';
import { lint } from '../../src/core/lint.ts';
import { readRuleSet } from '../../src/io/compile-rules.ts';
import { run } from '../advise/helpers.ts';
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

// Conditions recurse once per level (compiling, linting, evaluating, zod): their depth is bounded
// by MAX_RULE_DEPTH, which the loader enforces for every command, so that what validate accepts
// the engine can take, and what it cannot take is a located diagnostic, never a stack overflow.
describe('conditions nested inside each other', () => {
  const nested = mkdtempSync(join(tmpdir(), 'innoroute-nested-'));
  afterAll(() => rmSync(nested, { recursive: true, force: true }));

  /** The basic fixture with a first node whose condition is `nots` nots deep (one line, 5). */
  function withNots(nots: number): string {
    const dir = join(nested, String(nots));
    cpSync(join(FIXTURES, 'basic'), dir, { recursive: true });
    const file = join(dir, 'trees', 'wmo.yaml');
    const cond = `${'{ not: '.repeat(nots)}{ question: phase, equals: explore }${' }'.repeat(nots)}`;
    const node = `  - id: deep\n    if: ${cond}\n    then: start\n    else: start\n    unknown: start\n`;
    const text = readFileSync(file, 'utf8').replace('nodes:\n', `nodes:\n${node}`);
    writeFileSync(file, text);
    expect(text.split('\n')[18]).toBe(`    if: ${cond}`);
    return dir;
  }

  // the tree file's mapping, its nodes, the node and the comparison take four levels
  const most = MAX_RULE_DEPTH - 4;

  it(`${most} levels (the limit) are validated, and evaluated by every walk`, () => {
    const dir = withNots(most);
    const { rules, diagnostics } = readRuleSet(dir, false);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const findings = lint(rules!, { asOf: '2026-11-22' }).filter((f) => f.severity === 'error');
    expect(findings).toEqual([]);
    const answers = { municipal_contact: true, phase: 'explore' };
    const advice = evaluate(rules!, answers, { asOf: '2026-11-22', lang: 'nl' });
    expect(advice.routes.length).toBeGreaterThan(0);
    expect(traceCase(rules!, answers).length).toBeGreaterThan(0);
    expect(nextQuestion(rules!, {}).done).toBe(false);
  });

  it('one level more is a yaml-nesting error at its place, and advise refuses the rules', async () => {
    const dir = withNots(most + 1);
    const { diagnostics } = readRuleSet(dir, false);
    const col = 9 + '{ not: '.length * (most + 1); // the comparison, one level too deep
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.code}`)).toEqual([
      `trees/wmo.yaml:19:${col} yaml-nesting`,
    ]);
    const answers = join(FIXTURES, '..', 'advise', 'answers', 'cue2walk.yaml');
    const r = await run(['advise', answers, '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`trees/wmo\\.yaml:19:${col} +error +yaml-nesting `));
  });
});
