// The stakeholder checklist (docs/engine.md §4): the parties of every strong or possible route, in
// rank order, then the stakeholder duties of the walk; one entry per party, at the earliest phase
// it is needed, ordered by phase and then by first mention.
import type { AnswerValue, Lang, StakeholderItem } from './advice.ts';
import { phaseIndex, PHASES } from './ids.ts';
import type { Duty, Program } from './program.ts';
import type { Ranked } from './rank.ts';
import type { Phase } from './schema.ts';
import { sortInPlace } from './sort.ts';
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
  sortInPlace(entries, byPhaseThenFirst);
  return { entries, mentions, nextOfParty };
}

function byPhaseThenFirst(x: Entry, y: Entry): number {
  return x.phase - y.phase || x.first - y.first;
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

/** The distinct whys of a party's mentions, in order, as one text. */
function whyOf(c: Checklist, e: Entry, lang: Lang): string {
  let why = textIn(c.mentions[e.first]!.why, lang);
  let i = c.nextOfParty[e.first]!;
  if (i < 0) return why;
  const whys = [why];
  for (; i >= 0; i = c.nextOfParty[i]!) {
    const t = textIn(c.mentions[i]!.why, lang);
    if (whys.includes(t)) continue;
    whys.push(t);
    // + joins two texts without copying them (join would copy)
    why = why + ' ' + t;
  }
  return why;
}

/** The sources of a party's mentions, each once, in order. */
function sourcesOf(c: Checklist, e: Entry): readonly string[] {
  const first = c.mentions[e.first]!.sources; // each once already; shared with the program
  if (c.nextOfParty[e.first]! < 0) return first;
  const sources = first.slice();
  for (let i = c.nextOfParty[e.first]!; i >= 0; i = c.nextOfParty[i]!) {
    for (const s of c.mentions[i]!.sources) if (!sources.includes(s)) sources.push(s);
  }
  return sources;
}

export function stakeholderItems(
  program: Program,
  checklist: Checklist,
  currentPhase: AnswerValue | undefined,
  lang: Lang,
): StakeholderItem[] {
  const registry = program.texts[lang].stakeholders;
  const here = phaseAt(currentPhase);
  const items: StakeholderItem[] = [];
  for (const e of checklist.entries) {
    const id = program.stakeholderIds[e.stakeholder]!;
    const reg = registry[e.stakeholder];
    const phase = PHASES[e.phase]!;
    const name = reg ? reg.name : id;
    const when = whenAt(e.phase, here);
    const why = whyOf(checklist, e, lang);
    const sources = sourcesOf(checklist, e);
    // keys in the contract's order; bring and contact are the program's (texts.ts), shared
    const item: { -readonly [K in keyof StakeholderItem]: StakeholderItem[K] } = reg?.bring
      ? { id, name, phase, when, why, bring: reg.bring, sources }
      : { id, name, phase, when, why, sources };
    if (reg?.contact) item.contact = reg.contact;
    items.push(item);
  }
  return items;
}
