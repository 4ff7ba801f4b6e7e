// What --out (and the wizard's files) may not replace: an input of the command, a rule file or
// anything in the rule directory in use (or the shipped rules), an existing path that is not a
// regular file (directory, FIFO, socket, device), and a symbolic link out of its directory. Each
// is refused with exit 2, a message that names the file and says why, and nothing written. A link
// to a file in the same directory is written through: the file is replaced, the link kept.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as wizard } from '../../src/cli/commands/wizard.ts';
import { ExitError } from '../../src/cli/errors.ts';
import { context, FIXTURE_RULES, ROOT, run, tempDir } from '../advise/helpers.ts';
import { ScriptedPrompter } from '../wizard/scripted-prompter.ts';

const AS_OF = '2026-11-27';
const ANSWERS = join(ROOT, 'test', 'fixtures', 'advise', 'answers', 'cue2walk.yaml');
const TESTED_RULES = join(ROOT, 'test', 'fixtures', 'runner', 'basic');
const BATCH_RULES = join(ROOT, 'test', 'fixtures', 'batch', 'rules');

/** A copy of a rule directory in a fresh directory, and what its files hold now. */
function rulesCopy(from = FIXTURE_RULES): { dir: string; snapshot: () => Map<string, string> } {
  const dir = join(tempDir(), 'rules');
  cpSync(from, dir, { recursive: true });
  const snapshot = () => {
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    return new Map(
      files
        .filter((f) => statSync(join(dir, f)).isFile())
        .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
    );
  };
  return { dir, snapshot };
}

/** Each command with --out, on rules in `rules` (its inputs made next to `cwd` when needed). */
function commands(rules: string, cwd: string): Record<string, (out: string) => string[]> {
  writeFileSync(join(cwd, 'p.csv'), 'id,innovation_type\nA,device\n');
  return {
    advise: (out) => ['advise', ANSWERS, '--rules', rules, '--as-of', AS_OF, '--out', out],
    batch: (out) => ['batch', 'p.csv', '--rules', rules, '--as-of', AS_OF, '--out', out],
    validate: (out) => ['validate', rules, '--as-of', AS_OF, '--out', out],
    test: (out) => ['test', rules, '--as-of', AS_OF, '--out', out],
  };
}

describe('--out never replaces the rules', () => {
  it.each(['advise', 'batch', 'validate', 'test'])(
    '%s: a rule file, or a new file in the rule directory: exit 2, nothing written',
    async (name) => {
      const { dir: rules, snapshot } = rulesCopy(name === 'test' ? TESTED_RULES : FIXTURE_RULES);
      const cwd = join(rules, '..');
      const before = snapshot();
      const ruleFile = [...before.keys()].find((f) => f.endsWith('.yaml'))!;
      const cmd = commands(rules, cwd)[name]!;
      for (const out of [join('rules', ruleFile), 'rules/report.txt']) {
        const r = await run([...cmd(out), '--lang', 'en'], { cwd });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(
          `innoroute: refusing to write ${out}: it is inside the rule directory ${rules}, which holds only rules; choose a place outside it\n`,
        );
        expect(r.stdout).toBe('');
      }
      expect(snapshot()).toEqual(before);
    },
  );

  it('nor the shipped rules, when --rules names others', async () => {
    const dir = tempDir();
    const target = join(ROOT, 'rules', 'advies.md');
    expect(existsSync(target)).toBe(false);
    try {
      const r = await run(['advise', ANSWERS, '--rules', FIXTURE_RULES, '--out', target], {
        cwd: dir,
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('het ligt in de regelmap');
      expect(existsSync(target)).toBe(false);
    } finally {
      // a failure here must not leave a file in the checkout
      rmSync(target, { force: true });
    }
  });
});

describe('--out never replaces the input', () => {
  it('batch: the CSV, also through a hard link', async () => {
    const dir = tempDir();
    const csv = 'id,innovation_type\nA,device\n';
    writeFileSync(join(dir, 'p.csv'), csv);
    linkSync(join(dir, 'p.csv'), join(dir, 'same.csv'));
    for (const out of ['p.csv', 'same.csv']) {
      const r = await run(['batch', 'p.csv', '--rules', BATCH_RULES, '--out', out], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `innoroute: --out ${out} is het invoerbestand; kies een andere naam, dan blijft je spreadsheet heel\n`,
      );
    }
    expect(readFileSync(join(dir, 'p.csv'), 'utf8')).toBe(csv);
    expect(readdirSync(dir).sort()).toEqual(['p.csv', 'same.csv']);
  });

  it('validate: nothing in the --seeds directory', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'seeds'));
    const r = await run(
      ['validate', FIXTURE_RULES, '--seeds', 'seeds', '--out', 'seeds/report.txt'],
      { cwd: dir },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `innoroute: refusing to write seeds/report.txt: it is inside ${join(dir, 'seeds')}, which this command reads; choose another place\n`,
    );
    expect(readdirSync(join(dir, 'seeds'))).toEqual([]);
  });
});

