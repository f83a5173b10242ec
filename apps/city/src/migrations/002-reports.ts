import type { Migration } from '../migrations.js';

/**
 * What the reports across offices read (src/reports/, docs/city.md "Reports"):
 *
 * - `tickets.rating` as the hub keeps it (its migration 6): null not rated, 0 the rating screen
 *   timed out, else the score. Until now a timeout was null here too, so the reports could not
 *   count the unanswered screens; rows already written get their 0 from `ratings`.
 * - A covering index with every column a report reads, in (office, day) order: a month of an
 *   office is one range of this index, read without visiting the table (as the hub's
 *   `tickets_report`).
 * - A partial index of the officers' sign-ins: reports name officers as their last sign-in did,
 *   found without reading the rest of the log.
 * - The ratings export reads `ratings` by (office, day) (`ratings_day`, migration 1) and joins each
 *   rating to its ticket by the primary key.
 */
export const reports: Migration = {
  version: 2,
  name: 'reports',
  sql: `
UPDATE tickets t SET rating = 0
  WHERE t.rating IS NULL
    AND EXISTS (SELECT 1 FROM ratings r WHERE r.office_id = t.office_id AND r.ticket_id = t.id AND r.score IS NULL);

CREATE INDEX tickets_report ON tickets (office_id, day)
  INCLUDE (issued_service, status, issued_at, first_called_at, called_at, serving_at, finished_at, counter,
           officer_id, transfers, rating);

CREATE INDEX events_sign_ins ON events (office_id, seq) WHERE type = 'counter.signed_in';
`,
};
