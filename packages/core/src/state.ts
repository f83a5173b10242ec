import type { Level, OfficeConfig } from './config.js';
import { counterAvailable } from './counters.js';
import type { QueueEvent } from './events.js';
import {
  arrivalOrder,
  waitingOrder,
  type ClassLines,
  type CounterState,
  type DayState,
  type Outcome,
  type Ticket,
} from './model.js';

/** How many recent service times per service feed the wait estimate. */
export const SERVICE_TIME_WINDOW = 20;

export function emptyLines(): DayState['lines'] {
  return { waiting: {}, targeted: {}, outside: {}, occupancy: {}, queued: {}, handled: {}, booked: {} };
}

function newCounter(number: number): CounterState {
  return {
    number,
    status: 'offline',
    officer: null,
    current: null,
    pauseReason: null,
    priorityInRow: 0,
    bookedInRow: 0,
    closedBySupervisor: false,
    closedReason: null,
    services: null,
    lastActionAt: null,
  };
}

/** A fresh, empty day. Counters start offline; the level carries over from the previous day. */
export function createDay(config: OfficeConfig, day: string, level: Level = config.initialLevel): DayState {
  const counters: Record<number, CounterState> = {};
  for (const c of config.counters) counters[c.number] = newCounter(c.number);
  return {
    day,
    closed: false,
    level,
    lastNumber: {},
    nextOrder: 1,
    tickets: {},
    counters,
    serviceTimes: {},
    lines: emptyLines(),
    notice: null,
    acks: {},
  };
}

function classLines(map: Record<string, ClassLines>, key: string): ClassLines {
  return (map[key] ??= { priority: [], normal: [] });
}

function removeId(list: string[] | undefined, id: string): void {
  if (!list) return;
  const i = list.indexOf(id);
  if (i >= 0) list.splice(i, 1);
}

/** Insert keeping the list sorted by (queuedAt, order). Usually an append. */
function insertSorted(state: DayState, list: string[], t: Ticket): void {
  // Most tickets join at the end of their line: one comparison, no search.
  const last = list[list.length - 1];
  if (last === undefined || waitingOrder(state.tickets[last]!, t) < 0) {
    list.push(t.id);
    return;
  }
  const before = (id: string) => {
    const o = state.tickets[id]!;
    return waitingOrder(o, t) < 0;
  };
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, t.id);
}

function insertByOrder(state: DayState, list: string[], t: Ticket): void {
  let i = list.length;
  while (i > 0 && arrivalOrder(state.tickets[list[i - 1]!]!, t) > 0) i--;
  list.splice(i, 0, t.id);
}

function klass(t: Ticket): keyof ClassLines {
  return t.priority ? 'priority' : 'normal';
}

/** `IN_HALL.has(t.status)`, written out: it runs twice for every event. */
function inHall(t: Ticket): boolean {
  return t.status === 'waiting' || t.status === 'called' || t.status === 'serving';
}

/** Remove a ticket from every index its current status puts it in. */
function detach(state: DayState, t: Ticket): void {
  const l = state.lines;
  if (t.status === 'outside') {
    removeId(l.outside[t.zone]?.[klass(t)], t.id);
    l.queued[t.service] = (l.queued[t.service] ?? 0) - 1;
  } else if (t.status === 'waiting') {
    if (t.targetCounter !== null) removeId(l.targeted[t.targetCounter], t.id);
    else {
      removeId(l.waiting[t.service]?.[klass(t)], t.id);
      if (t.booking) (l.booked ??= {})[t.service] = (l.booked[t.service] ?? 0) - 1;
    }
    l.queued[t.service] = (l.queued[t.service] ?? 0) - 1;
  }
  if (inHall(t)) l.occupancy[t.zone] = (l.occupancy[t.zone] ?? 0) - t.party;
  if (t.calledAt !== null && t.counter !== null) {
    const byCounter = (l.handled[t.service] ??= {});
    byCounter[t.counter] = (byCounter[t.counter] ?? 0) - 1;
  }
}

/** Add a ticket to the indexes for its current status. */
function attach(state: DayState, t: Ticket): void {
  const l = state.lines;
  if (t.status === 'outside') {
    insertByOrder(state, classLines(l.outside, t.zone)[klass(t)], t);
    l.queued[t.service] = (l.queued[t.service] ?? 0) + 1;
  } else if (t.status === 'waiting') {
    const list =
      t.targetCounter !== null
        ? (l.targeted[t.targetCounter] ??= [])
        : classLines(l.waiting, t.service)[klass(t)];
    insertSorted(state, list, t);
    if (t.targetCounter === null && t.booking) (l.booked ??= {})[t.service] = (l.booked[t.service] ?? 0) + 1;
    l.queued[t.service] = (l.queued[t.service] ?? 0) + 1;
  }
  if (inHall(t)) l.occupancy[t.zone] = (l.occupancy[t.zone] ?? 0) + t.party;
  if (t.calledAt !== null && t.counter !== null) {
    const byCounter = (l.handled[t.service] ??= {});
    byCounter[t.counter] = (byCounter[t.counter] ?? 0) + 1;
  }
}

