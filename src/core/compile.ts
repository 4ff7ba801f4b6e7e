// Merges parsed rule files into one RuleSet. Pure: no I/O. Problems that make a rule set unusable
// (no ruleset file, duplicate ids) are Findings; everything else is the linter's job.
// Each part of the rule set has its own small function below; compileRuleSet calls them in the
// order their findings have always been reported in.
import type { Finding } from './diagnostics.ts';
import { PARTIES } from './ids.ts';
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
  AmountHelp,
  Bridge,
  Question,
  RulesetFile,
  Source,
  Stakeholder,
  TestCase,
  Text,
  TreeFile,
  Warning,
} from './schema.ts';

export interface CompileResult {
  /** Undefined when the set cannot be used at all (no ruleset file). */
  readonly rules?: RuleSet;
  readonly findings: readonly Finding[];
}

type Report = (origin: Origin, code: Finding['code'], message: string) => void;

/** The parsed files, and where the compiler's findings go. */
interface Input {
  readonly files: readonly ParsedFile[];
  readonly report: Report;
}

const at = (file: string, ...path: (string | number)[]): Origin => ({ file, path });

/** The files of one kind, with their data typed as that kind's schema output. */
function filesOf<T>(input: Input, kind: ParsedFile['kind']): { file: string; data: T }[] {
  return input.files
    .filter((f) => f.kind === kind)
    .map((f) => ({ file: f.file, data: f.data as T }));
}

export function compileRuleSet(files: readonly ParsedFile[], hash: string): CompileResult {
  const findings: Finding[] = [];
  const report: Report = (origin, code, message) =>
    findings.push({ code, severity: 'error', origin, message, atKey: false });
  const input: Input = { files, report };

  const ruleset = rulesetFile(input);
  const rulesetAt = filesOf<RulesetFile>(input, 'ruleset')[0]?.file;
  const reviewed = files.map((f) => ({
    file: f.file,
    date: (f.data as { last_reviewed: string }).last_reviewed,
  }));
  const registries = compileRegistries(input);
  const parties = compileParties(input);
  const questions = new QuestionTable(report, parties);
  for (const { file, data } of filesOf<QuestionsData>(input, 'questions')) {
    data.questions.forEach((q, i) =>
      questions.add(q, at(file, 'questions', i), q.core ? 'core' : 'questions'),
    );
  }
  const trees = compileTrees(input, questions);
  addPartyQuestions(questions, parties, amountHelp(input));
  const tests = compileTests(input);

  if (!ruleset) return { findings };
  return {
    findings,
    rules: {
      name: ruleset.name,
      version: ruleset.version,
      hash,
      fit: ruleset.fit,
      ...(rulesetAt !== undefined ? { rulesetFile: rulesetAt } : {}),
      disclaimer: ruleset.disclaimer,
      parties,
      questions: questions.byId,
      questionOrder: questions.order,
      trees,
      routes: registries.routes,
      stakeholders: registries.stakeholders,
      sources: registries.sources,
      warnings: registries.warnings,
      bridge: registries.bridge,
      tests,
      reviewed,
    },
  };
}

/** The one file of kind ruleset; more or fewer is a finding. */
function rulesetFile(input: Input): RulesetFile | undefined {
  const found = filesOf<RulesetFile>(input, 'ruleset');
  if (found.length !== 1) {
    const origin = found[1] ? at(found[1].file, 'kind') : at('.');
    input.report(
      origin,
      'missing-ruleset',
      found.length === 0
        ? 'no file of kind "ruleset": add rules/ruleset.yaml with name, version, fit and disclaimer'
        : `more than one file of kind "ruleset" (${found.map((f) => f.file).join(', ')}); keep one`,
    );
  }
  return found[0]?.data;
}

