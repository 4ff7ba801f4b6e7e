// Reads a rule directory: finds the YAML files (never leaving the directory), parses them with
// positions, validates each against the zod schema of its kind and reports every problem as a
// located Diagnostic — all of them, not just the first. Hostile input (alias bombs, prototype keys,
// huge files, deep nesting, links out of the directory) yields diagnostics, never an exception.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { RuleSetError } from './errors.ts';
import { findYamlFiles } from './files.ts';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Alias, Document, Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic, DiagnosticCode, Finding, Severity } from '../core/diagnostics.ts';
import type { ParsedFile } from '../core/ruleset.ts';
import { FILE_KINDS } from '../core/schema.ts';
import type { FileKind } from '../core/schema.ts';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/**
 * yaml's measure of alias expansion (uses of an anchor times the aliases inside it). Rule files
 * reuse a condition a few dozen times at most; an alias bomb is in the millions.
 */
export const MAX_ALIASES = 1000;
/** YAML errors cascade: after this many in one file the rest are summed up in one line. */
export const MAX_SYNTAX_ERRORS = 50;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface Position {
  readonly line: number;
  readonly col: number;
}

interface SourceFile {
  readonly file: string;
  readonly doc: Document.Parsed | undefined;
  readonly lines: LineCounter;
}

export interface LoadedRules {
  readonly root: string;
  readonly files: readonly ParsedFile[];
  readonly diagnostics: readonly Diagnostic[];
  /** sha256 over the names and bytes of the rule files (test files excluded). */
  readonly hash: string;
  /** Turns a core Finding (file + YAML path) into a located Diagnostic. */
  readonly locate: (finding: Finding) => Diagnostic;
}

export interface LoadOptions {
  readonly maxFileBytes?: number;
  /** Load test files (kind: tests) too. Default true. */
  readonly includeTests?: boolean;
}

/** One rule file's name (relative to the rule directory, forward slashes) and text. */
export interface RuleText {
  readonly file: string;
  readonly text: string;
}

/** Thrown when the directory itself cannot be used; the CLI turns it into exit 2. */
export class RuleDirError extends RuleSetError {}

type Report = (
  file: string,
  pos: Position,
  code: DiagnosticCode,
  message: string,
  severity?: Severity,
) => void;

const START: Position = { line: 1, col: 1 };

/** Collects parsed files and diagnostics; shared by the directory and the in-memory entry points. */
function collector(root: string, options: LoadOptions) {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, SourceFile>();
  const files: ParsedFile[] = [];
  const hash = createHash('sha256');
  const diag: Report = (file, pos, code, message, severity = 'error') =>
    diagnostics.push({ code, severity, file, line: pos.line, col: pos.col, message });

  // Files that loaded are kept as text, not as syntax trees: a rule set of tens of thousands of
  // nodes would otherwise hold hundreds of megabytes for positions that are rarely asked for.
  // The few files a finding points into are parsed again when it is located.
  const texts = new Map<string, string>();
  const add = ({ file, text }: RuleText) => {
    const parsed = parseFile(file, text, diag);
    if (!parsed.file) {
      sources.set(file, parsed.source);
      return;
    }
    texts.set(file, text);
    files.push(parsed.file);
    if (parsed.file.kind !== 'tests') hash.update(file).update('\0').update(text).update('\0');
  };

  const sourceOf = (file: string): SourceFile | undefined => {
    const known = sources.get(file);
    if (known) return known;
    const text = texts.get(file);
    if (text === undefined) return undefined;
    const src = syntaxTree(file, text).source;
    sources.set(file, src);
    return src;
  };

  const locate = (finding: Finding): Diagnostic => {
    const src = sourceOf(finding.origin.file);
    const pos = src ? positionOf(src, finding.origin.path, finding.atKey ?? false) : START;
    return {
      code: finding.code,
      severity: finding.severity,
      file: finding.origin.file,
      line: pos.line,
      col: pos.col,
      message: finding.message,
    };
  };

  const finish = (): LoadedRules => ({
    root,
    files: files.filter((f) => options.includeTests !== false || f.kind !== 'tests'),
    diagnostics,
    hash: `sha256:${hash.digest('hex')}`,
    locate,
  });
  return { diag, add, finish };
}

/**
 * Loads rule files from memory (used by the property tests and tools that already hold the
 * text). Same diagnostics as loadRuleDir, minus the ones about the directory itself.
 */
export function loadRuleTexts(
  texts: readonly RuleText[],
  options: LoadOptions & { readonly root?: string } = {},
): LoadedRules {
  const c = collector(options.root ?? '.', options);
  const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  for (const t of texts) {
    const size = Buffer.byteLength(t.text, 'utf8');
    if (size > maxBytes) c.diag(t.file, START, 'file-too-large', tooLarge(size, maxBytes));
    else c.add(t);
  }
  if (texts.length === 0) c.diag('.', START, 'no-rules', 'no .yaml files given');
  return c.finish();
}

