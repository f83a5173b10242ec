import { addDays, type RangeFilter, type ScanRow } from '@luot/reports';
import type { Pool } from '../db.js';

/**
 * Days read by one query: a year of a busy office is 200,000 tickets, read two months at a time so
 * neither PostgreSQL's answer nor its parse holds the whole year at once.
 */
const DAYS_PER_QUERY = 62;
/**
 * Queries on their way while one answer is counted: PostgreSQL builds the next answers on the
 * other core while JavaScript counts this one.
 */
const AHEAD = 2;

/**
 * The city's side of the one definition of each figure: every ticket of an office's days in the
 * hub's `ScanRow` shape (@luot/reports), worked out by the same expressions as the hub's SQLite scan
 * (apps/hub/src/storage/reports/scan.ts) — the wait to the first call, the service time from the
 * start of service (or the call) for served tickets, the rating as the hub keeps it — so
 * `fillFacts` and the tallies make the same numbers of them. A test compares both over the same
 * days (test/reports-hub.test.ts). Each day comes as the text of one JSON array, read through the
 * covering index `tickets_report` (migration 2). The array is written by string concatenation
 * rather than json_agg(json_build_array(…)), which costs several times more per row: the service
 * is one capital letter and numbers need no quoting; the officer's code goes through to_json.
 */
const SCAN_SQL = `SELECT t.day, '[' || string_agg('["' || t.issued_service || '",'
       || CASE t.status WHEN 'done' THEN '1' WHEN 'no_show' THEN '2' WHEN 'cancelled' THEN '3' ELSE '0' END || ','
       || t.issued_at || ','
       || COALESCE((t.first_called_at - t.issued_at)::text, 'null') || ','
       || COALESCE(CASE WHEN t.status = 'done' THEN (t.finished_at - COALESCE(t.serving_at, t.called_at))::text END, 'null') || ','
       || COALESCE(t.counter::text, 'null') || ','
       || COALESCE(to_json(t.officer_id)::text, 'null') || ','
       || CASE WHEN t.transfers > 0 THEN '1' ELSE '0' END || ','
       || COALESCE(t.rating::text, 'null') || ']', ',') || ']' AS rows
   FROM tickets t
   WHERE t.office_id = $1 AND t.day BETWEEN $2::date AND $3::date
     AND ($4::text IS NULL OR t.issued_service = $4)
     AND ($5::int IS NULL OR t.counter = $5)
     AND ($6::text IS NULL OR t.officer_id = $6)
   GROUP BY t.day ORDER BY t.day`;

/** One query's worth: an office's days `from`…`to`. */
interface Slice<O> {
  office: O;
  id: string;
  from: string;
  to: string;
}

function scanSlice(pool: Pool, s: Slice<unknown>, f: RangeFilter) {
  return pool
    .query<{ day: string; rows: string }>(SCAN_SQL, [
      s.id,
      s.from,
      s.to,
      f.service ?? null,
      f.counter ?? null,
      f.officer ?? null,
    ])
    .then((r) => r.rows);
}

/**
 * Calls `onDay` for each day with tickets passing the filter of each office, office after office,
 * each in date order, with `AHEAD` queries on their way while one answer is counted.
 */
export async function forEachDayOfOffices<O extends { id: string }>(
  pool: Pool,
  offices: readonly O[],
  f: RangeFilter,
  onDay: (office: O, day: string, rows: ScanRow[]) => void,
): Promise<void> {
  const slices: Slice<O>[] = [];
  for (const office of offices) {
    for (let from = f.from; from <= f.to; from = addDays(from, DAYS_PER_QUERY)) {
      const last = addDays(from, DAYS_PER_QUERY - 1);
      slices.push({ office, id: office.id, from, to: last < f.to ? last : f.to });
    }
  }
  const pending: Array<Promise<Array<{ day: string; rows: string }>>> = [];
  let next = 0;
  const start = () => {
    const p = scanSlice(pool, slices[next++]!, f);
    // Awaited in turn below; if the scan stops on an error first, the ones ahead must not crash Node.
    p.catch(() => undefined);
    pending.push(p);
  };
  while (pending.length < AHEAD && next < slices.length) start();
  for (const slice of slices) {
    const days = await pending.shift()!;
    if (next < slices.length) start();
    for (const { day, rows } of days) onDay(slice.office, day, JSON.parse(rows) as ScanRow[]);
  }
}

/** One office's days, as the hub's report reads its own (`DayScan` of @luot/reports). */
export function forEachOfficeDay(
  pool: Pool,
  officeId: string,
  f: RangeFilter,
  onDay: (day: string, rows: ScanRow[]) => void,
): Promise<void> {
  return forEachDayOfOffices(pool, [{ id: officeId }], f, (_o, day, rows) => onDay(day, rows));
}
