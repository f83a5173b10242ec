import type { Migration } from '../migrations.js';

/** The statuses a ticket ends in; core's closing of a day gives every ticket one of them. */
export const FINAL_STATUSES_SQL = "('done', 'no_show', 'cancelled')";

/**
 * Every committed batch is one synchronous write (WAL + fsync), and what it costs is mostly how
 * many pages it dirties. A call changed the log's table and its type index, the ticket's row and
 * migration 6's covering index: the call → display time the bench watches (issue 17) grew with the
 * report index. Indexes the live day does not read now only hold what no longer changes:
 *
 * - The reports' covering index holds tickets that have ended (done, no-show, cancelled): a ticket
 *   enters it once, when it ends, and calls and starts on the way touch only the table. Core closes
 *   every day it leaves (open tickets are cancelled with `day_closed`), so only the hub's current
 *   day has open tickets; the scan (storage/reports/scan.ts) reads them through `tickets_day`, for
 *   the days whose count of tickets exceeds their count of ended ones.
 * - The log was indexed by every event's type for two look-ups (the last `day.opened`, each
 *   printer's last state): partial indexes on those two types replace it, and every other append
 *   writes the table alone.
 */
export const leanLiveWrites: Migration = {
  version: 7,
  name: 'lean-live-writes',
  up: (db) =>
    db.exec(`
DROP INDEX tickets_report;
CREATE INDEX tickets_report ON tickets (day, issued_service, status, issued_at, first_called_at, serving_at,
  called_at, finished_at, counter, officer_id, transfers, rating) WHERE status IN ${FINAL_STATUSES_SQL};

DROP INDEX events_type;
CREATE INDEX events_day_opened ON events (seq) WHERE type = 'day.opened';
CREATE INDEX events_printer_status ON events (seq) WHERE type = 'printer.status';
`),
};
