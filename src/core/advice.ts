// The Advice: the contract's JSON output (docs/interface.md, JSON). Every command that advises —
// wizard, advise, batch, test — produces exactly this, from the same `evaluate`.
import type { Family, Fit, Phase } from './schema.ts';

export type AnswerValue = string | number | boolean | readonly string[];
/** A flat map from question id to value (contract §2). */
export type Answers = Readonly<Record<string, AnswerValue>>;

export type Lang = 'nl' | 'en';

export interface Reason {
  readonly text: string;
  /** The answers that caused it: question id → the value given. */
  readonly because: Readonly<Record<string, AnswerValue>>;
  readonly sources: readonly string[];
}

export interface AdvisedRoute {
  readonly id: string;
  readonly family: Family;
  readonly fit: Fit;
  readonly score: number;
  readonly title: string;
  readonly summary?: string;
  readonly whoDecides?: string;
  readonly reasons: readonly Reason[];
  readonly steps: readonly string[];
  readonly evidence: readonly string[];
  readonly pitfalls?: readonly string[];
  readonly sources?: readonly string[];
  readonly verify: boolean;
  readonly verifyNote?: string;
}

export interface ExcludedRoute {
  readonly id: string;
  readonly family: Family;
  readonly title?: string;
  readonly why: string;
  readonly because?: Readonly<Record<string, AnswerValue>>;
  readonly sources?: readonly string[];
}

export interface StakeholderItem {
  readonly id: string;
  readonly name: string;
  readonly phase: Phase;
  /** `now` for the innovator's current phase or earlier, `next` for the phase after, `later`. */
  readonly when?: 'now' | 'next' | 'later';
  readonly why: string;
  readonly bring?: readonly string[];
  readonly sources?: readonly string[];
  /** How to reach it: what to ask for, and its web site when the rules give one. */
  readonly contact?: { readonly ask: string; readonly site?: string };
}

export interface PartyBalance {
  readonly party: string;
  readonly cost: number;
  readonly benefit: number;
  readonly net: number;
}

export interface Transfer {
  readonly from: string;
  readonly to: string;
  readonly amount: number;
}

export interface CostBenefit {
  readonly parties: readonly PartyBalance[];
  readonly total: number;
  readonly wrongPocket: boolean;
  readonly transfers: readonly Transfer[];
  readonly arrangements: readonly string[];
}

export interface BridgeItem {
  readonly id: string;
  readonly title: string;
  readonly why: string;
  readonly leadsTo?: readonly Family[];
  readonly sources?: readonly string[];
  readonly verify?: boolean;
  /** With verify: whom to confirm it with. */
  readonly verifyNote?: string;
}

export interface WarningItem {
  readonly id: string;
  readonly text: string;
  readonly sources?: readonly string[];
  readonly verify?: boolean;
  /** With verify: whom to confirm it with. */
  readonly verifyNote?: string;
}

export interface Advice {
  readonly schemaVersion: 1;
  readonly ruleset: { readonly version: string; readonly hash: string; readonly asOf: string };
  readonly input: Readonly<Record<string, string>>;
  readonly routes: readonly AdvisedRoute[];
  readonly excluded: readonly ExcludedRoute[];
  readonly stakeholders: readonly StakeholderItem[];
  readonly costBenefit: CostBenefit | null;
  readonly bridgeFunding: readonly BridgeItem[];
  readonly warnings: readonly WarningItem[];
  readonly openQuestions: readonly string[];
  /**
   * The cost/benefit arrangements the trees propose (also in costBenefit.arrangements when there
   * are figures). Always present, so that they are reported when no figures were given and
   * costBenefit is null.
   */
  readonly arrangements?: readonly string[];
}

export interface EvaluateOptions {
  /** YYYY-MM-DD; time-limited instruments are judged at this date. */
  readonly asOf: string;
  readonly lang: Lang;
  /** Echoed as `input` (batch: the row's id or line number). */
  readonly input?: Readonly<Record<string, string>>;
}
