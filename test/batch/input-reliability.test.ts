// What `batch` reads, as users give it (issue 15): any mix of line endings, one endless line, a
// cell too long, an Excel workbook or another binary file instead of a CSV, a UTF-16 export, a
// header that names no question or one question twice. In process (runBatch and main), on the
// small fixture rule set; the built binary where stdin and the exit code are the subject.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { requireRuleSet } from '../../src/io/compile-rules.ts';
import { BatchFileError, runBatch } from '../../src/io/batch.ts';
import { MAX_CELL_CHARS, MAX_RECORD_CHARS } from '../../src/io/csv.ts';
import { cleanEnv, FIXTURE_RULES, readCsv, ROOT, run, runBuilt, tempDir } from './helpers.ts';

const rules = requireRuleSet(FIXTURE_RULES);
const base = ['--rules', FIXTURE_RULES, '--as-of', '2026-11-27', '--lang', 'en'];
const HEADER = 'id,innovation_name,innovation_type,goal,treatment_relation,phase';
const ROWS = [
  'A,Eerste,device,cure_treatment,yes,implement',
  'B,Tweede,digital,prevention,no,explore',
  'C,Derde,process,,,',
  'D,Vierde,service,prevention,no,scale',
];

/** runBatch over chunks of bytes, in process: the output text, or the error it stopped with. */
async function batchOf(chunks: Iterable<Buffer> | AsyncIterable<Buffer>, lang: 'en' | 'nl' = 'en') {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  const warnings: string[] = [];
  try {
    const result = await runBatch({
      rules,
      asOf: '2026-11-27',
      lang,
      format: 'csv',
      input: Readable.from(chunks, { objectMode: false }),
      output: out,
      endOutput: false,
      onWarning: (m) => warnings.push(m),
    });
    return { text: Buffer.concat(parts).toString('utf8'), result, warnings, error: undefined };
  } catch (e) {
    if (!(e instanceof BatchFileError)) throw e;
    return { text: Buffer.concat(parts).toString('utf8'), result: undefined, warnings, error: e };
  }
}

function file(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('line endings: every row in is a row out', () => {
  it('reads a header in CRLF and rows in LF, CRLF and lone CR, mixed', async () => {
    const csv = `${HEADER}\r\n${ROWS[0]}\n${ROWS[1]}\r\n${ROWS[2]}\r${ROWS[3]}\n`;
    const { text, result } = await batchOf([Buffer.from(csv)]);
    const rows = readCsv(text);
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['A', 'ok'],
      ['B', 'ok'],
      ['C', 'ok'],
      ['D', 'ok'],
    ]);
    expect(result!.summary.rows).toBe(4);
    // the output mirrors the header's line ending
    expect(text.split('\r\n')).toHaveLength(6);
  });

  it('gives the same output for the same rows whatever the mix', async () => {
    const lf = (await batchOf([Buffer.from(`${HEADER}\n${ROWS.join('\n')}\n`)])).text;
    const cr = (await batchOf([Buffer.from(`${HEADER}\r${ROWS.join('\r')}\r`)])).text;
    const mixed = (await batchOf([Buffer.from(`${HEADER}\r\n${ROWS.join('\n')}\r`)])).text;
    expect(cr).toBe(lf);
    // the output's line ending follows the header's
    expect(mixed).toBe(lf.replace(/\n/g, '\r\n'));
  });

  it('keeps a CR and an LF cut between two chunks one line ending', async () => {
    const csv = `${HEADER}\r\n${ROWS.join('\r\n')}\r\n`;
    const whole = (await batchOf([Buffer.from(csv)])).text;
    const bytes = Buffer.from(csv);
    const oneByOne = (await batchOf([...bytes].map((b) => Buffer.from([b])))).text;
    expect(oneByOne).toBe(whole);
  });

  it('keeps line breaks inside quoted cells, and names physical lines in messages', async () => {
    // no id column: the ids are the lines the rows start on, as an editor numbers them
    const csv = [
      'innovation_name,innovation_type,treatment_relation\r\n', // line 1
      '"Twee\r\nregels",device,yes\n', // lines 2-3
      '"Oude\rMac",digital,no\r', // lines 4-5
      'Fout,dvice,yes\r\n', // line 6: an invalid option
      '"Drie\nhele\r\nregels",process,no\n', // lines 7-9
      'Laatste,service,misschien\r', // line 10: an invalid boolean
    ].join('');
    const { text } = await batchOf([Buffer.from(csv)]);
    const rows = readCsv(text);
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['2', 'ok'],
      ['4', 'ok'],
      ['6', 'error'],
      ['7', 'ok'],
      ['10', 'error'],
    ]);
    expect(rows[2]!.error).toMatch(/^line 6: /);
    expect(rows[4]!.error).toMatch(/^line 10: /);
  });

  it('quotes an id with a lone CR or LF, so that a reader taking every line ending keeps it one row', async () => {
    for (const [eol, id] of [
      ['\n', 'a\rb'],
      ['\r\n', 'c\nd'],
    ] as const) {
      const csv = `${HEADER}${eol}"${id}",Naam,device,,,${eol}${ROWS[1]}${eol}`;
      const { text } = await batchOf([Buffer.from(csv)]);
      // as batch itself, or Excel, reads a file: CRLF, LF and a lone CR each end a row
      const back = parse(text, { columns: true, record_delimiter: ['\r\n', '\n', '\r'] });
      expect((back as { id: string }[]).map((r) => r.id)).toEqual([id, 'B']);
    }
  });

  it('reads the example portfolio hand-edited to mixed line endings as the original', async () => {
    const example = readFileSync(join(ROOT, 'data', 'portfolio-example.csv'), 'utf8');
    const lines = example.split('\n').filter((l) => l !== '');
    const mixed = lines.map((l, i) => l + ['\r\n', '\n', '\r\n', '\n', '\r'][i % 5]).join('');
    const dir = tempDir();
    const args = ['--as-of', '2026-11-27', '--lang', 'en'];
    const want = await run(['batch', file(dir, 'lf.csv', example), ...args]);
    const got = await run(['batch', file(dir, 'mixed.csv', mixed), ...args]);
    expect(got.code).toBe(want.code);
    // the same rows (the output's line endings follow the header's: CRLF here)
    expect(readCsv(got.stdout)).toEqual(readCsv(want.stdout));
    expect(readCsv(got.stdout)).toHaveLength(lines.length - 1);
  });

  it('gives the same bytes with worker threads (--jobs) as on one thread', async () => {
    const endings = ['\n', '\r\n', '\r'];
    let csv = `${HEADER}\r\n`;
    for (let i = 0; i < 700; i++) {
      csv += `R${i},"Naam\n${i}",device,prevention,${i % 2 ? 'yes' : 'no'},implement${endings[i % 3]}`;
    }
    const dir = tempDir();
    const input = file(dir, 'mixed.csv', csv);
    const one = await runBuilt(['batch', input, ...base, '--jobs', '1']);
    const three = await runBuilt(['batch', input, ...base, '--jobs', '3']);
    expect(one.code).toBe(0);
    expect(three.stdoutBytes.equals(one.stdoutBytes)).toBe(true);
    const rows = readCsv(one.stdout);
    expect(rows).toHaveLength(700);
    expect(rows[699]!.id).toBe('R699');
  });
});

