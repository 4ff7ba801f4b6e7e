// Names and amounts as the reader sees them: a party, question or family by its label in the
// report's language rather than its id, and euros written the way the language writes them. Ids
// without a label fall back to the id, so a report never shows an empty name.
import type { Answers, Lang } from '../core/advice.ts';
import type { RuleSet } from '../core/ruleset.ts';
import type { Family, Phase } from '../core/schema.ts';
import { ui } from './ui-strings.ts';

/** A count with the thousands separator of the language: 120.000 / 120,000. */
export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en');
}

/** Whole euros, with the thousands separator of the language: € 250.000 / €250,000. */
export function formatEuro(amount: number, lang: Lang, signed = false): string {
  const abs = Math.abs(amount);
  const digits = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: abs % 1 === 0 ? 0 : 2,
    minimumFractionDigits: abs % 1 === 0 ? 0 : 2,
  }).format(abs);
  const sign = amount < 0 ? '-' : signed && amount > 0 ? '+' : '';
  return lang === 'nl' ? `${sign}€ ${digits}` : `${sign}€${digits}`;
}

export function partyLabel(rules: RuleSet, party: string, lang: Lang): string {
  return rules.parties.get(party)?.[lang] ?? party;
}

export function questionText(rules: RuleSet, id: string, lang: Lang): string {
  return rules.questions.get(id)?.text[lang] ?? id;
}

/**
 * A phase's name: the label of its option of the `phase` question, so that the wizard's choice,
 * the reports' checklist and every other screen say the same word. ui-strings' table is only the
 * fallback for a rule set without a `phase` question (a test holds the two equal for the shipped
 * rules).
 */
export function phaseLabel(rules: RuleSet, phase: Phase, lang: Lang): string {
  const option = rules.questions.get('phase')?.optionList.find((o) => o.id === phase);
  return option?.label[lang] ?? ui(lang).phase[phase] ?? phase;
}

export function familyLabel(family: Family, lang: Lang): string {
  return ui(lang).family[family] ?? family;
}

/** The innovation's name from the answers, if given. */
export function innovationName(answers: Answers | undefined): string | undefined {
  const v = answers?.innovation_name;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
