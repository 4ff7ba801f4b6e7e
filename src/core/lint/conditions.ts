// Conditions and switches against the questions they name: the question must exist, the
// operator must fit its kind, and every value must be one of its options. A switch must handle
// every option exactly once (or have `otherwise`).
import type { Origin, QuestionDef, TreeNode } from '../ruleset.ts';
import type { Comparison, Condition } from '../schema.ts';
import type { LintContext } from './context.ts';
import { operatorDef, operatorOf } from '../conditions.ts';
import { list, sub } from './context.ts';

/** How a kind reads in "works on … questions only". */
const KIND_LABEL = {
  text: 'text',
  one: 'one-choice',
  many: 'multiple-choice',
  boolean: 'yes/no',
  number: 'number',
} as const;

const KIND_NAME = {
  text: 'a text',
  one: 'a one-choice',
  many: 'a multiple-choice',
  boolean: 'a yes/no',
  number: 'a number',
} as const;

function question(ctx: LintContext, id: string, origin: Origin): QuestionDef | undefined {
  const q = ctx.rules.questions.get(id);
  if (!q) {
    ctx.error(
      origin,
      'unknown-question',
      `question "${id}" does not exist${ctx.hint(id, ctx.rules.questions.keys())}`,
    );
  }
  return q;
}

function show(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}

/** Walks a condition without recursion: conditions can nest as deep as the YAML allows. */
export function checkCondition(ctx: LintContext, cond: Condition, origin: Origin): void {
  const stack: { cond: Condition; path: (string | number)[] }[] = [{ cond, path: [] }];
  while (stack.length > 0) {
    const { cond: c, path } = stack.pop()!;
    if ('all' in c) c.all.forEach((x, i) => stack.push({ cond: x, path: [...path, 'all', i] }));
    else if ('any' in c)
      c.any.forEach((x, i) => stack.push({ cond: x, path: [...path, 'any', i] }));
    else if ('not' in c) stack.push({ cond: c.not, path: [...path, 'not'] });
    else checkComparison(ctx, c, sub(origin, ...path));
  }
}

function checkComparison(ctx: LintContext, c: Comparison, origin: Origin): void {
  const q = question(ctx, c.question, sub(origin, 'question'));
  if (!q) return;
  const kind = q.kind;
  const wrongKind = (op: string, advice: string) =>
    ctx.error(
      sub(origin, op),
      'comparison-kind',
      `\`${op}\` does not fit "${q.id}", ${KIND_NAME[kind]} question; ${advice}`,
      true,
    );
  const option = (v: unknown, at: Origin) => {
    if (typeof v !== 'string') {
      ctx.error(
        at,
        'comparison-kind',
        `"${q.id}" has option ids as answers; ${show(v)} is not one (quote it if it is an id)`,
      );
    } else if (!q.optionIds.includes(v)) {
      ctx.error(
        at,
        'unknown-option',
        `"${q.id}" has no option "${v}"${ctx.hint(v, q.optionIds)}; its options are ${list(q.optionIds)}`,
      );
    }
  };
  const typed = (v: unknown, type: 'boolean' | 'number' | 'string', at: Origin) => {
    if (typeof v === type) return;
    const expect = type === 'boolean' ? 'true or false' : type === 'number' ? 'a number' : 'text';
    ctx.error(
      at,
      'comparison-kind',
      `"${q.id}" is ${KIND_NAME[kind]} question: compare it with ${expect}, not ${show(v)}`,
    );
  };
  const scalarType = kind === 'boolean' ? 'boolean' : kind === 'number' ? 'number' : 'string';

  const name = operatorOf(c);
  if (name === undefined) return;
  const def = operatorDef(name);
  if (!def.fits.includes(kind)) {
    const kinds = def.fits.map((k) => KIND_LABEL[k]).join(' and ');
    wrongKind(name, def.hints?.[kind] ?? `${name} works on ${kinds} questions only`);
    return;
  }
  // the operand against the question: option ids for a choice question, else the answer's type
  const operand = c[name];
  const values: unknown[] = Array.isArray(operand) ? operand : [operand];
  const at = (i: number) => (Array.isArray(operand) ? sub(origin, name, i) : sub(origin, name));
  switch (def.operand) {
    case 'scalar':
    case 'scalars':
      values.forEach((v, i) => (kind === 'one' ? option(v, at(i)) : typed(v, scalarType, at(i))));
      break;
    case 'option':
    case 'options':
      values.forEach((v, i) => option(v, at(i)));
      break;
    default: // number and boolean operands are checked by the schema
  }
}

/** A switch on a one-choice or yes/no question: every option handled by exactly one case. */
export function checkSwitch(ctx: LintContext, node: TreeNode): void {
  if (node.switch === undefined) return;
  const q = question(ctx, node.switch, sub(node.origin, 'switch'));
  if (!q) return;
  if (q.kind !== 'one' && q.kind !== 'boolean') {
    ctx.error(
      sub(node.origin, 'switch'),
      'comparison-kind',
      `a switch works on one-choice and yes/no questions; "${q.id}" is ${KIND_NAME[q.kind]} question: use an if node`,
    );
    return;
  }
  const domain: readonly (string | boolean)[] = q.kind === 'boolean' ? [true, false] : q.optionIds;
  const handledBy = new Map<string | boolean, number>();
  (node.cases ?? []).forEach((c, i) => {
    const seenHere = new Set<string | boolean>();
    c.when.forEach((v, j) => {
      const at = sub(node.origin, 'cases', i, 'when', j);
      const valid = q.kind === 'boolean' ? typeof v === 'boolean' : typeof v === 'string';
      if (!valid || !domain.includes(v)) {
        ctx.error(
          at,
          'unknown-option',
          q.kind === 'boolean'
            ? `"${q.id}" is a yes/no question: a case is \`when: [true]\` or \`when: [false]\`, not ${show(v)}`
            : `"${q.id}" has no option ${show(v)}${typeof v === 'string' ? ctx.hint(v, q.optionIds) : ''}; its options are ${list(q.optionIds)}`,
        );
        return;
      }
      if (seenHere.has(v)) return;
      seenHere.add(v);
      const first = handledBy.get(v);
      if (first !== undefined) {
        ctx.error(
          at,
          'switch-overlap',
          `${show(v)} is handled by case ${first + 1} and again by case ${i + 1}; an option belongs to one case`,
        );
        return;
      }
      handledBy.set(v, i);
    });
  });
  if (node.otherwise !== undefined) return;
  const missing = domain.filter((v) => !handledBy.has(v));
  if (missing.length > 0) {
    ctx.error(
      sub(node.origin, 'switch'),
      'switch-gap',
      `no case handles ${list(missing.map(String))} of "${q.id}"; add a case for ${missing.length === 1 ? 'it' : 'them'} or an \`otherwise\``,
    );
  }
}
