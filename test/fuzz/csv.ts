// Random CSV files for `innoroute batch`: `,` `;` or tab, a BOM or not, CRLF, LF and CR line
// endings (mixed within a file too), quotes and quoted line breaks, huge cells, formulas in cells
// and ids, `__proto__` and `constructor` columns, ragged rows, blank lines, an empty file, a header
// alone, a spreadsheet or binary file by mistake. The file is built from a list of records, so the
// number of data rows it holds is known without reading it back: every record with a non-blank
// cell after the header is one row.
import fc from 'fast-check';
import type { QuestionDef } from '../../src/core/ruleset.ts';
import type { Command, FuzzCase, Scale } from './model.ts';
import { AS_OF, formulaText, idVariant, junkText, questions, rarely, utf8 } from './model.ts';

type Column =
  | { readonly kind: 'question'; readonly q: QuestionDef; readonly header: string }
  | { readonly kind: 'id'; readonly header: string }
  | { readonly kind: 'other'; readonly header: string };

function column(): fc.Arbitrary<Column> {
  const qs = questions();
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .constantFrom(...qs)
        .chain((q) =>
          fc
            .oneof({ weight: 4, arbitrary: fc.constant(q.id) }, idVariant(q.id))
            .map((header): Column => ({ kind: 'question', q, header })),
        ),
    },
    fc.constantFrom<Column>(
      { kind: 'other', header: '__proto__' },
      { kind: 'other', header: 'constructor' },
      { kind: 'other', header: 'toString' },
      { kind: 'other', header: 'notes' },
      { kind: 'other', header: '' },
      { kind: 'other', header: '=cmd()' },
    ),
  );
}

/** A cell as a spreadsheet might hold it for a question: valid mostly, sometimes not. */
function cellFor(c: Column, scale: Scale): fc.Arbitrary<string> {
  const junk = fc.oneof(
    { weight: 4, arbitrary: junkText },
    formulaText,
    fc.integer({ min: 1000, max: scale.huge }).map((n) => 'x'.repeat(n)),
  );
  const valid = ((): fc.Arbitrary<string> => {
    if (c.kind !== 'question') return fc.string({ maxLength: 10 });
    const q = c.q;
    switch (q.kind) {
      case 'one':
        return fc.constantFrom(...q.optionIds.flatMap((o) => [o, o.toUpperCase(), ` ${o} `]));
      case 'many':
        return fc
          .tuple(
            fc.shuffledSubarray([...q.optionIds], { minLength: 1 }),
            fc.constantFrom('|', ';', ','),
          )
          .map(([items, sep]) => items.join(sep));
      case 'boolean':
        return fc.constantFrom('yes', 'no', 'ja', 'nee', 'TRUE', '0', '1');
      case 'number':
        return fc
          .integer({ min: 0, max: 5_000_000 })
          .chain((n) => fc.constantFrom(String(n), `€ ${n}`, `${n},50`));
      case 'text':
        return fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('Cue2Walk', 'Twee\nregels'));
    }
  })();
  const id = fc.oneof(fc.stringMatching(/^row-[0-9]{1,4}$/), formulaText, junkText);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant('') },
    { weight: 8, arbitrary: c.kind === 'id' ? id : valid },
    { weight: 1, arbitrary: junk },
  );
}

interface Layout {
  readonly delimiter: ',' | ';' | '\t';
  readonly bom: boolean;
  /** One line ending for the file, or one per record. */
  readonly endings: readonly string[];
  readonly finalEol: boolean;
  readonly quoteAll: boolean;
}