/**
 * The state's own copy of a ticket or outcome from an event, so a later change of the state never
 * changes a logged event. By hand, not structuredClone: a ticket is flat but for its outcome, and
 * the generic clone was a tenth of a simulated day.
 */
function copyTicket(t: Ticket): Ticket {
  const copy = { ...t, outcome: t.outcome && copyOutcome(t.outcome) };
  if (t.booking) copy.booking = { ...t.booking };
  return copy;
}

function copyOutcome(o: Outcome): Outcome {
  return o.reasons ? { ...o, reasons: [...o.reasons] } : { ...o };
}

/** Change a ticket while keeping every index right. */
function update(state: DayState, id: string, change: (t: Ticket) => void): Ticket {
  const t = detached(state, id);
  change(t);
  attach(state, t);
  return t;
}

/** The ticket, taken out of every index, to be changed and attached again. */
function detached(state: DayState, id: string): Ticket {
  const t = state.tickets[id];
  if (!t) throw new Error(`event names unknown ticket ${id}`);
  detach(state, t);
  return t;
}

/**
 * Tickets sent to a counter that has closed for the day (by the level, the supervisor or its
 * officer) go back to their service's line, in their original place: nobody waits for a counter
 * that will not call them.
 */
function releaseTargeted(state: DayState, config: OfficeConfig, changed: Set<string> | undefined): void {
  for (const [n, ids] of Object.entries(state.lines.targeted)) {
    if (!ids?.length || counterAvailable(config, state, Number(n))) continue;
    for (const id of [...ids]) {
      update(state, id, (t) => (t.targetCounter = null));
      changed?.add(id);
    }
  }
}

function counter(state: DayState, n: number): CounterState {
  const c = state.counters[n];
  if (!c) throw new Error(`event names unknown counter ${n}`);
  return c;
}

function freeCounter(state: DayState, n: number | null, at: number): void {
  if (n === null) return;
  const c = counter(state, n);
  c.current = null;
  c.lastActionAt = at;
}

/** Record how long the ticket's service at its current counter took, from its start (or call) until `end`. */
function recordServiceTime(state: DayState, t: Ticket, end: number): void {
  const started = t.servingAt ?? t.calledAt;
  if (started === null) return;
  const list = (state.serviceTimes[t.service] ??= []);
  list.push(end - started);
  if (list.length > SERVICE_TIME_WINDOW) list.shift();
}

/** The supervisor's notice for the wall, if it is still to be shown at `now`. */
export function currentNotice(state: DayState, now: number): string | null {
  const n = state.notice;
  return n && (n.until === null || now < n.until) ? n.text : null;
}

/**
 * Apply one event to the day, in place. Deterministic: the same events give the same state,
 * which is how the hub rebuilds a day after a restart and how clients mirror it.
 *
 * `changed`, when given, receives the id of every ticket the event changed — not only the one it
 * names: a counter closing sends the tickets transferred to it back to their lines. Callers that
 * keep a copy per ticket (the hub's stored tickets and cached snapshot) update exactly those.
 */
