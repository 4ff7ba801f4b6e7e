// Reads a rule directory: finds the YAML files (never leaving the directory), parses them with
// positions, validates each against the zod schema of its kind and reports every problem as a
// located Diagnostic — all of them, not just the first. Hostile input (alias bombs, prototype keys,
// huge files, deep nesting, links out of the directory) yields diagnostics, never an exception.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { RuleSetError } from './errors.ts';
import { findYamlFiles } from './files.ts';
import type { z } from 'zod';
import type { Diagnostic, Finding } from '../core/diagnostics.ts';
import type { ParsedFile } from '../core/ruleset.ts';
import { FILE_KINDS } from '../core/schema.ts';
import type { FileKind } from '../core/schema.ts';
import { reportBlankTexts, reportIssue } from './schema-issues.ts';
import type { Report, SourceFile } from './yaml-source.ts';
import { positionOf, readYaml, reportTooDeep, START, syntaxTree } from './yaml-source.ts';

export type { Position } from './yaml-source.ts';
export { MAX_ALIASES, MAX_SYNTAX_ERRORS } from './yaml-source.ts';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

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
    reportTooDeep(diag, file, 'the file cannot be checked', e);
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
