// Turning what a user wrote — an answers file, a CSV cell, a wizard answer — into typed Answers,
// checked against the questions of the rule set. One set of rules for every entry point (contract
// §2): option ids case-insensitive and trimmed; several ids separated by | ; or ,; booleans
// yes/no/true/false/ja/nee/1/0; numbers with . or , as decimal mark and an optional leading €.
// A missing answer is never an error; an unknown question is a warning; an invalid value is an
// error that names the question, the value and the valid options, with a "did you mean".
import type { AnswerValue, Answers } from './advice.ts';
import type { QuestionDef, RuleSet } from './ruleset.ts';

export interface AnswerProblem {
  readonly severity: 'error' | 'warning';
  readonly question: string;
  /** The value as the user wrote it. */
  readonly value: string;
  readonly message: string;
  readonly validOptions?: readonly string[];
  readonly suggestion?: string;
}

export interface NormalizedAnswers {
  readonly answers: Answers;
  readonly problems: readonly AnswerProblem[];
}

const TRUE = new Set(['yes', 'true', 'ja', 'j', 'y', '1']);
const FALSE = new Set(['no', 'false', 'nee', 'n', '0']);

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Levenshtein distance, bounded: returns max+1 as soon as it is certain to exceed max. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        prev[j]! + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest candidate to `input`, if one is close enough to be a likely typo. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const hay = c.toLowerCase();
    let score = editDistance(needle, hay, 3);
    if (score > 3 && needle.length >= 3 && (hay.startsWith(needle) || hay.includes(needle)))
      score = 3;
    const limit = Math.max(1, Math.min(3, Math.floor(hay.length / 3)));
    if (score <= limit && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

function isEmpty(raw: unknown): boolean {
  return (
    raw === undefined ||
    raw === null ||
    (typeof raw === 'string' && raw.trim() === '') ||
    (Array.isArray(raw) && raw.length === 0)
  );
}

type Parsed =
  | { value: AnswerValue }
  | { problem: Omit<AnswerProblem, 'question' | 'severity'> }
  | { empty: true };

function optionProblem(q: QuestionDef, item: string, whole: unknown): Parsed {
  const suggestion = didYouMean(item, q.optionIds);
  return {
    problem: {
      value: show(whole),
      message:
        `"${item}" is not an option of ${q.id}` +
        (suggestion ? ` — did you mean "${suggestion}"?` : '') +
        `; valid: ${q.optionIds.join(', ')}`,
      validOptions: q.optionIds,
      ...(suggestion ? { suggestion } : {}),
    },
  };
}

function matchOption(q: QuestionDef, item: string): string | undefined {
  const needle = item.trim().toLowerCase();
  return q.optionIds.find((o) => o.toLowerCase() === needle);
}

function parseOne(q: QuestionDef, raw: unknown): Parsed {
  let text: string;
  if (typeof raw === 'boolean') {
    // `is_medical_device: yes` read by a YAML 1.1 tool, or a spreadsheet TRUE
    const mapped = raw ? matchOption(q, 'yes') : matchOption(q, 'no');
    if (mapped) return { value: mapped };
    text = String(raw);
  } else if (typeof raw === 'string' || typeof raw === 'number') {
    text = String(raw);
  } else {
    return {
      problem: {
        value: show(raw),
        message: `${q.id} takes one option id; valid: ${q.optionIds.join(', ')}`,
        validOptions: q.optionIds,
      },
    };
  }
  const found = matchOption(q, text);
  return found ? { value: found } : optionProblem(q, text.trim(), raw);
}

function parseMany(q: QuestionDef, raw: unknown): Parsed {
  let items: string[];
  if (Array.isArray(raw)) {
    if (!raw.every((x) => typeof x === 'string' || typeof x === 'number')) {
      return {
        problem: {
          value: show(raw),
          message: `${q.id} takes a list of option ids`,
          validOptions: q.optionIds,
        },
      };
    }
    items = raw.map(String);
  } else if (typeof raw === 'string') {
    items = raw.split(/[|;,]/);
  } else {
    return {
      problem: {
        value: show(raw),
        message: `${q.id} takes a list of option ids`,
        validOptions: q.optionIds,
      },
    };
  }
  const chosen = new Set<string>();
  for (const item of items) {
    if (item.trim() === '') continue;
    const found = matchOption(q, item);
    if (!found) return optionProblem(q, item.trim(), raw);
    chosen.add(found);
  }
  if (chosen.size === 0) return { empty: true };
  // option order, so that the same choice always gives the same answers
  return { value: q.optionIds.filter((o) => chosen.has(o)) };
}

function parseBoolean(q: QuestionDef, raw: unknown): Parsed {
  if (typeof raw === 'boolean') return { value: raw };
  const text = String(raw).trim().toLowerCase();
  if (TRUE.has(text)) return { value: true };
  if (FALSE.has(text)) return { value: false };
  return {
    problem: {
      value: show(raw),
      message: `${q.id} is yes or no; write yes/no, ja/nee, true/false or 1/0`,
      validOptions: ['yes', 'no'],
    },
  };
}

/** Parses "1234.5", "1234,5", "€ 1234", "-300"; refuses thousands separators and other text. */
export function parseNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw
    .trim()
    .replace(/^€\s*/, '')
    .replace(/^(-)\s*€\s*/, '$1');
  if (!/^-?\d+([.,]\d+)?$/.test(text)) return undefined;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

function parseNumeric(q: QuestionDef, raw: unknown): Parsed {
  const n = parseNumber(raw);
  if (n === undefined) {
    return {
      problem: {
        value: show(raw),
        message: `${q.id} takes a number of euros, such as 250000 or 1250,50 (no thousands separators)`,
      },
    };
  }
  if (q.min !== undefined && n < q.min) {
    return { problem: { value: show(raw), message: `${q.id} must be at least ${q.min}` } };
  }
  if (q.max !== undefined && n > q.max) {
    return { problem: { value: show(raw), message: `${q.id} must be at most ${q.max}` } };
  }
  return { value: n };
}

function parseText(q: QuestionDef, raw: unknown): Parsed {
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
    return { value: String(raw).trim() };
  }
  return { problem: { value: show(raw), message: `${q.id} takes text` } };
}

