// The answer first: what an innovator needs from the advice on one screen, as data. Every format
// renders this one object (summary-text.ts, markdown.ts, and `summary` in the JSON of `advise`),
// so the text, the Markdown and the JSON say the same. Derived from the Advice and the rule set
// only: no walk of its own, so `advise --summary` costs no more than the advice.
import type { Advice, AdvisedRoute, Lang } from '../core/advice.ts';
import type { RuleSet } from '../core/ruleset.ts';
import type { Family, Fit } from '../core/schema.ts';
import { contactText, partyToCall } from './checklists.ts';
import { familyLabel, questionText } from './labels.ts';
import { summaryStrings } from './summary-strings.ts';
import { ui } from './ui-strings.ts';

/** The national desk for exactly this question: named whenever the rules make it a stakeholder. */
export const NATIONAL_DESK = 'zorg-voor-innoveren';
/** Open questions named in the summary; the rest are counted. */
export const SUMMARY_QUESTIONS = 3;
/** Routes named after the recommendation. */
export const SUMMARY_NEXT_ROUTES = 2;

export interface SummaryRoute {
  readonly id: string;
  readonly family: Family;
  readonly title: string;
  readonly fit: Fit;
  readonly score: number;
}

export interface SummaryRecommendation extends SummaryRoute {
  /** Why, in one sentence: the first sentence of the route's first reason (or of its summary). */
  readonly why: string | null;
}

export interface SummaryContact {
  readonly id: string;
  readonly name: string;
  /** Its role in the recommended route, or its reason on the checklist. */
  readonly why: string;
  /** How to reach it, when the rules say (the advice's stakeholder contact). */
  readonly contact?: { readonly ask: string; readonly site?: string };
}

export interface SummaryFamily {
  readonly family: Family;
  /** Its routes the rules excluded (none: the rules named no route of it for these answers). */
  readonly excluded: readonly string[];
  /** Why, in one sentence: the first sentence of its first exclusion; null when none was excluded. */
  readonly why: string | null;
}

export interface SummaryQuestion {
  readonly id: string;
  readonly text: string;
}

export interface Summary {
  /** null: no route fits these answers yet. */
  readonly recommendation: SummaryRecommendation | null;
  /** The recommended route's first step. */
  readonly firstStep: string | null;
  /**
   * Whom to call: first the stakeholder of the recommended route whose phase is now (else next),
   * then Zorg voor innoveren when the advice lists it and it is not already the first.
   */
  readonly callFirst: readonly SummaryContact[];
  /** The next routes in the ranking, at most SUMMARY_NEXT_ROUTES. */
  readonly nextRoutes: readonly SummaryRoute[];
  /** The families of the rule set with no route in the advice, in the contract's order. */
  readonly notPaying: readonly SummaryFamily[];
  /** The open questions, most decisive first, at most SUMMARY_QUESTIONS. */
  readonly openQuestions: readonly SummaryQuestion[];
  /** Open questions beyond those named. */
  readonly moreOpenQuestions: number;
  readonly warnings: number;
}

const FAMILY_ORDER: readonly Family[] = ['zvw', 'wlz', 'wmo', 'werk-en-inkomen', 'consumer'];

export function summarize(advice: Advice, rules: RuleSet, lang: Lang): Summary {
  const [top, ...others] = advice.routes;
  const callFirst: SummaryContact[] = [];
  const call = top ? partyToCall(advice, rules, top, lang) : undefined;
  if (call) callFirst.push(call);
  const desk = advice.stakeholders.find((x) => x.id === NATIONAL_DESK);
  if (desk && call?.id !== NATIONAL_DESK) {
    const why = firstSentence(desk.why);
    callFirst.push(
      desk.contact
        ? { id: desk.id, name: desk.name, why, contact: desk.contact }
        : { id: desk.id, name: desk.name, why },
    );
  }

  const inRules = new Set([...rules.routes.values()].map((r) => r.family));
  const paying = new Set(advice.routes.map((r) => r.family));
  const notPaying = FAMILY_ORDER.filter((f) => inRules.has(f) && !paying.has(f)).map(
    (family): SummaryFamily => {
      const excluded = advice.excluded.filter((x) => x.family === family);
      return {
        family,
        excluded: excluded.map((x) => x.id),
        why: excluded[0] ? firstSentence(excluded[0].why) : null,
      };
    },
  );

  return {
    recommendation: top ? { ...routeOf(top), why: whyOf(top) } : null,
    firstStep: top?.steps[0] ?? null,
    callFirst,
    nextRoutes: others.slice(0, SUMMARY_NEXT_ROUTES).map(routeOf),
    notPaying,
    openQuestions: advice.openQuestions
      .slice(0, SUMMARY_QUESTIONS)
      .map((id) => ({ id, text: questionText(rules, id, lang) })),
    moreOpenQuestions: Math.max(0, advice.openQuestions.length - SUMMARY_QUESTIONS),
    warnings: advice.warnings.length,
  };
}

