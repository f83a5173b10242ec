import type Database from 'better-sqlite3';

/** What a report needs of one ticket, as the scan hands it over: an array, in this order. */
export type ScanRow = [
  service: string,
  status: string,
  issuedAt: number,
  firstCalledAt: number | null,
  /** Start of service: `serving_at`, or the call when nobody pressed start. */
  startedAt: number | null,
  finishedAt: number | null,
  counter: number | null,
  officer: string | null,
  transfers: number,
  /** 1 when the ticket has a rating row (answered or timed out), else 0. */
  rated: number,
  /** The rating's score; null when not rated or the screen timed out. */
  score: number | null,
];

/** One office day of the scan: its date and its tickets. */
export interface ScanDay {
  day: string;
  rows: ScanRow[];
}

export interface ScanFilter {
  from: string;
  to: string;
  service?: string | undefined;
  counter?: number | undefined;
  officer?: string | undefined;
}

/** The scan's SQL (the migrations test checks how SQLite plans it). */
export const SCAN_SQL = `SELECT t.day, json_group_array(json_array(t.issued_service, t.status, t.issued_at, t.first_called_at,
     COALESCE(t.serving_at, t.called_at), t.finished_at, t.counter, t.officer_id, t.transfers,
     r.ticket_id IS NOT NULL, r.score))
   FROM tickets t
     -- The planner prefers the unique index on ticket_id, then reads the rating's row for its score.
     LEFT JOIN ratings r INDEXED BY ratings_score ON r.ticket_id = t.id
   WHERE t.day BETWEEN @from AND @to
     AND (@service IS NULL OR t.issued_service = @service)
     AND (@counter IS NULL OR t.counter = @counter)
     AND (@officer IS NULL OR t.officer_id = @officer)
   GROUP BY t.day ORDER BY t.day`;

/**
 * The one query of a range report: every ticket of the office-local days `from`…`to` that passes
 * the filters, with its rating. A ticket counts under the service it was issued for, and under the
 * counter and officer that handled it last (the `tickets` row is the ticket's final state).
 *
 * Each day comes back as one JSON array of its tickets (`json_group_array`), parsed by V8's JSON
 * parser: a year is ≈ 200,000 tickets, and handing them over as 200,000 rows of 12 values costs
 * several times the scan itself in crossings between SQLite and JavaScript. The covering indexes of
 * migration 5 let the scan read indexes only, in day order (so grouping by day needs no sort).
 * Everything else — counts, percentiles, groups — is done in TypeScript in one pass (report.ts):
 * medians and percentiles cannot be added up from daily roll-ups.
 */
export class TicketScan {
  private readonly stmt: Database.Statement;

  constructor(db: Database.Database) {
    this.stmt = db.prepare(SCAN_SQL).raw(true);
  }

  days(f: ScanFilter): ScanDay[] {
    const rows = this.stmt.all({
      from: f.from,
      to: f.to,
      service: f.service ?? null,
      counter: f.counter ?? null,
      officer: f.officer ?? null,
    }) as Array<[string, string]>;
    return rows.map(([day, json]) => ({ day, rows: JSON.parse(json) as ScanRow[] }));
  }
}
