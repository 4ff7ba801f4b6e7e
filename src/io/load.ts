// Reads a rule directory: finds the YAML files (never leaving the directory), parses them with
// positions, validates each against the zod schema of its kind and reports every problem as a
// located Diagnostic — all of them, not just the first. Hostile input (alias bombs, prototype keys,
// huge files, deep nesting, links out of the directory) yields diagnostics, never an exception.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic, DiagnosticCode, Finding, Severity } from '../core/diagnostics.ts';
import type { ParsedFile } from '../core/ruleset.ts';
import { FILE_KINDS } from '../core/schema.ts';
import type { FileKind } from '../core/schema.ts';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ALIASES = 100;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const SKIP_DIRS = new Set(['schema', 'node_modules']);

export interface Position {
  readonly line: number;
  readonly col: number;
}

interface SourceFile {
  readonly file: string;
  readonly text: string;
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

/** Thrown when the directory itself cannot be used; the CLI turns it into exit 2. */
export class RuleDirError extends Error {}

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

  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, SourceFile>();
  const files: ParsedFile[] = [];
  const hash = createHash('sha256');

  const diag = (
    file: string,
    pos: Position,
    code: DiagnosticCode,
    message: string,
    severity: Severity = 'error',
  ) => diagnostics.push({ code, severity, file, line: pos.line, col: pos.col, message });

  const paths = findYamlFiles(realRoot, (file, code, message) =>
    diag(file, { line: 1, col: 1 }, code, message),
  );

  for (const { abs, file } of paths) {
    let text: string;
    try {
      const size = statSync(abs).size;
      if (size > maxBytes) {
        diag(
          file,
          { line: 1, col: 1 },
          'file-too-large',
          `the file is ${size} bytes; rule files may be at most ${maxBytes} bytes: split it`,
        );
        continue;
      }
      text = readFileSync(abs, 'utf8');
    } catch (e) {
      diag(file, { line: 1, col: 1 }, 'read-error', `cannot read: ${(e as Error).message}`);
      continue;
    }
    const parsed = parseFile(file, text, diag);
    sources.set(file, parsed.source);
    if (!parsed.file) continue;
    files.push(parsed.file);
    if (parsed.file.kind !== 'tests') {
      hash.update(file).update('\0').update(text).update('\0');
    }
  }

  if (paths.length === 0) {
    diag('.', { line: 1, col: 1 }, 'no-rules', `no .yaml files found in ${root}`);
  }

  const locate = (finding: Finding): Diagnostic => {
    const src = sources.get(finding.origin.file);
    const pos = src ? positionOf(src, finding.origin.path, finding.atKey ?? false) : { line: 1, col: 1 };
    return {
      code: finding.code,
      severity: finding.severity,
      file: finding.origin.file,
      line: pos.line,
      col: pos.col,
      message: finding.message,
    };
  };

  return {
    root,
    files: files.filter((f) => options.includeTests !== false || f.kind !== 'tests'),
    diagnostics,
    hash: `sha256:${hash.digest('hex')}`,
    locate,
  };
}