function quote(cell: string, l: Layout): string {
  const needs = l.quoteAll || /[",;\t\r\n]/.test(cell) || cell.startsWith('\uFEFF');
  return needs ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function render(records: readonly (readonly string[])[], l: Layout): string {
  let out = l.bom ? '\uFEFF' : '';
  records.forEach((r, i) => {
    out += r.map((c) => quote(c, l)).join(l.delimiter);
    if (i < records.length - 1 || l.finalEol) out += l.endings[i % l.endings.length];
  });
  return out;
}

const blank = (r: readonly string[]) => r.every((c) => c.trim() === '');

interface Table {
  readonly columns: readonly Column[];
  readonly records: readonly (readonly string[])[];
  readonly leadingBlank: number;
}

function table(scale: Scale): fc.Arbitrary<Table> {
  return fc
    .record({
      columns: fc.array(column(), { minLength: 1, maxLength: 10 }),
      withId: fc.option(fc.nat({ max: 10 })),
      rows: fc.integer({ min: 0, max: scale.rows }),
      leadingBlank: fc.integer({ min: 0, max: 1 }),
    })
    .chain(({ columns, withId, rows, leadingBlank }) => {
      const cols: Column[] = [...columns];
      if (withId !== null) cols.splice(withId % (cols.length + 1), 0, { kind: 'id', header: 'id' });
      const record = fc.oneof(
        { weight: 10, arbitrary: fc.tuple(...cols.map((c) => cellFor(c, scale))) },
        // blank lines, and lines of only delimiters (or spaces)
        fc.constantFrom(
          [] as string[],
          cols.map(() => ''),
          cols.map(() => ' '),
        ),
        // ragged: a cell short, or one too many
        fc.tuple(...cols.map((c) => cellFor(c, scale))).map((r) => r.slice(0, -1)),
        fc.tuple(...cols.map((c) => cellFor(c, scale)), junkText).map((r) => r),
      );
      return fc
        .array(record, { minLength: rows, maxLength: rows })
        .map((records) => ({ columns: cols, records, leadingBlank }));
    });
}

interface Built {
  readonly bytes: Uint8Array;
  /** The delimiter written, and whether batch finds it from the header line. */
  readonly delimiter?: Layout['delimiter'];
  readonly detectable?: boolean;
  readonly rows?: number;
  readonly expect?: Command['expect'];
  readonly label: string;
}

function tableFile(scale: Scale): fc.Arbitrary<Built> {
  const ending = fc.constantFrom('\n', '\r\n', '\r');
  return fc
    .record({
      t: table(scale),
      delimiter: fc.constantFrom<Layout['delimiter']>(',', ';', '\t'),
      bom: fc.boolean(),
      endings: fc.oneof(
        { weight: 3, arbitrary: ending.map((e) => [e]) },
        fc.array(ending, { minLength: 2, maxLength: 4 }),
      ),
      finalEol: fc.boolean(),
      quoteAll: fc.boolean(),
    })
    .map(({ t, ...layout }): Built => {
      const header = t.columns.map((c) => c.header);
      const records = [...Array.from({ length: t.leadingBlank }, () => []), header, ...t.records];
      const bytes = utf8(render(records, layout));
      // the first non-blank record is the header; every non-blank record after it is a row
      const first = records.findIndex((r) => !blank(r));
      const rows = first < 0 ? 0 : records.slice(first + 1).filter((r) => !blank(r)).length;
      const questionIds = t.columns.flatMap((c) => (c.kind === 'question' ? [c.q.id] : []));
      const twice = questionIds.some((id, i) => questionIds.indexOf(id) !== i);
      const mixed = new Set(layout.endings).size > 1;
      const label =
        `${rows} rows, ${t.columns.length} columns, delimiter ${JSON.stringify(layout.delimiter)}` +
        `, endings ${layout.endings.map((e) => JSON.stringify(e)).join('/')}${mixed ? ' (mixed)' : ''}` +
        (layout.bom ? ', BOM' : '');
      const nothing = t.columns.every((c) => c.kind === 'other');
      // batch takes the most frequent delimiter of the first line, `,` when there is none
      const detectable =
        layout.delimiter === ',' || (t.leadingBlank === 0 && t.columns.length >= 2);
      return {
        bytes,
        delimiter: layout.delimiter,
        detectable,
        ...(first >= 0 ? { rows } : {}),
        ...(twice
          ? { expect: { codes: [2], why: 'a question is a column twice' } }
          : nothing
            ? { expect: { codes: [2], why: 'no column is a question or the id' } }
            : {}),
        label,
      };
    });
}

/** Files that are no CSV table at all. */
const oddFile: fc.Arbitrary<Built> = fc.oneof(
  fc.constantFrom<Built>(
    { bytes: utf8(''), label: 'empty file', expect: { codes: [2], why: 'no header row' } },
    { bytes: utf8('\uFEFF'), label: 'only a BOM', expect: { codes: [2], why: 'no header row' } },
    { bytes: utf8('\r\n\n\r'), label: 'only line ends', expect: { codes: [2], why: 'no header' } },
    { bytes: utf8('phase,goal\n'), rows: 0, label: 'header only' },
    {
      bytes: utf8('phase,goal\n"implement,prevention\n'),
      label: 'unclosed quote',
      expect: { codes: [2], why: 'not valid CSV' },
    },
  ),
  fc
    .uint8Array({ minLength: 1, maxLength: 600 })
    .map((b): Built => ({ bytes: b, label: 'binary junk' })),
  fc.uint8Array({ maxLength: 300 }).map((b): Built => ({
    // the start of an .xlsx file: a zip with the workbook's content types first
    bytes: Buffer.concat([
      Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000\u0008\u0000'),
      Buffer.from('[Content_Types].xml'),
      b,
    ]),
    label: 'an .xlsx file',
    expect: { codes: [2], why: 'a spreadsheet, not a CSV file' },
  })),
  // UTF-16, as Excel's "Unicode text" saves
  fc.constant<Built>({
    bytes: Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('phase\tgoal\r\nimplement\tprevention\r\n', 'utf16le'),
    ]),
    label: 'UTF-16 text',
  }),
);

export function csvCase(scale: Scale): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      file: fc.oneof({ weight: 6, arbitrary: tableFile(scale) }, oddFile),
      format: fc.constantFrom<'csv' | 'ndjson' | 'json'>('csv', 'csv', 'ndjson', 'json'),
      lang: fc.constantFrom('nl', 'en'),
      out: fc.boolean(),
      stdin: fc.boolean(),
      delimiter: rarely(fc.constantFrom(',', ';', 'tab'), 6),
      jobs: rarely(fc.constantFrom('1', '2'), 6),
      ext: fc.constantFrom('csv', 'txt'),
    })
    .map(({ file, format, lang, out, stdin, delimiter, jobs, ext }): FuzzCase => {
      const name = `input.${ext}`;
      // read with another delimiter than it was written with, a file has other records: what
      // was built says nothing about them
      const given = delimiter === 'tab' ? '\t' : delimiter;
      const sameDelimiter =
        file.delimiter === undefined ||
        (given !== null ? given === file.delimiter : file.detectable === true);
      const command: Command = {
        args: [
          'batch',
          stdin ? '-' : `{in}/${name}`,
          '--format',
          format,
          '--lang',
          lang,
          '--as-of',
          AS_OF,
          ...(out ? ['--out', '{out}'] : []),
          ...(delimiter ? ['--delimiter', delimiter] : []),
          ...(jobs ? ['--jobs', jobs] : []),
        ],
        ...(stdin ? { stdin: name } : {}),
        ...(file.rows !== undefined && sameDelimiter ? { rows: file.rows } : {}),
        format,
        ...(file.expect && sameDelimiter ? { expect: file.expect } : {}),
      };
      return {
        kind: 'csv',
        label: `${file.label}${stdin ? ', on stdin' : ''}`,
        files: { [name]: file.bytes },
        commands: [command],
      };
    });
}
