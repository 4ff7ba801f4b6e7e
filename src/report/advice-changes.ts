// "Wat het advies zou veranderen" in the advice reports (text and Markdown), short: the smallest
// change that makes another route first, and the smallest that brings a family that does not pay
// now into the advice, then where the rest is (`innoroute explain`, which has them all and the
// trace). The changes come from explain's counterfactual search, said with its phrasing.
import type { ChalkInstance } from 'chalk';
import type { Answers, Lang } from '../core/advice.ts';
import type { Counterfactual, Explanation } from '../core/explain.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { escapeMarkdown } from './explain-report.ts';
import { counterfactualSentence } from './explain-phrases.ts';
import { explainStrings } from './explain-strings.ts';
import { wrap } from './wrap.ts';

/** The section's lines in text, heading and blank line before it included, at most. */
export const CHANGES_MAX_LINES = 12;

export interface BriefChange {
  readonly change: Counterfactual;
  /** The route it names (a change that opens several names the first; explain names them all). */
  readonly route: string;
}

/**
 * At most two: the first change that makes another route first (explain orders them by the
 * advice's ranking, fewest answers first), and the first that opens a route of the first family,
 * in the contract's order, that does not pay now (another route than the first change's).
 */
export function briefChanges(e: Explanation, rules: RuleSet): BriefChange[] {
  const out: BriefChange[] = [];
  const first = e.counterfactuals.find((c) => c.effect === 'first');
  if (first) out.push({ change: first, route: first.route });
  for (const f of e.trace.families) {
    // with no recommendation, the change that makes a route first also opens it: said once
    const opens = e.counterfactuals.find(
      (c) =>
        c.effect === 'opens' &&
        rules.routes.get(c.route)?.family === f.family &&
        c.route !== first?.route,
    );
    if (opens) {
      out.push({ change: opens, route: opens.route });
      break;
    }
  }
  return out;
}

export interface ChangesOptions {
  readonly rules: RuleSet;
  readonly lang: Lang;
  /** The answers explained: the changes are said against them. */
  readonly answers: Answers;
}

export function changesText(
  e: Explanation,
  opts: ChangesOptions & { readonly chalk: ChalkInstance; readonly width: number },
): string[] {
  const s = explainStrings(opts.lang);
  const p = { rules: opts.rules, lang: opts.lang, code: (id: string) => id };
  const brief = briefChanges(e, opts.rules);
  const head = ['', opts.chalk.bold.underline(s.changes)];
  const items = brief.map((b) =>
    wrap(counterfactualSentence(p, b.change, [b.route], opts.answers), opts.width, '  • ', '    '),
  );
  if (items.length === 0) items.push(wrap(s.briefNone, opts.width, '  ', '  '));
  const rest = () =>
    wrap(
      s.briefRest(e.counterfactuals.length, brief.length && items.length),
      opts.width,
      '  ',
      '  ',
    );
  const count = (xs: readonly string[]) => xs.join('\n').split('\n').length;
  // the second change goes when the section would be longer than a few lines
  while (items.length > 1 && count([...head, ...items, rest()]) > CHANGES_MAX_LINES) items.pop();
  return [...head, ...items, rest()];
}

export function changesMarkdown(e: Explanation, opts: ChangesOptions): string[] {
  const s = explainStrings(opts.lang);
  const p = { rules: opts.rules, lang: opts.lang, code: (id: string) => `\`${id}\`` };
  const brief = briefChanges(e, opts.rules);
  const out = ['', `## ${s.changes}`, ''];
  for (const b of brief) {
    out.push(`- ${escapeMarkdown(counterfactualSentence(p, b.change, [b.route], opts.answers))}`);
  }
  if (brief.length === 0) out.push(escapeMarkdown(s.briefNone));
  out.push('', escapeMarkdown(s.briefRest(e.counterfactuals.length, brief.length)));
  return out;
}
