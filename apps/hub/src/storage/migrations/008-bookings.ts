import type { Migration } from '../migrations.js';

/**
 * Online numbers (docs/bookings.md). Bookings span days, so they live in their own table, not in
 * the day's event log; a check-in is an ordinary `ticket.issued` event whose ticket carries the
 * booking's code, and the booking row gets the ticket's id in the same transaction.
 *
 * - `bookings`: one row per booking, from the booking page (`source` null) or another system
 *   (`source`, `external_id`; unique together, so an import is idempotent). `name`, `phone` and
 *   `cccd` are erased (set null, `erased_at` set) after the office's retention period; the counts
 *   the reports need (service, slot, status) stay.
 * - `otp_requests`: a one-time code asked for, its HMAC only (bookings/otp.ts), with the booking it
 *   would make. Deleted once they are a day old.
 * - `sms_messages`: every text message sent and what became of it; the text is stored with any
 *   one-time code masked, the phone erased with the booking's.
 */
export const bookings: Migration = {
  version: 8,
  name: 'bookings',
  up: (db) =>
    db.exec(`
CREATE TABLE bookings (
  code TEXT PRIMARY KEY,
  service TEXT NOT NULL,
  date TEXT NOT NULL,
  slot_start INTEGER NOT NULL,
  name TEXT,
  phone TEXT,
  cccd TEXT,
  status TEXT NOT NULL CHECK (status IN ('booked', 'checked_in', 'served', 'lapsed', 'no_show', 'cancelled')),
  created_at INTEGER NOT NULL,
  cancelled_at INTEGER,
  cancelled_by TEXT CHECK (cancelled_by IN ('citizen', 'office')),
  checked_in_at INTEGER,
  ticket_id TEXT,
  source TEXT,
  external_id TEXT,
  locale TEXT NOT NULL DEFAULT 'vi',
  reminded_day_before INTEGER,
  reminded_soon INTEGER,
  erased_at INTEGER
);
CREATE UNIQUE INDEX bookings_external ON bookings (source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX bookings_slot ON bookings (service, slot_start);
CREATE INDEX bookings_phone ON bookings (phone) WHERE phone IS NOT NULL;
CREATE INDEX bookings_cccd ON bookings (cccd) WHERE cccd IS NOT NULL;
CREATE INDEX bookings_date ON bookings (date, status);
-- The jobs' every-minute questions (no-shows, served, reminders, slots gone) read only the live ones.
CREATE INDEX bookings_live ON bookings (status, slot_start) WHERE status IN ('booked', 'checked_in');

CREATE TABLE otp_requests (
  id TEXT PRIMARY KEY,
  service TEXT NOT NULL,
  slot_start INTEGER NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  cccd TEXT,
  locale TEXT NOT NULL,
  code_hmac TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER,
  booking_code TEXT
);
CREATE INDEX otp_requests_created ON otp_requests (created_at);

CREATE TABLE sms_messages (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  phone TEXT,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  provider_id TEXT,
  error TEXT,
  booking_code TEXT
);
CREATE INDEX sms_messages_at ON sms_messages (at);
`),
};
