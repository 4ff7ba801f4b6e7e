// Small reusable pieces of the HTML pages: a section with its heading, the fit of a route as a
// labelled badge (the word, not only a colour), and the list of warnings with their sources.
import type { ComponentChildren, VNode } from 'preact';
import type { Lang, WarningItem } from '../../core/advice.ts';
import type { Fit } from '../../core/ids.ts';
import type { SourceIndex } from '../sources.ts';
import { ui } from '../ui-strings.ts';
import { Cite } from './sources.tsx';

/** A section of the page: an <h2> with an id (a link target) and its content. */
export function Section(p: {
  readonly id: string;
  readonly title: ComponentChildren;
  readonly children?: ComponentChildren;
}): VNode {
  return (
    <section aria-labelledby={p.id}>
      <h2 id={p.id}>{p.title}</h2>
      {p.children}
    </section>
  );
}

/** "sterk (82)": the fit in words, its score, coloured as the charts colour it. */
export function FitBadge(p: {
  readonly fit: Fit;
  readonly score?: number;
  readonly lang: Lang;
}): VNode {
  const word = ui(p.lang).fit[p.fit];
  return (
    <span class={`fit fit-${p.fit}`}>{p.score === undefined ? word : `${word} (${p.score})`}</span>
  );
}

export function WarningsList(p: {
  readonly warnings: readonly WarningItem[];
  readonly src: SourceIndex;
  readonly lang: Lang;
}): VNode | null {
  if (p.warnings.length === 0) return null;
  return (
    <ul class="warnings">
      {p.warnings.map((w) => (
        <li key={w.id}>
          {w.text}
          <Cite src={p.src} sources={w.sources} lang={p.lang} />
        </li>
      ))}
    </ul>
  );
}
