// The advice engine: evaluate(rules, answers) walks every tree once (walk.ts) with a visitor that
// collects the effects (collect.ts), decides the routes (rank.ts), the checklist (stakeholders.ts)
// and the open questions, and writes the Advice of the contract (§4) in one language. Pure: no
// I/O, no clock; the same rules, answers and options give the same Advice, byte for byte.
// docs/engine.md describes every decision for rule authors; docs/architecture.md the structure.
import type {
  Advice,
  AnswerValue,
  Answers,
  BridgeItem,
  EvaluateOptions,
  Lang,
  WarningItem,
} from './advice.ts';
import { EffectCollector } from './collect.ts';
import type { Collected } from './collect.ts';
import type { CostBenefitFigures } from './cost-benefit.ts';
import { derived, emptyValues, factsOf, sanitize } from './facts.ts';
import type { Facts } from './facts.ts';
import type { Family, Fit } from './ids.ts';
import { openQuestions } from './open-questions.ts';
import { programOf } from './program.ts';
import type { Program } from './program.ts';
import { advisedRoute, excludedRoute, rankRoutes } from './rank.ts';
import type { RouteDecisions } from './rank.ts';
import type { RuleSet } from './ruleset.ts';
import { checklistOf, stakeholderItems } from './stakeholders.ts';
import type { Checklist } from './stakeholders.ts';
import { validAt } from './texts.ts';
import type { BridgeTexts, Validity, WarningTexts } from './texts.ts';
import { walk } from './walk.ts';

export { whenOf } from './stakeholders.ts';

/** Everything an advice decides, before it is written in a language. */
export interface Decisions extends RouteDecisions {
  readonly collected: Collected;
  readonly checklist: Checklist;
  /**
   * The warnings and bridge items (by number: `Program.warningIds`, `.bridgeIds`) that are in the
   * registry and valid at asOf, in order of mention.
   */
  readonly warnings: readonly number[];
  readonly bridge: readonly number[];
  readonly openQuestions: readonly string[];
}

/** Walks the trees with the facts and decides; the same for every language. */
export function decide(program: Program, facts: Facts, asOf: string): Decisions {
  const collector = new EffectCollector(program);
  walk(program, facts.values, collector);
  const c = collector.collected;
  const routes = rankRoutes(program, c.routes, asOf);
  const registry = program.texts.nl; // validity dates are the same in every language
  const valid = (mentioned: readonly number[], items: readonly (Validity | undefined)[]) =>
    mentioned.filter((n) => {
      const item = items[n];
      return item !== undefined && validAt(item, asOf);
    });
  return {
    advised: routes.advised,
    excluded: routes.excluded,
    collected: c,
    checklist: checklistOf(program, routes.advised, c.duties),
    warnings: valid(c.warnings, registry.warnings),
    bridge: valid(c.bridge, registry.bridge),
    openQuestions: openQuestions(program, c.open, facts.values, true),
  };
}

function bridgeItem(id: string, b: BridgeTexts): BridgeItem {
  // the keys in the contract's order, the optional ones only when there is something to say
  const item: { -readonly [K in keyof BridgeItem]: BridgeItem[K] } = {
    id,
    title: b.title,
    why: b.why,
  };
  // the lists are the program's (texts.ts): shared, not copied
  if (b.leadsTo) item.leadsTo = b.leadsTo as readonly Family[];
  item.sources = b.sources;
  item.verify = b.verify;
  if (b.verifyNote !== undefined) item.verifyNote = b.verifyNote;
  return item;
}

function warningItem(id: string, w: WarningTexts): WarningItem {
  const sources = w.sources; // the program's (texts.ts), shared
  return w.verifyNote === undefined
    ? { id, text: w.text, sources, verify: w.verify }
    : { id, text: w.text, sources, verify: w.verify, verifyNote: w.verifyNote };
}

/** The Advice of decisions, in one language. */
function adviceOf(program: Program, facts: Facts, d: Decisions, options: EvaluateOptions): Advice {
  const rules = program.rules;
  const lang: Lang = options.lang === 'en' ? 'en' : 'nl';
  const { asOf } = options;
  const texts = program.texts[lang];
  const values = facts.values;
  const input: Record<string, string> = {};
  for (const k of Object.keys(options.input ?? {})) {
    const v = options.input![k];
    if (typeof v === 'string') input[k] = v;
  }
  const figures = facts.figures;
  return {
    schemaVersion: 1,
    ruleset: { version: rules.version, hash: rules.hash, asOf },
    input,
    routes: d.advised.map((r) => advisedRoute(r, d.collected, texts.routes, values, lang)),
    excluded: d.excluded.map((x) =>
      excludedRoute(x, d.collected, texts.routes, values, asOf, lang),
    ),
    stakeholders: stakeholderItems(program, d.checklist, values[program.phaseSlot], lang),
    costBenefit: figures
      ? {
          parties: figures.parties,
          total: figures.total,
          wrongPocket: figures.wrongPocket,
          transfers: figures.transfers,
          arrangements: d.collected.arrangements.slice(),
        }
      : null,
    bridgeFunding: d.bridge.map((n) => bridgeItem(program.bridgeIds[n]!, texts.bridge[n]!)),
    warnings: d.warnings.map((n) => warningItem(program.warningIds[n]!, texts.warnings[n]!)),
    openQuestions: d.openQuestions.slice(),
    arrangements: d.collected.arrangements,
  };
}