export function loadRuleDir(root: string, options: LoadOptions = {}): LoadedRules {
  const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
    if (!statSync(realRoot).isDirectory()) throw new RuleDirError(`${root} is not a directory`);
  } catch (e) {
    if (e instanceof RuleDirError) throw e;
    throw new RuleDirError(`cannot read the rule directory ${root}: ${(e as Error).message}`);
  }

  const c = collector(root, options);
  const paths = findYamlFiles(realRoot, (file, code, message) =>
    c.diag(file, START, code, message),
  );

  for (const { abs, file } of paths) {
    let text: string;
    try {
      const size = statSync(abs).size;
      if (size > maxBytes) {
        c.diag(file, START, 'file-too-large', tooLarge(size, maxBytes));
        continue;
      }
      const bytes = readFileSync(abs);
      // the file may have grown between stat and read
      if (bytes.length > maxBytes) {
        c.diag(file, START, 'file-too-large', tooLarge(bytes.length, maxBytes));
        continue;
      }
      text = bytes.toString('utf8');
    } catch (e) {
      c.diag(file, START, 'read-error', `cannot read: ${(e as Error).message}`);
      continue;
    }
    c.add({ file, text });
  }

  if (paths.length === 0) {
    c.diag('.', START, 'no-rules', `no .yaml files found in ${root}`);
  }
  return c.finish();
}

