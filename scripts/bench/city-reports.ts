import { createDay } from '@luot/core';
import { quocOai } from '@luot/core/testing';
import { createOffice, hello, ingestBatch } from '@luot/city';
import { FLAT_SQL } from '../../apps/city/src/reports/scan.js';
import { startTestCity, startTestDatabase } from '@luot/city/testing';
import type { StreamEvent, UplinkBatch } from '@luot/protocol';
import { isOpenDay, simulateDay } from '@luot/sim';
import { round, summary } from './stats.js';

const MONTH = { from: '2026-11-01', to: '2026-11-30' };
const OFFICES = 170;

/**
 * Reports across offices at the city (#15): one office's month — every working day of November
 * 2026 played by the seeded day simulator (≈ 800 tickets a day) and ingested through the city's
 * own ingest and projector — then copied in SQL to 169 more offices (≈ 3 M tickets in all: the
 * issue's "a month across 170 offices"). Timed from request to the last byte: `GET /api/reports`
 * for the month across all offices (target < 2 s) and `GET /api/offices/:id/report` for one
 * office's month (target < 300 ms). The substrate, in the same run: PostgreSQL alone visiting the
 * same tickets (a count and two sums through the same covering index), no JavaScript per row.
 */
export async function benchCityReports() {
  const db = await startTestDatabase();
  const city = await startTestCity(db.url, { now: () => Date.parse('2026-12-07T03:00:00Z') });
  try {
    const config = quocOai();
    const t0 = performance.now();
    await createOffice(city.pool, {
      id: 'office-1',
      name: 'Văn phòng 1',
      province: 'Hà Nội',
      commune: 'Xã 1',
    });
    const log: StreamEvent[] = [];
    for (let d = 1; d <= 30; d++) {
      const date = `2026-11-${String(d).padStart(2, '0')}`;
      if (!isOpenDay(config.sessions, date)) continue;
      const day = simulateDay(config, { seed: d, date, profile: { tickets: 800 } });
      log.push({
        seq: log.length + 1,
        at: day.events[0]!.at - 1000,
        event: { type: 'day.opened', day: date, level: createDay(config, date).level },
      });
      for (const e of day.events) log.push({ seq: log.length + 1, at: e.at, event: e.event });
    }
    await hello(city.pool, 'office-1', config, log.length);
    for (let i = 0; i < log.length; i += 1000) {
      const events = log.slice(i, i + 1000) as UplinkBatch['events'];
      await ingestBatch(city.pool, city.projector, 'office-1', {
        type: 'batch',
        fromSeq: events[0]!.seq,
        events,
      });
    }
    const ingestS = round((performance.now() - t0) / 1000, 1);
    // 169 more offices with the same month: their tickets, days (and each closed day's stored
    // report text), configuration and officers' sign-ins.
    const t1 = performance.now();
    await city.pool.query(
      `INSERT INTO offices (id, name, province, commune, token_hash)
         SELECT 'office-' || n, 'Văn phòng ' || n, CASE WHEN n % 2 = 0 THEN 'Hà Nội' ELSE 'Bắc Ninh' END,
                'Xã ' || n, md5(n::text) || md5('x' || n)
         FROM generate_series(2, $1) n;
       INSERT INTO office_cursors (office_id) SELECT 'office-' || n FROM generate_series(2, $1) n;`.replaceAll(
        '$1',
        String(OFFICES),
      ),
    );
    await city.pool.query(
      `INSERT INTO office_configs (office_id, from_seq, config)
         SELECT 'office-' || n, from_seq, config FROM office_configs, generate_series(2, ${OFFICES}) n
         WHERE office_id = 'office-1';
       INSERT INTO events (office_id, seq, at, day, type, data)
         SELECT 'office-' || n, seq, at, day, type, data FROM events, generate_series(2, ${OFFICES}) n
         WHERE office_id = 'office-1' AND type = 'counter.signed_in';
       INSERT INTO tickets SELECT 'office-' || n, id, day, number, service, issued_service, priority, party, zone,
         status, issued_at, admitted_at, called_at, first_called_at, serving_at, finished_at, counter,
         target_counter, officer_id, call_count, transfers, outcome, kiosk_id, rating
         FROM tickets, generate_series(2, ${OFFICES}) n WHERE office_id = 'office-1';
       INSERT INTO office_days SELECT 'office-' || n, day, level, closed, opened_seq, last_seq, config_from, notice
         FROM office_days, generate_series(2, ${OFFICES}) n WHERE office_id = 'office-1';
       INSERT INTO day_rows SELECT 'office-' || n, day, rows
         FROM day_rows, generate_series(2, ${OFFICES}) n WHERE office_id = 'office-1';`,
    );
    // The visibility map, so the covering index is read without the table (as autovacuum would).
    await city.pool.query('VACUUM ANALYZE tickets');
    await city.pool.query('VACUUM ANALYZE events');
    await city.pool.query('VACUUM ANALYZE office_days');
    await city.pool.query('VACUUM ANALYZE day_rows');
    const copyS = round((performance.now() - t1) / 1000, 1);
    const { rows } = await city.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets');
    const tickets = rows[0]!.n;
    console.log(
      `city reports: ${tickets} tickets in ${OFFICES} offices (one month ingested in ${ingestS} s, copied in ${copyS} s)`,
    );

    const substrate = async (office: string | null) => {
      const s = performance.now();
      await city.pool.query(
        `SELECT count(*), sum(issued_at), sum(first_called_at) FROM tickets
         WHERE ($1::text IS NULL OR office_id = $1) AND day BETWEEN $2 AND $3`,
        [office, MONTH.from, MONTH.to],
      );
      return performance.now() - s;
    };
    const timed = async (path: string) => {
      const s = performance.now();
      const res = await fetch(`${city.url}${path}`);
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${Buffer.from(body).toString()}`);
      return performance.now() - s;
    };
    const q = `from=${MONTH.from}&to=${MONTH.to}`;
    await substrate(null); // warm the cache as a first report would
    const allSubstrate = [await substrate(null), await substrate(null), await substrate(null)];
    const oneSubstrate = [
      await substrate('office-7'),
      await substrate('office-8'),
      await substrate('office-9'),
    ];
    // PostgreSQL writing the report's text for every office, one query after another (no parsing).
    const scanAlone = async () => {
      const s = performance.now();
      for (let n = 1; n <= OFFICES; n++) {
        await city.pool.query(FLAT_SQL, [`office-${n}`, MONTH.from, MONTH.to, null, null, null]);
      }
      return performance.now() - s;
    };
    const scanSubstrate = [await scanAlone(), await scanAlone()];
    const all: number[] = [];
    for (let i = 0; i < 3; i++) all.push(await timed(`/api/reports?${q}`));
    const one: number[] = [];
    for (const id of ['office-7', 'office-8', 'office-9', 'office-10', 'office-11']) {
      one.push(await timed(`/api/offices/${id}/report?${q}`));
    }
    const province: number[] = [];
    for (let i = 0; i < 3; i++)
      province.push(await timed(`/api/reports?${q}&province=${encodeURIComponent('Hà Nội')}`));
    return {
      offices: OFFICES,
      tickets,
      monthAllOfficesMs: summary(all),
      monthAllOfficesSubstrateMs: summary(allSubstrate),
      monthAllOfficesTextOneByOneMs: summary(scanSubstrate),
      monthOneProvinceMs: summary(province),
      monthOneOfficeMs: summary(one),
      monthOneOfficeSubstrateMs: summary(oneSubstrate),
    };
  } finally {
    await city.close();
    await db.close();
  }
}