/** All files of one kind merged by id; a second declaration of an id is a finding. */
function registry<T extends { id: string }>(
  input: Input,
  kind: ParsedFile['kind'],
  label: string,
): Map<string, WithOrigin<T>> {
  const map = new Map<string, WithOrigin<T>>();
  // the list inside a registry file has the name of its kind: sources: […], routes: […]
  const key = kind;
  for (const { file, data } of filesOf<Record<string, T[]>>(input, kind)) {
    (data[key] ?? []).forEach((item, i) => {
      const prev = map.get(item.id);
      if (prev) {
        input.report(
          at(file, key, i, 'id'),
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

type Registries = Pick<RuleSet, 'sources' | 'stakeholders' | 'warnings' | 'bridge' | 'routes'>;

function compileRegistries(input: Input): Registries {
  const sources = registry<Source>(input, 'sources', 'source');
  const stakeholders = registry<Stakeholder>(input, 'stakeholders', 'stakeholder');
  const warnings = registry<Warning>(input, 'warnings', 'warning');
  const bridge = registry<Bridge>(input, 'bridge', 'bridge item');
  const routes = new Map<string, RouteDef>();
  for (const [id, r] of registry<Omit<RouteDef, 'family'>>(input, 'routes', 'route')) {
    routes.set(id, { ...r, family: id.split('.')[0] ?? '' });
  }
  return { sources, stakeholders, warnings, bridge, routes };
}

interface QuestionsData {
  readonly parties?: readonly { id: string; label: Text }[];
  readonly amount_help?: AmountHelp;
  readonly questions: readonly Question[];
}

/** The parties declared in questions files, then every contract party not declared there. */
function compileParties(input: Input): Map<string, Text> {
  const parties = new Map<string, Text>();
  for (const { file, data } of filesOf<QuestionsData>(input, 'questions')) {
    (data.parties ?? []).forEach((p, i) => {
      if (parties.has(p.id)) {
        input.report(
          at(file, 'parties', i, 'id'),
          'duplicate-id',
          `party "${p.id}" is declared twice`,
        );
      } else parties.set(p.id, p.label);
    });
  }
  for (const p of PARTIES) {
    if (!parties.has(p)) parties.set(p, { nl: p, en: p });
  }
  return parties;
}

/**
 * The questions by id, in the order they are asked: core files first, then tree follow-ups in
 * tree order, then the generated cost_/benefit_ questions.
 */
class QuestionTable {
  readonly byId = new Map<string, QuestionDef>();
  readonly order: string[] = [];

  constructor(
    private readonly report: Report,
    private readonly parties: ReadonlyMap<string, Text>,
  ) {}

  add(q: Question, origin: Origin, owner: string): void {
    const prev = this.byId.get(q.id);
    if (prev) {
      this.report(
        at(origin.file, ...origin.path, 'id'),
        'duplicate-id',
        `question "${q.id}" is declared twice (also at ${prev.origin.file})`,
      );
      return;
    }
    const optionList =
      q.options_from === 'parties'
        ? [...this.parties].map(([id, label]) => ({ id, label }))
        : (q.options ?? []);
    const seen = new Set<string>();
    q.options?.forEach((o, i) => {
      if (seen.has(o.id)) {
        this.report(
          at(origin.file, ...origin.path, 'options', i, 'id'),
          'duplicate-id',
          `option "${o.id}" of "${q.id}" is declared twice`,
        );
      }
      seen.add(o.id);
    });
    this.put({ ...q, origin, optionIds: optionList.map((o) => o.id), optionList, owner });
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  put(q: QuestionDef): void {
    this.byId.set(q.id, q);
    this.order.push(q.id);
  }
}

/** One tree per family, in TREE_ORDER; a tree's own follow-up questions join the table. */
function compileTrees(input: Input, questions: QuestionTable): Tree[] {
  const treeFiles = filesOf<TreeFile>(input, 'tree').sort(
    (a, b) => TREE_ORDER.indexOf(a.data.family) - TREE_ORDER.indexOf(b.data.family),
  );
  const trees: Tree[] = [];
  const families = new Map<string, string>();
  for (const { file, data } of treeFiles) {
    const prev = families.get(data.family);
    if (prev) {
      input.report(
        at(file, 'family'),
        'duplicate-tree',
        `a second tree for family "${data.family}" (the first is ${prev}); one tree per family`,
      );
      continue;
    }
    families.set(data.family, file);
    data.questions?.forEach((q, i) => questions.add(q, at(file, 'questions', i), data.family));
    trees.push(compileTree(input, file, data));
  }
  return trees;
}

function compileTree(input: Input, file: string, data: TreeFile): Tree {
  const nodes = new Map<string, TreeNode>();
  const nodeOrder: string[] = [];
  data.nodes.forEach((n, i) => {
    if (nodes.has(n.id)) {
      input.report(
        at(file, 'nodes', i, 'id'),
        'duplicate-id',
        `node "${n.id}" is declared twice in this tree`,
      );
      return;
    }
    nodes.set(n.id, { ...n, origin: at(file, 'nodes', i) });
    nodeOrder.push(n.id);
  });
  return {
    family: data.family,
    file,
    title: data.title,
    ...(data.description ? { description: data.description } : {}),
    lastReviewed: data.last_reviewed,
    root: data.nodes[0]!.id,
    nodes,
    nodeOrder,
  };
}

const PARTY_QUESTIONS = [
  ['cost', 'cost_bearers', 'Kosten per jaar voor', 'Cost per year for'],
  [
    'benefit',
    'beneficiaries',
    'Besparing of opbrengst per jaar voor',
    'Saving or gain per year for',
  ],
] as const;

/** The first `amount_help` of the questions files (a second one is reported). */
function amountHelp(input: Input): AmountHelp | undefined {
  let found: AmountHelp | undefined;
  for (const { file, data } of filesOf<QuestionsData>(input, 'questions')) {
    if (!data.amount_help) continue;
    if (found) {
      input.report(
        at(file, 'amount_help'),
        'duplicate-id',
        'amount_help is declared in more than one questions file; keep one',
      );
    } else found = data.amount_help;
  }
  return found;
}

/** A cost_ and a benefit_ question per party, asked only after has_figures. */
function addPartyQuestions(
  questions: QuestionTable,
  parties: ReadonlyMap<string, Text>,
  help: AmountHelp | undefined,
): void {
  for (const [party, label] of parties) {
    for (const [prefix, list, nl, en] of PARTY_QUESTIONS) {
      const id = `${prefix}_${party}`;
      if (questions.has(id)) continue;
      questions.put({
        id,
        kind: 'number',
        text: { nl: `${nl} ${label.nl} (euro)`, en: `${en} ${label.en} (euros)` },
        ...(help ? { help: help[prefix] } : {}),
        ...(help?.sources ? { sources: help.sources } : {}),
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
      });
    }
  }
}

function compileTests(input: Input): TestFile[] {
  return filesOf<{ cases: readonly TestCase[] }>(input, 'tests').map(({ file, data }) => ({
    file,
    cases: data.cases.map((c, i) => ({ ...c, origin: at(file, 'cases', i) })),
  }));
}
