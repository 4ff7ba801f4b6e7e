// The header row of `innoroute batch`: the columns it names, as the plain ColumnPlan that the
// rows (batch-rows.ts) are read by, on the main thread and in the workers alike.
import type { Lang } from '../core/advice.ts';
import { didYouMean } from '../core/answers.ts';
import type { RuleSet } from '../core/ruleset.ts';
import type { ColumnPlan } from './batch-rows.ts';

/** The file cannot be read as a batch file at all; `line` is where (1-based), when known. */
export class BatchFileError extends Error {
  constructor(
    readonly line: number | undefined,
    readonly what: string,
    readonly todo: string,
  ) {
    super(`${line !== undefined ? `line ${line}: ` : ''}${what}; ${todo}`);
    this.name = 'BatchFileError';
  }
}

const TEXTS = {
  nl: {
    unknownColumn: (name: string, s: string | undefined) =>
      `kolom "${name}" is geen vraag${s ? ` — bedoelde je "${s}"?` : ''}; de kolom wordt genegeerd`,
    derivedColumn: (name: string) =>
      `kolom "${name}" wordt door innoroute berekend, niet ingevuld; de kolom wordt genegeerd`,
    twice: (name: string, col: number, firstName: string, first: number) =>
      `kolom ${col} ("${name}") is dezelfde vraag als kolom ${first} ("${firstName}")`,
    keepOne: 'houd er één over',
    noQuestion: (found: string) =>
      `geen enkele kolom van de kopregel is een vraag of "id" (gevonden: ${found})`,
    expected: (names: string) =>
      `de eerste rij noemt de kolommen: id en vraag-id's zoals ${names}; zie data/portfolio-example.csv in innoroute voor een voorbeeld`,
  },
  en: {
    unknownColumn: (name: string, s: string | undefined) =>
      `column "${name}" is not a question${s ? ` — did you mean "${s}"?` : ''}; the column is ignored`,
    derivedColumn: (name: string) =>
      `column "${name}" is computed by innoroute, not answered; the column is ignored`,
    twice: (name: string, col: number, firstName: string, first: number) =>
      `column ${col} ("${name}") is the same question as column ${first} ("${firstName}")`,
    keepOne: 'keep one of them',
    noQuestion: (found: string) =>
      `none of the columns of the header row is a question or "id" (found: ${found})`,
    expected: (names: string) =>
      `the first row names the columns: id and question ids such as ${names}; see data/portfolio-example.csv in innoroute for an example`,
  },
} as const;

/** Column names shown when a header names no question at all. */
const EXPECTED_SHOWN = 8;
/** Columns of a header that names no question, shown as found (the rest as "…"). */
const FOUND_SHOWN = 5;
/** A found column name longer than this is cut in the message. */
const FOUND_CHARS = 40;

/**
 * The header row of a batch file (on `line`): which cell is the id, which are questions (in the
 * rule set's question order), and a warning for each column that is neither. A question twice,
 * or a header in which no column is a question or the id, stops the run.
 */
export function planColumns(
  header: readonly string[],
  line: number,
  rules: RuleSet,
  lang: Lang,
  warn: (m: string) => void,
): ColumnPlan {
  const t = TEXTS[lang];
  const answerable = [...rules.questions.values()].filter((q) => !q.derived).map((q) => q.id);
  const seen = new Map<string, number>();
  const questions: { index: number; question: string }[] = [];
  const warnings: string[] = [];
  let idIndex = -1;
  header.forEach((cell, index) => {
    const name = cell.trim();
    if (name === '') return;
    const key = name.toLowerCase();
    const q = rules.questions.get(key);
    const target = key === 'id' ? 'id' : q && !q.derived ? q.id : undefined;
    if (target !== undefined) {
      const prev = seen.get(target);
      if (prev !== undefined) {
        throw new BatchFileError(
          line,
          t.twice(name, index + 1, header[prev]!.trim(), prev + 1),
          t.keepOne,
        );
      }
      seen.set(target, index);
      if (target === 'id') idIndex = index;
      else questions.push({ index, question: q!.id });
      return;
    }
    warnings.push(
      q?.derived ? t.derivedColumn(name) : t.unknownColumn(name, didYouMean(name, answerable)),
    );
  });
  if (seen.size === 0) {
    // not a batch file (another CSV, or the wrong delimiter): one error, not a warning per column
    const found = header.filter((c) => c.trim() !== '').map((c) => `"${cut(c.trim())}"`);
    const shown =
      found.slice(0, FOUND_SHOWN).join(', ') + (found.length > FOUND_SHOWN ? ', …' : '');
    const expected = rules.questionOrder
      .filter((id) => answerable.includes(id))
      .slice(0, EXPECTED_SHOWN)
      .join(', ');
    throw new BatchFileError(line, t.noQuestion(shown), t.expected(expected));
  }
  for (const w of warnings) warn(w);
  const order = new Map(rules.questionOrder.map((id, i) => [id, i]));
  questions.sort((a, b) => order.get(a.question)! - order.get(b.question)!);
  return { width: header.length, idIndex, questions };
}

function cut(name: string): string {
  return name.length > FOUND_CHARS ? `${name.slice(0, FOUND_CHARS)}…` : name;
}
