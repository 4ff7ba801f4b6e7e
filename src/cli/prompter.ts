// The few kinds of prompt the wizard needs, behind a small interface: the real one draws them with
// @inquirer/prompts (loaded only when the wizard runs), the scripted one answers from a list so a
// whole wizard session can be tested without a terminal. Ctrl+C is an error named ExitPromptError
// in both.

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

/** The terminal prompter. Imports @inquirer/prompts here, so that other commands never load it. */
export async function inquirerPrompter(streams: PromptStreams): Promise<Prompter> {
  const p = await import('@inquirer/prompts');
  const { styleText } = await import('node:util');
  const context = { input: streams.input, output: streams.output };
  // the hint (which keys do what) goes once the question is answered
  const withHint = (hint: string | undefined) =>
    hint
      ? {
          theme: {
            style: {
              message: (text: string, status: string) =>
                status === 'done'
                  ? styleText('bold', text)
                  : `${styleText('bold', text)} ${styleText('dim', hint)}`,
            },
          },
        }
      : {};
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
          ...withHint(q.hint),
        },
        context,
      ),
    input: (q: InputPrompt) =>
      p.input(
        {
          message: q.message,
          ...(q.default !== undefined ? { default: q.default } : {}),
          ...(q.validate ? { validate: q.validate } : {}),
          ...withHint(q.hint),
        },
        context,
      ),
    confirm: (q: ConfirmPrompt) =>
      p.confirm(
        { message: q.message, ...(q.default !== undefined ? { default: q.default } : {}) },
        context,
      ),
    say: (text: string) => {
      streams.output.write(text.endsWith('\n') ? text : `${text}\n`);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The scripted prompter, for tests.

export type PromptKind = 'select' | 'checkbox' | 'input' | 'confirm';

export interface AskedPrompt {
  readonly kind: PromptKind;
  readonly message: string;
  readonly hint?: string;
  readonly choices?: readonly Choice<unknown>[];
  readonly default?: unknown;
}

/**
 * One scripted answer: a value (for select, a choice value; for checkbox, a list of values; for
 * input, the text typed; for confirm, a boolean), `CTRL_C`, or a function of the prompt that
 * returns one of those (to answer by what the prompt shows).
 */
export type ScriptStep = unknown | ((prompt: AskedPrompt) => unknown);

export const CTRL_C: unique symbol = Symbol('ctrl-c');

class ScriptedExit extends Error {
  constructor() {
    super('User force closed the prompt with SIGINT');
    this.name = 'ExitPromptError';
  }
}

export class ScriptExhaustedError extends Error {
  constructor(prompt: AskedPrompt) {
    super(`the script has no answer for the ${prompt.kind} prompt "${prompt.message}"`);
    this.name = 'ScriptExhaustedError';
  }
}

export class ScriptedPrompter implements Prompter {
  /** Every prompt shown, in order. */
  readonly asked: AskedPrompt[] = [];
  /** Everything printed with say(), in order. */
  readonly said: string[] = [];
  private readonly steps: ScriptStep[];

  constructor(steps: readonly ScriptStep[]) {
    this.steps = [...steps];
  }

  get remaining(): number {
    return this.steps.length;
  }

  private next(prompt: AskedPrompt): unknown {
    this.asked.push(prompt);
    if (this.steps.length === 0) throw new ScriptExhaustedError(prompt);
    const step = this.steps.shift();
    const value = typeof step === 'function' ? (step as (p: AskedPrompt) => unknown)(prompt) : step;
    if (value === CTRL_C) throw new ScriptedExit();
    return value;
  }

  private static choices<T>(items: readonly ChoiceItem<T>[]): Choice<T>[] {
    return items.filter((c): c is Choice<T> => !('separator' in c));
  }

  async select<T>(p: SelectPrompt<T>): Promise<T> {
    const choices = ScriptedPrompter.choices(p.choices);
    const value = this.next({ kind: 'select', message: p.message, choices, default: p.default });
    if (!choices.some((c) => Object.is(c.value, value))) {
      throw new Error(`scripted answer ${String(value)} is not a choice of "${p.message}"`);
    }
    return value as T;
  }

  async checkbox<T>(p: CheckboxPrompt<T>): Promise<T[]> {
    const choices = ScriptedPrompter.choices(p.choices);
    const value = this.next({
      kind: 'checkbox',
      message: p.message,
      hint: p.hint,
      choices,
      default: choices.filter((c) => c.checked).map((c) => c.value),
    });
    if (!Array.isArray(value) || !value.every((v) => choices.some((c) => Object.is(c.value, v)))) {
      throw new Error(
        `scripted answer ${String(value)} is not a list of choices of "${p.message}"`,
      );
    }
    return value as T[];
  }

  async input(p: InputPrompt): Promise<string> {
    const prompt: AskedPrompt = {
      kind: 'input',
      message: p.message,
      hint: p.hint,
      default: p.default,
    };
    let value = this.next(prompt);
    if (typeof value !== 'string')
      throw new Error(`scripted answer for "${p.message}" must be text`);
    if (value === '' && p.default !== undefined) value = p.default;
    const valid = p.validate ? p.validate(value as string) : true;
    // like the real prompt: an invalid entry is not accepted, the prompt asks again
    if (valid !== true) {
      this.said.push(`> ${valid}`);
      return this.input(p);
    }
    return value as string;
  }

  async confirm(p: ConfirmPrompt): Promise<boolean> {
    const value = this.next({ kind: 'confirm', message: p.message, default: p.default });
    if (typeof value !== 'boolean')
      throw new Error(`scripted answer for "${p.message}" must be a boolean`);
    return value;
  }

  say(text: string): void {
    this.said.push(text);
  }
}
