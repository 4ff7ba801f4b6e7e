// A CSV that is not UTF-8 is nearly always what Excel on Dutch (or any Western) Windows writes with
// "CSV (gescheiden door lijstscheidingsteken)": Windows-1252, where é is the single byte E9. Read as
// UTF-8 such a byte is invalid and becomes U+FFFD, and "Café" comes out as "Caf�": the user's text
// lost. This stream passes UTF-8 through untouched and, from the first byte that is not UTF-8 on,
// decodes as Windows-1252 instead (every byte means a character there, so nothing is lost). Up to
// that byte the two agree wherever the file is Windows-1252 text: only bytes below 0x80 come
// before it, which mean the same in both.
import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';

/**
 * Windows-1252's characters for the bytes 0x80-0x9F (the WHATWG index; the five it leaves out
 * stay the control characters of the same number). The rest is Latin-1. Node 20's own
 * TextDecoder('windows-1252') decodes these 32 bytes as Latin-1 control characters, so "€ 10"
 * (0x80) would come out as an invisible U+0080.
 */
const HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Windows-1252 bytes as text: every byte is one character, so nothing is lost. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => HIGH[c.charCodeAt(0) - 0x80]!);
}

/** How many bytes a UTF-8 sequence has that starts with `lead` (0: not a lead byte). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Where the last character of `bytes` starts when it is cut off at the end (its other bytes are in
 * the next chunk), else `bytes.length`.
 */
export function incompleteTail(bytes: Uint8Array): number {
  // a character has at most 4 bytes: look at most 3 back for its lead byte
  for (let i = bytes.length - 1; i >= 0 && i >= bytes.length - 3; i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: the lead is further back
    const need = sequenceLength(b);
    return need > bytes.length - i ? i : bytes.length;
  }
  return bytes.length;
}

/** The offset of the first byte that does not belong to valid UTF-8 (bytes.length: none). */
export function firstInvalid(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let i = 0;
  while (i < bytes.length) {
    const need = sequenceLength(bytes[i]!);
    if (need === 0 || i + need > bytes.length) return i;
    if (need > 1) {
      try {
        decoder.decode(bytes.subarray(i, i + need)); // overlong forms and surrogates included
      } catch {
        return i;
      }
    }
    i += need;
  }
  return i;
}

export class Utf8OrWindows1252 extends Transform {
  /** The bytes of a character cut off at the end of the last chunk. */
  private carry: Buffer = Buffer.alloc(0);
  private legacy = false;

  /** `onLegacy` is called once, when the first byte that is not UTF-8 is met. */
  constructor(private readonly onLegacy: () => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.legacy) {
      this.pushLegacy(chunk);
      return done();
    }
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = incompleteTail(bytes);
    const whole = bytes.subarray(0, end);
    if (isUtf8(whole)) {
      this.carry = Buffer.from(bytes.subarray(end));
      if (whole.length > 0) this.push(whole);
      return done();
    }
    this.carry = Buffer.alloc(0);
    this.switchAt(bytes, firstInvalid(whole));
    done();
  }

  override _flush(done: TransformCallback): void {
    // a character still cut off at the end of the input is not UTF-8 either (only UTF-8 carries)
    if (this.carry.length > 0) this.switchAt(this.carry, 0);
    done();
  }

  private switchAt(bytes: Buffer, at: number): void {
    if (at > 0) this.push(bytes.subarray(0, at));
    this.legacy = true;
    this.onLegacy();
    this.pushLegacy(bytes.subarray(at));
  }

  private pushLegacy(bytes: Uint8Array): void {
    const text = decodeWindows1252(bytes);
    if (text.length > 0) this.push(Buffer.from(text, 'utf8'));
  }
}
