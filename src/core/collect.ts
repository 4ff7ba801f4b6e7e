// What a walk collects for the advice: the effects of every node it enters, in walk order, and
// the questions it found open. A visitor of the one walk (walk.ts).
import type { Duty, Note, Program, ProgramNode } from './program.ts';
import type { WalkVisitor } from './walk.ts';

export type { Note };

/** Everything the walk said about one route. */
export interface RouteTally {
  readonly id: string;
  /** Position in `Program.routeIds`. */
  readonly route: number;
  /** Some node awards it (an adjustment alone advises nothing). */
  awarded: boolean;
  /** The highest award score, and the first award with it (its position in `Collected.notes`). */
  best: number;
  bestNote: number;
  /** The sum of the adjustments. */
  add: number;
  /** Some node excludes it. */
  excluded: boolean;
}

/** A question the walk found open: its slot (`Program.slotIds`), and where. */
export interface OpenAt {
  readonly slot: number;
  readonly node: ProgramNode;
}

export interface Collected {
  /** In order of first mention. */
  readonly routes: RouteTally[];
  /** The awards' and adjustments' notes of every route, in walk order, and each one's route. */
  readonly notes: Note[];
  readonly noteRoutes: number[];
  /** The exclusions' notes, in walk order, and each one's route. */
  readonly exclusions: Note[];
  readonly exclusionRoutes: number[];
  readonly duties: Duty[];
  /** In order of first mention, each once: warnings and bridge items by number, arrangement ids. */
  readonly warnings: number[];
  readonly bridge: number[];
  readonly arrangements: string[];
  readonly open: OpenAt[];
}

function pushUnique<T>(list: T[], items: readonly T[]): void {
  for (const x of items) if (!list.includes(x)) list.push(x);
}

export class EffectCollector implements WalkVisitor {
  readonly collected: Collected = {
    routes: [],
    notes: [],
    noteRoutes: [],
    exclusions: [],
    exclusionRoutes: [],
    duties: [],
    warnings: [],
    bridge: [],
    arrangements: [],
    open: [],
  };
  /** By route number: the tally, once the route is named. */
  private readonly byRoute: (RouteTally | undefined)[];

  constructor(private readonly program: Program) {
    this.byRoute = new Array<RouteTally | undefined>(program.routeIds.length);
  }

  private tally(route: number): RouteTally {
    let r = this.byRoute[route];
    if (r === undefined) {
      r = {
        id: this.program.routeIds[route]!,
        route,
        awarded: false,
        best: -1,
        bestNote: -1,
        add: 0,
        excluded: false,
      };
      this.byRoute[route] = r;
      this.collected.routes.push(r);
    }
    return r;
  }

  enter(node: ProgramNode): void {
    const e = node.effects;
    if (e === null) return;
    const out = this.collected;
    for (const a of e.awards) {
      const t = this.tally(a.route);
      t.awarded = true;
      if (a.score > t.best) {
        t.best = a.score;
        t.bestNote = out.notes.length;
      }
      out.notes.push(a.note);
      out.noteRoutes.push(a.route);
    }
    for (const a of e.adjusts) {
      this.tally(a.route).add += a.add;
      out.notes.push(a.note);
      out.noteRoutes.push(a.route);
    }
    for (const x of e.excludes) {
      this.tally(x.route).excluded = true;
      out.exclusions.push(x.note);
      out.exclusionRoutes.push(x.route);
    }
    for (const d of e.duties) out.duties.push(d);
    pushUnique(out.warnings, e.warnings);
    pushUnique(out.bridge, e.bridge);
    pushUnique(out.arrangements, e.arrangements);
  }

  open(slot: number, node: ProgramNode): void {
    this.collected.open.push({ slot, node });
  }
}
