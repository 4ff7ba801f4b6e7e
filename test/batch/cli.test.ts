// `innoroute batch` as a user runs it: the command in this process with files and captured
// streams, and the built binary in a child process where the process is the subject (a pipe
// closed early, Ctrl+C). The golden file is the example portfolio's output with the shipped
// rules; when the rules change on purpose, regenerate it and review the diff:
//   INNOROUTE_UPDATE_GOLDEN=1 npx vitest run test/batch/cli.test.ts
import { stringify } from 'csv-stringify/sync';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, FIXTURE_RULES, readCsv, ROOT, run, tempDir } from './helpers.ts';

const BIN = join(ROOT, 'bin', 'innoroute.js');
const EXAMPLE = join(ROOT, 'data', 'portfolio-example.csv');
const EXPECTED = join(ROOT, 'data', 'portfolio-example.expected.csv');
const AS_OF = '2026-11-27';

function batch(args: string[], cwd = ROOT) {
  return run(['batch', ...args], { cwd });
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('some of these tests run the built binary: run "npm run build" first');
  }
});

describe('the example portfolio', () => {
  it('gives the golden output, assesses every row and flags the bad ones (exit 1)', async () => {
    const r = await batch([EXAMPLE, '--as-of', AS_OF]);
    if (process.env.INNOROUTE_UPDATE_GOLDEN) writeFileSync(EXPECTED, r.stdout);
    expect(r.stdout).toBe(readFileSync(EXPECTED, 'utf8'));
    expect(r.code).toBe(1);

    const input = readCsv(readFileSync(EXAMPLE, 'utf8'));
    const output = readCsv(r.stdout);
    expect(input.length).toBeGreaterThanOrEqual(30);
    // rows in = rows out, in input order
    expect(output.map((x) => x.id)).toEqual(input.map((x) => x.id));
    const bad = output.filter((x) => x.status === 'error');
    expect(bad.map((x) => x.id)).toEqual(['BAD-32', 'BAD-33', 'BAD-34', 'BAD-35']);
    for (const b of bad) expect(b.route).toBe('');
    expect(bad[0]!.error).toContain('"prevntion" is geen keuze bij goal — bedoel je "prevention"?');
    expect(bad[1]!.error).toContain('"1.250.000"');
    expect(r.stderr).toBe(
      'innoroute: 4 van 35 rijen konden niet worden beoordeeld (regel 33, 34, 35, 36); zie de kolom error\n',
    );
  });

  it('saved by Dutch Excel (; + BOM + CRLF) gives the same rows, written back the same way', async () => {
    const dir = tempDir();
    const records = readCsv(readFileSync(EXAMPLE, 'utf8'));
    const excel = stringify(records, {
      header: true,
      delimiter: ';',
      bom: true,
      record_delimiter: 'windows',
    });
    expect(excel.startsWith('\ufeffid;innovation_name;')).toBe(true);
    writeFileSync(join(dir, 'portefeuille.csv'), excel);

    const r = await batch(['portefeuille.csv', '--as-of', AS_OF, '--out', 'advies.csv'], dir);
    expect(r.code).toBe(1);
    const out = readFileSync(join(dir, 'advies.csv'));
    expect(out.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = out.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\ufeffid;status;route;family;fit;score;alternatives;stakeholders;warnings;open_questions;wrong_pocket;wrong_pocket_amount;error',
    );
    const plain = await batch([EXAMPLE, '--as-of', AS_OF]);
    expect(readCsv(text, ';')).toEqual(readCsv(plain.stdout));
  });
});

describe('a structurally broken file', () => {
  it('stops with exit 2 and the line number, and leaves no --out file behind', async () => {
    const dir = tempDir();
    const lines = readFileSync(EXAMPLE, 'utf8').split('\n');
    // an unclosed quote in the innovation name of the 12th data row (line 13)
    lines[12] = lines[12]!.replace(/^([^,]*),/, '$1,"Onafgemaakt ');
    writeFileSync(join(dir, 'kapot.csv'), lines.join('\n'));

    const r = await batch(['kapot.csv', '--as-of', AS_OF, '--out', 'uit.csv', '--lang', 'en'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'innoroute: kapot.csv:13: a quoted value that starts here is never closed; add the closing " (a " inside a quoted value is written "")\n',
    );
    expect(readdirSync(dir)).toEqual(['kapot.csv']);
  });
});

describe('the streams around batch', () => {
  function bigPortfolio(dir: string, rows: number): string {
    const lines = ['id,innovation_type,goal,treatment_relation'];
    for (let i = 0; i < rows; i++) lines.push(`R${i},device,prevention|cure_treatment,yes`);
    const path = join(dir, 'big.csv');
    writeFileSync(path, lines.join('\n'));
    return path;
  }

  it('ends quietly with 141 (128 + SIGPIPE) when the reader stops early (| head)', async () => {
    const dir = tempDir();
    const input = bigPortfolio(dir, 50_000);
    const child = spawn(process.execPath, [BIN, 'batch', input, '--rules', FIXTURE_RULES], {
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // read the first chunk, then close the pipe, as head does after its lines
    const [first] = (await once(child.stdout, 'data')) as [Buffer];
    expect(first.toString('utf8')).toMatch(/^id,status,route/);
    child.stdout.destroy();
    const [code] = (await once(child, 'exit')) as [number];
    expect(stderr).toBe('');
    expect(code).toBe(141);
  });

  it('on Ctrl+C removes the temporary file, leaves no output and exits 130', async () => {
    const dir = tempDir();
    const child = spawn(
      process.execPath,
      [BIN, 'batch', '-', '--rules', FIXTURE_RULES, '--out', join(dir, 'out.csv')],
      { env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.write('id,innovation_type,treatment_relation\nA,device,yes\n');
    // stdin stays open: the run is in the middle when the temporary file exists
    const started = Date.now();
    while (!readdirSync(dir).some((f) => f.endsWith('.tmp'))) {
      if (Date.now() - started > 15_000) throw new Error('no temporary file appeared');
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(130);
    expect(stderr).toBe('innoroute: interrupted\n');
    expect(readdirSync(dir)).toEqual([]);
  });
});
