// `innoroute diff --format text`: the summary line, a table of the moves of the primary route, a
// table of the causes with the inputs each explains, and a table of the changed inputs
// (cli-table3, fitted to the window by table-fit.ts; plain borders when the output is not a
// terminal, so files and goldens are stable).
import type { Lang } from '../core/advice.ts';
import type { DiffReport } from '../core/diff-report.ts';
import { locatedCause } from '../core/diff-report.ts';
import {
  causeText,
  causeWhere,
  changeLines,
  diffTexts,
  labelText,
  sidesLine,
  summaryLine,
} from './diff-strings.ts';
import { fittedTable } from './table-fit.ts';
import type { FitCell } from './table-fit.ts';

export interface DiffTextOptions {
  /** No colours in the tables' borders and headings. */
  readonly plain: boolean;
  /** Columns a table may take (the terminal's width, or 100 off a terminal). */
  readonly width: number;
}

export function renderDiffText(r: DiffReport, lang: Lang, opts: DiffTextOptions): string {
  const { plain, width } = opts;
  const table = (head: string[], rows: FitCell[][]) => fittedTable({ head, rows, width, plain });
  const t = diffTexts(lang);
  const parts: string[] = [`${t.title}\n${sidesLine(r, lang)}\n${summaryLine(r, lang)}`];
  if (r.changed === 0) {
    parts.push(t.noChange);
    return `${parts.join('\n\n')}\n`;
  }
  if (r.primaries.length > 0) {
    const moves = r.primaries.map((m) => [
      labelText(m.before, lang),
      labelText(m.after, lang),
      m.inputs,
    ]);
    parts.push(`${t.primaries}\n${table([t.from, t.to, t.inputs], moves)}`);
  }
  if (r.causes.length > 0) {
    const causes = r.causes.map(({ cause, inputs }) => [
      causeText(cause, lang),
      causeWhere(cause),
      inputs,
    ]);
    const untraced = r.untraced > 0 ? `\n${t.untraced(r.untraced)}` : '';
    parts.push(`${t.causes}\n${table([t.cause, t.where, t.inputs], causes)}${untraced}`);
  }
  const inputs: FitCell[][] = [];
  for (const c of r.listed) {
    const lines = changeLines(c, lang);
    const why = c.causes.map((x) => causeText(locatedCause(r, x), lang));
    // several causes: a bullet each, so that a cause wrapped over two lines still reads as one
    const whyText = why.length > 1 ? why.map((w) => `• ${w}`).join('\n') : why[0];
    lines.push([t.why, whyText ?? t.notTraced]);
    inputs.push([{ rowSpan: lines.length, content: c.id }, lines[0]![0], lines[0]![1]]);
    for (const [label, value] of lines.slice(1)) inputs.push([label, value]);
  }
  const more = r.changed > r.listed.length ? `\n${t.more(r.changed - r.listed.length)}` : '';
  parts.push(`${t.details}\n${table([t.input, '', ''], inputs)}${more}`);
  return `${parts.join('\n\n')}\n`;
}
