import type { Migration } from '../migrations.js';

/**
 * The city's first schema: offices and their tokens, each office's ingest cursor and
 * configurations, the raw event log of every office, and the projections the board reads.
 *
 * Times are epoch milliseconds in int8, as the hubs keep them (one definition of every duration
 * at the hub and the city); days are the office's local day, as the hub names it.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE offices (
  id         text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name       text NOT NULL,
  province   text NOT NULL,
  commune    text NOT NULL,
  -- SHA-256 (hex) of the office's token: a stolen database does not let anyone send as an office.
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX offices_place ON offices (province, commune);

-- One row per office: the last seq committed. Every batch locks it (SELECT … FOR UPDATE), so two
-- city processes ingesting the same office take turns, whatever connection each batch came on.
CREATE TABLE office_cursors (
  office_id       text PRIMARY KEY REFERENCES offices (id),
  last_seq        int8 NOT NULL DEFAULT 0,
  -- The hub's own last seq at its last hello: the lag the board shows while it catches up.
  hub_seq         int8 NOT NULL DEFAULT 0,
  connected_at    timestamptz,
  disconnected_at timestamptz,
  last_batch_at   timestamptz
);

-- The office's configuration as its hub sent it at hello, in force from from_seq on (a new one is
-- kept only when it changed). Projections replay events against it, as the hub does.
CREATE TABLE office_configs (
  office_id text NOT NULL REFERENCES offices (id),
  from_seq  int8 NOT NULL,
  config    jsonb NOT NULL,
  PRIMARY KEY (office_id, from_seq)
);

-- Every event of every office exactly once: the key makes a re-sent batch a no-op.
CREATE TABLE events (
  office_id text NOT NULL REFERENCES offices (id),
  seq       int8 NOT NULL CHECK (seq > 0),
  at        int8 NOT NULL,
  -- The office day the event belongs to (from the last day.opened); null before the first one.
  day       date,
  type      text NOT NULL,
  data      jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (office_id, seq)
);
-- Where an office's current day starts, found without scanning its log.
CREATE INDEX events_day_opened ON events (office_id, seq) WHERE type = 'day.opened';

-- Projections: what the board and reports read, per office and day, rebuilt from events by
-- 'npm run city -- rebuild'. Written in the batch's transaction.
CREATE TABLE office_days (
  office_id  text NOT NULL REFERENCES offices (id),
  day        date NOT NULL,
  level      smallint NOT NULL,
  closed     boolean NOT NULL,
  opened_seq int8 NOT NULL,
  last_seq   int8 NOT NULL,
  -- The configuration (its from_seq) the day's rows were last written with.
  config_from int8 NOT NULL,
  notice     text,
  PRIMARY KEY (office_id, day)
);

CREATE TABLE tickets (
  office_id       text NOT NULL REFERENCES offices (id),
  -- Unique across days within an office ('20261130-A012').
  id              text NOT NULL,
  day             date NOT NULL,
  number          text NOT NULL,
  service         text NOT NULL,
  issued_service  text NOT NULL,
  priority        text,
  party           integer NOT NULL,
  zone            text NOT NULL,
  status          text NOT NULL,
  issued_at       int8 NOT NULL,
  admitted_at     int8,
  called_at       int8,
  -- Kept on recall, so the waiting time is measured to the first call (as at the hub).
  first_called_at int8,
  serving_at      int8,
  finished_at     int8,
  counter         integer,
  target_counter  integer,
  officer_id      text,
  call_count      integer NOT NULL,
  transfers       integer NOT NULL,
  outcome         jsonb,
  kiosk_id        text,
  rating          smallint,
  PRIMARY KEY (office_id, id)
);
CREATE INDEX tickets_day ON tickets (office_id, day, status);

CREATE TABLE counters (
  office_id            text NOT NULL REFERENCES offices (id),
  day                  date NOT NULL,
  number               integer NOT NULL,
  status               text NOT NULL,
  officer_id           text,
  officer_name         text,
  current_ticket       text,
  pause_reason         text,
  closed_by_supervisor boolean NOT NULL,
  closed_reason        text,
  services             jsonb,
  last_action_at       int8,
  PRIMARY KEY (office_id, day, number)
);

-- One row per rating event, with who and what it rated as the day knew it then.
CREATE TABLE ratings (
  office_id  text NOT NULL REFERENCES offices (id),
  seq        int8 NOT NULL,
  day        date NOT NULL,
  ticket_id  text NOT NULL,
  score      smallint,
  reasons    jsonb NOT NULL,
  officer_id text,
  counter    integer,
  service    text NOT NULL,
  at         int8 NOT NULL,
  PRIMARY KEY (office_id, seq)
);
CREATE INDEX ratings_day ON ratings (office_id, day);
`,
};
