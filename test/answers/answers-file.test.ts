// Answers files: every problem at its place (file:line:col), JSON as well as YAML, and the YAML we
// write reads back to the same answers.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireRuleSet } from '../../src/io/compile-rules.ts';
import {
  checkAnswers,
  formatAnswersYaml,
  formatProblem,
  parseAnswersText,
  readAnswersFile,
} from '../../src/io/answers-file.ts';

const rules = requireRuleSet(fileURLToPath(new URL('../fixtures/advise/rules', import.meta.url)));
const check = (text: string, file = 'answers.yaml') =>
  checkAnswers(rules, parseAnswersText(text, file));
const lines = (text: string, file?: string) => check(text, file).problems.map(formatProblem);

describe('reading answers', () => {
  it('reads YAML answers into typed answers', () => {
    const { answers, problems } = check(
      'innovation_name: Cue2Walk\ninnovation_type: device\ngoal: [daily_living_support, prevention]\ntreatment_relation: true\n',
    );
    expect(problems).toEqual([]);
    expect(answers).toEqual({
      innovation_name: 'Cue2Walk',
      innovation_type: 'device',
      treatment_relation: true,
      goal: ['daily_living_support', 'prevention'],
    });
  });

  it('reads JSON answers the same way', () => {
    const { answers, problems } = check(
      '{\n  "innovation_type": "device",\n  "goal": ["prevention"]\n}\n',
      'a.json',
    );
    expect(problems).toEqual([]);
    expect(answers).toEqual({ innovation_type: 'device', goal: ['prevention'] });
  });

  it('points at the wrong item of a list, with a did-you-mean', () => {
    const text = [
      'innovation_name: X',
      'innovation_type: device',
      'phase: explore',
      'goal: [daily_living_support, prevntion]',
    ].join('\n');
    expect(lines(text)).toEqual([
      'answers.yaml:4:30 goal: "prevntion" is not an option of goal — did you mean "prevention"?; valid: cure_treatment, daily_living_support, prevention',
    ]);
  });

  it('points at a wrong item of a block list', () => {
    const text = 'goal:\n  - prevention\n  - cure_treatmnt\n';
    expect(lines(text)[0]).toMatch(
      /^answers\.yaml:3:5 goal: "cure_treatmnt" is not an option .*did you mean "cure_treatment"/,
    );
  });

  it('lists every problem, errors and warnings, each at its line', () => {
    const text = [
      'innovation_type: devise',
      'inovation_name: X',
      'treatment_relation: maybe',
      'phase: scale',
    ].join('\n');
    const out = lines(text);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatch(
      /^answers\.yaml:1:18 innovation_type: "devise" is not an option .*did you mean "device"/,
    );
    expect(out[1]).toBe(
      'answers.yaml:2:1 warning: unknown question "inovation_name" — did you mean "innovation_name"?; ignored',
    );
    expect(out[2]).toMatch(
      /^answers\.yaml:3:21 treatment_relation: treatment_relation is yes or no/,
    );
    expect(out[3]).toMatch(
      /^answers\.yaml:4:8 phase: "scale" is not an option of phase; valid: explore, develop, implement$/,
    );
  });

  it('reports malformed YAML at its position, and nothing else', () => {
    const r = parseAnswersText(
      'innovation_type: device\ngoal: [prevention\nphase: explore\n',
      'bad.yaml',
    );
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.every((p) => p.severity === 'error' && p.line !== undefined)).toBe(true);
    expect(formatProblem(r.problems[0]!)).toMatch(/^bad\.yaml:\d+:\d+ /);
  });

  it('refuses a list instead of a map', () => {
    expect(lines('- innovation_type: device\n- goal: prevention\n')).toEqual([
      'answers.yaml:1:1 an answers file is a map from question id to answer (innovation_type: device); found a list',
    ]);
  });

  it('refuses a question answered twice', () => {
    expect(lines('phase: explore\nphase: develop\n')).toEqual([
      'answers.yaml:2:1 phase is answered again; first answered on line 1 as "phase"; keep one of them',
    ]);
  });

  it('gives an empty file no answers and one warning', () => {
    const { answers, problems } = check('# nothing yet\n');
    expect(answers).toEqual({});
    expect(problems.map((p) => p.severity)).toEqual(['warning']);
  });

  it('does not let a __proto__ key touch the prototype', () => {
    const r = parseAnswersText('__proto__: { polluted: true }\nphase: explore\n', 'p.yaml');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const { answers, problems } = checkAnswers(rules, r);
    expect(answers).toEqual({ phase: 'explore' });
    expect(problems.map((p) => p.severity)).toEqual(['warning']);
  });

  it('expands a bounded number of aliases only', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      );
    const r = parseAnswersText(bomb.join('\n'), 'bomb.yaml');
    expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
  });
});

describe('readAnswersFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'innoroute-answers-'));
  it('turns a missing file into one problem, not an exception', () => {
    const r = readAnswersFile(join(dir, 'nope.yaml'), 'nope.yaml');
    expect(r.problems.map(formatProblem)).toEqual(['nope.yaml: no such file']);
  });
  it('refuses a directory', () => {
    mkdirSync(join(dir, 'd'));
    expect(readAnswersFile(join(dir, 'd'), 'd').problems.map(formatProblem)).toEqual([
      'd: is a directory, not an answers file',
    ]);
  });
  it('reads a file from disk', () => {
    writeFileSync(join(dir, 'a.yaml'), 'phase: develop\n');
    const r = readAnswersFile(join(dir, 'a.yaml'), 'a.yaml');
    expect(checkAnswers(rules, r).answers).toEqual({ phase: 'develop' });
  });
});

describe('formatAnswersYaml', () => {
  it('writes answers that read back to the same answers', () => {
    const answers = {
      innovation_name: 'Cue2Walk: lopen',
      innovation_type: 'device',
      fits_existing_prestatie: 'yes',
      treatment_relation: true,
      goal: ['daily_living_support', 'prevention'],
      cost_hospital: 1250.5,
    };
    const text = formatAnswersYaml(answers, ['saved by a test']);
    expect(text.startsWith('# saved by a test\n')).toBe(true);
    expect(text).toContain('fits_existing_prestatie: "yes"');
    expect(text).toContain('goal: [daily_living_support, prevention]');
    const back = check(text);
    expect(back.problems).toEqual([]);
    expect(back.answers).toEqual(answers);
  });
  it('orders keys as asked', () => {
    const text = formatAnswersYaml({ b: 'x', a: 'z' }, [], ['a', 'b']);
    expect(text).toBe('a: z\nb: x\n');
  });
});

describe('amounts with thousands separators', () => {
  it('reads 250.000 as 250, as the rules say, with a warning at its place', () => {
    const { answers, problems } = check(
      'has_figures: true\ncost_bearers: [hospital]\ncost_hospital: 250.000\n',
    );
    expect(answers.cost_hospital).toBe(250);
    expect(problems.map(formatProblem)).toEqual([
      'answers.yaml:3:16 warning: cost_hospital: 250.000 is read as 250 (a point or comma is a decimal mark); write 250000 if you meant 250000 euros',
    ]);
  });
  it('warns for a quoted "€ 1.250" too, and not for 1250,50 or 12.5', () => {
    expect(check('cost_hospital: "€ 1.250"\n').problems).toHaveLength(1);
    expect(check('cost_hospital: 1250,50\ncost_gp: 12.5\n').problems).toEqual([]);
  });
});
