// `innoroute explain --format json`: the advice object of contract §4 with `counterfactuals`
// added, then the `trace` and the `counterfactualSearch` (docs/explain.md). Two-space indent and a
// trailing newline; the keys in the order the core built them, so the same explanation gives the
// same bytes.
import type { Explanation } from '../core/explain.ts';

export function renderExplanationJson(e: Explanation): string {
  const out = {
    ...e.advice,
    counterfactuals: e.counterfactuals,
    trace: e.trace,
    counterfactualSearch: e.search,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
