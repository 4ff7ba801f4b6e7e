// The wizard's session: saved after every answer in the user's state directory (never in the
// project), Ctrl+C → 130 with nothing lost, --resume, and a saved session that is never replaced
// without the user's say: asked at the start (continue / start over / quit), --new sets it aside
// as a dated backup at the first answer, and an empty or unreadable session never overwrites one.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ui } from '../../src/report/ui-strings.ts';
import { BIN } from '../advise/build.ts';
import { FIXTURE_RULES, tempDir } from '../advise/helpers.ts';
import type { AskedPrompt, ScriptStep } from './scripted-prompter.ts';
import { CTRL_C } from './scripted-prompter.ts';
import {
  adviceMarkdown,
  BACK,
  CUE2WALK,
  CUE2WALK_ANSWERS,
  homeFor,
  keep,
  readAnswers,
  SAVE_BOTH,
  SAVE_NONE,
  SESSION_SHOWN,
  sessionIn,
  w,
  walk,
} from './helpers.ts';

/** Picks a choice of the "there is a saved session" prompt. */
const pick =
  (label: string): ScriptStep =>
  (p: AskedPrompt) => {
    expect(p.message).toBe(w.whatNow);
    const c = p.choices!.find((x) => x.name.startsWith(label));
    if (!c) throw new Error(`no choice "${label}" in ${p.message}`);
    return c.value;
  };
const CONTINUE = pick(w.continueChoice);
const START_OVER = pick(w.startOverChoice('').split('(')[0]!);
const QUIT = pick(w.quitChoice);

/** A time for a session file, to make its backup's name known: 2026-11-27 14:05:12 local. */
const SAVED_AT = new Date(2026, 10, 27, 14, 5, 12);

/** A directory whose user has a saved session: two answers, stopped with Ctrl+C. */
async function withSaved(steps = CUE2WALK.slice(0, 2)) {
  const first = await walk([...steps, CTRL_C]);
  expect(first.code).toBe(130);
  const file = sessionIn(first.dir);
  return { dir: first.dir, file, text: readFileSync(file, 'utf8') };
}

/** The backups beside a session file: session.<YYYY-MM-DD-HHMMSS>[-n].yaml, oldest first. */
function backupsOf(file: string): string[] {
  const dir = dirname(file);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /^session\.\d{4}-\d\d-\d\d-\d{6}(-\d+)?\.yaml$/.test(n))
    .sort((a, b) => a.length - b.length || a.localeCompare(b))
    .map((n) => join(dir, n));
}

