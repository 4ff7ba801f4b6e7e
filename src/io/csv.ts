// The CSV edges of `innoroute batch`: what the file looks like (delimiter, BOM, line ending), the
// csv-parse stream that reads it, the output columns and the cell rules that make the output safe to
// open in a spreadsheet. Parsing a cell's *value* is not done here: that is answers.ts, shared with
// answers files and the wizard (contract §2).
import { Parser } from 'csv-parse';
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import type { Lang } from '../core/advice.ts';
import type { Verdict } from '../core/engine.ts';
import { incompleteTail } from './legacy-text.ts';
import type { FileKind } from './sniff.ts';
import { sniff, SNIFF_BYTES } from './sniff.ts';

export type Delimiter = ',' | ';' | '\t';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/**
 * The longest record (one row, its line breaks in quoted values included) csv-parse may buffer,
 * in characters: a row that reaches it stops the run where the row starts, so that an unclosed
 * quote, or a file of one endless line, is never read whole into memory. Real rows are a few
 * hundred characters.
 */
export const MAX_RECORD_CHARS = 1_000_000;
/** The longest cell a row may hold; a longer one makes its row an error row (not the file). */
export const MAX_CELL_CHARS = 100_000;
/** How far we look for the end of the header line before giving up on detection. */
export const MAX_HEAD_BYTES = 1 << 20;

/** `--delimiter`: `,` `;` `tab` or `\t` (and a literal tab). Undefined when not one of those. */
export function parseDelimiterOption(value: string): Delimiter | undefined {
  const v = value.trim() === '' && value.includes('\t') ? '\t' : value.trim().toLowerCase();
  if (v === ',' || v === 'comma') return ',';
  if (v === ';' || v === 'semicolon') return ';';
  if (v === '\t' || v === '\\t' || v === 'tab') return '\t';
  return undefined;
}

/** The name of a delimiter as a user types it. */
export function delimiterName(d: Delimiter): string {
  return d === '\t' ? 'tab' : d;
}

/**
 * The delimiter of a file, from its header line only: the most frequent of `,` `;` and tab outside
 * quotes. Ties and a header without any of them (one column) give `,`.
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) {
      counts.set(ch, counts.get(ch)! + 1);
    }
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

export interface Head {
  /** The file started with a UTF-8 byte order mark. */
  readonly bom: boolean;
  /** The header line (without BOM and line ending); the whole head when no line end was found. */
  readonly headerLine: string;
  /** The header line ended in CRLF. */
  readonly crlf: boolean;
  /** The bytes read so far are not valid UTF-8: a Windows-1252 "CSV" export (legacy-text.ts). */
  readonly notUtf8: boolean;
  /** Nothing at all was read. */
  readonly empty: boolean;
  /** What the first bytes say the file is (text, UTF-16, a spreadsheet, binary). */
  readonly kind: FileKind;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Finds the end of the first line outside quotes; -1 when it is not in `text` yet. */
function headerEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return i;
  }
  return -1;
}

export function describeHead(bytes: Buffer): Head {
  const bom = bytes.subarray(0, 3).equals(BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  // a character cut at the end of the head is not counted as invalid (legacy-text.ts decides the
  // same way for the rest of the file)
  const notUtf8 = !isUtf8(body.subarray(0, incompleteTail(body)));
  const text = body.toString('utf8');
  const end = headerEnd(text);
  return {
    bom,
    headerLine: end < 0 ? text : text.slice(0, end),
    crlf: end >= 0 && text[end] === '\r' && text[end + 1] === '\n',
    notUtf8,
    empty: bytes.length === 0,
    kind: sniff(bytes),
  };
}

/** Waits until the stream has data, has ended, has failed or was closed. */
function readable(source: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      cleanup();
      resolve();
    };
    const fail = (e: Error) => {
      cleanup();
      reject(e);
    };
    const cleanup = () => {
      source.off('readable', done);
      source.off('end', done);
      source.off('close', done);
      source.off('error', fail);
    };
    source.on('readable', done);
    source.on('end', done);
    source.on('close', done);
    source.on('error', fail);
  });
}

