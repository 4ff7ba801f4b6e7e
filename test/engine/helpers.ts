// Shared by the engine tests: the fixture rule sets, loaded with the real loader.
import { fileURLToPath } from 'node:url';
import type { Advice, Answers, EvaluateOptions } from '../../src/core/advice.ts';
import { AdviceSchema } from '../../src/core/advice-schema.ts';
import { evaluate } from '../../src/core/engine.ts';
import type { RuleSet } from '../../src/core/ruleset.ts';
import { requireRuleSet } from '../../src/io/compile-rules.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/engine/', import.meta.url));

const loaded = new Map<string, RuleSet>();

/** A fixture rule set from test/fixtures/engine/<name>, loaded once. */
export function fixture(name = 'basic'): RuleSet {
  let rules = loaded.get(name);
  if (!rules) {
    rules = requireRuleSet(FIXTURES + name);
    loaded.set(name, rules);
  }
  return rules;
}

export const AS_OF = '2026-11-22';

/** evaluate, checked against the Advice schema. */
export function advise(
  answers: Answers,
  options: Partial<EvaluateOptions> = {},
  rules: RuleSet = fixture(),
): Advice {
  const advice = evaluate(rules, answers, { asOf: AS_OF, lang: 'nl', ...options });
  const checked = AdviceSchema.safeParse(advice);
  if (!checked.success) {
    throw new Error(`the advice does not fit the schema: ${JSON.stringify(checked.error.issues)}`);
  }
  return advice;
}

export const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
