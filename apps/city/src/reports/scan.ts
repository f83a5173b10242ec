import { addDays, type RangeFilter, type ScanRow } from '@luot/reports';
import type { Pool } from '../db.js';
import { FLAT_ROW } from './day-rows.js';

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

function scanSlice(pool: Pool, sql: string, s: Slice<unknown>, f: RangeFilter) {
  return pool
    .query<{ day: string; rows: string }>(sql, [
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
 * Sends each slice's answer (the day and its text) to `onText`, office after office, each in date
 * order, with `AHEAD` queries on their way while one answer is counted.
 */
async function scanOffices<O extends { id: string }>(
  pool: Pool,
  sql: string,
  offices: readonly O[],
  f: RangeFilter,
  onText: (office: O, day: string, text: string) => void,
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
    const p = scanSlice(pool, sql, slices[next++]!, f);
    // Awaited in turn below; if the scan stops on an error first, the ones ahead must not crash Node.
    p.catch(() => undefined);
    pending.push(p);
  };
  while (pending.length < AHEAD && next < slices.length) start();
  for (const slice of slices) {
    const days = await pending.shift()!;
    if (next < slices.length) start();
    for (const { day, rows } of days) onText(slice.office, day, rows);
  }
}

/** Each day of each office as `ScanRow`s (JSON arrays, parsed). */
export function forEachDayOfOffices<O extends { id: string }>(
  pool: Pool,
  offices: readonly O[],
  f: RangeFilter,
  onDay: (office: O, day: string, rows: ScanRow[]) => void,
): Promise<void> {
  return scanOffices(pool, SCAN_SQL, offices, f, (o, day, text) =>
    onDay(o, day, JSON.parse(text) as ScanRow[]),
  );
}

/**
 * Every ticket of an office's days as flat text (`FLAT_ROW`, day-rows.ts), the service filter in
 * SQL. What the stored text of a day is made of; kept as the bench's substrate (PostgreSQL writing
 * every ticket's text).
 */
export const FLAT_SQL = `SELECT t.day, string_agg(${FLAT_ROW}, ';') AS rows
   FROM tickets t
   WHERE t.office_id = $1 AND t.day BETWEEN $2::date AND $3::date
     AND ($4::text IS NULL OR t.issued_service = $4)
     AND ($5::int IS NULL OR t.counter = $5)
     AND ($6::text IS NULL OR t.officer_id = $6)
   GROUP BY t.day ORDER BY t.day`;

/**
 * The same text for reports across offices, where there are millions of tickets: each closed day
 * as stored once by the projector (`day_rows`, migration 3), read rather than formatted — ≈ 20 rows
 * for an office's month instead of ≈ 16,000 — and only the days without it (the open day, a day
 * never closed) formatted ticket by ticket. The stored text holds every service: the service
 * filter ($4) is applied per ticket when it is read (`forEachTicketOfOffices`). A counter ($5) or
 * an officer ($6), not in the text and never set by a report across offices, scans every day.
 */
const CITY_SQL = `SELECT r.day, r.rows FROM day_rows r
   WHERE r.office_id = $1 AND r.day BETWEEN $2::date AND $3::date AND $5::int IS NULL AND $6::text IS NULL
 UNION ALL
 SELECT t.day, string_agg(${FLAT_ROW}, ';') AS rows
   FROM office_days d JOIN tickets t ON t.office_id = d.office_id AND t.day = d.day
   WHERE d.office_id = $1 AND d.day BETWEEN $2::date AND $3::date
     AND ($5::int IS NOT NULL OR $6::text IS NOT NULL
          OR NOT EXISTS (SELECT 1 FROM day_rows r WHERE r.office_id = d.office_id AND r.day = d.day))
     AND ($4::text IS NULL OR t.issued_service = $4)
     AND ($5::int IS NULL OR t.counter = $5)
     AND ($6::text IS NULL OR t.officer_id = $6)
   GROUP BY t.day
 ORDER BY day`;

/**
 * Each ticket of the offices' days, for reports across offices: the flat text (`FLAT_ROW`) read
 * into ONE reused `ScanRow` handed to `onTicket` in turn, so no array is made per ticket (parsing
 * 3 M JSON arrays, and collecting them, was most of the report's time). `issuedAt` and `counter`
 * are not sent: the report across offices does not group by them (they read 0 and null). Only
 * `f.service` of the filter's ticket fields applies (`CITY_SQL`).
 */
export function forEachTicketOfOffices<O extends { id: string }>(
  pool: Pool,
  offices: readonly O[],
  f: RangeFilter,
  onTicket: (office: O, day: string, row: ScanRow) => void,
): Promise<void> {
  const row: ScanRow = ['', 0, 0, null, null, null, null, 0, null];
  /** Officers' codes as read (`"cb01"` → `cb01`): a few per office, met thousands of times. */
  const officers = new Map<string, string>();
  const service = f.service ?? null;
  return scanOffices(pool, CITY_SQL, offices, f, (o, day, text) => {
    let pos = 0;
    /** The integer at `pos` up to the next separator, or null when the field is empty. */
    const int = (): number | null => {
      let c = text.charCodeAt(pos);
      if (c === 44 || c === 59 || Number.isNaN(c)) {
        pos++;
        return null;
      }
      let sign = 1;
      if (c === 45) {
        sign = -1;
        c = text.charCodeAt(++pos);
      }
      let v = 0;
      while (c >= 48 && c <= 57) {
        v = v * 10 + (c - 48);
        c = text.charCodeAt(++pos);
      }
      pos++; // the separator
      return sign * v;
    };
    while (pos < text.length) {
      const comma = text.indexOf(',', pos);
      row[0] = text.slice(pos, comma);
      pos = comma + 1;
      row[1] = int() as 0 | 1 | 2 | 3;
      row[3] = int();
      row[4] = int();
      if (text.charCodeAt(pos) === 34) {
        // A JSON string: to its closing quote (a quote inside is escaped as \").
        let end = pos + 1;
        while (text.charCodeAt(end) !== 34) end += text.charCodeAt(end) === 92 ? 2 : 1;
        const raw = text.slice(pos, end + 1);
        let officer = officers.get(raw);
        if (officer === undefined) officers.set(raw, (officer = JSON.parse(raw) as string));
        row[6] = officer;
        pos = end + 2;
      } else {
        row[6] = null;
        pos++;
      }
      row[7] = int() as 0 | 1;
      row[8] = int();
      // A stored day holds every service.
      if (service === null || row[0] === service) onTicket(o, day, row);
    }
  });
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
