import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests of the support page in a real browser (Debian's /usr/bin/chromium through
 * playwright-core): `npm run test:e2e`. Not part of `npm test`.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser and one server per file; files one after the other keep the machine calm.
    fileParallelism: false,
  },
});
