// innoroute advise, in-process through main(argv, ctx): formats, languages, colour, every kind of
// bad input, and --out.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { requireRuleSet } from '../../src/io/compile-rules.ts';
import { evaluate } from '../../src/core/engine.ts';
import { renderJson } from '../../src/report/json.ts';
import { summarize } from '../../src/report/summary.ts';
import { FIXTURE_RULES, FIXTURES, run, tempDir } from './helpers.ts';

const cwd = join(FIXTURES, 'answers');
const base = ['--rules', FIXTURE_RULES, '--as-of', '2026-11-27'];
const advise = (file: string, ...args: string[]) =>
  run(['advise', file, ...base, ...args], { cwd });
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

describe('advise: formats', () => {
  it('prints the text report, Dutch by default, plain when not a terminal', async () => {
    const r = await advise('cue2walk.yaml');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(
      r.stdout.startsWith('Advies voor Cue2Walk\nRegelset 0.0.1 · peildatum 2026-11-27\n'),
    ).toBe(true);
    expect(r.stdout).toContain('█████████░  85 sterk');
    expect(r.stdout).toBe(stripVTControlCharacters(r.stdout));
    expect(r.stdout).toContain('Fixture-disclaimer.');
  });

  it('gives the JSON of evaluate and its summary, byte for byte, for YAML and JSON answers alike', async () => {
    const rules = requireRuleSet(FIXTURE_RULES);
    const answers = JSON.parse(readFileSync(join(cwd, 'cue2walk.json'), 'utf8'));
    const advice = evaluate(rules, answers, { asOf: '2026-11-27', lang: 'nl' });
    const expected = renderJson(advice, summarize(advice, rules, 'nl'));
    const fromYaml = await advise('cue2walk.yaml', '--format', 'json');
    const fromJson = await advise('cue2walk.json', '--format', 'json');
    expect(fromYaml.code).toBe(0);
    expect(fromYaml.stdout).toBe(expected);
    expect(fromJson.stdout).toBe(expected);
    const json = JSON.parse(fromYaml.stdout);
    expect(json.routes[0].id).toBe('zvw.existing-prestatie');
    expect(json.costBenefit.wrongPocket).toBe(true);
    expect(json.summary.recommendation.id).toBe('zvw.existing-prestatie');
  });

  it('writes markdown', async () => {
    const r = await advise('cue2walk.yaml', '--format', 'markdown');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# Advies voor Cue2Walk\n')).toBe(true);
    expect(r.stdout).toContain('## Aanbevolen route: Bestaande prestatie');
    expect(r.stdout).toMatch(/^- \[ \] \*\*Gemeente\*\*/m);
  });

  it('speaks English with --lang en or INNOROUTE_LANG=en', async () => {
    const a = await advise('cue2walk.yaml', '--lang', 'en');
    expect(a.stdout.startsWith('Advice for Cue2Walk\n')).toBe(true);
    expect(a.stdout).toContain('Existing prestatie');
    const b = await run(['advise', 'cue2walk.yaml', ...base], {
      cwd,
      env: { INNOROUTE_LANG: 'en' },
    });
    expect(b.stdout).toBe(a.stdout);
  });

  it('uses the evaluation date of --as-of', async () => {
    const r = await run(
      [
        'advise',
        'cue2walk.yaml',
        '--rules',
        FIXTURE_RULES,
        '--as-of',
        '2027-01-05',
        '--format',
        'json',
      ],
      { cwd },
    );
    expect(JSON.parse(r.stdout).ruleset.asOf).toBe('2027-01-05');
  });

  it('shows an exclusion with its why-not', async () => {
    const r = await advise('selfcare.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Uitgesloten routes \(waarom niet\)\n {2}✗ Bestaande prestatie \(zvw\.existing-prestatie\): Zonder behandelrelatie betaalt de Zvw niet\./,
    );
  });
});

describe('advise: colour and width on a terminal', () => {
  it('colours on a terminal, and not with --no-color or NO_COLOR', async () => {
    const tty = await run(['advise', 'cue2walk.yaml', ...base], { cwd, tty: true, columns: 100 });
    expect(tty.stdout).not.toBe(stripVTControlCharacters(tty.stdout));
    const plain = await advise('cue2walk.yaml');
    expect(stripVTControlCharacters(tty.stdout)).toBe(plain.stdout);
    const off = await run(['advise', 'cue2walk.yaml', ...base, '--no-color'], {
      cwd,
      tty: true,
      columns: 100,
    });
    expect(off.stdout).toBe(plain.stdout);
    const env = await run(['advise', 'cue2walk.yaml', ...base], {
      cwd,
      tty: true,
      columns: 100,
      env: { NO_COLOR: '1' },
    });
    expect(env.stdout).toBe(plain.stdout);
  });

  it('wraps to the width of the terminal', async () => {
    const r = await run(['advise', 'cue2walk.yaml', ...base, '--no-color'], {
      cwd,
      tty: true,
      columns: 64,
    });
    const long = r.stdout.split('\n').filter((l) => l.length > 64);
    expect(long).toEqual([]);
    const wide = await advise('cue2walk.yaml');
    expect(wide.stdout.split('\n').some((l) => l.length > 64)).toBe(true);
  });
});

