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
  // A line's head is ordered by its `queuedAt`, or a due booking by the age of the walk-in it went
  // ahead of (rule 4): those keys are kept aside, and only made when bookings wait. "Call next" runs
  // often (the planner replays days by the thousand): a day without bookings must not pay for them.
  let keys: Map<Ticket, number> | null = null;

  // The heads of the lines this counter calls from, and the oldest of each class as they come (a
  // ticket's key is set before it is compared, and never changes after). The heads themselves are
  // listed only while bookings wait: the walk-in guard reads them.
  let oldestPriority: Ticket | null = null;
  let oldestNormal: Ticket | null = null;
  let priorityHeads: Ticket[] | null = null;
  let normalHeads: Ticket[] | null = null;
  const booked = state.lines.booked;
  const all = cc.servesAllPriority;
  const count = all ? config.services.length : own.length;
  for (let i = 0; i < count; i++) {
    const s = all ? config.services[i]!.prefix : own[i]!;
    const lines = state.lines.waiting[s];
    if (!lines) continue;
    const mine = !all || own.includes(s);
    let ph: Ticket | null;
    let nh: Ticket | null;
    if (!booked || !booked[s]) {
      // No booking waits for the service: the heads of its lines, as before bookings existed.
      const p = lines.priority[0];
      ph = p ? state.tickets[p]! : null;
      const n = lines.normal[0];
      nh = n && mine ? state.tickets[n]! : null;
    } else {
      if (!keys) {
        keys = new Map();
        // From here on the heads are listed; those met before were walk-ins (no booking waited).
        priorityHeads = oldestPriority ? headsSoFar(config, state, own, all, i, 'priority') : [];
        normalHeads = oldestNormal ? headsSoFar(config, state, own, all, i, 'normal') : [];
      }
      ph = bookedHead(config, state, lines.priority, now, bookedInRow, keys);
      nh = mine ? bookedHead(config, state, lines.normal, now, bookedInRow, keys) : null;
    }
    if (ph) {
      if (!oldestPriority || older(ph, oldestPriority, keys, own)) oldestPriority = ph;
      priorityHeads?.push(ph);
    }
    if (nh) {
      if (!oldestNormal || older(nh, oldestNormal, keys, own)) oldestNormal = nh;
      normalHeads?.push(nh);
    }
  }

  // Lines are sorted by age, so if any normal ticket has aged, the oldest head has.
  const p = oldestPriority;
  const n = oldestNormal;
  let ticket: Ticket;
  let priorityInRow: number;
  if (n && (!p || ((keys?.get(n) ?? n.queuedAt) <= agedBefore && older(n, p, keys, own)))) {
    ticket = n;
    priorityInRow = 0;
  } else if (p) {
    // A priority ticket leads. Normal tickets waiting (aged or not) get one call after enough priority calls.
    const normalsTurn = n && cs.priorityInRow >= config.fairness.maxPriorityInRow;
    ticket = normalsTurn ? n : p;
    priorityInRow = normalsTurn ? 0 : n ? cs.priorityInRow + 1 : 0;
  } else return null;
  if (!keys || !dueBooking(ticket, now)) return { ticket, priorityInRow, bookedInRow: 0 };
  // The guard counts bookings called while walk-ins wait (a booking went ahead of a walk-in in its
  // line — only those have a key — or a walk-in heads a line); a walk-in's call starts it again.
  const walkInWaits =
    keys.size > 0 ||
    priorityHeads!.some((t) => !dueBooking(t, now)) ||
    normalHeads!.some((t) => !dueBooking(t, now));
  return { ticket, priorityInRow, bookedInRow: walkInWaits ? bookedInRow + 1 : 0 };
}

/**
 * Which of two heads is called first: the older by its key (its `queuedAt`, or a due booking's
 * borrowed age in `keys`), then the counter's own order of services, then issue order.
 */
function older(a: Ticket, b: Ticket, keys: Map<Ticket, number> | null, own: readonly string[]): boolean {
  const ka = keys ? (keys.get(a) ?? a.queuedAt) : a.queuedAt;
  const kb = keys ? (keys.get(b) ?? b.queuedAt) : b.queuedAt;
  if (ka !== kb) return ka < kb;
  const ra = rank(a, own);
  const rb = rank(b, own);
  if (ra !== rb) return ra < rb;
  return a.order !== b.order ? a.order < b.order : a.id < b.id;
}

/** A ticket's service's place in the counter's own list (those it does not list come last). */
function rank(t: Ticket, own: readonly string[]): number {
  const i = own.indexOf(t.service);
  return i < 0 ? own.length : i;
}

/** The heads of one class in the lines before the `upTo`th service a counter calls from (see `pickNext`). */
function headsSoFar(
  config: OfficeConfig,
  state: DayState,
  own: readonly string[],
  all: boolean | undefined,
  upTo: number,
  klass: 'priority' | 'normal',
): Ticket[] {
  const heads: Ticket[] = [];
  for (let i = 0; i < upTo; i++) {
    const s = all ? config.services[i]!.prefix : own[i]!;
    const id = state.lines.waiting[s]?.[klass][0];
    if (id && (klass === 'priority' || !all || own.includes(s))) heads.push(state.tickets[id]!);
  }
  return heads;
}

/**
 * The head of a line in which bookings wait: its first due booking (earliest slot) ahead of its
 * first walk-in (rule 4), unless the walk-in guard gives the walk-in its turn. A booking that goes
 * ahead of a walk-in gets the walk-in's age as its key (in `keys`) when that is older.
 */
function bookedHead(
  config: OfficeConfig,
  state: DayState,
  ids: string[],
  now: number,
  bookedInRow: number,
  keys: Map<Ticket, number>,
): Ticket | null {
  let walkIn: Ticket | null = null;
  let booking: Ticket | null = null;
  for (const id of ids) {
    const t = state.tickets[id]!;
    if (!dueBooking(t, now)) walkIn ??= t;
    else if (!booking || bookedBefore(t, booking)) booking = t;
  }
  if (!booking || !walkIn) return booking ?? walkIn;
  // The walk-in guard: walk-ins never starve behind a stream of bookings.
  const guard = bookingRules(config).walkInGuard;
  if (bookedInRow >= guard.maxBookedInRow && now - walkIn.queuedAt > guard.afterMinutes * 60_000)
    return walkIn;
  keys.set(booking, Math.min(booking.queuedAt, walkIn.queuedAt));
  return booking;
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
