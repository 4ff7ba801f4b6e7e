// The wizard with a scripted prompter: answers, help, back (and the answers a change makes
// irrelevant), skip, --answers, and at the end the same Advice as evaluate on the final answers.
// Sessions (Ctrl+C, --resume, --new, a saved session found at the start) are in sessions.test.ts.
import { Chalk } from 'chalk';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AskedPrompt, ScriptStep } from './scripted-prompter.ts';
import { ui } from '../../src/report/ui-strings.ts';
import { summaryStrings } from '../../src/report/summary-strings.ts';
import { FIXTURE_RULES, run as cli, tempDir } from '../advise/helpers.ts';
import {
  a,
  adviceHtml,
  adviceMarkdown,
  adviceScreens,
  AS_OF,
  BACK,
  CUE2WALK,
  CUE2WALK_ANSWERS,
  HELP,
  keep,
  questionOf,
  readAnswers,
  SAVE_BOTH,
  SAVE_HTML,
  SAVE_NONE,
  sessionIn,
  SHOW_DETAILS,
  SKIP,
  walk,
  w,
} from './helpers.ts';

describe('wizard: a whole session', () => {
  it('asks, advises as evaluate does, and saves answers and report', async () => {
    const r = await walk([...CUE2WALK, ...SAVE_BOTH]);
    expect(r.code).toBe(0);
    expect(r.prompter.remaining).toBe(0);
    // the summary first, then (asked for) the details with what would change the advice
    const screens = adviceScreens(CUE2WALK_ANSWERS, {
      lang: 'nl',
      chalk: new Chalk({ level: 0 }),
      width: 100,
    });
    expect(r.said).toContain(`${w.done}\n\n${screens.summary}`);
    expect(r.said).toContain(screens.details);
    expect(r.said.indexOf(screens.summary)).toBeLessThan(r.said.indexOf(screens.details));
    expect(r.prompter.asked.find((p) => p.kind === 'confirm')).toMatchObject({
      message: summaryStrings('nl').showDetails,
      default: true,
    });
    // the saved answers load in advise and give the same advice
    const saved = readAnswers(join(r.dir, 'cue2walk.answers.yaml'));
    expect(saved).toEqual(CUE2WALK_ANSWERS);
    expect(readFileSync(join(r.dir, 'cue2walk.advies.md'), 'utf8')).toBe(adviceMarkdown(saved));
    // done: no session left behind
    expect(existsSync(sessionIn(r.dir))).toBe(false);
    expect(existsSync(join(r.dir, '.innoroute-session.yaml'))).toBe(false);
    const viaAdvise = await cli(
      [
        'advise',
        'cue2walk.answers.yaml',
        '--rules',
        FIXTURE_RULES,
        '--as-of',
        AS_OF,
        '--format',
        'markdown',
      ],
      { cwd: r.dir },
    );
    expect(viaAdvise.stdout).toBe(readFileSync(join(r.dir, 'cue2walk.advies.md'), 'utf8'));
  });

  it('offers the report as HTML (the default) or Markdown and saves the HTML page', async () => {
    const r = await walk([...CUE2WALK, ...SAVE_HTML]);
    expect(r.code).toBe(0);
    expect(r.prompter.remaining).toBe(0);
    const choice = r.prompter.asked.find(
      (p) => p.kind === 'select' && p.message === w.reportFormat,
    );
    expect(choice?.choices?.map((c) => c.value)).toEqual(['html', 'markdown']);
    expect(choice?.choices?.map((c) => c.name)).toEqual([w.reportHtml, w.reportMarkdown]);
    expect(choice?.default).toBe('html');
    expect(r.prompter.asked.at(-1)).toMatchObject({ kind: 'input', default: 'cue2walk.html' });
    // the same page as advise --format html on the same answers
    const page = readFileSync(join(r.dir, 'cue2walk.html'), 'utf8');
    expect(page).toBe(adviceHtml(CUE2WALK_ANSWERS));
    expect(page).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(existsSync(join(r.dir, 'cue2walk.answers.yaml'))).toBe(false);
  });

  it('shows progress as "Vraag n van ~m"', async () => {
    const r = await walk([...CUE2WALK, ...SAVE_NONE]);
    const messages = r.prompter.asked.filter((p) => p.kind !== 'confirm').map((p) => p.message);
    expect(messages[0]).toMatch(/^Vraag 1 van ~\d+ Hoe heet je innovatie\?/);
    expect(messages[1]).toMatch(/^Vraag 2 van ~\d+ /);
    const last = messages.at(-1)!.match(/^Vraag (\d+) van ~(\d+)/)!;
    expect(Number(last[1])).toBe(11);
    expect(Number(last[2])).toBe(11);
  });

  it('speaks English with lang en', async () => {
    const en = ui('en').wizard;
    const r = await walk([...CUE2WALK, ...SAVE_NONE], { lang: 'en' });
    expect(r.code).toBe(0);
    expect(r.prompter.asked[0]!.message).toMatch(
      /^Question 1 of ~\d+ What is your innovation called\?/,
    );
    expect(r.said).toContain('Advice for Cue2Walk');
    expect(r.prompter.asked.at(-2)!.message).toBe(en.saveAnswers);
  });
});

