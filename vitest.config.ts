import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    // tests never share the user's compiled-rules cache (test/core/rule-cache.test.ts tests it)
    env: { INNOROUTE_NO_CACHE: '1' },
  },
});
