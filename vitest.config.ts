import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

const shared = {
  testTimeout: 20_000,
  pool: 'forks',
  // tests never share the user's compiled-rules cache (test/core/rule-cache.test.ts tests it)
  env: { INNOROUTE_NO_CACHE: '1' },
} as const;

export default defineConfig({
  test: {
    // a test file per CPU: vitest's default leaves one CPU to its own process, which on two CPUs
    // runs the files one at a time, while that process mostly waits
    maxWorkers: availableParallelism(),
    // once for the whole run (the root's global setup runs whichever projects run)
    globalSetup: ['test/global-setup.ts'],
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          // the files of a worker share one module graph instead of importing vitest, the sources
          // and their libraries again for every file (about 25 s less CPU time in all): no
          // test mocks a module or changes the environment, and the sources keep no state that
          // outlives a command (their module-level caches are keyed by the rule set)
          isolate: false,
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/browser/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // the HTML reports in Chromium (test/browser): after the other tests, not beside them,
        // so that the browser's processes do not compete with them for the CPUs
        test: {
          ...shared,
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
