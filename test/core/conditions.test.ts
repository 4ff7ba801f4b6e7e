import { describe, expect, it } from 'vitest';
import {
  comparisons,
  conditionOn,
  evaluateCondition,
  isAnswered,
} from '../../src/core/conditions.ts';
import type { Condition } from '../../src/core/schema.ts';
import { Condition as ConditionSchema } from '../../src/core/schema.ts';
import { COMPARISON_OPERATORS, operatorDef } from '../../src/core/conditions.ts';

const answers = {
  innovation_type: 'device',
  goal: ['prevention', 'self_management'],
  treatment_relation: false,
  cost_hospital: 500,
  innovation_name: '  ',
};

describe('evaluateCondition', () => {
  it('compares answered questions', () => {
    expect(evaluateCondition({ question: 'innovation_type', equals: 'device' }, answers)).toBe(
      true,
    );
    expect(
      evaluateCondition({ question: 'innovation_type', in: ['digital', 'device'] }, answers),
    ).toBe(true);
    expect(evaluateCondition({ question: 'goal', includes: 'prevention' }, answers)).toBe(true);
    expect(evaluateCondition({ question: 'goal', includes_any: ['cure_treatment'] }, answers)).toBe(
      false,
    );
    expect(
      evaluateCondition(
        { question: 'goal', includes_all: ['prevention', 'self_management'] },
        answers,
      ),
    ).toBe(true);
    expect(evaluateCondition({ question: 'treatment_relation', equals: false }, answers)).toBe(
      true,
    );
    expect(evaluateCondition({ question: 'cost_hospital', gte: 500 }, answers)).toBe(true);
    expect(evaluateCondition({ question: 'cost_hospital', gt: 500 }, answers)).toBe(false);
    expect(evaluateCondition({ question: 'cost_hospital', lt: 501 }, answers)).toBe(true);
    expect(evaluateCondition({ question: 'cost_hospital', lte: 499 }, answers)).toBe(false);
  });

  it('treats a blank text and a missing answer as unanswered: unknown, except for `answered`', () => {
    const { compiled, values } = conditionOn(
      {
        all: [
          { question: 'phase', equals: 'explore' },
          { question: 'innovation_name', equals: 'x' },
        ],
      },
      answers,
    );
    expect(compiled.test(values)).toBeUndefined();
    const unknown: string[] = [];
    compiled.unknown(values, unknown);
    expect(unknown).toEqual(['phase', 'innovation_name']);
    expect(evaluateCondition({ question: 'phase', answered: false }, answers)).toBe(true);
    expect(evaluateCondition({ question: 'goal', answered: true }, answers)).toBe(true);
    expect(isAnswered([])).toBe(false);
  });

  it('follows Kleene logic for all / any / not', () => {
    const T: Condition = { question: 'innovation_type', equals: 'device' };
    const F: Condition = { question: 'innovation_type', equals: 'digital' };
    const U: Condition = { question: 'phase', equals: 'explore' };
    expect(evaluateCondition({ all: [T, U] }, answers)).toBeUndefined();
    expect(evaluateCondition({ all: [F, U] }, answers)).toBe(false);
    expect(evaluateCondition({ all: [T, T] }, answers)).toBe(true);
    expect(evaluateCondition({ any: [T, U] }, answers)).toBe(true);
    expect(evaluateCondition({ any: [F, U] }, answers)).toBeUndefined();
    expect(evaluateCondition({ any: [F, F] }, answers)).toBe(false);
    expect(evaluateCondition({ not: U }, answers)).toBeUndefined();
    expect(evaluateCondition({ not: F }, answers)).toBe(true);
  });

  it('lists every comparison with its path', () => {
    const cond: Condition = {
      all: [{ question: 'a', equals: 1 }, { not: { any: [{ question: 'b', answered: true }] } }],
    };
    expect([...comparisons(cond)].map((c) => [c.comparison.question, c.path.join('.')])).toEqual([
      ['a', 'all.0'],
      ['b', 'all.1.not.any.0'],
    ]);
  });

  it('takes every operator of the table in the schema, with its operand and nothing else', () => {
    const sample = {
      scalar: 'x',
      scalars: ['x', 1],
      option: 'x',
      options: ['x'],
      number: 3,
      boolean: true,
    };
    const wrong = { scalar: {}, scalars: [], option: 3, options: [3], number: 'x', boolean: 'x' };
    for (const name of COMPARISON_OPERATORS) {
      const kind = operatorDef(name).operand;
      expect(ConditionSchema.safeParse({ question: 'q', [name]: sample[kind] }).success, name).toBe(
        true,
      );
      expect(ConditionSchema.safeParse({ question: 'q', [name]: wrong[kind] }).success, name).toBe(
        false,
      );
    }
    expect(ConditionSchema.safeParse({ question: 'q', starts_with: 'x' }).success).toBe(false);
  });
});
