import type { Migration } from '../migrations.js';

/** The hub's first schema: the event log, ticket rows for reports, phone tokens, replay answers, ratings. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: (db) =>
    db.exec(`
-- The hub's log: every event, in order. The day is rebuilt from here after a restart.
CREATE TABLE events (
  seq  INTEGER PRIMARY KEY AUTOINCREMENT,
  at   INTEGER NOT NULL,
  day  TEXT    NOT NULL,
  type TEXT    NOT NULL,
  data TEXT    NOT NULL
);
CREATE INDEX events_type ON events (type, seq);

-- Current state of every ticket, kept in the same transaction as its events: reports read this.
CREATE TABLE tickets (
  id             TEXT PRIMARY KEY,
  day            TEXT    NOT NULL,
  number         TEXT    NOT NULL,
  service        TEXT    NOT NULL,
  issued_service TEXT    NOT NULL,
  priority       TEXT,
  party          INTEGER NOT NULL,
  status         TEXT    NOT NULL,
  issued_at      INTEGER NOT NULL,
  admitted_at    INTEGER,
  called_at      INTEGER,
  -- Kept on recall, so waiting time is measured to the first call.
  first_called_at INTEGER,
  serving_at     INTEGER,
  finished_at    INTEGER,
  counter        INTEGER,
  officer_id     TEXT,
  call_count     INTEGER NOT NULL,
  transfers      INTEGER NOT NULL,
  outcome        TEXT,
  kiosk_id       TEXT,
  UNIQUE (day, number)
);
CREATE INDEX tickets_day ON tickets (day);

-- Unguessable tokens for the tickets' phone pages.
CREATE TABLE ticket_tokens (
  token     TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL UNIQUE REFERENCES tickets (id) DEFERRABLE INITIALLY DEFERRED
);

-- Answers to commands already carried out, so a retried request gets the same answer.
CREATE TABLE requests (
  device     TEXT    NOT NULL,
  request_id TEXT    NOT NULL,
  hash       TEXT    NOT NULL,
  ack        TEXT    NOT NULL,
  at         INTEGER NOT NULL,
  PRIMARY KEY (device, request_id)
);

-- Satisfaction ratings: one per ticket, with who and where.
CREATE TABLE ratings (
  ticket_id  TEXT PRIMARY KEY REFERENCES tickets (id) DEFERRABLE INITIALLY DEFERRED,
  score      INTEGER,
  reasons    TEXT    NOT NULL,
  officer_id TEXT,
  counter    INTEGER,
  service    TEXT    NOT NULL,
  at         INTEGER NOT NULL
);
`),
};
