// The wizard's tests drive it in-process with a scripted prompter (scripted-prompter.ts): the
// Cue2Walk walk through the fixture rules, steps that answer, ask for help, go back or skip, and
// walk(), which runs one wizard with its session in a temporary home (never the user's).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { run as wizard } from '../../src/cli/commands/wizard.ts';
import type { WizardOptions } from '../../src/cli/commands/wizard.ts';
import { ExitError } from '../../src/cli/errors.ts';
import type { Answers, Lang } from '../../src/core/advice.ts';
import { evaluate } from '../../src/core/engine.ts';
import { explain } from '../../src/core/explain.ts';
import { requireRuleSet } from '../../src/io/compile-rules.ts';
import { checkAnswers, readAnswersFile } from '../../src/io/answers-file.ts';
import { renderAdviceHtml } from '../../src/report/html/advice-page.tsx';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { renderDetailsText, renderSummaryText } from '../../src/report/text.ts';
import type { TextReportOptions } from '../../src/report/text.ts';
import { ui } from '../../src/report/ui-strings.ts';
import { context, FIXTURE_RULES, tempDir } from '../advise/helpers.ts';
import type { AskedPrompt, ScriptStep } from './scripted-prompter.ts';
import { ScriptedPrompter } from './scripted-prompter.ts';

export const rules = requireRuleSet(FIXTURE_RULES);
export const w = ui('nl').wizard;
export const AS_OF = '2026-11-27';

/** Which question a prompt asks, by its Dutch text. */
export function questionOf(p: AskedPrompt): string {
  const hit = [...rules.questions.values()].find(
    (q) => p.message.includes(q.text.nl) || p.message.includes(q.text.en),
  );
  if (!hit) throw new Error(`not a question prompt: ${p.message}`);
  return hit.id;
}

/** Answers the prompt for question `id` with `value`, and fails if another question is asked. */
export const a =
  (id: string, value: unknown): ScriptStep =>
  (p: AskedPrompt) => {
    expect(questionOf(p)).toBe(id);
    return value;
  };
/** Picks an action choice (help, back, skip) by its label; typed as ?, < or nothing in a text prompt. */
export const choose =
  (label: string, id?: string): ScriptStep =>
  (p: AskedPrompt) => {
    if (id) expect(questionOf(p)).toBe(id);
    if (p.kind === 'input') return label === w.helpChoice ? '?' : label === w.backChoice ? '<' : '';
    const c = p.choices?.find((x) => x.name === label);
    if (!c) throw new Error(`no choice "${label}" in ${p.message}`);
    return p.kind === 'checkbox' ? [c.value] : c.value;
  };
export const HELP = (id?: string) => choose(w.helpChoice, id);
export const BACK = (id?: string) => choose(w.backChoice, id);
export const SKIP = (id?: string) => choose(w.skipChoice, id);
/** Accepts what the prompt proposes (the earlier answer). */
export const keep =
  (id: string): ScriptStep =>
  (p: AskedPrompt) => {
    expect(questionOf(p)).toBe(id);
    return p.default;
  };

export const CUE2WALK: ScriptStep[] = [
  a('innovation_name', 'Cue2Walk'),
  a('innovation_type', 'device'),
  a('treatment_relation', true),
  a('goal', ['daily_living_support', 'prevention']),
  a('phase', 'develop'),
  a('has_figures', true),
  a('cost_bearers', ['hospital']),
  a('beneficiaries', ['health_insurer']),
  a('fits_existing_prestatie', 'yes'),
  // the figures in party order: health_insurer before hospital
  a('benefit_health_insurer', '€ 750000'),
  a('cost_hospital', '500000'),
];
export const CUE2WALK_ANSWERS: Answers = {
  innovation_name: 'Cue2Walk',
  innovation_type: 'device',
  treatment_relation: true,
  goal: ['daily_living_support', 'prevention'],
  phase: 'develop',
  has_figures: true,
  cost_bearers: ['hospital'],
  beneficiaries: ['health_insurer'],
  fits_existing_prestatie: 'yes',
  cost_hospital: 500000,
  benefit_health_insurer: 750000,
};
/** After the summary: yes, show the whole advice here. */
export const SHOW_DETAILS: ScriptStep = true;
/**
 * The end: the details shown, then save the answers and the report (as Markdown) under their
 * default names.
 */
