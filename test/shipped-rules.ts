// Rule sets compiled once per test worker, for the tests that only read them: the shipped rules,
// and any other directory through rulesIn. The unit project's files share one module graph per
// worker (vitest.config.ts), so a rule set is compiled (about 0.3 s for the shipped rules) once
// per worker instead of once per file or test. A RuleSet is never changed after it is compiled;
// a test that changes rule files compiles its own.
import { resolve } from 'node:path';
import { shippedRulesDir } from '../src/cli/options.ts';
import type { RuleSet } from '../src/core/ruleset.ts';
import { requireRuleSet } from '../src/io/compile-rules.ts';

/**
 * Compiled as of a fixed date: the date only decides what the linter reports, and a report that
 * depends on today's date must not make the tests fail some day.
 */
const AS_OF = '2026-11-27';

const compiled = new Map<string, RuleSet>();

/** The rule set in `dir`, which must have no errors (else the RuleSetError that lists them). */
export function rulesIn(dir: string): RuleSet {
  const abs = resolve(dir);
  let rules = compiled.get(abs);
  if (!rules) compiled.set(abs, (rules = requireRuleSet(abs, false, AS_OF)));
  return rules;
}

export const shippedRules: RuleSet = rulesIn(shippedRulesDir());
