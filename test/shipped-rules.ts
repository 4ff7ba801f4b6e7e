// The shipped rule set, compiled once per test worker, for the tests that only read it. The unit
// project's files share one module graph per worker (vitest.config.ts), so this module — and the
// compile, about 0.3 s — runs once per worker instead of once per file. A RuleSet is never changed
// after it is compiled; a test that needs another one compiles its own.
import { shippedRulesDir } from '../src/cli/options.ts';
import type { RuleSet } from '../src/core/ruleset.ts';
import { requireRuleSet } from '../src/io/compile-rules.ts';

/**
 * Compiled as of a fixed date: the date only decides what the linter reports, and a report that
 * depends on today's date must not make the tests fail some day.
 */
export const shippedRules: RuleSet = requireRuleSet(shippedRulesDir(), false, '2026-11-27');
