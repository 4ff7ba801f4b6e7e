// Realistic portfolio CSVs of any size, as a consultant's Excel export looks: the core questions
// and the cost/benefit figures, about one cell in eight empty, quoted names, lists in one cell, a
// typo in about one row in a hundred. Deterministic (seeded by the row count), so that every run
// of the benchmark measures the same files and every test run reads the same rows.
// With `oddities`, also what makes line numbers and slices interesting: an empty line now and
// then, and names with a line break inside their quotes.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { QuestionDef, RuleSet } from '../../src/core/ruleset.ts';
import { mulberry32 } from '../engine/answer-sets.ts';

const NAMES = [
  'Thuismonitoring hartfalen',
  'Valdetectie sensor',
  'Leefstijlcoach app',
  'Beweegprogramma COPD',
  'Slimme medicijndispenser',
  'Digitale wijkverpleging',
  'Werkfit na burn-out',
  'Dementie leefcirkel',
  'Beeldbellen huisarts',
  'Revalidatie thuis, "samen"',
];

/** The columns of a portfolio: the core questions and the figures of four parties. */
export function portfolioQuestions(rules: RuleSet): QuestionDef[] {
  return [...rules.questions.values()].filter(
    (q) =>
      !q.derived &&
      (q.core || /^(cost|benefit)_(hospital|health_insurer|municipality|employer)$/.test(q.id)),
  );
}

/** Writes a portfolio CSV of `rows` rows (CRLF, as Excel writes). */
export async function writePortfolio(
  path: string,
  rows: number,
  questions: readonly QuestionDef[],
  { oddities = false } = {},
): Promise<void> {
  const rnd = mulberry32(rows);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out = createWriteStream(path);
  const header = ['id', ...questions.map((q) => q.id)];
  const write = async (line: string) => {
    if (!out.write(`${line}\r\n`)) await once(out, 'drain');
  };
  await write(header.join(','));
  for (let i = 1; i <= rows; i++) {
    if (oddities && rnd() < 0.01) await write('');
    const cells = [`P-${i}`];
    for (const q of questions) {
      if (rnd() < 0.12) {
        cells.push(''); // unanswered
        continue;
      }
      switch (q.kind) {
        case 'text': {
          const name = `${pick(NAMES)}${oddities && rnd() < 0.02 ? '\r\nfase 2' : ''} ${i}`;
          cells.push(`"${name.replace(/"/g, '""')}"`);
          break;
        }
        case 'one':
          cells.push(pick(q.optionIds));
          break;
        case 'many': {
          const chosen = q.optionIds.filter(() => rnd() < 0.25);
          cells.push(chosen.length > 1 ? `"${chosen.join(',')}"` : chosen.join(''));
          break;
        }
        case 'boolean':
          cells.push(pick(['yes', 'no', 'ja', 'nee']));
          break;
        case 'number':
          cells.push(String(Math.round(rnd() * 500) * 1000));
          break;
      }
    }
    // about one row in a hundred has a typo, as real portfolios do
    if (rnd() < 0.01 && cells.length > 2) cells[2] = `${cells[2]}x`;
    await write(cells.join(','));
  }
  out.end();
  await once(out, 'finish');
}
