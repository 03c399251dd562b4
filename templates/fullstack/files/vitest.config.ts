import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Client tests ask for jsdom themselves (a comment at their top). Server test files each
// start an in-memory PGlite, so they run one after another.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['client/test/**/*.test.{ts,tsx}', 'server/test/**/*.test.ts'],
    fileParallelism: false,
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
