// Builds dist/ once, before any test file runs, so that the tests that run the build (the binary
// where the process is the subject, batch with worker threads) run the current source — and no
// test file rebuilds dist/ while another one is running it.
//
// Emit only: each source file is transpiled on its own (what tsc emits for it: the config has
// verbatimModuleSyntax, so a file needs no types to be emitted), in a second or two instead of a
// whole type check. Type errors are `npm run typecheck`'s to report; `npm run build` is the
// build that ships. A file whose output has not changed is not rewritten. When no source file
// and no setting has changed since the last time this ran (its stamp, BUILD_STAMP), and every
// output is there, nothing is transpiled and TypeScript is not even loaded.
//
// It also makes the compiled-rules cache that in-process runs of the CLI share during this test
// run (INNOROUTE_TEST_CACHE_DIR; the user's cache is never used), and removes it at the end.
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
/** When this setup last transpiled every source file (its mtime: when it started). */
const BUILD_STAMP = join(ROOT, 'node_modules', '.cache', 'innoroute-test', 'build-stamp');
/** What, besides the sources, decides what the build emits. */
const SETTINGS = [
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'package-lock.json',
  'test/global-setup.ts',
];

export default async function setup(): Promise<() => void> {
  if (!upToDate()) await transpile();
  if (!existsSync(join(DIST, 'cli', 'main.js'))) {
    throw new Error('the build failed: dist/cli/main.js is missing');
  }
  const cache = mkdtempSync(join(tmpdir(), 'innoroute-test-cache-'));
  process.env.INNOROUTE_TEST_CACHE_DIR = cache;
  return () => rmSync(cache, { recursive: true, force: true });
}

/** The source files under src/ (tsconfig.build.json includes src). */
function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

function outputOf(file: string, srcDir = SRC, outDir = DIST): string {
  return join(outDir, relative(srcDir, file)).replace(/\.tsx?$/, '.js');
}

/** Whether the stamp is newer than every source file and setting, and every output exists. */
function upToDate(): boolean {
  if (!existsSync(BUILD_STAMP)) return false;
  const stamp = statSync(BUILD_STAMP).mtimeMs;
  const newer = (path: string) => statSync(path).mtimeMs >= stamp;
  if (SETTINGS.some((f) => newer(join(ROOT, f)))) return false;
  return sources().every((file) => !newer(file) && existsSync(outputOf(file)));
}

async function transpile(): Promise<void> {
  const started = new Date();
  const { default: ts } = await import('typescript');
  const problems: string[] = [];
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.build.json'),
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
    const out = outputOf(file, srcDir, outDir);
    if (existsSync(out) && readFileSync(out, 'utf8') === outputText) continue;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  // a source changed while this ran is newer than the stamp: the next run transpiles again
  mkdirSync(dirname(BUILD_STAMP), { recursive: true });
  closeSync(openSync(BUILD_STAMP, 'w'));
  utimesSync(BUILD_STAMP, started, started);
}