function tooLarge(size: number, max: number): string {
  return `the file is ${size} bytes; rule files may be at most ${max} bytes: split it into several files`;
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

/** The YAML syntax tree with positions; the parser's own failure is returned, not thrown. */
function syntaxTree(file: string, rawText: string): { source: SourceFile; failure?: string } {
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
function readYaml(
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
    const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
    if (exhausted) {
      // the parser ran out of stack: everything after that point is noise
      diag(
        file,
        posOf(exhausted),
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

  // Keys that could reach an object prototype, and aliases that loop or lead nowhere: reported
  // from the syntax tree, before anything is turned into JavaScript objects.
  let unsafe = false;
  let firstAlias: Position | undefined;
  const badKey = (key: YamlNode | null): void => {
    if (key !== null && !isScalar(key)) {
      unsafe = true;
      diag(
        file,
        lines.linePos(key.range?.[0] ?? 0),
        'unknown-key',
        'a key must be plain text, not a list, a mapping or an alias',
      );
    } else if (isScalar(key) && UNSAFE_KEYS.has(String(key.value))) {
      unsafe = true;
      diag(
        file,
        lines.linePos(key.range?.[0] ?? 0),
        'unsafe-key',
        `the key "${String(key.value)}" is not allowed in rule files`,
      );
    }
  };
  const badAlias = (alias: Alias, anchors: readonly string[]): void => {
    const pos = lines.linePos(alias.range?.[0] ?? 0);
    firstAlias ??= pos;
    if (!alias.resolve(doc)) {
      unsafe = true;
      diag(
        file,
        pos,
        'yaml-syntax',
        `the alias *${alias.source} has no anchor &${alias.source} before it`,
      );
    } else if (anchors.includes(alias.source)) {
      unsafe = true;
      diag(
        file,
        pos,
        'yaml-alias-limit',
        `the alias *${alias.source} is inside its own anchor: it would never end`,
      );
    }
  };
  // A walk of our own rather than yaml's visit(): it is a tenth of the cost on large files, and
  // only needs the anchors above a node, not its whole path. Depth-first, in document order.
  const anchors: string[] = [];
  const walk = (node: unknown): void => {
    if (isAlias(node)) return badAlias(node, anchors);
    if (!isMap(node) && !isSeq(node)) return;
    const anchor = node.anchor;
    if (anchor) anchors.push(anchor);
    for (const item of node.items) {
      if (isPair(item)) {
        badKey(item.key as YamlNode | null);
        walk(item.key);
        walk(item.value);
      } else walk(item);
    }
    if (anchor) anchors.pop();
  };
  try {
    walk(doc.contents);
  } catch (e) {
    diag(
      file,
      START,
      'yaml-nesting',
      `the YAML cannot be read: ${firstLine(String((e as Error)?.message ?? e))}`,
    );
    return { source };
  }
  if (unsafe) return { source };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (e instanceof RangeError) {
      // the stack ran out, as the walk above would have on a slightly deeper file
      diag(file, START, 'yaml-nesting', `the YAML cannot be read: ${firstLine(msg)}`);
      return { source };
    }
    const bomb = /excessive alias count/i.test(msg);
    diag(
      file,
      (bomb && firstAlias) || START,
      bomb ? 'yaml-alias-limit' : 'yaml-syntax',
      bomb
        ? `the aliases in this file expand to too much data (an alias bomb); write the content out instead`
        : `the YAML cannot be read: ${cleanYamlMessage(msg)}`,
    );
    return { source };
  }

  return { source, data };
}

function parseFile(
  file: string,
  rawText: string,
  diag: Report,
): { source: SourceFile; file?: ParsedFile } {
  const text = rawText.replace(/^\uFEFF/, '');
  const read = readYaml(file, text, diag);
  const { source } = read;
  if (!('data' in read)) return { source };
  const data = read.data;

  if (!/^#\s*yaml-language-server:\s*\$schema=\S+/.test(text)) {
    diag(
      file,
      START,
      'schema-header',
      'start the file with "# yaml-language-server: $schema=<path to rules/schema/KIND.schema.json>" so editors can check it',
      'warning',
    );
  }

  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diag(
      file,
      positionOf(source, [], false),
      'unknown-kind',
      'a rule file is a mapping with a `kind` key',
    );
    return { source };
  }
  const kind = (data as Record<string, unknown>).kind;
  if (typeof kind !== 'string' || !Object.hasOwn(FILE_KINDS, kind)) {
    const pos = positionOf(source, ['kind'], kind === undefined);
    diag(
      file,
      pos,
      'unknown-kind',
      kind === undefined
        ? `the file has no \`kind\`; add one of ${Object.keys(FILE_KINDS).join(', ')}`
        : `kind must be one of ${Object.keys(FILE_KINDS).join(', ')}; found ${JSON.stringify(kind)}`,
    );
    return { source };
  }
  const schema = FILE_KINDS[kind as FileKind] as z.ZodType;
  let result: ReturnType<z.ZodType['safeParse']>;
  try {
    result = schema.safeParse(data);
    // the inputs make better messages, but cost time on every file: only when something is wrong
    if (!result.success) result = schema.safeParse(data, { reportInput: true });
  } catch (e) {
    // only a stack overflow on absurdly nested data gets here
    diag(
      file,
      START,
      'yaml-nesting',
      `the file cannot be checked: ${firstLine(String((e as Error)?.message ?? e))}`,
    );
    return { source };
  }
  const blankFree = reportBlankTexts(source, data, diag);
  if (!result.success) {
    for (const issue of result.error.issues) reportIssue(source, data, issue, [], diag);
    return { source };
  }
  if (!blankFree) return { source };
  return { source, file: { file, kind: kind as FileKind, data: result.data } };
}

/**
 * Texts made of spaces pass `min(1)` but say nothing. Returns false when one was found. Walks
 * the validated data iteratively (no recursion on nested conditions).
 */
function reportBlankTexts(source: SourceFile, data: unknown, diag: Report): boolean {
  let ok = true;
  // parent links instead of a copied path per value: the path is only built for a report
  interface Item {
    readonly value: unknown;
    readonly key: string | number | undefined;
    readonly parent: Item | undefined;
  }
  const pathOf = (item: Item | undefined): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let i = item; i?.key !== undefined; i = i.parent) path.push(i.key);
    return path.reverse();
  };
  const stack: Item[] = [{ value: data, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const value = item.value;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const v: unknown = value[i];
        if (v !== null && typeof v === 'object') stack.push({ value: v, key: i, parent: item });
      }
      continue;
    }
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 2 && typeof obj.nl === 'string' && typeof obj.en === 'string') {
      for (const lang of ['nl', 'en'] as const) {
        // an empty string is the schema's to report; this is for texts of only spaces
        const text = obj[lang] as string;
        if (text.length > 0 && text.trim() === '') {
          ok = false;
          const path = pathOf(item);
          diag(
            source.file,
            positionOf(source, [...path, lang], false),
            'missing-text',
            `the ${lang === 'nl' ? 'Dutch (nl)' : 'English (en)'} text at ${formatPath(path)} is blank`,
          );
        }
      }
      continue;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      const v = obj[k];
      if (v !== null && typeof v === 'object') stack.push({ value: v, key: k, parent: item });
    }
  }
  return ok;
}

type Issue = z.core.$ZodIssue;

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function hasKey(data: unknown, path: readonly (string | number)[]): boolean {
  const parent = valueAt(data, path.slice(0, -1));
  const key = path[path.length - 1];
  return (
    parent !== null && typeof parent === 'object' && key !== undefined && Object.hasOwn(parent, key)
  );
}

