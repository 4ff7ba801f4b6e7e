// yaml's syntax tree to plain JavaScript data, in one linear pass with bounded work: the one
// reader of YAML data for rule files, answers files and the wizard's session file.
//
// yaml's own toJS resolves every alias by visiting the whole document again (and counts an
// anchor's aliases the same way), so a file with many aliases costs aliases × nodes; and data
// reached through aliases is walked again by every check after it. Here anchors are a map filled
// in document order, an alias costs one lookup, and the pass stops at the first limit passed: the
// number of aliases, the number of values the data holds once every alias is expanded (what zod
// and the engine walk) and how deeply lists and mappings nest. It keeps no stack per level.
// For valid input the data is what yaml's toJS gives: the same values, plain objects and arrays,
// and an alias is the same object as its anchor's data.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import type { Lang } from '../core/advice.ts';
import { tooDeepToParse, yamlProblemText, yamlSyntaxText } from './yaml-messages.ts';
import type { FileKindNames, YamlProblemKind } from './yaml-messages.ts';

export type { YamlProblemKind } from './yaml-messages.ts';

export interface YamlLimits {
  /** Aliases (`*name`) in one document. */
  readonly aliases: number;
  /** Values (scalars, lists and mappings) of the data once every alias is expanded. */
  readonly values: number;
  /** Lists and mappings inside each other, aliases expanded. */
  readonly depth: number;
  /** The kind of file, for messages: "rule files". */
  readonly files: FileKindNames;
}

export interface YamlProblem {
  readonly kind: YamlProblemKind;
  /** Offset in the text of the node it is about. */
  readonly offset: number;
  readonly message: string;
}

/** Answers files and the wizard's session: a flat map of answers, lists at most one level deep. */
export const ANSWERS_LIMITS: YamlLimits = {
  aliases: 100,
  values: 100_000,
  depth: 16,
  files: { nl: 'antwoordenbestanden', en: 'answers files' },
};

/** Keys that could reach an object prototype. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Anchored {
  readonly data: unknown;
  /** Values of the data (aliases expanded); set when the node is read to its end. */
  size: number;
  height: number;
  done: boolean;
}

interface Frame {
  readonly map: boolean;
  readonly items: readonly unknown[];
  readonly data: Record<string, unknown> | unknown[];
  readonly level: number;
  readonly anchored: Anchored | undefined;
  readonly valuesAtStart: number;
  index: number;
  height: number;
  key: string;
}

const PUSHED = Symbol('pushed');
const STOP = Symbol('stop');
type Leaf = { readonly data: unknown; readonly height: number };

const offsetOf = (node: unknown): number => (node as YamlNode | null)?.range?.[0] ?? 0;

/**
 * Reads the values of one document. One reader per document: its anchors, aliases and values are
 * counted across every `read` (an answers file reads its values one by one).
 */
export class YamlReader {
  readonly problems: YamlProblem[] = [];
  private readonly anchors = new Map<string, Anchored>();
  private aliases = 0;
  private values = 0;
  private stop_ = false;

  constructor(
    private readonly limits: YamlLimits,
    /** The language of the problems' messages. */
    private readonly lang: Lang = 'en',
  ) {}

  /** A limit was passed: nothing more is read. */
  get stopped(): boolean {
    return this.stop_;
  }

