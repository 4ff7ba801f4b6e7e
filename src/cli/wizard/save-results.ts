// At the end of the wizard: offer to save the answers and the report, with a file name made from
// the innovation's name. Nothing is written without a yes, an existing file only after a second
// yes, and a file that cannot be written (or may not be: an input, the rules, a directory) is
// reported and the path asked again rather than ending the wizard, since the advice is already
// on the screen.
import type { ChalkInstance } from 'chalk';
import { existsSync } from 'node:fs';
import type { AnswerValue } from '../../core/advice.ts';
import type { UiStrings } from '../../report/ui-strings.ts';
import type { CliContext } from '../context.ts';
import { UsageError } from '../errors.ts';
import type { OutputFile } from '../output.ts';
import { checkOutputFile, writeOutputFile } from '../output.ts';
import type { Prompter } from '../prompter.ts';

/** A form to save in: its name in the choice, the file name to suggest, how to make its text. */
export interface SaveFormat {
  readonly id: string;
  readonly name: string;
  readonly defaultName: string;
  readonly content: () => string | Promise<string>;
}

/**
 * One thing to offer to save: what to ask, and the file name to suggest and how to make its text —
 * or, with `formats`, a choice of forms (the first is the default), asked after the yes.
 */
export interface SaveOffer {
  readonly question: string;
  readonly pathLabel: string;
  readonly defaultName: string;
  readonly defaultYes: boolean;
  /** The file for a path the user typed, with what the wizard reads (never written over). */
  readonly output: (typed: string) => OutputFile;
  readonly content: () => string | Promise<string>;
  readonly formats?: { readonly message: string; readonly choices: readonly SaveFormat[] };
}

/** The form chosen: the offer's own, or the one picked from its formats. */
async function chooseFormat(
  prompter: Prompter,
  o: SaveOffer,
): Promise<Pick<SaveFormat, 'defaultName' | 'content'>> {
  const [first] = o.formats?.choices ?? [];
  if (!o.formats || !first) return o;
  const id = await prompter.select({
    message: o.formats.message,
    choices: o.formats.choices.map((f) => ({ value: f.id, name: f.name })),
    default: first.id,
  });
  return o.formats.choices.find((f) => f.id === id) ?? first;
}

export async function offerSave(
  prompter: Prompter,
  ctx: CliContext,
  s: UiStrings,
  chalk: ChalkInstance,
  o: SaveOffer,
) {
  if (!(await prompter.confirm({ message: o.question, default: o.defaultYes }))) return;
  const form = await chooseFormat(prompter, o);
  let suggestion = form.defaultName;
  for (;;) {
    const typed = (await prompter.input({ message: o.pathLabel, default: suggestion })).trim();
    if (typed === '') {
      prompter.say(chalk.gray(s.wizard.notSaved));
      return;
    }
    const target = o.output(typed);
    try {
      checkOutputFile(target);
      if (
        existsSync(target.path) &&
        !(await prompter.confirm({ message: s.wizard.overwrite(typed), default: false }))
      ) {
        suggestion = typed;
        continue;
      }
      writeOutputFile(target, await form.content());
      prompter.say(chalk.green(s.wizard.saved(typed)));
      return;
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      prompter.say(chalk.red(e.message));
      suggestion = typed;
    }
  }
}

/** A file name from the innovation's name: "Cue2Walk (v2)" → "cue2walk-v2". */
export function slug(name: AnswerValue | undefined): string {
  const text = typeof name === 'string' ? name : '';
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || 'innoroute';
}