describe('wizard: help, back, skip', () => {
  it('explains a question with its sources on request, then asks it again', async () => {
    const r = await walk([
      a('innovation_name', 'X'),
      HELP('innovation_type'),
      ...CUE2WALK.slice(1),
      ...SAVE_NONE,
    ]);
    expect(r.code).toBe(0);
    expect(r.said).toContain(
      'Waarom we dit vragen: Het soort innovatie bepaalt welke wetten en betalers in beeld komen.',
    );
    expect(r.said).toContain('Bron: Fixture document about routes (Fixture Publisher, 2025)');
    expect(
      r.prompter.asked.filter((p) => p.message.includes('Wat voor innovatie is het?')),
    ).toHaveLength(2);
  });

  it('explains a text question when "?" is typed, and a checkbox question via its help item', async () => {
    const steps = [
      a('innovation_name', '?'),
      ...CUE2WALK.slice(0, 3),
      HELP('goal'),
      ...CUE2WALK.slice(3),
      ...SAVE_NONE,
    ];
    const r = await walk(steps);
    expect(r.code).toBe(0);
    expect(
      r.said.match(/Waarom we dit vragen: Bij deze vraag is geen uitleg vastgelegd\./g),
    ).toHaveLength(2);
  });

  it('asks a checkbox question again after its help with what was ticked still ticked', async () => {
    const helpTicked: ScriptStep = (p: AskedPrompt) => {
      expect(questionOf(p)).toBe('goal');
      const help = p.choices!.find((c) => c.name === w.helpChoice)!;
      return ['prevention', help.value];
    };
    const stillTicked: ScriptStep = (p: AskedPrompt) => {
      expect(questionOf(p)).toBe('goal');
      const ticked = p.choices!.filter((c) => c.checked);
      expect(ticked.map((c) => c.value)).toEqual(['prevention']);
      return ['daily_living_support', 'prevention'];
    };
    const r = await walk([
      ...CUE2WALK.slice(0, 3),
      helpTicked,
      stillTicked,
      ...CUE2WALK.slice(4),
      ...SAVE_NONE,
    ]);
    expect(r.code).toBe(0);
  });

  it('goes back to the previous question with its answer as default, and forward again', async () => {
    const r = await walk([
      a('innovation_name', 'Cue2Walk'),
      a('innovation_type', 'device'),
      BACK('treatment_relation'),
      (p: AskedPrompt) => {
        expect(questionOf(p)).toBe('innovation_type');
        expect(p.default).toBe('device');
        return 'digital';
      },
      ...CUE2WALK.slice(2),
      ...SAVE_BOTH,
    ]);
    expect(r.code).toBe(0);
    expect(readAnswers(join(r.dir, 'cue2walk.answers.yaml'))).toEqual({
      ...CUE2WALK_ANSWERS,
      innovation_type: 'digital',
    });
  });

  it('walks back several questions and forward through them with their answers', async () => {
    const r = await walk([
      ...CUE2WALK.slice(0, 4),
      BACK('phase'),
      BACK('goal'),
      BACK('treatment_relation'),
      a('innovation_type', 'service'),
      keep('treatment_relation'),
      keep('goal'),
      ...CUE2WALK.slice(4),
      ...SAVE_BOTH,
    ]);
    expect(r.code).toBe(0);
    expect(readAnswers(join(r.dir, 'cue2walk.answers.yaml'))).toEqual({
      ...CUE2WALK_ANSWERS,
      innovation_type: 'service',
    });
  });

  it('drops the answers a change makes irrelevant', async () => {
    const r = await walk([
      ...CUE2WALK.slice(0, 9), // through fits_existing_prestatie
      BACK('benefit_health_insurer'),
      BACK('fits_existing_prestatie'),
      BACK('beneficiaries'),
      BACK('cost_bearers'),
      BACK('has_figures'),
      BACK('phase'),
      BACK('goal'),
      a('treatment_relation', false),
      keep('goal'),
      keep('phase'),
      keep('has_figures'),
      keep('cost_bearers'),
      keep('beneficiaries'),
      // fits_existing_prestatie is not asked again: its ask_if is now false
      a('benefit_health_insurer', '750000'),
      a('cost_hospital', '500000'),
      ...SAVE_BOTH,
    ]);
    expect(r.code).toBe(0);
    expect(r.said).toContain(w.dropped('"Past het in een bestaande prestatie?"'));
    const saved = readAnswers(join(r.dir, 'cue2walk.answers.yaml'));
    const { fits_existing_prestatie: _gone, ...rest } = CUE2WALK_ANSWERS;
    expect(saved).toEqual({ ...rest, treatment_relation: false });
    // asked once, and once more on the way back; after the change never again
    const asks = r.prompter.asked.map((p) => (p.message.startsWith('Vraag') ? questionOf(p) : ''));
    const changedAt = asks.lastIndexOf('treatment_relation');
    const fits = asks.map((id, i) => (id === 'fits_existing_prestatie' ? i : -1));
    expect(fits.filter((i) => i >= 0)).toHaveLength(2);
    expect(fits.filter((i) => i > changedAt)).toEqual([]);
  });

  it('says so when there is nothing to go back to', async () => {
    const r = await walk([
      a('innovation_name', 'Cue2Walk'),
      BACK('innovation_type'),
      // innovation_name again, with its default; "<" on the first question is not "back"
      (p: AskedPrompt) => {
        expect(questionOf(p)).toBe('innovation_name');
        expect(p.default).toBe('Cue2Walk');
        return '';
      },
      ...CUE2WALK.slice(1),
      ...SAVE_NONE,
    ]);
    expect(r.code).toBe(0);
    // the first question offers no way back
    expect(r.prompter.asked[0]!.hint).toBe(w.textHintFirst);
    expect(r.prompter.asked[2]!.hint).toBe(w.textHintFirst);
    expect(r.prompter.asked[1]!.choices!.some((c) => c.name === w.backChoice)).toBe(true);
  });

  it('skips a question: not asked again, reported as open in the advice', async () => {
    const r = await walk([
      ...CUE2WALK.slice(0, 4),
      SKIP('phase'),
      ...CUE2WALK.slice(5),
      ...SAVE_BOTH,
    ]);
    expect(r.code).toBe(0);
    const saved = readAnswers(join(r.dir, 'cue2walk.answers.yaml'));
    expect(saved.phase).toBeUndefined();
    expect(r.prompter.asked.filter((p) => p.message.includes('In welke fase'))).toHaveLength(1);
  });

  it('offers no separate skip when the question has an "unknown" option', async () => {
    const r = await walk([...CUE2WALK, ...SAVE_NONE]);
    const fits = r.prompter.asked.find((p) =>
      p.message.includes('Past het in een bestaande prestatie?'),
    )!;
    expect(fits.choices!.map((c) => c.name)).toEqual([
      'Ja',
      'Nee',
      'Weet ik niet',
      w.helpChoice,
      w.backChoice,
    ]);
    const type = r.prompter.asked.find((p) => p.message.includes('Wat voor innovatie is het?'))!;
    expect(type.choices!.map((c) => c.name)).toContain(w.skipChoice);
  });

  it('refuses an amount with thousands separators and asks again', async () => {
    const steps = [
      ...CUE2WALK.slice(0, 10),
      a('cost_hospital', '500.000,00'),
      a('cost_hospital', '500000'),
      ...SAVE_NONE,
    ];
    const r = await walk(steps);
    expect(r.code).toBe(0);
    expect(r.said).toContain(`> ${w.numberInvalid}`);
  });

  it('does not take 500.000 for 500 euros: it asks to write it without separators', async () => {
    const steps = [
      ...CUE2WALK.slice(0, 10),
      a('cost_hospital', '500.000'),
      a('cost_hospital', '500000'),
      ...SAVE_BOTH,
    ];
    const r = await walk(steps);
    expect(r.code).toBe(0);
    expect(r.said).toContain(`> ${w.numberAmbiguous('500000')}`);
    expect(readAnswers(join(r.dir, 'cue2walk.answers.yaml')).cost_hospital).toBe(500000);
  });
});

