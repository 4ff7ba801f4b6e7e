// The inputs of `innoroute diff` other than a CSV file: an answers file (one input, named after
// the file), or rule test cases — a test file, or a directory such as rules/tests (each case an
// input, named after the case, assessed at its own `as_of` unless dates are given). The answers
// are kept as written: each side checks them against its own rule set.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Lang } from '../core/advice.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { TestCase } from '../core/schema.ts';
import { formatProblemIn, readAnswersFile } from './answers-file.ts';
import type { LoadedRules } from './load.ts';
import { loadRuleDir, loadRuleTexts } from './load.ts';

export interface AnswersInput {
  readonly id: string;
  readonly raw: Readonly<Record<string, unknown>>;
  /** A test case's own date. */
  readonly asOf?: string;
}

/** The inputs could not be read: every problem, located. */
export class DiffInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'DiffInputError';
  }
}

const TEXTS = {
  nl: { noCases: (p: string) => `${p}: geen testgevallen gevonden (bestanden met "kind: tests")` },
  en: { noCases: (p: string) => `${p}: no test cases found (files with "kind: tests")` },
} as const;

/** Whether `path` is read as answers or test cases (not as CSV): a directory, YAML or JSON. */
export function isAnswersInput(path: string): boolean {
  try {
    if (statSync(path).isDirectory()) return true;
  } catch {
    return false;
  }
  return /\.(ya?ml|json)$/i.test(path);
}

function casesOf(loaded: LoadedRules, shown: string, lang: Lang): AnswersInput[] {
  const errors = loaded.diagnostics.filter(
    (d: Diagnostic) => d.severity === 'error' && d.code !== 'no-rules',
  );
  if (errors.length > 0) {
    throw new DiffInputError(
      errors.map((d) => `${shown}/${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`),
    );
  }
  const inputs: AnswersInput[] = [];
  for (const f of loaded.files) {
    if (f.kind !== 'tests') continue;
    for (const c of (f.data as { cases: readonly TestCase[] }).cases) {
      inputs.push({
        id: c.name,
        raw: c.answers as Record<string, unknown>,
        ...(c.as_of ? { asOf: c.as_of } : {}),
      });
    }
  }
  if (inputs.length === 0) throw new DiffInputError([TEXTS[lang].noCases(shown)]);
  return inputs;
}

/** The inputs at `path` (a directory, or a YAML or JSON file), as `shown` names it. */
export function readAnswersInputs(path: string, shown: string, lang: Lang): AnswersInput[] {
  if (statSync(path).isDirectory()) {
    return casesOf(loadRuleDir(path, { includeTests: true }), shown.replace(/\/+$/, ''), lang);
  }
  const read = readAnswersFile(path, shown, lang);
  const errors = read.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new DiffInputError(errors.map((p) => formatProblemIn(p, lang)));
  if (read.raw['kind'] === 'tests') {
    const loaded = loadRuleTexts([{ file: basename(path), text: readFileSync(path, 'utf8') }]);
    return casesOf(loaded, shown.replace(/\/?[^/]*$/, '') || '.', lang).map((c) => c);
  }
  return [{ id: shown, raw: read.raw }];
}
