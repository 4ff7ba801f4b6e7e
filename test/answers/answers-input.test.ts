// What an answers file may be (issue 15): no question answered twice, not even as `Phase:` next
// to `phase:`, in YAML or JSON; not larger than MAX_ANSWERS_BYTES, from a file, a pipe, a device
// or stdin, and never read whole when it is; text, not a spreadsheet or another binary file; and
// UTF-16 with a BOM read as well as UTF-8.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  checkAnswers,
  formatProblem,
  MAX_ANSWERS_BYTES,
  parseAnswersBytes,
  parseAnswersText,
  readAnswersFile,
  readAnswersStream,
} from '../../src/io/answers-file.ts';
import { requireRuleSet } from '../../src/io/compile-rules.ts';
import { FIXTURE_RULES, ROOT } from '../advise/helpers.ts';
import { cleanEnv, run, tempDir } from '../batch/helpers.ts';

const rules = requireRuleSet(FIXTURE_RULES);
const problems = (text: string, file = 'answers.yaml') =>
  parseAnswersText(text, file).problems.map(formatProblem);
const TOO_LARGE = `an answers file may be at most ${MAX_ANSWERS_BYTES.toLocaleString('en')} bytes (1 MiB), and a real one is a few kilobytes: check that this is the answers file you meant`;

describe('a question answered twice', () => {
  it('is an error naming both lines, also when the key differs in case', () => {
    expect(problems('phase: explore\nPhase: scale\n')).toEqual([
      'answers.yaml:2:1 phase is answered again as "Phase"; first answered on line 1 as "phase"; keep one of them',
    ]);
  });

  it('reports every repeat at once, and a third answer against the first', () => {
    const text = 'GOAL: [prevention]\nphase: explore\ngoal: [cure_treatment]\n" Goal ": []\n';
    expect(problems(text)).toEqual([
      'answers.yaml:3:1 goal is answered again; first answered on line 1 as "GOAL"; keep one of them',
      'answers.yaml:4:1 goal is answered again as " Goal "; first answered on line 1 as "GOAL"; keep one of them',
    ]);
  });

  it('is the same error in a JSON answers file', () => {
    const json = '{\n  "phase": "explore",\n  "goal": ["prevention"],\n  "PHASE": "scale"\n}\n';
    expect(problems(json, 'a.json')).toEqual([
      'a.json:4:3 phase is answered again as "PHASE"; first answered on line 2 as "phase"; keep one of them',
    ]);
  });

  it('lets neither answer win silently: two valid answers still do not check', () => {
    const read = parseAnswersText('phase: explore\nPhase: develop\n', 'a.yaml');
    const checked = checkAnswers(rules, read);
    expect(checked.problems.map((p) => [p.severity, p.line])).toEqual([['error', 2]]);
  });

  it('stops advise with exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'innovation_type: device\nphase: explore\nPhase: develop\n');
    const r = await run(['advise', 'a.yaml', '--rules', FIXTURE_RULES, '--lang', 'en'], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'a.yaml:3:1 phase is answered again as "Phase"; first answered on line 2 as "phase"; keep one of them\n',
    );
    expect(r.stdout).toBe('');
  });
});

