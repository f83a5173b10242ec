import type Database from 'better-sqlite3';

/** A supervisor signed in on a supervisor device (migration 5). */
export interface SessionRow {
  device: string;
  officerId: string;
  tokenSha256: string;
  signedInAt: number;
  lastActiveAt: number;
}

/** One line of the audit log: who did what, when, where, and why. */
export interface AuditRow {
  at: number;
  device: string;
  /** The signed-in supervisor (or the counter's officer); null for a device acting alone. */
  officerId: string | null;
  /** The command's type, e.g. `supervisor.closeDay`. */
  action: string;
  reason: string | null;
  /** The command's payload without its request id. */
  details: Record<string, unknown>;
}

export interface AuditEntry extends AuditRow {
  id: number;
}

/** Supervisors' sessions and the audit log: the statements, prepared once. */
export class SupervisorStore {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      session: db.prepare(
        `SELECT device, officer_id AS officerId, token_sha256 AS tokenSha256, signed_in_at AS signedInAt,
           last_active_at AS lastActiveAt FROM supervisor_sessions WHERE device = ?`,
      ),
      putSession: db.prepare(
        `INSERT INTO supervisor_sessions (device, officer_id, token_sha256, signed_in_at, last_active_at)
         VALUES (@device, @officerId, @tokenSha256, @signedInAt, @lastActiveAt)
         ON CONFLICT (device) DO UPDATE SET officer_id = excluded.officer_id, token_sha256 = excluded.token_sha256,
           signed_in_at = excluded.signed_in_at, last_active_at = excluded.last_active_at`,
      ),
      touch: db.prepare('UPDATE supervisor_sessions SET last_active_at = ? WHERE device = ?'),
      endSession: db.prepare('DELETE FROM supervisor_sessions WHERE device = ?'),
      audit: db.prepare(
        `INSERT INTO audit (at, device, officer_id, action, reason, details)
         VALUES (@at, @device, @officerId, @action, @reason, @details)`,
      ),
      auditBetween: db.prepare(
        `SELECT id, at, device, officer_id AS officerId, action, reason, details FROM audit
         WHERE at >= ? AND at < ? ORDER BY id DESC LIMIT ?`,
      ),
    };
  }

  session(device: string): SessionRow | null {
    return (this.s.session.get(device) as SessionRow | undefined) ?? null;
  }

  /** Sign a supervisor in on a device (replacing whoever was signed in there). */
  startSession(row: SessionRow): void {
    this.s.putSession.run(row);
  }

  touch(device: string, at: number): void {
    this.s.touch.run(at, device);
  }

  /** Returns whether someone was signed in. */
  endSession(device: string): boolean {
    return this.s.endSession.run(device).changes > 0;
  }

  audit(row: AuditRow): void {
    this.s.audit.run({ ...row, details: JSON.stringify(row.details) });
  }

  /** The audit log between two instants, newest first. */
  auditLog(from: number, to: number, limit = 10_000): AuditEntry[] {
    const rows = this.s.auditBetween.all(from, to, limit) as Array<
      Omit<AuditEntry, 'details'> & { details: string }
    >;
    return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
  }
}
