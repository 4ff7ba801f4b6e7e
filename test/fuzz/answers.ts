// Random answers files for `innoroute advise`: YAML and JSON, valid and invalid — wrong types,
// unknown questions and options, case-variant and duplicate keys, aliases, huge values, deep
// nesting, binary junk, a BOM, CRLF. The generator knows which files are certainly valid (exit 0)
// and which certainly are not (exit 2); for the rest only the general invariants apply.
import fc from 'fast-check';
import type { QuestionDef } from '../../src/core/ruleset.ts';
import { ANSWERS_LIMITS } from '../../src/io/yaml-data.ts';
import type { Command, FuzzCase, Scale } from './model.ts';
import { AS_OF, idVariant, junkText, questions, rarely, utf8 } from './model.ts';

/** innoroute's own limit on an answers file (src/io/answers-file.ts MAX_ANSWERS_BYTES). */
const MAX_ANSWERS_BYTES = 1024 * 1024;

type Status = 'valid' | 'invalid' | 'unknown';

interface Entry {
  readonly key: string;
  /** The question the key names (exactly or as a case variant), if any. */
  readonly question?: string;
  readonly value: unknown;
  readonly status: Status;
  /** Written as YAML source instead of `value` (aliases). */
  readonly yaml?: string;
}

function validValue(q: QuestionDef): fc.Arbitrary<unknown> {
  switch (q.kind) {
    case 'one':
      return fc.constantFrom(...q.optionIds);
    case 'many':
      return fc.shuffledSubarray([...q.optionIds], { minLength: 1 });
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.integer({ min: Math.max(0, q.min ?? 0), max: Math.min(q.max ?? 1e7, 1e7) });
    case 'text':
      return fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,19}$/).map((s) => s.trim() || 'x');
  }
}

/** A value the question certainly refuses; undefined for text, which takes nearly anything. */
function invalidValue(q: QuestionDef): fc.Arbitrary<unknown> | undefined {
  switch (q.kind) {
    case 'one':
      return fc.constantFrom('zz_not_an_option', { a: 1 }, [q.optionIds[0], 'zz_not_an_option']);
    case 'many':
      return fc.constantFrom(['zz_not_an_option'], { a: [1] });
    case 'boolean':
      return fc.constantFrom('perhaps', { a: true }, [true, false]);
    case 'number':
      return fc.constantFrom('abc', { a: 1 }, '12 apples');
    case 'text':
      return undefined;
  }
}

const anyJunk = fc.oneof(
  junkText,
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.array(junkText, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), junkText, { maxKeys: 2 }),
);

function entryFor(q: QuestionDef): fc.Arbitrary<Entry> {
  const invalid = invalidValue(q);
  const key = fc.oneof({ weight: 5, arbitrary: fc.constant(q.id) }, idVariant(q.id));
  return fc
    .tuple(
      key,
      fc.oneof(
        {
          weight: 8,
          arbitrary: validValue(q).map((value) => ({ value, status: 'valid' as const })),
        },
        ...(invalid ? [invalid.map((value) => ({ value, status: 'invalid' as const }))] : []),
        anyJunk.map((value) => ({ value, status: 'unknown' as const })),
      ),
    )
    .map(([k, v]) => ({ key: k, question: q.id, ...v }));
}

/** A key that is no question: warned about and ignored. */
const unknownEntry: fc.Arbitrary<Entry> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'zz_unknown'),
      fc.stringMatching(/^zz_[a-z0-9_]{1,10}$/),
    ),
    anyJunk,
  )
  .map(([key, value]) => ({ key, value, status: 'valid' as const }));

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const yamlKey = (k: string) =>
  PLAIN_KEY.test(k) && !/^(null|true|false|yes|no|on|off|y|n)$/i.test(k) ? k : JSON.stringify(k);

function toYaml(entries: readonly Entry[], eol: string): string {
  return entries
    .map((e) => `${yamlKey(e.key)}: ${e.yaml ?? JSON.stringify(e.value) ?? 'null'}`)
    .join(eol);
}

