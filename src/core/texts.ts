// The registry's texts in one language, resolved once per program: what an advice takes in by id
// (a route's title and steps, a stakeholder's name, a warning's text). The advice shares these
// strings and lists rather than copying them for every evaluation: an Advice is read-only (its
// types say so), and nothing may change one. A text missing in English
// falls back to Dutch, the language every rule text has.
import type { Lang } from './advice.ts';
import type { RuleSet } from './ruleset.ts';
import type { Text } from './schema.ts';

export function textIn(x: Text, lang: Lang): string {
  return (lang === 'en' ? x.en : x.nl) ?? x.nl;
}

export interface Validity {
  readonly validFrom: string | undefined;
  readonly validUntil: string | undefined;
  /** The day after validUntil (the day it lapsed), worked out once. */
  readonly lapsedOn?: string | undefined;
}

function validity(from: string | undefined, until: string | undefined): Validity {
  return {
    validFrom: from,
    validUntil: until,
    lapsedOn: until === undefined ? undefined : dayAfter(until),
  };
}

/** What a route, bridge item and warning have alike: citations, the verify mark, validity. */
export interface Checked extends Validity {
  readonly sources: readonly string[];
  readonly verify: boolean;
  readonly verifyNote: string | undefined;
}

export interface RouteTexts extends Checked {
  readonly title: string;
  readonly summary: string;
  readonly whoDecides: string | undefined;
  readonly steps: readonly string[];
  readonly evidence: readonly string[];
  readonly pitfalls: readonly string[] | undefined;
}

export interface StakeholderTexts {
  readonly name: string;
  /** Absent when the registry lists nothing to bring. */
  readonly bring: readonly string[] | undefined;
  /** Absent when the registry says nothing about how to reach it. */
  readonly contact: ContactTexts | undefined;
}

export interface ContactTexts {
  readonly ask: string;
  readonly site?: string;
}

export interface BridgeTexts extends Checked {
  readonly title: string;
  readonly why: string;
  readonly leadsTo: readonly string[] | undefined;
}

export interface WarningTexts extends Checked {
  readonly text: string;
}

export interface RegistryTexts {
  readonly lang: Lang;
  /**
   * By route and stakeholder number (`Program.routeIds`, `.stakeholderIds`); undefined: not in
   * the registry.
   */
  readonly routes: readonly (RouteTexts | undefined)[];
  readonly stakeholders: readonly (StakeholderTexts | undefined)[];
  /** By number (`Program.bridgeIds`, `.warningIds`). */
  readonly bridge: readonly (BridgeTexts | undefined)[];
  readonly warnings: readonly (WarningTexts | undefined)[];
}

function checked(
  x: {
    readonly sources: readonly string[];
    readonly verify?: boolean | undefined;
    readonly verify_note?: Text | undefined;
    readonly valid_from?: string | undefined;
    readonly valid_until?: string | undefined;
  },
  lang: Lang,
): Checked {
  return {
    sources: x.sources,
    verify: x.verify === true,
    verifyNote: x.verify === true && x.verify_note ? textIn(x.verify_note, lang) : undefined,
    ...validity(x.valid_from, x.valid_until),
  };
}

/** The registry's texts in `lang`, each item by its number in `numbered`. */
export function compileTexts(
  rules: RuleSet,
  lang: Lang,
  numbered: {
    readonly routes: readonly string[];
    readonly stakeholders: readonly string[];
    readonly warnings: readonly string[];
    readonly bridge: readonly string[];
  },
): RegistryTexts {
  const t = (x: Text) => textIn(x, lang);
  const byNumber = <T, U>(ids: readonly string[], source: ReadonlyMap<string, T>, f: (x: T) => U) =>
    ids.map((id) => {
      const x = source.get(id);
      return x === undefined ? undefined : f(x);
    });
  return {
    lang,
    routes: byNumber(numbered.routes, rules.routes, (r) => ({
      title: t(r.title),
      summary: t(r.summary),
      whoDecides: r.who_decides ? t(r.who_decides) : undefined,
      steps: r.steps.map(t),
      evidence: (r.evidence ?? []).map(t),
      pitfalls: r.pitfalls && r.pitfalls.length > 0 ? r.pitfalls.map(t) : undefined,
      ...checked(r, lang),
    })),
    stakeholders: byNumber(numbered.stakeholders, rules.stakeholders, (s) => ({
      name: t(s.name),
      bring: s.bring && s.bring.length > 0 ? s.bring.map(t) : undefined,
      contact: s.contact
        ? s.contact.site
          ? { ask: t(s.contact.ask), site: s.contact.site }
          : { ask: t(s.contact.ask) }
        : undefined,
    })),
    bridge: byNumber(numbered.bridge, rules.bridge, (b) => ({
      title: t(b.title),
      why: t(b.why),
      leadsTo: b.leads_to && b.leads_to.length > 0 ? b.leads_to : undefined,
      ...checked(b, lang),
    })),
    warnings: byNumber(numbered.warnings, rules.warnings, (w) => ({
      text: t(w.text),
      ...checked(w, lang),
    })),
  };
}

/** Whether an item with validity dates applies at `asOf` (YYYY-MM-DD). */
export function validAt(item: Validity, asOf: string): boolean {
  return (
    (item.validFrom === undefined || item.validFrom <= asOf) &&
    (item.validUntil === undefined || asOf <= item.validUntil)
  );
}

/** The day after a YYYY-MM-DD date. */
function dayAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y!, m! - 1, d! + 1));
  return next.toISOString().slice(0, 10);
}

const MONTHS: Record<Lang, readonly string[]> = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** A YYYY-MM-DD date as it is written in a sentence: "1 februari 2025", "1 February 2025". */
export function formatDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[lang][m! - 1]} ${y}`;
}

/** Why a scheme does not apply at `asOf`, or undefined when it does. */
export function validityWhy(item: Validity, asOf: string, lang: Lang): string | undefined {
  if (item.validUntil !== undefined && asOf > item.validUntil) {
    const date = formatDate(item.lapsedOn ?? dayAfter(item.validUntil), lang);
    return lang === 'en'
      ? `This scheme lapsed on ${date}.`
      : `Deze regeling is vervallen per ${date}.`;
  }
  if (item.validFrom !== undefined && asOf < item.validFrom) {
    const date = formatDate(item.validFrom, lang);
    return lang === 'en'
      ? `This scheme applies only from ${date}.`
      : `Deze regeling geldt pas vanaf ${date}.`;
  }
  return undefined;
}
