/**
 * The city's PostgreSQL client: node-postgres (`pg`). Why this one: it is maintained, pure
 * JavaScript (no native build on the operators' machines), has a connection pool, and supports
 * LISTEN/NOTIFY on a dedicated client, which `@socket.io/postgres-adapter` needs to fan the live
 * board out across several city processes without another broker.
 */
import pg from 'pg';

// int8 (seqs, epoch-millisecond times) as JavaScript numbers, not strings: every value the city
// keeps in int8 is below 2^53 (a seq per event; milliseconds until the year 287396).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// `date` as the 'YYYY-MM-DD' the hub uses for its days, not a Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: 'luot-city' });
  // An idle client whose server went away (PostgreSQL restarted) errors here, not in a query: the
  // pool drops it and the next query opens a new one. Without a listener Node would crash.
  pool.on('error', () => undefined);
  return pool;
}

/** Run `fn` in one transaction on one client: committed when it returns, rolled back when it throws. */
export async function transaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const out = await fn(c);
    await c.query('COMMIT');
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}