/** JSON by hand: a duplicate key stays a duplicate. */
function toJson(entries: readonly Entry[], eol: string): string {
  const body = entries.map(
    (e) => `  ${JSON.stringify(e.key)}: ${JSON.stringify(e.value) ?? 'null'}`,
  );
  return `{${eol}${body.join(`,${eol}`)}${eol}}`;
}

interface Body {
  readonly text: string | Uint8Array;
  readonly status: Status;
  readonly ext: string;
  readonly label: string;
}

/** A map of answers, the way most files are: the generator's main line. */
function mapBody(scale: Scale): fc.Arbitrary<Body> {
  const qs = questions();
  return fc
    .record({
      picked: fc.shuffledSubarray([...qs], { maxLength: 14 }),
      extra: fc.array(unknownEntry, { maxLength: 2 }),
      // a question answered again (the same key or a case variant): one map in four
      again: rarely(fc.nat(), 3),
      json: fc.boolean(),
      bom: fc.boolean(),
      crlf: fc.boolean(),
      aliases: rarely(
        fc.record({
          list: fc.integer({ min: 1, max: scale.aliasList }),
          count: fc.integer({ min: 1, max: Math.min(scale.aliases, 200) }),
          intoQuestion: fc.boolean(),
        }),
      ),
    })
    .chain((r) =>
      fc
        .tuple(
          ...r.picked.map(entryFor),
          ...(r.again !== null && r.picked.length > 0
            ? [entryFor(r.picked[r.again % r.picked.length]!)]
            : []),
        )
        .map((entries) => ({ ...r, entries: [...entries, ...r.extra] })),
    )
    .map((r) => {
      let entries: Entry[] = r.entries;
      let status: Status = 'valid';
      let label = r.json ? 'json map' : 'yaml map';
      if (r.aliases && !r.json) {
        // an anchored list, aliased many times: under a question or under unknown keys
        const goal = qs.find((q) => q.kind === 'many')!;
        const item = goal.optionIds[0]!;
        const list = `&big [${Array.from({ length: r.aliases.list }, () => item).join(', ')}]`;
        entries = entries.filter((e) => e.question !== goal.id);
        entries.push({ key: 'zz_anchor', value: null, status: 'valid', yaml: list });
        for (let i = 0; i < r.aliases.count; i++) {
          entries.push({ key: `zz_alias_${i}`, value: null, status: 'valid', yaml: '*big' });
        }
        if (r.aliases.intoQuestion) {
          entries.push({
            key: goal.id,
            question: goal.id,
            value: null,
            status: 'valid',
            yaml: '*big',
          });
        }
        label += ` with ${r.aliases.count} aliases of a ${r.aliases.list}-item list`;
        // the answers reader's documented limits (docs/reliability.md): more aliases, or more
        // values once they are expanded, is refused; close to the values limit the other answers
        // decide, so either is right there
        const aliases = r.aliases.count + (r.aliases.intoQuestion ? 1 : 0);
        const expanded = (aliases + 1) * (r.aliases.list + 1);
        if (aliases > ANSWERS_LIMITS.aliases || expanded > ANSWERS_LIMITS.values)
          status = 'invalid';
        else if (expanded > ANSWERS_LIMITS.values * 0.9) status = 'unknown';
      }
      const seen = new Map<string, number>();
      for (const e of entries) {
        if (e.question) seen.set(e.question, (seen.get(e.question) ?? 0) + 1);
        else seen.set(`key:${e.key}`, (seen.get(`key:${e.key}`) ?? 0) + 1);
      }
      const twice = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
      if (entries.some((e) => e.status === 'invalid')) status = 'invalid';
      else if (twice.length > 0) status = 'invalid';
      else if (entries.some((e) => e.status === 'unknown') && status === 'valid') {
        status = 'unknown';
      }
      if (twice.length > 0) label += ` answering ${twice.join(', ')} twice`;
      const eol = r.crlf ? '\r\n' : '\n';
      const text =
        (r.bom ? '\uFEFF' : '') + (r.json ? toJson(entries, eol) : toYaml(entries, eol)) + eol;
      return { text, status, ext: r.json ? 'json' : 'yaml', label };
    });
}

