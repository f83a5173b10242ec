import type { PoolClient } from '../db.js';

/**
 * One ticket as the report across offices reads it (scan.ts `forEachTicketOfOffices`):
 * `service,status,wait,serviceTime,officer,transferred,rating`, a null as nothing, the officer's
 * code as a JSON string, tickets joined by `;`. The same expressions as the hub's SQLite scan (the
 * wait to the first call, the service time from the start of service or the call for served
 * tickets, the rating as the hub keeps it). Written by string concatenation: json_agg of arrays
 * cost about twice as much per row.
 */
export const FLAT_ROW = `t.issued_service || ','
       || CASE t.status WHEN 'done' THEN '1' WHEN 'no_show' THEN '2' WHEN 'cancelled' THEN '3' ELSE '0' END || ','
       || COALESCE((t.first_called_at - t.issued_at)::text, '') || ','
       || COALESCE(CASE WHEN t.status = 'done' THEN (t.finished_at - COALESCE(t.serving_at, t.called_at))::text END, '') || ','
       || COALESCE(to_json(t.officer_id)::text, '') || ','
       || CASE WHEN t.transfers > 0 THEN '1' ELSE '0' END || ','
       || COALESCE(t.rating::text, '')`;

/**
 * $1 office, $2 days: the stored text of those of the days that are closed, from their tickets as
 * they are now (every service: a report's service filter applies per ticket when read). A day that
 * is not closed (or no longer: late events re-opened it) loses its text and is scanned.
 */
const FORGET = `DELETE FROM day_rows r WHERE r.office_id = $1 AND r.day = ANY($2::date[])
  AND NOT EXISTS (SELECT 1 FROM office_days d WHERE d.office_id = r.office_id AND d.day = r.day AND d.closed)`;
const STORE = `INSERT INTO day_rows (office_id, day, rows)
  SELECT t.office_id, t.day, string_agg(${FLAT_ROW}, ';')
  FROM office_days d JOIN tickets t ON t.office_id = d.office_id AND t.day = d.day
  WHERE d.office_id = $1 AND d.day = ANY($2::date[]) AND d.closed
  GROUP BY t.office_id, t.day
  ON CONFLICT (office_id, day) DO UPDATE SET rows = excluded.rows`;

/**
 * Keep `day_rows` (migration 3) true to the tickets of the days a batch just wrote, in the
 * batch's transaction: called by the projector after every write, live or in a rebuild, so a
 * stored text is never older than its tickets.
 */
export async function storeDayRows(c: PoolClient, officeId: string, days: readonly string[]): Promise<void> {
  if (days.length === 0) return;
  await c.query(FORGET, [officeId, days]);
  await c.query(STORE, [officeId, days]);
}