/** Every file in a directory tree, relative: to see that nothing else (no temp file) is left. */
function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('wizard sessions: saved after every answer, in the state directory', () => {
  it('saves after every answer in ~/.local/state/innoroute, private to the user', async () => {
    const dir = tempDir('innoroute-wizard-');
    const session = sessionIn(dir);
    const seen: unknown[] = [];
    const peek =
      (step: ScriptStep): ScriptStep =>
      (p: AskedPrompt) => {
        seen.push(existsSync(session) ? parse(readFileSync(session, 'utf8')).answers : null);
        return typeof step === 'function' ? (step as (p: AskedPrompt) => unknown)(p) : step;
      };
    await walk([...CUE2WALK.slice(0, 3).map(peek), CTRL_C], {}, dir);
    expect(seen).toEqual([
      null,
      { innovation_name: 'Cue2Walk' },
      { innovation_name: 'Cue2Walk', innovation_type: 'device' },
    ]);
    expect(statSync(session).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(session)).mode & 0o777).toBe(0o700);
    // nothing in the project directory
    expect(filesIn(dir)).toEqual([]);
  });

  it('uses $XDG_STATE_HOME when it is an absolute path', async () => {
    const dir = tempDir('innoroute-wizard-');
    const state = join(dir + '-xdg');
    const r = await walk([...CUE2WALK.slice(0, 1), CTRL_C], {}, dir, { XDG_STATE_HOME: state });
    expect(r.code).toBe(130);
    expect(filesIn(state)).toEqual(['innoroute/session.yaml']);
    // a relative one is ignored (the XDG rule): the default place
    const rel = await walk([...CUE2WALK.slice(0, 1), CTRL_C], {}, undefined, {
      XDG_STATE_HOME: 'state',
    });
    expect(existsSync(sessionIn(rel.dir))).toBe(true);
    expect(filesIn(rel.dir)).toEqual([]);
  });

  it('Ctrl+C exits 130 with the session saved, no temp file; --resume continues to the same advice', async () => {
    const first = await walk([...CUE2WALK.slice(0, 5), CTRL_C]);
    expect(first.code).toBe(130);
    expect(first.stderr).toBe(
      `innoroute: ${w.sessionSaved(SESSION_SHOWN, 'innoroute wizard --resume')}\n`,
    );
    expect(filesIn(homeFor(first.dir))).toEqual(['.local/state/innoroute/session.yaml']);
    const session = parse(readFileSync(sessionIn(first.dir), 'utf8'));
    expect(session.history).toEqual([
      'innovation_name',
      'innovation_type',
      'treatment_relation',
      'goal',
      'phase',
    ]);
    expect(session.answers.phase).toBe('develop');

    // resume: the next question is the first one not answered; back reaches the answers from before
    const second = await walk(
      [BACK('has_figures'), keep('phase'), ...CUE2WALK.slice(5), ...SAVE_BOTH],
      { resume: true },
      first.dir,
    );
    expect(second.code).toBe(0);
    expect(second.said).toContain(w.resumed(5));
    const saved = readAnswers(join(first.dir, 'cue2walk.answers.yaml'));
    expect(saved).toEqual(CUE2WALK_ANSWERS);
    expect(readFileSync(join(first.dir, 'cue2walk.advies.md'), 'utf8')).toBe(adviceMarkdown(saved));
    // done: the session is gone, nothing else was left
    expect(filesIn(homeFor(first.dir))).toEqual([]);
  });

  it('keeps the language of the session', async () => {
    const first = await walk([...CUE2WALK.slice(0, 2), CTRL_C], { lang: 'en' });
    expect(first.code).toBe(130);
    expect(first.stderr).toContain(
      `Session saved in ${SESSION_SHOWN}; continue with innoroute wizard --resume`,
    );
    const second = await walk([...CUE2WALK.slice(2), ...SAVE_NONE], { resume: true }, first.dir);
    expect(second.code).toBe(0);
    expect(second.prompter.asked[0]!.message).toMatch(
      /^Question 3 of ~\d+ Is it used within a treatment relation\?/,
    );
  });

  it('saves the session on Ctrl+C during the final questions too', async () => {
    const r = await walk([...CUE2WALK, CTRL_C]);
    expect(r.code).toBe(130);
    expect(parse(readFileSync(sessionIn(r.dir), 'utf8')).answers).toEqual(CUE2WALK_ANSWERS);
  });

  it('uses --session for the file and names it in the resume hint', async () => {
    const r = await walk([...CUE2WALK.slice(0, 2), CTRL_C], { session: 'my.session.yaml' });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('innoroute wizard --resume --session my.session.yaml');
    expect(filesIn(r.dir)).toEqual(['my.session.yaml']);
    expect(existsSync(sessionIn(r.dir))).toBe(false);
  });

  it('says so when the rules changed since the session was saved', async () => {
    const { dir, file } = await withSaved();
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/hash: sha256:\w+/, 'hash: sha256:0000'),
    );
    const second = await walk([...CUE2WALK.slice(2), ...SAVE_NONE], { resume: true }, dir);
    expect(second.code).toBe(0);
    expect(second.said.replace(/\s+/g, ' ')).toContain(w.rulesChanged);
  });
});

