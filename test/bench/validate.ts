// Benchmark of `innoroute validate`: generates synthetic rule sets of 2,000 and 20,000 tree nodes
// (six trees of long chains of blocks with switches, conditions, sequences and effects), then
// loads, compiles and lints each one, best of three. Targets: 20,000 nodes in at most 1 s, and
// at most 12 times the time of 2,000 nodes (growth close to linear). It also times yaml's parse
// of the same files alone (what the loader's `syntaxTree` does, nothing after it): the part of the
// load that only a faster YAML parser can shorten.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, visit } from 'yaml';
import type { YAMLMap, YAMLSeq } from 'yaml';
import { compileRuleSet } from '../../src/core/compile.ts';
import { compareDiagnostics } from '../../src/core/diagnostics.ts';
import { lint } from '../../src/core/lint.ts';
import { FAMILIES, TREE_FAMILIES } from '../../src/core/schema.ts';
import { findYamlFiles } from '../../src/io/files.ts';
import { loadRuleDir } from '../../src/io/load.ts';
import { syntaxTree } from '../../src/io/yaml-source.ts';
import { figure } from './figures.ts';
import type { Figure } from './figures.ts';

const TARGET_MS = 1000;
const TARGET_RATIO = 12;
const SIZES = [2_000, 20_000] as const;
const RUNS = 3;
const AS_OF = '2026-11-27';
const REVIEWED = '2026-11-01';
const OPTIONS = ['o0', 'o1', 'o2', 'o3', 'o4'];
const STAKEHOLDERS = ['zorgverzekeraar', 'zorgkantoor', 'gemeente', 'uwv', 'werkgever'];

const text = (s: string) => ({ nl: `${s} (nl)`, en: `${s} (en)` });
const header = (kind: string) => `# yaml-language-server: $schema=../schema/${kind}.schema.json\n`;

/**
 * Written the way rule authors write: small collections (texts, lists of ids, cases,
 * comparisons) on one line in flow style, the rest in block style.
 */
function write(dir: string, file: string, kind: string, body: Record<string, unknown>): void {
  const path = join(dir, file);
  mkdirSync(join(path, '..'), { recursive: true });
  const doc = new Document({ kind, last_reviewed: REVIEWED, ...body });
  const small = (node: YAMLMap | YAMLSeq) => {
    if (JSON.stringify(node.toJSON()).length <= 90) node.flow = true;
  };
  visit(doc, { Map: (_, node) => small(node), Seq: (_, node) => small(node) });
  writeFileSync(path, header(kind) + doc.toString({ lineWidth: 0 }));
}

/**
 * One tree of about `size` nodes: a chain of ten-node blocks. Each block branches on a switch,
 * an if with a compound condition and a sequence, and joins again at its last node, which leads
 * to the next block; every node is reachable and reaches the final `end`.
 */
function treeNodes(family: string, size: number, routeIds: readonly string[]): unknown[] {
  const blocks = Math.max(1, Math.floor((size - 1) / 10));
  const nodes: unknown[] = [];
  const id = (b: number, i: number) => `b${b}-${i}`;
  const award = (b: number) => ({
    route: routeIds[b % routeIds.length],
    score: 40 + (b % 50),
    reason: text(`award ${family} ${b}`),
    because: ['q_one', 'q_bool'],
    sources: ['seed-0.txt:10-12', 'law-0'],
  });
  for (let b = 0; b < blocks; b++) {
    const exit = b === blocks - 1 ? 'done' : id(b + 1, 0);
    nodes.push(
      {
        id: id(b, 0),
        switch: 'q_one',
        cases: [
          { when: ['o0', 'o1'], next: id(b, 1) },
          { when: ['o2'], next: id(b, 2) },
          { when: ['o3', 'o4'], next: id(b, 3) },
        ],
        unanswered: id(b, 4),
      },
      {
        id: id(b, 1),
        if: {
          all: [
            { question: 'q_bool', equals: true },
            {
              any: [
                { question: 'q_num', gte: 10 },
                { not: { question: 'q_text', answered: true } },
              ],
            },
          ],
        },
        then: id(b, 5),
        else: id(b, 6),
        unknown: id(b, 4),
      },
      !(FAMILIES as readonly string[]).includes(family)
        ? { id: id(b, 2), effects: { arrangements: ['shared-savings'] }, next: id(b, 5) }
        : { id: id(b, 2), effects: { routes: [award(b)] }, next: id(b, 5) },
      { id: id(b, 3), sequence: [id(b, 7), id(b, 8)] },
      {
        id: id(b, 4),
        if: { question: 'q_many', includes_any: ['o0', 'o1'] },
        then: id(b, 5),
        else: id(b, 6),
      },
      {
        id: id(b, 5),
        effects: {
          stakeholders: [
            {
              stakeholder: STAKEHOLDERS[b % STAKEHOLDERS.length],
              phase: 'develop',
              why: text(`duty ${b}`),
              sources: ['law-1'],
            },
          ],
          warnings: [`warning-${b % 10}`],
        },
        next: id(b, 9),
      },
      { id: id(b, 6), next: id(b, 9) },
      { id: id(b, 7), next: id(b, 9) },
      { id: id(b, 8), next: id(b, 9) },
      { id: id(b, 9), next: exit },
    );
  }
  nodes.push({ id: 'done', end: true });
  return nodes;
}

