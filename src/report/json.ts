// The advice as JSON (contract §4): two-space indent and a trailing newline. The keys come in the
// order the engine built them, which is the contract's (src/core/advice-json.ts).
import type { Advice } from '../core/advice.ts';
import { adviceJson } from '../core/advice-json.ts';

export function renderJson(advice: Advice): string {
  return `${adviceJson(advice, 2)}\n`;
}

/** One line per advice. */
export function renderJsonLine(advice: Advice): string {
  return `${adviceJson(advice)}\n`;
}