describe('advise: bad input', () => {
  it('names the question, the value, the options and a did-you-mean for an invalid option; exit 2', async () => {
    const r = await advise('typo.yaml', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'typo.yaml:4:30 goal: "prevntion" is not an option of goal — did you mean "prevention"?; valid: cure_treatment, daily_living_support, prevention\n',
    );
    expect(r.stderr).toContain(
      'innoroute: typo.yaml: 1 problem in the answers; nothing was advised',
    );
    noStack(r.stderr);
    // in Dutch, the default, the same problem in Dutch
    const nl = await advise('typo.yaml');
    expect(nl.code).toBe(2);
    expect(nl.stderr).toContain(
      'typo.yaml:4:30 goal: "prevntion" is geen keuze bij goal — bedoel je "prevention"?; geldig: cure_treatment, daily_living_support, prevention\n',
    );
    expect(nl.stderr).toContain(
      'innoroute: typo.yaml: 1 probleem in de antwoorden; er is geen advies gegeven',
    );
  });

  it('warns about an unknown question and still advises; exit 0', async () => {
    const r = await advise('unknown-question.yaml');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'unknown-question.yaml:2:1 waarschuwing: onbekende vraag "inovation_name" — bedoel je "innovation_name"?; genegeerd\n',
    );
    expect(r.stdout).toContain('Advies voor je innovatie');
  });

  it('reports malformed YAML with file:line:col; exit 2', async () => {
    const r = await advise('malformed.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^malformed\.yaml:\d+:\d+ /m);
    expect(r.stdout).toBe('');
    noStack(r.stderr);
  });

  it('refuses a list instead of a map; exit 2', async () => {
    const r = await advise('list.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "list.yaml:1:1 een antwoordenbestand koppelt vraag-id's aan antwoorden",
    );
  });

  it('says a missing file is missing; exit 2', async () => {
    const r = await advise('nope.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.yaml: het bestand bestaat niet');
    noStack(r.stderr);
  });

  it('never fails on a missing answer', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'few.yaml'), 'innovation_type: service\n');
    const r = await run(['advise', 'few.yaml', ...base, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).openQuestions).toContain('treatment_relation');
  });

  it('refuses a bad --as-of and --lang; exit 2', async () => {
    const a = await run(
      ['advise', 'cue2walk.yaml', '--rules', FIXTURE_RULES, '--as-of', '27-11-2026'],
      { cwd },
    );
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--as-of verwacht een datum als JJJJ-MM-DD');
    const b = await advise('cue2walk.yaml', '--lang', 'de');
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('unknown language "de"');
  });

  it('stops with exit 2 when the rule set has errors', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'ruleset.yaml'), 'kind: ruleset\nname: x\n');
    const r = await run(['advise', join(cwd, 'cue2walk.yaml'), '--rules', 'rules'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/de regels in .* hebben \d+ fout/);
    expect(r.stdout).toBe('');
    noStack(r.stderr);
  });
});

describe('advise --out', () => {
  it('writes the report to the file, nothing to stdout, no colour', async () => {
    const dir = tempDir();
    const plain = await advise('cue2walk.yaml');
    const r = await run(['advise', join(cwd, 'cue2walk.yaml'), ...base, '--out', 'advies.txt'], {
      cwd: dir,
      tty: true,
      columns: 60,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'advies.txt'), 'utf8')).toBe(plain.stdout);
    expect(readdirSync(dir)).toEqual(['advies.txt']);
  });

  it('replaces an existing output file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'out.json'), 'old');
    const r = await run(
      ['advise', join(cwd, 'cue2walk.yaml'), ...base, '--format', 'json', '--out', 'out.json'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).schemaVersion).toBe(1);
  });

  it('refuses to overwrite the answers file, however it is spelled; exit 2, nothing written', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    const text = readFileSync(join(cwd, 'cue2walk.yaml'), 'utf8');
    writeFileSync(join(dir, 'answers.yaml'), text);
    for (const out of ['answers.yaml', './sub/../answers.yaml', join(dir, 'answers.yaml')]) {
      const r = await run(['advise', 'answers.yaml', ...base, '--lang', 'en', '--out', out], {
        cwd: dir,
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is the answers file itself; refusing to overwrite it');
      expect(r.stdout).toBe('');
      expect(readFileSync(join(dir, 'answers.yaml'), 'utf8')).toBe(text);
    }
    expect(readdirSync(dir).sort()).toEqual(['answers.yaml', 'sub']);
  });

  it('reports an unwritable --out; exit 2, no temporary files left', async () => {
    const dir = tempDir();
    const missing = await run(
      ['advise', join(cwd, 'cue2walk.yaml'), ...base, '--lang', 'en', '--out', 'no/such/dir/a.txt'],
      { cwd: dir },
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'innoroute: cannot write no/such/dir/a.txt: the directory no/such/dir does not exist\n',
    );
    noStack(missing.stderr);

    mkdirSync(join(dir, 'ro'));
    chmodSync(join(dir, 'ro'), 0o500);
    try {
      const ro = await run(
        ['advise', join(cwd, 'cue2walk.yaml'), ...base, '--lang', 'en', '--out', 'ro/a.txt'],
        { cwd: dir },
      );
      // root may write anywhere; then the write simply succeeds
      if (ro.code !== 0) {
        expect(ro.code).toBe(2);
        expect(ro.stderr).toContain('cannot write ro/a.txt: permission denied');
        expect(readdirSync(join(dir, 'ro'))).toEqual([]);
      } else {
        expect(existsSync(join(dir, 'ro', 'a.txt'))).toBe(true);
      }
    } finally {
      chmodSync(join(dir, 'ro'), 0o700);
    }
  });
});

describe('advise: an unreadable answers file', () => {
  it('says only what is wrong with the file, not that the answers have problems', async () => {
    const r = await advise('nope.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('nope.yaml: het bestand bestaat niet\n');
  });
});
