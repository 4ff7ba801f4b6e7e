// The sha256 of the engine's output on a large fixed collection of answer sets (answer-sets.ts) with
// the shipped rules, both languages and three as-of dates: a quick "did any byte change?" while
// working on the engine. `npx tsx test/engine/snapshot-hash.ts` for the engine in src/,
// `… --reference` for the frozen reference copy (test/engine/reference/), `… --rules DIR` for another
// rule directory (a copy of rules/ holds still while others edit the shipped rules).
// reference.test.ts is the real check; this prints one hash to compare by hand.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Advice, Answers, EvaluateOptions } from '../../src/core/advice.ts';
import { requireRuleSet } from '../../src/io/compile-rules.ts';
import type { RuleSet } from '../../src/core/ruleset.ts';
import { evaluate } from '../../src/core/engine.ts';
import { allAnswerSets, AS_OF_DATES, ROOT } from './answer-sets.ts';

type Evaluate = (rules: RuleSet, answers: Answers, options: EvaluateOptions) => Advice;

const at = process.argv.indexOf('--rules');
const dir = at > 0 ? process.argv[at + 1]! : join(ROOT, 'rules');
const rules = requireRuleSet(dir);
const sets = allAnswerSets(rules, dir, { data: true });
const run: Evaluate = evaluate;
const hash = createHash('sha256');
let n = 0;
const started = performance.now();
sets.forEach((answers, i) => {
  for (const lang of ['nl', 'en'] as const) {
    for (const asOf of AS_OF_DATES) {
      const input = i % 3 === 0 ? { id: `row-${i}` } : undefined;
      hash.update(JSON.stringify(run(rules, answers, { asOf, lang, ...(input ? { input } : {}) })));
      hash.update('\n');
      n++;
    }
  }
});
const ms = performance.now() - started;
console.log(`${n} evaluations of ${sets.length} answer sets: sha256 ${hash.digest('hex')}`);
console.log(`(${((ms * 1000) / n).toFixed(1)} µs per evaluate + JSON.stringify, one cold pass)`);
