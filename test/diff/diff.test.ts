// innoroute diff on real rule changes, made in temporary copies of the shipped rules: a score
// changed, a route removed, a condition changed, a date moved — each over the rule test cases,
// with golden outputs in every format; identical rule sets (exit 0, no rows); --as-of moved
// across the lapse of Veelbelovende zorg over the example portfolio; git:<rev> from a temporary
// repository; and the ways it cannot run (exit 2).
// UPDATE_GOLDEN=1 npx vitest run test/diff rewrites the goldens.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Capture, ROOT, run, runBuilt } from '../batch/helpers.ts';

const GOLDEN = join(ROOT, 'test', 'golden', 'diff');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const AS_OF = '2026-11-27';
const FORMATS = {
  text: 'txt',
  markdown: 'md',
  json: 'json',
  csv: 'csv',
  github: 'github.txt',
  html: 'html',
};

function compare(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(
      `no golden file ${relative(ROOT, path)}; UPDATE_GOLDEN=1 npx vitest run test/diff`,
    );
  }
  expect(actual, `differs from ${relative(ROOT, path)} (UPDATE_GOLDEN=1 to accept)`).toBe(
    readFileSync(path, 'utf8'),
  );
}

/** A copy of the shipped rules under `name`, with `edits` (each must be found) made in files. */
function variant(dir: string, name: string, edits: [file: string, from: string, to: string][]) {
  cpSync(join(ROOT, 'rules'), join(dir, name), { recursive: true });
  for (const [file, from, to] of edits) {
    const path = join(dir, name, file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(from)) throw new Error(`${file} no longer has ${JSON.stringify(from)}`);
    writeFileSync(path, text.replace(from, to));
  }
}

let dir: string;