/**
 * The advice for one set of answers. Never throws on answers: unknown questions, invalid values
 * and missing answers are taken as they are (conditions on them are false or unknown).
 */
export function evaluate(rules: RuleSet, answers: Answers, options: EvaluateOptions): Advice {
  const program = programOf(rules);
  const facts = factsOf(program, answers);
  return adviceOf(program, facts, decide(program, facts, options.asOf), options);
}

// ---------------------------------------------------------------------------------------------
// Verdicts: the decisions without the texts, for batch rows.

/**
 * The decisions of an Advice without its texts: what a batch row's CSV cells and the batch
 * summary are made of. `verdictOf(evaluate(…))` and `RowEvaluator.verdict` give the same.
 */
export interface Verdict {
  /** The advised routes, best first (Advice.routes). */
  readonly routes: readonly {
    readonly id: string;
    readonly family: Family;
    readonly fit: Fit;
    readonly score: number;
  }[];
  /** The checklist's stakeholder ids, in its order (Advice.stakeholders). */
  readonly stakeholders: readonly string[];
  /** The warning ids (Advice.warnings). */
  readonly warnings: readonly string[];
  /** The bridge funding ids (Advice.bridgeFunding). */
  readonly bridge: readonly string[];
  /** The cost/benefit arrangement ids (Advice.arrangements). */
  readonly arrangements: readonly string[];
  readonly openQuestions: readonly string[];
  /** Null without figures; `losses` is the sum of the negative balances (0 or less). */
  readonly costBenefit: { readonly wrongPocket: boolean; readonly losses: number } | null;
}

function lossesOf(parties: readonly { readonly net: number }[]): number {
  let losses = 0;
  for (const p of parties) if (p.net < 0) losses += p.net;
  return losses;
}

function costBenefitVerdict(
  figures: Pick<CostBenefitFigures, 'wrongPocket' | 'parties'> | null,
): Verdict['costBenefit'] {
  return figures ? { wrongPocket: figures.wrongPocket, losses: lossesOf(figures.parties) } : null;
}

/** The Verdict of an Advice. */
export function verdictOf(advice: Advice): Verdict {
  const cb = advice.costBenefit;
  return {
    routes: advice.routes.map(({ id, family, fit, score }) => ({ id, family, fit, score })),
    stakeholders: advice.stakeholders.map((s) => s.id),
    warnings: advice.warnings.map((w) => w.id),
    bridge: advice.bridgeFunding.map((b) => b.id),
    arrangements: [...(advice.arrangements ?? [])],
    openQuestions: [...advice.openQuestions],
    costBenefit: costBenefitVerdict(cb),
  };
}

/**
 * Evaluates rows of answers to a fixed list of questions — the columns of a batch file.
 * `advice(values)` equals `evaluate` on the answers `{ [questions[i]]: values[i] }` (undefined:
 * unanswered); `verdict(values)` equals `verdictOf` of that Advice, without writing its texts.
 */
export class RowEvaluator {
  private readonly program: Program;
  /** Per column: the slot its answer fills, or -1 (no rule reads it, or a derived fact). */
  private readonly slots: readonly number[];

  constructor(
    rules: RuleSet,
    readonly questions: readonly string[],
  ) {
    const program = (this.program = programOf(rules));
    // a column named twice: the last one counts, as the last key of an answers object would
    this.slots = questions.map((id, i) =>
      questions.lastIndexOf(id) === i ? (program.answerSlots[id] ?? -1) : -1,
    );
  }

  /** The facts of a row: its answers in their slots, and the derived facts. */
  facts(values: readonly (AnswerValue | undefined)[]): Facts {
    const slotted = emptyValues(this.program);
    for (let i = 0; i < this.slots.length; i++) {
      const s = this.slots[i]!;
      const x = values[i];
      if (s >= 0 && x !== undefined) slotted[s] = sanitize(x);
    }
    return derived(this.program, slotted);
  }

  advice(values: readonly (AnswerValue | undefined)[], options: EvaluateOptions): Advice {
    const facts = this.facts(values);
    return adviceOf(this.program, facts, decide(this.program, facts, options.asOf), options);
  }

  verdict(values: readonly (AnswerValue | undefined)[], options: EvaluateOptions): Verdict {
    const facts = this.facts(values);
    return verdictFrom(this.program, facts, decide(this.program, facts, options.asOf));
  }
}

/** The Verdict of decisions, without writing the Advice's texts. */
export function verdictFrom(program: Program, facts: Facts, d: Decisions): Verdict {
  return {
    routes: d.advised.map((r) => ({
      id: r.tally.id,
      family: r.family,
      fit: r.fit,
      score: r.score,
    })),
    stakeholders: d.checklist.entries.map((e) => program.stakeholderIds[e.stakeholder]!),
    warnings: d.warnings.map((n) => program.warningIds[n]!),
    bridge: d.bridge.map((n) => program.bridgeIds[n]!),
    arrangements: d.collected.arrangements.slice(),
    openQuestions: d.openQuestions.slice(),
    costBenefit: costBenefitVerdict(facts.figures),
  };
}
