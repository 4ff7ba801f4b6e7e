// What the reader has to do besides choosing a route: whom to involve in which phase, whom to call
// first, and which facts to confirm before relying on them. Derived from the Advice and the rule
// set so that the text and Markdown reports list the same people and the same checks.
import type { Advice, AdvisedRoute, Lang, StakeholderItem } from '../core/advice.ts';

type StakeholderContact = NonNullable<StakeholderItem['contact']>;
import type { RuleSet } from '../core/ruleset.ts';
import type { Phase } from '../core/schema.ts';
import { ui } from './ui-strings.ts';

// The phases in order; kept here rather than imported from the schema module so that rendering a
// report does not load the schema library.
export const PHASE_ORDER: readonly Phase[] = [
  'explore',
  'develop',
  'demonstrate',
  'implement',
  'scale',
];

/** The checklist grouped by phase, phases in order, items in advice order. */
export function stakeholdersByPhase(advice: Advice): { phase: Phase; items: StakeholderItem[] }[] {
  return PHASE_ORDER.map((phase) => ({
    phase,
    items: advice.stakeholders.filter((x) => x.phase === phase),
  })).filter((g) => g.items.length > 0);
}

/**
 * Whom to call first for a route: of the route's stakeholders on the checklist, the one whose
 * phase is now (else next, else later), with the role it plays in this route — not the merged
 * reasons of the whole checklist.
 */
export function partyToCall(
  advice: Advice,
  rules: RuleSet,
  route: AdvisedRoute,
  lang: Lang,
): PartyToCall | undefined {
  const roles = rules.routes.get(route.id)?.stakeholders ?? [];
  const ids = roles.map((x) => x.stakeholder);
  const onList = advice.stakeholders.filter((x) => ids.includes(x.id));
  const rank = (x: StakeholderItem) =>
    x.when === 'now' ? 0 : x.when === 'next' ? 1 : x.when ? 2 : 1;
  const first = [...onList].sort((a, b) => rank(a) - rank(b))[0];
  if (!first) return undefined;
  const role = roles.find((x) => x.stakeholder === first.id)?.role[lang];
  const why = role ?? first.why;
  return first.contact
    ? { id: first.id, name: first.name, why, contact: first.contact }
    : { id: first.id, name: first.name, why };
}

export interface PartyToCall {
  readonly id: string;
  readonly name: string;
  readonly why: string;
  readonly contact?: StakeholderContact;
}

/** "Vraag naar: de zorginkoper … · https://…": how to reach a stakeholder, in one line. */
export function contactText(contact: StakeholderContact, lang: Lang): string {
  const ask = `${ui(lang).askFor}: ${contact.ask}`;
  return contact.site ? `${ask} · ${contact.site}` : ask;
}

export interface VerifyNote {
  readonly subject: string;
  readonly note: string;
}

/** Every fact the advice relies on that the rules mark `verify`, with whom to confirm it. */
export function verifyNotes(advice: Advice, rules: RuleSet, lang: Lang): VerifyNote[] {
  const s = ui(lang);
  const out: VerifyNote[] = [];
  const seen = new Set<string>();
  const push = (key: string, subject: string, note: string | undefined) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ subject, note: note ?? s.verifyDefault });
  };
  for (const r of advice.routes) {
    if (r.verify)
      push(`route:${r.id}`, r.title, r.verifyNote ?? rules.routes.get(r.id)?.verify_note?.[lang]);
  }
  for (const x of advice.stakeholders) {
    const def = rules.stakeholders.get(x.id);
    if (def?.verify) push(`stakeholder:${x.id}`, x.name, def.verify_note?.[lang]);
    if (x.contact && def?.contact?.verify) {
      push(`contact:${x.id}`, x.name, def.contact.verify_note?.[lang]);
    }
  }
  for (const b of advice.bridgeFunding) {
    const def = rules.bridge.get(b.id);
    if (b.verify || def?.verify) push(`bridge:${b.id}`, b.title, def?.verify_note?.[lang]);
  }
  for (const w of advice.warnings) {
    const def = rules.warnings.get(w.id);
    if (w.verify || def?.verify)
      push(`warning:${w.id}`, firstSentence(w.text), def?.verify_note?.[lang]);
  }
  return out;
}

function firstSentence(text: string): string {
  const m = /^(.{1,80}?[.!?])(\s|$)/.exec(text);
  if (m) return m[1]!;
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
