// `innoroute batch --jobs N`: rows assessed by worker threads as well as the main one. The output
// must not depend on it — the same bytes, exit code and messages for every N, every format — and
// what holds for one thread holds for several: a broken file stops with its line and leaves
// nothing behind, a reader that waits gets everything. The built binary (npm run build first).
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../../src/cli/options.ts';
import { requireRuleSet } from '../../src/io/compile-rules.ts';
import { cleanEnv, ROOT, readCsv, tempDir } from './helpers.ts';
import { portfolioQuestions, writePortfolio } from './portfolio.ts';

const BIN = join(ROOT, 'bin', 'innoroute.js');
const AS_OF = '2026-11-27';
/** More rows than batch assesses on the main thread before it starts workers by itself. */
const ROWS = 3_000;

function batch(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, 'batch', ...args], {
    cwd,
    env: cleanEnv(),
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

let dir: string;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('these tests run the built binary: run "npm run build" first');
  }
  dir = mkdtempSync(join(tmpdir(), 'innoroute-jobs-test-'));
  const questions = portfolioQuestions(requireRuleSet(shippedRulesDir()));
  // with empty lines, line breaks inside quoted names and rows with typos
  await writePortfolio(join(dir, 'p.csv'), ROWS, questions, { oddities: true });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the output does not depend on the number of threads', () => {
  for (const format of ['csv', 'ndjson', 'json'] as const) {
    it(`--format ${format}: the same bytes, exit code and messages for 1, 2 and 3 jobs and the default`, () => {
      const common = ['p.csv', '--format', format, '--as-of', AS_OF, '--summary'];
      const one = batch([...common, '--jobs', '1'], dir);
      expect(one.code).toBe(1); // the typos
      for (const jobs of [['--jobs', '2'], ['--jobs', '3'], []]) {
        const r = batch([...common, ...jobs], dir);
        expect(r.code).toBe(one.code);
        expect(r.stderr).toBe(one.stderr);
        expect(r.stdout.equals(one.stdout)).toBe(true);
      }
      if (format === 'csv') {
        const rows = readCsv(one.stdout.toString('utf8'));
        // every row once, in input order
        expect(rows.map((r) => r.id)).toEqual(Array.from({ length: ROWS }, (_, i) => `P-${i + 1}`));
        const errors = rows.filter((r) => r.status === 'error');
        expect(errors.length).toBeGreaterThan(5);
        expect(errors.length).toBeLessThan(ROWS / 20);
      }
    }, 60_000);
  }

  it('from stdin (size unknown: threads join after the first rows), the same bytes', async () => {
    const questions = portfolioQuestions(requireRuleSet(shippedRulesDir()));
    await writePortfolio(join(dir, 'p5k.csv'), 5_000, questions, { oddities: true });
    const input = readFileSync(join(dir, 'p5k.csv'));
    const one = batch(['p5k.csv', '--as-of', AS_OF, '--jobs', '1'], dir);
    const piped = spawnSync(process.execPath, [BIN, 'batch', '-', '--as-of', AS_OF], {
      cwd: dir,
      env: cleanEnv(),
      input,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(piped.status).toBe(one.code);
    expect(piped.stderr.toString('utf8')).toBe(one.stderr.replace('p5k.csv', 'stdin'));
    expect(piped.stdout.equals(one.stdout)).toBe(true);
  }, 60_000);

  it('the line numbers of bad rows count the empty lines and the line breaks in quotes', () => {
    const text = readFileSync(join(dir, 'p.csv'), 'utf8');
    const r = batch(['p.csv', '--as-of', AS_OF, '--jobs', '3', '--lang', 'en'], dir);
    const out = readCsv(r.stdout.toString('utf8'));
    const bad = out.filter((x) => x.status === 'error');
    expect(bad.length).toBeGreaterThan(0);
    const lines = text.split('\r\n');
    for (const row of bad) {
      const line = Number(/^line (\d+):/.exec(row.error!)![1]);
      // the row's line in the file starts with its id
      expect(lines[line - 1]!.startsWith(`${row.id},`)).toBe(true);
    }
  });
});

describe('--jobs', () => {
  it('takes a whole number from 1 to 64', () => {
    for (const bad of ['0', '65', 'two', '1.5', '-2', '']) {
      const r = batch(['p.csv', '--jobs', bad, '--as-of', AS_OF, '--out', 'x.csv'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `innoroute: --jobs verwacht een geheel getal van 1 tot en met 64; niet "${bad}"\n`,
      );
      expect(existsSync(join(dir, 'x.csv'))).toBe(false);
    }
  });
});

describe('with worker threads', () => {
  it('a quote left open at the end of a large file: exit 2 with its line, nothing left behind', () => {
    const work = tempDir();
    const text = readFileSync(join(dir, 'p.csv'), 'utf8');
    // thousands of rows, then one whose quoted name is never closed (a quote in a row further
    // up would close it, and csv-parse reads on)
    const line = text.split('\r\n').length;
    writeFileSync(join(work, 'kapot.csv'), `${text}P-LAST,"Onafgemaakt,digital\r\n`);
    const r = batch(['kapot.csv', '--as-of', AS_OF, '--jobs', '2', '--out', 'uit.csv'], work);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `innoroute: kapot.csv:${line}: a quoted value that starts here is never closed; add the closing " (a " inside a quoted value is written "")\n`,
    );
    expect(readdirSync(work)).toEqual(['kapot.csv']);
  });

  it('a reader that waits before it reads gets every row (the output drains)', async () => {
    const want = batch(['p.csv', '--as-of', AS_OF, '--jobs', '1', '--format', 'ndjson'], dir);
    const child = spawn(
      process.execPath,
      [BIN, 'batch', 'p.csv', '--as-of', AS_OF, '--jobs', '3', '--format', 'ndjson'],
      { cwd: dir, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.pause();
    // the pipe fills and batch must wait for it; then the reader takes everything
    await new Promise((r) => setTimeout(r, 500));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.resume();
    const [code] = (await once(child, 'close')) as [number];
    expect(code).toBe(want.code);
    expect(Buffer.concat(chunks).equals(want.stdout)).toBe(true);
  }, 60_000);
});
