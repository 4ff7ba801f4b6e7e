// runTests on the fixture rule set: the cases in file order, the answers normalised like an
// answers file, the case's as_of passed to evaluate, an engine failure reported as a failure.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRuleSet } from '../../src/io/compile-rules.ts';
import type { EvaluateOptions } from '../../src/core/advice.ts';
import { evaluate } from '../../src/core/engine.ts';
import type { RuleSet } from '../../src/core/ruleset.ts';
import { runCase, runTests, selectCases } from '../../src/core/testing.ts';

const basic = fileURLToPath(new URL('../fixtures/runner/basic', import.meta.url));

function load(): RuleSet {
  const { rules } = readRuleSet(basic);
  return rules!;
}

describe('runTests', () => {
  it('runs every case with its normalised answers at its own as_of', () => {
    const rules = load();
    const seen: { answers: unknown; options: EvaluateOptions }[] = [];
    const run = runTests(rules, {
      evaluate: (r, answers, options) => {
        seen.push({ answers, options });
        return evaluate(r, answers, options);
      },
      asOf: '2030-01-01',
      lang: 'en',
    });
    expect(run).toMatchObject({ passed: 4, failed: 0 });
    expect(run.results.map((r) => r.name)).toEqual([
      'device in a treatment relation',
      'self-care app, the patient pays and the insurer gains',
      'nothing answered yet',
      'a service with figures, the hospital pays',
    ]);
    // "Digital" → digital, "nee" → false, a single goal → a list
    expect(seen[1]!.answers).toMatchObject({
      innovation_type: 'digital',
      treatment_relation: false,
      goal: ['cure_treatment'],
    });
    expect(seen.map((s) => s.options)).toEqual(Array(4).fill({ asOf: '2026-11-01', lang: 'en' }));
    expect(run.results[0]!.origin).toEqual({ file: 'tests/cases.yaml', path: ['cases', 0] });
  });

  it('selects cases by a case-insensitive part of the name', () => {
    const rules = load();
    expect(selectCases(rules.tests, 'THE').map((c) => c.name)).toEqual([
      'self-care app, the patient pays and the insurer gains',
      'a service with figures, the hospital pays',
    ]);
    expect(selectCases(rules.tests, undefined)).toHaveLength(4);
  });

  it('reports an engine failure as a failing case and goes on', () => {
    const rules = load();
    const [first, second] = selectCases(rules.tests, undefined);
    const options = {
      asOf: '2026-11-01',
      lang: 'en' as const,
      evaluate: () => {
        throw new Error('boom');
      },
    };
    const result = runCase(rules, first!, options);
    expect(result.status).toBe('failed');
    expect(result.failures).toEqual([
      {
        expectation: 'evaluate',
        expected: 'an advice',
        actual: 'the engine failed: boom',
        origin: { file: 'tests/cases.yaml', path: ['cases', 0, 'answers'] },
      },
    ]);
    expect(runCase(rules, second!, { ...options, evaluate }).status).toBe('passed');
  });
});
