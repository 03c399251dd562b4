import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    // Component tests ask for jsdom themselves (a comment at their top); the rest run in Node.
    testTimeout: 30_000,
  },
});
