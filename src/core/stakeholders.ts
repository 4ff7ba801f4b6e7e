// The stakeholder checklist (docs/engine.md §4): the parties of every strong or possible route, in
// rank order, then the stakeholder duties of the walk; one entry per party, at the earliest phase
// it is needed, ordered by phase and then by first mention.
import type { AnswerValue, Lang, StakeholderItem } from './advice.ts';
import { PHASES } from './ids.ts';
import type { Duty, Program } from './program.ts';
import type { Ranked } from './rank.ts';
import type { Phase, Text } from './schema.ts';
import { textIn } from './texts.ts';

const PHASE_ORDER = new Map<string, number>(PHASES.map((p, i) => [p, i]));
const DEVELOP = PHASE_ORDER.get('develop')!;

/** One party on the checklist, with every mention of it. */
export interface Mention {
  /** Position in `Program.stakeholderIds`. */
  readonly stakeholder: number;
  /** Position of its first mention. */
  readonly first: number;
  /** The earliest phase among its mentions (index into PHASES). */
  phase: number;
  /** The why of its first mention, and of the later ones (made distinct per language when shown). */
  readonly why: Text;
  later: Text[] | null;
  /** The sources of its mentions, each once: the first duty's own list until a later one adds one. */
  sources: readonly string[];
  ownSources: boolean;
}

/** The checklist's parties, in its order. Independent of the language. */
export function mentionsOf(
  program: Program,
  advised: readonly Ranked[],
  duties: readonly Duty[],
): Mention[] {
  const byParty = new Array<Mention | undefined>(program.stakeholderIds.length);
  const list: Mention[] = [];
  const mention = (d: Duty) => {
    const m = byParty[d.stakeholder];
    if (m === undefined) {
      const fresh: Mention = {
        stakeholder: d.stakeholder,
        first: list.length,
        phase: d.phase,
        why: d.why,
        later: null,
        sources: d.sources,
        ownSources: false,
      };
      byParty[d.stakeholder] = fresh;
      list.push(fresh);
      return;
    }
    if (d.phase < m.phase) m.phase = d.phase;
    (m.later ??= []).push(d.why);
    for (const s of d.sources) {
      if (m.sources.includes(s)) continue;
      if (!m.ownSources) {
        m.sources = m.sources.slice();
        m.ownSources = true;
      }
      (m.sources as string[]).push(s);
    }
  };
  for (const r of advised) {
    if (r.fit !== 'unlikely') for (const d of program.routeDuties[r.tally.route]!) mention(d);
  }
  for (const d of duties) mention(d);
  return list.sort((x, y) => x.phase - y.phase || x.first - y.first);
}

/** `now`, `next` or `later` for a stakeholder's phase, given the innovator's phase answer. */
export function whenOf(phase: Phase, current: AnswerValue | undefined): 'now' | 'next' | 'later' {
  return whenAt(PHASE_ORDER.get(phase)!, phaseAt(current));
}

/** The innovator's phase (index into PHASES) from the phase answer. */
function phaseAt(current: AnswerValue | undefined): number {
  // without a (valid) phase answer the innovator is taken to be developing: explore and develop
  // are now, demonstrate is next
  const at = typeof current === 'string' ? PHASE_ORDER.get(current) : undefined;
  return at ?? DEVELOP;
}

function whenAt(p: number, here: number): 'now' | 'next' | 'later' {
  return p <= here ? 'now' : p === here + 1 ? 'next' : 'later';
}

/** The distinct whys of a party's mentions, in order, as one text. */
function whyOf(m: Mention, lang: Lang): string {
  const first = textIn(m.why, lang);
  if (m.later === null) return first;
  const whys = [first];
  for (const w of m.later) {
    const t = textIn(w, lang);
    if (!whys.includes(t)) whys.push(t);
  }
  return whys.join(' ');
}

export function stakeholderItems(
  program: Program,
  mentions: readonly Mention[],
  currentPhase: AnswerValue | undefined,
  lang: Lang,
): StakeholderItem[] {
  const registry = program.texts[lang].stakeholders;
  const here = phaseAt(currentPhase);
  return mentions.map((m) => {
    const id = program.stakeholderIds[m.stakeholder]!;
    const reg = registry.get(id);
    const phase = PHASES[m.phase]!;
    const name = reg ? reg.name : id;
    const when = whenAt(m.phase, here);
    const why = whyOf(m, lang);
    const sources = m.sources.slice();
    return reg?.bring
      ? { id, name, phase, when, why, bring: reg.bring.slice(), sources }
      : { id, name, phase, when, why, sources };
  });
}