describe('wizard: --answers and terminals', () => {
  it('pre-fills from an answers file and skips what is answered', async () => {
    const dir = tempDir('innoroute-wizard-');
    writeFileSync(
      join(dir, 'start.yaml'),
      'innovation_name: Cue2Walk\ninnovation_type: device\ntreatment_relation: yes\n',
    );
    const r = await walk([...CUE2WALK.slice(3), ...SAVE_BOTH], { answers: 'start.yaml' }, dir);
    expect(r.code).toBe(0);
    expect(r.said).toContain(w.prefilled(3));
    expect(questionOf(r.prompter.asked[0]!)).toBe('goal');
    expect(r.prompter.asked[0]!.message).toMatch(/^Vraag 4 van/);
    expect(readAnswers(join(dir, 'cue2walk.answers.yaml'))).toEqual(CUE2WALK_ANSWERS);
  });

  it('stops on invalid pre-filled answers with the located problems; exit 2', async () => {
    const dir = tempDir('innoroute-wizard-');
    writeFileSync(join(dir, 'start.yaml'), 'innovation_type: devise\n');
    const r = await walk([], { answers: 'start.yaml' }, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('start.yaml:1:18 innovation_type: "devise" is geen keuze bij');
  });

  it('does not overwrite a file without asking', async () => {
    const dir = tempDir('innoroute-wizard-');
    writeFileSync(join(dir, 'cue2walk.answers.yaml'), 'old\n');
    const r = await walk(
      [...CUE2WALK, SHOW_DETAILS, true, '', false, 'other.yaml', false],
      {},
      dir,
    );
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'cue2walk.answers.yaml'), 'utf8')).toBe('old\n');
    expect(readAnswers(join(dir, 'other.yaml'))).toEqual(CUE2WALK_ANSWERS);
    expect(r.prompter.asked.some((p) => p.message === w.overwrite('cue2walk.answers.yaml'))).toBe(
      true,
    );
  });

  it('refuses to run without a terminal, pointing to advise; exit 2', async () => {
    const r = await cli(['wizard', '--rules', FIXTURE_RULES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`innoroute: ${w.needsTty}\n`);
    const en = await cli(['wizard', '--lang', 'en']);
    expect(en.stderr).toContain('use innoroute advise <answers-file>');
  });
});
