// For random valid rows, written the many ways a spreadsheet writes them (any delimiter, BOM or
// not, CRLF or LF, option ids in any case with spaces, several separators in list cells, ja/nee,
// decimal commas, a € sign), `batch --format ndjson` gives for every row exactly the advice that
// evaluate — and `advise --format json` — give for the same answers, and `--format csv` the
// columns of that advice. Shipped rules.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Lang } from '../../src/core/advice.ts';
import { evaluate, verdictOf } from '../../src/core/engine.ts';
import { escapeFormula, OUTPUT_COLUMNS, verdictCells } from '../../src/io/csv.ts';
import type { QuestionDef } from '../../src/core/ruleset.ts';
import { runBatch } from '../../src/io/batch.ts';
import { renderJsonLine } from '../../src/report/json.ts';
import { run, tempDir } from './helpers.ts';
import { shippedRules as rules } from '../shipped-rules.ts';

const AS_OF = '2026-11-27';
const questions = rules.questionOrder
  .map((id) => rules.questions.get(id)!)
  .filter((q) => !q.derived);

/** A typed answer and one way a spreadsheet cell could hold it. */
interface Cell {
  readonly value: AnswerValue;
  readonly text: string;
}

const spaces = fc.constantFrom('', ' ', '  ');
const caseOf = (s: string) =>
  fc
    .constantFrom<(x: string) => string>(
      (x) => x,
      (x) => x.toUpperCase(),
      (x) => x.charAt(0).toUpperCase() + x.slice(1),
    )
    .map((f) => f(s));

function cellFor(q: QuestionDef): fc.Arbitrary<Cell> {
  switch (q.kind) {
    case 'one':
      return fc
        .constantFrom(...q.optionIds)
        .chain((o) =>
          fc
            .tuple(spaces, caseOf(o), spaces)
            .map(([a, t, b]) => ({ value: o, text: `${a}${t}${b}` })),
        );
    case 'many':
      return fc.shuffledSubarray([...q.optionIds], { minLength: 1 }).chain((items) =>
        fc
          .tuple(
            fc.constantFrom('|', ';', ',', ' | ', ', '),
            fc.array(fc.boolean(), { minLength: items.length, maxLength: items.length }),
          )
          .map(([sep, upper]) => ({
            // answers come out in option order, whatever order the cell lists them in
            value: q.optionIds.filter((o) => items.includes(o)),
            text: items.map((o, i) => (upper[i] ? o.toUpperCase() : o)).join(sep),
          })),
      );
    case 'boolean':
      return fc
        .boolean()
        .chain((b) =>
          fc
            .constantFrom(
              ...(b
                ? ['yes', 'Yes', 'ja', 'JA', 'true', 'TRUE', '1']
                : ['no', 'No', 'nee', 'false', 'FALSE', '0']),
            )
            .map((text) => ({ value: b, text })),
        );
    case 'number': {
      const min = Math.max(0, q.min ?? 0);
      const max = Math.min(q.max ?? 20_000_000, 20_000_000);
      return fc
        .tuple(
          fc.integer({ min: min * 100, max: max * 100 }),
          fc.boolean(),
          fc.constantFrom('.', ','),
          fc.constantFrom('', '€', '€ '),
        )
        .map(([cents, whole, mark, euro]) => {
          const value = whole ? Math.trunc(cents / 100) : cents / 100;
          const [int, frac] = String(value).split('.');
          return { value, text: `${euro}${int}${frac ? mark + frac : ''}` };
        });
    }
    case 'text':
      return fc
        .oneof(
          fc.string({ minLength: 1, maxLength: 30 }),
          fc.constantFrom(
            'Cue2Walk',
            'CVA-portaal',
            'Zorg, "thuis"; samen',
            'Twee\nregels',
            'Één café',
          ),
        )
        .filter((s) => s.trim() !== '')
        .map((s) => ({ value: s.trim(), text: s }));
  }
}

/** A row: for each question, maybe an answer. */
const row = fc.record(
  Object.fromEntries(questions.map((q) => [q.id, fc.option(cellFor(q), { freq: 3 })])),
) as fc.Arbitrary<Row>;

interface Layout {
  readonly delimiter: string;
  readonly bom: boolean;
  readonly crlf: boolean;
  readonly lang: Lang;
  readonly withId: boolean;
}

const layout: fc.Arbitrary<Layout> = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t'),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  lang: fc.constantFrom<Lang>('nl', 'en'),
  withId: fc.boolean(),
});

type Row = Record<string, Cell | null>;

/** A row with no id and no answer at all is an empty line to batch, not a row. */
const blank = (r: Row, l: Layout) => !l.withId && questions.every((q) => !r[q.id]);

const breaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

function toCsv(rows: Row[], l: Layout): string {
  const header = [...(l.withId ? ['id'] : []), ...questions.map((q) => q.id)];
  const records = rows.map((r, i) => [
    ...(l.withId ? [`row-${i + 1}`] : []),
    ...questions.map((q) => r[q.id]?.text ?? ''),
  ]);
  return stringify([header, ...records], {
    delimiter: l.delimiter,
    bom: l.bom,
    record_delimiter: l.crlf ? 'windows' : 'unix',
    // a line break in a value is quoted, as Excel writes it: unquoted, any line break ends a row
    quoted_match: /[\r\n]/,
  });
}

function typed(r: Row): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const q of questions) {
    const c = r[q.id];
    if (c) out[q.id] = c.value;
  }
  return out;
}

/** runBatch over a CSV text, in process; the output as text. */
async function batchOf(csv: string, lang: Lang, format: 'csv' | 'ndjson'): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await runBatch({
    rules,
    asOf: AS_OF,
    lang,
    format,
    input: Readable.from([Buffer.from(csv)]),
    output: out,
    endOutput: false,
    onWarning: (m) => {
      throw new Error(`unexpected warning: ${m}`);
    },
  });
  return Buffer.concat(chunks).toString('utf8');
}

describe('batch equals evaluate and advise on the same answers', () => {
  it('as CSV: each row holds the verdict of the advice for its answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 5 }), layout, async (rows, l) => {
        const csv = toCsv(rows, l);
        const got = parse(await batchOf(csv, l.lang, 'csv'), {
          delimiter: l.delimiter,
          bom: true,
        }) as string[][];
        let line = 2;
        const want: string[][] = [[...OUTPUT_COLUMNS]];
        rows.forEach((r, i) => {
          const id = l.withId ? `row-${i + 1}` : String(line);
          line += 1 + questions.reduce((n, q) => n + breaks(r[q.id]?.text ?? ''), 0);
          if (blank(r, l)) return;
          const advice = evaluate(rules, typed(r), { asOf: AS_OF, lang: l.lang });
          want.push(verdictCells(id, verdictOf(advice)).map((c) => String(escapeFormula(c))));
        });
        expect(got).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });

  it('for random valid rows in any spreadsheet layout', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 5 }), layout, async (rows, l) => {
        const csv = toCsv(rows, l);
        const lines = (await batchOf(csv, l.lang, 'ndjson')).split('\n').filter((x) => x !== '');
        // ids are the line numbers when there is no id column: a text cell with a line break
        // makes its row span more than one line
        let line = 2;
        const expected: string[] = [];
        rows.forEach((r, i) => {
          const id = l.withId ? `row-${i + 1}` : String(line);
          line += 1 + questions.reduce((n, q) => n + breaks(r[q.id]?.text ?? ''), 0);
          if (blank(r, l)) return;
          const advice = evaluate(rules, typed(r), { asOf: AS_OF, lang: l.lang, input: { id } });
          expected.push(renderJsonLine(advice));
        });
        expect(lines.map((x) => JSON.parse(x) as unknown)).toEqual(
          expected.map((x) => JSON.parse(x) as unknown),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('through the CLI: batch --format ndjson against advise --format json', async () => {
    await fc.assert(
      fc.asyncProperty(row, layout, async (r, l) => {
        fc.pre(!blank(r, l));
        const dir = tempDir();
        writeFileSync(join(dir, 'p.csv'), toCsv([r], l));
        writeFileSync(join(dir, 'answers.json'), JSON.stringify(typed(r)));
        const common = ['--as-of', AS_OF, '--lang', l.lang];
        const b = await run(['batch', 'p.csv', '--format', 'ndjson', ...common], { cwd: dir });
        const a = await run(['advise', 'answers.json', '--format', 'json', ...common], {
          cwd: dir,
        });
        expect(b.code).toBe(0);
        expect(a.code).toBe(0);
        const fromBatch = JSON.parse(b.stdout) as Record<string, unknown>;
        const fromAdvise = JSON.parse(a.stdout) as Record<string, unknown>;
        // only the echoed input differs: the row's id against the answers file's; and advise adds
        // the summary that opens its reports, which batch rows leave out
        delete fromBatch.input;
        delete fromAdvise.input;
        expect(fromAdvise.summary).toBeTypeOf('object');
        delete fromAdvise.summary;
        expect(fromBatch).toEqual(fromAdvise);
      }),
      // every run loads the rule set twice: report the first failure as it is, without shrinking
      { numRuns: 4, endOnFailure: true },
    );
  });
});
