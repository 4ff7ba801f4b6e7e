// One fuzz input through the built binary, and the invariants every run must keep:
//
// - the exit code is 0, 1, 2, 130 or 128+n, and the process ends by itself before the timeout;
// - stderr holds no stack trace, no "unexpected error … This is a bug", no Node warning or crash;
// - batch: rows in = rows out whenever the exit code is 0 or 1;
// - nothing is left behind: the run's directory holds the --out file after exit 0 or 1 and
//   nothing else (no *.tmp), and nothing at all after any other exit;
// - no cell of CSV output starts with = + - @ tab or CR (innoroute writes such text with a leading
//   ', and its computed numbers are plain numbers);
// - the same input gives the same bytes (each command runs twice, at the same time);
// - nothing the user gave changes: the input files and the shipped rules, byte for byte;
// - where the generator knows the answer, the exit code it must be (a valid answers file: 0);
//   and invalid rules stop advise and batch with 2 when validate finds errors outside the tests.
import { parse } from 'csv-parse/sync';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command, FuzzCase } from './model.ts';
import type { Snapshot } from './snapshot.ts';
import { differences, snapshot } from './snapshot.ts';
import type { Pool, Ran } from './spawn.ts';
import { BIN, fuzzEnv, runBin, SHIPPED_RULES } from './spawn.ts';

export interface CheckOptions {
  readonly pool: Pool;
  readonly timeoutMs: number;
  /** Runs of each command (2: the same input twice, to compare the bytes). */
  readonly repeat: 1 | 2;
  /** The compiled-rules cache the runs share (not the user's); undefined: no cache. */
  readonly cacheDir: string | undefined;
  /** Keep the case's directory (to save a failing input); otherwise it is removed. */
  readonly keep?: boolean;
}

export interface CaseResult {
  readonly violations: readonly string[];
  /** The case's directory, when kept: `input/` and the run directories. */
  readonly dir: string;
  /** How to run the first failing command by hand, from the case's directory. */
  readonly reproduce: string;
  readonly runs: number;
  /** The longest run, in ms. */
  readonly slowest: number;
}

const OUT = 'result.out';

/** The shipped rules as they were when the fuzz run started: checked after every case. */
let shippedBefore: Snapshot | undefined;

function expand(args: readonly string[]): string[] {
  return args.map((a) => a.replaceAll('{in}', '../input').replaceAll('{out}', OUT));
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@,+-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}

export function commandLine(c: Command, runDir = 'run'): string {
  const args = expand(c.args).map(shellQuote).join(' ');
  const stdin = c.stdin ? ` < ../input/${shellQuote(c.stdin)}` : '';
  return `(mkdir -p ${runDir} && cd ${runDir} && node ${BIN} ${args}${stdin})`;
}

