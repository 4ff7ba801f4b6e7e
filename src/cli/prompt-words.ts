// The words the terminal prompts draw around a question, in Dutch and English: the yes/no keywords
// of a confirm (their first letters make the J/n hint, and typing a prefix of either is an answer),
// its error, and the key help line under a list. The questions themselves come from the rules and
// ui-strings; these are only the prompts' own chrome, which @inquirer/prompts writes in English.
import type { Lang } from '../core/advice.ts';

export interface PromptWords {
  /** Accepted as yes: any prefix, case-insensitive (the library also takes y and yes). */
  readonly yes: string;
  /** Accepted as no: any prefix, case-insensitive (the library also takes n and no). */
  readonly no: string;
  readonly confirmError: (yes: string, no: string) => string;
  /** The key help line of a select, by the library's action names. */
  readonly selectKeys: Readonly<Record<string, string>>;
  /** The key help line of a checkbox list, by the library's action names. */
  readonly checkboxKeys: Readonly<Record<string, string>>;
}

const nl: PromptWords = {
  yes: 'Ja',
  no: 'Nee',
  confirmError: (yes, no) => `Antwoord met "${yes}" of "${no}" (j of n)`,
  selectKeys: { navigate: 'bladeren', select: 'kiezen' },
  checkboxKeys: { navigate: 'bladeren', select: 'aan/uit', submit: 'klaar' },
};

const en: PromptWords = {
  yes: 'Yes',
  no: 'No',
  confirmError: (yes, no) => `Answer "${yes}" or "${no}" (y or n)`,
  selectKeys: { navigate: 'move', select: 'choose' },
  checkboxKeys: { navigate: 'move', select: 'tick/untick', submit: 'done' },
};

export function promptWords(lang: Lang): PromptWords {
  return lang === 'nl' ? nl : en;
}
