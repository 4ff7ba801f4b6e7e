import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layer diagram of ../shared/style.md, enforced: edges depend on the core, never the reverse.
// core is pure (no I/O, no rendering, no CLI); report renders without I/O; io reads and writes
// but does not render; only the CLI imports the CLI.
const layer = (dirs, message) => ({
  regex: `^(\\.\\./)+(${dirs.join('|')})/`,
  message,
});
const NO_CLI = layer(['cli'], 'only src/cli imports the CLI');
const NODE_IO = [
  'node:fs',
  'node:fs/promises',
  'node:child_process',
  'node:worker_threads',
].flatMap((m) => [m, m.slice('node:'.length)]);

function restricted(patterns, paths = []) {
  return [
    'error',
    { patterns, paths: paths.map((name) => ({ name, message: 'no I/O in this layer' })) },
  ];
}

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'test/fixtures/', 'test/golden/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restricted(
        [layer(['io', 'report', 'cli'], 'src/core is pure: it imports no io, report or cli')],
        NODE_IO,
      ),
    },
  },
  {
    files: ['src/report/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restricted(
        [layer(['io'], 'src/report renders; reading and writing is io’s job'), NO_CLI],
        NODE_IO,
      ),
    },
  },
  {
    // the site's model and pages: made from the core and drawn with report's HTML layer, no I/O
    files: ['src/site/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restricted(
        [layer(['io'], 'src/site builds and renders the site; writing it is io’s job'), NO_CLI],
        NODE_IO,
      ),
    },
  },
  {
    files: ['src/io/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restricted([
        layer(['report', 'site'], 'src/io does not render: share the data, not the renderer'),
        NO_CLI,
      ]),
    },
  },
);
