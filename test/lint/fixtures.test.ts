// Every diagnostic code of `innoroute validate`, each triggered by a small rule directory: the
// valid base set (test/fixtures/lint/base) with one fixture's files laid over it. The fixture
// marks each line that must be reported with `# expect: <code>`; the test checks that exactly
// those codes are reported, in those files, on those lines — nothing more, nothing less.
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/validate.ts';
import { DIAGNOSTIC_CODES } from '../../src/core/diagnostics.ts';
import type { JsonReport } from './helpers.ts';
import {
  AS_OF,
  BASE,
  cleanup,
  fixtureDir,
  FIXTURES,
  key,
  markers,
  runCli,
  tempDir,
  validateJson,
} from './helpers.ts';

afterAll(cleanup);

const FIXTURE_NAMES = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'base')
  .map((d) => d.name)
  .sort();

/** Codes that tests below trigger on directories built on disk (links, sizes, removals). */
const BUILT_ON_DISK = new Set([
  'read-error',
  'no-rules',
  'file-too-large',
  'outside-root',
  'missing-ruleset',
  'citation-line',
]);

function counts(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

describe('the base rule set', () => {
  it('is valid: no diagnostics, exit 0', async () => {
    const { code, report } = await validateJson(fixtureDir());
    expect(report.diagnostics).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0, files: 9, checked: true });
    expect(code).toBe(0);
  });
});

describe.each(FIXTURE_NAMES)('fixture %s', (name) => {
  it('reports exactly the marked codes, files and lines', async () => {
    const expected = markers(name);
    expect(expected.length).toBeGreaterThan(0);
    const { code, report } = await validateJson(fixtureDir(name));
    expect(counts(report.diagnostics.map(key))).toEqual(counts(expected.map(key)));
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(code).toBe(errors.length > 0 ? 1 : 0);
  });
});

