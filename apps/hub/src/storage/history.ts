import type Database from 'better-sqlite3';
import type { HistoryTicket } from '@luot/planner';
import { FINAL_STATUSES_SQL } from './migrations/007-lean-live-writes.js';

/**
 * Every ticket of the office-local days `from`…`to` as the planner learns from it (`learnPlanInputs`):
 * the service it was issued for (a citizen sent on came for that one), when it was issued, and its
 * visit's start and end — the end only for a ticket served to the end (a no-show's or a
 * cancellation's "finished" time is not a visit). Reads the reports' covering index (migrations 6
 * and 7) and nothing else, in day order. Read-only. The index holds ended tickets: every day before
 * the hub's current one has been closed, so a plan's history (days before the planned one) is whole.
 */
export const HISTORY_SQL = `SELECT day, issued_service, issued_at, serving_at,
       CASE WHEN status = 'done' THEN finished_at END
   FROM tickets
   WHERE day BETWEEN @from AND @to AND status IN ${FINAL_STATUSES_SQL}
   ORDER BY day`;

/**
 * A planning horizon is ten-odd weeks of one office (≈ 50,000 tickets): small rows, read at once.
 * The caller is a command line or an occasional plan request, not the hub's hot path.
 */
export function readHistory(db: Database.Database, from: string, to: string): HistoryTicket[] {
  const rows = db.prepare(HISTORY_SQL).raw(true).all({ from, to }) as Array<
    [string, string, number, number | null, number | null]
  >;
  return rows.map(([date, service, issuedAt, servingAt, finishedAt]) => ({
    date,
    service,
    issuedAt,
    servingAt,
    finishedAt,
  }));
}
