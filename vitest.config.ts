import { defineConfig } from 'vitest/config';

// Tests that touch the database are named `*.db.test.ts` and run twice: on the embedded
// PGlite and on the local PostgreSQL. Everything else runs once.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'pglite', include: ['test/**/*.test.ts'], env: { QLAYER_TEST_BACKEND: 'pglite' } },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/**/*.db.test.ts'],
          env: { QLAYER_TEST_BACKEND: 'postgres' },
          globalSetup: ['test/helpers/require-postgres.ts'],
        },
      },
    ],
  },
});
