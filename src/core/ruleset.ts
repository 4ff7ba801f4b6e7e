// The compiled rule set: all rule files of a directory merged into indexed, read-only data that the
// engine, the linter and the test runner share. Building it is pure; reading the files is io's job.
import type {
  Bridge,
  FileKind,
  Node,
  Option,
  Question,
  Route,
  RulesetFile,
  Source,
  Stakeholder,
  TestCase,
  Text,
  TreeFamily,
  Warning,
} from './schema.ts';
import { PARTIES, TREE_FAMILIES } from './ids.ts';

/** Where a thing was declared: a rule file (relative to the rule directory) and a path in it. */
export interface Origin {
  readonly file: string;
  readonly path: readonly (string | number)[];
}

export interface ParsedFile {
  /** Relative to the rule directory, with forward slashes. */
  readonly file: string;
  readonly kind: FileKind;
  /** The validated content (the zod output for its kind). */
  readonly data: unknown;
}

export interface QuestionDef extends Question {
  readonly origin: Origin;
  /** Option ids, resolved from `options` or `options_from`. */
  readonly optionIds: readonly string[];
  readonly optionList: readonly Option[];
  /** `core`, a tree's family, or `parties` for the generated cost_/benefit_ questions. */
  readonly owner: string;
}

export interface TreeNode extends Node {
  readonly origin: Origin;
}

export interface Tree {
  readonly family: TreeFamily;
  readonly file: string;
  readonly title: Text;
  /** What the tree decides, for readers (the site's start page). */
  readonly description?: Text;
  readonly lastReviewed: string;
  readonly root: string;
  readonly nodes: ReadonlyMap<string, TreeNode>;
  readonly nodeOrder: readonly string[];
}

export interface RouteDef extends Route {
  readonly family: string;
  readonly origin: Origin;
}

export type WithOrigin<T> = T & { readonly origin: Origin };

export interface TestFile {
  readonly file: string;
  readonly cases: readonly WithOrigin<TestCase>[];
}

export interface RuleSet {
  readonly name: string;
  readonly version: string;
  /** sha256 over the rule files' names and bytes (tests excluded), `sha256:<hex>`. */
  readonly hash: string;
  readonly fit: RulesetFile['fit'];
  /** The file of kind `ruleset` (relative to the rule directory), where `fit` is written. */
  readonly rulesetFile?: string;
  readonly disclaimer: Text;
  readonly parties: ReadonlyMap<string, Text>;
  readonly questions: ReadonlyMap<string, QuestionDef>;
  /** Core questions in file order, then tree follow-ups in tree order, then cost_/benefit_. */
  readonly questionOrder: readonly string[];
  readonly trees: readonly Tree[];
  readonly routes: ReadonlyMap<string, RouteDef>;
  readonly stakeholders: ReadonlyMap<string, WithOrigin<Stakeholder>>;
  readonly sources: ReadonlyMap<string, WithOrigin<Source>>;
  readonly warnings: ReadonlyMap<string, WithOrigin<Warning>>;
  readonly bridge: ReadonlyMap<string, WithOrigin<Bridge>>;
  readonly tests: readonly TestFile[];
  /** Every file's last_reviewed date, for the staleness check. */
  readonly reviewed: readonly { file: string; date: string }[];
}

/** Order in which families are walked and ties are broken. */
export const TREE_ORDER: readonly TreeFamily[] = TREE_FAMILIES;

export const PARTY_IDS: readonly string[] = PARTIES;