  /** The data of `node`, or undefined when a problem was found in it (see `problems`). */
  read(node: unknown): { readonly data: unknown } | undefined {
    if (this.stop_) return undefined;
    const before = this.problems.length;
    let result: unknown;
    const stack: Frame[] = [];
    const deliver = (leaf: Leaf) => {
      const top = stack[stack.length - 1];
      if (!top) {
        result = leaf.data;
        return;
      }
      if (leaf.height + 1 > top.height) top.height = leaf.height + 1;
      if (!top.map) (top.data as unknown[]).push(leaf.data);
      else setKey(top.data as Record<string, unknown>, top.key, leaf.data);
    };
    const first = this.enter(node, 1, stack);
    if (first === STOP) return undefined;
    if (first !== PUSHED) deliver(first);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.index >= top.items.length) {
        stack.pop();
        if (top.anchored) {
          top.anchored.size = this.values - top.valuesAtStart;
          top.anchored.height = top.height;
          top.anchored.done = true;
        }
        deliver({ data: top.data, height: top.height });
        continue;
      }
      const item = top.items[top.index++];
      let child: unknown = item;
      if (top.map) {
        const pair = item as Pair<unknown, unknown>;
        top.key = this.key(pair.key);
        child = pair.value;
      }
      const next = this.enter(child, top.level + 1, stack);
      if (next === STOP) return undefined;
      if (next !== PUSHED) deliver(next);
    }
    return this.problems.length > before ? undefined : { data: result };
  }

  /** A mapping's key as yaml's toJS makes it a property name; reports keys that cannot be. */
  private key(key: unknown): string {
    if (key === null || key === undefined) return '';
    if (!isScalar(key)) {
      this.problem('key', key);
      return '';
    }
    const value = key.value;
    if (key.anchor) this.anchor(key.anchor, { data: value, size: 1, height: 0, done: true });
    const name = value === null ? '' : String(value);
    if (UNSAFE_KEYS.has(name)) {
      this.problem('unsafe-key', key, name);
    }
    return name;
  }

  private enter(node: unknown, level: number, stack: Frame[]): Leaf | typeof PUSHED | typeof STOP {
    const { limits } = this;
    if (node === null || node === undefined) return this.value(node) ?? { data: null, height: 0 };
    if (isScalar(node)) {
      const stop = this.value(node);
      if (stop) return stop;
      const v = node.value;
      const data = typeof v === 'bigint' ? Number(v) : v;
      if (node.anchor) this.anchor(node.anchor, { data, size: 1, height: 0, done: true });
      return { data, height: 0 };
    }
    if (isAlias(node)) {
      if (++this.aliases > limits.aliases) {
        return this.stop('aliases', node, limits.aliases);
      }
      const target = this.anchors.get(node.source);
      if (!target) {
        this.problem('no-anchor', node, node.source);
        return { data: undefined, height: 0 };
      }
      if (!target.done) {
        this.problem('own-anchor', node, node.source);
        return { data: undefined, height: 0 };
      }
      this.values += target.size;
      if (this.values > limits.values) {
        return this.stop('expansion', node, limits.values);
      }
      if (level + target.height - 1 > limits.depth) return this.tooDeep(node);
      return { data: target.data, height: target.height };
    }
    const pairInList = isPair(node);
    if (isMap(node) || isSeq(node) || pairInList) {
      if (level > limits.depth) return this.tooDeep(node);
      const stop = this.value(node);
      if (stop) return stop;
      // a `key: value` in a flow list is a mapping of one pair, as yaml's toJS makes it
      const map = pairInList || isMap(node);
      const data = map ? {} : [];
      const anchor = pairInList ? undefined : node.anchor;
      const anchored = anchor ? { data, size: 0, height: 0, done: false } : undefined;
      if (anchor && anchored) this.anchor(anchor, anchored);
      stack.push({
        map,
        items: pairInList ? [node] : node.items,
        data,
        level,
        anchored,
        valuesAtStart: this.values - 1,
        index: 0,
        height: 1,
        key: '',
      });
      return PUSHED;
    }
    return this.stop('values', node);
  }

  /** Counts one value; STOP once there are more than the limit. */
  private value(node: unknown): typeof STOP | undefined {
    if (++this.values <= this.limits.values) return undefined;
    return this.stop('values', node, this.limits.values);
  }

  private tooDeep(node: unknown): typeof STOP {
    return this.stop('depth', node, this.limits.depth);
  }

  private anchor(name: string, anchored: Anchored): void {
    this.anchors.set(name, anchored);
  }

  /** `arg`: the key or alias name, or the limit passed (see yamlProblemText). */
  private problem(kind: YamlProblemKind, node: unknown, arg?: string | number): void {
    const message = yamlProblemText(kind, arg, this.limits.files, this.lang);
    this.problems.push({ kind, offset: offsetOf(node), message });
  }

  private stop(kind: YamlProblemKind, node: unknown, arg?: string | number): typeof STOP {
    this.problem(kind, node, arg);
    this.stop_ = true;
    return STOP;
  }
}