describe('wizard sessions: a saved session is never replaced without the user’s say', () => {
  // the bug: a new wizard, stopped with Ctrl+C as it suggested, wrote an empty session over it
  it('keeps a saved session when a new wizard is stopped at once; exit 130', async () => {
    const { dir, file, text } = await withSaved();
    const r = await walk([CTRL_C], {}, dir);
    expect(r.code).toBe(130);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(r.stderr).toBe(
      `innoroute: ${w.sessionUnchanged(SESSION_SHOWN, 'innoroute wizard --resume')}\n`,
    );
    expect(filesIn(homeFor(dir))).toEqual(['.local/state/innoroute/session.yaml']);
  });

  it('keeps a saved --session file too when a new wizard is stopped at once', async () => {
    const dir = tempDir('innoroute-wizard-');
    await walk([...CUE2WALK.slice(0, 2), CTRL_C], { session: 's.yaml' }, dir);
    const text = readFileSync(join(dir, 's.yaml'), 'utf8');
    expect(text).toContain('Cue2Walk');
    expect((await walk([CTRL_C], { session: 's.yaml' }, dir)).code).toBe(130);
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe(text);
  });

  it('asks at the start: continue resumes the saved session', async () => {
    const { dir } = await withSaved();
    const r = await walk([CONTINUE, ...CUE2WALK.slice(2), ...SAVE_NONE], {}, dir);
    expect(r.code).toBe(0);
    const asked = r.prompter.asked[0]!;
    expect(asked.message).toBe(w.whatNow);
    expect(r.said.replace(/\s+/g, ' ')).toMatch(
      new RegExp(
        `Er is een bewaarde sessie in ${SESSION_SHOWN.replace(/\./g, '\\.')}: 2 antwoord\\(en\\) voor Cue2Walk, bewaard \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\.`,
      ),
    );
    expect(asked.default).toBe(asked.choices![0]!.value);
    expect(r.said).toContain(w.resumed(2));
    expect(existsSync(sessionIn(dir))).toBe(false);
  });

  it('quit changes nothing; exit 0', async () => {
    const { dir, file, text } = await withSaved();
    const r = await walk([QUIT], {}, dir);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(r.said).toContain(w.sessionUnchanged(SESSION_SHOWN, 'innoroute wizard --resume'));
  });

  it('start over sets the saved session aside as a dated backup at the first answer, not before', async () => {
    const { dir, file, text } = await withSaved();
    utimesSync(file, SAVED_AT, SAVED_AT);
    const backup = join(dirname(file), 'session.2026-11-27-140512.yaml');
    const backupShown = `${dirname(SESSION_SHOWN)}/session.2026-11-27-140512.yaml`;
    // stopped before the first answer: nothing changes
    const stopped = await walk([START_OVER, CTRL_C], {}, dir);
    expect(stopped.code).toBe(130);
    expect(stopped.prompter.asked[0]!.choices!.map((c) => c.name)).toEqual([
      w.continueChoice,
      w.startOverChoice(backupShown),
      w.quitChoice,
    ]);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(backupsOf(file)).toEqual([]);
    expect(stopped.stderr).toContain(
      w.sessionUnchanged(SESSION_SHOWN, 'innoroute wizard --resume'),
    );
    // one answer: the old session is the backup, the new one has that answer
    const r = await walk([START_OVER, CUE2WALK[0], CTRL_C], {}, dir);
    expect(r.code).toBe(130);
    expect(r.said.replace(/\s+/g, ' ')).toContain(w.startingOver(SESSION_SHOWN, backupShown));
    expect(backupsOf(file)).toEqual([backup]);
    expect(readFileSync(backup, 'utf8')).toBe(text);
    expect(parse(readFileSync(file, 'utf8')).answers).toEqual({ innovation_name: 'Cue2Walk' });
    // it can be continued from there
    const old = await walk([CUE2WALK[2], CTRL_C], { resume: true, session: backup }, dir);
    expect(old.said).toContain(w.resumed(2));
  });

  it('--new starts over without asking; backups never replace each other', async () => {
    const { dir, file, text } = await withSaved();
    utimesSync(file, SAVED_AT, SAVED_AT);
    const r = await walk([...CUE2WALK, ...SAVE_NONE], { new: true }, dir);
    expect(r.code).toBe(0);
    expect(r.prompter.asked.some((p) => p.message === w.whatNow)).toBe(false);
    // the new session is done and removed; the backup stays
    expect(existsSync(file)).toBe(false);
    expect(backupsOf(file).map((f) => readFileSync(f, 'utf8'))).toEqual([text]);
    // a second session saved at the same second: a second backup beside the first
    await walk([CUE2WALK[0], CTRL_C], {}, dir);
    utimesSync(file, SAVED_AT, SAVED_AT);
    const second = readFileSync(file, 'utf8');
    await walk([CUE2WALK[0], CTRL_C], { new: true }, dir);
    expect(backupsOf(file).map((f) => basename(f))).toEqual([
      'session.2026-11-27-140512.yaml',
      'session.2026-11-27-140512-2.yaml',
    ]);
    expect(backupsOf(file).map((f) => readFileSync(f, 'utf8'))).toEqual([text, second]);
  });

  it('--new with an --answers file that answers everything writes nothing', async () => {
    const { dir, file, text } = await withSaved();
    writeFileSync(join(dir, 'all.yaml'), JSON.stringify(CUE2WALK_ANSWERS));
    const full = await walk(SAVE_NONE, { new: true, answers: 'all.yaml' }, dir);
    expect(full.code).toBe(0);
    // nothing was answered, so nothing was set aside: the saved session is where it was
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(backupsOf(file)).toEqual([]);
  });

  it('refuses --resume with --new; exit 2', async () => {
    const r = await walk([], { resume: true, new: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(w.resumeAndNew);
  });

  it('Ctrl+C before the first answer writes nothing', async () => {
    const r = await walk([CTRL_C]);
    expect(r.code).toBe(130);
    expect(r.stderr).toBe(`innoroute: ${w.nothingSaved}\n`);
    expect(filesIn(homeFor(r.dir))).toEqual([]);
    expect(existsSync(join(homeFor(r.dir), '.local'))).toBe(false);
  });

  it('replaces an empty session (from an earlier version) without asking', async () => {
    const dir = tempDir('innoroute-wizard-');
    const file = sessionIn(dir);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'version: 1\nlang: nl\nhistory: []\nskipped: []\nanswers: {}\n');
    const r = await walk([...CUE2WALK.slice(0, 1), CTRL_C], {}, dir);
    expect(r.code).toBe(130);
    expect(parse(readFileSync(file, 'utf8')).answers).toEqual({ innovation_name: 'Cue2Walk' });
    expect(backupsOf(file)).toEqual([]);
  });
});

describe('wizard sessions: files that cannot be used', () => {
  it('refuses --resume without a saved session, with a hint; exit 2', async () => {
    const r = await walk([], { resume: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `geen bewaarde sessie gevonden in ${SESSION_SHOWN}; start een nieuwe met innoroute wizard`,
    );
  });

  it('stops on an unreadable session with its file and line, and leaves it alone; exit 2', async () => {
    const { dir, file, text } = await withSaved();
    const broken = text.replace('answers:\n', 'answers:\n  innovation_name: [\n');
    writeFileSync(file, broken);
    for (const opts of [{}, { resume: true }]) {
      const r = await walk([], opts, dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(
          `^innoroute: de bewaarde sessie kan niet worden gelezen: ${SESSION_SHOWN.replace(/\./g, '\\.')}:\\d+:\\d+: .+ herstel het, of begin opnieuw met innoroute wizard --new \\(de sessie gaat dan naar ~/\\.local/state/innoroute/session\\.\\d{4}-\\d\\d-\\d\\d-\\d{6}\\.yaml\\)\\n$`,
        ),
      );
      expect(readFileSync(file, 'utf8')).toBe(broken);
    }
    // a file that is not a session: its line too
    writeFileSync(file, '# a list\n- just a list\n');
    const list = await walk([], {}, dir);
    expect(list.code).toBe(2);
    expect(list.stderr).toContain(`${SESSION_SHOWN}:2:1: dit is geen innoroute-sessie`);
    // not a regular file (a directory here; a FIFO likewise): never read, so nothing hangs
    const other = tempDir('innoroute-wizard-');
    mkdirSync(sessionIn(other), { recursive: true });
    const notFile = await walk([], {}, other);
    expect(notFile.code).toBe(2);
    expect(notFile.stderr).toContain(`${SESSION_SHOWN}: het is geen gewoon bestand`);
    // the way out it names: --new keeps it as the backup
    const r = await walk([...CUE2WALK.slice(0, 1), CTRL_C], { new: true }, dir);
    expect(r.code).toBe(130);
    expect(backupsOf(file).map((f) => readFileSync(f, 'utf8'))).toEqual([
      '# a list\n- just a list\n',
    ]);
  });

  it('refuses a session file that is the answers file; exit 2', async () => {
    const dir = tempDir('innoroute-wizard-');
    writeFileSync(join(dir, 'a.yaml'), 'phase: explore\n');
    const r = await walk([], { answers: 'a.yaml', session: './a.yaml' }, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(w.sessionIsAnswers);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('phase: explore\n');
  });

  it('without a terminal: exit 2, the saved session untouched, nothing written', () => {
    const dir = tempDir('innoroute-wizard-');
    const home = homeFor(dir);
    const file = sessionIn(dir);
    mkdirSync(dirname(file), { recursive: true });
    const text =
      'version: 1\nlang: nl\nhistory: [innovation_name]\nanswers:\n  innovation_name: X\n';
    writeFileSync(file, text);
    for (const args of [[], ['--new']]) {
      const r = spawnSync(
        process.execPath,
        [BIN, 'wizard', '--rules', FIXTURE_RULES, '--lang', 'en', ...args],
        {
          cwd: dir,
          encoding: 'utf8',
          input: '\n',
          env: { PATH: process.env.PATH ?? '', HOME: home, INNOROUTE_NO_CACHE: '1' },
        },
      );
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`innoroute: ${ui('en').wizard.needsTty}\n`);
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(filesIn(home)).toEqual(['.local/state/innoroute/session.yaml']);
    expect(filesIn(dir)).toEqual([]);
  });
});

describe('wizard sessions: the file of earlier versions (.innoroute-session.yaml)', () => {
  /** A session as an earlier version left it, in the project directory. */
  async function legacy() {
    const dir = tempDir('innoroute-wizard-');
    await walk([...CUE2WALK.slice(0, 2), CTRL_C], { session: '.innoroute-session.yaml' }, dir);
    const file = join(dir, '.innoroute-session.yaml');
    return { dir, file, text: readFileSync(file, 'utf8') };
  }

  it('--resume continues it and moves it to the state directory at the next answer', async () => {
    const { dir, file, text } = await legacy();
    const stopped = await walk([CTRL_C], { resume: true }, dir);
    expect(stopped.code).toBe(130);
    expect(readFileSync(file, 'utf8')).toBe(text);
    const r = await walk([CUE2WALK[2], CTRL_C], { resume: true }, dir);
    expect(r.code).toBe(130);
    expect(r.said.replace(/\s+/g, ' ')).toContain(
      w.legacyMoved('.innoroute-session.yaml', SESSION_SHOWN),
    );
    expect(existsSync(file)).toBe(false);
    expect(Object.keys(parse(readFileSync(sessionIn(dir), 'utf8')).answers)).toEqual([
      'innovation_name',
      'innovation_type',
      'treatment_relation',
    ]);
  });

  it('without --resume it is offered like a saved one; start over moves it to the backup', async () => {
    const { dir, file, text } = await legacy();
    const r = await walk([START_OVER, CUE2WALK[0], CTRL_C], {}, dir);
    expect(r.code).toBe(130);
    expect(r.said).toContain('.innoroute-session.yaml: 2 antwoord(en)');
    expect(existsSync(file)).toBe(false);
    expect(backupsOf(sessionIn(dir)).map((f) => readFileSync(f, 'utf8'))).toEqual([text]);
  });

  it('when the state directory has a session too, says where the old one is', async () => {
    const { dir } = await legacy();
    await walk([...CUE2WALK.slice(0, 1), CTRL_C], { new: true }, dir);
    // the legacy one was set aside by --new; put one back beside the new session
    writeFileSync(
      join(dir, '.innoroute-session.yaml'),
      readFileSync(backupsOf(sessionIn(dir))[0]!),
    );
    const r = await walk([CONTINUE, CTRL_C], {}, dir);
    expect(r.said.replace(/\s+/g, ' ')).toContain(w.legacyAlso('.innoroute-session.yaml'));
  });
});
