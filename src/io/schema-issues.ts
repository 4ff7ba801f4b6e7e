// zod's issues as a rule author reads them: located at the key or value they are about, in words
// ("`route` is required", "unknown key "Route" (keys are lower case: "route"?)"), with the branch of
// a union that fits the input best, and blank texts (only spaces) reported as missing.
import type { z } from 'zod';
import type { Report, SourceFile } from './yaml-source.ts';
import { positionOf } from './yaml-source.ts';

/**
 * Texts made of spaces pass `min(1)` but say nothing. Returns false when one was found. Walks
 * the validated data iteratively (no recursion on nested conditions).
 */
export function reportBlankTexts(source: SourceFile, data: unknown, diag: Report): boolean {
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

export function reportIssue(
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
