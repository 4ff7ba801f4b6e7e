// npm run bench -- engine: evaluations per second of `evaluate` — the built engine in dist/, as
// users run it (`npm run bench` builds first) — with the shipped rules (rules/, loaded with the
// real loader), on a mix of realistic answer sets: the example answers in data/ and random answer
// sets drawn (with a fixed seed) from the rule set's own questions. Target: at least 50,000
// evaluations per second. While the content is still being written, a second run
// completes the shipped rules with synthetic trees for the families that have none yet (~70 nodes
// each), so that the target is also measured at the full size of ~6 trees and a few hundred nodes.
import { figure } from './figures.ts';
import type { Figure } from './figures.ts';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataAnswers, mulberry32, randomAnswers } from '../engine/answer-sets.ts';
import type { Answers } from '../../src/core/advice.ts';
import { compileRuleSet } from '../../src/core/compile.ts';
import type { Advice, EvaluateOptions } from '../../src/core/advice.ts';
import { nextQuestion } from '../../src/core/next-question.ts';
import type { ParsedFile, RuleSet } from '../../src/core/ruleset.ts';
import { FAMILIES, TREE_FAMILIES } from '../../src/core/schema.ts';
import type { Node, TreeFile } from '../../src/core/schema.ts';
import { loadRuleDir } from '../../src/io/load.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TARGET = 50_000;
const AS_OF = '2026-11-27';
const SECONDS = 2;

function syntheticTree(rules: RuleSet, family: string, size: number, seed: number): TreeFile {
  const rnd = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const choice = [...rules.questions.values()].filter(
    (q) => q.core && (q.kind === 'one' || q.kind === 'many') && q.optionIds.length > 1,
  );
  // the family's routes, or (while its registry is still empty) any route: the engine does not mind
  const own = [...rules.routes.keys()].filter((r) => r.startsWith(`${family}.`));
  const routes = own.length > 0 ? own : [...rules.routes.keys()];
  const stakeholders = [...rules.stakeholders.keys()];
  const warnings = [...rules.warnings.keys()];
  const text = { nl: 'Synthetisch.', en: 'Synthetic.' };
  const nodes: Node[] = [];
  const id = (i: number) => (i >= size - 1 ? 'end' : `n${i}`);
  for (let i = 0; i < size - 1; i++) {
    const q = pick(choice);
    const effects: Node['effects'] =
      rnd() < 0.5
        ? {
            ...(routes.length > 0 && (FAMILIES as readonly string[]).includes(family)
              ? {
                  routes: [
                    {
                      route: pick(routes),
                      score: Math.floor(rnd() * 90) + 10,
                      reason: text,
                      because: [q.id],
                      sources: ['synthetic'],
                    },
                  ],
                }
              : {}),
            ...(rnd() < 0.3
              ? {
                  stakeholders: [
                    {
                      stakeholder: pick(stakeholders),
                      phase: 'develop' as const,
                      why: text,
                      sources: ['synthetic'],
                    },
                  ],
                }
              : {}),
            ...(rnd() < 0.3 && warnings.length > 0 ? { warnings: [pick(warnings)] } : {}),
          }
        : undefined;
    const a = id(i + 1);
    const b = id(Math.min(size - 1, i + 2));
    if (q.kind === 'one') {
      nodes.push({
        id: id(i),
        ...(effects ? { effects } : {}),
        switch: q.id,
        cases: [{ when: [q.optionIds[0]!], next: a }],
        otherwise: b,
        ...(rnd() < 0.7 ? { unanswered: a } : {}),
      });
    } else {
      nodes.push({
        id: id(i),
        ...(effects ? { effects } : {}),
        if: { question: q.id, includes_any: [q.optionIds[0]!, q.optionIds[1]!] },
        then: a,
        else: b,
        ...(rnd() < 0.7 ? { unknown: b } : {}),
      });
    }
  }
  nodes.push({ id: 'end', end: true });
  return {
    kind: 'tree',
    last_reviewed: AS_OF,
    family: family as TreeFile['family'],
    title: text,
    nodes,
  };
}

type Evaluate = (rules: RuleSet, answers: Answers, options: EvaluateOptions) => Advice;

