import type { Migration } from '../migrations.js';

/**
 * Reports over a range of days (storage/reports/) read every ticket of the range with its rating in
 * one scan. Covering indexes let that scan read the indexes alone, in day order, without visiting
 * each ticket's row (a year is some 200,000 of them): one on `tickets` with every column a report
 * reads, and one on `ratings` with the score beside the ticket id. The price is one more index entry
 * rewritten when a ticket changes, which the hub's batched, durable writes hardly notice (README,
 * benchmarks). `tickets_day` stays: the day report and the CSV export use it.
 */
export const reportIndexes: Migration = {
  version: 5,
  name: 'report-indexes',
  up: (db) =>
    db.exec(`
CREATE INDEX tickets_report ON tickets (day, issued_service, status, issued_at, first_called_at, serving_at,
  called_at, finished_at, counter, officer_id, transfers, id);
CREATE INDEX ratings_score ON ratings (ticket_id, score);
`),
};
