// `innoroute batch --jobs N`: rows assessed by worker threads as well as the main one. The output
// must not depend on it — the same bytes, exit code and messages for every N, every format — and
// what holds for one thread holds for several: a broken file stops with its line and leaves
// nothing behind, a reader that waits gets everything. In this process, but the built CLI
// (runBuilt): only the build has the worker module that `--jobs` starts.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PORTFOLIO_ROWS } from '../../src/io/batch.ts';
import { Capture, readCsv, runBuilt, tempDir } from './helpers.ts';
import { portfolioQuestions, writePortfolio } from './portfolio.ts';
import { shippedRules } from '../shipped-rules.ts';

const AS_OF = '2026-11-27';
/**
 * More rows than batch assesses on the main thread before it starts workers by itself, and a
 * file over the 1 MiB from which the default uses them: a dozen slices of 256 rows to share out.
 */
const ROWS = 3_000;
/**
 * The first rows of that file (small.csv), for the formats other than CSV (JSON: about 35 kB of
 * output a row): eight slices, more than two workers take before the main thread assesses one,
 * and more rows than the portfolio page lists.
 */
const SMALL_ROWS = 2_048;

type Batch = { code: number; stdout: Buffer; stderr: string };

async function batch(args: string[], cwd: string, stdout?: Capture): Promise<Batch> {
  const r = await runBuilt(['batch', ...args], { cwd, ...(stdout ? { stdout } : {}) });
  return { code: r.code, stdout: r.stdoutBytes, stderr: r.stderr };
}

/** Runs in the portfolio's directory, once per argument list: tests compare with the same run. */
const runs = new Map<string, Promise<Batch>>();
function batchOnce(args: string[]): Promise<Batch> {
  const key = JSON.stringify(args);
  let r = runs.get(key);
  if (!r) runs.set(key, (r = batch(args, dir)));
  return r;
}

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'innoroute-jobs-test-'));
  // with empty lines, line breaks inside quoted names and rows with typos
  await writePortfolio(join(dir, 'p.csv'), ROWS, portfolioQuestions(shippedRules), {
    oddities: true,
  });
  const text = readFileSync(join(dir, 'p.csv'), 'utf8');
  writeFileSync(
    join(dir, 'small.csv'),
    text.slice(0, text.indexOf(`\r\nP-${SMALL_ROWS + 1},`) + 2),
  );
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the output does not depend on the number of threads', () => {
  it('the portfolio is large enough for the default to use threads', () => {
    expect(readFileSync(join(dir, 'p.csv')).length).toBeGreaterThan(1 << 20);
  });

  // every format on this thread alone and with two workers beside it (slices of the main thread
  // and of each worker interleaved); one worker, and the workers innoroute chooses itself (the
  // default), share out the slices the same way whatever the format: CSV, the cheapest, tries them
  const FORMATS = {
    csv: { file: 'p.csv', rows: ROWS, jobs: [['--jobs', '2'], ['--jobs', '3'], []] },
    ndjson: { file: 'small.csv', rows: SMALL_ROWS, jobs: [['--jobs', '3']] },
    json: { file: 'small.csv', rows: SMALL_ROWS, jobs: [['--jobs', '3']] },
    html: { file: 'small.csv', rows: SMALL_ROWS, jobs: [['--jobs', '3']] },
  };
  for (const [format, { file, rows: count, jobs: others }] of Object.entries(FORMATS)) {
    const counts = ['1', ...others.flatMap((j) => j.slice(1))].join(', ');
    const shown = others.some((j) => j.length === 0)
      ? `${counts} jobs and the default`
      : `${counts} jobs`;
    const toFile = format === 'csv' || format === 'json' ? ', and in --out' : '';
    it(`--format ${format}: the same bytes, exit code and messages for ${shown}${toFile}`, async () => {
      const common = [file, '--format', format, '--as-of', AS_OF, '--summary'];
      const one = await batchOnce([...common, '--jobs', '1']);
      expect(one.code).toBe(1); // the typos
      for (const jobs of others) {
        const r = await batchOnce([...common, ...jobs]);
        expect(r.code).toBe(one.code);
        expect(r.stderr).toBe(one.stderr);
        expect(r.stdout.equals(one.stdout)).toBe(true);
      }
      if (format === 'csv' || format === 'json') {
        // to a file, whose written buffers the threads fill again (a capture keeps them)
        const out = `out-${format}`;
        const written = await batch([...common, '--jobs', '3', '--out', out], dir);
        expect(written.code).toBe(one.code);
        expect(written.stderr).toBe(one.stderr);
        expect(readFileSync(join(dir, out)).equals(one.stdout)).toBe(true);
      }
      if (format === 'csv') {
        const rows = readCsv(one.stdout.toString('utf8'));
        // every row once, in input order
        expect(rows.map((r) => r.id)).toEqual(
          Array.from({ length: count }, (_, i) => `P-${i + 1}`),
        );
        const errors = rows.filter((r) => r.status === 'error');
        expect(errors.length).toBeGreaterThan(5);
        expect(errors.length).toBeLessThan(count / 20);
      }
      if (format === 'ndjson') {
        // every row once, in input order
        const lines = one.stdout.toString('utf8').trimEnd().split('\n');
        const ids = lines.map((l) => (JSON.parse(l) as { input: { id: string } }).input.id);
        expect(ids).toEqual(Array.from({ length: count }, (_, i) => `P-${i + 1}`));
      }
      if (format === 'html') {
        // the page counts every row, and lists the first MAX_PORTFOLIO_ROWS
        const page = one.stdout.toString('utf8');
        expect(page).toMatch(
          new RegExp(`<dd>${count} rijen: \\d+ beoordeeld, \\d+ met fouten</dd>`),
        );
        const list = page.slice(page.indexOf('id="rows"'));
        expect(list.match(/<td class="num" data-label="Regel">/g)).toHaveLength(MAX_PORTFOLIO_ROWS);
        expect(list).toContain(`De eerste ${MAX_PORTFOLIO_ROWS} van ${count} rijen`);
      }
    }, 60_000);
  }

  it('from stdin (size unknown: threads join after the first rows), the same bytes', async () => {
    // 5,048 rows: the portfolio, then the rows of small.csv again (ids may repeat)
    const small = readFileSync(join(dir, 'small.csv'), 'utf8');
    const input = Buffer.concat([
      readFileSync(join(dir, 'p.csv')),
      Buffer.from(small.slice(small.indexOf('\r\n') + 2)),
    ]);
    writeFileSync(join(dir, 'p5k.csv'), input);
    const one = await batch(['p5k.csv', '--as-of', AS_OF, '--jobs', '1'], dir);
    const piped = await runBuilt(['batch', '-', '--as-of', AS_OF], { cwd: dir, stdin: input });
    expect(piped.code).toBe(one.code);
    expect(piped.stderr).toBe(one.stderr.replace('p5k.csv', 'stdin'));
    expect(piped.stdoutBytes.equals(one.stdout)).toBe(true);
  }, 60_000);

  it('the line numbers of bad rows count the empty lines and the line breaks in quotes', async () => {
    const text = readFileSync(join(dir, 'p.csv'), 'utf8');
    // the run of the CSV test above (the same arguments): two workers and this thread
    const r = await batchOnce([
      'p.csv',
      '--format',
      'csv',
      '--as-of',
      AS_OF,
      '--summary',
      '--jobs',
      '3',
    ]);
    const out = readCsv(r.stdout.toString('utf8'));
    const bad = out.filter((x) => x.status === 'error');
    expect(bad.length).toBeGreaterThan(0);
    const lines = text.split('\r\n');
    for (const row of bad) {
      const line = Number(/^regel (\d+):/.exec(row.error!)![1]);
      // the row's line in the file starts with its id
      expect(lines[line - 1]!.startsWith(`${row.id},`)).toBe(true);
    }
  });
});

