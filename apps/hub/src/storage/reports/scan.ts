import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { addDays, type RangeFilter, type ScanRow } from '@luot/reports';

/**
 * Days read by one query before the scan lets the event loop run (≈ 11,000 tickets, some tens of
 * milliseconds): the hub's commands share this thread, and a year's report must not hold a kiosk's
 * ticket back for a second.
 */
export const DAYS_PER_QUERY = 14;

/** A report's range and filters (one shape for the hub and the city). */
export type ScanFilter = RangeFilter;

/** The scan's SQL (the migrations test checks how SQLite plans it). */
export const SCAN_SQL = `SELECT t.day, json_group_array(json_array(
       t.issued_service,
       CASE t.status WHEN 'done' THEN 1 WHEN 'no_show' THEN 2 WHEN 'cancelled' THEN 3 ELSE 0 END,
       t.issued_at,
       t.first_called_at - t.issued_at,
       CASE WHEN t.status = 'done' THEN t.finished_at - COALESCE(t.serving_at, t.called_at) END,
       t.counter, t.officer_id, t.transfers > 0,
       t.rating))
   FROM tickets t
   WHERE t.day BETWEEN @from AND @to
     AND (@service IS NULL OR t.issued_service = @service)
     AND (@counter IS NULL OR t.counter = @counter)
     AND (@officer IS NULL OR t.officer_id = @officer)
   GROUP BY t.day ORDER BY t.day`;

/**
 * The one query of a range report at the hub (the rows' shape is `ScanRow`, @luot/reports): every ticket of the office-local days `from`…`to` that passes
 * the filters, with its rating (copied onto the ticket's row, migration 6). A ticket counts under the service it was issued for, and under the
 * counter and officer that handled it last (the `tickets` row is the ticket's final state).
 *
 * Each day comes back as one JSON array of its tickets (`json_group_array`), parsed by V8's JSON
 * parser: a year is ≈ 200,000 tickets, and handing them over as 200,000 rows of values costs
 * several times the scan itself in crossings between SQLite and JavaScript. Days are parsed and
 * handed on one at a time, so a year's tickets are never all in memory at once (the hub runs with a
 * small young generation: everything kept alive through a collection is copied). The covering
 * index of migration 6 lets the scan read that index only, in day order (grouping by day needs no
 * sort). Everything else — counts, percentiles, groups — is done in TypeScript (report.ts): medians
 * and percentiles cannot be added up from daily roll-ups.
 */
export class TicketScan {
  private readonly stmt: Database.Statement;

  constructor(db: Database.Database) {
    this.stmt = db.prepare(SCAN_SQL).raw(true);
  }

  /**
   * Calls `onDay` for each day of the range that has tickets, in date order, querying
   * `DAYS_PER_QUERY` days at a time and letting the event loop run between queries. Each query is
   * complete before the next turn (an open statement would keep the hub's connection busy), so a
   * report over today may see a ticket issued meanwhile; past days do not change.
   */
  async forEachDay(f: ScanFilter, onDay: (day: string, rows: ScanRow[]) => void): Promise<void> {
    for (let from = f.from; from <= f.to; from = addDays(from, DAYS_PER_QUERY)) {
      const last = addDays(from, DAYS_PER_QUERY - 1);
      const params = {
        from,
        to: last < f.to ? last : f.to,
        service: f.service ?? null,
        counter: f.counter ?? null,
        officer: f.officer ?? null,
      };
      for (const [day, json] of this.stmt.iterate(params) as Iterable<[string, string]>) {
        onDay(day, JSON.parse(json) as ScanRow[]);
      }
      if (last < f.to) await nextTurn();
    }
  }
}
