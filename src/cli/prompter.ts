// The few kinds of prompt the wizard needs, behind a small interface: the real one draws them with
// @inquirer/prompts (loaded only when the wizard runs); the tests' scripted one
// (test/wizard/scripted-prompter.ts) answers from a list, so a whole wizard session runs without a
// terminal. Ctrl+C is an error named ExitPromptError in both.
import type { Lang } from '../core/advice.ts';
import { promptStyle } from './prompt-fit.ts';
import { promptWords } from './prompt-words.ts';

export interface Choice<T> {
  readonly value: T;
  readonly name: string;
  readonly description?: string;
  readonly checked?: boolean;
}
export type ChoiceItem<T> = Choice<T> | { readonly separator: true };

export interface SelectPrompt<T> {
  readonly message: string;
  readonly choices: readonly ChoiceItem<T>[];
  readonly default?: T;
}
export interface CheckboxPrompt<T> {
  readonly message: string;
  /** Shown after the message while the prompt is open, not after it is answered. */
  readonly hint?: string;
  readonly choices: readonly ChoiceItem<T>[];
}
export interface InputPrompt {
  readonly message: string;
  /** Shown after the message while the prompt is open, not after it is answered. */
  readonly hint?: string;
  readonly default?: string;
  /** true, or the message to show while the input is not acceptable. */
  readonly validate?: (value: string) => true | string;
}
export interface ConfirmPrompt {
  readonly message: string;
  readonly default?: boolean;
}

export interface Prompter {
  select<T>(p: SelectPrompt<T>): Promise<T>;
  checkbox<T>(p: CheckboxPrompt<T>): Promise<T[]>;
  input(p: InputPrompt): Promise<string>;
  confirm(p: ConfirmPrompt): Promise<boolean>;
  /** Prints text between prompts (help, notices). */
  say(text: string): void;
}

/** What a prompt rejects with when the user presses Ctrl+C. */
export function isExitPrompt(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

export interface PromptStreams {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
}

/**
 * The terminal prompter, in the user's language: a yes/no shows J/n and takes j, ja, n and nee in
 * Dutch (y/yes/n/no in English, which the library always takes too), and the key help under a list
 * is in the user's words. A checkbox list has no "all" (a) and "invert" (i) keys: they would tick
 * the help and back choices, which are not answers. Imports @inquirer/prompts here, so that other
 * commands never load it.
 */
export async function inquirerPrompter(streams: PromptStreams, lang: Lang): Promise<Prompter> {
  const p = await import('@inquirer/prompts');
  const { styleText } = await import('node:util');
  const words = promptWords(lang);
  const context = { input: streams.input, output: streams.output };
  // the library's key help line, with its action names in the user's words
  const keysHelpTip = (names: Readonly<Record<string, string>>) => (keys: [string, string][]) =>
    keys
      .map(
        ([key, action]) => `${styleText('bold', key)} ${styleText('dim', names[action] ?? action)}`,
      )
      .join(styleText('dim', ' • '));
  // messages wrapped at words to the terminal (prompt-fit.ts); a hint (which keys do what) goes
  // once the question is answered
  const columns = () => (streams.output as { columns?: number }).columns;
  const style = (hint?: string) => promptStyle(columns, hint);
  const toChoices = <T>(items: readonly ChoiceItem<T>[]) =>
    items.map((c) =>
      'separator' in c
        ? new p.Separator()
        : {
            value: c.value,
            name: c.name,
            ...(c.description ? { description: c.description } : {}),
            ...(c.checked !== undefined ? { checked: c.checked } : {}),
          },
    );
  return {
    select: <T>(q: SelectPrompt<T>) =>
      p.select<T>(
        {
          message: q.message,
          choices: toChoices(q.choices),
          pageSize: 12,
          loop: false,
          ...(q.default !== undefined ? { default: q.default } : {}),
          theme: { style: { ...style(), keysHelpTip: keysHelpTip(words.selectKeys) } },
        },
        context,
      ),
    checkbox: <T>(q: CheckboxPrompt<T>) =>
      p.checkbox<T>(
        {
          message: q.message,
          choices: toChoices(q.choices),
          pageSize: 14,
          loop: false,
          shortcuts: { all: null, invert: null },
          theme: { style: { ...style(q.hint), keysHelpTip: keysHelpTip(words.checkboxKeys) } },
        },
        context,
      ),
    input: (q: InputPrompt) =>
      p.input(
        {
          message: q.message,
          ...(q.default !== undefined ? { default: q.default } : {}),
          ...(q.validate ? { validate: q.validate } : {}),
          theme: { style: style(q.hint) },
        },
        context,
      ),
    confirm: (q: ConfirmPrompt) =>
      p.confirm(
        {
          message: q.message,
          ...(q.default !== undefined ? { default: q.default } : {}),
          theme: {
            style: style(),
            keywords: {
              yes: words.yes,
              no: words.no,
              error: (k: { yes: string; no: string }) => words.confirmError(k.yes, k.no),
            },
          },
        },
        context,
      ),
    say: (text: string) => {
      streams.output.write(text.endsWith('\n') ? text : `${text}\n`);
    },
  };
}
