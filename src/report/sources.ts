// Citations as the reports show them: every source the advice cites is numbered once, in the order
// the report first cites it, so that [2, r. 14] in the text and entry 2 in the list of sources
// agree in both the terminal and the Markdown report.
import type { Advice, Lang } from '../core/advice.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { ui } from './ui-strings.ts';

/** A cited source, numbered in order of first citation in the report. */
export interface CitedSource {
  readonly n: number;
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  readonly year?: number;
  readonly url?: string;
  /** Line references cited in this source, in order of first citation. */
  readonly lines: readonly string[];
}

export interface SourceIndex {
  /** `[2]` or `[2, r. 1397-1398]`. */
  readonly ref: (citation: string) => string;
  readonly refs: (citations: readonly string[] | undefined) => string;
  readonly list: readonly CitedSource[];
}

export function splitCitation(citation: string): { id: string; lines?: string } {
  const m = /^(.*?):(\d+(?:-\d+)?)$/.exec(citation);
  return m ? { id: m[1]!, lines: m[2]! } : { id: citation };
}

/** Numbers every citation of the advice in the order the report shows them. */
export function indexSources(advice: Advice, rules: RuleSet, lang: Lang): SourceIndex {
  const s = ui(lang);
  const byId = new Map<string, { n: number; lines: string[] }>();
  const add = (citation: string) => {
    const { id, lines } = splitCitation(citation);
    let entry = byId.get(id);
    if (!entry) {
      entry = { n: byId.size + 1, lines: [] };
      byId.set(id, entry);
    }
    if (lines && !entry.lines.includes(lines)) entry.lines.push(lines);
  };
  const addAll = (cs: readonly string[] | undefined) => cs?.forEach(add);
  // the order in which the reports show things
  for (const r of advice.routes) {
    r.reasons.forEach((x) => addAll(x.sources));
    addAll(r.sources);
  }
  advice.excluded.forEach((x) => addAll(x.sources));
  advice.stakeholders.forEach((x) => addAll(x.sources));
  advice.bridgeFunding.forEach((x) => addAll(x.sources));
  advice.warnings.forEach((x) => addAll(x.sources));

  const ref = (citation: string) => {
    const { id, lines } = splitCitation(citation);
    const entry = byId.get(id);
    if (!entry) return '';
    return lines ? `[${entry.n}, ${s.line} ${lines}]` : `[${entry.n}]`;
  };
  const list: CitedSource[] = [...byId].map(([id, e]) => {
    const src = rules.sources.get(id);
    return {
      n: e.n,
      id,
      title: src?.title ?? id,
      ...(src?.publisher ? { publisher: src.publisher } : {}),
      ...(src?.year ? { year: src.year } : {}),
      ...(src?.url ? { url: src.url } : {}),
      lines: e.lines,
    };
  });
  // several citations of one source in one place: [1, r. 20-22, 40] rather than [1, r. 20-22] [1, r. 40]
  const refs = (cs: readonly string[] | undefined) => {
    if (!cs || cs.length === 0) return '';
    const grouped = new Map<number, string[]>();
    for (const c of cs) {
      const { id, lines } = splitCitation(c);
      const entry = byId.get(id);
      if (!entry) continue;
      const at = grouped.get(entry.n) ?? [];
      if (lines && !at.includes(lines)) at.push(lines);
      grouped.set(entry.n, at);
    }
    return [...grouped]
      .map(([n, lines]) => (lines.length > 0 ? `[${n}, ${s.line} ${lines.join(', ')}]` : `[${n}]`))
      .join(' ');
  };
  return { ref, refs, list };
}
