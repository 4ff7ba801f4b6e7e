// Tables that fit the window. cli-table3 makes each column as wide as its longest line, so one long
// cause or list makes a table wider than the terminal, which then breaks every row of it across two
// lines. `fittedTable` gives the columns widths whose sum fits `width`, narrowing the widest columns
// first, and wraps their cells itself: at spaces, with a hanging indent after a bullet ("• "). A
// column gets narrower than its longest word only when nothing else fits; then that word (a long
// file path, say) is broken, never cut off. A table that fits as it is comes out exactly as
// cli-table3 draws it.
import Table from 'cli-table3';
import { visibleLength, wrap } from './wrap.ts';

/** A cell: its text, or its text spanning this row and the next `rowSpan - 1` in its column. */
export type FitCell =
  string | number | { readonly content: string | number; readonly rowSpan: number };

export interface FitOptions {
  readonly head: readonly string[];
  readonly rows: readonly (readonly FitCell[])[];
  /** Columns the whole table may take, borders included; undefined: no limit. */
  readonly width: number | undefined;
  /** No colours in the borders and headings (a file, a pipe, or --no-color). */
  readonly plain: boolean;
  readonly colAligns?: readonly ('left' | 'center' | 'right')[];
}

/** cli-table3's default padding: one space on either side of a cell's text. */
const PADDING = 2;

interface Measure {
  /** The longest line of each column, and its longest word, padding included. */
  readonly natural: number[];
  readonly minimum: number[];
  /** The longest word of each column's cells, the heading left out. */
  readonly body: number[];
  /** Per row, the column of each of its cells (a cell spanning rows above moves the rest right). */
  readonly columns: number[][];
}

function measure(head: readonly string[], rows: readonly (readonly FitCell[])[]): Measure {
  const n = head.length;
  const natural = new Array<number>(n).fill(PADDING);
  const minimum = new Array<number>(n).fill(PADDING);
  const body = new Array<number>(n).fill(PADDING);
  const add = (col: number, text: string, inBody = true) => {
    for (const line of text.split('\n')) {
      natural[col] = Math.max(natural[col]!, visibleLength(line) + PADDING);
      for (const word of line.split(/\s+/)) {
        const w = visibleLength(word) + PADDING;
        minimum[col] = Math.max(minimum[col]!, w);
        if (inBody) body[col] = Math.max(body[col]!, w);
      }
    }
  };
  head.forEach((h, col) => add(col, h, false));
  // rows a cell above still covers, per column (its rowSpan)
  const covered = new Array<number>(n).fill(0);
  const columns = rows.map((row) => {
    const cols: number[] = [];
    const spanned = covered.map((c) => c > 0);
    let col = 0;
    for (const cell of row) {
      while (col < n - 1 && spanned[col]) col++;
      cols.push(col);
      if (typeof cell === 'object') {
        add(col, String(cell.content));
        covered[col] = cell.rowSpan;
      } else add(col, String(cell));
      col = Math.min(col + 1, n - 1);
    }
    for (let c = 0; c < n; c++) if (covered[c]! > 0) covered[c]!--;
    return cols;
  });
  return { natural, minimum, body, columns };
}

/** The narrowest a column gets when even its longest word does not fit: a few characters. */
const NARROWEST = 6 + PADDING;

/**
 * Column widths (padding included) that fit `width`, or undefined when the table fits as it is.
 * The widest column gives up a column at a time: first down to its longest word; then (when that
 * is not enough) down to the longest word of its cells (`body`), so that a heading breaks before
 * the data does; then down to NARROWEST.
 */
export function fitWidths(
  natural: readonly number[],
  minimum: readonly number[],
  width: number,
  body?: readonly number[],
): number[] | undefined {
  const room = width - (natural.length + 1); // the borders: one between and one at either end
  const widths = natural.slice();
  let total = widths.reduce((a, b) => a + b, 0);
  if (total <= room) return undefined;
  const narrowest = natural.map((n) => Math.min(n, NARROWEST));
  const floors = [minimum, ...(body ? [body.map((b, c) => Math.max(b, narrowest[c]!))] : [])];
  for (const floor of [...floors, narrowest]) {
    while (total > room) {
      let widest = -1;
      for (let c = 0; c < widths.length; c++) {
        if (widths[c]! > floor[c]! && (widest < 0 || widths[c]! > widths[widest]!)) widest = c;
      }
      if (widest < 0) break;
      widths[widest]!--;
      total--;
    }
  }
  return widths;
}

/** A word longer than `size` in pieces of `size`, one per line (text with colour codes stays whole). */
function breakWord(word: string, size: number): string {
  if (word.length <= size || visibleLength(word) !== word.length) return word;
  const pieces: string[] = [];
  for (let i = 0; i < word.length; i += size) pieces.push(word.slice(i, i + size));
  return pieces.join(' ');
}

/** A cell's text wrapped to `size` columns: each line at spaces, a bullet's lines indented. */
function wrapCell(text: string, size: number): string {
  return text
    .split('\n')
    .map((para) => {
      const rest = para.startsWith('• ') ? '  ' : '';
      const room = Math.max(1, size - rest.length);
      const words = para.split(/\s+/).map((w) => breakWord(w, room));
      return wrap(words.join(' '), size, '', rest);
    })
    .join('\n');
}

/** A row with each cell wrapped to its column (rowSpan cells keep their span). */
function wrapRow(row: readonly FitCell[], cols: readonly number[], widths: readonly number[]) {
  return row.map((cell, i) => {
    const size = widths[cols[i]!]! - PADDING;
    if (typeof cell === 'object') return { ...cell, content: wrapCell(String(cell.content), size) };
    return typeof cell === 'number' ? cell : wrapCell(cell, size);
  });
}

/** A cli-table3 table of `rows` that fits `width` columns. */
export function fittedTable(opts: FitOptions): string {
  const { natural, minimum, body, columns } = measure(opts.head, opts.rows);
  const widths =
    opts.width === undefined ? undefined : fitWidths(natural, minimum, opts.width, body);
  const table = new Table({
    head: widths ? opts.head.map((h, c) => wrapCell(h, widths[c]! - PADDING)) : [...opts.head],
    style: opts.plain ? { head: [], border: [] } : {},
    ...(opts.colAligns ? { colAligns: [...opts.colAligns] } : {}),
    ...(widths ? { colWidths: widths } : {}),
  });
  opts.rows.forEach((row, r) => {
    if (widths) table.push(wrapRow(row, columns[r]!, widths));
    else table.push(row.map((c) => (typeof c === 'object' ? { ...c } : c)));
  });
  return table.toString();
}
