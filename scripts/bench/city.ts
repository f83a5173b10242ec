import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { PgCluster } from '@luot/pgcluster';
import type { StreamEvent } from '@luot/protocol';
import { createOffice } from '../../apps/city/src/offices.js';
import { startCity, type City } from '../../apps/city/src/server.js';
import { batches, RawUplink, simulatedLog } from '../../apps/city/test/helpers.js';
import { round } from './stats.js';

/**
 * The city's ingest (#15), on a durable private PostgreSQL (fsync on, as a centre would run it):
 *
 * - **sustained**: `offices` uplinks over real WebSockets, each sending a simulated day (≈ 3,500
 *   events of the default office, seeded) in batches of 500 and waiting for each ack, all at once;
 *   events/s from the first batch to the last ack. Target ≥ 20,000/s.
 * - **catch-up**: `catchUp` offices that were offline a whole day reconnect together and send it.
 *   Target ≥ 50,000/s.
 * - **substrate**, in the same cluster and run: the same rows (office, seq, time, day, type, JSON)
 *   written by a bare multi-row INSERT into a table shaped like the log, one transaction per 500
 *   rows, as many connections at once — what PostgreSQL alone costs, without the projections,
 *   the JSON checks and the WebSocket.
 */
export async function benchCity(opts = { offices: 20, catchUp: 100, batch: 500 }) {
  const dir = mkdtempSync(join(tmpdir(), 'luot-bench-city-'));
  const cluster = new PgCluster({ dir, durable: true, timeoutSeconds: 60 });
  await cluster.start();
  let city: City | undefined;
  try {
    const url = await cluster.createDatabase('luot_city_bench');
    city = await startCity({
      databaseUrl: url,
      host: '127.0.0.1',
      port: 0,
      logger: pino({ level: 'silent' }),
      poolSize: 10,
    });
    const logs = new Map<number, StreamEvent[]>();
    const logOf = (seed: number) =>
      logs.get(seed % 10) ?? logs.set(seed % 10, simulatedLog(seed % 10)).get(seed % 10)!;

    const run = async (prefix: string, n: number) => {
      const offices = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          createOffice(city!.pool, {
            id: `${prefix}-${i}`,
            name: `Xã ${i}`,
            province: 'Hà Nội',
            commune: `Xã ${i}`,
          }),
        ),
      );
      const uplinks = await Promise.all(offices.map((o) => RawUplink.connect(city!.url, o.token)));
      await Promise.all(uplinks.map((u) => u.hello()));
      let events = 0;
      const t0 = performance.now();
      await Promise.all(
        uplinks.map(async (u, i) => {
          for (const b of batches(logOf(i), opts.batch)) {
            const answer = await u.request(b);
            if (answer.type !== 'ack') throw new Error(`city answered ${JSON.stringify(answer)}`);
            events += b.events.length;
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      uplinks.forEach((u) => u.close());
      return {
        offices: n,
        events,
        seconds: round(seconds, 2),
        eventsPerSecond: Math.round(events / seconds),
      };
    };

    const substrate = async (n: number) => {
      await city!.pool
        .query(`CREATE TABLE IF NOT EXISTS bench_events (office_id text, seq bigint, at bigint, day text,
        type text, data jsonb, PRIMARY KEY (office_id, seq))`);
      await city!.pool.query('TRUNCATE bench_events');
      let events = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: n }, async (_, i) => {
          const log = logOf(i);
          for (let s = 0; s < log.length; s += opts.batch) {
            const rows = log.slice(s, s + opts.batch);
            const c = await city!.pool.connect();
            try {
              await c.query('BEGIN');
              await c.query(
                `INSERT INTO bench_events (office_id, seq, at, day, type, data)
                 SELECT $1, r.seq, r.at, r.day, r.type, r.data FROM jsonb_to_recordset($2::jsonb)
                   AS r(seq bigint, at bigint, day text, type text, data jsonb)`,
                [
                  `s-${i}`,
                  JSON.stringify(
                    rows.map((e) => ({
                      seq: e.seq,
                      at: e.at,
                      day: '2026-12-07',
                      type: e.event.type,
                      data: e.event,
                    })),
                  ),
                ],
              );
              await c.query('COMMIT');
            } finally {
              c.release();
            }
            events += rows.length;
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      return {
        connections: n,
        events,
        seconds: round(seconds, 2),
        eventsPerSecond: Math.round(events / seconds),
      };
    };

    const substrateSustained = await substrate(opts.offices);
    const sustained = await run('sustained', opts.offices);
    // What a day of an office costs on disk (the log and every projection), for sizing a province.
    const size = await city.pool.query<{ events: string; total: string; n: string }>(
      `SELECT (SELECT count(*) FROM events) AS n, pg_total_relation_size('events') AS events,
              (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
                WHERE s.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'bench_events') AS total`,
    );
    const n = Number(size.rows[0]!.n);
    const disk = {
      events: n,
      logBytesPerEvent: Math.round(Number(size.rows[0]!.events) / n),
      allBytesPerEvent: Math.round(Number(size.rows[0]!.total) / n),
    };
    const catchUp = await run('catchup', opts.catchUp);
    const substrateCatchUp = await substrate(opts.catchUp);
    return {
      sustained,
      substrateSustained,
      disk,
      catchUp,
      substrateCatchUp,
      targets: { sustained: 20_000, catchUp: 50_000 },
    };
  } finally {
    await city?.close();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
