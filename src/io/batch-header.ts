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
  },
  en: {
    unknownColumn: (name: string, s: string | undefined) =>
      `column "${name}" is not a question${s ? ` — did you mean "${s}"?` : ''}; the column is ignored`,
    derivedColumn: (name: string) =>
      `column "${name}" is computed by innoroute, not answered; the column is ignored`,
  },
} as const;

/**
 * The header row of a batch file: which cell is the id, which are questions (in the rule set's
 * question order), and a warning for each column that is neither. A question twice stops the run.
 */
export function planColumns(
  header: readonly string[],
  rules: RuleSet,
  lang: Lang,
  warn: (m: string) => void,
): ColumnPlan {
  const t = TEXTS[lang];
  const answerable = [...rules.questions.values()].filter((q) => !q.derived).map((q) => q.id);
  const seen = new Map<string, number>();
  const questions: { index: number; question: string }[] = [];
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
          1,
          `column "${target}" appears twice (columns ${prev + 1} and ${index + 1})`,
          'keep one of them',
        );
      }
      seen.set(target, index);
      if (target === 'id') idIndex = index;
      else questions.push({ index, question: q!.id });
      return;
    }
    warn(q?.derived ? t.derivedColumn(name) : t.unknownColumn(name, didYouMean(name, answerable)));
  });
  const order = new Map(rules.questionOrder.map((id, i) => [id, i]));
  questions.sort((a, b) => order.get(a.question)! - order.get(b.question)!);
  return { width: header.length, idIndex, questions };
}