describe('--jobs', () => {
  it('takes a whole number from 1 to 64', async () => {
    for (const bad of ['0', '65', 'two', '1.5', '-2', '']) {
      const r = await batch(['p.csv', '--jobs', bad, '--as-of', AS_OF, '--out', 'x.csv'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `innoroute: --jobs verwacht een geheel getal van 1 tot en met 64; niet "${bad}"\n`,
      );
      expect(existsSync(join(dir, 'x.csv'))).toBe(false);
    }
  });
});

/** An output that takes nothing until it is told to read, then everything. */
class WaitingReader extends Capture {
  private waiting: (() => void)[] | undefined = [];
  override _write(chunk: Buffer | string, enc: BufferEncoding, done: () => void): void {
    super._write(chunk, enc, () => (this.waiting ? this.waiting.push(done) : done()));
  }
  read(): void {
    const waiting = this.waiting ?? [];
    this.waiting = undefined;
    for (const done of waiting) done();
  }
}

describe('with worker threads', () => {
  it('a quote left open at the end of a large file: exit 2 with its line, nothing left behind', async () => {
    const work = tempDir();
    const text = readFileSync(join(dir, 'small.csv'), 'utf8');
    // thousands of rows, then one whose quoted name is never closed (a quote in a row further
    // up would close it, and csv-parse reads on)
    const line = text.split('\r\n').length;
    writeFileSync(join(work, 'kapot.csv'), `${text}P-LAST,"Onafgemaakt,digital\r\n`);
    const r = await batch(
      ['kapot.csv', '--as-of', AS_OF, '--jobs', '2', '--out', 'uit.csv', '--lang', 'en'],
      work,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `innoroute: kapot.csv:${line}: a quoted value that starts here is never closed; add the closing " (a " inside a quoted value is written "")\n`,
    );
    expect(readdirSync(work)).toEqual(['kapot.csv']);
  });

  it('a reader that waits before it reads gets every row (the output drains)', async () => {
    // 2.4 MB of CSV: far more than a stream holds before it asks the writer to wait
    const common = ['p.csv', '--format', 'csv', '--as-of', AS_OF, '--summary'];
    const want = await batchOnce([...common, '--jobs', '1']);
    const reader = new WaitingReader();
    const running = batch([...common, '--jobs', '3'], dir, reader);
    // the output fills and batch must wait for it; then the reader takes everything
    const started = Date.now();
    while (!reader.writableNeedDrain && Date.now() - started < 30_000) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(reader.writableNeedDrain).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    reader.read();
    const r = await running;
    expect(r.code).toBe(want.code);
    expect(r.stdout.equals(want.stdout)).toBe(true);
  }, 60_000);
});
