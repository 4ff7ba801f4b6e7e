// The Advice as the contract's JSON (docs/interface.md, JSON), for `advise --format json` and every
// row of `batch --format ndjson|json`. The engine builds each object with its keys in the
// contract's order, so JSON.stringify writes them in that order: nothing is re-sorted per advice.
// test/report/json-order.test.ts holds the engine's output to that order.
import type { Advice } from './advice.ts';

/** One line (no indent, no trailing newline), or indented by `indent` spaces. */
export function adviceJson(advice: Advice, indent?: number): string {
  return indent ? JSON.stringify(advice, null, indent) : JSON.stringify(advice);
}
