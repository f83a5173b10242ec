import { bookingRules, type OfficeConfig } from './config.js';
import { counterConfig, counterServices } from './counters.js';
import { dueBooking, waitingOrder, type DayState, type Ticket } from './model.js';

/**
 * Which ticket "call next" gives counter N (docs/queue-rules.md, "Routing" and "Bookings").
 *
 * 1. A ticket transferred to this counter by name comes first: an officer sent it here.
 * 2. Two classes: priority tickets (and normal tickets that have waited `agingMinutes`, so that
 *    nobody waits for ever), and normal tickets. The priority class goes first, but after
 *    `maxPriorityInRow` priority calls in a row while normal tickets wait, one normal ticket is called.
 * 3. Inside a class: the oldest by original issue time (kept on transfer), then the counter's service
 *    preference, then issue order.
 * 4. Bookings: in each service's line (priority or normal) a checked-in booking whose slot has
 *    started ("due") goes ahead of the line's walk-ins, taking the place — and the age — of the
 *    walk-in at its head, so that rules 2 and 3 between classes and services are unchanged. A
 *    booking before its slot waits like a walk-in. The walk-in guard: when the walk-in at the head
 *    of the line has waited more than `walkInGuard.afterMinutes`, the counter calls at most
 *    `walkInGuard.maxBookedInRow` bookings in a row before it.
 */
export interface Pick {
  ticket: Ticket;
  /** The counter's new count of priority calls in a row. */
  priorityInRow: number;
  /** The counter's new count of bookings called in a row while walk-ins wait (walk-in guard). */
  bookedInRow: number;
}

/** The head of one line: the ticket it would give, and the age it is ordered by. */
interface Head {
  ticket: Ticket;
  /** `queuedAt`, or for a due booking the one of the walk-in it goes ahead of when that is older. */
  key: number;
  /** A due booking that went ahead of a walk-in waiting in the same line. */
  overWalkIn: boolean;
}

export function pickNext(config: OfficeConfig, state: DayState, counter: number, now: number): Pick | null {
  const cc = counterConfig(config, counter);
  const cs = state.counters[counter];
  if (!cc || !cs) return null;
  const bookedInRow = cs.bookedInRow ?? 0;
  const targeted = state.lines.targeted[counter];
  if (targeted && targeted.length > 0) {
    return { ticket: state.tickets[targeted[0]!]!, priorityInRow: cs.priorityInRow, bookedInRow };
  }

  const agedBefore = now - config.fairness.agingMinutes * 60_000;
  const own = counterServices(config, state, counter);
  const rank = (t: Ticket) => {
    const i = own.indexOf(t.service);
    return i < 0 ? own.length : i;
  };
  const older = (a: Head, b: Head) =>
    a.key !== b.key
      ? a.key < b.key
      : rank(a.ticket) !== rank(b.ticket)
        ? rank(a.ticket) < rank(b.ticket)
        : a.ticket.order !== b.ticket.order
          ? a.ticket.order < b.ticket.order
          : a.ticket.id < b.ticket.id;
  const oldest = (list: Head[]) => list.reduce<Head | null>((m, h) => (!m || older(h, m) ? h : m), null);

  const guard = bookingRules(config).walkInGuard;
  /** The head of a line, with its due bookings ahead of its walk-ins (rule 4). */
  const head = (ids: string[], booked: boolean): Head | null => {
    const first = ids[0];
    if (!first) return null;
    // No booking waits for the service: the head of the line, as before bookings existed.
    if (!booked) {
      const t = state.tickets[first]!;
      return { ticket: t, key: t.queuedAt, overWalkIn: false };
    }
    let walkIn: Ticket | null = null;
    let booking: Ticket | null = null;
    for (const id of ids) {
      const t = state.tickets[id]!;
      if (!dueBooking(t, now)) walkIn ??= t;
      else if (!booking || bookedBefore(t, booking)) booking = t;
    }
    if (!booking) return walkIn && { ticket: walkIn, key: walkIn.queuedAt, overWalkIn: false };
    if (!walkIn) return { ticket: booking, key: booking.queuedAt, overWalkIn: false };
    // The walk-in guard: walk-ins never starve behind a stream of bookings.
    if (bookedInRow >= guard.maxBookedInRow && now - walkIn.queuedAt > guard.afterMinutes * 60_000)
      return { ticket: walkIn, key: walkIn.queuedAt, overWalkIn: false };
    return { ticket: booking, key: Math.min(booking.queuedAt, walkIn.queuedAt), overWalkIn: true };
  };

  const priorityHeads: Head[] = [];
  const normalHeads: Head[] = [];
  const services = cc.servesAllPriority ? config.services.map((s) => s.prefix) : own;
  for (const s of services) {
    const lines = state.lines.waiting[s];
    if (!lines) continue;
    const booked = (state.lines.booked?.[s] ?? 0) > 0;
    const p = head(lines.priority, booked);
    if (p) priorityHeads.push(p);
    if (!own.includes(s)) continue;
    const n = head(lines.normal, booked);
    if (n) normalHeads.push(n);
  }

  // The oldest of each class. Lines are sorted by age, so if any normal ticket has aged, the oldest has.
  const p = oldest(priorityHeads);
  const n = oldest(normalHeads);
  let pick: Omit<Pick, 'bookedInRow'> | null = null;
  if (n && (!p || (n.key <= agedBefore && older(n, p)))) pick = { ticket: n.ticket, priorityInRow: 0 };
  else if (p) {
    // A priority ticket leads. Normal tickets waiting (aged or not) get one call after enough priority calls.
    pick =
      n && cs.priorityInRow >= config.fairness.maxPriorityInRow
        ? { ticket: n.ticket, priorityInRow: 0 }
        : { ticket: p.ticket, priorityInRow: n ? cs.priorityInRow + 1 : 0 };
  }
  if (!pick) return null;
  // The guard counts bookings called while walk-ins wait; a walk-in's call starts it again.
  const isBooking = dueBooking(pick.ticket, now);
  const walkInWaits = (h: Head) => h.overWalkIn || !dueBooking(h.ticket, now);
  const counted = isBooking && (priorityHeads.some(walkInWaits) || normalHeads.some(walkInWaits));
  return { ...pick, bookedInRow: counted ? bookedInRow + 1 : 0 };
}

/** Order of due bookings in a line: the earlier slot first, then the line's order (check-in time…). */
function bookedBefore(a: Ticket, b: Ticket): boolean {
  const sa = a.booking!.slotStart;
  const sb = b.booking!.slotStart;
  return sa !== sb ? sa < sb : waitingOrder(a, b) < 0;
}

/** Whether counter N may call this waiting ticket (by "call next" or by picking it from the list). */
export function counterMayCall(config: OfficeConfig, state: DayState, counter: number, t: Ticket): boolean {
  if (t.targetCounter !== null) return t.targetCounter === counter;
  const cc = counterConfig(config, counter);
  if (!cc) return false;
  return (
    counterServices(config, state, counter).includes(t.service) ||
    (!!cc.servesAllPriority && t.priority !== null)
  );
}
