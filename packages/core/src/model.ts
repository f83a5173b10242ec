import type { Level, Text } from './config.js';

export type TicketStatus = 'outside' | 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';

/** Statuses that count towards hall occupancy. */
export const IN_HALL: ReadonlySet<TicketStatus> = new Set(['waiting', 'called', 'serving']);
export const FINAL: ReadonlySet<TicketStatus> = new Set(['done', 'no_show', 'cancelled']);

export type OutcomeKind = 'received' | 'guided' | 'returned' | 'refused' | 'other';

export interface Outcome {
  kind: OutcomeKind;
  /** Dossier code from the office's e-system (phiếu hẹn), when a dossier was received. */
  dossierCode?: string;
  /** Promised return date YYYY-MM-DD. */
  returnDate?: string;
  /** Short reason ids or a note: documents to add, why refused. */
  reasons?: string[];
  note?: string;
}

export interface Officer {
  id: string;
  name: string;
  agency: Text;
}

/** What a booked ticket carries: its booking's code and slot (docs/queue-rules.md, "Bookings"). */
export interface TicketBooking {
  code: string;
  /** The slot's start, epoch ms. */
  slotStart: number;
}

export interface Ticket {
  /** Unique across days: '20261130-A012'. */
  id: string;
  /** Printed number: 'A012'. */
  number: string;
  day: string;
  /** Its number within the service's daily series: 12 for A012. */
  serial: number;
  /** Service the ticket waits for now (changes on transfer). */
  service: string;
  /** Service it was issued for. */
  issuedService: string;
  priority: string | null;
  /** People in the party (the citizen plus companions) — counted in the hall. */
  party: number;
  zone: string;
  status: TicketStatus;
  issuedAt: number;
  /** Order key inside a queue: the original issue time, kept on transfer. */
  queuedAt: number;
  /** Global issue order, tie-break for equal times. */
  order: number;
  admittedAt: number | null;
  calledAt: number | null;
  servingAt: number | null;
  finishedAt: number | null;
  counter: number | null;
  /** A transfer to a named counter: only that counter calls it. */
  targetCounter: number | null;
  officerId: string | null;
  /** Calls over the whole day, at any counter. */
  callCount: number;
  /**
   * Calls at its current counter since it came there: 1 at the first call, 2 after one recall; 0
   * while it waits in a line (again, after a transfer or a reactivation). What "Mời lần 2" shows:
   * a ticket transferred after two calls elsewhere is on its first call at the new counter.
   */
  callsHere: number;
  outcome: Outcome | null;
  transfers: number;
  kioskId: string | null;
  rating: number | null | undefined;
  /**
   * The booking the citizen checked in with; null for a walk-in. Optional because tickets of older
   * logs have no such field: read it as `t.booking ?? null` (or through `dueBooking`).
   */
  booking?: TicketBooking | null;
}

/**
 * A checked-in booking whose slot has started at `now`, not yet called: it goes ahead of walk-ins
 * (routing.ts). The precedence is for its first call only: once called, a booked citizen transferred
 * elsewhere or put back after a no-show is ordered like everyone else (by age, and the reactivation
 * rule's place), or a no-show would come back at the head of the line.
 */
export function dueBooking(t: Ticket, now: number): boolean {
  return !!t.booking && t.booking.slotStart <= now && t.callCount === 0;
}

export type CounterStatus = 'offline' | 'open' | 'paused' | 'closed';

export interface CounterState {
  number: number;
  status: CounterStatus;
  officer: Officer | null;
  current: string | null;
  pauseReason: string | null;
  /** Priority calls in a row while normal tickets were waiting (fairness rule). */
  priorityInRow: number;
  /**
   * Bookings called in a row while walk-ins were waiting (the walk-in guard, routing.ts). Optional:
   * absent in days rebuilt by older clients; read as `?? 0`.
   */
  bookedInRow?: number;
  /** Closed by the supervisor, independent of the level. */
  closedBySupervisor: boolean;
  /** Why the supervisor closed it (shown on the console and the counter); null when open. */
  closedReason: string | null;
  /**
   * The services the counter serves today, when the supervisor changed them; null: those of the
   * configuration. Read through `counterServices`, never directly.
   */
  services: string[] | null;
  lastActionAt: number | null;
}

export interface DayState {
  day: string;
  closed: boolean;
  level: Level;
  /** Last number issued per service prefix today (the ticket's `serial`, not the log's `seq`). */
  lastNumber: Record<string, number>;
  nextOrder: number;
  tickets: Record<string, Ticket>;
  counters: Record<number, CounterState>;
  /** Recent service durations (ms) per service, newest last, for wait estimates. */
  serviceTimes: Record<string, number[]>;
  /** Derived indexes, kept by applyEvent so that routing never scans the whole day. */
  lines: Lines;
  /** A notice the supervisor put on the wall display, until a time (or until cleared). */
  notice: Notice | null;
  /**
   * Alerts a supervisor acknowledged today, by the alert's key (its kind, subject and since: a new
   * occurrence has a new key). A day fact so that every console shows the same.
   */
  acks: Record<string, { officerId: string; at: number }>;
}

export interface Notice {
  text: string;
  /** Epoch ms after which the notice is no longer shown; null: until the supervisor clears it. */
  until: number | null;
}

/** Ticket ids in order. Waiting lines are sorted by (queuedAt, order); entry lines by order. */
export interface ClassLines {
  priority: string[];
  normal: string[];
}

export interface Lines {
  /** In the hall, waiting for a counter of the service. */
  waiting: Record<string, ClassLines>;
  /** In the hall, transferred to one named counter. */
  targeted: Record<number, string[]>;
  /** Waiting outside for admission into the zone. */
  outside: Record<string, ClassLines>;
  /** People (party sizes) inside each zone. */
  occupancy: Record<string, number>;
  /** Tickets of each service still waiting inside or outside (for wait estimates). */
  queued: Record<string, number>;
  /**
   * Tickets of each service that a counter called and still holds as theirs (`calledAt` and
   * `counter` set), by that counter: whether a service "lost its counter" (`serviceLostCounter`)
   * without scanning the day's tickets on every issue.
   */
  handled: Record<string, Record<number, number>>;
  /**
   * Booked tickets of each service waiting in the hall for any counter (in `waiting`, not targeted):
   * routing looks for a due booking only where there is one, so a day without bookings pays nothing.
   * Optional: days built before bookings have none.
   */
  booked?: Record<string, number>;
}

/**
 * Order of a waiting line: original issue time (kept on transfer), then issue order, then the id.
 * The id makes it total: a reactivated ticket's order is a key chosen between two others and may
 * equal another ticket's, and every index and recount must break such a tie the same way.
 */
export function waitingOrder(a: Ticket, b: Ticket): number {
  return a.queuedAt - b.queuedAt || a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Order of an entry line (outside the hall): arrival, then the id (see `waitingOrder`). */
export function arrivalOrder(a: Ticket, b: Ticket): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
