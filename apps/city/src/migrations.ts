import type { Pool } from './db.js';
import { MIGRATIONS } from './migrations/index.js';

export interface Migration {
  /** 1, 2, 3…: the row `schema_migrations` has once this migration ran. */
  version: number;
  name: string;
  sql: string;
}

/**
 * Any number constant for the advisory lock that serializes migrations: several city processes may
 * start at once behind a load balancer, and exactly one of them must apply each migration.
 */
const MIGRATION_LOCK = 0x6c756f74; // 'luot'

/** Refuse a list whose numbers are not 1, 2, 3… in order: a repeat or a gap is a mistake in the code. */
export function checkMigrations(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migrations out of order: ${m.name} is number ${m.version} at position ${i + 1}`);
  });
}

/**
 * Bring the database to the newest schema, all pending migrations in one transaction under a
 * transaction-scoped advisory lock: a second process waits, then finds nothing left to do. A
 * database from a newer Lượt is refused rather than guessed at. Returns the version now.
 */
export async function runMigrations(
  pool: Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  checkMigrations(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await c.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    if (current > latest) {
      throw new Error(
        `The database is from a newer version of Lượt (schema ${current}, this city knows ${latest}). Upgrade the city.`,
      );
    }
    for (const m of migrations) {
      if (m.version <= current) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    await c.query('COMMIT');
    return latest;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}
