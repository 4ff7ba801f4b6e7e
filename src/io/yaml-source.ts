// A rule file as YAML: yaml's syntax tree with positions, the checks that must happen before any
// of it becomes JavaScript data (syntax errors, unsafe keys, aliases that loop or explode), and the
// position of any path in it, for diagnostics. The one YAML parser: yaml, YAML 1.2 core schema.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { DiagnosticCode, Severity } from '../core/diagnostics.ts';
import { MAX_RULE_DEPTH } from '../core/limits.ts';
import { aliasTargets, parseErrors, YamlReader } from './yaml-data.ts';
import type { YamlLimits, YamlProblemKind } from './yaml-data.ts';

/** Aliases (`*name`) in one rule file. Rule files reuse a condition a few dozen times at most. */
export const MAX_ALIASES = 1000;
/**
 * Values (scalars, lists, mappings) of one rule file's data, aliases expanded: about what the
 * largest file allowed (MAX_FILE_BYTES, 2 MB) can hold without aliases.
 */
export const MAX_RULE_VALUES = 1_000_000;
/** YAML errors cascade: after this many in one file the rest are summed up in one line. */
export const MAX_SYNTAX_ERRORS = 50;

export const RULE_FILE_LIMITS: YamlLimits = {
  aliases: MAX_ALIASES,
  values: MAX_RULE_VALUES,
  depth: MAX_RULE_DEPTH,
  files: { nl: 'regelbestanden', en: 'rule files' },
};

const RULE_FILE_CODES: Readonly<Record<YamlProblemKind, DiagnosticCode>> = {
  key: 'unknown-key',
  'unsafe-key': 'unsafe-key',
  'no-anchor': 'yaml-syntax',
  'own-anchor': 'yaml-alias-limit',
  aliases: 'yaml-alias-limit',
  expansion: 'yaml-alias-limit',
  values: 'file-too-large',
  depth: 'yaml-nesting',
};

export interface Position {
  readonly line: number;
  readonly col: number;
}

/** A parsed rule file: its syntax tree (none when yaml gave up) and its line starts. */
export interface SourceFile {
  readonly file: string;
  readonly doc: Document.Parsed | undefined;
  readonly lines: LineCounter;
}

export type Report = (
  file: string,
  pos: Position,
  code: DiagnosticCode,
  message: string,
  severity?: Severity,
) => void;

export const START: Position = { line: 1, col: 1 };

export function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/** What a rule author most likely did, for the YAML errors that are easy to make in prose. */
const YAML_HINTS: Readonly<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY:
    'a ": " inside unquoted text starts a new key: put the text in quotes or write it as a >- block',
  MULTIPLE_DOCS: 'a rule file holds one document: remove the "---" line',
  TAB_AS_INDENT: 'indent with spaces',
};

/** yaml's messages end in " at line X, column Y:"; the position is in file:line:col already. */
function cleanYamlMessage(message: string): string {
  return firstLine(message)
    .replace(/\s+at line \d+, column \d+:?\s*$/, '')
    .trim();
}

/**
 * yaml's parser reads process.env.LOG_TOKENS once for every token, and on Node each read of
 * process.env is a call into the C++ environment: a quarter of the parse time of a large rule
 * file. While the (synchronous) parse runs, process.env is a plain copy; nothing else runs then.
 */
function withPlainEnv<T>(parse: () => T): T {
  const env = process.env;
  try {
    process.env = { ...env };
  } catch {
    return parse();
  }
  try {
    return parse();
  } finally {
    process.env = env;
  }
}

/**
 * A file whose nesting ran a step out of stack (the only error a walk of valid data can throw):
 * one `yaml-nesting` diagnostic at its start, saying what could not be done.
 */
export function reportTooDeep(diag: Report, file: string, what: string, e: unknown): void {
  diag(file, START, 'yaml-nesting', `${what}: ${firstLine(String((e as Error)?.message ?? e))}`);
}

/** The YAML syntax tree with positions; the parser's own failure is returned, not thrown. */
export function syntaxTree(
  file: string,
  rawText: string,
): { source: SourceFile; failure?: string } {
  const text = rawText.replace(/^\uFEFF/, '');
  const lines = new LineCounter();
  try {
    const doc = withPlainEnv(() =>
      parseDocument(text, {
        lineCounter: lines,
        prettyErrors: true,
        uniqueKeys: true,
        // one meaning for every file: YAML 1.2's core schema (0b101 is text, not 5), no << merges
        version: '1.2',
        schema: 'core',
        merge: false,
        // problems are diagnostics here; yaml must not print its own warnings to stderr
        logLevel: 'error',
      }),
    );
    return { source: { file, doc, lines } };
  } catch (e) {
    return { source: { file, doc: undefined, lines }, failure: String((e as Error)?.message ?? e) };
  }
}