export const SAVE_BOTH: ScriptStep[] = [SHOW_DETAILS, true, '', true, 'markdown', ''];
/** The end: the details shown, no answers saved, the report saved in the default form (HTML). */
export const SAVE_HTML: ScriptStep[] = [SHOW_DETAILS, false, true, 'html', ''];
export const SAVE_NONE: ScriptStep[] = [SHOW_DETAILS, false, false];

/** The user's home for a test directory: a sibling, so the state directory is outside the cwd. */
export function homeFor(dir: string): string {
  const home = `${dir}-home`;
  mkdirSync(home, { recursive: true });
  return home;
}

/** Where the wizard keeps the session of a walk in `dir` (the default place, in its home). */
export function sessionIn(dir: string): string {
  return join(homeFor(dir), '.local', 'state', 'innoroute', 'session.yaml');
}
export const SESSION_SHOWN = '~/.local/state/innoroute/session.yaml';

/**
 * One wizard run in `dir` with a scripted prompter; the session lives in the home next to it
 * (`sessionIn(dir)`), so runs in the same directory share it, as runs by one user do.
 */
export async function walk(
  steps: ScriptStep[],
  opts: Partial<WizardOptions> = {},
  dir = tempDir('innoroute-wizard-'),
  env: Record<string, string | undefined> = {},
) {
  const ctx = context({
    cwd: dir,
    tty: true,
    columns: 100,
    env: { HOME: homeFor(dir), ...env },
  });
  const prompter = new ScriptedPrompter(steps);
  const options: WizardOptions = { rules: FIXTURE_RULES, asOf: AS_OF, color: false, ...opts };
  let code: number;
  try {
    code = await wizard(options, ctx, { prompter });
  } catch (e) {
    if (!(e instanceof ExitError)) throw e;
    code = e.code;
    ctx.stderr.write(`innoroute: ${e.message}\n`);
  }
  return { code, dir, prompter, said: prompter.said.join('\n'), stderr: ctx.stderr.text };
}

export function readAnswers(path: string): Answers {
  const checked = checkAnswers(rules, readAnswersFile(path));
  expect(checked.problems).toEqual([]);
  return checked.answers;
}

/** The advice on `answers` as the wizard shows it: the summary, and the details with the changes. */
export function adviceScreens(
  answers: Answers,
  opts: Omit<TextReportOptions, 'rules' | 'answers'>,
): { summary: string; details: string } {
  const advice = evaluate(rules, answers, { asOf: AS_OF, lang: opts.lang });
  const explanation = explain(rules, answers, { asOf: AS_OF, lang: opts.lang, advice });
  const o = { ...opts, rules, answers };
  return {
    summary: renderSummaryText(advice, o),
    details: renderDetailsText(advice, { ...o, explanation }),
  };
}

/** The Markdown report the wizard saves for `answers` (as advise --format markdown writes it). */
export function adviceMarkdown(answers: Answers, lang: Lang = 'nl'): string {
  const advice = evaluate(rules, answers, { asOf: AS_OF, lang });
  const explanation = explain(rules, answers, { asOf: AS_OF, lang, advice });
  return renderMarkdown(advice, { rules, lang, answers, explanation });
}

/** The HTML report the wizard saves for `answers` (as advise --format html writes it). */
export function adviceHtml(answers: Answers, lang: Lang = 'nl'): string {
  const advice = evaluate(rules, answers, { asOf: AS_OF, lang });
  const explanation = explain(rules, answers, { asOf: AS_OF, lang, advice });
  return renderAdviceHtml(advice, { rules, lang, answers, explanation });
}
