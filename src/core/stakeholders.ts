// The stakeholder checklist (docs/engine.md §4): the parties of every strong or possible route, in
// rank order, then the stakeholder duties of the walk; one entry per party, at the earliest phase
// it is needed, ordered by phase and then by first mention.
import type { AnswerValue, Lang, StakeholderItem } from './advice.ts';
import { phaseIndex, PHASES } from './ids.ts';
import type { Duty, Program } from './program.ts';
import type { Ranked } from './rank.ts';
import type { Phase } from './schema.ts';
import { textIn } from './texts.ts';

const DEVELOP = phaseIndex('develop')!;

/** One party on the checklist. */
export interface Entry {
  /** Position in `Program.stakeholderIds`. */
  readonly stakeholder: number;
  /** Position of its first mention. */
  readonly first: number;
  /** The earliest phase among its mentions (index into PHASES). */
  phase: number;
  /** Its last mention so far (position in `Checklist.mentions`). */
  last: number;
}

/** The checklist: its parties in order, and every mention (whys and sources are merged when shown). */
export interface Checklist {
  readonly entries: readonly Entry[];
  readonly mentions: readonly Duty[];
  /** Per mention: the next mention of the same party, or -1 (a party's mentions form a chain). */
  readonly nextOfParty: readonly number[];
}

/** The checklist of the advised routes and the walk's duties. Independent of the language. */
export function checklistOf(
  program: Program,
  advised: readonly Ranked[],
  duties: readonly Duty[],
): Checklist {
  const byParty = new Array<Entry | undefined>(program.stakeholderIds.length);
  const entries: Entry[] = [];
  const mentions: Duty[] = [];
  const nextOfParty: number[] = [];
  const mention = (d: Duty) => {
    const at = mentions.length;
    mentions.push(d);
    nextOfParty.push(-1);
    const e = byParty[d.stakeholder];
    if (e === undefined) {
      const fresh: Entry = {
        stakeholder: d.stakeholder,
        first: at,
        phase: d.phase,
        last: at,
      };
      byParty[d.stakeholder] = fresh;
      entries.push(fresh);
      return;
    }
    if (d.phase < e.phase) e.phase = d.phase;
    nextOfParty[e.last] = at;
    e.last = at;
  };
  for (const r of advised) {
    if (r.fit !== 'unlikely') for (const d of program.routeDuties[r.tally.route]!) mention(d);
  }
  for (const d of duties) mention(d);
  entries.sort((x, y) => x.phase - y.phase || x.first - y.first);
  return { entries, mentions, nextOfParty };
}

/** `now`, `next` or `later` for a stakeholder's phase, given the innovator's phase answer. */
export function whenOf(phase: Phase, current: AnswerValue | undefined): 'now' | 'next' | 'later' {
  return whenAt(phaseIndex(phase)!, phaseAt(current));
}

/** The innovator's phase (index into PHASES) from the phase answer. */
function phaseAt(current: AnswerValue | undefined): number {
  // without a (valid) phase answer the innovator is taken to be developing: explore and develop
  // are now, demonstrate is next
  const at = typeof current === 'string' ? phaseIndex(current) : undefined;
  return at ?? DEVELOP;
}

function whenAt(p: number, here: number): 'now' | 'next' | 'later' {
  return p <= here ? 'now' : p === here + 1 ? 'next' : 'later';
}

/** The distinct whys of a party's mentions, in order, as one text; and their sources, each once. */
function merged(c: Checklist, e: Entry, lang: Lang): { why: string; sources: string[] } {
  const whys: string[] = [];
  const sources: string[] = [];
  for (let i = e.first; i >= 0; i = c.nextOfParty[i]!) {
    const d = c.mentions[i]!;
    const t = textIn(d.why, lang);
    if (!whys.includes(t)) whys.push(t);
    for (const s of d.sources) if (!sources.includes(s)) sources.push(s);
  }
  return { why: whys.join(' '), sources };
}

export function stakeholderItems(
  program: Program,
  checklist: Checklist,
  currentPhase: AnswerValue | undefined,
  lang: Lang,
): StakeholderItem[] {
  const registry = program.texts[lang].stakeholders;
  const here = phaseAt(currentPhase);
  return checklist.entries.map((e) => {
    const id = program.stakeholderIds[e.stakeholder]!;
    const reg = registry.get(id);
    const phase = PHASES[e.phase]!;
    const name = reg ? reg.name : id;
    const when = whenAt(e.phase, here);
    const { why, sources } = merged(checklist, e, lang);
    return reg?.bring
      ? { id, name, phase, when, why, bring: reg.bring.slice(), sources }
      : { id, name, phase, when, why, sources };
  });
}