describe('limits: a row, a cell', () => {
  it('stops an endless line at MAX_RECORD_CHARS without reading it whole', async () => {
    // an input that never ends: only a limit enforced while streaming can stop it
    const chunk = Buffer.alloc(64 * 1024, 'a');
    async function* endless() {
      yield Buffer.from(`${HEADER}\nA,`);
      for (;;) yield chunk;
    }
    const { error } = await batchOf(endless());
    expect(error).toBeInstanceOf(BatchFileError);
    expect(error!.line).toBe(2);
    expect(error!.what).toBe(
      `a row that starts here is longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters (the most a row may hold) without a line break`,
    );
  });

  it('says an unclosed quote when the endless row is inside quotes', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    async function* endless() {
      yield Buffer.from(`${HEADER}\n${ROWS[0]}\n${ROWS[1]}\nC,"`);
      for (;;) yield chunk;
    }
    const { error } = await batchOf(endless());
    expect(error!.line).toBe(4);
    expect(error!.what).toMatch(/most likely a quoted value that is never closed$/);
  });

  it('streams a large file of normal rows: the limit is per row, not per file', async () => {
    const rows = 4000;
    const name = 'x'.repeat(300);
    let csv = `${HEADER}\n`;
    for (let i = 0; i < rows; i++) csv += `R${i},${name},device,prevention,yes,implement\n`;
    expect(csv.length).toBeGreaterThan(MAX_RECORD_CHARS);
    const { result, error } = await batchOf([Buffer.from(csv)]);
    expect(error).toBeUndefined();
    expect(result!.summary.rows).toBe(rows);
    expect(result!.summary.errorRows).toBe(0);
  });

  it('makes a row with a cell over MAX_CELL_CHARS an error row that names line and column', async () => {
    const long = 'x'.repeat(MAX_CELL_CHARS + 1);
    const csv = `${HEADER}\n${ROWS[0]}\nB,"${long}",digital,prevention,no,explore\n${ROWS[2]}\n`;
    const { text, result } = await batchOf([Buffer.from(csv)]);
    const rows = readCsv(text);
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['A', 'ok'],
      ['B', 'error'],
      ['C', 'ok'],
    ]);
    expect(rows[1]!.error).toBe(
      `line 3: the value in column 2 is ${(MAX_CELL_CHARS + 1).toLocaleString('en')} characters long; a cell may hold at most ${MAX_CELL_CHARS.toLocaleString('en')}: shorten it`,
    );
    expect(result!.summary.errorRows).toBe(1);
  });
});