/**
 * yaml's syntax tree with positions: every syntax error, unsafe keys and aliases are checked
 * before anything becomes a JavaScript object. Returns no data when it reported a problem.
 */
export function readYaml(
  file: string,
  text: string,
  diag: Report,
): { source: SourceFile; data?: unknown } {
  const { source, failure } = syntaxTree(file, text);
  const { doc, lines } = source;
  if (!doc) {
    // The parser itself gave up.
    diag(
      file,
      START,
      'yaml-syntax',
      `the YAML cannot be parsed: ${cleanYamlMessage(failure ?? '')}`,
    );
    return { source };
  }
  const posOf = (err: { linePos?: [Position] | [Position, Position]; pos: [number, number] }) =>
    err.linePos?.[0] ?? lines.linePos(err.pos[0]);

  if (doc.errors.length > 0) {
    const exhausted = doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION');
    if (exhausted) {
      // the parser ran out of stack: everything after that point is noise, and where it ran out
      // differs from run to run; the place is where the nesting passes the limit
      diag(
        file,
        lines.linePos(parseErrors(doc, text, MAX_RULE_DEPTH)[0]!.offset),
        'yaml-nesting',
        'the YAML is nested too deeply to read; rule files need only a few levels',
      );
      return { source };
    }
    doc.errors.slice(0, MAX_SYNTAX_ERRORS).forEach((err) => {
      const code: DiagnosticCode = err.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
      const message =
        err.code === 'DUPLICATE_KEY'
          ? 'this key appears twice in the same mapping; keep one'
          : cleanYamlMessage(err.message) +
            (YAML_HINTS[err.code] ? ` (${YAML_HINTS[err.code]})` : '');
      diag(file, posOf(err), code, message);
    });
    const more = doc.errors.length - MAX_SYNTAX_ERRORS;
    if (more > 0) {
      diag(
        file,
        posOf(doc.errors[MAX_SYNTAX_ERRORS]!),
        'yaml-syntax',
        `… and ${more} more YAML error(s) in this file; fix the ones above first`,
      );
    }
    return { source };
  }
  for (const w of doc.warnings) {
    diag(file, posOf(w), 'yaml-syntax', cleanYamlMessage(w.message), 'warning');
  }

  // Keys that could reach an object prototype, aliases that loop or lead nowhere, and data too
  // large or too deep once aliases are expanded: reported from the syntax tree, in one bounded
  // pass that makes the JavaScript data (yaml-data.ts).
  const reader = new YamlReader(RULE_FILE_LIMITS);
  const read = reader.read(doc.contents);
  for (const p of reader.problems)
    diag(file, lines.linePos(p.offset), RULE_FILE_CODES[p.kind], p.message);
  if (!read) return { source };
  return { source, data: read.data };
}

const TARGETS = new WeakMap<Document.Parsed, Map<unknown, YamlNode>>();

/** The aliases of a document and their anchors' nodes, found once per document. */
function targetsOf(doc: Document.Parsed): Map<unknown, YamlNode> {
  let targets = TARGETS.get(doc);
  if (!targets) TARGETS.set(doc, (targets = aliasTargets(doc)));
  return targets;
}

/** Line and column (1-based) of the node at `path`, or of the deepest ancestor that exists. */
export function positionOf(
  src: SourceFile,
  path: readonly (string | number)[],
  atKey: boolean,
): Position {
  const doc = src.doc;
  if (!doc) return START;
  let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
  let best = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length && node; i++) {
    const seg = path[i];
    const isLast = i === path.length - 1;
    if (isAlias(node)) node = targetsOf(doc).get(node);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const key = pair.key as YamlNode;
      if (isLast && atKey) {
        best = key.range?.[0] ?? best;
        break;
      }
      const value = pair.value as YamlNode | null;
      best = value?.range?.[0] ?? key.range?.[0] ?? best;
      node = value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item) break;
      best = item.range?.[0] ?? best;
      node = item;
    } else {
      break;
    }
  }
  return src.lines.linePos(best);
}
