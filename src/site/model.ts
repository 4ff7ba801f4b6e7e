// The site as data: every page with what it shows, made once from the rule set, the date and the
// language (site.ts), before anything is rendered. Pure and plain, so that a test can ask what a
// page says without parsing HTML, and a renderer only lays it out.
import type { Advice, Answers, Lang } from '../core/advice.ts';
import type { Family, Fit, Phase } from '../core/ids.ts';
import type { Summary } from '../report/summary.ts';
import type { Clause } from './clauses.ts';

/** A source as the reports list it: title, publisher, year and address (line numbers stay out). */
export interface SourceRef {
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  readonly year?: number;
  readonly url?: string;
}

/** Whether a dated instrument applies at the site's date, and the sentence that says so. */
export interface ValidityInfo {
  readonly status: 'valid' | 'lapsed' | 'not-yet';
  readonly validFrom?: string;
  readonly validUntil?: string;
  /** The day it lapsed (the day after validUntil). */
  readonly lapsedOn?: string;
  /** "Deze regeling is vervallen per 1 februari 2025." (lapsed or not yet valid). */
  readonly why?: string;
}

export interface VerifyMark {
  readonly verify: boolean;
  readonly note?: string;
}

/** A link to another page: its path from the site's root and its title. */
export interface PageLink {
  readonly href: string;
  readonly title: string;
}

/** Where a rule applies: the way through a tree to the node, said as conditions. */
export interface RuleWhen {
  /** The tree (a family, or preconditions / cost-benefit). */
  readonly tree: string;
  readonly node: string;
  /** All of these hold on the way (root first); empty: every walk of the tree comes here. */
  readonly clauses: readonly Clause[];
}

export interface FitRule extends RuleWhen {
  readonly score: number;
  readonly fit: Fit;
  readonly reason: string;
}

export interface AdjustRule extends RuleWhen {
  readonly add: number;
  readonly reason: string;
}

export interface ExcludeRule extends RuleWhen {
  readonly why: string;
}

export interface PhaseDuty {
  readonly phase: Phase;
  readonly stakeholder: PageLink & { readonly id: string };
  readonly why: string;
}

/** A route's place in its tree: the decisions from the root to where it fits best. */
export interface TreePlace {
  readonly tree: string;
  readonly treeTitle: string;
  /** Short labels of the steps: each decision's question, and the route itself last. */
  readonly steps: readonly string[];
  /** How many nodes the tree has. */
  readonly nodes: number;
}

export interface RoutePage {
  readonly kind: 'route';
  readonly id: string;
  readonly href: string;
  readonly family: Family;
  readonly title: string;
  readonly summary: string;
  readonly whoDecides?: string;
  readonly steps: readonly string[];
  readonly evidence: readonly string[];
  readonly pitfalls: readonly string[];
  readonly warnings: readonly {
    readonly id: string;
    readonly text: string;
    readonly verify: VerifyMark;
  }[];
  readonly stakeholders: readonly PhaseDuty[];
  readonly fits: readonly FitRule[];
  readonly adjusts: readonly AdjustRule[];
  readonly excludes: readonly ExcludeRule[];
  readonly bridges: readonly PageLink[];
  readonly examples: readonly PageLink[];
  readonly place?: TreePlace;
  readonly sources: readonly SourceRef[];
  readonly validity?: ValidityInfo;
  readonly verify: VerifyMark;
}

export interface StakeholderPage {
  readonly kind: 'stakeholder';
  readonly id: string;
  readonly href: string;
  readonly name: string;
  readonly role: string;
  readonly when?: string;
  readonly bring: readonly string[];
  /** The routes that name this party, with the phase and the role there. */
  readonly routes: readonly (PageLink & { readonly phase: Phase; readonly why: string })[];
  /** Families whose trees name this party for other reasons (checks that hold whatever the route). */
  readonly trees: readonly {
    readonly tree: string;
    readonly title: string;
    readonly phase: Phase;
    readonly why: string;
    readonly clauses: readonly Clause[];
  }[];
  readonly sources: readonly SourceRef[];
  readonly verify: VerifyMark;
}

