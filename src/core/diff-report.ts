// The report of a whole diff, as data: what both sides were, how many inputs changed, the moves
// of the primary route (from → to, with counts), the causes with the number of inputs each
// explains, and the changed inputs themselves — the first MAX_LISTED of them, so that a report of
// a portfolio of 100,000 rows stays a page (CSV and JSON stream every changed input instead).
import type { Cause, InputChange, RouteRef, SideOf } from './diff.ts';
import { causeKey } from './diff.ts';

/** Changed inputs a text, Markdown, HTML or annotation report lists in full. */
export const MAX_LISTED = 200;

export interface DiffSideInfo {
  /** The rule directory as the user named it (`rules`, `git:main`). */
  readonly rules: string;
  readonly version: string;
  readonly hash: string;
  /** The date; for test cases with their own date, the date the others were assessed at. */
  readonly asOf: string;
}

/** A cause with where it is written, as reports name it. */
export interface LocatedCause extends Cause {
  readonly file: string;
  readonly line?: number;
}

export interface PrimaryMove {
  /** `route (fit)`, `-` for no route, `!` for not assessed. */
  readonly before: string;
  readonly after: string;
  readonly inputs: number;
}

export interface DiffReport {
  readonly before: DiffSideInfo;
  readonly after: DiffSideInfo;
  readonly inputs: number;
  readonly changed: number;
  readonly unchanged: number;
  /** Inputs assessed on neither side (an answer neither rule set accepts). */
  readonly notAssessed: number;
  /** Most inputs first. */
  readonly primaries: readonly PrimaryMove[];
  /** Most inputs first; each with the number of changed inputs it explains. */
  readonly causes: readonly { readonly cause: LocatedCause; readonly inputs: number }[];
  /** Changed inputs without any traced cause. */
  readonly untraced: number;
  /** The first MAX_LISTED changed inputs, in input order. */
  readonly listed: readonly InputChange[];
}

/** The primary as a move table shows it. */
export function primaryLabel(side: SideOf): string {
  if (side.error !== undefined) return '!';
  const p: RouteRef | null | undefined = side.primary;
  return p ? `${p.id} (${p.fit})` : '-';
}

/** Collects changed inputs as they come: counts exact, the list bounded. */
export class DiffTally {
  inputs = 0;
  notAssessed = 0;
  changed = 0;
  untraced = 0;
  private readonly listed: InputChange[] = [];
  private readonly moves = new Map<string, PrimaryMove & { inputs: number }>();
  private readonly causes = new Map<string, { cause: Cause; inputs: number }>();

  add(change: InputChange): void {
    this.changed++;
    if (this.listed.length < MAX_LISTED) this.listed.push(change);
    if (change.primaryChanged) {
      const before = primaryLabel(change.before);
      const after = primaryLabel(change.after);
      const key = `${before}\0${after}`;
      const m = this.moves.get(key);
      if (m) m.inputs++;
      else this.moves.set(key, { before, after, inputs: 1 });
    }
    if (change.causes.length === 0) this.untraced++;
    for (const c of change.causes) {
      const key = causeKey(c);
      const seen = this.causes.get(key);
      if (seen) seen.inputs++;
      else this.causes.set(key, { cause: c, inputs: 1 });
    }
  }

  report(
    before: DiffSideInfo,
    after: DiffSideInfo,
    locate: (c: Cause) => { file: string; line?: number },
  ): DiffReport {
    const byCount = <T extends { inputs: number }>(xs: T[]) =>
      xs.map((x, i) => [x, i] as const).sort((p, q) => q[0].inputs - p[0].inputs || p[1] - q[1]);
    return {
      before,
      after,
      inputs: this.inputs,
      changed: this.changed,
      unchanged: this.inputs - this.changed - this.notAssessed,
      notAssessed: this.notAssessed,
      primaries: byCount([...this.moves.values()]).map(([m]) => m),
      causes: byCount([...this.causes.values()]).map(([{ cause, inputs }]) => ({
        cause: { ...cause, ...locate(cause) },
        inputs,
      })),
      untraced: this.untraced,
      listed: this.listed,
    };
  }
}

/** The located form of a cause of a listed input, from the report's list of causes. */
export function locatedCause(report: DiffReport, c: Cause): LocatedCause {
  const key = causeKey(c);
  return report.causes.find((x) => causeKey(x.cause) === key)?.cause ?? { ...c, file: '' };
}