describe('a header that is not a batch header', () => {
  it('names both columns of a question given twice, on the line the header is on', async () => {
    const csv = `\n\nid,phase,goal,Phase \nA,explore,prevention,scale\n`;
    const { error } = await batchOf([Buffer.from(csv)]);
    expect(error!.line).toBe(3);
    expect(`${error!.what}; ${error!.todo}`).toBe(
      'column 4 ("Phase") is the same question as column 2 ("phase"); keep one of them',
    );
  });

  it('names both columns of an id given twice, in Dutch too', async () => {
    const { error } = await batchOf([Buffer.from('ID,phase,id\nA,explore,B\n')], 'nl');
    expect(error!.line).toBe(1);
    expect(error!.what).toBe('kolom 3 ("id") is dezelfde vraag als kolom 1 ("ID")');
  });

  it('stops with exit 2, the expected column names and the example, writing nothing', async () => {
    const dir = tempDir();
    const input = file(dir, 'other.csv', 'naam;bedrag;datum\nCue2Walk;250;2026-01-01\n');
    const out = join(dir, 'out.csv');
    const r = await run(['batch', input, '--out', out, ...base]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `innoroute: ${input}:1: none of the columns of the header row is a question or "id" (found: "naam", "bedrag", "datum"); the first row names the columns: id and question ids such as innovation_name, innovation_type, goal, treatment_relation, phase, cost_bearers, has_figures, cost_health_insurer; see data/portfolio-example.csv in innoroute for an example\n`,
    );
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).toBe('');
  });

  it('still reads a header with only an id column (every question open)', async () => {
    const { text, error } = await batchOf([Buffer.from('id\nA\nB\n')]);
    expect(error).toBeUndefined();
    expect(readCsv(text).map((r) => r.status)).toEqual(['ok', 'ok']);
  });
});

describe('files that are not CSV text', () => {
  const xlsx = Buffer.concat([
    Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'),
    Buffer.alloc(64, 7),
  ]);
  const xls = Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(64, 1),
  ]);

  it.each([
    [
      'an Excel workbook',
      xlsx,
      'the file is an Excel workbook (.xlsx) or another ZIP file, not text',
    ],
    ['an old Excel workbook', xls, 'the file is an old Excel workbook (.xls), not text'],
    [
      'a file with NUL bytes',
      Buffer.from(`${HEADER}\nA,x\u0000y,device,,yes,\n`),
      'the file is not text (it holds NUL bytes, or is a PDF or gzip file)',
    ],
  ])('stops on %s by its first bytes, whatever its name, with exit 2', async (_, bytes, what) => {
    const dir = tempDir();
    const input = file(dir, 'portfolio.csv', bytes);
    const out = join(dir, 'out.csv');
    const r = await run(['batch', input, '--out', out, ...base]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^innoroute: ${input}: ${what.replace(/[().]/g, '\\$&')}; `),
    );
    expect(r.stderr).toContain('File > Save As > CSV UTF-8');
    expect(existsSync(out)).toBe(false);
  });

  it('says so in Dutch too', async () => {
    const { error } = await batchOf([xlsx], 'nl');
    expect(`${error!.what}; ${error!.todo}`).toBe(
      'het bestand is een Excel-werkmap (.xlsx) of een ander ZIP-bestand, geen tekst; sla het in Excel op als CSV (UTF-8): Bestand > Opslaan als > CSV UTF-8 (door komma’s gescheiden)',
    );
  });

  it('reads UTF-16 (Excel\'s "Unicode text", LE or BE with a BOM) as the same rows', async () => {
    const text = `${HEADER}\r\n${ROWS.join('\r\n')}\r\n`
      .replace(/,/g, '\t')
      .replace('Eerste', 'Één café');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(Buffer.from(text, 'utf16le')).swap16();
    const utf8 = await batchOf([Buffer.from(text)]);
    const fromLe = await batchOf([le.subarray(0, 7), le.subarray(7, 40), le.subarray(40)]);
    const fromBe = await batchOf([Buffer.concat([Buffer.from([0xfe, 0xff]), be])]);
    expect(fromLe.error).toBeUndefined();
    // written as UTF-8 with a BOM (so that Excel shows é), the delimiter mirrored
    expect(fromLe.text).toBe(`\ufeff${utf8.text}`);
    expect(fromBe.text).toBe(fromLe.text);
    expect(fromLe.warnings).toEqual([]);
    expect(readCsv(fromLe.text, '\t').map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('stops on a spreadsheet on stdin too: the binary, exit 2, nothing in --out', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'innoroute.js'), 'batch', '-', '--out', out, ...base],
      { env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.end(xlsx);
    const [code] = (await once(child, 'exit')) as [number];
    expect(stderr).toBe(
      'innoroute: stdin: the file is an Excel workbook (.xlsx) or another ZIP file, not text; save it as CSV (UTF-8) from Excel: File > Save As > CSV UTF-8\n',
    );
    expect(code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
