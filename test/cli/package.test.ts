// What a global install needs: `npm install -g` (from the clone or a packed tarball) ships only
// the package's `files` and installs only its `dependencies`. Packing and installing for real
// takes a network and seconds, so it is a manual check (README, "Install"); this test holds the
// cheap part: everything the binary reads at run time is in `files`, found relative to the
// package (never the working directory), and every package the code imports is a dependency.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../../src/cli/options.ts';
import { ROOT } from '../advise/helpers.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  files: string[];
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const shipped = (path: string) =>
  pkg.files.some((f) => path === f || path.startsWith(`${f.replace(/\/$/, '')}/`));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('the package', () => {
  it('ships the binary, the build it imports, the rules and package.json', () => {
    const bin = pkg.bin.innoroute!;
    expect(shipped(bin)).toBe(true);
    const imported = /from '\.\.\/(dist\/[^']+)'/.exec(readFileSync(join(ROOT, bin), 'utf8'))?.[1];
    expect(imported).toBe('dist/cli/main.js');
    expect(shipped(imported!)).toBe(true);
    // the build is made by prepare, so a packed tarball (npm pack runs it) holds dist
    expect(pkg.scripts.prepare).toBe('npm run build');
    for (const needed of ['rules/ruleset.yaml', 'rules/questions.yaml', 'rules/schema']) {
      expect(shipped(needed), needed).toBe(true);
      expect(existsSync(join(ROOT, needed)), needed).toBe(true);
    }
  });

  it('finds the shipped rules next to its code, wherever it is run', () => {
    expect(relative(ROOT, shippedRulesDir())).toBe('rules');
  });

  it('declares every package the code imports as a dependency', () => {
    const imported = new Set<string>();
    for (const file of sources(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      // value imports and dynamic imports; `import type` is erased by the build
      for (const m of text.matchAll(
        /^import (?!type )[^;]*?from '([^'.][^']*)'|import\('([^'.][^']*)'\)/gm,
      )) {
        const spec = m[1] ?? m[2]!;
        if (spec.startsWith('node:')) continue;
        imported.add(
          spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!,
        );
      }
    }
    expect([...imported]).toEqual(
      expect.arrayContaining(['commander', 'yaml', 'zod', 'csv-parse', '@inquirer/prompts']),
    );
    for (const name of imported) expect(Object.keys(pkg.dependencies), name).toContain(name);
  });
});
