// Answers files (contract §2): a flat YAML or JSON map from question id to value. Reading keeps the
// position of every key and value, so that each problem — a YAML syntax error, a list where a map
// belongs, an option that does not exist — is reported as file:line:col, all of them at once.
// Checking the values is core's job (normalizeAnswers); this module only adds the positions.
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  stringify,
  visit,
  Document,
} from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import type { AnswerValue, Answers, Lang } from '../core/advice.ts';
import { normalizeAnswers, parseAnswer, THOUSANDS_AMOUNT } from '../core/answers.ts';
import type { AnswerProblem } from '../core/answers.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { answersMessages } from './answers-messages.ts';
import { decodeUtf16, describeUnreadable, sniff } from './sniff.ts';
import { decodeWindows1252 } from './legacy-text.ts';
import { ANSWERS_LIMITS, parseErrors, YamlReader } from './yaml-data.ts';

/**
 * The largest answers file read, in bytes, from a file or stdin: a real one is well under 2 KB.
 * Reading stops one byte past it, so a larger input (or an endless one) is never read whole.
 */
export const MAX_ANSWERS_BYTES = 1024 * 1024;

export interface FileProblem {
  readonly severity: 'error' | 'warning';
  /** As given by the user (for messages). */
  readonly file: string;
  /** 1-based; absent when the problem concerns the whole file (cannot be read). */
  readonly line?: number;
  readonly col?: number;
  /** The question the problem is about, if any. */
  readonly question?: string;
  readonly message: string;
  readonly suggestion?: string;
  readonly validOptions?: readonly string[];
}

export interface RawAnswersFile {
  readonly file: string;
  /** Question id (as written) → the value as plain data; null prototype. */
  readonly raw: Readonly<Record<string, unknown>>;
  /** Syntax and shape problems; when any is an error, `raw` is empty or partial. */
  readonly problems: readonly FileProblem[];
  /** Position of a question's value (or of one list item in it), for messages. */
  readonly locate: (
    question: string,
    item?: (value: unknown) => boolean,
  ) => { line: number; col: number } | undefined;
  /** Position of a key as written. */
  readonly locateKey: (key: string) => { line: number; col: number } | undefined;
  /** The value of a key as written in the file (a scalar's source text), if it is a scalar. */
  readonly written?: (key: string) => string | undefined;
}

export interface CheckedAnswers {
  readonly answers: Answers;
  /** All problems: the file's own and the answers' (located), errors and warnings. */
  readonly problems: readonly FileProblem[];
}

/** `answers.yaml:4:17 goal: "prevntion" is not an option …` / `answers.yaml:9:1 warning: …`. */
export function formatProblem(p: FileProblem): string {
  return formatProblemIn(p, 'en');
}