/** A synthetic rule directory with about `size` nodes in total. */
export function generateRuleSet(dir: string, size: number): void {
  write(dir, 'ruleset.yaml', 'ruleset', {
    name: 'synthetic',
    version: '1.0.0',
    fit: { strong: 70, possible: 40 },
    disclaimer: text('disclaimer'),
  });
  const option = (o: string) => ({ id: o, label: text(o) });
  write(dir, 'questions.yaml', 'questions', {
    questions: [
      { id: 'q_one', kind: 'one', core: true, text: text('one'), options: OPTIONS.map(option) },
      { id: 'q_many', kind: 'many', core: true, text: text('many'), options: OPTIONS.map(option) },
      { id: 'q_bool', kind: 'boolean', core: true, text: text('bool') },
      { id: 'q_num', kind: 'number', text: text('num') },
      { id: 'q_text', kind: 'text', text: text('text') },
    ],
  });
  write(dir, 'registry/sources.yaml', 'sources', {
    sources: [
      { id: 'seed-0.txt', title: 'seed', seed: true },
      { id: 'law-0', title: 'a law', publisher: 'overheid.nl' },
      { id: 'law-1', title: 'another law', publisher: 'overheid.nl' },
    ],
  });
  write(dir, 'registry/stakeholders.yaml', 'stakeholders', {
    stakeholders: STAKEHOLDERS.map((id) => ({
      id,
      name: text(id),
      role: text('role'),
      sources: ['law-0'],
    })),
  });
  write(dir, 'registry/warnings.yaml', 'warnings', {
    warnings: Array.from({ length: 10 }, (_, i) => ({
      id: `warning-${i}`,
      text: text(`warning ${i}`),
      sources: ['law-0'],
    })),
  });
  const families = FAMILIES;
  const routeIds = new Map<string, string[]>();
  for (const family of families) {
    const ids = Array.from({ length: 20 }, (_, i) => `${family}.route-${i}`);
    routeIds.set(family, ids);
    write(dir, `routes/${family}.yaml`, 'routes', {
      routes: ids.map((id) => ({
        id,
        title: text(id),
        summary: text('summary'),
        steps: [text('step 1'), text('step 2')],
        stakeholders: [
          {
            stakeholder: 'zorgverzekeraar',
            phase: 'implement',
            role: text('r'),
            sources: ['law-1'],
          },
        ],
        sources: ['seed-0.txt:1', 'law-0'],
      })),
    });
  }
  const perTree = Math.floor(size / TREE_FAMILIES.length);
  for (const family of TREE_FAMILIES) {
    write(dir, `trees/${family}.yaml`, 'tree', {
      family,
      title: text(family),
      nodes: treeNodes(family, perTree, routeIds.get(family) ?? []),
    });
  }
}

interface Timing {
  readonly nodes: number;
  readonly load: number;
  readonly compile: number;
  readonly lint: number;
  readonly total: number;
  /** CPU time of this process for the whole run: less sensitive to a busy machine. */
  readonly cpu: number;
  readonly errors: number;
}

