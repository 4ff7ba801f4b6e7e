// Mutated rule sets: the shipped rules/ with one to three kinds of damage — a key deleted, a
// reference changed, an id duplicated, a file truncated, junk bytes inserted, deep nesting (a long
// chain of nodes, a deeply nested condition or YAML list), many aliases — run through `validate`
// and one of `advise`, `batch` or `test` with `--rules`. Invalid rules must stop every command
// (exit 2), as `validate` reports them.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Command, FuzzCase, Scale } from './model.ts';
import { AS_OF, utf8 } from './model.ts';
import { ROOT, SHIPPED_RULES } from './spawn.ts';

interface RuleText {
  /** Relative to the rules directory, with `/`. */
  readonly file: string;
  readonly text: string;
}

let textsCache: readonly RuleText[] | undefined;

/** The shipped rule files (YAML, the generated JSON Schema left out). */
export function ruleTexts(): readonly RuleText[] {
  textsCache ??= (() => {
    const out: RuleText[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
        a.name.localeCompare(b.name),
      )) {
        const p = join(dir, e.name);
        if (e.isDirectory() && e.name !== 'schema') walk(p);
        else if (e.isFile() && e.name.endsWith('.yaml')) {
          out.push({
            file: relative(SHIPPED_RULES, p).split('\\').join('/'),
            text: readFileSync(p, 'utf8'),
          });
        }
      }
    };
    walk(SHIPPED_RULES);
    return out;
  })();
  return textsCache;
}

const REFERENCE =
  /\b(next|then|else|unknown|unanswered|route|question|stakeholder|warning): ([a-z][a-z0-9_.-]*)/g;
const ID = /\bid: ([a-z0-9_.-]+)/g;
const KEY_LINE = /^\s*(- )?[a-z_]+:/;

type Mutation =
  | { readonly kind: 'delete-key'; readonly pick: number }
  | {
      readonly kind: 'change-ref';
      readonly pick: number;
      readonly to: number;
      readonly junk: boolean;
    }
  | { readonly kind: 'duplicate-id'; readonly pick: number; readonly from: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'junk'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: 'chain'; readonly depth: number }
  | { readonly kind: 'nested-condition'; readonly depth: number; readonly pick: number }
  | { readonly kind: 'nested-list'; readonly depth: number }
  | { readonly kind: 'aliases'; readonly levels: number; readonly refs: number };

function mutation(scale: Scale): fc.Arbitrary<Mutation> {
  const depth = fc.oneof(
    fc.integer({ min: 2, max: 200 }),
    fc.integer({ min: 200, max: scale.depth }),
  );
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('delete-key' as const), pick: fc.nat() }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('change-ref' as const),
        pick: fc.nat(),
        to: fc.nat(),
        junk: fc.boolean(),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('duplicate-id' as const),
        pick: fc.nat(),
        from: fc.nat(),
      }),
    },
    fc.record({
      kind: fc.constant('truncate' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant('junk' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
    }),
    fc.record({ kind: fc.constant('chain' as const), depth }),
    fc.record({ kind: fc.constant('nested-condition' as const), depth, pick: fc.nat() }),
    fc.record({ kind: fc.constant('nested-list' as const), depth }),
    fc.record({
      kind: fc.constant('aliases' as const),
      levels: fc.integer({ min: 1, max: scale.aliasLevels }),
      refs: fc.integer({ min: 1, max: scale.aliases }),
    }),
  );
}

function matches(text: string, re: RegExp): RegExpExecArray[] {
  return [...text.matchAll(new RegExp(re.source, 'g'))];
}

/** Replaces group 2 (or 1) of a match. */
function replaceValue(text: string, m: RegExpExecArray, group: number, value: string): string {
  const start = m.index + m[0].length - m[group]!.length;
  return text.slice(0, start) + value + text.slice(start + m[group]!.length);
}

/** Which file a mutation is for: a tree for the structural ones, any file otherwise. */
function treeFile(texts: readonly RuleText[], n: number): number {
  const trees = texts.flatMap((t, i) => (t.file.startsWith('trees/') ? [i] : []));
  return trees[n % trees.length]!;
}

/**
 * Applies a mutation to file `which` (a tree for the structural ones) in `texts`, or in `binary`
 * for junk bytes; says what it did.
 */