export function applyEvent(
  state: DayState,
  event: QueueEvent,
  at: number,
  config: OfficeConfig,
  changed?: Set<string>,
): DayState {
  if (changed) {
    const named = 'ticketId' in event ? event.ticketId : 'ticket' in event ? event.ticket.id : null;
    if (named !== null) changed.add(named);
  }
  switch (event.type) {
    case 'day.opened':
      // A new day starts clean (counters offline and open, no service times), so replaying from
      // this event alone rebuilds the day exactly.
      Object.assign(state, createDay(config, event.day, event.level));
      return state;
    case 'day.closed':
      state.closed = true;
      return state;
    case 'ticket.issued': {
      const t = copyTicket(event.ticket);
      state.tickets[t.id] = t;
      state.lastNumber[t.issuedService] = Math.max(state.lastNumber[t.issuedService] ?? 0, t.serial);
      state.nextOrder = Math.max(state.nextOrder, t.order + 1);
      attach(state, t);
      return state;
    }
    // The busiest events change their ticket between `detached` and `attach` written out (as
    // `update` does), without a closure made per event.
    case 'ticket.admitted': {
      const t = detached(state, event.ticketId);
      t.status = 'waiting';
      t.admittedAt = at;
      attach(state, t);
      return state;
    }
    case 'ticket.called': {
      const c = counter(state, event.counter);
      const t = detached(state, event.ticketId);
      t.status = 'called';
      t.counter = event.counter;
      t.targetCounter = null;
      t.calledAt = at;
      t.officerId = event.officerId;
      t.callCount += 1;
      // `?? 0`: tickets issued before the field existed (older logs) replay too.
      t.callsHere = event.recall ? (t.callsHere ?? 0) + 1 : 1;
      attach(state, t);
      c.current = event.ticketId;
      c.priorityInRow = event.priorityInRow;
      // Absent in older logs and whenever it is 0 (the events of a day without bookings are unchanged).
      c.bookedInRow = event.bookedInRow ?? 0;
      c.lastActionAt = at;
      return state;
    }
    case 'ticket.serving': {
      const t = detached(state, event.ticketId);
      t.status = 'serving';
      t.servingAt = at;
      attach(state, t);
      counter(state, event.counter).lastActionAt = at;
      return state;
    }
    case 'ticket.finished': {
      const t = detached(state, event.ticketId);
      t.status = 'done';
      t.finishedAt = at;
      t.outcome = copyOutcome(event.outcome);
      attach(state, t);
      recordServiceTime(state, t, at);
      freeCounter(state, event.counter, at);
      return state;
    }
    case 'ticket.no_show': {
      const t = detached(state, event.ticketId);
      t.status = 'no_show';
      t.finishedAt = at;
      attach(state, t);
      freeCounter(state, event.counter, at);
      return state;
    }
    case 'ticket.reactivated':
      update(state, event.ticketId, (t) => {
        // Back in its line, inside the hall, or outside when the hall had no room for them.
        t.status = event.outside ? 'outside' : 'waiting';
        // Outside it must be let in again, by the entry line.
        if (event.outside) t.admittedAt = null;
        t.finishedAt = null;
        t.counter = null;
        t.targetCounter = null;
        t.queuedAt = event.queuedAt;
        t.order = event.order;
        t.callsHere = 0;
      });
      // Its key may be one past the last ticket's (back at the end of its line): the next ticket
      // issued must still come after it, not tie with it and jump ahead of it in the entry line
      // while the hall lets in nobody (found by the property tests).
      state.nextOrder = Math.max(state.nextOrder, Math.floor(event.order) + 1);
      return state;
    case 'ticket.transferred':
      update(state, event.ticketId, (t) => {
        // The first counter's part is a service of its own; the next counter starts afresh.
        if (t.status === 'called' || t.status === 'serving') recordServiceTime(state, t, at);
        t.servingAt = null;
        // A supervisor may move a citizen still waiting outside: they stay outside until let in.
        if (t.status !== 'outside') t.status = 'waiting';
        t.service = event.toService;
        t.targetCounter = event.toCounter;
        t.counter = null;
        t.transfers += 1;
        t.callsHere = 0;
      });
      freeCounter(state, event.fromCounter, at);
      return state;
    case 'ticket.cancelled': {
      const held = state.tickets[event.ticketId]?.counter ?? null;
      const t = update(state, event.ticketId, (t) => {
        t.status = 'cancelled';
        t.finishedAt = at;
      });
      if (held !== null && state.counters[held]?.current === t.id) freeCounter(state, held, at);
      return state;
    }
    case 'ticket.rated': {
      const t = state.tickets[event.ticketId];
      if (t) t.rating = event.score;
      return state;
    }
    case 'counter.signed_in': {
      const c = counter(state, event.counter);
      c.officer = structuredClone(event.officer);
      c.status = 'open';
      c.pauseReason = null;
      c.priorityInRow = 0;
      c.bookedInRow = 0;
      c.lastActionAt = at;
      return state;
    }
    case 'counter.signed_out': {
      const c = counter(state, event.counter);
      c.officer = null;
      c.status = event.closed ? 'closed' : 'offline';
      c.pauseReason = null;
      c.lastActionAt = at;
      releaseTargeted(state, config, changed);
      return state;
    }
    case 'counter.paused': {
      const c = counter(state, event.counter);
      c.status = 'paused';
      c.pauseReason = event.reason;
      c.lastActionAt = at;
      return state;
    }
    case 'counter.resumed': {
      const c = counter(state, event.counter);
      c.status = 'open';
      c.pauseReason = null;
      c.lastActionAt = at;
      return state;
    }
    case 'counter.supervisor_closed': {
      const c = counter(state, event.counter);
      c.closedBySupervisor = event.closed;
      c.closedReason = event.closed ? (event.reason ?? null) : null;
      releaseTargeted(state, config, changed);
      return state;
    }
    case 'counter.services_set':
      counter(state, event.counter).services = event.services === null ? null : [...event.services];
      return state;
    case 'alert.acknowledged':
      state.acks[event.key] = { officerId: event.officerId, at };
      return state;
    case 'notice.set':
      state.notice = event.text === null ? null : { text: event.text, until: event.until };
      return state;
    case 'level.changed':
      state.level = event.level;
      releaseTargeted(state, config, changed);
      return state;
  }
}
