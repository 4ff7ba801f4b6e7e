// The answer rules of contract §2, one by one, through normalizeAnswers and parseAnswer.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  didYouMean,
  editDistance,
  normalizeAnswers,
  parseAnswer,
  parseNumber,
} from '../../src/core/answers.ts';
import { requireRuleSet } from '../../src/io/compile-rules.ts';

const rules = requireRuleSet(fileURLToPath(new URL('../fixtures/advise/rules', import.meta.url)));
const q = (id: string) => {
  const def = rules.questions.get(id);
  if (!def) throw new Error(`no question ${id} in the fixture`);
  return def;
};

describe('parseAnswer', () => {
  it('matches option ids case-insensitively, trimmed', () => {
    expect(parseAnswer(q('innovation_type'), '  Device ')).toEqual({ value: 'device' });
  });

  it('splits many-answers on | ; and , and returns them in option order', () => {
    expect(parseAnswer(q('goal'), 'prevention|cure_treatment')).toEqual({
      value: ['cure_treatment', 'prevention'],
    });
    expect(parseAnswer(q('goal'), 'prevention; daily_living_support')).toEqual({
      value: ['daily_living_support', 'prevention'],
    });
    expect(parseAnswer(q('goal'), ['PREVENTION', 'prevention'])).toEqual({ value: ['prevention'] });
  });

  it('reads booleans in Dutch and English', () => {
    // WAAR / ONWAAR: Dutch Excel's TRUE and FALSE in a CSV export
    for (const yes of ['yes', 'ja', 'TRUE', '1', true, 'WAAR', 'waar'])
      expect(parseAnswer(q('treatment_relation'), yes)).toEqual({ value: true });
    for (const no of ['no', 'Nee', 'false', '0', false, 'ONWAAR'])
      expect(parseAnswer(q('treatment_relation'), no)).toEqual({ value: false });
    expect(parseAnswer(q('treatment_relation'), 'misschien')).toHaveProperty('problem');
  });

  it('maps a YAML 1.1 boolean to the yes/no option of a one-question', () => {
    expect(parseAnswer(q('fits_existing_prestatie'), true)).toEqual({ value: 'yes' });
    expect(parseAnswer(q('fits_existing_prestatie'), false)).toEqual({ value: 'no' });
  });

  it('treats empty values as unanswered, never as an error', () => {
    for (const empty of ['', '   ', null, undefined, []])
      expect(parseAnswer(q('goal'), empty)).toEqual({ empty: true });
    expect(parseAnswer(q('goal'), ' | ')).toEqual({ empty: true });
  });

  it('refuses a list for a one-question and a map for a many-question', () => {
    expect(parseAnswer(q('innovation_type'), ['device'])).toHaveProperty('problem');
    expect(parseAnswer(q('goal'), { a: 1 })).toHaveProperty('problem');
  });

  it('checks numbers against min', () => {
    expect(parseAnswer(q('cost_hospital'), '1250,50')).toEqual({ value: 1250.5 });
    const negative = parseAnswer(q('cost_hospital'), -5);
    expect(negative).toHaveProperty('problem');
    expect(JSON.stringify(negative)).toContain('at least 0');
  });
});

describe('parseNumber', () => {
  it('accepts . or , as decimal mark and a leading €', () => {
    expect(parseNumber('€ 250000')).toBe(250000);
    expect(parseNumber('€250000')).toBe(250000);
    expect(parseNumber('1234.5')).toBe(1234.5);
    expect(parseNumber('1234,5')).toBe(1234.5);
    expect(parseNumber('-300')).toBe(-300);
  });
  it('refuses thousands separators and text', () => {
    expect(parseNumber('250.000,00')).toBeUndefined();
    expect(parseNumber('1,234,567')).toBeUndefined();
    expect(parseNumber('twee ton')).toBeUndefined();
    expect(parseNumber(Number.NaN)).toBeUndefined();
  });
});

describe('did you mean', () => {
  it('suggests the closest option for a typo, nothing for a different word', () => {
    expect(didYouMean('prevntion', ['cure_treatment', 'daily_living_support', 'prevention'])).toBe(
      'prevention',
    );
    expect(didYouMean('devise', ['device', 'digital', 'service'])).toBe('device');
    expect(didYouMean('banana', ['device', 'digital', 'service'])).toBeUndefined();
  });
  it('bounds the edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('a', 'abcdefgh', 3)).toBe(4);
  });
});

describe('normalizeAnswers', () => {
  it('types the answers, in question order', () => {
    const { answers, problems } = normalizeAnswers(rules, {
      goal: 'prevention',
      innovation_type: 'DIGITAL',
      treatment_relation: 'ja',
      innovation_name: ' Cue2Walk ',
    });
    expect(problems).toEqual([]);
    expect(Object.keys(answers)).toEqual([
      'innovation_name',
      'innovation_type',
      'treatment_relation',
      'goal',
    ]);
    expect(answers).toEqual({
      innovation_name: 'Cue2Walk',
      innovation_type: 'digital',
      treatment_relation: true,
      goal: ['prevention'],
    });
  });

  it('reports an invalid option as an error with the valid options and a suggestion', () => {
    const { answers, problems } = normalizeAnswers(rules, { goal: ['prevntion'] });
    expect(answers).toEqual({});
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p).toMatchObject({ severity: 'error', question: 'goal', suggestion: 'prevention' });
    expect(p!.validOptions).toEqual(['cure_treatment', 'daily_living_support', 'prevention']);
    expect(p!.message).toContain('did you mean "prevention"');
  });

  it('warns about an unknown question and ignores it', () => {
    const { answers, problems } = normalizeAnswers(rules, {
      inovation_type: 'device',
      phase: 'explore',
    });
    expect(answers).toEqual({ phase: 'explore' });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        question: 'inovation_type',
        suggestion: 'innovation_type',
      }),
    ]);
  });

  it('does not treat a missing answer as a problem', () => {
    expect(normalizeAnswers(rules, {}).problems).toEqual([]);
    expect(normalizeAnswers(rules, { goal: [] }).problems).toEqual([]);
  });
});
