// The advice as JSON (contract §4): two-space indent and a trailing newline. The keys come in the
// order the engine built them, which is the contract's (src/core/advice-json.ts). `advise` adds
// the summary (summary.ts) as one more key at the end; `advise --summary` writes the advice's
// identity (schemaVersion, ruleset, input) and that key alone, so `.summary` is read the same way
// from either. batch rows stay the contract's object as it is.
import type { Advice } from '../core/advice.ts';
import { adviceJson } from '../core/advice-json.ts';
import type { Summary } from './summary.ts';

export function renderJson(advice: Advice, summary?: Summary): string {
  if (!summary) return `${adviceJson(advice, 2)}\n`;
  return `${JSON.stringify({ ...advice, summary }, null, 2)}\n`;
}

/** `advise --summary --format json`: the summary with what says which advice it sums up. */
export function renderSummaryJson(advice: Advice, summary: Summary): string {
  const { schemaVersion, ruleset, input } = advice;
  return `${JSON.stringify({ schemaVersion, ruleset, input, summary }, null, 2)}\n`;
}

/** One line per advice. */
export function renderJsonLine(advice: Advice): string {
  return `${adviceJson(advice)}\n`;
}
