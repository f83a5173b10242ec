import type { Migration } from '../migrations.js';

/**
 * Supervisors' sessions and the audit log (docs/hub.md, "Supervisors").
 *
 * A session is per supervisor device: who signed in there, and when they last did anything (the
 * idle sign-out). It is on disk so that a hub restart does not sign the office head out mid-action;
 * the HTTP routes (reports, exports) are opened with its token, kept only as a SHA-256.
 *
 * The audit log is append-only: who (officer), when, on which device, what (the command and its
 * payload), and why (the reason, for actions that need one). It is written in the same transaction
 * as the action's events, so an action is never on record without its audit line or the reverse.
 */
export const supervisors: Migration = {
  version: 5,
  name: 'supervisors',
  up: (db) =>
    db.exec(`
CREATE TABLE supervisor_sessions (
  device         TEXT PRIMARY KEY,
  officer_id     TEXT    NOT NULL,
  token_sha256   TEXT    NOT NULL,
  signed_in_at   INTEGER NOT NULL,
  last_active_at INTEGER NOT NULL
);
CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  device     TEXT    NOT NULL,
  officer_id TEXT,
  action     TEXT    NOT NULL,
  reason     TEXT,
  details    TEXT    NOT NULL
);
CREATE INDEX audit_at ON audit (at);
`),
};