// the built engine (what `innoroute` runs); tsx's transform of src/ is slower than tsc's output
const built = '../../dist/core/engine.js';
const { evaluate } = (await import(built)) as { evaluate: Evaluate };

function measure(
  label: string,
  rules: RuleSet,
  sets: readonly Answers[],
  run: Evaluate = evaluate,
): number {
  const lang = ['nl', 'en'] as const;
  // warm up
  for (let i = 0; i < 2000; i++)
    run(rules, sets[i % sets.length]!, { asOf: AS_OF, lang: lang[i & 1]! });
  let n = 0;
  let sink = 0;
  const start = performance.now();
  const end = start + SECONDS * 1000;
  let now = start;
  while (now < end) {
    for (let k = 0; k < 200; k++, n++) {
      const advice = run(rules, sets[n % sets.length]!, { asOf: AS_OF, lang: lang[n & 1]! });
      sink += advice.routes.length;
    }
    now = performance.now();
  }
  const perSecond = Math.round((n / (now - start)) * 1000);
  const nodes = rules.trees.reduce((s, t) => s + t.nodes.size, 0);
  console.log(
    `${label}: ${rules.trees.length} trees, ${nodes} nodes, ${sets.length} answer sets — ` +
      `${perSecond.toLocaleString('en')} evaluations/s (${(((now - start) / n) * 1000).toFixed(1)} µs each) ` +
      (run === evaluate
        ? `${perSecond >= TARGET ? 'PASS' : 'FAIL'} (target ${TARGET.toLocaleString('en')}/s)`
        : '(for comparison)'),
  );
  void sink;
  return perSecond;
}

function measureNext(rules: RuleSet, sets: readonly Answers[]): void {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 500) {
    for (let k = 0; k < 100; k++, n++) nextQuestion(rules, sets[n % sets.length]!);
  }
  const perSecond = Math.round((n / (performance.now() - start)) * 1000);
  console.log(
    `nextQuestion: ${perSecond.toLocaleString('en')} calls/s (informative: one per answer)`,
  );
}

export async function bench(): Promise<Figure[]> {
  const loaded = loadRuleDir(join(ROOT, 'rules'), { includeTests: false });
  const { rules, findings } = compileRuleSet(loaded.files, loaded.hash);
  const errors =
    loaded.diagnostics.filter((d) => d.severity === 'error').length +
    findings.filter((f) => f.severity === 'error').length;
  if (!rules) {
    console.log('the shipped rules do not compile (no ruleset file?): nothing to measure — FAIL');
    return [figure('evaluations/s', 'none', `≥ ${TARGET.toLocaleString('en')}`, false)];
  }
  if (errors > 0)
    console.log(`note: the shipped rules have ${errors} error(s); measuring them anyway`);
  const data = dataAnswers(rules);
  const sets = [...data, ...randomAnswers(rules, 500, 20261127)];
  console.log(`answer sets: ${data.length} from data/, ${sets.length - data.length} random`);
  const shipped = measure('shipped rules', rules, sets);

  const missing = TREE_FAMILIES.filter((f) => !rules.trees.some((t) => t.family === f));
  let full = shipped;
  if (missing.length > 0) {
    const extra: ParsedFile[] = missing.map((family, i) => ({
      file: `synthetic/${family}.yaml`,
      kind: 'tree',
      data: syntheticTree(rules, family, 70, 1000 + i),
    }));
    const completed = compileRuleSet([...loaded.files, ...extra], loaded.hash).rules!;
    full = measure(`shipped + synthetic trees for ${missing.join(', ')}`, completed, sets);
  }
  measureNext(rules, sets);
  const worst = Math.min(shipped, full);
  console.log(
    `engine: ${worst >= TARGET ? 'PASS' : 'FAIL'} — at least ${TARGET.toLocaleString('en')} evaluations/s`,
  );
  return [
    figure(
      'evaluations/s',
      worst.toLocaleString('en'),
      `≥ ${TARGET.toLocaleString('en')}`,
      worst >= TARGET,
    ),
  ];
}

// run directly: tsx test/bench/engine.ts
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bench();
