// `innoroute diff --format text`: the summary line, a table of the moves of the primary route, a
// table of the causes with the inputs each explains, and a table of the changed inputs
// (cli-table3; plain borders when the output is not a terminal, so files and goldens are stable).
import Table from 'cli-table3';
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

function table(head: string[], plain: boolean): Table.Table {
  return new Table({ head, style: plain ? { head: [], border: [] } : {} });
}

export function renderDiffText(r: DiffReport, lang: Lang, plain: boolean): string {
  const t = diffTexts(lang);
  const parts: string[] = [`${t.title}\n${sidesLine(r, lang)}\n${summaryLine(r, lang)}`];
  if (r.changed === 0) {
    parts.push(t.noChange);
    return `${parts.join('\n\n')}\n`;
  }
  if (r.primaries.length > 0) {
    const moves = table([t.from, t.to, t.inputs], plain);
    for (const m of r.primaries)
      moves.push([labelText(m.before, lang), labelText(m.after, lang), m.inputs]);
    parts.push(`${t.primaries}\n${moves.toString()}`);
  }
  if (r.causes.length > 0) {
    const causes = table([t.cause, t.where, t.inputs], plain);
    for (const { cause, inputs } of r.causes) {
      causes.push([causeText(cause, lang), causeWhere(cause), inputs]);
    }
    const untraced = r.untraced > 0 ? `\n${t.untraced(r.untraced)}` : '';
    parts.push(`${t.causes}\n${causes.toString()}${untraced}`);
  }
  const inputs = table([t.input, '', ''], plain);
  for (const c of r.listed) {
    const lines = changeLines(c, lang);
    const why = c.causes.map((x) => causeText(locatedCause(r, x), lang));
    lines.push([t.why, why.length > 0 ? why.join('\n') : t.notTraced]);
    inputs.push([{ rowSpan: lines.length, content: c.id }, lines[0]![0], lines[0]![1]]);
    for (const [label, value] of lines.slice(1)) inputs.push([label, value]);
  }
  const more = r.changed > r.listed.length ? `\n${t.more(r.changed - r.listed.length)}` : '';
  parts.push(`${t.details}\n${inputs.toString()}${more}`);
  return `${parts.join('\n\n')}\n`;
}
