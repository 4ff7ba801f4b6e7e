// `innoroute advise --summary`: only the summary that opens the advice, in each format — the head
// of the text and Markdown reports, and in JSON the advice's identity with the same `summary` the
// full JSON has. No search for what would change the advice is made for it.
import { describe, expect, it } from 'vitest';
import { run } from './helpers.ts';

const ARGS = ['advise', 'data/cue2walk.yaml', '--as-of', '2026-11-27', '--no-color'];

describe('advise --summary', () => {
  it('text: the head of the full report, at most 20 lines', async () => {
    const [full, summary] = await Promise.all([run(ARGS), run([...ARGS, '--summary'])]);
    expect(summary.code).toBe(0);
    expect(summary.stderr).toBe('');
    expect(full.stdout.startsWith(summary.stdout)).toBe(true);
    expect(summary.stdout.trimEnd().split('\n').length).toBeLessThanOrEqual(20);
    expect(summary.stdout).toContain('In het kort');
    expect(summary.stdout).not.toContain('Wat het advies zou veranderen');
    expect(full.stdout).toContain('Wat het advies zou veranderen');
  });

  it('markdown: the head of the full report', async () => {
    const md = [...ARGS, '--format', 'markdown', '--lang', 'en'];
    const [full, summary] = await Promise.all([run(md), run([...md, '--summary'])]);
    expect(summary.code).toBe(0);
    expect(full.stdout.startsWith(summary.stdout.trimEnd())).toBe(true);
    expect(summary.stdout).toContain('## In short');
    expect(summary.stdout).not.toContain('## Recommended route');
  });

  it('html: a page with the summary block of the full page, and nothing after it', async () => {
    const html = [...ARGS, '--format', 'html'];
    const [full, summary] = await Promise.all([run(html), run([...html, '--summary'])]);
    expect(summary.code).toBe(0);
    expect(summary.stderr).toBe('');
    const block = (page: string) =>
      page.slice(page.indexOf('<section class="summary"'), page.indexOf('</section>') + 10);
    expect(block(summary.stdout)).toContain('<h2 id="in-short">In het kort</h2>');
    expect(block(summary.stdout)).toBe(block(full.stdout));
    expect(summary.stdout).not.toContain('<svg');
    expect(summary.stdout).not.toContain('Wat het advies zou veranderen');
    expect(full.stdout).toContain('Wat het advies zou veranderen');
    expect(summary.stdout.endsWith('</html>\n')).toBe(true);
  });

  it('json: schemaVersion, ruleset, input and the summary of the full JSON', async () => {
    const json = [...ARGS, '--format', 'json'];
    const [full, summary] = await Promise.all([run(json), run([...json, '--summary'])]);
    expect(summary.code).toBe(0);
    const whole = JSON.parse(full.stdout) as Record<string, unknown>;
    const only = JSON.parse(summary.stdout) as Record<string, unknown>;
    expect(Object.keys(only)).toEqual(['schemaVersion', 'ruleset', 'input', 'summary']);
    expect(only.summary).toEqual(whole.summary);
    expect(only.ruleset).toEqual(whole.ruleset);
    expect(Object.keys(whole).at(-1)).toBe('summary');
  });
});
