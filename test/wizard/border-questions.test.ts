// The seven border questions of contract §2.1 are follow-ups: the wizard asks each only where a tree
// reads it. Issue 14 promises that a typical user answers at most three more questions than before.
// A typical user here: the worked cases in data/ and every rule test case that answers most of the
// core questions, each run through the wizard's question order (nextQuestion), answering from the
// case and leaving open what the case leaves open.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Answers } from '../../src/core/advice.ts';
import { nextQuestion } from '../../src/core/next-question.ts';
import { caseAnswers, dataAnswers, ROOT } from '../engine/answer-sets.ts';
import { shippedRules as rules } from '../shipped-rules.ts';

const BORDER = [
  'wlz_indication',
  'youth_care_kind',
  'delivers_care',
  'device_class',
  'substitution',
  'processes_health_data',
  'restricts_freedom',
];

/** The questions the wizard puts to someone whose answers are `script`, in order. */
function asked(script: Answers): string[] {
  const answers: Record<string, AnswerValue> = {};
  const skipped: string[] = [];
  const out: string[] = [];
  for (let i = 0; i < 200; i++) {
    const next = nextQuestion(rules, answers, { skipped });
    if (next.done) return out;
    const id = next.question.id;
    out.push(id);
    const value = script[id];
    if (value === undefined) skipped.push(id);
    else answers[id] = value;
  }
  throw new Error('the wizard did not finish');
}

const core = [...rules.questions.values()].filter((q) => q.core);
const typical = [
  ...dataAnswers(rules),
  ...caseAnswers(rules, join(ROOT, 'rules')).filter(
    (a) => core.filter((q) => a[q.id] !== undefined).length >= 8,
  ),
];

describe('the border questions in the wizard', () => {
  it('are asked at most three at a time to a typical user, and only after the core questions', () => {
    expect(typical.length).toBeGreaterThan(20);
    for (const answers of typical) {
      const order = asked(answers);
      const border = order.filter((id) => BORDER.includes(id));
      expect(
        border.length,
        `${String(answers.innovation_name ?? '')}: ${border.join(', ')}`,
      ).toBeLessThanOrEqual(3);
      const lastCore = Math.max(...core.map((q) => order.indexOf(q.id)));
      for (const id of border) expect(order.indexOf(id)).toBeGreaterThan(lastCore);
    }
  });

  it('youth_care_kind only after a youth answer, device_class only for devices and software', () => {
    for (const answers of typical) {
      const order = asked(answers);
      const youth = Array.isArray(answers.target_group) && answers.target_group.includes('youth');
      if (!youth) expect(order).not.toContain('youth_care_kind');
      if (!['device', 'digital'].includes(String(answers.innovation_type)))
        expect(order).not.toContain('device_class');
    }
  });
});
