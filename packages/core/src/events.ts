import type { Level } from './config.js';
import type { Officer, Outcome, Ticket } from './model.js';

/**
 * Everything that happens in an office day. Events carry every fact needed to apply them,
 * so a day can be rebuilt by replaying them (the hub does this after a restart).
 */
export type QueueEvent =
  | { type: 'day.opened'; day: string; level: Level }
  | { type: 'day.closed'; day: string }
  | { type: 'ticket.issued'; ticket: Ticket }
  | { type: 'ticket.admitted'; ticketId: string }
  | {
      type: 'ticket.called';
      ticketId: string;
      counter: number;
      officerId: string | null;
      recall: boolean;
      /** The counter's priority calls in a row after this call (fairness rule, see routing.ts). */
      priorityInRow: number;
      /** The counter's bookings called in a row after this call (walk-in guard); absent: 0. */
      bookedInRow?: number;
    }
  | { type: 'ticket.serving'; ticketId: string; counter: number }
  | { type: 'ticket.finished'; ticketId: string; counter: number; outcome: Outcome }
  | { type: 'ticket.no_show'; ticketId: string; counter: number }
  | {
      type: 'ticket.reactivated';
      ticketId: string;
      /** The counter that asked, or null for the supervisor. */
      by: number | null;
      /**
       * Its new place in the line, as a (queuedAt, order) sort key decided when the command ran, so
       * that a replay puts it in the same place whatever waits by then.
       */
      queuedAt: number;
      order: number;
      /**
       * The hall had no room (or others waited to enter): the citizen waits outside like everyone,
       * at the place in the entry line their issue order gives them. Absent in older logs: inside.
       */
      outside?: boolean;
    }
  | {
      type: 'ticket.transferred';
      ticketId: string;
      fromCounter: number | null;
      toService: string;
      toCounter: number | null;
      note: string | null;
    }
  | { type: 'ticket.cancelled'; ticketId: string; reason: string }
  | { type: 'ticket.rated'; ticketId: string; score: number | null; reasons: string[] }
  | { type: 'counter.signed_in'; counter: number; officer: Officer }
  | { type: 'counter.signed_out'; counter: number; closed: boolean }
  | { type: 'counter.paused'; counter: number; reason: string }
  | { type: 'counter.resumed'; counter: number }
  /** `reason`: why it was closed (absent in older logs). */
  | { type: 'counter.supervisor_closed'; counter: number; closed: boolean; reason?: string }
  /** The services a counter serves today; null: back to those of the configuration. */
  | { type: 'counter.services_set'; counter: number; services: string[] | null }
  | { type: 'alert.acknowledged'; key: string; officerId: string }
  /** The wall display's notice; `text` null clears it. */
  | { type: 'notice.set'; text: string | null; until: number | null }
  | { type: 'level.changed'; level: Level };

export type QueueEventType = QueueEvent['type'];

/** An event as stored and broadcast: with its place in the hub's log and the time it happened. */
export interface LoggedEvent {
  seq: number;
  at: number;
  event: QueueEvent;
}