function findYamlFiles(
  realRoot: string,
  report: (file: string, code: DiagnosticCode, message: string) => void,
): { abs: string; file: string }[] {
  const out: { abs: string; file: string }[] = [];
  const seenDirs = new Set<string>();
  const walk = (dir: string) => {
    if (seenDirs.has(dir)) return;
    seenDirs.add(dir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      report(toRel(realRoot, dir), 'read-error', `cannot read directory: ${(e as Error).message}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const abs = join(dir, entry.name);
      const rel = toRel(realRoot, abs);
      let target = abs;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          target = realpathSync(abs);
        } catch {
          report(rel, 'read-error', 'a broken symbolic link');
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + sep)) {
          if (/\.ya?ml$/i.test(entry.name) || statSafe(target)?.isDirectory()) {
            report(rel, 'outside-root', `links to ${target}, outside the rule directory; not read`);
          }
          continue;
        }
        const st = statSafe(target);
        isDir = st?.isDirectory() ?? false;
        isFile = st?.isFile() ?? false;
      }
      if (isDir) {
        if (!SKIP_DIRS.has(entry.name) || dir !== realRoot) walk(target);
      } else if (isFile && /\.ya?ml$/i.test(entry.name)) {
        out.push({ abs: target, file: rel });
      }
    }
  };
  walk(realRoot);
  return out;
}

function statSafe(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function toRel(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/') || '.';
}

type Report = (
  file: string,
  pos: Position,
  code: DiagnosticCode,
  message: string,
  severity?: Severity,
) => void;

function parseFile(
  file: string,
  text: string,
  diag: Report,
): { source: SourceFile; file?: ParsedFile } {
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    // The parser itself gave up (for example nesting so deep that the stack ran out).
    diag(file, { line: 1, col: 1 }, 'yaml-syntax', `the YAML cannot be parsed: ${(e as Error).message}`);
    return { source: { file, text, doc: undefined, lines } };
  }
  const source: SourceFile = { file, text, doc, lines };
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const pos = err.linePos?.[0] ?? lines.linePos(err.pos[0]);
      const code: DiagnosticCode = err.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
      diag(file, pos, code, firstLine(err.message));
    }
    return { source };
  }

  let unsafe = false;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && UNSAFE_KEYS.has(String(pair.key.value))) {
        unsafe = true;
        diag(
          file,
          lines.linePos(pair.key.range?.[0] ?? 0),
          'unsafe-key',
          `the key "${String(pair.key.value)}" is not allowed in rule files`,
        );
      }
    },
  });
  if (unsafe) return { source };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const msg = (e as Error).message;
    const alias = /alias/i.test(msg);
    diag(
      file,
      { line: 1, col: 1 },
      alias ? 'yaml-alias-limit' : 'yaml-syntax',
      alias
        ? `the YAML expands more than ${MAX_ALIASES} aliases; write the content out instead of using aliases`
        : `the YAML cannot be read: ${firstLine(msg)}`,
    );
    return { source };
  }

  if (!/^#\s*yaml-language-server:\s*\$schema=\S+/.test(text.replace(/^\uFEFF/, ''))) {
    diag(
      file,
      { line: 1, col: 1 },
      'schema-header',
      'start the file with "# yaml-language-server: $schema=<path to rules/schema/KIND.schema.json>" so editors can check it',
      'warning',
    );
  }

  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diag(file, { line: 1, col: 1 }, 'unknown-kind', 'a rule file is a mapping with a `kind` key');
    return { source };
  }
  const kind = (data as Record<string, unknown>).kind;
  if (typeof kind !== 'string' || !(kind in FILE_KINDS)) {
    const pos = positionOf(source, ['kind'], false);
    diag(
      file,
      pos,
      'unknown-kind',
      `kind must be one of ${Object.keys(FILE_KINDS).join(', ')}; found ${JSON.stringify(kind ?? null)}`,
    );
    return { source };
  }
  const schema = FILE_KINDS[kind as FileKind] as z.ZodType;
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      reportIssue(source, issue, diag);
    }
    return { source };
  }
  return { source, file: { file, kind: kind as FileKind, data: result.data } };
}

function reportIssue(source: SourceFile, issue: z.core.$ZodIssue, diag: Report): void {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const last = path[path.length - 1];
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      diag(
        source.file,
        positionOf(source, [...path, key], true),
        'unknown-key',
        `unknown key "${key}"${suggest(key, source, path)}`,
      );
    }
    return;
  }
  if ((last === 'nl' || last === 'en') && issue.code === 'invalid_type' && issue.input === undefined) {
    diag(
      source.file,
      positionOf(source, path.slice(0, -1), false),
      'missing-text',
      `the ${last === 'nl' ? 'Dutch (nl)' : 'English (en)'} text is missing at ${formatPath(path.slice(0, -1))}`,
    );
    return;
  }
  if (last === 'sources' && (issue.code === 'too_small' || (issue.code === 'invalid_type' && issue.input === undefined))) {
    diag(
      source.file,
      positionOf(source, issue.input === undefined ? path.slice(0, -1) : path, false),
      'missing-sources',
      `${formatPath(path.slice(0, -1))} cites no source: add sources (a seed file:line, or a law or authority from the sources registry)`,
    );
    return;
  }
  const where = formatPath(path);
  diag(
    source.file,
    positionOf(source, path, false),
    'schema',
    `${where ? `${where}: ` : ''}${issue.message}`,
  );
}

function suggest(key: string, source: SourceFile, path: readonly (string | number)[]): string {
  void source;
  void path;
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
  if (!doc) return { line: 1, col: 1 };
  let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
  let best = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length && node; i++) {
    const seg = path[i];
    const isLast = i === path.length - 1;
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