/**
 * Whether the bytes fed so far hold a line end outside quotes. Byte by byte, each byte once (the
 * head may come in many small chunks from a pipe): `"`, CR and LF are never part of a longer
 * UTF-8 character, so the bytes can be scanned without decoding them.
 */
class HeaderScan {
  private quoted = false;
  /** A CR ended the line as the last byte so far: an LF may follow (CRLF) in the next chunk. */
  private cr = false;
  ended = false;

  feed(buf: Buffer): boolean {
    if (this.cr && buf.length > 0) this.ended = true;
    for (let i = 0; i < buf.length && !this.ended && !this.cr; i++) {
      const b = buf[i];
      if (b === 0x22) this.quoted = !this.quoted;
      else if (!this.quoted && b === 0x0a) this.ended = true;
      else if (!this.quoted && b === 0x0d) {
        if (i + 1 < buf.length) this.ended = true;
        else this.cr = true;
      }
    }
    return this.ended;
  }
}

/**
 * Reads the start of a stream — until the header line is complete and at least SNIFF_BYTES are
 * there to tell what kind of file it is — and puts it back (`unshift`), so the same stream,
 * read-ahead and backpressure intact, goes on to the parser.
 */
export async function peekHead(source: Readable): Promise<{ head: Head; stream: Readable }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const scan = new HeaderScan();
  for (;;) {
    const chunk = source.read() as Buffer | string | null;
    if (chunk !== null) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(buf);
      size += buf.length;
      if (size >= MAX_HEAD_BYTES || (scan.feed(buf) && size >= SNIFF_BYTES)) break;
      continue;
    }
    if (source.readableEnded || source.destroyed) break;
    await readable(source);
  }
  const headBytes = Buffer.concat(chunks);
  const head = describeHead(headBytes);
  if (source.readableEnded) {
    // the whole input was in the head
    return { head, stream: Readable.from(headBytes.length > 0 ? [headBytes] : []) };
  }
  if (headBytes.length > 0) source.unshift(headBytes);
  return { head, stream: source };
}

/** The line endings of a batch file, in any mix: Windows, Unix, and old Mac ("CSV (Macintosh)"). */
const RECORD_DELIMITERS = ['\r\n', '\n', '\r'];

/** A parsed record with the line it starts on. */
export interface CsvRecord {
  readonly cells: string[];
  readonly line: number;
}

/**
 * The csv-parse stream for a batch file: each record (header included) comes out as a CsvRecord.
 * Empty lines come through as records too (`['']`), so that line numbers can be counted without
 * the per-record `info` objects (see LineCounter); the pipeline skips them. The lines are counted
 * as csv-parse emits the records, so that when the file turns out to be broken, `failedLine` is
 * where the broken record starts, however many records wait in the streams' buffers.
 */
export class CsvRecordParser extends Parser {
  private readonly lines = new LineCounter();

  constructor(delimiter: Delimiter) {
    super({
      bom: true,
      delimiter,
      // Field counts are checked per row (a row error), not by the parser (a file error).
      relax_column_count: true,
      // A stray quote inside an unquoted value ("Cue2Walk "pro") is kept as text, as Excel does.
      relax_quotes: true,
      // Every line ending on its own, whatever the others are: csv-parse would otherwise take the
      // first one it meets as the only one, and a file whose header ends in CRLF and some rows in
      // LF (a hand edit) would run those rows together. CRLF first, so it is one ending, not two.
      record_delimiter: RECORD_DELIMITERS,
      max_record_size: MAX_RECORD_CHARS,
    });
  }

  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (record === null) return super.push(null, encoding);
    const cells = record as string[];
    return super.push({ cells, line: this.lines.start(cells) } satisfies CsvRecord, encoding);
  }

  /** The line on which the record that failed to parse starts. */
  failedLine(): number {
    return this.lines.failed();
  }

  /** Whether the parser stopped inside a quoted value (csv-parse's state, kept after an error). */
  failedInQuotes(): boolean {
    const state = (this as unknown as { state?: { quoting?: unknown } }).state;
    return state?.quoting === true;
  }
}