/** load + compile + lint, as `innoroute validate` does them. */
function validateOnce(dir: string): Timing {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const loaded = loadRuleDir(dir);
  const t1 = performance.now();
  const { rules, findings } = compileRuleSet(loaded.files, loaded.hash);
  const t2 = performance.now();
  const lintFindings = rules ? lint(rules, { asOf: AS_OF }) : [];
  const diagnostics = [...loaded.diagnostics, ...[...findings, ...lintFindings].map(loaded.locate)];
  diagnostics.sort(compareDiagnostics);
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  let nodes = 0;
  for (const t of rules?.trees ?? []) nodes += t.nodes.size;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    for (const d of errors.slice(0, 5)) {
      console.error(`  ${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`);
    }
  }
  return {
    nodes,
    load: t1 - t0,
    compile: t2 - t1,
    lint: t3 - t2,
    total: t3 - t0,
    cpu: (cpu.user + cpu.system) / 1000,
    errors: errors.length,
  };
}

/** yaml's parse of every rule file of `dir` (as the loader calls it), without reading the data. */
function parseOnce(dir: string): { readonly wall: number; readonly cpu: number } {
  const files = findYamlFiles(realpathSync(dir), () => undefined).map(({ abs }) =>
    readFileSync(abs, 'utf8'),
  );
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const text of files) syntaxTree('bench.yaml', text);
  const cpu = process.cpuUsage(cpu0);
  return { wall: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000 };
}

const ms = (n: number) => `${n.toFixed(0).padStart(5)} ms`;

export async function bench(): Promise<Figure[]> {
  const root = mkdtempSync(join(tmpdir(), 'innoroute-bench-validate-'));
  try {
    const dirs = SIZES.map((size) => {
      const dir = join(root, String(size));
      generateRuleSet(dir, size);
      return dir;
    });
    // interleaved rounds, best of each: a busy spell on a shared machine hits both sizes alike
    const timings: (Timing | undefined)[] = dirs.map(() => undefined);
    const parses = dirs.map(() => ({ wall: Infinity, cpu: Infinity }));
    for (let round = 0; round < RUNS; round++) {
      dirs.forEach((dir, i) => {
        const t = validateOnce(dir);
        if (!timings[i] || t.total < timings[i].total) timings[i] = t;
        const p = parseOnce(dir);
        if (p.wall < parses[i]!.wall) parses[i] = p;
      });
    }
    for (const [i, t] of (timings as Timing[]).entries()) {
      console.log(
        `validate ${String(t.nodes).padStart(6)} nodes: load ${ms(t.load)}, compile ${ms(t.compile)}, lint ${ms(t.lint)}, total ${ms(t.total)} (cpu ${ms(t.cpu)}; best of ${RUNS})`,
      );
      console.log(
        `                      of the load, yaml's parse alone: ${ms(parses[i]!.wall)} (cpu ${ms(parses[i]!.cpu)})`,
      );
      if (t.errors > 0) {
        console.log(
          `FAIL: the synthetic rule set has ${t.errors} error(s); the generator is wrong`,
        );
        process.exitCode = 1;
        return [figure('validate 20,000 nodes', 'invalid', `≤ ${TARGET_MS} ms`, false)];
      }
    }
    const [small, large] = timings as [Timing, Timing];
    const ratio = large.total / small.total;
    const timeOk = large.total <= TARGET_MS;
    const ratioOk = ratio <= TARGET_RATIO;
    console.log(
      `${timeOk ? 'PASS' : 'FAIL'}: ${large.nodes} nodes in ${large.total.toFixed(0)} ms (target ≤ ${TARGET_MS} ms)`,
    );
    if (!timeOk && large.cpu <= TARGET_MS) {
      console.log(
        `  (the CPU time was ${large.cpu.toFixed(0)} ms: the machine is busy; run again when it is not)`,
      );
    }
    console.log(
      `${ratioOk ? 'PASS' : 'FAIL'}: ${large.nodes} / ${small.nodes} nodes take ${ratio.toFixed(1)}× the time (target ≤ ${TARGET_RATIO}×)`,
    );
    if (!timeOk || !ratioOk) process.exitCode = 1;
    return [
      figure('validate 20,000 nodes', `${large.total.toFixed(0)} ms`, `≤ ${TARGET_MS} ms`, timeOk),
      figure(
        `validate: ${large.nodes} / ${small.nodes} nodes`,
        `${ratio.toFixed(1)}×`,
        `≤ ${TARGET_RATIO}×`,
        ratioOk,
      ),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