const FRAME = /^\s+at \S.*(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

export function stderrProblems(stderr: string): string[] {
  const out: string[] = [];
  if (FRAME.test(stderr)) out.push('a stack trace on stderr');
  if (/This is a bug|unexpected error/i.test(stderr))
    out.push('"unexpected error … a bug" on stderr');
  if (/FATAL ERROR|node:internal|^\s*throw /m.test(stderr)) out.push('a crash on stderr');
  if (/^\(node:\d+\) /m.test(stderr)) out.push('a Node warning on stderr');
  return out;
}

export function exitProblems(r: Ran, timeoutMs: number): string[] {
  if (r.timedOut) return [`hangs: killed after ${Math.round(timeoutMs / 1000)} s`];
  if (r.code === null) return [`ended by ${r.signal ?? 'an unknown signal'}`];
  const ok = [0, 1, 2, 130].includes(r.code) || (r.code > 128 && r.code < 128 + 65);
  return ok ? [] : [`exit code ${r.code}`];
}

/** The records of batch output: CSV (header not counted), NDJSON lines or a JSON array. */
function outputRecords(text: string, format: Command['format']): string[][] | number | string {
  if (format === 'ndjson') return text.split('\n').filter((l) => l.trim() !== '').length;
  if (format === 'json') {
    try {
      const v = JSON.parse(text) as unknown;
      return Array.isArray(v) ? v.length : 'the JSON output is not an array';
    } catch {
      return 'the JSON output does not parse';
    }
  }
  if (text === '') return [];
  const header = text.replace(/^\uFEFF/, '');
  const delimiter = header.startsWith('id') ? header.charAt(2) : ',';
  try {
    return parse(text, { bom: true, delimiter }) as string[][];
  } catch (e) {
    return `the CSV output does not parse: ${(e as Error).message.split('\n')[0]}`;
  }
}

const FORMULA = /^[=+\-@\t\r]/;
const NUMERIC_COLUMNS = new Set(['score', 'wrong_pocket_amount']);

function formulaProblems(records: string[][]): string[] {
  const [header, ...rows] = records;
  if (!header) return [];
  const out: string[] = [];
  for (const [r, row] of rows.entries()) {
    row.forEach((cell, c) => {
      const column = header[c] ?? `column ${c + 1}`;
      if (NUMERIC_COLUMNS.has(column) ? !/^(-?\d+(\.\d+)?)?$/.test(cell) : FORMULA.test(cell)) {
        out.push(
          `output row ${r + 1}, ${column}: ${JSON.stringify(cell.slice(0, 40))} is a formula`,
        );
      }
    });
  }
  return out.slice(0, 3);
}

/** The invariants of one run of a command. */
function runProblems(c: Command, r: Ran, runDir: string, timeoutMs: number): string[] {
  const out = [...exitProblems(r, timeoutMs), ...stderrProblems(r.stderr)];
  const toOut = expand(c.args).includes(OUT);
  const finished = r.code === 0 || r.code === 1;
  const left = snapshot(runDir);
  const allowed = toOut && finished ? [OUT] : [];
  for (const name of left.keys()) {
    if (!allowed.includes(name)) {
      out.push(
        name.endsWith('.tmp') ? `a temporary file left behind: ${name}` : `left behind: ${name}`,
      );
    }
  }
  if (toOut && finished && !left.has(OUT)) out.push(`exit ${r.code} but no --out file`);
  if (c.expect && r.code !== null && !c.expect.codes.includes(r.code)) {
    out.push(`exit ${r.code} where ${c.expect.codes.join(' or ')} is right (${c.expect.why})`);
  }
  if (c.format && finished) {
    const bytes = toOut
      ? left.has(OUT)
        ? readFileSync(join(runDir, OUT))
        : Buffer.alloc(0)
      : r.stdout;
    const records = outputRecords(bytes.toString('utf8'), c.format);
    if (typeof records === 'string') out.push(records);
    else {
      const n = typeof records === 'number' ? records : Math.max(0, records.length - 1);
      if (c.rows !== undefined && n !== c.rows) out.push(`${c.rows} rows in, ${n} rows out`);
      if (Array.isArray(records)) out.push(...formulaProblems(records));
    }
  }
  return out;
}

/** The error diagnostics of `validate --format json` outside the test cases. */
function ruleErrors(r: Ran): number | undefined {
  try {
    const report = JSON.parse(r.stdout.toString('utf8')) as {
      diagnostics: { file: string; severity: string }[];
    };
    return report.diagnostics.filter((d) => d.severity === 'error' && !d.file.startsWith('tests/'))
      .length;
  } catch {
    return undefined;
  }
}

export async function checkCase(fc: FuzzCase, o: CheckOptions): Promise<CaseResult> {
  shippedBefore ??= snapshot(SHIPPED_RULES);
  const dir = mkdtempSync(join(tmpdir(), `innoroute-fuzz-${fc.kind}-`));
  const input = join(dir, 'input');
  const home = join(dir, 'home');
  mkdirSync(input);
  mkdirSync(home);
  if (fc.copyRules) cpSync(SHIPPED_RULES, join(input, 'rules'), { recursive: true });
  for (const [name, bytes] of Object.entries(fc.files)) {
    mkdirSync(dirname(join(input, name)), { recursive: true });
    writeFileSync(join(input, name), bytes);
  }
  const given = snapshot(input);
  const env = fuzzEnv(home, o.cacheDir);

  const runs = fc.commands.flatMap((c, ci) =>
    Array.from({ length: o.repeat }, (_, ri) => {
      const runDir = join(dir, `run-${ci + 1}-${ri + 1}`);
      mkdirSync(runDir);
      return { c, ci, runDir };
    }),
  );
  const results = await Promise.all(
    runs.map(({ c, runDir }) =>
      o.pool.run(() =>
        runBin(expand(c.args), {
          cwd: runDir,
          env,
          timeoutMs: o.timeoutMs,
          ...(c.stdin ? { stdin: readFileSync(join(input, c.stdin)) } : {}),
        }),
      ),
    ),
  );

  const violations: string[] = [];
  let failing: Command | undefined;
  const note = (c: Command, problems: readonly string[], prefix: string) => {
    if (problems.length === 0) return;
    failing ??= c;
    for (const p of problems) violations.push(`${prefix}${p}`);
  };
  runs.forEach(({ c, ci, runDir }, i) => {
    const seen = new Set(violations);
    const problems = runProblems(c, results[i]!, runDir, o.timeoutMs).filter(
      (p) => !seen.has(`${c.args[0]}: ${p}`),
    );
    note(c, problems, `${c.args[0]}: `);
    void ci;
  });
  if (o.repeat === 2) {
    for (let k = 0; k < runs.length; k += 2) {
      const [a, b] = [results[k]!, results[k + 1]!];
      const c = runs[k]!.c;
      const outA = join(runs[k]!.runDir, OUT);
      const outB = join(runs[k + 1]!.runDir, OUT);
      const same =
        a.code === b.code &&
        a.stdout.equals(b.stdout) &&
        existsSync(outA) === existsSync(outB) &&
        (!existsSync(outA) || readFileSync(outA).equals(readFileSync(outB)));
      if (!same && !a.timedOut && !b.timedOut) {
        note(c, ['the same input gave different output in two runs'], `${c.args[0]}: `);
      }
    }
  }
  if (fc.invalidRulesStopAll) {
    const validate = results[0]!;
    const errors = validate.code === 2 ? 1 : ruleErrors(validate);
    if (errors !== undefined && errors > 0) {
      runs.forEach(({ c, ci }, i) => {
        const code = results[i]!.code;
        if (ci > 0 && code !== 2 && code !== null) {
          note(
            c,
            [`exit ${code} on rules that validate finds ${errors} error(s) in (must be 2)`],
            `${c.args[0]}: `,
          );
        }
      });
    }
  }
  const changed = differences(given, snapshot(input));
  if (changed.length > 0) note(fc.commands[0]!, [`the input changed: ${changed.join(', ')}`], '');
  const shipped = differences(shippedBefore, snapshot(SHIPPED_RULES));
  if (shipped.length > 0)
    note(fc.commands[0]!, [`the shipped rules changed: ${shipped.join(', ')}`], '');

  const keep = o.keep === true && violations.length > 0;
  if (!keep) rmSync(dir, { recursive: true, force: true });
  return {
    violations: [...new Set(violations)],
    dir,
    reproduce: commandLine(failing ?? fc.commands[0]!),
    runs: runs.length,
    slowest: Math.max(...results.map((r) => r.ms)),
  };
}
