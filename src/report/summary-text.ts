// The summary for the terminal: the title, the rule set and its disclaimer, then "In het kort" —
// in at most SUMMARY_MAX_LINES lines at any width, so that it fits one screen. Each item is wrapped
// with a hanging indent, in two lines at most; when the whole would be longer, the items of least
// weight are shortened first, the longest of them first (ending in "…"), each keeping one line. The full advice follows it (text.ts).
import type { ChalkInstance } from 'chalk';
import type { Advice, Answers, Lang } from '../core/advice.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { innovationName } from './labels.ts';
import type { Summary } from './summary.ts';
import { summaryItems } from './summary.ts';
import { summaryStrings } from './summary-strings.ts';
import { visibleLength, wrap } from './wrap.ts';
import { ui } from './ui-strings.ts';

/** One screen: the summary's lines at most, title and disclaimer included. */
export const SUMMARY_MAX_LINES = 20;
/** No item takes more than this many lines. */
const ITEM_MAX_LINES = 2;

export interface SummaryTextOptions {
  readonly rules: RuleSet;
  readonly lang: Lang;
  readonly chalk: ChalkInstance;
  /** Columns to wrap to (default 100). */
  readonly width?: number;
  /** For the innovation's name in the title. */
  readonly answers?: Answers;
}

/** The summary's lines, without a trailing newline. */
export function summaryLines(advice: Advice, summary: Summary, opts: SummaryTextOptions): string[] {
  const { rules, lang, chalk } = opts;
  const width = Math.max(40, opts.width ?? 100);
  const s = ui(lang);
  const name = innovationName(opts.answers);
  const head = [
    chalk.bold(name ? s.adviceFor(name) : s.adviceUntitled),
    chalk.gray(s.rulesetLine(advice.ruleset.version, advice.ruleset.asOf)),
    // the rule set's own disclaimer, once, where it is read: before the advice
    ...wrap(chalk.gray(rules.disclaimer[lang]), width).split('\n'),
    '',
    chalk.bold.underline(summaryStrings(lang).heading),
  ];
  const list = summaryItems(summary, lang);
  const items = list.map((it) => {
    const text = `${chalk.bold(`${it.label}:`)} ${it.text}`;
    return wrap(text, width, '  ', '    ').split('\n');
  });
  const room = Math.max(items.length, SUMMARY_MAX_LINES - head.length);
  const keep = items.map((lines) => Math.min(ITEM_MAX_LINES, lines.length));
  for (let total = sum(keep); total > room; total--) {
    // an item of the lowest weight gives up a line: of those, the longest, then the later
    let at = -1;
    keep.forEach((n, i) => {
      if (n < 2) return;
      const w = list[i]!.weight;
      const best = at < 0 ? undefined : list[at]!.weight;
      if (best === undefined || w < best || (w === best && n >= keep[at]!)) at = i;
    });
    if (at < 0) break;
    keep[at]!--;
  }
  return [...head, ...items.flatMap((lines, i) => clip(lines, keep[i]!, width))];
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/**
 * The first `n` lines; when some are cut, the last kept one ends in "…" within the width, after
 * the last clause that fits (after a "?", ";" or ",", before a "·") when that keeps most of the
 * line.
 */
function clip(lines: readonly string[], n: number, width: number): string[] {
  if (lines.length <= n) return [...lines];
  const kept = lines.slice(0, n);
  let last = kept[n - 1]!;
  while (visibleLength(last) + 2 > width) {
    const cut = last.trimEnd().lastIndexOf(' ');
    if (cut < 0 || last.slice(0, cut).trim() === '') break;
    last = last.slice(0, cut);
  }
  const clause = Math.max(...[';', '?', ' ·', ','].map((c) => last.lastIndexOf(c)));
  if (clause > 0 && visibleLength(last.slice(0, clause)) > width / 2) {
    last = last.slice(0, last[clause] === ' ' ? clause : clause + 1);
  }
  kept[n - 1] = `${last.trimEnd()} …`;
  return kept;
}