function routeOf(r: AdvisedRoute): SummaryRoute {
  return { id: r.id, family: r.family, title: r.title, fit: r.fit, score: r.score };
}

function whyOf(r: AdvisedRoute): string | null {
  const text = r.reasons[0]?.text ?? r.summary;
  return text ? firstSentence(text) : null;
}

/**
 * The first sentence of a text: up to the first full stop, question or exclamation mark that is
 * followed by a capital (or the end), so that "art. 2.6" or "o.a. de" do not end it.
 */
export function firstSentence(text: string): string {
  const t = text.trim();
  const m = /^.+?[.!?](?=\s+["'„“‘(]?\p{Lu}|\s*$)/su.exec(t);
  return m ? m[0] : t;
}

/** One line of the summary as the reader sees it: a label and its text (wrapped by the format). */
export interface SummaryItem {
  readonly label: string;
  readonly text: string;
  /** Where room is short (text), items of lower weight are shortened first. */
  readonly weight: 1 | 2 | 3;
}

/**
 * The summary in words, in reading order: the same items for the text and the Markdown, each
 * format only laying them out. Items with nothing to say are left out.
 */
export function summaryItems(summary: Summary, lang: Lang): SummaryItem[] {
  const s = summaryStrings(lang);
  const u = ui(lang);
  const route = (r: SummaryRoute) => `${r.title} (${u.fit[r.fit]})`;
  const items: SummaryItem[] = [];
  const rec = summary.recommendation;
  items.push({
    label: s.recommended,
    text: rec
      ? `${rec.title} · ${familyLabel(rec.family, lang)} · ${u.fit[rec.fit]} (${rec.score})`
      : s.noRoute,
    weight: 3,
  });
  if (rec?.why) items.push({ label: s.why, text: rec.why, weight: 3 });
  if (summary.firstStep) items.push({ label: s.firstStep, text: summary.firstStep, weight: 3 });
  summary.callFirst.forEach((c, i) => {
    const first = i === 0 && rec !== null;
    items.push({
      label: first ? s.callFirst : s.alsoCall,
      // with a contact, how to reach them says enough here; the details say why
      text: c.contact ? `${c.name} · ${contactText(c.contact, lang)}` : `${c.name} — ${c.why}`,
      weight: first ? 3 : 1,
    });
  });
  if (summary.nextRoutes.length > 0)
    items.push({ label: s.nextRoutes, text: summary.nextRoutes.map(route).join('; '), weight: 2 });
  if (summary.notPaying.length > 0) {
    const absent = summary.notPaying.filter((f) => f.why === null);
    const parts = summary.notPaying.flatMap((f) =>
      f.why === null ? [] : [`${s.family[f.family]} — ${f.why.replace(/\.$/, '')}`],
    );
    if (absent.length > 0)
      parts.push(`${absent.map((f) => s.family[f.family]).join(', ')} — ${s.noRouteNamed}`);
    items.push({ label: s.notPaying, text: parts.join('; '), weight: 2 });
  }
  if (summary.openQuestions.length > 0) {
    const qs = summary.openQuestions.map((q) => q.text);
    if (summary.moreOpenQuestions > 0) qs.push(s.more(summary.moreOpenQuestions));
    items.push({ label: s.sharpen, text: qs.join(' · '), weight: 2 });
  }
  items.push({ label: s.warningsLabel, text: s.warnings(summary.warnings), weight: 3 });
  return items;
}
