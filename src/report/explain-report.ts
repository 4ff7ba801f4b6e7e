// `innoroute explain` as text or Markdown: the recommendation and how the rules came to it, the
// families that do not pay and why, and what would change the advice. `renderChanges` is that last
// section on its own, for the advice reports to include. Plain words; every question by its text
// and every answer by its label, with the id and value in brackets.
import type { ChalkInstance } from 'chalk';
import type { Answers, Lang } from '../core/advice.ts';
import type { Counterfactual, Explanation, RouteTrace, TraceStep } from '../core/explain.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { explainStrings } from './explain-strings.ts';
import { counterfactualSentence, routeName, stepLines } from './explain-phrases.ts';
import type { Phrasing } from './explain-phrases.ts';
import { familyLabel, innovationName } from './labels.ts';
import { wrap } from './wrap.ts';
import { ui } from './ui-strings.ts';

export interface ExplainReportOptions {
  readonly rules: RuleSet;
  readonly lang: Lang;
  /** The answers explained: the changes are said against them. */
  readonly answers: Answers;
  readonly format: 'text' | 'markdown';
  /** Text: columns to wrap to (default 100). */
  readonly width?: number;
  /** Text: bold headings through this chalk (level 0: none). */
  readonly chalk?: ChalkInstance;
}

/** For the whole advice: the first change of this many routes, and this many per family. */
const ROUTES_SHOWN = 5;
const CHANGES_SHOWN = 2;

/** Lines of a report, written as text or Markdown. */
class Writer {
  private readonly out: string[] = [];
  readonly phrasing: Phrasing;
  private readonly md: boolean;
  private readonly width: number;

  constructor(private readonly opts: ExplainReportOptions) {
    this.md = opts.format === 'markdown';
    this.width = Math.max(40, opts.width ?? 100);
    const code = this.md ? (id: string) => `\`${id}\`` : (id: string) => id;
    this.phrasing = { rules: opts.rules, lang: opts.lang, code };
  }

  heading(level: 1 | 2 | 3, title: string): void {
    if (this.md) {
      if (this.out.length > 0) this.out.push('');
      this.out.push(`${'#'.repeat(level)} ${escapeMarkdown(title)}`, '');
      return;
    }
    const bold = this.opts.chalk ? this.opts.chalk.bold : (s: string) => s;
    if (level === 1) this.out.push(bold(title));
    else if (level === 2) this.out.push('', bold(title));
    else this.out.push(wrap(title, this.width, '  ', '  '));
  }

  line(text: string): void {
    if (this.md) this.out.push(escapeMarkdown(text), '');
    else this.out.push(wrap(text, this.width, '  ', '  '));
  }

  item(text: string, depth = 0): void {
    if (this.md) this.out.push(`${'  '.repeat(depth)}- ${escapeMarkdown(text)}`);
    else {
      const indent = '  '.repeat(depth + 1);
      this.out.push(wrap(text, this.width, `${indent} • `, `${indent}   `));
    }
  }

  /** Markdown: a blank line to end a list. */
  endList(): void {
    if (this.md && this.out.at(-1) !== '') this.out.push('');
  }

  toString(): string {
    const lines = [...this.out];
    while (lines.at(-1) === '') lines.pop();
    return `${lines.join('\n')}\n`;
  }
}

/** Markdown: escapes what would start markup, outside code spans. */
export function escapeMarkdown(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/([\\*_[\]<>])/g, '\\$1')))
    .join('')
    .replace(/\r?\n/g, ' ');
}

export function renderExplanation(e: Explanation, opts: ExplainReportOptions): string {
  const w = new Writer(opts);
  const s = explainStrings(opts.lang);
  const p = w.phrasing;
  const rulesetLine = ui(opts.lang).rulesetLine(e.advice.ruleset.version, e.advice.ruleset.asOf);
  const [asked] = e.trace.routes;

  if (e.route !== undefined && asked) {
    w.heading(1, s.routeTitle(routeName(p, asked.route)));
    w.line(rulesetLine);
    routeBlock(w, e, asked, s.status[asked.status]);
    changes(w, e, opts);
    return w.toString();
  }

  w.heading(1, s.title(innovationName(opts.answers)));
  w.line(rulesetLine);
  if (!asked) {
    w.heading(2, s.recommendation);
    w.line(s.noRoute);
  } else {
    w.heading(2, `${s.recommendation}: ${routeName(p, asked.route)}`);
    routeBlock(w, e, asked);
  }

  w.heading(2, s.notPaying);
  if (e.trace.families.length === 0) w.line(s.everyFamilyPays);
  else {
    w.line(s.notPayingIntro);
    for (const f of e.trace.families) {
      const label = familyLabel(f.family, opts.lang);
      const status =
        f.status === 'absent'
          ? s.familyAbsent
          : s.familyExcluded(f.excluded.map(p.code).join(', '));
      w.item(`${label}: ${status}`);
      steps(w, f.steps, 1);
    }
    w.endList();
  }
  changes(w, e, opts);
  return w.toString();
}