/** Parses one raw value for one question. */
export function parseAnswer(q: QuestionDef, raw: unknown): Parsed {
  if (isEmpty(raw)) return { empty: true };
  switch (q.kind) {
    case 'one':
      return parseOne(q, raw);
    case 'many':
      return parseMany(q, raw);
    case 'boolean':
      return parseBoolean(q, raw);
    case 'number':
      return parseNumeric(q, raw);
    case 'text':
      return parseText(q, raw);
  }
}

/**
 * Checks a raw answer map against the rule set. Keys are question ids; unknown ids and derived
 * facts are reported as warnings and dropped; invalid values are errors and dropped; the
 * remaining answers are typed, in question order.
 */
export function normalizeAnswers(
  rules: RuleSet,
  raw: Readonly<Record<string, unknown>>,
): NormalizedAnswers {
  const problems: AnswerProblem[] = [];
  const values = new Map<string, AnswerValue>();
  const ids = [...rules.questions.keys()];
  for (const key of Object.keys(raw)) {
    const rawValue = raw[key];
    const q = rules.questions.get(key) ?? rules.questions.get(key.trim().toLowerCase());
    if (!q) {
      const suggestion = didYouMean(key, ids);
      problems.push({
        severity: 'warning',
        question: key,
        value: show(rawValue),
        message: `unknown question "${key}"${suggestion ? ` — did you mean "${suggestion}"?` : ''}; ignored`,
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    if (q.derived) {
      problems.push({
        severity: 'warning',
        question: key,
        value: show(rawValue),
        message: `${key} is computed by innoroute, not answered; ignored`,
      });
      continue;
    }
    const parsed = parseAnswer(q, rawValue);
    if ('problem' in parsed) {
      problems.push({ severity: 'error', question: q.id, ...parsed.problem });
    } else if ('value' in parsed) {
      values.set(q.id, parsed.value);
    }
  }
  const answers: Record<string, AnswerValue> = {};
  for (const id of rules.questionOrder) {
    const v = values.get(id);
    if (v !== undefined) answers[id] = v;
  }
  return { answers, problems };
}