describe('--out must be a regular file or a new one', () => {
  function fifo(path: string): boolean {
    return spawnSync('mkfifo', [path]).status === 0;
  }

  it('a directory, a FIFO, a socket, a device: refused, the node left as it was', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder'));
    // a device node of its own as root (a bug here must not replace the system's /dev/null);
    // others cannot replace /dev/null
    const device =
      process.getuid?.() === 0 &&
      spawnSync('mknod', [join(dir, 'null'), 'c', '1', '3']).status === 0
        ? 'null'
        : '/dev/null';
    const nodes: [string, string, (p: string) => boolean][] = [
      ['folder', 'it is a directory; give a file name in it', (p) => statSync(p).isDirectory()],
      [device, 'it is a device, not a regular file', (p) => statSync(p).isCharacterDevice()],
    ];
    if (fifo(join(dir, 'pipe'))) {
      nodes.push([
        'pipe',
        'it is a FIFO (named pipe), not a regular file',
        (p) => statSync(p).isFIFO(),
      ]);
    }
    const server = createServer();
    await new Promise<void>((r) => server.listen(join(dir, 'sock'), r));
    nodes.push(['sock', 'it is a socket, not a regular file', (p) => statSync(p).isSocket()]);
    try {
      for (const [out, why, still] of nodes) {
        const r = await run(
          ['advise', ANSWERS, '--rules', FIXTURE_RULES, '--lang', 'en', '--out', out],
          {
            cwd: dir,
          },
        );
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`innoroute: refusing to write ${out}: ${why}`);
        expect(still(out.startsWith('/') ? out : join(dir, out))).toBe(true);
      }
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      server.close();
    }
  });
});

describe('--out as a symbolic link', () => {
  it('to a file in the same directory: written through, the link stays a link', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'advies-2026.md'), 'old\n');
    symlinkSync('advies-2026.md', join(dir, 'latest.md'));
    const r = await run(
      ['advise', ANSWERS, '--rules', FIXTURE_RULES, '--format', 'markdown', '--out', 'latest.md'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'latest.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'latest.md'))).toBe('advies-2026.md');
    expect(readFileSync(join(dir, 'advies-2026.md'), 'utf8')).toMatch(/^# /);
    expect(readdirSync(dir).sort()).toEqual(['advies-2026.md', 'latest.md']);
  });

  it('out of its directory, or to nothing: refused, link and target left alone', async () => {
    const dir = tempDir();
    const elsewhere = join(tempDir(), 'precious.txt');
    writeFileSync(elsewhere, 'precious\n');
    symlinkSync(elsewhere, join(dir, 'out.txt'));
    symlinkSync('missing.txt', join(dir, 'dangling.txt'));
    const cases: [string, string][] = [
      [
        'out.txt',
        `refusing to write out.txt: it is a symbolic link to ${elsewhere}, outside its own directory; write to ${elsewhere} itself or remove the link`,
      ],
      [
        'dangling.txt',
        'refusing to write dangling.txt: it is a symbolic link to a file that does not exist; remove the link or choose another name',
      ],
    ];
    for (const [out, message] of cases) {
      const r = await run(
        ['advise', ANSWERS, '--rules', FIXTURE_RULES, '--lang', 'en', '--out', out],
        {
          cwd: dir,
        },
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`innoroute: ${message}\n`);
    }
    expect(readFileSync(elsewhere, 'utf8')).toBe('precious\n');
    expect(readlinkSync(join(dir, 'out.txt'))).toBe(elsewhere);
    expect(existsSync(join(dir, 'missing.txt'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['dangling.txt', 'out.txt']);
  });
});

describe("the wizard's files", () => {
  async function walk(steps: unknown[], opts: { session?: string; rules: string }, cwd: string) {
    // the session in a home of the test's own, never the user's (a failed walk leaves it there)
    const ctx = context({ cwd, tty: true, columns: 100, env: { HOME: join(cwd, 'home') } });
    const prompter = new ScriptedPrompter(steps);
    let code: number;
    try {
      code = await wizard({ asOf: AS_OF, color: false, lang: 'en', ...opts }, ctx, { prompter });
    } catch (e) {
      if (!(e instanceof ExitError)) throw e;
      code = e.code;
      ctx.stderr.write(`innoroute: ${e.message}\n`);
    }
    return { code, prompter, said: prompter.said.join('\n'), stderr: ctx.stderr.text };
  }

  it('a session file in the rule directory: refused before the first question (exit 2)', async () => {
    const { dir: rules, snapshot } = rulesCopy();
    const cwd = join(rules, '..');
    const before = snapshot();
    const r = await walk([], { rules, session: 'rules/session.yaml' }, cwd);
    expect(r.code).toBe(2);
    expect(r.prompter.asked).toEqual([]);
    expect(r.stderr).toBe(
      `innoroute: the session cannot be saved in rules/session.yaml: it is inside the rule directory ${rules}, which holds only rules; choose another place with --session <file>\n`,
    );
    expect(snapshot()).toEqual(before);
  });

  it('saved answers in the rule directory: said, asked again, saved elsewhere', async () => {
    const { dir: rules, snapshot } = rulesCopy();
    const cwd = join(rules, '..');
    const before = snapshot();
    const cue2walk = [
      'Cue2Walk',
      'device',
      true,
      ['daily_living_support', 'prevention'],
      'develop',
      true,
      ['hospital'],
      ['health_insurer'],
      'yes',
      '750000',
      '500000',
    ];
    const r = await walk(
      // after the summary: no details here; save the answers; not the report
      [...cue2walk, false, true, 'rules/answers.yaml', 'answers.yaml', false],
      { rules },
      cwd,
    );
    expect(r.code).toBe(0);
    expect(r.prompter.remaining).toBe(0);
    expect(r.said).toContain(
      `refusing to write rules/answers.yaml: it is inside the rule directory ${rules}, which holds only rules; choose a place outside it`,
    );
    expect(r.said).toContain('Saved: answers.yaml');
    expect(readFileSync(join(cwd, 'answers.yaml'), 'utf8')).toContain('innovation_name: Cue2Walk');
    expect(snapshot()).toEqual(before);
  });
});