// every test runs whole diffs of the shipped rules (compiled once per copy): slow on a busy machine
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'innoroute-diff-test-'));
  variant(dir, 'base', []);
  variant(dir, 'same', []);
  variant(dir, 'score', [
    [
      'trees/zvw.yaml',
      '        - route: zvw.medicine-intramural\n          score: 90',
      '        - route: zvw.medicine-intramural\n          score: 60',
    ],
  ]);
  const zvw = readFileSync(join(ROOT, 'rules', 'trees', 'zvw.yaml'), 'utf8');
  const start = zvw.indexOf('        - route: zvw.veelbelovende-zorg\n          score: 65');
  const end = zvw.indexOf('        - route: zvw.package-question\n          score: 55');
  if (start < 0 || end < start) throw new Error('the Veelbelovende zorg award moved');
  variant(dir, 'route-removed', [['trees/zvw.yaml', zvw.slice(start, end), '']]);
  variant(dir, 'condition', [
    [
      'trees/zvw.yaml',
      '  - id: med-where\n    if: { question: care_setting, includes: hospital }',
      '  - id: med-where\n    if: { question: care_setting, includes: home }',
    ],
  ]);
  variant(dir, 'date-moved', [
    ['routes/zvw.yaml', 'valid_until: 2025-01-31', 'valid_until: 2024-12-31'],
  ]);
  // an option added to a question: an answer one side refuses and the other accepts
  variant(dir, 'option-added', [
    [
      'questions.yaml',
      '      - id: nonprofit\n',
      '      - id: cooperative\n        label: { nl: "Coöperatie", en: "Cooperative" }\n      - id: nonprofit\n',
    ],
  ]);
  cpSync(join(ROOT, 'data', 'portfolio-example.csv'), join(dir, 'portfolio.csv'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// the copies are compiled once, then read from the test run's cache (test/global-setup.ts); the
// cache knows a rule set by its files' names and bytes, so base and same are the shipped rules
const diff = (args: string[]) =>
  run(['diff', ...args, '--lang', 'en', '--no-progress'], { cwd: dir });

describe('innoroute diff over real rule changes', () => {
  for (const change of ['score', 'route-removed', 'condition', 'date-moved']) {
    it(`${change}: the changed test cases and why, in every format`, async () => {
      for (const [format, ext] of Object.entries(FORMATS)) {
        const r = await diff([
          'base/tests',
          '--rules-from',
          'base',
          '--rules',
          change,
          '--as-of',
          AS_OF,
          '--format',
          format,
        ]);
        expect(r.code, r.stderr).toBe(1);
        compare(`${change}.${ext}`, r.stdout);
      }
    }, 120_000);
  }

  it('a score changed: only the cases that reach the node, named with the line of the score', async () => {
    const r = await diff([
      'base/tests',
      '--rules-from',
      'base',
      '--rules',
      'score',
      '--as-of',
      AS_OF,
      '--format',
      'json',
    ]);
    const json = JSON.parse(r.stdout) as {
      changes: { id: string; causes: { kind: string; id: string; file: string; line: number }[] }[];
    };
    expect(json.changes.length).toBeGreaterThan(0);
    for (const c of json.changes) {
      expect(c.causes).toContainEqual(
        expect.objectContaining({
          kind: 'node',
          id: 'med-intramural',
          file: 'score/trees/zvw.yaml',
        }),
      );
    }
    const zvw = readFileSync(join(dir, 'score', 'trees', 'zvw.yaml'), 'utf8').split('\n');
    const line = json.changes[0]!.causes.find((c) => c.id === 'med-intramural')!.line;
    // the line of the field that changed, not the node's id
    expect(zvw[line - 1]).toBe('          score: 60');
  });

  it('identical rule sets: exit 0 and no rows', async () => {
    const csv = await diff([
      'base/tests',
      '--rules-from',
      'same',
      '--rules',
      'base',
      '--as-of',
      AS_OF,
      '--format',
      'csv',
    ]);
    expect(csv.code).toBe(0);
    expect(parse(csv.stdout)).toHaveLength(1); // the header only
    const text = await diff([
      'portfolio.csv',
      '--rules-from',
      'same',
      '--rules',
      'base',
      '--as-of',
      AS_OF,
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      '35 inputs compared: 0 changed, 31 unchanged; 4 could be assessed on neither side',
    );
    expect(text.stdout).toContain('No advice changes.');
  });

  it('--as-of across the lapse of Veelbelovende zorg: exactly the rows that use it, and why', async () => {
    const r = await diff([
      'portfolio.csv',
      '--rules',
      'base',
      '--as-of-from',
      '2025-01-31',
      '--as-of',
      '2025-02-02',
      '--format',
      'csv',
    ]);
    expect(r.code).toBe(1);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => x['id'])).toEqual(['WABZ-10', 'VOET-29']);
    for (const row of rows) {
      expect(row['routes_dropped']).toBe('zvw.veelbelovende-zorg');
      expect(row['bridge_lapsed']).toBe('veelbelovende-zorg');
      expect(row['causes']).toContain(
        'route zvw.veelbelovende-zorg lapsed (valid_until 2025-01-31) @ base/routes/zvw.yaml:',
      );
    }
    // the same rows assessed one day apart on the same side of the date: nothing
    const none = await diff([
      'portfolio.csv',
      '--rules',
      'base',
      '--as-of-from',
      '2025-02-02',
      '--as-of',
      '2025-02-03',
    ]);
    expect(none.code).toBe(0);
    // in Dutch, the fit words too
    const nl = await run(
      [
        'diff',
        'portfolio.csv',
        '--rules',
        'base',
        '--as-of-from',
        '2025-01-31',
        '--as-of',
        '2025-02-02',
        '--lang',
        'nl',
        '--no-progress',
      ],
      { cwd: dir },
    );
    expect(nl.code).toBe(1);
    expect(nl.stdout).toContain('zvw.veelbelovende-zorg (mogelijk)');
    expect(nl.stdout).not.toMatch(/\((strong|possible|unlikely)\)/);
  });

  it('in a terminal, the text report fits its width: long causes wrap inside their cells', async () => {
    const args = ['diff', 'portfolio.csv', '--rules', 'base', '--as-of-from', '2025-01-31'];
    const tty = Object.assign(new Capture(true), { columns: 64 });
    const r = await run([...args, '--as-of', '2025-02-02', '--no-progress', '--no-color'], {
      cwd: dir,
      stdout: tty,
    });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const tables = lines.filter((l) => /^[┌│├└]/.test(l));
    expect(tables.length).toBeGreaterThan(10);
    for (const l of tables) expect(l.length, l).toBeLessThanOrEqual(64);
    // the cause's file:line is in one piece (its column is wide enough for it)
    expect(r.stdout).toMatch(/base\/routes\/zvw\.yaml:\d+/);
  });

  it('the same changed rows with worker threads as on one thread', async () => {
    const args = [
      'portfolio.csv',
      '--rules-from',
      'base',
      '--rules',
      'condition',
      '--as-of',
      AS_OF,
      '--format',
      'csv',
    ];
    // the build: only it has the worker module that --jobs starts
    const built = (more: string[]) =>
      runBuilt(['diff', ...args, ...more, '--lang', 'en', '--no-progress'], { cwd: dir });
    const one = await built(['--jobs', '1']);
    const three = await built(['--jobs', '3']);
    expect(one.code).toBe(1);
    expect(three.stdout).toBe(one.stdout);
  });

  /** From the base rules to the copy where organisation_type has the option cooperative. */
  const BASE_TO_OPTION_ADDED = [
    '--as-of',
    AS_OF,
    '--rules-from',
    'base',
    '--rules',
    'option-added',
  ];

  it('an answer one side refuses: the question whose options changed is the cause', async () => {
    const cue2walk = readFileSync(join(ROOT, 'data', 'cue2walk.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'cooperative.yaml'),
      cue2walk.replace('organisation_type: company', 'organisation_type: cooperative'),
    );
    const args = ['cooperative.yaml', '--as-of', AS_OF, '--format', 'json'];
    const line = (text: string, what: string) => text.split('\n').indexOf(what) + 1;
    const questions = readFileSync(join(dir, 'option-added', 'questions.yaml'), 'utf8');
    // refused before, accepted after: the added option, on its own line
    const added = await diff([...args, '--rules-from', 'base', '--rules', 'option-added']);
    expect(added.code).toBe(1);
    const [change] = JSON.parse(added.stdout).changes;
    expect(change.before.error).toMatch(/cooperative/);
    expect(change.causes).toEqual([
      expect.objectContaining({
        kind: 'question',
        id: 'organisation_type',
        change: 'changed',
        side: 'after',
        file: 'option-added/questions.yaml',
        line: line(questions, '      - id: cooperative'),
      }),
    ]);
    // accepted before, refused after (the option removed): where it was, the option now there
    const removed = await diff([...args, '--rules-from', 'option-added', '--rules', 'base']);
    expect(removed.code).toBe(1);
    const cause = JSON.parse(removed.stdout).changes[0].causes[0];
    const base = readFileSync(join(dir, 'base', 'questions.yaml'), 'utf8').split('\n');
    const at = base.indexOf('  - id: organisation_type');
    expect(cause).toMatchObject({ kind: 'question', id: 'organisation_type', side: 'after' });
    expect(cause.line).toBe(at + base.slice(at).indexOf('      - id: nonprofit') + 1);
    const text = await diff(['cooperative.yaml', ...BASE_TO_OPTION_ADDED]);
    expect(text.stdout).toContain('question organisation_type changed');
  });

  it('a CSV row one side refuses: the same question cause, read from the row', async () => {
    const csv = readFileSync(join(dir, 'portfolio.csv'), 'utf8').split(/\r?\n/);
    const header = csv[0]!.split(',');
    const col = header.indexOf('organisation_type');
    expect(col).toBeGreaterThan(-1);
    const row = csv[1]!.split(',');
    row[col] = 'cooperative';
    writeFileSync(join(dir, 'cooperative.csv'), `${csv[0]}\n${row.join(',')}\n`);
    const r = await diff(['cooperative.csv', ...BASE_TO_OPTION_ADDED, '--format', 'json']);
    expect(r.code).toBe(1);
    const [change] = JSON.parse(r.stdout).changes;
    expect(change.causes).toEqual([
      expect.objectContaining({ kind: 'question', id: 'organisation_type', side: 'after' }),
    ]);
  });

  it('an answers file is one input, named after the file', async () => {
    cpSync(join(ROOT, 'data', 'cue2walk.yaml'), join(dir, 'cue2walk.yaml'));
    const r = await diff([
      'cue2walk.yaml',
      '--rules-from',
      'base',
      '--rules',
      'base',
      '--as-of',
      AS_OF,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 input compared: 0 changed, 1 unchanged');
  });
});

describe('innoroute diff --rules-from git:<rev>', () => {
  it('reads the rules of a revision, and says so when the revision does not exist', async () => {
    const repo = join(dir, 'repo');
    cpSync(join(dir, 'base'), join(repo, 'rules'), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], {
        cwd: repo,
        stdio: 'pipe',
      });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
    cpSync(join(dir, 'score', 'trees', 'zvw.yaml'), join(repo, 'rules', 'trees', 'zvw.yaml'));
    const args = [
      'diff',
      'rules/tests',
      '--rules',
      'rules',
      '--as-of',
      AS_OF,
      '--lang',
      'en',
      '--format',
      'csv',
    ];
    const viaGit = await run([...args, '--rules-from', 'git:HEAD'], { cwd: repo });
    const viaDir = await run([...args, '--rules-from', '../base', '--rules', 'rules'], {
      cwd: repo,
    });
    expect(viaGit.code, viaGit.stderr).toBe(1);
    // the same rows; the causes name the same files, in the repository's rule directory
    expect(viaGit.stdout.replace(/\.\.\/base\//g, 'rules/')).toBe(
      viaDir.stdout.replace(/\.\.\/base\//g, 'rules/'),
    );
    const bad = await run([...args, '--rules-from', 'git:no-such-branch'], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--rules-from git:no-such-branch: the repository has no revision "no-such-branch"',
    );
  });
});

describe('innoroute diff cannot run', () => {
  it('without anything to compare with', async () => {
    const r = await diff(['portfolio.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--rules-from');
  });

  it('rules with errors on either side: exit 2 with validate report', async () => {
    variant(dir, 'broken', [
      ['trees/zvw.yaml', 'route: zvw.medicine-intramural', 'route: zvw.no-such-route'],
    ]);
    const r = await diff(['portfolio.csv', '--rules-from', 'broken', '--rules', 'base']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--rules-from broken');
    expect(r.stderr).toMatch(/broken\/trees\/zvw\.yaml:\d+:\d+/);
  });

  it('a bad date', async () => {
    const r = await diff(['portfolio.csv', '--as-of-from', '2025-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--as-of-from takes a date as YYYY-MM-DD');
  });
});
