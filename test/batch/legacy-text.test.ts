// The input decoder of batch and diff (src/io/legacy-text.ts): UTF-8 passes through byte for byte,
// however the chunks cut it; a Windows-1252 file (Dutch Excel's "CSV") is decoded from its first
// byte that is not UTF-8 on, so that "Café" stays "Café".
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  decodeWindows1252,
  firstInvalid,
  incompleteTail,
  Utf8OrWindows1252,
} from '../../src/io/legacy-text.ts';

/** `bytes` through the decoder in chunks cut at `cuts`; its output and how often it switched. */
async function decode(
  bytes: Buffer,
  cuts: number[] = [],
): Promise<{ text: string; legacy: number }> {
  const chunks: Buffer[] = [];
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(at, cut));
    at = cut;
  }
  let legacy = 0;
  const decoder = Readable.from(chunks).pipe(new Utf8OrWindows1252(() => legacy++));
  const out: Buffer[] = [];
  for await (const c of decoder) out.push(c as Buffer);
  return { text: Buffer.concat(out).toString('utf8'), legacy };
}

const utf8 = Buffer.from('id;naam\nA;Café Zorg ✓ €\nB;Ærø 😀\n', 'utf8');
/** Windows-1252: é is E9, € is 80, ë is EB. */
const cp1252 = Buffer.from([
  ...Buffer.from('id;naam\nA;Caf'),
  0xe9,
  ...Buffer.from(' Zorg '),
  0x80,
  ...Buffer.from(' 10\nB;Do'),
  0xeb,
  ...Buffer.from('s\n'),
]);

describe('Utf8OrWindows1252', () => {
  it('passes UTF-8 through unchanged, wherever the chunks cut a character', async () => {
    for (let cut = 0; cut <= utf8.length; cut++) {
      const r = await decode(utf8, [cut]);
      expect(r, `cut at ${cut}`).toEqual({ text: utf8.toString('utf8'), legacy: 0 });
    }
    // one byte at a time
    const bytes = await decode(
      utf8,
      Array.from({ length: utf8.length - 1 }, (_, i) => i + 1),
    );
    expect(bytes.text).toBe(utf8.toString('utf8'));
  });

  it('reads Windows-1252 as such, wherever the chunks are cut, and says so once', async () => {
    const want = 'id;naam\nA;Café Zorg € 10\nB;Doës\n';
    for (let cut = 0; cut <= cp1252.length; cut++) {
      expect(await decode(cp1252, [cut]), `cut at ${cut}`).toEqual({ text: want, legacy: 1 });
    }
  });

  it('switches at the first byte that is not UTF-8, far into the input', async () => {
    const ascii = Buffer.from('x;y\n'.repeat(50_000)); // 200 kB before it
    const r = await decode(Buffer.concat([ascii, cp1252]), [65_536, 131_072]);
    expect(r.legacy).toBe(1);
    expect(r.text).toBe(`${ascii.toString()}id;naam\nA;Café Zorg € 10\nB;Doës\n`);
  });

  it('takes a character cut off at the very end as Windows-1252', async () => {
    const cut = Buffer.concat([Buffer.from('A;Caf'), Buffer.from([0xc3])]);
    expect(await decode(cut)).toEqual({ text: 'A;CafÃ', legacy: 1 });
  });
});

describe('decodeWindows1252', () => {
  it('gives the bytes 0x80-0x9F their Windows-1252 characters, the rest Latin-1', () => {
    const bytes = Buffer.from([
      0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x99, 0x9f, 0xe9, 0xeb, 0x81,
    ]);
    expect(decodeWindows1252(bytes)).toBe('€…‘’“”–™Ÿéë\u0081');
    expect(decodeWindows1252(Buffer.from('plain ascii'))).toBe('plain ascii');
  });
});

describe('the UTF-8 checks', () => {
  it('finds a character cut off at the end, and only then', () => {
    const e = Buffer.from('é', 'utf8'); // C3 A9
    const emoji = Buffer.from('😀', 'utf8'); // 4 bytes
    expect(incompleteTail(Buffer.from('abc'))).toBe(3);
    expect(incompleteTail(Buffer.concat([Buffer.from('ab'), e]))).toBe(4);
    expect(incompleteTail(Buffer.concat([Buffer.from('ab'), e.subarray(0, 1)]))).toBe(2);
    expect(incompleteTail(Buffer.concat([Buffer.from('a'), emoji.subarray(0, 3)]))).toBe(1);
    expect(incompleteTail(Buffer.concat([Buffer.from('a'), emoji]))).toBe(5);
  });

  it('finds the first byte that is not UTF-8: stray, overlong or a surrogate', () => {
    expect(firstInvalid(Buffer.from('Café', 'utf8'))).toBe(5);
    expect(firstInvalid(Buffer.from([0x41, 0xe9, 0x42]))).toBe(1);
    expect(firstInvalid(Buffer.from([0x41, 0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(firstInvalid(Buffer.from([0x41, 0x42, 0xed, 0xa0, 0x80]))).toBe(2); // a surrogate
    expect(firstInvalid(Buffer.from([0x80]))).toBe(0); // a lone continuation byte
  });
});
