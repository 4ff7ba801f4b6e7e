// Citations on an HTML page: `[n]` links to entry n of the numbered list of sources at the end
// (the numbering of sources.ts, the same as the text and Markdown reports), and that list: each
// source by its title (a link where the rules give an address), publisher and year. Printed, the
// address follows the title (styles.ts).
import type { VNode } from 'preact';
import type { Lang } from '../../core/advice.ts';
import type { CitedSource, SourceIndex } from '../sources.ts';
import { splitCitation } from '../sources.ts';
import { htmlStrings } from './html-strings.ts';

/** The anchor of source n: `bron-3`. */
export const sourceAnchor = (n: number): string => `bron-${n}`;

/** The numbers of the sources cited, each once, in the order cited. */
export function citedNumbers(src: SourceIndex, citations: readonly string[] | undefined): number[] {
  const byId = new Map(src.list.map((s) => [s.id, s.n]));
  const out: number[] = [];
  for (const c of citations ?? []) {
    const n = byId.get(splitCitation(c).id);
    if (n !== undefined && !out.includes(n)) out.push(n);
  }
  return out;
}

/** ` [1] [3]` after a sentence; nothing when it cites nothing. */
export function Cite(p: {
  readonly src: SourceIndex;
  readonly sources: readonly string[] | undefined;
  readonly lang: Lang;
}): VNode | null {
  const ns = citedNumbers(p.src, p.sources);
  if (ns.length === 0) return null;
  const h = htmlStrings(p.lang);
  return (
    <>
      {ns.map((n) => (
        <>
          {' '}
          <a class="cite" href={`#${sourceAnchor(n)}`} title={h.sourceLink(n)}>
            [{n}]
          </a>
        </>
      ))}
    </>
  );
}

function SourceEntry({ s }: { readonly s: CitedSource }): VNode {
  const meta = [s.publisher, s.year].filter((v) => v !== undefined).join(', ');
  return (
    <li id={sourceAnchor(s.n)} value={s.n}>
      {s.url ? <a href={s.url}>{s.title}</a> : s.title}
      {meta ? ` (${meta})` : null}
    </li>
  );
}

/** The numbered list; `note` under it (where the exact places are). */
export function SourcesList(p: {
  readonly list: readonly CitedSource[];
  readonly note?: string;
}): VNode | null {
  if (p.list.length === 0) return null;
  return (
    <>
      <ol class="sources">
        {p.list.map((s) => (
          <SourceEntry key={s.n} s={s} />
        ))}
      </ol>
      {p.note ? <p class="note">{p.note}</p> : null}
    </>
  );
}
