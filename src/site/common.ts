// Small pieces every page model uses: sources as the reports list them, validity at the site's
// date, the verify mark.
import type { Lang } from '../core/advice.ts';
import type { RuleSet } from '../core/ruleset.ts';
import type { Text } from '../core/schema.ts';
import { textIn, validityWhy } from '../core/texts.ts';
import { splitCitation } from '../report/sources.ts';
import type { SourceRef, ValidityInfo, VerifyMark } from './model.ts';

/** The sources of these citations, each once, in order of first citation. */
export function sourceRefs(rules: RuleSet, citations: Iterable<string>): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const c of citations) {
    const { id } = splitCitation(c);
    if (seen.has(id)) continue;
    seen.add(id);
    const s = rules.sources.get(id);
    out.push({
      id,
      title: s?.title ?? id,
      ...(s?.publisher ? { publisher: s.publisher } : {}),
      ...(s?.year ? { year: s.year } : {}),
      ...(s?.url ? { url: s.url } : {}),
    });
  }
  return out;
}

function dayAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

/** Validity at `asOf`, or undefined for an item without dates. */
export function validityOf(
  item: { readonly valid_from?: string | undefined; readonly valid_until?: string | undefined },
  asOf: string,
  lang: Lang,
): ValidityInfo | undefined {
  const from = item.valid_from;
  const until = item.valid_until;
  if (from === undefined && until === undefined) return undefined;
  const v = { validFrom: from, validUntil: until, lapsedOn: until && dayAfter(until) };
  const why = validityWhy(v, asOf, lang);
  const status =
    until !== undefined && asOf > until
      ? 'lapsed'
      : from !== undefined && asOf < from
        ? 'not-yet'
        : 'valid';
  return {
    status,
    ...(from !== undefined ? { validFrom: from } : {}),
    ...(until !== undefined ? { validUntil: until, lapsedOn: v.lapsedOn! } : {}),
    ...(why !== undefined ? { why } : {}),
  };
}

export function verifyOf(
  item: { readonly verify?: boolean | undefined; readonly verify_note?: Text | undefined },
  lang: Lang,
): VerifyMark {
  return item.verify === true
    ? { verify: true, ...(item.verify_note ? { note: textIn(item.verify_note, lang) } : {}) }
    : { verify: false };
}

/** Each item once, by key, first wins, order kept. */
export function uniqueBy<T>(items: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
