// What a file the user gives us is, by its first bytes and never by its name: text (UTF-8, or
// UTF-16 with a byte order mark, which we read), or something we cannot read as text at all — an
// Excel workbook, another binary file. Shared by `batch` (the CSV, from a file or stdin) and the
// answers files, so that both recognise the same things and say the same about them.
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import type { Lang } from '../core/advice.ts';

/** The bytes `sniff` needs to tell the kinds apart (the longest signature below). */
export const SNIFF_BYTES = 8;

export type FileKind =
  /** UTF-8 text (or anything else without NUL bytes: checked later, as text). */
  | { readonly kind: 'text' }
  /** UTF-16 text with a byte order mark (Excel's "Unicode text"). */
  | { readonly kind: 'utf16'; readonly encoding: 'utf-16le' | 'utf-16be' }
  /** A ZIP file: an Excel workbook (.xlsx), a LibreOffice sheet (.ods), or another archive. */
  | { readonly kind: 'xlsx' }
  /** An OLE2 compound file: an Excel 97-2003 workbook (.xls), or an old Word document. */
  | { readonly kind: 'xls' }
  /** Binary: NUL bytes, or the signature of a PDF or a gzip file. */
  | { readonly kind: 'binary' };

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  if (bytes.length < signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[i] !== signature[i]) return false;
  return true;
}

const ZIP = [0x50, 0x4b]; // "PK", then 03 04 (a file), 05 06 (empty), 07 08 (spanned)
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const GZIP = [0x1f, 0x8b];
const UTF16LE = [0xff, 0xfe];
const UTF16BE = [0xfe, 0xff];
const UTF32LE = [0xff, 0xfe, 0x00, 0x00];

/**
 * The kind of a file from its first bytes (as many as were read: at least SNIFF_BYTES, or the
 * whole file when it is shorter). NUL bytes anywhere in `head` make it binary: no text file a
 * person writes holds one, and every common binary format has some in its first kilobytes.
 */
export function sniff(head: Uint8Array): FileKind {
  if (startsWith(head, UTF32LE)) return { kind: 'binary' };
  if (startsWith(head, UTF16LE)) return { kind: 'utf16', encoding: 'utf-16le' };
  if (startsWith(head, UTF16BE)) return { kind: 'utf16', encoding: 'utf-16be' };
  const zip = startsWith(head, ZIP) && head.length >= 4;
  if (zip && [0x0304, 0x0506, 0x0708].includes((head[2]! << 8) | head[3]!)) return { kind: 'xlsx' };
  if (startsWith(head, OLE2)) return { kind: 'xls' };
  if (startsWith(head, PDF) || startsWith(head, GZIP)) return { kind: 'binary' };
  if (head.indexOf(0) >= 0) return { kind: 'binary' };
  return { kind: 'text' };
}

/** A FileKind that cannot be read as text, in words a user recognises, and what to do. */
export interface Unreadable {
  readonly what: string;
  readonly todo: string;
}

const TEXTS = {
  nl: {
    xlsx: 'het bestand is een Excel-werkmap (.xlsx) of een ander ZIP-bestand, geen tekst',
    xls: 'het bestand is een oude Excel-werkmap (.xls), geen tekst',
    binary: 'het bestand is geen tekst (het bevat NUL-bytes of is een PDF- of gzip-bestand)',
    saveCsv:
      'sla het in Excel op als CSV (UTF-8): Bestand > Opslaan als > CSV UTF-8 (door komma’s gescheiden)',
    textCsv: 'geef een CSV-bestand (tekst, UTF-8): in Excel Bestand > Opslaan als > CSV UTF-8',
    saveAnswers:
      'een antwoordenbestand is YAML- of JSON-tekst, zoals "innovation_type: device" op elke regel',
  },
  en: {
    xlsx: 'the file is an Excel workbook (.xlsx) or another ZIP file, not text',
    xls: 'the file is an old Excel workbook (.xls), not text',
    binary: 'the file is not text (it holds NUL bytes, or is a PDF or gzip file)',
    saveCsv: 'save it as CSV (UTF-8) from Excel: File > Save As > CSV UTF-8',
    textCsv: 'give a CSV file (text, UTF-8): from Excel, File > Save As > CSV UTF-8',
    saveAnswers:
      'an answers file is YAML or JSON text, such as "innovation_type: device" on each line',
  },
} as const;

/**
 * What to tell the user about a file of this kind, or undefined when it can be read. `as` is what
 * the file should have been: a batch CSV or an answers file.
 */
export function describeUnreadable(
  kind: FileKind,
  as: 'csv' | 'answers',
  lang: Lang,
): Unreadable | undefined {
  const t = TEXTS[lang];
  if (kind.kind === 'text' || kind.kind === 'utf16') return undefined;
  const what = t[kind.kind];
  if (as === 'answers') return { what, todo: t.saveAnswers };
  return { what, todo: kind.kind === 'binary' ? t.textCsv : t.saveCsv };
}

/** UTF-16 text (its BOM included) as a string; the BOM is dropped. */
export function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * A stream of UTF-16 bytes (BOM first) in, UTF-8 bytes out, without the BOM: what the CSV reader
 * takes. A character cut between two chunks is put together; a lone surrogate becomes U+FFFD.
 */
export class Utf16Decoder extends Transform {
  private readonly decoder: TextDecoder;

  constructor(encoding: 'utf-16le' | 'utf-16be') {
    super();
    this.decoder = new TextDecoder(encoding);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const text = this.decoder.decode(chunk, { stream: true });
    if (text.length > 0) this.push(Buffer.from(text, 'utf8'));
    done();
  }

  override _flush(done: TransformCallback): void {
    const text = this.decoder.decode();
    if (text.length > 0) this.push(Buffer.from(text, 'utf8'));
    done();
  }
}