/** A union failed on every branch: the branch that fits the input's shape best explains why. */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] {
  let best: readonly Issue[] = branches[0] ?? [];
  let bestScore = Infinity;
  for (const issues of branches) {
    // keys the branch does not know, or keys it needs that are absent, mean "another shape"
    let mismatch = 0;
    for (const i of issues) {
      if (i.code === 'unrecognized_keys' && i.path.length === 0) mismatch += i.keys.length;
      else if (i.code === 'invalid_type' && i.path.length <= 1 && i.input === undefined) mismatch++;
      else if (i.code === 'invalid_type' && i.path.length === 0) mismatch += 2;
    }
    const score = mismatch * 1000 + issues.length;
    if (score < bestScore) {
      best = issues;
      bestScore = score;
    }
  }
  return best;
}

function reportIssue(
  source: SourceFile,
  data: unknown,
  issue: Issue,
  prefix: readonly (string | number)[],
  diag: Report,
): void {
  const path = [
    ...prefix,
    ...issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
  ];
  const last = path[path.length - 1];
  const parent = path.slice(0, -1);
  const at = (p: readonly (string | number)[], atKey = false) => positionOf(source, p, atKey);
  const absent = issue.code === 'invalid_type' && !hasKey(data, path);
  const empty = issue.code === 'invalid_type' && !absent && issue.input === null;

  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      diag(
        source.file,
        at([...path, key], true),
        'unknown-key',
        `unknown key "${key}"${formatPath(path) ? ` in ${formatPath(path)}` : ''}${suggest(key)}`,
      );
    }
    return;
  }
  if (issue.code === 'invalid_union') {
    const branches = issue.errors;
    const simple = branches.every(
      (b) => b.length === 1 && b[0]!.code === 'invalid_type' && b[0]!.path.length === 0,
    );
    if (simple && branches.length > 0) {
      const expected = [...new Set(branches.map((b) => (b[0] as { expected: string }).expected))];
      const list =
        expected.length > 1
          ? `${expected.slice(0, -1).join(', ')} or ${expected[expected.length - 1]}`
          : (expected[0] ?? 'another value');
      diag(
        source.file,
        at(path),
        'schema',
        `${formatPath(path) ? `${formatPath(path)}: ` : ''}expected ${list}, found ${describe(valueAt(data, path))}`,
      );
      return;
    }
    for (const sub of bestBranch(branches)) reportIssue(source, data, sub, path, diag);
    return;
  }
  const isText = last === 'nl' || last === 'en';
  if (isText && (absent || empty || issue.code === 'too_small')) {
    diag(
      source.file,
      at(absent ? parent : path),
      'missing-text',
      `the ${last === 'nl' ? 'Dutch (nl)' : 'English (en)'} text is missing at ${formatPath(parent)}`,
    );
    return;
  }
  if (last === 'sources' && (absent || empty || issue.code === 'too_small')) {
    diag(
      source.file,
      at(absent ? parent : path),
      'missing-sources',
      `${formatPath(parent) || 'this'} cites no source: add sources (a seed file:line, or a law or authority from the sources registry)`,
    );
    return;
  }
  const where = formatPath(parent);
  if (absent && typeof last === 'string') {
    diag(source.file, at(parent), 'schema', `${where ? `${where}: ` : ''}\`${last}\` is required`);
    return;
  }
  if (empty && typeof last === 'string') {
    diag(
      source.file,
      at(path, true),
      'schema',
      `${where ? `${where}: ` : ''}\`${last}\` has no value`,
    );
    return;
  }
  const full = formatPath(path);
  diag(source.file, at(path), 'schema', `${full ? `${full}: ` : ''}${humanMessage(issue)}`);
}

/** zod's wording, made a little friendlier where it is cryptic. */
function humanMessage(issue: Issue): string {
  if (issue.code === 'invalid_type') {
    return `expected ${issue.expected}, found ${describe(issue.input)}`;
  }
  if (issue.code === 'invalid_format' && issue.format === 'date') {
    return `must be a date as YYYY-MM-DD (for example 2026-11-27); found ${describe(issue.input)}`;
  }
  if (issue.code === 'invalid_value') {
    const values = issue.values.map((v) => JSON.stringify(v));
    return values.length === 1
      ? `must be ${values[0]}; found ${describe(issue.input)}`
      : `must be one of ${values.join(', ')}; found ${describe(issue.input)}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return `needs at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return 'must not be empty';
  }
  return issue.message.replace(/^Invalid input: /, '');
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  }
  return `${typeof value} ${String(value)}`;
}

function suggest(key: string): string {
  return key.toLowerCase() !== key ? ` (keys are lower case: "${key.toLowerCase()}"?)` : '';
}

function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/** Line and column (1-based) of the node at `path`, or of the deepest ancestor that exists. */
function positionOf(src: SourceFile, path: readonly (string | number)[], atKey: boolean): Position {
  const doc = src.doc;
  if (!doc) return START;
  let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
  let best = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length && node; i++) {
    const seg = path[i];
    const isLast = i === path.length - 1;
    if (isAlias(node)) node = node.resolve(doc) as YamlNode | undefined;
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
