import { defineConfig } from 'drizzle-kit';

// Migrations are generated from core/db/schema.ts (`npm run db:generate`) and applied by
// core/db/migrate.ts at start-up and by `qlayer migrate`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './core/db/schema.ts',
  out: './migrations',
});
