import { describe, expect, it } from 'vitest';
import type { AnswerValue, Answers } from '../../src/core/advice.ts';
import { nextQuestion, pruneAnswers, relevantQuestions } from '../../src/core/next-question.ts';
import type { NextQuestionOptions } from '../../src/core/next-question.ts';
import { advise, fixture } from './helpers.ts';

const rules = fixture();

/** The questions the wizard would ask, in order, answering each from `script`. */
function session(
  script: Record<string, AnswerValue | null>,
  options: NextQuestionOptions = {},
): { asked: string[]; reasons: string[]; answers: Answers } {
  const answers: Record<string, AnswerValue> = {};
  const asked: string[] = [];
  const reasons: string[] = [];
  const skipped = [...(options.skipped ?? [])];
  for (let i = 0; i < 100; i++) {
    const next = nextQuestion(rules, answers, { skipped });
    if (next.done) return { asked, reasons, answers };
    const id = next.question.id;
    expect(asked).not.toContain(id);
    asked.push(id);
    reasons.push(next.reason);
    const value = script[id];
    if (value === undefined || value === null) skipped.push(id);
    else answers[id] = value;
  }
  throw new Error('the wizard did not finish');
}

const CORE = {
  innovation_name: 'Test',
  innovation_type: 'device',
  treatment_relation: true,
  prescriber: 'general_practitioner',
  goal: ['daily_living_support'],
  evidence_level: 'none',
  phase: 'implement',
  willingness_to_pay: 'low',
  cost_bearers: ['gp'],
  beneficiaries: ['hospital'],
};

describe('nextQuestion', () => {
  it('asks the core questions first, in file order', () => {
    const next = nextQuestion(rules, {});
    expect(next).toMatchObject({
      done: false,
      reason: 'core',
      question: { id: 'innovation_name' },
    });
    const after = nextQuestion(rules, { innovation_name: 'x', innovation_type: 'device' });
    expect(after).toMatchObject({ question: { id: 'treatment_relation' } });
  });

  it('then the follow-ups the walk needs (tree order), then has_figures, then the figures per ask_if', () => {
    const run = session({
      ...CORE,
      fits_existing_prestatie: 'no',
      municipal_contact: true,
      municipalities: 'several',
      has_figures: true,
      cost_gp: 2_000_000,
      benefit_hospital: 20_000_000,
    });
    expect(run.asked).toEqual([
      ...Object.keys(CORE),
      'fits_existing_prestatie',
      'municipal_contact',
      'municipalities',
      'has_figures',
      // in question order: the parties of the questions file first (hospital before gp)
      'benefit_hospital',
      'cost_gp',
    ]);
    expect(run.reasons).toEqual([
      ...Object.keys(CORE).map(() => 'core'),
      ...Array(6).fill('follow-up'),
    ]);
    expect(advise(run.answers).costBenefit?.transfers).toEqual([
      { from: 'hospital', to: 'gp', amount: 2_000_000 },
    ]);
  });

  it('never asks a follow-up the walk does not reach, nor one whose ask_if is false', () => {
    const run = session({
      ...CORE,
      treatment_relation: false,
      phase: 'explore',
      has_figures: false,
    });
    // no treatment relation: prescriber (ask_if) and fits_existing_prestatie (not reached) are
    // not asked; phase explore: municipal_contact's ask_if is false
    expect(run.asked).toEqual([
      'innovation_name',
      'innovation_type',
      'treatment_relation',
      'goal',
      'evidence_level',
      'phase',
      'willingness_to_pay',
      'cost_bearers',
      'beneficiaries',
      'has_figures',
    ]);
  });

  it('never asks a derived question, and does not ask a skipped question again', () => {
    const run = session({}, {});
    expect(run.asked.some((id) => id.startsWith('cb_'))).toBe(false);
    // everything skipped: the core questions, has_figures; no figures (ask_if not true), and the
    // follow-ups behind unanswered core questions are not reached
    expect(run.asked).toEqual([
      'innovation_name',
      'innovation_type',
      'treatment_relation',
      'prescriber',
      'goal',
      'evidence_level',
      'phase',
      'willingness_to_pay',
      'cost_bearers',
      'beneficiaries',
      'has_figures',
    ]);
  });

  it('works with the wizard’s placeholders for skipped questions', () => {
    const next = nextQuestion(rules, { ...CORE, fits_existing_prestatie: '\u0000skipped' });
    expect(next).toMatchObject({ question: { id: 'municipal_contact' } });
  });

  it('reports progress: answered or skipped questions, and an estimate that grows with follow-ups', () => {
    const first = nextQuestion(rules, {});
    expect(first).toMatchObject({ progress: { asked: 0, estimate: 11 } });
    const later = nextQuestion(rules, CORE);
    expect(later.done).toBe(false);
    if (later.done) return;
    // fits_existing_prestatie and municipal_contact are pending, then has_figures
    expect(later.progress).toEqual({ asked: 10, estimate: 13 });
    const skipped = nextQuestion(rules, {}, { skipped: ['innovation_name'] });
    expect(skipped).toMatchObject({ progress: { asked: 1 }, question: { id: 'innovation_type' } });
  });

  it('is done when nothing that could change the advice is left', () => {
    expect(
      nextQuestion(rules, {
        ...CORE,
        fits_existing_prestatie: 'yes',
        municipal_contact: false,
        has_figures: false,
      }),
    ).toEqual({ done: true });
  });
});

describe('relevantQuestions and pruneAnswers', () => {
  it('lists the core questions, has_figures, the figures and what the walk reads', () => {
    const relevant = relevantQuestions(rules, { ...CORE, has_figures: true });
    expect(relevant).toEqual(
      expect.arrayContaining([
        'fits_existing_prestatie',
        'municipal_contact',
        'cost_gp',
        'benefit_hospital',
      ]),
    );
    expect(relevant).not.toContain('municipalities');
    expect(relevant).not.toContain('cost_hospital');
    expect(relevant.some((id) => id.startsWith('cb_'))).toBe(false);
    // has_figures no: the figures no longer matter; treatment_relation false: nor prescriber
    const less = relevantQuestions(rules, {
      ...CORE,
      has_figures: false,
      treatment_relation: false,
    });
    expect(less).not.toContain('cost_gp');
    expect(less).not.toContain('prescriber');
    expect(less).not.toContain('fits_existing_prestatie');
  });

  it('drops answers that became irrelevant, repeatedly, and keeps the rest', () => {
    const before: Answers = {
      ...CORE,
      municipal_contact: true,
      municipalities: 'one',
      fits_existing_prestatie: 'yes',
      cb_total: 5,
      row_note: 'kept',
    };
    const kept = pruneAnswers(rules, before);
    const { cb_total: _derived, ...rest } = before;
    expect(kept).toEqual({ answers: rest, dropped: ['cb_total'] });
    // back to phase explore: municipal_contact's ask_if is false (round 1); then the walk no
    // longer reaches `contacted`, so municipalities goes too (round 2)
    const after = pruneAnswers(rules, { ...before, phase: 'explore' });
    expect(after.dropped).toEqual(['municipal_contact', 'cb_total', 'municipalities']);
    expect(after.answers).not.toHaveProperty('municipalities');
    expect(after.answers).toHaveProperty('fits_existing_prestatie', 'yes');
    expect(after.answers).toHaveProperty('row_note', 'kept');
    // the advice without the dropped answers is the advice with them: they could not matter
    expect(JSON.stringify(advise(after.answers))).toBe(
      JSON.stringify(advise({ ...before, phase: 'explore' })),
    );
  });
});