/** formatProblem in the user's language. */
export function formatProblemIn(p: FileProblem, lang: Lang): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.col ?? 1}` : `${p.file}:`;
  if (p.severity === 'warning') return `${where} ${answersMessages(lang).warning}: ${p.message}`;
  return `${where} ${p.question ? `${p.question}: ` : ''}${p.message}`;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/** Parses answers text (YAML, or JSON which YAML reads too). `file` is only used in messages. */
export function parseAnswersText(text: string, file: string, lang: Lang = 'en'): RawAnswersFile {
  const m = answersMessages(lang);
  const problems: FileProblem[] = [];
  const raw: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const lines = new LineCounter();
  const positions = new Map<string, YamlNode>();
  const keys = new Map<string, YamlNode>();
  const none = () => undefined;
  const err = (
    pos: { line: number; col: number } | undefined,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ) => problems.push({ severity, file, ...(pos ? { line: pos.line, col: pos.col } : {}), message });

  const source = text.replace(/^\uFEFF/, '');
  let doc: Document.Parsed;
  try {
    doc = parseDocument(source, {
      lineCounter: lines,
      prettyErrors: true,
      // repeated keys are found below, case-insensitively, as the answers are read
      uniqueKeys: false,
    });
  } catch (e) {
    err({ line: 1, col: 1 }, m.cannotParse(firstLine((e as Error).message)));
    return { file, raw, problems, locate: none, locateKey: none };
  }
  if (doc.errors.length > 0) {
    for (const e of parseErrors(doc, source, ANSWERS_LIMITS.depth, lang)) {
      err(lines.linePos(e.offset), m.yamlError(e.message));
    }
    return { file, raw, problems, locate: none, locateKey: none };
  }
  const at = (node: YamlNode | null | undefined) => lines.linePos(node?.range?.[0] ?? 0);
  const root = doc.contents as YamlNode | null;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    err({ line: 1, col: 1 }, m.noAnswers, 'warning');
    return { file, raw, problems, locate: none, locateKey: none };
  }
  if (!isMap(root)) {
    const found = isSeq(root)
      ? m.aList
      : isScalar(root)
        ? m.aSingleValue(JSON.stringify(root.value))
        : m.somethingElse;
    err(at(root), m.notAMap(found));
    return { file, raw, problems, locate: none, locateKey: none };
  }
  const answered = new Map<string, { id: string; line: number }>();
  // one bounded reader for the whole file: anchors, aliases and sizes count across the answers
  const reader = new YamlReader(ANSWERS_LIMITS, lang);
  const values = new Map<string, unknown>();
  for (const pair of root.items as Pair<YamlNode | null, YamlNode | null>[]) {
    const key = pair.key;
    const mark = reader.problems.length;
    if (!isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
      err(at(key), m.badKey);
      continue;
    }
    const id = String(key.value);
    // `Phase:` is the question `phase:` is (keys are read trimmed and case-insensitively): a
    // second answer to one question is an error, never a silent override
    const same = id.trim().toLowerCase();
    const first = answered.get(same);
    if (first) {
      err(at(key), m.answeredAgain(same, id === same ? '' : id, first.line, first.id));
      continue;
    }
    answered.set(same, { id, line: at(key).line });
    reader.read(key); // an anchor on a key can be used later
    const read = reader.read(pair.value);
    if (!read) {
      for (const p of reader.problems.slice(mark)) {
        err(lines.linePos(p.offset), m.valueUnreadable(p.message));
      }
      if (reader.stopped) break; // a limit was passed: the rest is not read
      continue;
    }
    const value = read.data;
    raw[id] = value;
    values.set(id, value);
    positions.set(id, pair.value ?? key);
    keys.set(id, key);
  }

  const locate: RawAnswersFile['locate'] = (question, item) => {
    const node = positions.get(question) ?? positions.get(findKey(positions, question) ?? '');
    if (!node) return undefined;
    const value = values.get(question) ?? values.get(findKey(positions, question) ?? '');
    if (item && isSeq(node) && Array.isArray(value)) {
      // the items as read, not yaml's toJS per item (which visits the whole file per alias)
      for (let i = 0; i < node.items.length; i++) {
        if (item(value[i])) return at(node.items[i] as YamlNode);
      }
    }
    return at(node);
  };
  const locateKey: RawAnswersFile['locateKey'] = (key) => {
    const node = keys.get(key);
    return node ? at(node) : undefined;
  };
  const written = (key: string) => {
    const node = positions.get(key);
    if (!node || !isScalar(node) || !node.range) return undefined;
    return source.slice(node.range[0], node.range[1]);
  };
  return { file, raw, problems, locate, locateKey, written };
}

function findKey(positions: ReadonlyMap<string, unknown>, question: string): string | undefined {
  for (const k of positions.keys()) if (k.trim().toLowerCase() === question) return k;
  return undefined;
}

function unreadable(file: string, message: string): RawAnswersFile {
  const none = () => undefined;
  return {
    file,
    raw: Object.create(null) as Record<string, unknown>,
    problems: [{ severity: 'error', file, message }],
    locate: none,
    locateKey: none,
  };
}

function tooLarge(lang: Lang, what: (max: string) => string): string {
  const m = answersMessages(lang);
  const max = MAX_ANSWERS_BYTES.toLocaleString(m.locale);
  return m.tooLarge(what(max), max);
}

/**
 * The bytes of an answers file as answers: a spreadsheet or another binary file is one problem
 * (what it is and what to give instead); UTF-16 with a BOM is decoded, anything else is UTF-8.
 */
export function parseAnswersBytes(
  bytes: Uint8Array,
  file: string,
  lang: Lang = 'en',
): RawAnswersFile {
  const kind = sniff(bytes);
  const cannot = describeUnreadable(kind, 'answers', lang);
  if (cannot) return unreadable(file, `${cannot.what}; ${cannot.todo}`);
  if (kind.kind === 'utf16') return parseAnswersText(decodeUtf16(bytes, kind.encoding), file, lang);
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (isUtf8(view)) return parseAnswersText(view.toString('utf8'), file, lang);
  // not UTF-8: an editor's Windows-1252 (legacy-text.ts), read as such rather than losing its é
  const parsed = parseAnswersText(decodeWindows1252(view), file, lang);
  const note: FileProblem = {
    severity: 'warning',
    file,
    message: answersMessages(lang).windows1252,
  };
  return { ...parsed, problems: [note, ...parsed.problems] };
}

/** At most `limit` bytes of a file, read in order (a pipe or a device too: never more). */
function readAtMost(path: string, limit: number): Buffer {
  const buf = Buffer.alloc(limit);
  const fd = openSync(path, 'r');
  try {
    let size = 0;
    for (;;) {
      const n = readSync(fd, buf, size, limit - size, null);
      if (n === 0) break;
      size += n;
      if (size === limit) break;
    }
    return buf.subarray(0, size);
  } finally {
    closeSync(fd);
  }
}

/** Reads an answers file; a file that cannot be read is one problem, not an exception. */
export function readAnswersFile(
  path: string,
  display: string = path,
  lang: Lang = 'en',
): RawAnswersFile {
  const m = answersMessages(lang);
  const fail = (message: string) => unreadable(display, message);
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return fail(m.isDirectory);
    if (st.size > MAX_ANSWERS_BYTES) {
      return fail(tooLarge(lang, () => m.fileSize(st.size.toLocaleString(m.locale))));
    }
    // a pipe, /dev/stdin or a device says size 0: the limit holds while reading
    bytes = readAtMost(path, MAX_ANSWERS_BYTES + 1);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT'
        ? m.noSuchFile
        : code === 'EACCES' || code === 'EPERM'
          ? m.permissionDenied
          : m.cannotRead((e as Error).message),
    );
  }
  if (bytes.length > MAX_ANSWERS_BYTES) {
    return fail(tooLarge(lang, m.holdsMore));
  }
  return parseAnswersBytes(bytes, display, lang);
}

/**
 * Reads answers from a stream (`advise -`: stdin) up to MAX_ANSWERS_BYTES: past it, reading
 * stops and the input is one problem, so that an endless input is never held whole.
 */
export async function readAnswersStream(
  input: Readable,
  display: string,
  lang: Lang = 'en',
): Promise<RawAnswersFile> {
  const m = answersMessages(lang);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of input) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      chunks.push(buf);
      size += buf.length;
      if (size > MAX_ANSWERS_BYTES) {
        return unreadable(display, tooLarge(lang, m.holdsMore));
      }
    }
  } catch (e) {
    return unreadable(display, m.cannotRead((e as Error).message));
  }
  return parseAnswersBytes(Buffer.concat(chunks), display, lang);
}

/** Checks the raw answers against the rule set and puts every problem at its place in the file. */
export function checkAnswers(
  rules: RuleSet,
  file: RawAnswersFile,
  lang: Lang = 'en',
): CheckedAnswers {
  const { answers, problems } = normalizeAnswers(rules, file.raw, lang);
  const located = problems.map((p): FileProblem => locateProblem(rules, file, p));
  return {
    answers,
    problems: [...file.problems, ...located, ...thousandsWarnings(rules, file, answers, lang)],
  };
}

/**
 * `cost_hospital: 250.000` is 250 euros by the answer rules (. and , are decimal marks), but a
 * Dutch writer may well mean 250000. Not an error — the rules are clear — but worth a warning.
 */
function thousandsWarnings(
  rules: RuleSet,
  file: RawAnswersFile,
  answers: Answers,
  lang: Lang,
): FileProblem[] {
  const out: FileProblem[] = [];
  for (const key of Object.keys(file.raw)) {
    const q = rules.questions.get(key);
    const text = file.written?.(key)?.trim();
    const value = q ? answers[q.id] : undefined;
    if (!q || q.kind !== 'number' || typeof value !== 'number' || !text) continue;
    if (!THOUSANDS_AMOUNT.test(text.replace(/^(["'])(.*)\1$/, '$2'))) continue;
    const pos = file.locate(key);
    const plain = text.replace(/["'€\s.,]/g, '');
    out.push({
      severity: 'warning',
      file: file.file,
      ...(pos ? { line: pos.line, col: pos.col } : {}),
      question: q.id,
      message: answersMessages(lang).thousands(q.id, text, value, plain),
    });
  }
  return out;
}

function locateProblem(rules: RuleSet, file: RawAnswersFile, p: AnswerProblem): FileProblem {
  const q = rules.questions.get(p.question);
  // in a list, point at the item that is wrong
  const badItem =
    q && q.kind === 'many' ? (v: unknown) => 'problem' in parseAnswer(q, [v]) : undefined;
  // an unknown or computed question: point at the key, the value is not the problem
  const pos = !q || q.derived ? file.locateKey(p.question) : file.locate(p.question, badItem);
  return {
    severity: p.severity,
    file: file.file,
    ...(pos ? { line: pos.line, col: pos.col } : {}),
    question: p.question,
    message: p.message,
    ...(p.suggestion ? { suggestion: p.suggestion } : {}),
    ...(p.validOptions ? { validOptions: p.validOptions } : {}),
  };
}

/**
 * Answers as YAML that `advise` and `wizard --answers` read back: keys in the given order, lists
 * inline, and strings a YAML 1.1 reader would take for a boolean or number ("yes", "no", "0800")
 * quoted, so that other tools read the same values.
 */
export function formatAnswersYaml(
  answers: Answers,
  header: readonly string[] = [],
  order?: readonly string[],
): string {
  const keys = order
    ? [
        ...order.filter((k) => k in answers),
        ...Object.keys(answers).filter((k) => !order.includes(k)),
      ]
    : Object.keys(answers);
  const data: Record<string, AnswerValue> = {};
  for (const k of keys) data[k] = answers[k]!;
  const doc = new Document(data, { version: '1.1' });
  visit(doc, {
    Seq(_, node) {
      node.flow = true;
    },
  });
  const body =
    keys.length === 0 ? '{}\n' : doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
  const comments = header.map((h) => `# ${h}\n`).join('');
  return comments + body;
}

/** Plain YAML for other documents the CLI writes (sessions). */
export function toYaml(value: unknown): string {
  return stringify(value, { version: '1.1', lineWidth: 0, flowCollectionPadding: false });
}