function routeBlock(w: Writer, e: Explanation, r: RouteTrace, status?: string): void {
  const s = explainStrings(w.phrasing.lang);
  const score = r.score !== undefined ? s.score(r.score) : undefined;
  if (status) w.line([status, score].filter(Boolean).join(', '));
  else if (score) w.line(score);
  const excluded = e.advice.excluded.find((x) => x.id === r.route);
  if (excluded) w.line(excluded.why);
  w.heading(3, s.howItGotHere);
  steps(w, r.steps, 0);
  w.endList();
  if (r.effects.length > 0) {
    w.heading(3, s.effects);
    for (const x of r.effects) {
      const where = w.phrasing.code(`${x.tree}/${x.node}`);
      w.item(
        x.effect === 'award'
          ? s.effect.award(where, x.score!)
          : x.effect === 'adjust'
            ? s.effect.adjust(where, x.add!)
            : s.effect.exclude(where),
      );
    }
    w.endList();
  }
}

function steps(w: Writer, list: readonly TraceStep[], depth: number): void {
  if (list.length === 0) {
    w.item(explainStrings(w.phrasing.lang).nothingAsked, depth);
    return;
  }
  // two nodes may test the same thing: it is said once
  const said = new Set<string>();
  for (const step of list) {
    for (const line of stepLines(w.phrasing, step)) {
      if (!said.has(line)) w.item(line, depth);
      said.add(line);
    }
  }
}

function familyOf(rules: RuleSet, route: string): string {
  return rules.routes.get(route)?.family ?? route.slice(0, route.indexOf('.'));
}

/** Counterfactuals with the same change and effect, in order of first appearance. */
function byChange(list: readonly Counterfactual[]): { c: Counterfactual; routes: string[] }[] {
  const groups = new Map<string, { c: Counterfactual; routes: string[] }>();
  for (const c of list) {
    const key = `${c.effect} ${JSON.stringify(c.change)}`;
    const g = groups.get(key);
    if (g) g.routes.push(c.route);
    else groups.set(key, { c, routes: [c.route] });
  }
  return [...groups.values()];
}

/**
 * The changes. For the whole advice, briefly: the first change for each of a few routes, and
 * per family that does not pay a few changes, each with the routes it opens (the JSON has them
 * all). For one route (explain --route), every change found.
 */
function changes(w: Writer, e: Explanation, opts: ExplainReportOptions): void {
  const s = explainStrings(opts.lang);
  const one = e.route !== undefined ? e.trace.routes[0] : undefined;
  w.heading(2, s.changes);
  w.line(s.changesIntro);
  const say = (c: Counterfactual, routes: readonly string[]) =>
    w.item(counterfactualSentence(w.phrasing, c, routes, opts.answers));
  const part = (
    title: string,
    list: readonly Counterfactual[],
    empty: string,
    brief: () => number,
  ) => {
    w.heading(3, title);
    if (list.length === 0) w.item(empty);
    else if (one) for (const c of list) say(c, [c.route]);
    else {
      const hidden = list.length - brief();
      if (hidden > 0) w.item(s.more(hidden));
    }
    w.endList();
  };
  const first = e.counterfactuals.filter((c) => c.effect === 'first');
  const opens = e.counterfactuals.filter((c) => c.effect === 'opens');
  if (one) {
    const none = () => 0;
    part(s.makesFirst, first, one.status === 'first' ? s.alreadyFirst : s.noChange, none);
    if (one.status !== 'first' && one.status !== 'advised') {
      part(s.bringsIn, opens, s.noChange, none);
    }
  } else {
    part(s.otherFirst, first, s.noChange, () => {
      const routes = [...new Set(first.map((c) => c.route))].slice(0, ROUTES_SHOWN);
      for (const r of routes)
        say(
          first.find((c) => c.route === r)!,
          [r],
        );
      return routes.length;
    });
    if (e.trace.families.length > 0) {
      part(s.opensFamily, opens, s.noChange, () => {
        let shown = 0;
        for (const f of e.trace.families) {
          const mine = opens.filter((c) => familyOf(opts.rules, c.route) === f.family);
          for (const g of byChange(mine).slice(0, CHANGES_SHOWN)) {
            say(g.c, g.routes);
            shown += g.routes.length;
          }
        }
        return shown;
      });
    }
  }
  w.line(
    e.search.complete
      ? s.searched(e.search.evaluations, e.search.questions.length)
      : s.cutShort(e.search.evaluations),
  );
}

/** The section "What would change the advice" alone, for the advice reports (text or Markdown). */
export function renderChanges(e: Explanation, opts: ExplainReportOptions): string {
  const w = new Writer(opts);
  changes(w, e, opts);
  return w.toString();
}
