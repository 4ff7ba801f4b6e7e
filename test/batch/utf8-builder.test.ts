// Utf8Builder: a slice's output as UTF-8, row by row, in a buffer of its own that can be moved to
// another thread and handed back.
import { describe, expect, it } from 'vitest';
import { Utf8Builder } from '../../src/io/utf8-builder.ts';

const TEXTS = [
  'id,status\n',
  'Valdetectie — é ë\n',
  '"a ""b""",-5\r\n',
  'lone \ud800 half\n',
  '😀\n',
];

describe('Utf8Builder', () => {
  it('gives the bytes a stream writes for the same text, however often it grows', () => {
    const b = new Utf8Builder();
    const texts: string[] = [];
    for (let i = 0; i < 5000; i++) texts.push(TEXTS[i % TEXTS.length]!.repeat(1 + (i % 7)));
    for (const t of texts) b.append(t);
    expect(Buffer.from(b.take()).equals(Buffer.from(texts.join(''), 'utf8'))).toBe(true);
    // a lone surrogate is written as U+FFFD, as TextEncoder writes it
    b.append('x\udc00y');
    expect(Buffer.from(b.take()).equals(Buffer.from(new TextEncoder().encode('x\udc00y')))).toBe(
      true,
    );
  });

  it('takes the bytes at the start of an ArrayBuffer of their own, none before the first append', () => {
    const b = new Utf8Builder();
    expect(b.take()).toHaveLength(0);
    b.append('eerste');
    const first = b.take();
    b.append('tweede');
    const second = b.take();
    expect(first.byteOffset).toBe(0);
    expect(second.buffer).not.toBe(first.buffer);
    expect(Buffer.from(first).toString()).toBe('eerste');
    expect(Buffer.from(second).toString()).toBe('tweede');
  });

  it('fills a buffer handed back again, and drops one too small for the next row', () => {
    const b = new Utf8Builder();
    b.append('a'.repeat(1000));
    const first = b.take();
    b.reuse(first.buffer as ArrayBuffer);
    b.append('b'.repeat(10));
    const again = b.take();
    expect(again.buffer).toBe(first.buffer);
    expect(Buffer.from(again).toString()).toBe('b'.repeat(10));

    b.reuse(again.buffer as ArrayBuffer);
    const big = 'c'.repeat(first.buffer.byteLength);
    b.append(big);
    const grown = b.take();
    expect(grown.buffer).not.toBe(first.buffer);
    expect(Buffer.from(grown).toString()).toBe(big);
  });
});
