import { connect } from '../../core/db/connect.ts';
import { postgresUrl } from './db.ts';

// The PostgreSQL half of the suite must fail loudly when the server is missing, never skip.
export default async function requirePostgres(): Promise<void> {
  const db = await connect({ url: postgresUrl, maxConnections: 1 });
  try {
    await db.query('select 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is unreachable at ${postgresUrl} (${error instanceof Error ? error.message : String(error)}). ` +
        'Start it (see README) or point QLAYER_TEST_DATABASE_URL at a server.',
    );
  } finally {
    await db.close();
  }
}