describe('the size of an answers file', () => {
  it('stops reading a device past MAX_ANSWERS_BYTES instead of reading it whole', () => {
    // /dev/zero never ends and says size 0, as a pipe does
    const read = readAnswersFile('/dev/zero', 'zero.yaml');
    expect(read.problems.map(formatProblem)).toEqual([
      `zero.yaml: it holds more than ${MAX_ANSWERS_BYTES.toLocaleString('en')} bytes; ${TOO_LARGE}`,
    ]);
  });

  it('refuses a larger regular file by its size', () => {
    const dir = tempDir();
    const path = join(dir, 'big.yaml');
    writeFileSync(path, `innovation_name: "${'x'.repeat(MAX_ANSWERS_BYTES)}"\n`);
    expect(readAnswersFile(path, 'big.yaml').problems.map(formatProblem)).toEqual([
      `big.yaml: the file is ${(MAX_ANSWERS_BYTES + 20).toLocaleString('en')} bytes; ${TOO_LARGE}`,
    ]);
  });

  it('stops reading an endless stream past MAX_ANSWERS_BYTES', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    async function* endless() {
      for (;;) yield chunk;
    }
    const read = await readAnswersStream(Readable.from(endless()), 'stdin');
    expect(read.problems.map(formatProblem)).toEqual([
      `stdin: it holds more than ${MAX_ANSWERS_BYTES.toLocaleString('en')} bytes; ${TOO_LARGE}`,
    ]);
  });

  it('reads answers from stdin with "advise -"', async () => {
    const r = await run(['advise', '-', '--rules', FIXTURE_RULES, '--format', 'json'], {
      stdin: 'innovation_type: device\ntreatment_relation: yes\n',
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ schemaVersion: 1 });
  });

  it('exits 2 with the limit when stdin holds more (the binary, a real pipe)', async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'innoroute.js'), 'advise', '-', '--rules', FIXTURE_RULES, '--lang', 'en'],
      { env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // more than the limit, written while the reader reads; it may stop reading before the end
    child.stdin.on('error', () => {});
    child.stdin.end(Buffer.alloc(MAX_ANSWERS_BYTES + 4096, 'a'));
    const [code] = (await once(child, 'exit')) as [number];
    expect(stderr).toBe(
      `stdin: it holds more than ${MAX_ANSWERS_BYTES.toLocaleString('en')} bytes; ${TOO_LARGE}\n`,
    );
    expect(code).toBe(2);
  });
});

describe('an answers file that is not text', () => {
  it.each([
    [
      'an Excel workbook',
      Buffer.from('PK\x03\x04\x14\x00\x06\x00rest', 'latin1'),
      'the file is an Excel workbook (.xlsx) or another ZIP file, not text',
    ],
    [
      'an old Excel workbook',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'the file is an old Excel workbook (.xls), not text',
    ],
    [
      'a file with NUL bytes',
      Buffer.from('phase: explore\u0000\n'),
      'the file is not text (it holds NUL bytes, or is a PDF or gzip file)',
    ],
  ])('is one problem for %s, and advise exits 2', async (_, bytes, what) => {
    const todo =
      'an answers file is YAML or JSON text, such as "innovation_type: device" on each line';
    expect(parseAnswersBytes(bytes, 'a.yaml').problems.map(formatProblem)).toEqual([
      `a.yaml: ${what}; ${todo}`,
    ]);
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), bytes);
    const r = await run(['advise', 'a.yaml', '--rules', FIXTURE_RULES, '--lang', 'en'], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`a.yaml: ${what}; ${todo}\n`);
  });

  it('reads UTF-16 with a BOM (LE or BE) as the same answers as UTF-8', () => {
    const text = 'innovation_name: Één café\ninnovation_type: device\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    const want = parseAnswersText(text, 'a.yaml').raw;
    expect(want).toEqual({ innovation_name: 'Één café', innovation_type: 'device' });
    for (const bytes of [le, be]) {
      const read = parseAnswersBytes(bytes, 'a.yaml');
      expect(read.problems).toEqual([]);
      expect(read.raw).toEqual(want);
    }
  });

  it('reads a file that is not UTF-8 as Windows-1252, with a warning, keeping its é and €', () => {
    const text = 'innovation_name: Één café €\ninnovation_type: device\n';
    const cp1252 = Buffer.from(text.replace('€', '\x80'), 'latin1');
    const read = parseAnswersBytes(cp1252, 'a.yaml', 'nl');
    expect(read.raw).toEqual({ innovation_name: 'Één café €', innovation_type: 'device' });
    expect(read.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'a.yaml',
        message: expect.stringContaining('geen UTF-8; gelezen als Windows-1252'),
      }),
    ]);
    // UTF-8 stays UTF-8, without a word about it
    expect(parseAnswersBytes(Buffer.from(text), 'a.yaml').problems).toEqual([]);
  });
});
