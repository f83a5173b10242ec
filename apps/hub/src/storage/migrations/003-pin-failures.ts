import type { Migration } from '../migrations.js';

/**
 * Wrong PINs, one row per failed (or still being checked) sign-in, by the officer code that was
 * tried — known or not, so a guesser cannot tell which codes exist. The lock-out counts the rows of
 * the last five minutes across every counter (engine/checks.ts); in the database, a restart of the
 * hub does not hand a guesser a fresh set of tries. The PIN itself is never stored.
 */
export const pinFailures: Migration = {
  version: 3,
  name: 'pin-failures',
  up: (db) =>
    db.exec(`
CREATE TABLE pin_failures (
  officer_id TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX pin_failures_by_officer ON pin_failures (officer_id, at);
CREATE INDEX pin_failures_by_time ON pin_failures (at);
`),
};
