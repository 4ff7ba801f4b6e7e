// Citations as the reports show them: every source the advice cites is numbered once, in the order
// the report first cites it, so that [2] in the text and entry 2 in the list of sources agree in
// both the terminal and the Markdown report. The list names each source by its title, publisher,
// year and address; line numbers in the seed documents mean nothing to an innovator and stay in
// the JSON, for reviewers.
import type { Advice } from '../core/advice.ts';
import type { RuleSet } from '../core/ruleset.ts';

/** A cited source, numbered in order of first citation in the report. */
export interface CitedSource {
  readonly n: number;
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  readonly year?: number;
  readonly url?: string;
}

export interface SourceIndex {
  /** `[2]`. */
  readonly ref: (citation: string) => string;
  readonly refs: (citations: readonly string[] | undefined) => string;
  readonly list: readonly CitedSource[];
}

export function splitCitation(citation: string): { id: string; lines?: string } {
  const m = /^(.*?):(\d+(?:-\d+)?)$/.exec(citation);
  return m ? { id: m[1]!, lines: m[2]! } : { id: citation };
}

/** Numbers every citation of the advice in the order the report shows them. */
export function indexSources(advice: Advice, rules: RuleSet): SourceIndex {
  const byId = new Map<string, number>();
  const add = (citation: string) => {
    const { id } = splitCitation(citation);
    if (!byId.has(id)) byId.set(id, byId.size + 1);
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
    const n = byId.get(splitCitation(citation).id);
    return n === undefined ? '' : `[${n}]`;
  };
  const list: CitedSource[] = [...byId].map(([id, n]) => {
    const src = rules.sources.get(id);
    return {
      n,
      id,
      title: src?.title ?? id,
      ...(src?.publisher ? { publisher: src.publisher } : {}),
      ...(src?.year ? { year: src.year } : {}),
      ...(src?.url ? { url: src.url } : {}),
    };
  });
  // several citations of one source in one place: [1] [3], each source once
  const refs = (cs: readonly string[] | undefined) =>
    [...new Set((cs ?? []).map(ref).filter((r) => r !== ''))].join(' ');
  return { ref, refs, list };
}
