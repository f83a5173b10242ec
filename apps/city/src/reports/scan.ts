import { addDays, type RangeFilter, type ScanRow } from '@luot/reports';
import type { Pool } from '../db.js';

/**
 * Days read by one query: a year of a busy office is 200,000 tickets, read two months at a time so
 * neither PostgreSQL's answer nor its parse holds the whole year at once.
 */
const DAYS_PER_QUERY = 62;

/**
 * The city's side of the one definition of each figure: every ticket of an office's days in the
 * hub's `ScanRow` shape (@luot/reports), worked out by the same expressions as the hub's SQLite scan
 * (apps/hub/src/storage/reports/scan.ts) — the wait to the first call, the service time from the
 * start of service (or the call) for served tickets, the rating as the hub keeps it — so
 * `fillFacts` and the tallies make the same numbers of them. A test compares both over the same
 * days (test/reports-hub.test.ts). Each day comes as one JSON array, read through the covering
 * index `tickets_report` (migration 2).
 */
const SCAN_SQL = `SELECT t.day, json_agg(json_build_array(
       t.issued_service,
       CASE t.status WHEN 'done' THEN 1 WHEN 'no_show' THEN 2 WHEN 'cancelled' THEN 3 ELSE 0 END,
       t.issued_at,
       t.first_called_at - t.issued_at,
       CASE WHEN t.status = 'done' THEN t.finished_at - COALESCE(t.serving_at, t.called_at) END,
       t.counter, t.officer_id, (t.transfers > 0)::int,
       t.rating))::text AS rows
   FROM tickets t
   WHERE t.office_id = $1 AND t.day BETWEEN $2::date AND $3::date
     AND ($4::text IS NULL OR t.issued_service = $4)
     AND ($5::int IS NULL OR t.counter = $5)
     AND ($6::text IS NULL OR t.officer_id = $6)
   GROUP BY t.day ORDER BY t.day`;

export type DayRows = Array<{ day: string; rows: string }>;

/** One query: the office's days `from`…`to` of the filter, each day's tickets as a JSON array. */
export async function scanDays(pool: Pool, officeId: string, f: RangeFilter, from: string, to: string) {
  const { rows } = await pool.query<{ day: string; rows: string }>(SCAN_SQL, [
    officeId,
    from,
    to,
    f.service ?? null,
    f.counter ?? null,
    f.officer ?? null,
  ]);
  return rows;
}

/**
 * Calls `onDay` for each day of an office's range that has tickets passing the filter, in date
 * order. The next slice's query is already on its way while a slice is counted.
 */
export async function forEachOfficeDay(
  pool: Pool,
  officeId: string,
  f: RangeFilter,
  onDay: (day: string, rows: ScanRow[]) => void,
): Promise<void> {
  const slices: Array<[string, string]> = [];
  for (let from = f.from; from <= f.to; from = addDays(from, DAYS_PER_QUERY)) {
    const last = addDays(from, DAYS_PER_QUERY - 1);
    slices.push([from, last < f.to ? last : f.to]);
  }
  let next = slices.length ? scanDays(pool, officeId, f, ...slices[0]!) : null;
  for (let i = 0; next; i++) {
    const days = await next;
    next = i + 1 < slices.length ? scanDays(pool, officeId, f, ...slices[i + 1]!) : null;
    for (const { day, rows } of days) onDay(day, JSON.parse(rows) as ScanRow[]);
  }
}
