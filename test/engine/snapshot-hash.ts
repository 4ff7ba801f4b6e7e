// The sha256 of the engine's output on a large fixed collection of answer sets (answer-sets.ts) with
// the shipped rules, both languages and three as-of dates: a quick "did any byte change?" while
// working on the engine. `npx tsx test/engine/snapshot-hash.ts` for the engine in src/,
// `… --rules DIR` for another rule directory (a copy of rules/ holds still while others edit the
// shipped rules). golden.test.ts is the real check; this prints one hash to compare by hand, over
// many more answer sets than the goldens hold.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { requireRuleSet } from '../../src/io/compile-rules.ts';
import { evaluate } from '../../src/core/engine.ts';
import { allAnswerSets, AS_OF_DATES, ROOT } from './answer-sets.ts';

const at = process.argv.indexOf('--rules');
const dir = at > 0 ? process.argv[at + 1]! : join(ROOT, 'rules');
const rules = requireRuleSet(dir);
const sets = allAnswerSets(rules, dir, { data: true });
const hash = createHash('sha256');
let n = 0;
const started = performance.now();
sets.forEach((answers, i) => {
  for (const lang of ['nl', 'en'] as const) {
    for (const asOf of AS_OF_DATES) {
      const input = i % 3 === 0 ? { id: `row-${i}` } : undefined;
      hash.update(
        JSON.stringify(evaluate(rules, answers, { asOf, lang, ...(input ? { input } : {}) })),
      );
      hash.update('\n');
      n++;
    }
  }
});
const ms = performance.now() - started;
console.log(`${n} evaluations of ${sets.length} answer sets: sha256 ${hash.digest('hex')}`);
console.log(`(${((ms * 1000) / n).toFixed(1)} µs per evaluate + JSON.stringify, one cold pass)`);
