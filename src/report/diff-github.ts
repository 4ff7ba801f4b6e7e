// `innoroute diff --format github`: one GitHub Actions annotation per cause, on the rule file
// and line that caused the change, saying how many inputs it changes; a cause whose place is not
// known gets none. Then one notice with the summary line.
import type { Lang } from '../core/advice.ts';
import type { DiffReport } from '../core/diff-report.ts';
import { causeText, diffTexts, summaryLine } from './diff-strings.ts';

/** Workflow-command escaping of a property value and of a message. */
const prop = (s: string) =>
  s
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/:/g, '%3A')
    .replace(/,/g, '%2C');
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export function renderDiffGithub(r: DiffReport, lang: Lang): string {
  const t = diffTexts(lang);
  const lines: string[] = [];
  for (const { cause, inputs } of r.causes) {
    if (cause.line === undefined || cause.file === '') continue;
    const message = `${causeText(cause, lang)}: ${inputs} ${inputs === 1 ? t.input : t.inputs}`;
    lines.push(
      `::warning file=${prop(cause.file)},line=${cause.line},title=${prop(t.title)}::${data(message)}`,
    );
  }
  lines.push(`::notice title=${prop(t.title)}::${data(summaryLine(r, lang))}`);
  return `${lines.join('\n')}\n`;
}
