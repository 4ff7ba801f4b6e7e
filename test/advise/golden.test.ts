// Golden outputs of `innoroute advise` on every example answers file (data/) with the shipped
// rules, and on the fixture answers with the fixture rules, in all four formats: the command in
// this process (main() with captured streams), and once the built binary, where the process's
// exit code is the subject. Regenerate after an intended change:
// UPDATE_GOLDEN=1 npx vitest run test/advise
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, spawnBin } from './build.ts';
import { FIXTURE_RULES, FIXTURES, ROOT, run } from './helpers.ts';

const GOLDEN = join(ROOT, 'test', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const AS_OF = '2026-11-27';
const FORMATS = [
  ['text', 'txt'],
  ['markdown', 'md'],
  ['json', 'json'],
  ['html', 'html'],
] as const;

interface Case {
  readonly name: string;
  readonly file: string;
  readonly args: readonly string[];
  /** The shipped rules change often; their hash is masked so only real output changes count. */
  readonly maskHash: boolean;
}

const maskHash = (text: string) =>
  text.replace(/"hash": "sha256:[0-9a-f]{64}"/g, '"hash": "sha256:(shipped rules)"');

const dataDir = join(ROOT, 'data');
const cases: Case[] = [
  ...(existsSync(dataDir) ? readdirSync(dataDir) : [])
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => ({
      name: f.replace(/\.(ya?ml|json)$/, ''),
      file: join('data', f),
      args: [],
      maskHash: true,
    })),
  ...['cue2walk.yaml', 'selfcare.yaml'].map((f) => ({
    name: `fixture-${f.replace(/\.yaml$/, '')}`,
    file: relative(ROOT, join(FIXTURES, 'answers', f)),
    args: ['--rules', relative(ROOT, FIXTURE_RULES)],
    maskHash: false,
  })),
];

function compare(goldenName: string, actual: string): void {
  const path = join(GOLDEN, goldenName);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(
      `no golden file ${relative(ROOT, path)}; create it with UPDATE_GOLDEN=1 npx vitest run test/advise`,
    );
  }
  expect(actual, `differs from ${relative(ROOT, path)} (UPDATE_GOLDEN=1 to accept)`).toBe(
    readFileSync(path, 'utf8'),
  );
}

beforeAll(() => build(), 120_000);

describe('golden outputs of innoroute advise', () => {
  it('has example cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(2);
  });

  /** `advise` on a case at the fixed date, without colour, with extra options. */
  const advise = (c: (typeof cases)[number], ...extra: string[]) =>
    run(['advise', c.file, ...c.args, '--as-of', AS_OF, '--no-color', ...extra]);

  for (const c of cases) {
    for (const [format, ext] of FORMATS) {
      it(`${c.file} --format ${format}`, async () => {
        const r = await advise(c, '--format', format);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        compare(`${c.name}.${ext}`, c.maskHash ? maskHash(r.stdout) : r.stdout);
      });
    }
    it(`${c.file} --lang en`, async () => {
      const r = await advise(c, '--lang', 'en');
      expect(r.code).toBe(0);
      compare(`${c.name}.en.txt`, r.stdout);
    });
  }

  // the HTML page in English too, for a case with every picture (figures given)
  it('data/cva-portaal.yaml --format html --lang en', async () => {
    const c = cases.find((x) => x.name === 'cva-portaal')!;
    const r = await advise(c, '--format', 'html', '--lang', 'en');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    compare('cva-portaal.en.html', r.stdout);
  });

  // the built binary: the message on the process's stderr, its exit code
  it('gives an invalid answers file a located message and exit 2', () => {
    const file = relative(ROOT, join(FIXTURES, 'answers', 'typo.yaml'));
    const r = spawnBin([
      'advise',
      file,
      '--rules',
      relative(ROOT, FIXTURE_RULES),
      '--as-of',
      AS_OF,
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    compare('fixture-typo.stderr', r.stderr);
  });
});
