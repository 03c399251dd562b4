import { defineConfig } from 'vitest/config';

// Each test file starts its own in-memory PGlite, which takes a few seconds of CPU; running
// files one after another is faster on small machines than starting them all at once.
export default defineConfig({
  test: {
    fileParallelism: false,
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
