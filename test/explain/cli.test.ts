// `innoroute explain` as a command, in this process (main() with captured streams): the golden text
// of one worked case, the JSON (the advise object plus counterfactuals, trace and the search),
// --route with an unknown id, --lang, --out. Regenerate the golden file after an intended change:
// UPDATE_GOLDEN=1 npx vitest run test/explain
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../advise/helpers.ts';

const GOLDEN = join(ROOT, 'test', 'golden', 'explain');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const AS_OF = ['--as-of', '2026-11-27'];

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('innoroute explain', () => {
  it('cue2walk as text (golden)', async () => {
    const r = await run(['explain', 'data/cue2walk.yaml', ...AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    golden('cue2walk.txt', r.stdout);
    expect(r.stdout).toContain('Wat het advies zou veranderen');
  });

  it('JSON: the advise object, then counterfactuals, trace and the search', async () => {
    const [explained, advised] = await Promise.all([
      run(['explain', 'data/cue2walk.yaml', '--format', 'json', ...AS_OF]),
      run(['advise', 'data/cue2walk.yaml', '--format', 'json', ...AS_OF]),
    ]);
    expect(explained.code).toBe(0);
    const json = JSON.parse(explained.stdout) as Record<string, unknown>;
    const { counterfactuals, trace, counterfactualSearch, ...advice } = json;
    // the advice as advise writes it, but for the summary that advise adds at the end
    const { summary, ...advisedObject } = JSON.parse(advised.stdout) as Record<string, unknown>;
    expect(summary).toHaveProperty('recommendation');
    expect(JSON.stringify(advice, null, 2)).toBe(JSON.stringify(advisedObject, null, 2));
    expect(Object.keys(json).slice(-3)).toEqual([
      'counterfactuals',
      'trace',
      'counterfactualSearch',
    ]);
    const list = counterfactuals as { change: object; route: string; effect: string }[];
    expect(list.length).toBeGreaterThan(0);
    for (const c of list) {
      expect(Object.keys(c)).toEqual(['change', 'route', 'effect']);
      expect(['first', 'opens']).toContain(c.effect);
    }
    expect(trace).toHaveProperty('routes');
    expect(trace).toHaveProperty('families');
    expect(counterfactualSearch).toMatchObject({ complete: true });
    // the same bytes again
    const again = await run(['explain', 'data/cue2walk.yaml', '--format', 'json', ...AS_OF]);
    expect(again.stdout).toBe(explained.stdout);
  });

  it('--route with an unknown id: exit 2 with a suggestion', async () => {
    const r = await run(['explain', 'data/cue2walk.yaml', '--route', 'wmo.algemene-voorzienig']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wmo.algemene-voorzienig');
    expect(r.stderr).toContain('"wmo.algemene-voorziening"');
  });

  it('--route explains one route, in English with --lang en', async () => {
    const r = await run([
      'explain',
      'data/cue2walk.yaml',
      '--route',
      'wmo.algemene-voorziening',
      '--lang',
      'en',
      ...AS_OF,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^One route explained: .*wmo\.algemene-voorziening/);
    expect(r.stdout).toContain('What would bring this route into the advice');
    expect(r.stdout).toContain('comes into the advice');
  });

  it('markdown, written to --out', async () => {
    const dir = tempDir('innoroute-explain-');
    const out = join(dir, 'explain.md');
    const r = await run([
      'explain',
      'data/baas.yaml',
      '--format',
      'markdown',
      '--out',
      out,
      ...AS_OF,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^# Uitleg bij het advies voor /);
    expect(md).toContain('## Wat het advies zou veranderen');
  });
});
