// Rules that `validate` finds errors in are refused by every other command: exit 2, nothing on
// stdout, and on stderr the diagnostics exactly as validate prints them. The repro of issue 15
// (on the small advise fixture, to be quick): one route id in a tree changed to one outside the
// vocabulary, an error that only the linter finds.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_RULES, FIXTURES, ROOT, run, tempDir } from './helpers.ts';

const cwd = tempDir('innoroute-invalid-');
const cache = tempDir('innoroute-invalid-cache-');
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});
cpSync(FIXTURE_RULES, join(cwd, 'bad'), { recursive: true });
const wmo = join(cwd, 'bad', 'wmo.yaml');
writeFileSync(wmo, readFileSync(wmo, 'utf8').replace('route: wmo.', 'route: wmox.'));
const env = { INNOROUTE_CACHE_DIR: cache };
const answers = join(FIXTURES, 'answers', 'cue2walk.yaml');

describe('rules with an error only the linter finds', () => {
  it('validate reports it (exit 1); advise, batch, test and the wizard refuse them with the same lines (exit 2)', async () => {
    const validate = await run(['validate', 'bad'], { cwd, env });
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/bad\/wmo\.yaml:\d+:\d+ +error +vocabulary +"wmox\./);

    const commands = [
      ['advise', answers, '--rules', 'bad'],
      ['batch', join(ROOT, 'data', 'portfolio-example.csv'), '--rules', 'bad'],
      ['test', 'bad'],
      ['wizard', '--rules', 'bad'],
    ];
    for (const argv of commands) {
      const r = await run(argv, { cwd, env, tty: true });
      expect(r.code, argv[0]).toBe(2);
      expect(r.stdout, argv[0]).toBe('');
      // one line that says what happened, then validate's report, byte for byte
      const [first, ...rest] = r.stderr.split('\n');
      // in the user's language (Dutch by default); validate's report stays as it is
      expect(first).toBe(
        'innoroute: de regels in bad hebben 1 fout; er is niets gedaan. Herstel de fout en controleer met "innoroute validate bad" (het rapport hieronder is in het Engels):',
      );
      expect(rest.join('\n'), argv[0]).toBe(validate.stdout);
    }
    const en = await run(['advise', answers, '--rules', 'bad', '--lang', 'en'], { cwd, env });
    const [first, ...rest] = en.stderr.split('\n');
    expect(first).toBe(
      'innoroute: the rules in bad have 1 error; nothing was done. Fix it and check with "innoroute validate bad":',
    );
    expect(rest.join('\n')).toBe(validate.stdout);
    // and such a rule set never enters the compiled-rules cache
    expect(readdirSync(cache)).toEqual([]);
  }, 60_000);
});
