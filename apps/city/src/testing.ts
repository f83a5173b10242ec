/**
 * For tests (`@luot/city/testing`): a private PostgreSQL cluster in a temp dir with one database,
 * and a city on a free port of 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { PgCluster } from '@luot/pgcluster';
import { startCity, type City, type CityOptions } from './server.js';

export interface TestDatabase {
  cluster: PgCluster;
  url: string;
  close(): Promise<void>;
}

/** A cluster of its own for a test file (no fsync: a test's cluster is thrown away). */
export async function startTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'luot-city-pg-'));
  const cluster = new PgCluster({ dir, durable: false, timeoutSeconds: 30 });
  try {
    await cluster.start();
    const url = await cluster.createDatabase('luot_city_test');
    return {
      cluster,
      url,
      async close() {
        await cluster.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await cluster.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

export function startTestCity(url: string, opts: Partial<CityOptions> = {}): Promise<City> {
  return startCity({
    databaseUrl: url,
    host: '127.0.0.1',
    port: 0,
    logger: pino({ level: 'silent' }),
    ...opts,
  });
}
