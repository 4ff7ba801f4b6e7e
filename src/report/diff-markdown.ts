// `innoroute diff --format markdown`: made to be posted as a pull-request comment — a summary
// line, a table of the moves of the primary route, the causes with where they are written, and
// each changed input in a collapsed <details> block. Bounded (the report lists at most
// MAX_LISTED inputs), so that it fits a comment.
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

/** Text in a table cell or a line: no pipes, no line breaks, no HTML. */
function cell(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|');
}

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

export function renderDiffMarkdown(r: DiffReport, lang: Lang): string {
  const t = diffTexts(lang);
  const out: string[] = [
    `### ${t.title}`,
    '',
    `**${cell(summaryLine(r, lang))}** — ${cell(sidesLine(r, lang))}`,
  ];
  if (r.changed === 0) {
    out.push('', t.noChange);
    return `${out.join('\n')}\n`;
  }
  if (r.primaries.length > 0) {
    out.push(
      '',
      `#### ${t.primaries}`,
      '',
      `| ${t.from} | ${t.to} | ${t.inputs} |`,
      '|---|---|--:|',
    );
    for (const m of r.primaries)
      out.push(
        `| ${cell(labelText(m.before, lang))} | ${cell(labelText(m.after, lang))} | ${m.inputs} |`,
      );
  }
  if (r.causes.length > 0) {
    out.push(
      '',
      `#### ${t.causes}`,
      '',
      `| ${t.cause} | ${t.where} | ${t.inputs} |`,
      '|---|---|--:|',
    );
    for (const { cause, inputs } of r.causes) {
      out.push(`| ${cell(causeText(cause, lang))} | ${code(causeWhere(cause))} | ${inputs} |`);
    }
    if (r.untraced > 0) out.push('', t.untraced(r.untraced));
  }
  out.push('', `<details><summary>${t.details} (${r.listed.length})</summary>`, '');
  for (const c of r.listed) {
    out.push(`<details><summary>${cell(c.id)}</summary>`, '');
    for (const [label, value] of changeLines(c, lang)) out.push(`- ${label}: ${cell(value)}`);
    const why = c.causes.map((x) => {
      const located = locatedCause(r, x);
      return `${cell(causeText(located, lang))} (${code(causeWhere(located))})`;
    });
    out.push(`- ${t.why}: ${why.length > 0 ? why.join('; ') : t.notTraced}`, '', '</details>');
  }
  out.push('', '</details>');
  if (r.changed > r.listed.length) out.push('', t.more(r.changed - r.listed.length));
  return `${out.join('\n')}\n`;
}
