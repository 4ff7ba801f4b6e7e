// Shared by the validate tests: fixture directories on disk and an in-process CLI run.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CliContext } from '../../src/cli/context.ts';
import type { RuleText } from '../../src/io/load.ts';
import { main } from '../../src/cli/main.ts';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'lint');
export const BASE = join(FIXTURES, 'base');
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The fixtures' files are reviewed 2026-11-01; this date keeps them fresh. */
export const AS_OF = '2026-11-27';

const made: string[] = [];

/** A fresh temporary directory, removed by cleanup(). */
export function tempDir(prefix = 'innoroute-lint-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanup(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A rule directory: the valid base set with the files of test/fixtures/lint/<name>/ laid over
 * it (added, or replacing a base file of the same name). Returns its path.
 */
export function fixtureDir(name?: string): string {
  const dir = join(tempDir(), 'rules');
  cpSync(BASE, dir, { recursive: true });
  if (name) cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

export interface Expected {
  readonly code: string;
  readonly file: string;
  readonly line: number;
}

/**
 * The diagnostics a fixture promises: a line ending in `# expect: code[, code…]` must get
 * exactly those codes, on that line, in that file.
 */
export function markers(name: string): Expected[] {
  const root = join(FIXTURES, name);
  const out: Expected[] = [];
  for (const path of filesUnder(root)) {
    const file = relative(root, path).split(sep).join('/');
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const m = /#\s*expect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*$/.exec(text);
        if (!m) return;
        for (const code of m[1]!.split(',')) out.push({ code: code.trim(), file, line: i + 1 });
      });
  }
  return out;
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function sink(isTTY: boolean): Writable & { isTTY?: boolean; text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as Writable & { isTTY?: boolean; text: () => string };
  w.isTTY = isTTY;
  w.text = () => chunks.join('');
  return w;
}

/** Runs the CLI in-process with captured output. */
export async function runCli(
  argv: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; isTTY?: boolean } = {},
): Promise<CliResult> {
  const stdout = sink(options.isTTY ?? false);
  const stderr = sink(options.isTTY ?? false);
  const ctx: CliContext = {
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    stdout,
    stderr,
    stdin: Readable.from([]),
  };
  const code = await main(argv, ctx);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

export interface JsonDiagnostic {
  readonly file: string;
  readonly path: string;
  readonly line: number;
  readonly col: number;
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
}

export interface JsonReport {
  readonly schemaVersion: number;
  readonly summary: {
    errors: number;
    warnings: number;
    files: number;
    checked: boolean;
    nodes: number;
  };
  readonly diagnostics: JsonDiagnostic[];
}

/** `validate <dir> --format json` in-process, parsed. */
export async function validateJson(
  dir: string,
  extra: readonly string[] = [],
): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const r = await runCli(['validate', dir, '--format', 'json', '--as-of', AS_OF, ...extra], {
    cwd: dir,
  });
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

/** code@file:line, for comparing what was found with what was expected. */
export function key(d: { code: string; file: string; line: number }): string {
  return `${d.code}@${d.file}:${d.line}`;
}

/** The valid base rule set as in-memory texts, in file order (for loadRuleTexts). */
export function baseTexts(): RuleText[] {
  const out: RuleText[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else
        out.push({ file: relative(BASE, p).split(sep).join('/'), text: readFileSync(p, 'utf8') });
    }
  };
  walk(BASE);
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}
