// Turning what a user wrote — an answers file, a CSV cell, a wizard answer — into typed Answers,
// checked against the questions of the rule set. One set of rules for every entry point (contract
// §2): option ids case-insensitive and trimmed; several ids separated by | ; or ,; booleans
// yes/no/true/false/ja/nee/1/0; numbers with . or , as decimal mark and an optional leading €.
// A missing answer is never an error; an unknown question is a warning; an invalid value is an
// error that names the question, the value and the valid options, with a "did you mean".
import type { AnswerValue, Answers, Lang } from './advice.ts';
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

/** Problem messages in both languages: they reach the innovator as they are. */
const MESSAGES = {
  en: {
    notOption: (item: string, q: string) => `"${item}" is not an option of ${q}`,
    didYouMean: (s: string) => ` — did you mean "${s}"?`,
    valid: (list: string) => `; valid: ${list}`,
    oneOption: (q: string, list: string) => `${q} takes one option id; valid: ${list}`,
    list: (q: string) => `${q} takes a list of option ids`,
    yesNo: (q: string) => `${q} is yes or no; write yes/no, ja/nee, true/false or 1/0`,
    number: (q: string) =>
      `${q} takes a number of euros, such as 250000 or 1250,50 (no thousands separators)`,
    atLeast: (q: string, n: number) => `${q} must be at least ${n}`,
    atMost: (q: string, n: number) => `${q} must be at most ${n}`,
    text: (q: string) => `${q} takes text`,
    unknown: (key: string) => `unknown question "${key}"`,
    ignored: '; ignored',
    derived: (key: string) => `${key} is computed by innoroute, not answered; ignored`,
  },
  nl: {
    notOption: (item: string, q: string) => `"${item}" is geen keuze bij ${q}`,
    didYouMean: (s: string) => ` — bedoel je "${s}"?`,
    valid: (list: string) => `; geldig: ${list}`,
    oneOption: (q: string, list: string) => `${q} vraagt één keuze; geldig: ${list}`,
    list: (q: string) => `${q} vraagt een lijst van keuzes`,
    yesNo: (q: string) => `${q} is ja of nee; schrijf ja/nee, yes/no, true/false of 1/0`,
    number: (q: string) =>
      `${q} vraagt een bedrag in euro's, zoals 250000 of 1250,50 (zonder scheidingstekens voor duizendtallen)`,
    atLeast: (q: string, n: number) => `${q} moet minstens ${n} zijn`,
    atMost: (q: string, n: number) => `${q} mag hoogstens ${n} zijn`,
    text: (q: string) => `${q} vraagt tekst`,
    unknown: (key: string) => `onbekende vraag "${key}"`,
    ignored: '; genegeerd',
    derived: (key: string) => `${key} berekent innoroute zelf, het is geen antwoord; genegeerd`,
  },
} as const;
type Messages = (typeof MESSAGES)[Lang];

// WAAR and ONWAAR: what Dutch Excel writes for TRUE and FALSE in a CSV export
const TRUE = new Set(['yes', 'true', 'ja', 'j', 'y', '1', 'waar']);
const FALSE = new Set(['no', 'false', 'nee', 'n', '0', 'onwaar']);

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

function optionProblem(q: QuestionDef, item: string, whole: unknown, m: Messages): Parsed {
  const suggestion = didYouMean(item, q.optionIds);
  return {
    problem: {
      value: show(whole),
      message:
        m.notOption(item, q.id) +
        (suggestion ? m.didYouMean(suggestion) : '') +
        m.valid(q.optionIds.join(', ')),
      validOptions: q.optionIds,
      ...(suggestion ? { suggestion } : {}),
    },
  };
}

/** Per question: its option ids by their lower case (the first option, should two collide). */
const optionsByLowerCase = new WeakMap<QuestionDef, ReadonlyMap<string, string>>();

function matchOption(q: QuestionDef, item: string): string | undefined {
  let byLower = optionsByLowerCase.get(q);
  if (byLower === undefined) {
    const map = new Map<string, string>();
    for (const o of q.optionIds) if (!map.has(o.toLowerCase())) map.set(o.toLowerCase(), o);
    optionsByLowerCase.set(q, (byLower = map));
  }
  return byLower.get(item.trim().toLowerCase());
}