/** How many line breaks (CRLF, LF or CR) a parsed field holds. */
export function lineBreaks(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (value.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/**
 * Line numbers of records, as an editor shows them. csv-parse's own `info.lines` counts a CRLF
 * inside a quoted field twice, so we count: every record (empty lines included) starts on the line
 * after the previous one ended, and spans the line breaks inside its fields.
 */
export class LineCounter {
  private next = 1;

  /** The line on which this record starts. Call once per record, in order. */
  start(record: readonly string[]): number {
    const line = this.next;
    let breaks = 0;
    for (const field of record) {
      if (field.length > 0 && (field.includes('\n') || field.includes('\r'))) {
        breaks += lineBreaks(field);
      }
    }
    this.next = line + breaks + 1;
    return line;
  }

  /** The line on which the record that failed to parse started. */
  failed(): number {
    return this.next;
  }
}

const CSV_ERRORS = {
  nl: {
    unclosed: 'een waarde tussen aanhalingstekens die hier begint, wordt nergens gesloten',
    closeIt:
      'zet het sluitende " erbij (een " binnen een waarde tussen aanhalingstekens schrijf je als "")',
    tooLong: (max: string) =>
      `een rij die hier begint, is langer dan ${max} tekens (het meeste dat een rij mag hebben), waarschijnlijk door een waarde tussen aanhalingstekens die nergens wordt gesloten`,
    tooLongNoBreak: (max: string) =>
      `een rij die hier begint, is langer dan ${max} tekens (het meeste dat een rij mag hebben) zonder regeleinde`,
    checkFile:
      'controleer of dit het CSV-bestand is dat je bedoelt, met één innovatie per regel; splits de rij of maak haar korter',
    afterQuote: (d: string) =>
      `na het sluitende aanhalingsteken van een waarde staat nog tekst, in plaats van "${d}" of het einde van de regel`,
    quoteWhole: 'zet de hele waarde tussen aanhalingstekens en schrijf een " erin als ""',
    invalid: 'het bestand is hier geen geldige CSV',
    saveAgain: 'open het in een spreadsheet en sla het opnieuw op als CSV (UTF-8)',
    locale: 'nl-NL',
  },
  en: {
    unclosed: 'a quoted value that starts here is never closed',
    closeIt: 'add the closing " (a " inside a quoted value is written "")',
    tooLong: (max: string) =>
      `a row that starts here is longer than ${max} characters (the most a row may hold), most likely a quoted value that is never closed`,
    tooLongNoBreak: (max: string) =>
      `a row that starts here is longer than ${max} characters (the most a row may hold) without a line break`,
    checkFile:
      'check that this is the CSV file you meant, with one innovation per line; split or shorten the row',
    afterQuote: (d: string) =>
      `text follows the closing quote of a value instead of "${d}" or the end of the line`,
    quoteWhole: 'quote the whole value and write a " inside it as ""',
    invalid: 'the file is not valid CSV here',
    saveAgain: 'open it in a spreadsheet and save it again as CSV (UTF-8)',
    locale: 'en',
  },
} as const;

/** csv-parse's error codes that mean the file is not valid CSV, with what to do about each. */
export function describeCsvError(
  code: string | undefined,
  delimiter: Delimiter,
  inQuotes = true,
  lang: Lang = 'en',
): { what: string; todo: string } {
  const t = CSV_ERRORS[lang];
  const max = MAX_RECORD_CHARS.toLocaleString(t.locale);
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { what: t.unclosed, todo: t.closeIt };
    case 'CSV_MAX_RECORD_SIZE':
      return inQuotes
        ? { what: t.tooLong(max), todo: t.closeIt }
        : { what: t.tooLongNoBreak(max), todo: t.checkFile };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return { what: t.afterQuote(delimiterName(delimiter)), todo: t.quoteWhole };
    default:
      return { what: t.invalid, todo: t.saveAgain };
  }
}

// ---------------------------------------------------------------------------------------------
// Output

/** The columns of `--format csv`, in order. */
export const OUTPUT_COLUMNS = [
  'id',
  'status',
  'route',
  'family',
  'fit',
  'score',
  'alternatives',
  'stakeholders',
  'warnings',
  'open_questions',
  'wrong_pocket',
  'wrong_pocket_amount',
  'error',
] as const;

export type OutputCell = string | number;

/** Joins a list into one cell. */
export const LIST_SEPARATOR = '|';

/**
 * A cell a spreadsheet would run as a formula (or that hides one behind a tab or carriage return)
 * gets a leading `'`, which Excel and LibreOffice show as text. Numbers the advice computes are
 * never escaped: `-300000` stays a number; text that merely looks like a number is text.
 */
export function escapeFormula(cell: OutputCell): OutputCell {
  if (typeof cell === 'number') return cell;
  const first = cell.charAt(0);
  if (
    first === '=' ||
    first === '+' ||
    first === '-' ||
    first === '@' ||
    first === '\t' ||
    first === '\r'
  ) {
    return `'${cell}`;
  }
  return cell;
}

/** The characters that make a value quoted, per delimiter: the delimiter, `"`, CR and LF. */
const NEEDS_QUOTES: Readonly<Record<Delimiter, RegExp>> = {
  ',': /[",\r\n]/,
  ';': /[";\r\n]/,
  '\t': /["\t\r\n]/,
};

/**
 * One CSV record, its line ending (`eol`) included: the cells joined by the delimiter, a value
 * that holds the delimiter, a `"` or a line break between quotes with each `"` doubled, a number
 * as JavaScript writes it — csv-stringify's output (with quote_record_delimiter), written per
 * record without its per-cell options.
 * A CR or LF on its own is quoted too, whichever line ending the file has: unquoted, a reader
 * (Excel, or this parser, which takes CR, LF and CRLF alike) would end the row there.
 */
export function csvRecord(cells: readonly OutputCell[], delimiter: Delimiter, eol: string): string {
  const quoted = NEEDS_QUOTES[delimiter];
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const text = typeof cell === 'number' ? String(cell) : cell;
    if (i > 0) out += delimiter;
    out += quoted.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }
  return out + eol;
}

/** The line ending of the output: the header's. */
export function outputEol(crlf: boolean): string {
  return crlf ? '\r\n' : '\n';
}

/** The output row of an assessed row, formula escaping not yet applied. */
export function verdictCells(id: string, verdict: Verdict): OutputCell[] {
  const routes = verdict.routes;
  const primary = routes[0];
  let alternatives = '';
  for (let i = 1; i < routes.length; i++) {
    alternatives += `${i > 1 ? LIST_SEPARATOR : ''}${routes[i]!.id} (${routes[i]!.fit})`;
  }
  const cb = verdict.costBenefit;
  return [
    id,
    'ok',
    primary?.id ?? '',
    primary?.family ?? '',
    primary?.fit ?? '',
    primary ? primary.score : '',
    alternatives,
    verdict.stakeholders.join(LIST_SEPARATOR),
    verdict.warnings.join(LIST_SEPARATOR),
    verdict.openQuestions.join(LIST_SEPARATOR),
    cb ? (cb.wrongPocket ? 'yes' : 'no') : '',
    cb && cb.wrongPocket ? Math.round(cb.losses) : '',
    '',
  ];
}

/** The output row of a row that could not be assessed. */
export function errorCells(id: string, message: string): OutputCell[] {
  return [id, 'error', '', '', '', '', '', '', '', '', '', '', message];
}