/** Files that are not a map of answers at all, or not text. */
function oddBody(scale: Scale): fc.Arbitrary<Body> {
  const qs = questions();
  const text = qs.find((q) => q.kind === 'text')!.id;
  return fc.oneof(
    fc.constantFrom<Body>(
      { text: '- phase\n- implement\n', status: 'invalid', ext: 'yaml', label: 'a list' },
      { text: '"just a string"\n', status: 'invalid', ext: 'yaml', label: 'a scalar' },
      { text: '[1, 2, 3]', status: 'invalid', ext: 'json', label: 'a JSON array' },
      { text: 'phase: [implement\n', status: 'invalid', ext: 'yaml', label: 'unclosed [' },
      { text: '{"phase": "implement",}', status: 'unknown', ext: 'json', label: 'trailing ,' },
      { text: 'phase: implement\nphase: explore\n', status: 'invalid', ext: 'yaml', label: 'dup' },
      {
        text: '{"phase":"implement","phase":"explore"}',
        status: 'invalid',
        ext: 'json',
        label: 'JSON duplicate key',
      },
      {
        text: 'phase: implement\nPhase: explore\n',
        status: 'invalid',
        ext: 'yaml',
        label: 'case-variant keys phase and Phase',
      },
      { text: '', status: 'valid', ext: 'yaml', label: 'empty file' },
      { text: '# nothing\n', status: 'valid', ext: 'yaml', label: 'only a comment' },
      { text: '\uFEFF', status: 'valid', ext: 'yaml', label: 'only a BOM' },
      {
        text: 'a: &a [x]\nb: &b [*a,*a]\nc: *c\n',
        status: 'invalid',
        ext: 'yaml',
        label: 'bad alias',
      },
      { text: 'phase:\timplement\n\t- x\n', status: 'unknown', ext: 'yaml', label: 'tabs' },
      { text: '--- !!binary\nAAAA\n', status: 'unknown', ext: 'yaml', label: 'a tag' },
      { text: '? [a, b]\n: x\n', status: 'invalid', ext: 'yaml', label: 'complex key' },
    ),
    fc.uint8Array({ minLength: 1, maxLength: 600 }).map((bytes): Body => ({
      text: bytes,
      status: 'unknown',
      ext: 'yaml',
      label: 'binary junk',
    })),
    // a zip (xlsx, docx) by mistake
    fc.uint8Array({ maxLength: 200 }).map((bytes): Body => ({
      text: Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000'), bytes]),
      status: 'unknown',
      ext: 'yaml',
      label: 'a zip file',
    })),
    fc.integer({ min: 1000, max: scale.huge }).map((n): Body => {
      const body = `${text}: "${'x'.repeat(n)}"\nphase: implement\n`;
      return {
        text: body,
        status: Buffer.byteLength(body) > MAX_ANSWERS_BYTES ? 'invalid' : 'unknown',
        ext: 'yaml',
        label: `a ${n}-character text answer`,
      };
    }),
    fc.integer({ min: 10, max: scale.depth }).map((depth): Body => ({
      text: `phase: implement\nzz_deep: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`,
      status: 'unknown',
      ext: 'yaml',
      label: `a list nested ${depth} deep`,
    })),
  );
}

export function answersCase(scale: Scale): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      body: fc.oneof({ weight: 4, arbitrary: mapBody(scale) }, oddBody(scale)),
      format: fc.constantFrom('text', 'json', 'markdown'),
      lang: fc.constantFrom('nl', 'en'),
      out: fc.boolean(),
      ext: fc.constantFrom('', '.txt'),
    })
    .map(({ body, format, lang, out, ext }): FuzzCase => {
      const name = `answers.${body.ext}${ext}`;
      const command: Command = {
        args: [
          'advise',
          `{in}/${name}`,
          '--format',
          format,
          '--lang',
          lang,
          '--as-of',
          AS_OF,
          ...(out ? ['--out', '{out}'] : []),
        ],
        ...(body.status === 'valid'
          ? { expect: { codes: [0], why: 'a valid answers file' } }
          : body.status === 'invalid'
            ? { expect: { codes: [2], why: 'an invalid answers file' } }
            : {}),
      };
      const bytes = typeof body.text === 'string' ? utf8(body.text) : body.text;
      return { kind: 'answers', label: body.label, files: { [name]: bytes }, commands: [command] };
    });
}