function parseOne(q: QuestionDef, raw: unknown, m: Messages): Parsed {
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
        message: m.oneOption(q.id, q.optionIds.join(', ')),
        validOptions: q.optionIds,
      },
    };
  }
  const found = matchOption(q, text);
  return found ? { value: found } : optionProblem(q, text.trim(), raw, m);
}

function parseMany(q: QuestionDef, raw: unknown, m: Messages): Parsed {
  let items: string[];
  if (Array.isArray(raw)) {
    if (!raw.every((x) => typeof x === 'string' || typeof x === 'number')) {
      return {
        problem: {
          value: show(raw),
          message: m.list(q.id),
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
        message: m.list(q.id),
        validOptions: q.optionIds,
      },
    };
  }
  const chosen = new Set<string>();
  for (const item of items) {
    if (item.trim() === '') continue;
    const found = matchOption(q, item);
    if (!found) return optionProblem(q, item.trim(), raw, m);
    chosen.add(found);
  }
  if (chosen.size === 0) return { empty: true };
  // option order, so that the same choice always gives the same answers
  return { value: q.optionIds.filter((o) => chosen.has(o)) };
}

function parseBoolean(q: QuestionDef, raw: unknown, m: Messages): Parsed {
  if (typeof raw === 'boolean') return { value: raw };
  const text = String(raw).trim().toLowerCase();
  if (TRUE.has(text)) return { value: true };
  if (FALSE.has(text)) return { value: false };
  return {
    problem: {
      value: show(raw),
      message: m.yesNo(q.id),
      validOptions: ['yes', 'no'],
    },
  };
}

/**
 * An amount written with thousands separators, such as 250.000, 1,250,000 or € 250.000: what
 * parseNumber refuses, or (with one group, 250.000) reads as 250 — which a Dutch writer rarely
 * means. The wizard asks again, the answers reader warns, and batch, where no one would see a
 * warning per row, refuses the one-group form as ambiguous.
 */
export const THOUSANDS_AMOUNT = /^(€\s*)?-?\d{1,3}([.,]\d{3})+$/;

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

function parseNumeric(q: QuestionDef, raw: unknown, m: Messages): Parsed {
  const n = parseNumber(raw);
  if (n === undefined) {
    return {
      problem: {
        value: show(raw),
        message: m.number(q.id),
      },
    };
  }
  if (q.min !== undefined && n < q.min) {
    return { problem: { value: show(raw), message: m.atLeast(q.id, q.min) } };
  }
  if (q.max !== undefined && n > q.max) {
    return { problem: { value: show(raw), message: m.atMost(q.id, q.max) } };
  }
  return { value: n };
}

function parseText(q: QuestionDef, raw: unknown, m: Messages): Parsed {
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
    return { value: String(raw).trim() };
  }
  return { problem: { value: show(raw), message: m.text(q.id) } };
}

/** Parses one raw value for one question. */
export function parseAnswer(q: QuestionDef, raw: unknown, lang: Lang = 'en'): Parsed {
  const m = MESSAGES[lang];
  if (isEmpty(raw)) return { empty: true };
  switch (q.kind) {
    case 'one':
      return parseOne(q, raw, m);
    case 'many':
      return parseMany(q, raw, m);
    case 'boolean':
      return parseBoolean(q, raw, m);
    case 'number':
      return parseNumeric(q, raw, m);
    case 'text':
      return parseText(q, raw, m);
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
  lang: Lang = 'en',
): NormalizedAnswers {
  const m = MESSAGES[lang];
  const problems: AnswerProblem[] = [];
  const values = new Map<string, AnswerValue>();
  for (const key of Object.keys(raw)) {
    const rawValue = raw[key];
    const q = rules.questions.get(key) ?? rules.questions.get(key.trim().toLowerCase());
    if (!q) {
      const suggestion = didYouMean(key, [...rules.questions.keys()]);
      problems.push({
        severity: 'warning',
        question: key,
        value: show(rawValue),
        message: m.unknown(key) + (suggestion ? m.didYouMean(suggestion) : '') + m.ignored,
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    if (q.derived) {
      problems.push({
        severity: 'warning',
        question: key,
        value: show(rawValue),
        message: m.derived(key),
      });
      continue;
    }
    const parsed = parseAnswer(q, rawValue, lang);
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
