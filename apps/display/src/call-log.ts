/**
 * What the display remembers of the day's entry calls, and which events are announced.
 *
 * Calls to counters are not remembered here: the latest call and the history are derived from the day's
 * state (`callBoard` in view-model.ts), so a display that loaded a snapshot and one that followed the
 * events show the same. Entry calls are kept from the events (a snapshot only tells them approximately).
 * The log is rebuilt from the day's state whenever the client receives a fresh snapshot (first load, long
 * disconnection), and extended with events as they arrive. Whether an event is *announced* is decided
 * elsewhere (only live events are: see display-store.ts); this module only says what each event would say.
 */
import type { DayState } from '@luot/core';
import type { StreamEvent } from '@luot/protocol';
import { callInForce } from './view-model.js';

/** A ticket let into the hall from outside ("Mời số … vào sảnh"). */
export interface AdmissionRecord {
  ticketId: string;
  number: string;
  seq: number | null;
}

export interface CallLog {
  /** Newest first. */
  admissions: AdmissionRecord[];
  /** The last event folded in (or the snapshot's seq). */
  seq: number;
}

/** How many calls and admissions are kept: more than any screen shows. */
export const LOG_LIMIT = 40;

/** What one event makes the display say. */
export type AnnouncementRequest =
  | { kind: 'call' | 'recall'; ticketId: string; number: string; counter: number }
  | { kind: 'entry'; ticketId: string; number: string };

/** The log as far as the day's state tells it: admissions by admission time. */
export function logFromState(state: DayState, seq: number): CallLog {
  const tickets = Object.values(state.tickets);
  const byNewest = (a: number | null, b: number | null, ao: number, bo: number) =>
    (b ?? 0) - (a ?? 0) || bo - ao;
  // A snapshot does not say who waited outside; a ticket let in after it was issued did.
  const admissions = tickets
    .filter((t) => t.admittedAt !== null && t.admittedAt > t.issuedAt)
    .sort((a, b) => byNewest(a.admittedAt, b.admittedAt, a.order, b.order))
    .slice(0, LOG_LIMIT)
    .map((t): AdmissionRecord => ({ ticketId: t.id, number: t.number, seq: null }));
  return { admissions, seq };
}

/**
 * Add events (already applied to `state`) to the log. Events at or before `log.seq` are skipped, so a
 * batch that overlaps what the log has seen is harmless. Returns a new log when anything changed.
 */
export function foldEvents(log: CallLog, events: readonly StreamEvent[], state: DayState): CallLog {
  let { admissions } = log;
  let seq = log.seq;
  for (const { seq: s, event: e } of events) {
    if (s <= seq) continue;
    seq = s;
    if (e.type === 'day.opened') {
      admissions = [];
    } else if (e.type === 'ticket.admitted') {
      const t = state.tickets[e.ticketId];
      if (!t) continue;
      admissions = [{ ticketId: t.id, number: t.number, seq: s }, ...admissions].slice(0, LOG_LIMIT);
    }
  }
  return seq === log.seq ? log : { admissions, seq };
}

/**
 * What the events would have the display say, in order: a call or recall to a counter, or an
 * entry call into the hall. Every other event is silent.
 */
export function announcementsFor(events: readonly StreamEvent[], state: DayState): AnnouncementRequest[] {
  const out: AnnouncementRequest[] = [];
  for (const { event: e } of events) {
    if (e.type === 'ticket.called') {
      const number = state.tickets[e.ticketId]?.number;
      if (number) {
        out.push({ kind: e.recall ? 'recall' : 'call', ticketId: e.ticketId, number, counter: e.counter });
      }
    } else if (e.type === 'ticket.admitted') {
      const number = state.tickets[e.ticketId]?.number;
      if (number) out.push({ kind: 'entry', ticketId: e.ticketId, number });
    }
  }
  return out;
}

/**
 * Whether an announcement waiting to be played is still worth saying: a call or recall while its ticket is
 * still called to that counter (not yet served, sent away as a no-show or transferred), an entry call
 * while its ticket still waits in the hall. A ticket the day does not know (a new day began) is not.
 */
export function stillDue(request: AnnouncementRequest, state: DayState): boolean {
  const t = state.tickets[request.ticketId];
  if (!t) return false;
  if (request.kind === 'entry') return t.status === 'waiting';
  return t.status === 'called' && t.counter === request.counter && callInForce(t);
}

/**
 * The entry calls still worth showing: tickets let in that have not yet been called to a counter,
 * newest first.
 */
export function pendingEntries(log: CallLog, state: DayState, limit: number): AdmissionRecord[] {
  return log.admissions.filter((a) => state.tickets[a.ticketId]?.status === 'waiting').slice(0, limit);
}