/** As yaml's toJS sets a property: a key that exists already (on the prototype too) is defined. */
function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key in obj) {
    Object.defineProperty(obj, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else obj[key] = value;
}

/**
 * Every alias of a document with the node it stands for (the last anchor of its name before it,
 * as yaml resolves it), in one pass: for finding positions through aliases without yaml's
 * `resolve`, which visits the whole document each time.
 */
export function aliasTargets(doc: Document.Parsed): Map<unknown, YamlNode> {
  const anchors = new Map<string, YamlNode>();
  const targets = new Map<unknown, YamlNode>();
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
      continue;
    }
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) continue;
    if (node.anchor) anchors.set(node.anchor, node);
    if (isMap(node) || isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return targets;
}

/** A whole YAML text read: its data with the syntax tree and lines, or its first problem. */
export type YamlText =
  | {
      readonly data: unknown;
      readonly doc: Document.Parsed;
      readonly lines: LineCounter;
    }
  | {
      readonly problem: { readonly offset: number; readonly message: string };
      readonly lines: LineCounter;
    };

/**
 * A whole YAML text (YAML 1.2, core schema, a BOM dropped) read through the bounded reader: for
 * files that are read whole, such as the wizard's session. The syntax tree is kept, for positions.
 */
export function readYamlText(rawText: string, limits: YamlLimits, lang: Lang = 'en'): YamlText {
  const text = rawText.replace(/^\uFEFF/, '');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, logLevel: 'error' });
  const error = parseErrors(doc, text, limits.depth, lang)[0];
  if (error) return { problem: error, lines };
  const reader = new YamlReader(limits, lang);
  const read = reader.read(doc.contents);
  const problem = reader.problems[0];
  if (!read || problem) {
    return {
      problem: {
        offset: problem?.offset ?? 0,
        message: problem?.message ?? yamlProblemText('values', undefined, limits.files, lang),
      },
      lines,
    };
  }
  return { data: read.data, doc, lines };
}

/** A whole YAML text as data, or its first problem as "line L, column C: message". */
export function yamlTextData(
  text: string,
  limits: YamlLimits,
): { readonly data: unknown } | { readonly error: string } {
  const read = readYamlText(text, limits);
  if ('data' in read) return { data: read.data };
  const { line, col } = read.lines.linePos(read.problem.offset);
  return { error: `line ${line}, column ${col}: ${read.problem.message}` };
}

/** A parse error to report: where (an offset in the text) and what. */
export interface ParseError {
  readonly offset: number;
  readonly message: string;
  readonly code: string;
}

/**
 * The parse errors of a document as they should be reported, in `lang` (yamlSyntaxText). When yaml's parser ran out of stack
 * (RESOURCE_EXHAUSTION), its position is wherever the stack ended, which differs from run to run,
 * and the errors after it are noise: that is one error instead, at the first place the text nests
 * deeper than `depth` (or its start), so that the same file always gets the same report.
 */
export function parseErrors(
  doc: Document.Parsed,
  text: string,
  depth: number,
  lang: Lang = 'en',
): ParseError[] {
  if (doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION')) {
    return [
      {
        offset: deepNestingOffset(text, depth),
        message: tooDeepToParse(depth, lang),
        code: 'RESOURCE_EXHAUSTION',
      },
    ];
  }
  return doc.errors.map((e) => ({
    offset: e.pos[0],
    message: yamlSyntaxText(
      e.code,
      (e.message.split('\n')[0] ?? '').replace(/\s+at line \d+, column \d+:?\s*$/, ''),
      lang,
    ),
    code: e.code,
  }));
}

/**
 * The offset of the first `[` or `{` that opens a level deeper than `depth`, outside quotes and
 * comments; 0 when there is none (deep block nesting: then the start of the file is the place).
 */
export function deepNestingOffset(text: string, depth: number): number {
  let level = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const before = i === 0 ? '\n' : text[i - 1]!;
    if ((c === '"' || c === "'") && ' \t\n[{,:'.includes(before)) {
      // a quoted scalar: to its closing quote ('' and \" do not close it)
      for (i++; i < text.length; i++) {
        if (c === '"' && text[i] === '\\') i++;
        else if (text[i] === c) {
          if (c === "'" && text[i + 1] === "'") i++;
          else break;
        }
      }
    } else if (c === '#' && ' \t\n'.includes(before)) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      if (++level > depth) return i;
    } else if ((c === ']' || c === '}') && level > 0) {
      level--;
    }
  }
  return 0;
}
