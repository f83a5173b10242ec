import type Database from 'better-sqlite3';
import type { Ticket } from '@luot/core';
import type { CommandAck, HubEvent, PrinterState, StreamEvent } from '@luot/protocol';
import { SupervisorStore } from './supervisors.js';

export interface StoredRequest {
  hash: string;
  ack: CommandAck;
}

export interface RatingRow {
  ticketId: string;
  score: number | null;
  reasons: string[];
  officerId: string | null;
  counter: number | null;
  service: string;
  at: number;
}

/** A ticket's print outcome, as `ticket_prints` keeps it. */
export type PrintOutcome = 'printed' | 'maybe_printed' | 'not_printed';
export interface PrintRow {
  ticketId: string;
  device: string;
  outcome: PrintOutcome;
  /** the printer's fault code; null when printed */
  fault: string | null;
  at: number;
}

/** What may be written inside one atomic write (`Store.write`): appends and row updates, no reads. */
export interface StoreWriter {
  /** Append an event to the log; returns its seq. */
  appendEvent(at: number, day: string, event: HubEvent): number;
  saveTicket(t: Ticket): void;
  saveToken(token: string, ticketId: string): void;
  saveRating(r: RatingRow): void;
  savePrint(p: PrintRow): void;
  putRequest(device: string, requestId: string, hash: string, ack: CommandAck, at: number): void;
  readonly supervisors: Pick<SupervisorStore, 'startSession' | 'endSession' | 'audit'>;
}

/**
 * The hub's storage: every SQL statement the hub runs for its day, prepared once. The engine decides
 * what to write; `write` makes it one SQLite transaction (synchronous=FULL), so a batch of commands
 * is on disk as a whole or not at all.
 */
export class Store implements StoreWriter {
  private readonly s;
  /** Supervisors' sessions and the audit log (its writes join `write`'s transaction like any other). */
  readonly supervisors: SupervisorStore;

  constructor(readonly db: Database.Database) {
    this.supervisors = new SupervisorStore(db);
    this.s = {
      append: db.prepare('INSERT INTO events (at, day, type, data) VALUES (?, ?, ?, ?)'),
      lastSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM events'),
      lastDayOpened: db.prepare("SELECT seq FROM events WHERE type = 'day.opened' ORDER BY seq DESC LIMIT 1"),
      eventsFrom: db.prepare('SELECT seq, at, data FROM events WHERE seq > ? ORDER BY seq LIMIT ?'),
      upsertTicket: db.prepare(`
        INSERT INTO tickets (id, day, number, service, issued_service, priority, party, status, issued_at, admitted_at,
          called_at, first_called_at, serving_at, finished_at, counter, officer_id, call_count, transfers, outcome, kiosk_id, booking_slot)
        VALUES (@id, @day, @number, @service, @issuedService, @priority, @party, @status, @issuedAt, @admittedAt,
          @calledAt, @calledAt, @servingAt, @finishedAt, @counter, @officerId, @callCount, @transfers, @outcome, @kioskId, @bookingSlot)
        ON CONFLICT (id) DO UPDATE SET service = excluded.service, status = excluded.status,
          admitted_at = excluded.admitted_at, called_at = excluded.called_at,
          first_called_at = COALESCE(tickets.first_called_at, excluded.called_at), serving_at = excluded.serving_at,
          finished_at = excluded.finished_at, counter = excluded.counter, officer_id = excluded.officer_id,
          call_count = excluded.call_count, transfers = excluded.transfers, outcome = excluded.outcome`),
      insertToken: db.prepare('INSERT INTO ticket_tokens (token, ticket_id) VALUES (?, ?)'),
      ticketOfToken: db.prepare('SELECT ticket_id FROM ticket_tokens WHERE token = ?'),
      getRequest: db.prepare('SELECT hash, ack FROM requests WHERE device = ? AND request_id = ?'),
      putRequest: db.prepare(
        'INSERT INTO requests (device, request_id, hash, ack, at) VALUES (?, ?, ?, ?, ?)',
      ),
      pruneRequests: db.prepare('DELETE FROM requests WHERE at < ?'),
      insertRating: db.prepare(
        'INSERT INTO ratings (ticket_id, score, reasons, officer_id, counter, service, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      upsertPrint: db.prepare(
        `INSERT INTO ticket_prints (ticket_id, device, outcome, fault, at) VALUES (@ticketId, @device, @outcome, @fault, @at)
         ON CONFLICT (ticket_id) DO UPDATE SET device = excluded.device, outcome = excluded.outcome,
           fault = excluded.fault, at = excluded.at`,
      ),
      pinFailures: db.prepare('SELECT COUNT(*) AS n FROM pin_failures WHERE officer_id = ? AND at > ?'),
      addPinFailure: db.prepare('INSERT INTO pin_failures (officer_id, at) VALUES (?, ?)'),
      clearPinFailures: db.prepare('DELETE FROM pin_failures WHERE officer_id = ?'),
      prunePinFailures: db.prepare('DELETE FROM pin_failures WHERE at <= ?'),
      printerStates: db.prepare(
        `SELECT e.data FROM events e JOIN (SELECT json_extract(data, '$.device') AS device, MAX(seq) AS seq
           FROM events WHERE type = 'printer.status' GROUP BY device) last ON last.seq = e.seq`,
      ),
    };
  }