describe('codes on directories built on disk', () => {
  it('no-rules: a directory without YAML files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.txt'), 'not a rule file\n');
    const { code, report } = await validateJson(dir);
    expect(report.diagnostics.map(key)).toEqual(['no-rules@.:1']);
    expect(code).toBe(1);
  });

  it('missing-ruleset: no file of kind ruleset', async () => {
    const dir = fixtureDir();
    rmSync(join(dir, 'ruleset.yaml'));
    const { code, report } = await validateJson(dir);
    expect(report.diagnostics.map(key)).toEqual(['missing-ruleset@.:1']);
    expect(report.diagnostics[0]!.message).toMatch(/no file of kind "ruleset"/);
    expect(report.summary.checked).toBe(false);
    expect(code).toBe(1);
  });

  it('missing-ruleset is not claimed when the ruleset file is there but does not load', async () => {
    const dir = fixtureDir();
    const path = join(dir, 'ruleset.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('name: lint fixture', 'name: [lint'));
    const { report } = await validateJson(dir);
    expect(report.diagnostics.map((d) => d.code)).toEqual(['yaml-syntax']);
    expect(report.diagnostics[0]!.file).toBe('ruleset.yaml');
  });

  it('read-error: a link to a file that does not exist', async () => {
    const dir = fixtureDir();
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'broken.yaml'));
    const { code, report } = await validateJson(dir);
    expect(report.diagnostics.map(key)).toEqual(['read-error@broken.yaml:1']);
    expect(code).toBe(1);
  });

  it('outside-root: links to a file and a folder outside the rule directory are not read', async () => {
    const outside = tempDir();
    writeFileSync(
      join(outside, 'secret.yaml'),
      'kind: warnings\nlast_reviewed: 2026-11-01\nwarnings: [oops]\n',
    );
    const dir = fixtureDir();
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'secret.yaml'));
    symlinkSync(outside, join(dir, 'elsewhere'));
    const { code, report } = await validateJson(dir);
    expect(report.diagnostics.map(key)).toEqual([
      'outside-root@elsewhere:1',
      'outside-root@secret.yaml:1',
    ]);
    expect(report.diagnostics[0]!.message).not.toMatch(/oops/);
    expect(code).toBe(1);
  });

  it('file-too-large: a rule file over the size limit is not parsed', async () => {
    const dir = fixtureDir();
    writeFileSync(join(dir, 'huge.yaml'), `# ${'x'.repeat(2 * 1024 * 1024)}\nkind: warnings\n`);
    const { code, report } = await validateJson(dir);
    expect(report.diagnostics.map(key)).toEqual(['file-too-large@huge.yaml:1']);
    expect(code).toBe(1);
  });

  it('citation-line: with the seed documents, cited lines past the end are errors', async () => {
    const dir = fixtureDir();
    const seeds = tempDir();
    writeFileSync(join(seeds, 'seed-a.txt'), 'one\ntwo\nthree\nfour\nfive\nsix\nseven\n');
    // base cites seed-a.txt:2 … :10; lines 8, 9 and 10 do not exist in a 7-line seed
    const lineOf = (file: string, needle: string) =>
      readFileSync(join(BASE, file), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes(needle)) + 1;
    const stdout: string[] = [];
    const code = await run(
      dir,
      { format: 'json', failOn: 'error', asOf: AS_OF, seeds: seeds },
      {
        cwd: dir,
        env: {},
        stdout: { write: (s: string) => stdout.push(s) } as never,
        stderr: { write: () => true } as never,
        stdin: process.stdin,
      },
    );
    const report = JSON.parse(stdout.join('')) as JsonReport;
    expect(report.diagnostics.map(key).sort()).toEqual(
      [
        `citation-line@trees/zvw.yaml:${lineOf('trees/zvw.yaml', '"seed-a.txt:8"')}`,
        `citation-line@trees/zvw.yaml:${lineOf('trees/zvw.yaml', '"seed-a.txt:9"')}`,
        `citation-line@tests/cases.yaml:${lineOf('tests/cases.yaml', '"seed-a.txt:10"')}`,
      ].sort(),
    );
    expect(report.diagnostics[0]!.message).toMatch(
      /past the end of seed-a\.txt, which has 7 lines/,
    );
    expect(code).toBe(1);

    // a seed the registry names but the seeds directory lacks
    rmSync(join(seeds, 'seed-a.txt'));
    mkdirSync(join(seeds, 'sub'));
    stdout.length = 0;
    await run(
      dir,
      { format: 'json', failOn: 'error', asOf: AS_OF, seeds },
      {
        cwd: dir,
        env: {},
        stdout: { write: (s: string) => stdout.push(s) } as never,
        stderr: { write: () => true } as never,
        stdin: process.stdin,
      },
    );
    const missing = JSON.parse(stdout.join('')) as JsonReport;
    expect(missing.diagnostics.map(key)).toEqual([
      `citation-line@sources.yaml:${lineOf('sources.yaml', 'id: seed-a.txt')}`,
    ]);
  });
});

describe('coverage of the codes', () => {
  it('every diagnostic code has a test', () => {
    const covered = new Set<string>(BUILT_ON_DISK);
    for (const name of FIXTURE_NAMES) for (const m of markers(name)) covered.add(m.code);
    const missing = Object.keys(DIAGNOSTIC_CODES).filter((c) => !covered.has(c));
    expect(missing).toEqual([]);
  });

  it('fixture markers only name real codes', () => {
    for (const name of FIXTURE_NAMES) {
      for (const m of markers(name)) expect(Object.keys(DIAGNOSTIC_CODES)).toContain(m.code);
    }
  });

  it('warnings do not fail the run unless --fail-on warning', async () => {
    const dir = fixtureDir('stale-review');
    const normal = await runCli(['validate', dir, '--as-of', AS_OF]);
    expect(normal.code).toBe(0);
    const strict = await runCli(['validate', dir, '--as-of', AS_OF, '--fail-on', 'warning']);
    expect(strict.code).toBe(1);
  });
});
