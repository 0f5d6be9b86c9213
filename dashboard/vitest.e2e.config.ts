import { defineConfig } from 'vitest/config';

// Browser tests against a real CxLive (npm run e2e). One file, in order: they share one server and one browser.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 150_000,
  },
});
