// The engine reproduces the golden advice files byte for byte (see golden.ts). A failure names the
// entry and shows where the two texts part; when a change of the advice is intended, regenerate
// with `npm run golden` and let the diff of test/golden/advice/ be reviewed with the commit.
import { describe, expect, it } from 'vitest';
import { readRuleSet } from '../../src/io/compile-rules.ts';
import { evaluate } from '../../src/core/engine.ts';
import { relevantQuestions } from '../../src/core/next-question.ts';
import type { RuleSet } from '../../src/core/ruleset.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  adviceOf,
  coverageOf,
  COVERAGE_FILE,
  generate,
  GOLDEN_DIR,
  GROUPS,
  nextOf,
  optionsOf,
  readGolden,
} from './golden.ts';

const loaded = new Map<string, RuleSet>();
function rulesOf(dir: string): RuleSet {
  let rules = loaded.get(dir);
  if (!rules) {
    const read = readRuleSet(dir, true);
    if (!read.rules) throw new Error(`the rules in ${dir} do not load`);
    rules = read.rules;
    loaded.set(dir, rules);
  }
  return rules;
}

/** Where two texts first differ, with some context. */
function firstDifference(got: string, want: string): string {
  let k = 0;
  while (k < got.length && got[k] === want[k]) k++;
  const around = (s: string) => s.slice(Math.max(0, k - 100), k + 100);
  return `got:    …${around(got)}…\ngolden: …${around(want)}…`;
}

describe('the engine reproduces the golden advice', () => {
  for (const group of GROUPS) {
    it(group.file, () => {
      const rules = rulesOf(group.rulesDir);
      const entries = readGolden(group);
      // the golden file still holds the sets the generators give (a new rule test case needs it)
      const names = group.entries(rules).map((e) => e.name);
      expect(
        entries.map((e) => e.name),
        'regenerate with npm run golden',
      ).toEqual(names);
      for (const e of entries) {
        const got = JSON.stringify(adviceOf(group, evaluate(rules, e.answers, optionsOf(e))));
        const want = JSON.stringify(e.advice);
        if (got !== want) expect.fail(`${e.name} differs:\n${firstDifference(got, want)}`);
        if (e.next !== undefined) {
          expect(nextOf(rules, e.answers), `${e.name}: next question`).toEqual(e.next);
          expect(relevantQuestions(rules, e.answers), `${e.name}: relevant`).toEqual(e.relevant);
        }
      }
    });
  }

  it('the coverage of the trees by the rule test cases is unchanged', () => {
    const want = readFileSync(join(GOLDEN_DIR, COVERAGE_FILE), 'utf8');
    expect(JSON.stringify(coverageOf(rulesOf), null, 2) + '\n').toBe(want);
  });

  it('regenerating gives the same files (the generators and the engine agree)', () => {
    for (const group of GROUPS.slice(0, 2)) {
      const rules = rulesOf(group.rulesDir);
      expect(JSON.stringify(generate(group, rules))).toBe(JSON.stringify(readGolden(group)));
    }
  });
});
