// The search index: per page its address, title, kind and the words it is found by (lower case,
// without accents, each once), sorted by address so that the same rules give the same bytes. The
// browser matches a query's words against `t` and `w` (assets/search.js); nothing is fetched.
import type { SearchEntry, SiteModel } from './model.ts';
import { siteStrings } from './strings.ts';

/** Lower case, no accents: how both the index and the query are compared. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The distinct words (three letters or more) of the texts, in order of first use. */
export function wordsOf(texts: readonly string[]): string {
  const seen = new Set<string>();
  for (const t of texts) {
    for (const w of foldText(t).split(/[^a-z0-9]+/)) if (w.length >= 3) seen.add(w);
  }
  return [...seen].join(' ');
}

export function searchIndex(model: Omit<SiteModel, 'search'>): SearchEntry[] {
  const { lang } = model;
  const s = siteStrings(lang);
  const entries: SearchEntry[] = [];
  const add = (u: string, t: string, k: string, texts: readonly string[]) =>
    entries.push({ u, t, k, w: wordsOf([t, ...texts]) });
  for (const r of model.routes) {
    add(r.href, r.title, s.kind.route, [
      r.id,
      r.summary,
      r.whoDecides ?? '',
      ...r.fits.map((f) => f.reason),
    ]);
  }
  for (const p of model.stakeholders) add(p.href, p.name, s.kind.stakeholder, [p.id, p.role]);
  for (const b of model.bridges) add(b.href, b.title, s.kind.bridge, [b.id, b.why]);
  for (const e of model.examples) {
    add(e.href, e.title, s.kind.example, [
      e.name,
      e.description ?? '',
      ...e.answerLines.map((a) => a.answer),
      e.topRoute?.title ?? '',
    ]);
  }
  for (const p of model.phases) add(p.href, p.title, s.kind.phase, []);
  return entries.sort((a, b) => (a.u < b.u ? -1 : a.u > b.u ? 1 : 0));
}
