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
  /** The whys of its mentions, in order (made distinct per language when shown). */
  readonly whys: Text[];
  readonly sources: string[];
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
        whys: [d.why],
        sources: d.sources.slice(),
      };
      byParty[d.stakeholder] = fresh;
      list.push(fresh);
      return;
    }
    if (d.phase < m.phase) m.phase = d.phase;
    m.whys.push(d.why);
    for (const s of d.sources) if (!m.sources.includes(s)) m.sources.push(s);
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
    const whys: string[] = [];
    for (const w of m.whys) {
      const t = textIn(w, lang);
      if (!whys.includes(t)) whys.push(t);
    }
    const item: StakeholderItem = {
      id,
      name: reg ? reg.name : id,
      phase,
      when: whenAt(m.phase, here),
      why: whys.join(' '),
    };
    if (reg?.bring) (item as { bring?: string[] }).bring = reg.bring.slice();
    (item as { sources?: string[] }).sources = m.sources.slice();
    return item;
  });
}
