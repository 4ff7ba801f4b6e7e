// The answer first: the summary ("In het kort") as a boxed list of labels and texts, the same
// items as the text and Markdown reports (summary.ts summaryItems), so every format says the same.
import type { VNode } from 'preact';
import type { Lang } from '../../core/advice.ts';
import type { Summary } from '../summary.ts';
import { summaryItems } from '../summary.ts';
import { summaryStrings } from '../summary-strings.ts';

export function SummaryBlock(p: { readonly summary: Summary; readonly lang: Lang }): VNode {
  const items = summaryItems(p.summary, p.lang);
  return (
    <section class="summary" aria-labelledby="in-short">
      <h2 id="in-short">{summaryStrings(p.lang).heading}</h2>
      <dl>
        {items.map((it, i) => (
          <div key={i}>
            <dt>{it.label}</dt>
            <dd>{it.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
