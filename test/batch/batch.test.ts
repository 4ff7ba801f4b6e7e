// `innoroute batch` in-process through main(argv, ctx), on a small fixture rule set whose advice
// does not move when the shipped rules grow.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_RULES, readCsv, run, tempDir } from './helpers.ts';
import { timeLeft } from '../../src/cli/row-stream.ts';

const HEADER = 'id,innovation_name,innovation_type,goal,treatment_relation,phase';
const GOOD = [
  HEADER,
  'A,Thuismonitoring,device,cure_treatment,yes,implement',
  'B,"Leefstijl, app",digital,prevention|self_management,no,explore',
  'C,Zorgpad,process,,,',
].join('\n');

function file(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const ESC = String.fromCharCode(27);

const base = ['--rules', FIXTURE_RULES, '--as-of', '2026-11-27', '--lang', 'en'];

describe('batch: rows in, rows out', () => {
  it('assesses every row, in order, and exits 0 when all could be assessed', async () => {
    const dir = tempDir();
    const r = await run(['batch', file(dir, 'p.csv', GOOD), ...base]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = readCsv(r.stdout);
    expect(rows.map((x) => x.id)).toEqual(['A', 'B', 'C']);
    expect(rows.map((x) => x.status)).toEqual(['ok', 'ok', 'ok']);
    expect(rows[0]).toMatchObject({
      route: 'zvw.existing-prestatie',
      family: 'zvw',
      fit: 'strong',
      score: '80',
      alternatives: 'consumer.direct-sale (possible)',
      stakeholders: 'zorgverzekeraar',
      error: '',
    });
    expect(rows[1]).toMatchObject({ route: 'consumer.direct-sale', warnings: 'technology-push' });
    expect(Object.keys(rows[0]!)).toEqual([
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
    ]);
  });

  it('flags invalid rows instead of dropping them: rows in = rows out, exit 1', async () => {
    const dir = tempDir();
    const csv = [
      HEADER,
      'A,Eerste,device,cure_treatment,yes,implement',
      'B,Tweede,dvice,prevntion,yes,implement',
      'C,Derde,digital,prevention,misschien,scale',
      'D,Vierde,digital,prevention,no,scale,extra',
      'E,Vijfde,process,,,explore',
    ].join('\r\n');
    const r = await run(['batch', file(dir, 'p.csv', csv), ...base]);
    expect(r.code).toBe(1);
    const rows = readCsv(r.stdout);
    expect(rows.map((x) => [x.id, x.status])).toEqual([
      ['A', 'ok'],
      ['B', 'error'],
      ['C', 'error'],
      ['D', 'error'],
      ['E', 'ok'],
    ]);
    const b = rows[1]!;
    // the advice columns stay empty; the message names the line, every bad cell, and the options
    expect([b.route, b.family, b.fit, b.score, b.stakeholders]).toEqual(['', '', '', '', '']);
    expect(b.error).toMatch(/^line 3: /);
    expect(b.error).toContain('"dvice" is not an option of innovation_type');
    expect(b.error).toContain('did you mean "device"?');
    expect(b.error).toContain('valid: device, digital, process, service, medicine');
    expect(b.error).toContain('"prevntion" is not an option of goal');
    expect(b.error).toContain('did you mean "prevention"?');
    expect(rows[2]!.error).toMatch(/^line 4: treatment_relation is yes or no.*got "misschien"/);
    expect(rows[3]!.error).toMatch(/^line 5: the row has 7 values where the header has 6 columns/);
    expect(r.stderr).toContain('3 of 5 rows could not be assessed (line 3, 4, 5)');
  });

  it('uses the line number as id when there is no id column (or the cell is empty)', async () => {
    const dir = tempDir();
    const csv = [
      'innovation_type,treatment_relation,notes',
      'device,yes,"two',
      'lines"',
      '',
      'digital,no,x',
    ].join('\n');
    const r = await run(['batch', file(dir, 'p.csv', csv), ...base]);
    expect(r.code).toBe(0);
    expect(readCsv(r.stdout).map((x) => x.id)).toEqual(['2', '5']);
  });

  it('warns once about unknown and computed columns, with a did-you-mean, and ignores them', async () => {
    const dir = tempDir();
    const csv = [
      'id,innovaton_type,treatment_relation,wrong_pocket,remarks',
      'A,device,yes,yes,x',
      'B,digital,no,no,y',
    ].join('\n');
    const r = await run(['batch', file(dir, 'p.csv', csv), ...base]);
    expect(r.code).toBe(0);
    const warnings = r.stderr.trim().split('\n');
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toBe(
      `innoroute: ${join(dir, 'p.csv')}: column "innovaton_type" is not a question — did you mean "innovation_type"?; the column is ignored`,
    );
    expect(warnings[1]).toContain('column "wrong_pocket" is computed by innoroute');
    expect(warnings[2]).toContain('column "remarks" is not a question; the column is ignored');
  });

  it('reads column names case-insensitively and trimmed', async () => {
    const dir = tempDir();
    const csv = ['ID, Innovation_Type ,TREATMENT_RELATION', 'A,device,yes'].join('\n');
    const r = await run(['batch', file(dir, 'p.csv', csv), ...base]);
    expect(r.stderr).toBe('');
    expect(readCsv(r.stdout)[0]).toMatchObject({ id: 'A', route: 'zvw.existing-prestatie' });
  });

  it('refuses a header that names the same question twice', async () => {
    const dir = tempDir();
    const r = await run([
      'batch',
      file(dir, 'p.csv', 'goal,innovation_type,Goal\nprevention,device,prevention\n'),
      ...base,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      ':1: column 3 ("Goal") is the same question as column 1 ("goal"); keep one of them',
    );
  });

  it('skips empty lines and lines of only delimiters; they are not rows', async () => {
    const dir = tempDir();
    const csv = [HEADER, '', 'A,x,device,,yes,', ',,,,,', '   ', 'B,y,digital,,no,', ''].join('\n');
    const r = await run(['batch', file(dir, 'p.csv', csv), ...base]);
    expect(readCsv(r.stdout).map((x) => [x.id, x.status])).toEqual([
      ['A', 'ok'],
      ['B', 'ok'],
    ]);
  });
});

describe('batch: what Excel writes', () => {
  it('gives the same rows for a ; + BOM + CRLF file, and mirrors its delimiter, BOM and line ends', async () => {
    const dir = tempDir();
    const plain = await run(['batch', file(dir, 'p.csv', GOOD), ...base]);
    const excel =
      '\ufeff' + GOOD.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';').replace(/\n/g, '\r\n');
    expect(excel).toContain('"Leefstijl, app";digital');
    const nl = await run(['batch', file(dir, 'nl.csv', excel), ...base]);
    expect(nl.code).toBe(0);
    expect(nl.stdoutBytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(nl.stdout.slice(1).split('\r\n')[0]).toBe(
      'id;status;route;family;fit;score;alternatives;stakeholders;warnings;open_questions;wrong_pocket;wrong_pocket_amount;error',
    );
    expect(readCsv(nl.stdout, ';')).toEqual(readCsv(plain.stdout));
  });

  it('reads tab-separated files, and --delimiter overrides detection', async () => {
    const dir = tempDir();
    const tsv = 'id\tinnovation_type\ttreatment_relation\nA\tdevice\tyes\n';
    const detected = await run(['batch', file(dir, 't.tsv', tsv), ...base]);
    expect(readCsv(detected.stdout, '\t')[0]).toMatchObject({
      id: 'A',
      status: 'ok',
      fit: 'strong',
    });

    // a header with more commas than semicolons, in a file that is really ;-separated
    const odd = 'id;innovation_name;treatment_relation\nA;Zorg, thuis, samen;yes\n';
    const forced = await run(['batch', file(dir, 'o.csv', odd), ...base, '--delimiter', ';']);
    expect(forced.code).toBe(0);
    expect(readCsv(forced.stdout, ';')[0]).toMatchObject({ id: 'A', fit: 'strong' });

    const bad = await run(['batch', file(dir, 'o2.csv', odd), ...base, '--delimiter', '|']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--delimiter takes , ; or tab; got "|"');
  });

  it('reads a file that is not UTF-8 as Windows-1252 (Dutch Excel), says so, and keeps every character', async () => {
    const dir = tempDir();
    // "Café", "Zoë" and "€" as Windows-1252 bytes (E9, EB, 80), with ; as Dutch Excel writes it
    const cp1252 = (s: string) => Buffer.from(s.replace('€', '\x80'), 'latin1');
    const csv = cp1252('id;innovation_name;treatment_relation\r\nCafé-1;Zoë € zorg;ja\r\n');
    const r = await run(['batch', file(dir, 'p.csv', csv), ...base]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the file is not UTF-8; read as Windows-1252');
    expect(r.stderr).toContain('"CSV UTF-8"');
    // the output is UTF-8 with a BOM, so that Excel shows the é as well
    expect(r.stdoutBytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(readCsv(r.stdout, ';')[0]).toMatchObject({ id: 'Café-1', status: 'ok' });
    // the euro sign (0x80), which Node's own Windows-1252 decoder gets wrong, in an id too
    const euro = await run([
      'batch',
      file(dir, 'e.csv', cp1252('id;goal\r\n€-2;prevention\r\n')),
      ...base,
    ]);
    expect(readCsv(euro.stdout, ';')[0]).toMatchObject({ id: '€-2', status: 'ok' });
  });

  it('takes WAAR and ONWAAR, as Dutch Excel writes a boolean column', async () => {
    const dir = tempDir();
    const csv = 'id;treatment_relation;innovation_type\r\nA;WAAR;device\r\nB;ONWAAR;device\r\n';
    const r = await run(['batch', file(dir, 'p.csv', csv), ...base]);
    expect(r.code, r.stderr).toBe(0);
    const rows = readCsv(r.stdout, ';');
    expect(rows.map((x) => [x.id, x.status, x.error])).toEqual([
      ['A', 'ok', ''],
      ['B', 'ok', ''],
    ]);
  });

  it('refuses an amount with one thousands group as ambiguous, and says both readings', async () => {
    const dir = tempDir();
    const csv = [
      'id;innovation_type;has_figures;cost_gp;benefit_hospital',
      'A;device;ja;250.000;1000000',
      'B;device;ja;€ 1,500;2000000',
      'C;device;ja;250000;1000000',
      'D;device;ja;1250,50;1000000',
      'E;device;ja;12,5;1000000',
    ].join('\r\n');
    const r = await run(['batch', file(dir, 'p.csv', csv), ...base]);
    const rows = readCsv(r.stdout, ';');
    expect(rows.map((x) => x.status)).toEqual(['error', 'error', 'ok', 'ok', 'ok']);
    expect(rows[0]!.error).toBe(
      'line 2: cost_gp: "250.000" could mean 250000 or 250 euros; write 250000 (no thousands separators), or 250.00 for 250 euros',
    );
    expect(rows[1]!.error).toContain('"€ 1,500" could mean 1500 or 1.5 euros');
    const nl = await run(['batch', file(dir, 'p.csv', csv), ...base, '--lang', 'nl']);
    expect(readCsv(nl.stdout, ';')[0]!.error).toBe(
      'regel 2: cost_gp: "250.000" kan 250000 of 250 euro betekenen; schrijf 250000 (zonder scheidingsteken voor duizendtallen), of 250,00 voor 250 euro',
    );
  });

  it('switches to Windows-1252 at its first other byte, however far into the file', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 3000 }, (_, i) => `R${i},device,yes`);
    const text = ['id,innovation_type,treatment_relation', ...rows, 'Zoë,device,yes', ''].join(
      '\n',
    );
    const bytes = Buffer.from(text, 'latin1'); // ë is one byte, about 50 kB in
    expect(bytes.indexOf(0xeb)).toBeGreaterThan(40_000);
    const r = await run(['batch', file(dir, 'p.csv', bytes), ...base]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('read as Windows-1252');
    expect(readCsv(r.stdout).at(-1)).toMatchObject({ id: 'Zoë', status: 'ok' });
  });

  it('reads stdin for "-"', async () => {
    const r = await run(['batch', '-', ...base], { stdin: GOOD });
    expect(r.code).toBe(0);
    expect(readCsv(r.stdout)).toHaveLength(3);
  });
});

describe('batch: a broken file', () => {
  const broken = [
    HEADER,
    'A,Eerste,device,cure_treatment,yes,implement',
    'B,"Tweede, met ""quotes""",digital,prevention,no,explore',
    'C,"Derde zonder einde,process,,,',
    'D,Vierde,device,,yes,',
  ].join('\n');

  it('stops with exit 2 and the line where the quote opened', async () => {
    const dir = tempDir();
    const r = await run(['batch', file(dir, 'broken.csv', broken), ...base]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${join(dir, 'broken.csv')}:4: a quoted value that starts here is never closed; add the closing "`,
    );
  });

  it('leaves no output file and no temporary file with --out', async () => {
    const dir = tempDir();
    const input = file(dir, 'broken.csv', broken);
    const r = await run(['batch', input, ...base, '--out', join(dir, 'out.csv')]);
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['broken.csv']);
  });

  it('keeps an existing --out file as it was', async () => {
    const dir = tempDir();
    const input = file(dir, 'broken.csv', broken);
    const out = file(dir, 'out.csv', 'previous result\n');
    const r = await run(['batch', input, ...base, '--out', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous result\n');
    expect(readdirSync(dir).sort()).toEqual(['broken.csv', 'out.csv']);
  });

  it('counts lines the way an editor does, across quoted newlines and CRLF', async () => {
    const dir = tempDir();
    const csv = [
      HEADER,
      'A,"Twee\r\nregels",device,,yes,',
      '',
      'B,"Drie\r\nregels\r\nlang",device,,yes,',
      'C,"open,device,,yes,',
    ].join('\r\n');
    const r = await run(['batch', file(dir, 'crlf.csv', csv), ...base]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('crlf.csv:8: a quoted value');
  });

  it('says so when the file is empty', async () => {
    const dir = tempDir();
    const r = await run(['batch', file(dir, 'empty.csv', ''), ...base]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('empty.csv: the file is empty: there is no header row');
  });

  it('says so when the file does not exist', async () => {
    const dir = tempDir();
    const r = await run(['batch', join(dir, 'nope.csv'), ...base]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.csv: no such file');
  });
});

describe('batch: output', () => {
  it('escapes cells a spreadsheet would run as a formula', async () => {
    const dir = tempDir();
    const csv = [
      'id,innovation_type,treatment_relation',
      '=HYPERLINK("http://x";"klik"),device,yes',
      '+31 6,device,yes',
      '-5,device,yes',
      '@SUM(A1),device,yes',
      'gewoon,device,yes',
    ].join('\n');
    const r = await run(['batch', file(dir, 'p.csv', csv), ...base]);
    expect(readCsv(r.stdout).map((x) => x.id)).toEqual([
      `'=HYPERLINK("http://x";"klik")`,
      "'+31 6",
      "'-5",
      "'@SUM(A1)",
      'gewoon',
    ]);
    // ndjson is data, not a spreadsheet: ids as given
    const nd = await run(['batch', join(dir, 'p.csv'), ...base, '--format', 'ndjson']);
    expect(nd.stdout.split('\n')[0]).toContain(
      '"input":{"id":"=HYPERLINK(\\"http://x\\";\\"klik\\")"}',
    );
  });

  it('--format ndjson: one Advice per line, error rows with an error object', async () => {
    const dir = tempDir();
    const csv = [HEADER, 'A,x,device,,yes,', 'B,y,dvice,,yes,', 'C,z,digital,,no,'].join('\n');
    const r = await run(['batch', file(dir, 'p.csv', csv), ...base, '--format', 'ndjson']);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      schemaVersion: 1,
      ruleset: { version: '0.0.1', asOf: '2026-11-27' },
      input: { id: 'A' },
      routes: [
        { id: 'zvw.existing-prestatie', fit: 'strong' },
        { id: 'consumer.direct-sale', fit: 'possible' },
      ],
    });
    expect(lines[1]).toMatchObject({
      schemaVersion: 1,
      input: { id: 'B' },
      error: {
        line: 3,
        problems: [{ question: 'innovation_type', value: 'dvice', suggestion: 'device' }],
      },
    });
    expect(lines[1].routes).toBeUndefined();
    expect(r.stderr).toContain('see the "error" field');
  });

  it('--format json: one JSON array, streamed', async () => {
    const dir = tempDir();
    const r = await run(['batch', file(dir, 'p.csv', GOOD), ...base, '--format', 'json']);
    const parsed = JSON.parse(r.stdout) as { input: { id: string } }[];
    expect(parsed.map((a) => a.input.id)).toEqual(['A', 'B', 'C']);
    const empty = await run([
      'batch',
      file(dir, 'h.csv', `${HEADER}\n`),
      ...base,
      '--format',
      'json',
    ]);
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toEqual([]);
  });

  it('--out writes the file atomically and prints nothing on stdout', async () => {
    const dir = tempDir();
    const input = file(dir, 'p.csv', GOOD);
    const r = await run(['batch', input, ...base, '--out', join(dir, 'out.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir).sort()).toEqual(['out.csv', 'p.csv']);
    expect(readCsv(readFileSync(join(dir, 'out.csv'), 'utf8'))).toHaveLength(3);
  });

  it('refuses to overwrite the input with --out', async () => {
    const dir = tempDir();
    const input = file(dir, 'p.csv', GOOD);
    const r = await run(['batch', 'p.csv', ...base, '--out', './p.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out ./p.csv is the input file');
    expect(readFileSync(input, 'utf8')).toBe(GOOD);
    expect(readdirSync(dir)).toEqual(['p.csv']);
  });

  it('refuses an --out in a directory that does not exist', async () => {
    const dir = tempDir();
    const r = await run([
      'batch',
      file(dir, 'p.csv', GOOD),
      ...base,
      '--out',
      join(dir, 'no', 'o.csv'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write');
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});

describe('batch: stderr', () => {
  it('--summary: rows by family and fit, top stakeholders, rows with errors', async () => {
    const dir = tempDir();
    const csv = [
      HEADER,
      'A,x,device,,yes,',
      'B,y,device,,yes,',
      'C,z,digital,,no,',
      'D,w,process,,,',
      'E,v,dvice,,yes,',
    ].join('\n');
    const r = await run(['batch', file(dir, 'p.csv', csv), ...base, '--summary']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('5 rows: 4 assessed, 1 with errors');
    expect(r.stderr).toMatch(/family\s*│\s*strong\s*│\s*possible\s*│\s*unlikely\s*│\s*total/);
    expect(r.stderr).toMatch(/Zvw \(health insurer\)\s*│\s*2\s*│\s*0\s*│\s*0\s*│\s*2/);
    expect(r.stderr).toMatch(/Consumer\s*│\s*0\s*│\s*1\s*│\s*0\s*│\s*1/);
    expect(r.stderr).toMatch(/\(no route\)\s*│.*│\s*1/);
    expect(r.stderr).toMatch(/Health insurer\s*│\s*2/);
    expect(r.stderr).toContain('[E] line 6: "dvice" is not an option of innovation_type');
    // nothing on stderr that is not asked for: no colour codes when stderr is not a terminal
    expect(r.stderr).not.toContain('\x1b[');
  });

  it('--summary on a narrow terminal: the tables fit it, long names wrapped in their cells', async () => {
    const dir = tempDir();
    const csv = [HEADER, 'A,x,device,,yes,', 'C,z,digital,,no,'].join('\n');
    const args = ['batch', file(dir, 'p.csv', csv), ...base, '--summary', '--no-progress'];
    const r = await run([...args, '--no-color'], { stderrTTY: true, stderrColumns: 50 });
    const tables = r.stderr.split('\n').filter((l) => /^[┌│├└]/.test(l));
    expect(tables.length).toBeGreaterThan(5);
    for (const l of tables) expect(l.length, l).toBeLessThanOrEqual(50);
    expect(r.stderr).toMatch(/│ Zvw +│ 1 +│/);
    expect(r.stderr).toMatch(/│ \(health +│ +│/);
  });

  it('--summary writes counts as the language does, and wraps long error rows at words', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 1200 }, (_, i) => `R${i},x,device,,yes,`);
    const long = `E,y,${'dvice '.repeat(30).trim()},,yes,`;
    const csv = [HEADER, ...rows, long].join('\n');
    const en = await run(['batch', file(dir, 'p.csv', csv), ...base, '--summary']);
    expect(en.stderr).toContain('1,201 rows: 1,200 assessed, 1 with errors');
    expect(en.stderr).toMatch(/│ 1,200 +│/);
    const nl = await run(['batch', file(dir, 'p.csv', csv), ...base, '--summary', '--lang', 'nl']);
    expect(nl.stderr).toContain('1.201 rijen: 1.200 beoordeeld, 1 met fouten');
    // the error row: its first line starts with two spaces, the rest with four, none past 100
    const at = nl.stderr.split('\n').findIndex((l) => l.startsWith('  [E] regel 1202:'));
    expect(at).toBeGreaterThan(0);
    const next = nl.stderr.split('\n')[at + 1]!;
    expect(next).toMatch(/^ {4}\S/);
    for (const l of nl.stderr.split('\n').slice(at, at + 3))
      expect(l.length).toBeLessThanOrEqual(100);
  });

  it('speaks Dutch with --lang nl', async () => {
    const dir = tempDir();
    const r = await run([
      'batch',
      file(dir, 'p.csv', `${HEADER}\nA,x,dvice,,yes,\n`),
      ...base,
      '--lang',
      'nl',
    ]);
    expect(r.code).toBe(1);
    expect(readCsv(r.stdout)[0]!.error).toMatch(/^regel 2: /);
    expect(r.stderr).toContain('1 van 1 rijen konden niet worden beoordeeld (regel 2)');
  });

  it('shows a progress line on a terminal only, and clears it', async () => {
    const dir = tempDir();
    const many = [HEADER, ...Array.from({ length: 300 }, (_, i) => `R${i},x,device,,yes,`)].join(
      '\n',
    );
    const input = file(dir, 'many.csv', many);
    const tty = await run(['batch', input, ...base], { stderrTTY: true });
    expect(tty.code).toBe(0);
    // a file: how far in, too
    expect(tty.stderr).toMatch(new RegExp(`\r${ESC}\\[K\\d+ rows \\(\\d+%\\), [\\d,]+ rows/s`));
    expect(tty.stderr.endsWith(`\r${ESC}[K`)).toBe(true);
    const stdin = await run(['batch', '-', ...base], { stderrTTY: true, stdin: many });
    expect(stdin.stderr).toMatch(new RegExp(`\r${ESC}\\[K\\d+ rows, [\\d,]+ rows/s`));

    const quiet = await run(['batch', input, ...base, '--no-progress'], { stderrTTY: true });
    expect(quiet.stderr).toBe('');
    const piped = await run(['batch', input, ...base]);
    expect(piped.stderr).toBe('');
  });

  it('says how long is left once it can tell: from the part read and the time it took', () => {
    expect(timeLeft(1000, 0.5)).toBeUndefined(); // the first two seconds
    expect(timeLeft(5000, 0.01)).toBeUndefined(); // under 2 % read
    expect(timeLeft(10_000, 0.5)).toBe('10 s');
    expect(timeLeft(10_000, 0.1)).toBe('2 min'); // 90 s
    expect(timeLeft(60_000, 0.02)).toBe('49 min');
    expect(timeLeft(600_000, 0.05)).toBe('3 h 10 min');
    // rounded once, so never "1 h 60 min" or "60 s"
    expect(timeLeft(7_199_000, 0.5)).toBe('2 h 0 min');
    expect(timeLeft(3_599_000, 0.5)).toBe('1 h 0 min');
    expect(timeLeft(59_800, 0.5)).toBe('1 min');
  });
});
