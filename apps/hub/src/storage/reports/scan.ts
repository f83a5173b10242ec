import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { FINAL_STATUSES_SQL } from '../migrations/007-lean-live-writes.js';
import { addDays } from './calendar.js';

/**
 * Days read by one query before the scan lets the event loop run (≈ 11,000 tickets, some tens of
 * milliseconds): the hub's commands share this thread, and a year's report must not hold a kiosk's
 * ticket back for a second.
 */
export const DAYS_PER_QUERY = 14;

/**
 * What a report needs of one ticket, worked out by SQLite and handed over as an array in this
 * order: only small numbers and short strings, so there is little to encode and parse.
 */
export type ScanRow = [
  /** The service it was issued for. */
  service: string,
  /** 1 done, 2 no-show, 3 cancelled, 0 anything else (still waiting, called, serving…). */
  status: 0 | 1 | 2 | 3,
  issuedAt: number,
  /** Issue → first call, ms; null when never called. */
  wait: number | null,
  /** Start of service (or the call, when nobody pressed start) → finish, ms; served tickets only. */
  serviceTime: number | null,
  counter: number | null,
  officer: string | null,
  /** 1 when sent on at least once. */
  transferred: 0 | 1,
  /** null: not rated; 0: the rating screen timed out; 1…scale: the score. */
  rating: number | null,
];

export interface ScanFilter {
  from: string;
  to: string;
  service?: string | undefined;
  counter?: number | undefined;
  officer?: string | undefined;
}

/** What a report reads of each ticket, as one JSON array per day (see `TicketScan`). */
const ROWS_BY_DAY = `SELECT t.day, json_group_array(json_array(
       t.issued_service,
       CASE t.status WHEN 'done' THEN 1 WHEN 'no_show' THEN 2 WHEN 'cancelled' THEN 3 ELSE 0 END,
       t.issued_at,
       t.first_called_at - t.issued_at,
       CASE WHEN t.status = 'done' THEN t.finished_at - COALESCE(t.serving_at, t.called_at) END,
       t.counter, t.officer_id, t.transfers > 0,
       t.rating))
   FROM tickets t`;
const FILTERS = `AND (@service IS NULL OR t.issued_service = @service)
     AND (@counter IS NULL OR t.counter = @counter)
     AND (@officer IS NULL OR t.officer_id = @officer)`;

/** The scan's SQL for ended tickets: the covering index alone (the migrations test checks the plan). */
export const SCAN_SQL = `${ROWS_BY_DAY}
   WHERE t.day BETWEEN @from AND @to AND t.status IN ${FINAL_STATUSES_SQL}
     ${FILTERS}
   GROUP BY t.day ORDER BY t.day`;

/** Days of a range with tickets not ended yet: more tickets (`tickets_day`) than ended ones. */
export const OPEN_DAYS_SQL = `SELECT a.day FROM
   (SELECT day, COUNT(*) AS n FROM tickets WHERE day BETWEEN @from AND @to GROUP BY day) a
   LEFT JOIN (SELECT day, COUNT(*) AS n FROM tickets WHERE day BETWEEN @from AND @to
                AND status IN ${FINAL_STATUSES_SQL} GROUP BY day) f ON f.day = a.day
   WHERE a.n > COALESCE(f.n, 0) ORDER BY a.day`;

/** The tickets of one day that have not ended (the hub's current day: a few hundred rows). */
export const OPEN_SQL = `${ROWS_BY_DAY}
   WHERE t.day = @day AND t.status NOT IN ${FINAL_STATUSES_SQL}
     ${FILTERS}
   GROUP BY t.day`;

/**
 * The one query of a range report: every ticket of the office-local days `from`…`to` that passes
 * the filters, with its rating (copied onto the ticket's row, migration 6). A ticket counts under the service it was issued for, and under the
 * counter and officer that handled it last (the `tickets` row is the ticket's final state).
 *
 * Each day comes back as one JSON array of its tickets (`json_group_array`), parsed by V8's JSON
 * parser: a year is ≈ 200,000 tickets, and handing them over as 200,000 rows of values costs
 * several times the scan itself in crossings between SQLite and JavaScript. Days are parsed and
 * handed on one at a time, so a year's tickets are never all in memory at once (the hub runs with a
 * small young generation: everything kept alive through a collection is copied). The covering
 * index of migrations 6 and 7 lets the scan of ended tickets read that index only, in day order
 * (grouping by day needs no sort); the index leaves out tickets still open, so that calls do not
 * rewrite it, and those — the current day's, in practice — are read apart and joined to their day. Everything else — counts, percentiles, groups — is done in TypeScript (report.ts): medians
 * and percentiles cannot be added up from daily roll-ups.
 */
export class TicketScan {
  private readonly ended: Database.Statement;
  private readonly openDays: Database.Statement;
  private readonly open: Database.Statement;

  constructor(db: Database.Database) {
    this.ended = db.prepare(SCAN_SQL).raw(true);
    this.openDays = db.prepare(OPEN_DAYS_SQL).pluck(true);
    this.open = db.prepare(OPEN_SQL).raw(true);
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
      // The days with open tickets are known before the ended ones are read, so each day is handed
      // on whole, in order, without holding the chunk's ended tickets back.
      const open = new Map<string, string>();
      for (const day of this.openDays.all({ from: params.from, to: params.to }) as string[]) {
        const row = this.open.get({
          day,
          service: params.service,
          counter: params.counter,
          officer: params.officer,
        }) as [string, string] | undefined;
        if (row) open.set(day, row[1]);
      }
      const openBefore = (day: string | null) => {
        for (const [d, json] of open) {
          if (day !== null && d >= day) break;
          onDay(d, JSON.parse(json) as ScanRow[]);
          open.delete(d);
        }
      };
      for (const [day, json] of this.ended.iterate(params) as Iterable<[string, string]>) {
        openBefore(day);
        const rows = JSON.parse(json) as ScanRow[];
        const more = open.get(day);
        if (more !== undefined) {
          open.delete(day);
          for (const r of JSON.parse(more) as ScanRow[]) rows.push(r);
        }
        onDay(day, rows);
      }
      openBefore(null);
      if (last < f.to) await nextTurn();
    }
  }
}
