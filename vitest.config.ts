import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**'],
    environment: 'node',
    // Trains the intent model into dist/model once, when it is missing or stale.
    globalSetup: ['test/setup/intentModel.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
