// The real terminal prompts (@inquirer/prompts, driven by @inquirer/testing's screen): yes/no in
// the user's language, and checkbox lists whose a/i keys never tick help or back.
import { screen } from '@inquirer/testing/vitest';
import { Chalk } from 'chalk';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inquirerPrompter } from '../../src/cli/prompter.ts';
import type { Prompter } from '../../src/cli/prompter.ts';
import { askQuestion } from '../../src/cli/wizard/question-prompt.ts';
import type { Lang } from '../../src/core/advice.ts';
import { ui } from '../../src/report/ui-strings.ts';
import { rules } from './helpers.ts';

// the screen's mocks replace these streams; they are never read or written
const prompter = (lang: Lang): Promise<Prompter> =>
  inquirerPrompter({ input: new PassThrough(), output: new PassThrough() }, lang);

async function confirm(lang: Lang, typed: string, defaultYes = true): Promise<boolean> {
  const p = await prompter(lang);
  const answer = p.confirm({ message: 'Opslaan?', default: defaultYes });
  if (typed) screen.type(typed);
  screen.keypress('enter');
  return answer;
}

describe('yes/no prompts', () => {
  it('show J/n or j/N in Dutch and Y/n in English', async () => {
    for (const [lang, def, hint] of [
      ['nl', true, 'J/n'],
      ['nl', false, 'j/N'],
      ['en', true, 'Y/n'],
    ] as const) {
      const p = await prompter(lang);
      const answer = p.confirm({ message: 'Opslaan?', default: def });
      expect(screen.getScreen()).toContain(`Opslaan? (${hint})`);
      screen.keypress('enter');
      expect(await answer).toBe(def);
    }
  });

  it.each([
    ['j', true],
    ['ja', true],
    ['JA', true],
    ['Ja', true],
    ['n', false],
    ['nee', false],
    ['Nee', false],
  ])('take "%s" in Dutch', async (typed, expected) => {
    expect(await confirm('nl', typed, !expected)).toBe(expected);
  });

  it.each([
    ['y', true],
    ['yes', true],
    ['n', false],
    ['No', false],
  ])('take "%s" in English', async (typed, expected) => {
    expect(await confirm('en', typed, !expected)).toBe(expected);
  });

  it('refuse anything else with a Dutch message and show the answer as Ja or Nee', async () => {
    const p = await prompter('nl');
    const answer = p.confirm({ message: 'Opslaan?', default: false });
    screen.type('x');
    screen.keypress('enter');
    expect(screen.getScreen()).toContain('Antwoord met "Ja" of "Nee" (j of n)');
    screen.keypress('backspace');
    screen.type('j');
    screen.keypress('enter');
    expect(await answer).toBe(true);
    expect(screen.getScreen()).toContain('Opslaan? Ja');
  });
});

describe('checkbox questions', () => {
  const goal = rules.questions.get('goal')!;
  // the prompt is drawn as soon as askQuestion is called: the prompter is made before
  const ask = (p: Prompter, lang: Lang, history: string[]) =>
    askQuestion(
      rules,
      goal,
      { answers: {}, history, skipped: [] },
      p,
      lang,
      new Chalk({ level: 0 }),
      '[3/9]',
      100,
    );

  it('have no a/i keys: they tick neither the options nor help and back', async () => {
    const action = ask(await prompter('nl'), 'nl', ['innovation_name']);
    const shown = screen.getScreen();
    expect(shown).toContain(ui('nl').wizard.helpChoice);
    expect(shown).toContain(ui('nl').wizard.backChoice);
    // the key help is in Dutch and offers no a/i
    expect(shown).toContain('space aan/uit');
    expect(shown).toContain('⏎ klaar');
    expect(shown).not.toMatch(/\ba all\b|\bi invert\b|navigate|submit/);
    screen.keypress('space'); // ticks the first option
    screen.keypress('a');
    screen.keypress('i');
    expect(screen.getScreen().match(/◉/g)).toHaveLength(1);
    screen.keypress('enter');
    expect(await action).toEqual({ kind: 'answer', value: [goal.optionList[0]!.id] });
  });

  it('with nothing ticked after a and i, the question is skipped (not help, not back)', async () => {
    const action = ask(await prompter('en'), 'en', ['innovation_name']);
    expect(screen.getScreen()).toContain('space tick/untick');
    screen.keypress('a');
    screen.keypress('i');
    screen.keypress('enter');
    expect(await action).toEqual({ kind: 'skip' });
  });
});

describe('select questions', () => {
  it("show the key help in the user's language", async () => {
    const q = rules.questions.get('innovation_type')!;
    const p = await prompter('nl');
    const action = askQuestion(
      rules,
      q,
      { answers: {}, history: [], skipped: [] },
      p,
      'nl',
      new Chalk({ level: 0 }),
      '[2/9]',
      100,
    );
    expect(screen.getScreen()).toContain('↑↓ bladeren • ⏎ kiezen');
    screen.keypress('enter');
    expect(await action).toEqual({ kind: 'answer', value: q.optionList[0]!.id });
  });
});

describe('long questions', () => {
  it('are wrapped at words within the screen, not broken in mid-word by the library', async () => {
    const message =
      'Vraag 8 van ~29 Wordt de innovatie binnen een behandeling ingezet of voorgeschreven door een zorgverlener? (Nee = de gebruiker gebruikt haar zelf, als zelfzorg.)';
    const p = await prompter('nl');
    const answer = p.select({
      message,
      choices: [
        { value: 'yes', name: 'Ja' },
        { value: 'no', name: 'Nee' },
      ],
    });
    const lines = screen.getScreen().split('\n');
    // the screen is 80 columns (no terminal width given): the question takes two lines, whole words
    for (const l of lines) expect(l.length, l).toBeLessThan(80);
    const asked = lines.slice(
      0,
      lines.findIndex((l) => l.includes('Ja')),
    );
    expect(asked.map((l) => l.trim()).join(' ')).toBe(`? ${message}`);
    expect(asked[1]).toMatch(/^ {2}\S/);
    screen.keypress('enter');
    expect(await answer).toBe('yes');
  });
});
