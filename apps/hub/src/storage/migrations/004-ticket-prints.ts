import type { Migration } from '../migrations.js';

/**
 * What happened to each ticket's paper: printed, may have printed (a fault after the whole job was
 * sent, e.g. paper ran out on its last lines), or not printed, with the printer's fault. A table of
 * its own rather than columns on `tickets`: the outcome is known only after the ticket's transaction
 * (the printer answers after the commit), and `tickets` rows are rewritten from the day's state on
 * every change, which knows nothing of paper. One row per ticket, the last print of it wins; it is
 * written to disk like everything else, so a restart keeps it.
 */
export const ticketPrints: Migration = {
  version: 4,
  name: 'ticket-prints',
  up: (db) =>
    db.exec(`
CREATE TABLE ticket_prints (
  ticket_id TEXT PRIMARY KEY,
  device    TEXT    NOT NULL,
  outcome   TEXT    NOT NULL CHECK (outcome IN ('printed', 'maybe_printed', 'not_printed')),
  fault     TEXT,
  at        INTEGER NOT NULL
);
`),
};
