// Regenerates the golden advice files from the engine as it is now: `npm run golden`. Only on
// purpose, after a change of the advice that a commit explains; review the diff before committing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRuleSet } from '../../src/io/compile-rules.ts';
import { coverageOf, COVERAGE_FILE, generate, GOLDEN_DIR, GROUPS, render } from './golden.ts';

mkdirSync(GOLDEN_DIR, { recursive: true });
for (const group of GROUPS) {
  const { rules } = readRuleSet(group.rulesDir, true);
  if (!rules) throw new Error(`the rules in ${group.rulesDir} do not load`);
  const entries = generate(group, rules);
  writeFileSync(join(GOLDEN_DIR, group.file), render(group, entries));
  console.log(`${group.file}: ${entries.length} entries`);
}

const coverage = coverageOf((dir) => {
  const { rules } = readRuleSet(dir, true);
  if (!rules) throw new Error(`the rules in ${dir} do not load`);
  return rules;
});
writeFileSync(join(GOLDEN_DIR, COVERAGE_FILE), JSON.stringify(coverage, null, 2) + '\n');
console.log(`${COVERAGE_FILE}: ${Object.keys(coverage).join(', ')}`);
