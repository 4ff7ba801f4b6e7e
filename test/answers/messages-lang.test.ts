// innoroute's own messages follow --lang: the answers file's problems, batch's CSV errors and its
// summary, and the line around a refusal of rules with errors (tests/advise/invalid-rules.test.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ANSWERS_BYTES } from '../../src/io/answers-file.ts';
import { FIXTURE_RULES, ROOT } from '../advise/helpers.ts';
import { run, tempDir } from '../batch/helpers.ts';

const advise = async (text: string, lang: 'nl' | 'en', name = 'a.yaml') => {
  const dir = tempDir();
  writeFileSync(join(dir, name), text);
  return run(['advise', name, '--rules', FIXTURE_RULES, '--lang', lang], { cwd: dir });
};

describe('answers file messages', () => {
  it('say a repeated answer in Dutch and in English', async () => {
    const nl = await advise('phase: explore\nPhase: develop\n', 'nl', 'dup.yaml');
    expect(nl.code).toBe(2);
    expect(nl.stderr).toContain(
      'dup.yaml:2:1 phase wordt nog eens beantwoord als "Phase"; eerst beantwoord op regel 1 als "phase"; houd er één over',
    );
    const en = await advise('phase: explore\nPhase: develop\n', 'en', 'dup.yaml');
    expect(en.stderr).toContain(
      'dup.yaml:2:1 phase is answered again as "Phase"; first answered on line 1 as "phase"; keep one of them',
    );
  });

  it('say the size limit, a missing file and an unreadable value in Dutch', async () => {
    const big = await advise(`innovation_name: ${'a'.repeat(MAX_ANSWERS_BYTES)}\n`, 'nl');
    expect(big.stderr).toContain(
      'een antwoordenbestand mag hoogstens 1.048.576 bytes (1 MiB) zijn',
    );
    const missing = await run(['advise', 'nope.yaml', '--rules', FIXTURE_RULES, '--lang', 'nl'], {
      cwd: tempDir(),
    });
    expect(missing.stderr).toContain('nope.yaml: het bestand bestaat niet');
    const alias = await advise('goal: [a, *x]\n', 'nl');
    expect(alias.stderr).toContain('a.yaml:1:11 de waarde kan niet worden gelezen:');
    const list = await advise('- a\n- b\n', 'nl');
    expect(list.stderr).toContain(
      "een antwoordenbestand koppelt vraag-id's aan antwoorden (innovation_type: device); gevonden: een lijst",
    );
  });

  it('warn about thousands separators in Dutch', async () => {
    const r = await advise('cost_hospital: 250.000\n', 'nl');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'a.yaml:1:16 waarschuwing: cost_hospital: 250.000 wordt gelezen als 250 (een punt of komma is een decimaalteken); schrijf 250000 als je 250000 euro bedoelt',
    );
  });
});

describe('batch messages', () => {
  it('say CSV errors in Dutch and in English', async () => {
    const csv = 'id,phase\n1,"abc\n';
    const nl = await run(['batch', '-', '--lang', 'nl'], { stdin: csv });
    expect(nl.code).toBe(2);
    expect(nl.stderr).toContain(
      'stdin:2: een waarde tussen aanhalingstekens die hier begint, wordt nergens gesloten',
    );
    const en = await run(['batch', '-', '--lang', 'en'], { stdin: csv });
    expect(en.stderr).toContain('stdin:2: a quoted value that starts here is never closed');
    const empty = await run(['batch', '-', '--lang', 'nl'], { stdin: '' });
    expect(empty.stderr).toContain('het bestand is leeg: er is geen kopregel');
  });

  it('give the summary with Dutch fits, family and stakeholder names', async () => {
    const r = await run(
      ['batch', join(ROOT, 'data', 'portfolio-example.csv'), '--summary', '--lang', 'nl'],
      { cwd: tempDir() },
    );
    expect(r.stderr).toMatch(/familie +│ sterk +│ mogelijk +│ onwaarschijnlijk +│ totaal/);
    expect(r.stderr).toContain('Zvw (zorgverzekeraar)');
    expect(r.stderr).toContain('Zorg voor innoveren (Zvi)');
    expect(r.stderr).not.toMatch(/strong|possible|unlikely/);
  });
});
