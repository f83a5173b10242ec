import type { Migration } from '../migrations.js';

/**
 * Reports over a range of days (storage/reports/) read every ticket of the range in one scan; a
 * year is some 200,000 tickets. Two changes make that scan read one index and nothing else:
 *
 * - Each ticket's rating is copied onto its row (`tickets.rating`: null not rated, 0 the rating
 *   screen timed out, else the score), by triggers, so the scan needs no join: looking up 200,000
 *   ratings by ticket id cost more than the scan itself. `ratings` stays the record (reasons, who,
 *   when); ratings are only ever inserted, one per ticket, and the triggers cover either order of
 *   the two rows within a transaction. The hub's ticket upsert never names the column, so it keeps it.
 * - A covering index with every column a report reads, in day order.
 *
 * The price is one more index entry rewritten when a ticket changes, and one lookup when a ticket
 * is first written, which the hub's batched, durable writes hardly notice (README, benchmarks).
 */
export const reportScan: Migration = {
  version: 6,
  name: 'report-scan',
  up: (db) =>
    db.exec(`
ALTER TABLE tickets ADD COLUMN rating INTEGER;
UPDATE tickets SET rating = (SELECT COALESCE(r.score, 0) FROM ratings r WHERE r.ticket_id = tickets.id)
 WHERE id IN (SELECT ticket_id FROM ratings);

CREATE TRIGGER tickets_rating_on_rate AFTER INSERT ON ratings BEGIN
  UPDATE tickets SET rating = COALESCE(NEW.score, 0) WHERE id = NEW.ticket_id;
END;
CREATE TRIGGER tickets_rating_on_insert AFTER INSERT ON tickets WHEN NEW.id IN (SELECT ticket_id FROM ratings) BEGIN
  UPDATE tickets SET rating = (SELECT COALESCE(score, 0) FROM ratings WHERE ticket_id = NEW.id) WHERE id = NEW.id;
END;

CREATE INDEX tickets_report ON tickets (day, issued_service, status, issued_at, first_called_at, serving_at,
  called_at, finished_at, counter, officer_id, transfers, rating);
`),
};
