// Builds dist/ once, before any test file runs, so that the tests that run the build (the binary
// where the process is the subject, batch with worker threads) run the current source — and no
// test file rebuilds dist/ while another one is running it.
//
// Emit only: each source file is transpiled on its own (what tsc emits for it: the config has
// verbatimModuleSyntax, so a file needs no types to be emitted), in a second or two instead of a
// whole type check. Type errors are `npm run typecheck`'s to report; `npm run build` is the
// build that ships. A file whose output has not changed is not rewritten.
//
// It also makes the compiled-rules cache that in-process runs of the CLI share during this test
// run (INNOROUTE_TEST_CACHE_DIR; the user's cache is never used), and removes it at the end.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export default function setup(): () => void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const problems: string[] = [];
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.build.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) =>
        problems.push(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    },
  );
  if (!config || problems.length > 0) {
    throw new Error(`tsconfig.build.json cannot be read:\n${problems.join('\n')}`);
  }
  // a file on its own has no package.json to say it is an ES module: say it here, as
  // "type": "module" does for tsc
  const compilerOptions = { ...config.options, module: ts.ModuleKind.ESNext };
  const srcDir = config.options.rootDir!;
  const outDir = config.options.outDir!;
  for (const file of config.fileNames) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions,
      fileName: file,
    });
    const out = join(outDir, relative(srcDir, file)).replace(/\.tsx?$/, '.js');
    if (existsSync(out) && readFileSync(out, 'utf8') === outputText) continue;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  if (!existsSync(join(outDir, 'cli', 'main.js'))) {
    throw new Error('the build failed: dist/cli/main.js is missing');
  }
  const cache = mkdtempSync(join(tmpdir(), 'innoroute-test-cache-'));
  process.env.INNOROUTE_TEST_CACHE_DIR = cache;
  return () => rmSync(cache, { recursive: true, force: true });
}