function apply(
  texts: RuleText[],
  binary: Map<string, Uint8Array>,
  which: number,
  m: Mutation,
): string {
  const i = ['chain', 'nested-condition'].includes(m.kind)
    ? treeFile(texts, which)
    : which % texts.length;
  const t = texts[i]!;
  let text = t.text;
  let what: string = m.kind;
  switch (m.kind) {
    case 'delete-key': {
      const lines = text.split('\n');
      const keyed = lines.flatMap((l, n) => (KEY_LINE.test(l) ? [n] : []));
      if (keyed.length === 0) break;
      const n = keyed[m.pick % keyed.length]!;
      what = `delete line ${n + 1} (${lines[n]!.trim().slice(0, 40)})`;
      lines.splice(n, 1);
      text = lines.join('\n');
      break;
    }
    case 'change-ref': {
      const refs = matches(text, REFERENCE);
      if (refs.length === 0) break;
      const r = refs[m.pick % refs.length]!;
      const to = m.junk ? 'zz-nowhere' : refs[m.to % refs.length]![2]!;
      what = `${r[1]}: ${r[2]} -> ${to}`;
      text = replaceValue(text, r, 2, to);
      break;
    }
    case 'duplicate-id': {
      const ids = matches(text, ID);
      if (ids.length < 2) break;
      const from = ids[m.from % ids.length]![1]!;
      const r = ids[m.pick % ids.length]!;
      what = `id ${r[1]} -> ${from}`;
      text = replaceValue(text, r, 1, from);
      break;
    }
    case 'truncate': {
      const at = Math.floor(m.at * text.length);
      what = `truncate at ${at} of ${text.length}`;
      text = text.slice(0, at);
      break;
    }
    case 'junk': {
      const bytes = Buffer.from(text);
      const at = Math.floor(m.at * bytes.length);
      binary.set(t.file, Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]));
      return `${t.file}: ${m.bytes.length} junk bytes at byte ${at}`;
    }
    case 'chain': {
      // a chain of nodes before the tree's first node, which the chain's end leads to
      const first = /\bnodes:\n\s*- id: ([a-z0-9_.-]+)/.exec(text);
      if (!first) break;
      let chain = '';
      for (let d = 0; d < m.depth; d++) {
        const next = d === m.depth - 1 ? first[1] : `zz-deep-${d + 1}`;
        chain += `  - id: zz-deep-${d}\n    next: ${next}\n`;
      }
      text = text.replace('nodes:\n', `nodes:\n${chain}`);
      what = `a chain of ${m.depth} nodes`;
      break;
    }
    case 'nested-condition': {
      const ifs = matches(text, /^(\s+)if: (.+)$/m);
      if (ifs.length === 0) break;
      const r = ifs[m.pick % ifs.length]!;
      const leaf = '{ question: phase, equals: explore }';
      const deep = `${'{ all: ['.repeat(m.depth)}${leaf}${'] }'.repeat(m.depth)}`;
      text = replaceValue(text, r, 2, deep);
      what = `a condition nested ${m.depth} deep`;
      break;
    }
    case 'nested-list':
      text += `\nzz_deep: ${'['.repeat(m.depth)}1${']'.repeat(m.depth)}\n`;
      what = `a list nested ${m.depth} deep`;
      break;
    case 'aliases': {
      let add = `\nzz_a0: &a0 [${Array.from({ length: 10 }, () => 'x').join(', ')}]\n`;
      for (let l = 1; l < m.levels; l++) {
        add += `zz_a${l}: &a${l} [${Array.from({ length: 10 }, () => `*a${l - 1}`).join(', ')}]\n`;
      }
      for (let r = 0; r < m.refs; r++) add += `zz_r${r}: *a${m.levels - 1}\n`;
      text += add;
      what = `${m.levels} levels of aliases, ${m.refs} references`;
      break;
    }
  }
  texts[i] = { file: t.file, text };
  binary.delete(t.file);
  return `${t.file}: ${what}`;
}

const ANSWERS = readFileSync(join(ROOT, 'data', 'cue2walk.yaml'));
const CSV = utf8(
  'id,innovation_type,phase,goal\nr1,device,implement,prevention\nr2,digital,explore,\n',
);

export function rulesCase(scale: Scale): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      edits: fc.array(fc.tuple(fc.nat(), mutation(scale)), { minLength: 1, maxLength: 3 }),
      other: fc.constantFrom('advise', 'advise', 'batch', 'test'),
      outOntoRules: fc.boolean(),
      lang: fc.constantFrom('nl', 'en'),
    })
    .map(({ edits, other, outOntoRules, lang }): FuzzCase => {
      const texts = [...ruleTexts()];
      const binary = new Map<string, Uint8Array>();
      const labels = edits.map(([which, m]) => apply(texts, binary, which, m));
      const files: Record<string, Uint8Array> = {};
      const shipped = ruleTexts();
      texts.forEach((t, i) => {
        if (t.text !== shipped[i]!.text) files[`rules/${t.file}`] = utf8(t.text);
      });
      for (const [file, bytes] of binary) files[`rules/${file}`] = bytes;
      files['answers.yaml'] = ANSWERS;
      files['input.csv'] = CSV;
      const common = ['--rules', '{in}/rules', '--lang', lang, '--as-of', AS_OF];
      // --out onto a rule file of the set in use: refused, whatever else is wrong
      const out = outOntoRules ? ['--out', '{in}/rules/ruleset.yaml'] : ['--out', '{out}'];
      const refuse = outOntoRules
        ? { expect: { codes: [2], why: '--out names a rule file of the rule set in use' } }
        : {};
      const second: Command =
        other === 'advise'
          ? {
              args: ['advise', '{in}/answers.yaml', '--format', 'json', ...common, ...out],
              ...refuse,
            }
          : other === 'batch'
            ? {
                args: ['batch', '{in}/input.csv', ...common, ...out],
                ...(outOntoRules ? refuse : { rows: 2, format: 'csv' as const }),
              }
            : { args: ['test', '{in}/rules', '--lang', lang, '--as-of', AS_OF] };
      return {
        kind: 'rules',
        label: labels.join('; '),
        files,
        copyRules: true,
        commands: [
          {
            args: ['validate', '{in}/rules', '--format', 'json', '--lang', lang, '--as-of', AS_OF],
          },
          second,
        ],
        invalidRulesStopAll: other !== 'test',
      };
    });
}
