import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
    // a test file per CPU: vitest's default leaves one CPU to its own process, which on two CPUs
    // runs the files one at a time, while that process mostly waits
    maxWorkers: availableParallelism(),
    globalSetup: ['test/global-setup.ts'],
    // tests never share the user's compiled-rules cache (test/core/rule-cache.test.ts tests it)
    env: { INNOROUTE_NO_CACHE: '1' },
  },
});
