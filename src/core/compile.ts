// Merges parsed rule files into one RuleSet. Pure: no I/O. Problems that make a rule set unusable
// (no ruleset file, duplicate ids) are Findings; everything else is the linter's job.
import type { Finding } from './diagnostics.ts';
import type {
  Origin,
  ParsedFile,
  QuestionDef,
  RouteDef,
  RuleSet,
  TestFile,
  Tree,
  TreeNode,
  WithOrigin,
} from './ruleset.ts';
import { TREE_ORDER } from './ruleset.ts';
import type {
  BridgeFile,
  QuestionsFile,
  RoutesFile,
  RulesetFile,
  SourcesFile,
  StakeholdersFile,
  TestsFile,
  Text,
  TreeFile,
  WarningsFile,
} from './schema.ts';
import { PARTIES } from './schema.ts';
import type { z } from 'zod';

export interface CompileResult {
  /** Undefined when the set cannot be used at all (no ruleset file). */
  readonly rules?: RuleSet;
  readonly findings: readonly Finding[];
}

const at = (file: string, ...path: (string | number)[]): Origin => ({ file, path });

export function compileRuleSet(files: readonly ParsedFile[], hash: string): CompileResult {
  const findings: Finding[] = [];
  const err = (origin: Origin, code: Finding['code'], message: string, atKey = false) =>
    findings.push({ code, severity: 'error', origin, message, atKey });

  const of = <T>(kind: ParsedFile['kind']) =>
    files.filter((f) => f.kind === kind).map((f) => ({ file: f.file, data: f.data as T }));

  // ruleset
  const rulesetFiles = of<z.infer<typeof RulesetFile>>('ruleset');
  if (rulesetFiles.length !== 1) {
    const origin = rulesetFiles[1] ? at(rulesetFiles[1].file, 'kind') : at('.');
    err(
      origin,
      'missing-ruleset',
      rulesetFiles.length === 0
        ? 'no file of kind "ruleset": add rules/ruleset.yaml with name, version, fit and disclaimer'
        : `more than one file of kind "ruleset" (${rulesetFiles.map((f) => f.file).join(', ')}); keep one`,
    );
  }

  const reviewed = files.map((f) => ({
    file: f.file,
    date: (f.data as { last_reviewed: string }).last_reviewed,
  }));

  // a registry: merge all files of one kind, reporting duplicate ids
  function registry<T extends { id: string }>(
    kind: ParsedFile['kind'],
    key: string,
    label: string,
  ): Map<string, WithOrigin<T>> {
    const map = new Map<string, WithOrigin<T>>();
    for (const { file, data } of of<Record<string, T[]>>(kind)) {
      (data[key] ?? []).forEach((item, i) => {
        const origin = at(file, key, i, 'id');
        const prev = map.get(item.id);
        if (prev) {
          err(
            origin,
            'duplicate-id',
            `${label} "${item.id}" is declared twice (also at ${prev.origin.file})`,
          );
          return;
        }
        map.set(item.id, { ...item, origin: at(file, key, i) });
      });
    }
    return map;
  }

  const sources = registry<z.infer<typeof SourcesFile>['sources'][number]>(
    'sources',
    'sources',
    'source',
  );
  const stakeholders = registry<z.infer<typeof StakeholdersFile>['stakeholders'][number]>(
    'stakeholders',
    'stakeholders',
    'stakeholder',
  );
  const warnings = registry<z.infer<typeof WarningsFile>['warnings'][number]>(
    'warnings',
    'warnings',
    'warning',
  );
  const bridge = registry<z.infer<typeof BridgeFile>['bridge'][number]>(
    'bridge',
    'bridge',
    'bridge item',
  );
  const routeEntries = registry<z.infer<typeof RoutesFile>['routes'][number]>(
    'routes',
    'routes',
    'route',
  );
  const routes = new Map<string, RouteDef>();
  for (const [id, r] of routeEntries) {
    routes.set(id, { ...r, family: id.split('.')[0] ?? '' });
  }

  // parties
  const parties = new Map<string, Text>();
  const questionsFiles = of<z.infer<typeof QuestionsFile>>('questions');
  for (const { file, data } of questionsFiles) {
    (data.parties ?? []).forEach((p, i) => {
      if (parties.has(p.id)) {
        err(at(file, 'parties', i, 'id'), 'duplicate-id', `party "${p.id}" is declared twice`);
      } else parties.set(p.id, p.label);
    });
  }
  for (const p of PARTIES) {
    if (!parties.has(p)) parties.set(p, { nl: p, en: p });
  }

  // questions: core files first, then tree follow-ups in tree order, then cost_/benefit_
  const questions = new Map<string, QuestionDef>();
  const order: string[] = [];
  const addQuestion = (
    q: z.infer<typeof QuestionsFile>['questions'][number],
    origin: Origin,
    owner: string,
  ) => {
    const prev = questions.get(q.id);
    if (prev) {
      err(
        at(origin.file, ...origin.path, 'id'),
        'duplicate-id',
        `question "${q.id}" is declared twice (also at ${prev.origin.file})`,
      );
      return;
    }
    const optionList =
      q.options_from === 'parties'
        ? [...parties].map(([id, label]) => ({ id, label }))
        : (q.options ?? []);
    const seen = new Set<string>();
    q.options?.forEach((o, i) => {
      if (seen.has(o.id)) {
        err(
          at(origin.file, ...origin.path, 'options', i, 'id'),
          'duplicate-id',
          `option "${o.id}" of "${q.id}" is declared twice`,
        );
      }
      seen.add(o.id);
    });
    questions.set(q.id, {
      ...q,
      origin,
      optionIds: optionList.map((o) => o.id),
      optionList,
      owner,
    });
    order.push(q.id);
  };
  for (const { file, data } of questionsFiles) {
    data.questions.forEach((q, i) =>
      addQuestion(q, at(file, 'questions', i), q.core ? 'core' : 'questions'),
    );
  }

  // trees
  const treeFiles = of<z.infer<typeof TreeFile>>('tree').sort(
    (a, b) => TREE_ORDER.indexOf(a.data.family) - TREE_ORDER.indexOf(b.data.family),
  );
  const trees: Tree[] = [];
  const families = new Map<string, string>();
  for (const { file, data } of treeFiles) {
    const prev = families.get(data.family);
    if (prev) {
      err(
        at(file, 'family'),
        'duplicate-tree',
        `a second tree for family "${data.family}" (the first is ${prev}); one tree per family`,
      );
      continue;
    }
    families.set(data.family, file);
    data.questions?.forEach((q, i) => addQuestion(q, at(file, 'questions', i), data.family));
    const nodes = new Map<string, TreeNode>();
    const nodeOrder: string[] = [];
    data.nodes.forEach((n, i) => {
      if (nodes.has(n.id)) {
        err(
          at(file, 'nodes', i, 'id'),
          'duplicate-id',
          `node "${n.id}" is declared twice in this tree`,
        );
        return;
      }
      nodes.set(n.id, { ...n, origin: at(file, 'nodes', i) });
      nodeOrder.push(n.id);
    });
    trees.push({
      family: data.family,
      file,
      title: data.title,
      lastReviewed: data.last_reviewed,
      root: data.nodes[0]!.id,
      nodes,
      nodeOrder,
    });
  }

  // generated cost_/benefit_ questions, asked only after has_figures
  for (const [party, label] of parties) {
    for (const [prefix, list, nl, en] of [
      ['cost', 'cost_bearers', 'Kosten per jaar voor', 'Cost per year for'],
      [
        'benefit',
        'beneficiaries',
        'Besparing of opbrengst per jaar voor',
        'Saving or gain per year for',
      ],
    ] as const) {
      const id = `${prefix}_${party}`;
      if (questions.has(id)) continue;
      const q: QuestionDef = {
        id,
        kind: 'number',
        text: { nl: `${nl} ${label.nl} (euro)`, en: `${en} ${label.en} (euros)` },
        min: 0,
        ask_if: {
          all: [
            { question: 'has_figures', equals: true },
            { question: list, includes: party },
          ],
        },
        origin: at('.', 'parties', party),
        optionIds: [],
        optionList: [],
        owner: 'parties',
      };
      questions.set(id, q);
      order.push(id);
    }
  }

  // test files
  const tests: TestFile[] = of<z.infer<typeof TestsFile>>('tests').map(({ file, data }) => ({
    file,
    cases: data.cases.map((c, i) => ({ ...c, origin: at(file, 'cases', i) })),
  }));

  const rs = rulesetFiles[0]?.data;
  if (!rs) return { findings };
  return {
    findings,
    rules: {
      name: rs.name,
      version: rs.version,
      hash,
      fit: rs.fit,
      disclaimer: rs.disclaimer,
      parties,
      questions,
      questionOrder: order,
      trees,
      routes,
      stakeholders,
      sources,
      warnings,
      bridge,
      tests,
      reviewed,
    },
  };
}
