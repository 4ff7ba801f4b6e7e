// A Prompter that answers from a script, for the wizard's tests: every prompt shown and everything
// said is recorded, so a test can check what a person would have seen.
import type {
  CheckboxPrompt,
  Choice,
  ChoiceItem,
  ConfirmPrompt,
  InputPrompt,
  Prompter,
  SelectPrompt,
} from '../../src/cli/prompter.ts';

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
