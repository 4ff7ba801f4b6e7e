// docs/interface.md is written by hand; this holds it to the rules: every question the rules
// define (rules/questions.yaml and the trees' follow-ups) is in it with each of its options, and
// every CSV output column and exit code the code has.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTIES } from '../../src/core/ids.ts';
import { OUTPUT_COLUMNS } from '../../src/io/csv.ts';
import { ROOT } from '../advise/helpers.ts';
import { shippedRules as rules } from '../shipped-rules.ts';

const doc = readFileSync(join(ROOT, 'docs', 'interface.md'), 'utf8');
// a question's row in a table: | `id` | kind | options |
const row = (id: string) => doc.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));

describe('docs/interface.md', () => {
  const questions = [...rules.questions.values()].filter((q) => q.owner !== 'parties');

  it.each(questions.filter((q) => !q.derived).map((q) => [q.id, q] as const))(
    'lists %s with every option',
    (_, q) => {
      const line = row(q.id);
      expect(line, q.id).toBeDefined();
      // options_from: parties are listed once, under the table
      const own = q.optionIds.filter((o) => !(PARTIES as readonly string[]).includes(o));
      for (const o of own) expect(line, `${q.id}: ${o}`).toContain(`\`${o}\``);
    },
  );

  it('names the computed facts, the amount questions and every party', () => {
    for (const q of questions.filter((x) => x.derived)) expect(doc).toContain(`\`${q.id}\``);
    expect(row('cost_<party>')).toBeDefined();
    expect(row('benefit_<party>')).toBeDefined();
    for (const p of PARTIES) expect(doc).toContain(`\`${p}\``);
  });

  it('lists every CSV output column and the exit codes', () => {
    for (const c of OUTPUT_COLUMNS) expect(row(c), c).toBeDefined();
    for (const code of ['0', '1', '2', '130', '128 + n', '141'])
      expect(row(code), code).toBeDefined();
  });

  it('is what the README points to, not a file outside the repository', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('(docs/interface.md)');
    expect(readme).not.toContain('shared/contract.md');
  });
});
