// A slice's output as UTF-8 bytes, written row by row into one buffer: no text of the whole slice
// is ever built (a slice of JSON advice is a megabyte; as one string it would be copied into the
// old generation and, encoded, copied again). The buffer is an ArrayBuffer of its own, so a
// worker can move it to the main thread instead of copying it, and get it back once it is
// written (reuse): the output of a run goes round in a few buffers, whatever the number of rows.

/** The first buffer, before any slice has shown how large they get. */
const FIRST_BYTES = 16 * 1024;
/** Written buffers kept for the next slices. */
const SPARES = 4;

export class Utf8Builder {
  private buf: Buffer | undefined;
  private used = 0;
  /** What the next buffer starts at: a little over the last slice's size, so it rarely grows. */
  private hint = FIRST_BYTES;
  private readonly spares: ArrayBuffer[] = [];

  /** Appends `text` as UTF-8 (a lone surrogate as U+FFFD, as TextEncoder and streams write it). */
  append(text: string): void {
    // a UTF-16 code unit is at most 3 bytes of UTF-8: with this much room nothing is cut off
    const need = text.length * 3;
    if (this.buf === undefined || this.buf.length - this.used < need) this.grow(need);
    this.used += this.buf!.write(text, this.used, 'utf8');
  }

  /**
   * The bytes appended since the last take, at the start of an ArrayBuffer of their own (none
   * but these bytes' reader may use it until it comes back through reuse); starts a new one.
   */
  take(): Uint8Array {
    const out = this.buf === undefined ? new Uint8Array(0) : this.buf.subarray(0, this.used);
    if (this.used > 0) this.hint = this.used + (this.used >> 3);
    this.buf = undefined;
    this.used = 0;
    return out;
  }

  /** Forgets what was appended since the last take (a slice that failed half-way). */
  reset(): void {
    this.used = 0;
  }

  /** A buffer that `take` gave out, back once its bytes are written: filled again later. */
  reuse(buffer: ArrayBuffer): void {
    if (this.spares.length < SPARES) this.spares.push(buffer);
  }

  private grow(need: number): void {
    const old = this.buf;
    let next: Buffer | undefined;
    // a slice starts in a spare; one too small for its first row is dropped (the rows have grown)
    while (!old && !next && this.spares.length > 0) {
      const spare = this.spares.pop()!;
      if (spare.byteLength >= need) next = Buffer.from(spare);
    }
    // not from Buffer's shared pool: the whole ArrayBuffer is this slice's, to move to another thread
    next ??= Buffer.allocUnsafeSlow(
      Math.max(this.hint, this.used + need, old ? old.length * 2 : 0),
    );
    if (old) old.copy(next, 0, 0, this.used);
    this.buf = next;
  }
}