  /** Run `fn` as one transaction: everything it wrote, or (when it throws) nothing. */
  write<T>(fn: (w: StoreWriter) => T): T {
    return this.db.transaction(() => fn(this))();
  }

  lastSeq(): number {
    return (this.s.lastSeq.get() as { seq: number }).seq;
  }

  /** Where the current day's events start, or null on a brand-new database. */
  lastDayOpenedSeq(): number | null {
    const row = this.s.lastDayOpened.get() as { seq: number } | undefined;
    return row ? row.seq : null;
  }

  appendEvent(at: number, day: string, event: HubEvent): number {
    return Number(this.s.append.run(at, day, event.type, JSON.stringify(event)).lastInsertRowid);
  }

  /** Events after `seq`, at most `limit`, their JSON as stored (the uplink sends it as it is). */
  rawEventsAfter(seq: number, limit: number): Array<{ seq: number; at: number; data: string }> {
    return this.s.eventsFrom.all(seq, limit) as Array<{ seq: number; at: number; data: string }>;
  }

  /** Events after `seq`, at most `limit`. */
  eventsAfter(seq: number, limit: number): StreamEvent[] {
    const rows = this.s.eventsFrom.all(seq, limit) as Array<{ seq: number; at: number; data: string }>;
    return rows.map((r) => ({ seq: r.seq, at: r.at, event: JSON.parse(r.data) as HubEvent }));
  }

  saveTicket(t: Ticket): void {
    this.s.upsertTicket.run({
      ...t,
      outcome: t.outcome ? JSON.stringify(t.outcome) : null,
      // Booked or walk-in, for the reports (migration 9); set at issue, never changed.
      bookingSlot: t.booking?.slotStart ?? null,
    });
  }

  saveToken(token: string, ticketId: string): void {
    this.s.insertToken.run(token, ticketId);
  }

  ticketOfToken(token: string): string | null {
    return (this.s.ticketOfToken.get(token) as { ticket_id: string } | undefined)?.ticket_id ?? null;
  }

  getRequest(device: string, requestId: string): StoredRequest | null {
    const row = this.s.getRequest.get(device, requestId) as { hash: string; ack: string } | undefined;
    return row ? { hash: row.hash, ack: JSON.parse(row.ack) as CommandAck } : null;
  }

  putRequest(device: string, requestId: string, hash: string, ack: CommandAck, at: number): void {
    this.s.putRequest.run(device, requestId, hash, JSON.stringify(ack), at);
  }

  /** Requests older than this are not replayed any more (a retry comes within minutes, not days). */
  pruneRequests(before: number): void {
    this.s.pruneRequests.run(before);
  }

  /** The last print of a ticket wins (a reprint that worked replaces "not printed"). */
  savePrint(p: PrintRow): void {
    this.s.upsertPrint.run(p);
  }

  saveRating(r: RatingRow): void {
    this.s.insertRating.run(
      r.ticketId,
      r.score,
      JSON.stringify(r.reasons),
      r.officerId,
      r.counter,
      r.service,
      r.at,
    );
  }

  /** Wrong PINs tried for this officer code after `since` (engine/checks.ts decides what they mean). */
  pinFailuresSince(officerId: string, since: number): number {
    return (this.s.pinFailures.get(officerId, since) as { n: number }).n;
  }

  /** One sign-in attempt for this officer code that has not (yet) proved its PIN. */
  addPinFailure(officerId: string, at: number): void {
    this.s.addPinFailure.run(officerId, at);
  }

  clearPinFailures(officerId: string): void {
    this.s.clearPinFailures.run(officerId);
  }

  /** Attempts older than the lock-out window count for nothing any more. */
  prunePinFailures(before: number): void {
    this.s.prunePinFailures.run(before);
  }

  /** The last known state of every printer, from the log. */
  printerStates(): Record<string, PrinterState> {
    const rows = this.s.printerStates.all() as Array<{ data: string }>;
    const out: Record<string, PrinterState> = {};
    for (const r of rows) {
      const { type: _type, ...p } = JSON.parse(r.data) as { type: string } & PrinterState;
      out[p.device] = p;
    }
    return out;
  }
}
