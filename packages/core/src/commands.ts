import type { Level } from './config.js';
import type { Officer, Outcome, TicketBooking } from './model.js';

/** What devices ask the queue to do. The hub has already checked who may ask. */
export type QueueCommand =
  | {
      type: 'issue';
      service: string;
      priority: string | null;
      party: number;
      kioskId: string | null;
      /**
       * A booked citizen checking in (docs/queue-rules.md, "Bookings"): the hub has found the booking
       * by its code and passes its code and slot; absent or null for a walk-in.
       */
      booking?: TicketBooking | null;
    }
  | { type: 'callNext'; counter: number }
  | { type: 'callTicket'; counter: number; ticketId: string }
  | { type: 'recall'; counter: number }
  | { type: 'startServing'; counter: number }
  | { type: 'finish'; counter: number; outcome: Outcome }
  | { type: 'noShow'; counter: number }
  /** Put a no-show ticket back into its line; `counter` is who asks (null: the supervisor). */
  | { type: 'reactivate'; ticketId: string; counter: number | null }
  | {
      type: 'transfer';
      counter: number;
      toService: string | null;
      toCounter: number | null;
      note: string | null;
    }
  | { type: 'cancel'; ticketId: string; reason: string }
  | { type: 'rate'; ticketId: string; score: number | null; reasons: string[] }
  | { type: 'signIn'; counter: number; officer: Officer }
  | { type: 'signOut'; counter: number; close: boolean }
  | { type: 'pause'; counter: number; reason: string }
  | { type: 'resume'; counter: number }
  | { type: 'setCounterClosed'; counter: number; closed: boolean; reason?: string }
  | { type: 'setCounterServices'; counter: number; services: string[] | null }
  /** The supervisor moves a waiting ticket (inside or outside) to another service's line. */
  | { type: 'moveTicket'; ticketId: string; toService: string }
  | { type: 'setNotice'; text: string | null; until: number | null }
  | { type: 'acknowledgeAlert'; key: string; officerId: string }
  | { type: 'setLevel'; level: Level }
  | { type: 'closeDay' };

export type QueueCommandType = QueueCommand['type'];