export interface BridgePage {
  readonly kind: 'bridge';
  readonly id: string;
  readonly href: string;
  readonly title: string;
  readonly why: string;
  readonly leadsTo: readonly Family[];
  /** Where the trees offer it, said as conditions. */
  readonly offered: readonly RuleWhen[];
  readonly sources: readonly SourceRef[];
  readonly validity?: ValidityInfo;
  readonly verify: VerifyMark;
}

/** One question that decides between two families, with what the rules then say. */
export interface BorderQuestion {
  readonly question: string;
  readonly text: string;
  readonly help?: string;
  /** Each reason once, with the routes of the pair it rules out. */
  readonly decisions: readonly {
    readonly why: string;
    readonly family: Family;
    readonly routes: readonly PageLink[];
  }[];
  readonly examples: readonly PageLink[];
}

export interface Border {
  readonly families: readonly [Family, Family];
  readonly questions: readonly BorderQuestion[];
}

export interface AnswerLine {
  readonly question: string;
  readonly text: string;
  readonly answer: string;
}

export interface ExamplePage {
  readonly kind: 'example';
  readonly id: string;
  readonly href: string;
  readonly title: string;
  /** A worked case (an answers file) or a rule test case. */
  readonly source: 'worked' | 'test';
  /** The file it comes from, relative (`data/cue2walk.yaml`, `tests/zvw.yaml`). */
  readonly file: string;
  /** The case's own name and description, as the rule author wrote them (often English). */
  readonly name: string;
  readonly description?: string;
  readonly asOf: string;
  readonly answers: Answers;
  readonly answerLines: readonly AnswerLine[];
  readonly advice: Advice;
  /** The summary every report opens with (report/summary.ts). */
  readonly summary: Summary;
  readonly topRoute?: PageLink;
}

export interface FamilyInfo {
  readonly id: Family;
  readonly label: string;
  readonly title: string;
  readonly description?: string;
  readonly routes: readonly PageLink[];
}

export interface PhasePage {
  readonly kind: 'phase';
  readonly id: Phase;
  readonly href: string;
  readonly title: string;
  /** Whom to involve in this phase: each party once, with the routes that ask for it then. */
  readonly items: readonly {
    readonly stakeholder: PageLink & { readonly id: string };
    readonly routes: readonly (PageLink & { readonly why: string })[];
  }[];
}

export interface SearchEntry {
  /** Path from the site's root. */
  readonly u: string;
  readonly t: string;
  /** What kind of page, in the site's language. */
  readonly k: string;
  /** The words it is found by (title, summary, conditions), lower case. */
  readonly w: string;
}

export interface RulesetInfo {
  readonly name: string;
  readonly version: string;
  readonly hash: string;
  readonly disclaimer: string;
  /** The newest last_reviewed date of the rule files. */
  readonly reviewed: string;
}

export interface SiteModel {
  readonly lang: Lang;
  readonly asOf: string;
  readonly ruleset: RulesetInfo;
  readonly families: readonly FamilyInfo[];
  /** The cost/benefit tree: what it asks, and the arrangements the rules can propose. */
  readonly costBenefit: {
    readonly title: string;
    readonly description?: string;
    readonly arrangements: readonly string[];
  };
  readonly routes: readonly RoutePage[];
  readonly stakeholders: readonly StakeholderPage[];
  readonly bridges: readonly BridgePage[];
  readonly borders: readonly Border[];
  readonly examples: readonly ExamplePage[];
  readonly phases: readonly PhasePage[];
  readonly search: readonly SearchEntry[];
}

/** An example to show: an answers file or a rule test case, answers as written. */
export interface ExampleInput {
  readonly source: 'worked' | 'test';
  readonly file: string;
  readonly name: string;
  readonly description?: string;
  readonly asOf?: string;
  readonly answers: Readonly<Record<string, unknown>>;
}
