import { checkInWindow } from './bookings.js';
import { sessionState, localTime } from './clock.js';
import type { OfficeConfig, ServiceConfig } from './config.js';
import type { QueueCommand } from './commands.js';
import { counterClosure, counterConfig, openCountersServing } from './counters.js';
import { QueueError, refuse, type QueueErrorCode } from './errors.js';
import { serviceIssueBlock } from './issuing.js';
import type { QueueEvent } from './events.js';
import { admissionEvents, capacity, fitsOnIssue, occupancy } from './flow.js';
import { FINAL, type CounterState, type DayState, type Ticket, type TicketBooking } from './model.js';
import { counterMayCall, pickNext } from './routing.js';
import { applyEvent } from './state.js';

export interface Emitted {
  event: QueueEvent;
  at: number;
}

/**
 * A refusal given as an answer, not thrown: the ones a busy day meets all the time (a counter
 * asks for the next citizen and nobody waits; the kiosk is told the wait runs past closing). A
 * thrown error costs microseconds — a simulated day meets a few hundred of them — where an answer
 * costs nothing. The rarer refusals are still thrown from deep inside the checks.
 */
export interface Refusal {
  code: QueueErrorCode;
  details: Record<string, string | number | null>;
}

/**
 * Run one command against the day: check everything first (a refusal throws QueueError and
 * changes nothing), then emit events and apply each one to `state` as it is emitted.
 * Returns the events in order; the caller persists them. `changed` collects the ids of the
 * tickets changed (see `applyEvent`).
 */
export function execute(
  config: OfficeConfig,
  state: DayState,
  command: QueueCommand,
  now: number,
  changed?: Set<string>,
): Emitted[] {
  const decided = decide(config, state, command, now);
  if (!Array.isArray(decided)) refuse(decided.code, decided.details);
  return carryOut(config, state, command, decided, now, changed);
}

/**
 * `execute` that answers a refusal instead of throwing it: the same checks, the same events, for
 * callers that meet refusals as a matter of course (the day simulator's idle counters).
 */
export function attempt(
  config: OfficeConfig,
  state: DayState,
  command: QueueCommand,
  now: number,
  changed?: Set<string>,
): Emitted[] | Refusal {
  let decided: QueueEvent[] | Refusal;
  try {
    decided = decide(config, state, command, now);
  } catch (e) {
    if (e instanceof QueueError) return { code: e.code, details: e.details };
    throw e;
  }
  if (!Array.isArray(decided)) return decided;
  return carryOut(config, state, command, decided, now, changed);
}

/** Apply the decided events in order, each followed by whoever it lets into the hall. */
function carryOut(
  config: OfficeConfig,
  state: DayState,
  command: QueueCommand,
  decided: QueueEvent[],
  now: number,
  changed: Set<string> | undefined,
): Emitted[] {
  const out: Emitted[] = [];
  // Closing the day cancels everyone, outside too: nobody is let in on the way out.
  const admits = command.type !== 'closeDay';
  for (const e of decided) {
    applyEvent(state, e, now, config, changed);
    out.push({ event: e, at: now });
    // Anything that frees room in the hall or raises its capacity lets people in from outside.
    if (admits && frees(e) && someoneOutside(state)) {
      for (const a of admissionEvents(config, state)) {
        applyEvent(state, a, now, config, changed);
        out.push({ event: a, at: now });
      }
    }
  }
  return out;
}

/** Anybody waiting outside the hall at all (the entry line is usually empty: nothing to look at). */
function someoneOutside(state: DayState): boolean {
  const outside = state.lines.outside;
  for (const zone in outside) {
    const o = outside[zone]!;
    if (o.priority.length > 0 || o.normal.length > 0) return true;
  }
  return false;
}

/**
 * On a new calendar day: close the old day (unfinished tickets cancelled, officers signed out) and
 * open the new one, numbering from 1 again. The hub calls this before each command and on a timer,
 * and persists what it returns on its own, so a refused command never loses the rollover.
 */
export function openDayIfNeeded(
  config: OfficeConfig,
  state: DayState,
  now: number,
  changed?: Set<string>,
): Emitted[] {
  const today = localTime(now, config.sessions.timeZone).day;
  // Only forward: a clock set back over midnight must not reopen an earlier day and number from 1
  // again (its numbers were printed already). YYYY-MM-DD strings compare like dates.
  if (today <= state.day) return [];
  const out: Emitted[] = [];
  for (const event of [
    ...closeDayEvents(state),
    { type: 'day.opened', day: today, level: state.level } as const,
  ]) {
    applyEvent(state, event, now, config, changed);
    out.push({ event, at: now });
  }
  return out;
}

function frees(e: QueueEvent): boolean {
  return (
    e.type === 'ticket.finished' ||
    e.type === 'ticket.no_show' ||
    e.type === 'ticket.cancelled' ||
    e.type === 'level.changed' ||
    // Back in the entry line at its arrival place, it may head it while there is room.
    e.type === 'ticket.reactivated'
  );
}

function closeDayEvents(state: DayState): QueueEvent[] {
  const events: QueueEvent[] = [];
  for (const t of Object.values(state.tickets)) {
    if (!FINAL.has(t.status)) events.push({ type: 'ticket.cancelled', ticketId: t.id, reason: 'day_closed' });
  }
  for (const c of Object.values(state.counters)) {
    if (c.officer) events.push({ type: 'counter.signed_out', counter: c.number, closed: false });
  }
  if (!state.closed) events.push({ type: 'day.closed', day: state.day });
  return events;
}

function getCounter(config: OfficeConfig, state: DayState, n: number): CounterState {
  const c = state.counters[n];
  if (!c || !counterConfig(config, n)) refuse('UNKNOWN_COUNTER', { counter: n });
  return c;
}

function getTicket(state: DayState, id: string): Ticket {
  return state.tickets[id] ?? refuse('UNKNOWN_TICKET', { ticketId: id });
}

/** The counter is not closed today: by the supervisor, by the distancing level or by its officer. */
function checkAvailable(config: OfficeConfig, state: DayState, c: CounterState): void {
  const closure = counterClosure(config, state, c.number);
  if (closure === 'supervisor') refuse('COUNTER_CLOSED_BY_SUPERVISOR', { counter: c.number });
  if (closure === 'level') refuse('COUNTER_CLOSED_AT_LEVEL', { counter: c.number, level: state.level });
  if (closure === 'officer') refuse('COUNTER_NOT_OPEN', { counter: c.number, status: c.status });
}

/** The counter can call someone now: staffed, open, free, not closed. */
function checkCanCall(config: OfficeConfig, state: DayState, c: CounterState): void {
  checkAvailable(config, state, c);
  if (c.status !== 'open') refuse('COUNTER_NOT_OPEN', { counter: c.number, status: c.status });
  if (c.current) refuse('COUNTER_BUSY', { counter: c.number, ticketId: c.current });
}

function inHand(state: DayState, c: CounterState): Ticket {
  if (!c.current) refuse('NO_TICKET_IN_HAND', { counter: c.number });
  return state.tickets[c.current]!;
}

function called(
  c: CounterState,
  ticketId: string,
  recall: boolean,
  priorityInRow: number,
  bookedInRow = c.bookedInRow ?? 0,
): QueueEvent {
  const event: QueueEvent = {
    type: 'ticket.called',
    ticketId,
    counter: c.number,
    officerId: c.officer?.id ?? null,
    recall,
    priorityInRow,
  };
  // Only when it counts: a day without bookings logs the same events as before bookings existed.
  if (bookedInRow > 0) event.bookedInRow = bookedInRow;
  return event;
}

function decide(
  config: OfficeConfig,
  state: DayState,
  cmd: QueueCommand,
  now: number,
): QueueEvent[] | Refusal {
  switch (cmd.type) {
    case 'issue': {
      const issued = issue(config, state, cmd, now);
      return 'code' in issued ? issued : [issued];
    }

    case 'callNext': {
      const c = getCounter(config, state, cmd.counter);
      checkCanCall(config, state, c);
      const pick = pickNext(config, state, cmd.counter, now);
      if (!pick) return { code: 'QUEUE_EMPTY', details: { counter: cmd.counter } };
      return [called(c, pick.ticket.id, false, pick.priorityInRow, pick.bookedInRow)];
    }

    case 'callTicket': {
      const c = getCounter(config, state, cmd.counter);
      checkCanCall(config, state, c);
      const t = getTicket(state, cmd.ticketId);
      if (t.status === 'outside') refuse('TICKET_OUTSIDE', { ticketId: t.id });
      if (t.status !== 'waiting') refuse('TICKET_NOT_WAITING', { ticketId: t.id, status: t.status });
      if (!counterMayCall(config, state, c.number, t))
        refuse('TICKET_NOT_FOR_COUNTER', { ticketId: t.id, counter: c.number });
      return [called(c, t.id, false, c.priorityInRow)];
    }

    case 'recall': {
      const c = getCounter(config, state, cmd.counter);
      const t = inHand(state, c);
      if (t.status !== 'called') refuse('TICKET_NOT_CALLED', { ticketId: t.id, status: t.status });
      return [called(c, t.id, true, c.priorityInRow)];
    }

    case 'startServing': {
      const c = getCounter(config, state, cmd.counter);
      const t = inHand(state, c);
      if (t.status !== 'called') refuse('TICKET_NOT_CALLED', { ticketId: t.id, status: t.status });
      return [{ type: 'ticket.serving', ticketId: t.id, counter: c.number }];
    }

    case 'finish': {
      const c = getCounter(config, state, cmd.counter);
      const t = inHand(state, c);
      return [{ type: 'ticket.finished', ticketId: t.id, counter: c.number, outcome: cmd.outcome }];
    }

    case 'noShow': {
      const c = getCounter(config, state, cmd.counter);
      const t = inHand(state, c);
      if (t.status !== 'called') refuse('TICKET_NOT_CALLED', { ticketId: t.id, status: t.status });
      return [{ type: 'ticket.no_show', ticketId: t.id, counter: c.number }];
    }

    case 'reactivate':
      return [reactivate(config, state, cmd, now)];

    case 'transfer': {
      const c = getCounter(config, state, cmd.counter);
      const t = inHand(state, c);
      const toService = cmd.toService ?? t.service;
      if (!config.services.some((s) => s.prefix === toService))
        refuse('UNKNOWN_SERVICE', { service: toService });
      if (cmd.toCounter !== null) {
        const to = getCounter(config, state, cmd.toCounter);
        if (cmd.toCounter === c.number) refuse('INVALID_TRANSFER', { counter: cmd.toCounter });
        // Only to a counter that can call today, or the citizen would wait for nobody.
        checkAvailable(config, state, to);
      } else if (toService === t.service) {
        refuse('INVALID_TRANSFER', { service: toService });
      }
      // A new service needs an open counter, even with a named one: if that counter closes, the
      // ticket goes back to its service's line.
      if (
        toService !== t.service &&
        openCountersServing(config, state, toService, t.priority !== null).length === 0
      )
        refuse('NO_OPEN_COUNTER', { service: toService });
      return [
        {
          type: 'ticket.transferred',
          ticketId: t.id,
          fromCounter: c.number,
          toService,
          toCounter: cmd.toCounter,
          note: cmd.note,
        },
      ];
    }

    case 'cancel': {
      const t = getTicket(state, cmd.ticketId);
      if (FINAL.has(t.status)) refuse('TICKET_FINAL', { ticketId: t.id, status: t.status });
      return [{ type: 'ticket.cancelled', ticketId: t.id, reason: cmd.reason }];
    }

    case 'rate': {
      const t = getTicket(state, cmd.ticketId);
      if (t.status !== 'done') refuse('NOT_RATABLE', { ticketId: t.id, status: t.status });
      if (t.rating !== undefined) refuse('ALREADY_RATED', { ticketId: t.id });
      if (
        cmd.score !== null &&
        (!Number.isInteger(cmd.score) || cmd.score < 1 || cmd.score > config.rating.scale)
      ) {
        refuse('INVALID_SCORE', { score: cmd.score, scale: config.rating.scale });
      }
      return [{ type: 'ticket.rated', ticketId: t.id, score: cmd.score, reasons: cmd.reasons }];
    }

    case 'signIn': {
      const c = getCounter(config, state, cmd.counter);
      const elsewhere = Object.values(state.counters).find(
        (o) => o.number !== c.number && o.officer?.id === cmd.officer.id,
      );
      if (elsewhere) refuse('OFFICER_ELSEWHERE', { counter: elsewhere.number });
      if (c.current && c.officer?.id !== cmd.officer.id)
        refuse('COUNTER_BUSY', { counter: c.number, ticketId: c.current });
      const events: QueueEvent[] = [];
      if (c.officer && c.officer.id !== cmd.officer.id) {
        events.push({ type: 'counter.signed_out', counter: c.number, closed: false });
      }
      events.push({ type: 'counter.signed_in', counter: c.number, officer: cmd.officer });
      return events;
    }

    case 'signOut': {
      const c = getCounter(config, state, cmd.counter);
      if (c.current) refuse('COUNTER_BUSY', { counter: c.number, ticketId: c.current });
      return [{ type: 'counter.signed_out', counter: c.number, closed: cmd.close }];
    }

    case 'pause': {
      const c = getCounter(config, state, cmd.counter);
      if (c.status !== 'open') refuse('COUNTER_NOT_OPEN', { counter: c.number, status: c.status });
      if (c.current) refuse('COUNTER_BUSY', { counter: c.number, ticketId: c.current });
      return [{ type: 'counter.paused', counter: c.number, reason: cmd.reason }];
    }

    case 'resume': {
      const c = getCounter(config, state, cmd.counter);
      if (c.status !== 'paused') refuse('COUNTER_NOT_OPEN', { counter: c.number, status: c.status });
      return [{ type: 'counter.resumed', counter: c.number }];
    }

    case 'setCounterClosed': {
      getCounter(config, state, cmd.counter);
      return [
        cmd.closed && cmd.reason !== undefined
          ? { type: 'counter.supervisor_closed', counter: cmd.counter, closed: true, reason: cmd.reason }
          : { type: 'counter.supervisor_closed', counter: cmd.counter, closed: cmd.closed },
      ];
    }

    case 'setCounterServices': {
      getCounter(config, state, cmd.counter);
      if (cmd.services !== null) {
        if (cmd.services.length === 0) refuse('INVALID_SERVICES', { counter: cmd.counter });
        for (const service of cmd.services)
          if (!config.services.some((s) => s.prefix === service)) refuse('UNKNOWN_SERVICE', { service });
      }
      // Null, or the same list as configured, is the configuration again (stored as null).
      const configured = counterConfig(config, cmd.counter)!.services;
      const same = cmd.services !== null && cmd.services.join() === configured.join();
      const services = cmd.services === null || same ? null : [...new Set(cmd.services)];
      return [{ type: 'counter.services_set', counter: cmd.counter, services }];
    }

    case 'moveTicket': {
      const t = getTicket(state, cmd.ticketId);
      if (t.status !== 'waiting' && t.status !== 'outside')
        refuse('TICKET_NOT_WAITING', { ticketId: t.id, status: t.status });
      if (!config.services.some((s) => s.prefix === cmd.toService))
        refuse('UNKNOWN_SERVICE', { service: cmd.toService });
      if (cmd.toService === t.service) refuse('INVALID_TRANSFER', { service: cmd.toService });
      // As for an officer's transfer: somebody must be able to call it there.
      if (openCountersServing(config, state, cmd.toService, t.priority !== null).length === 0)
        refuse('NO_OPEN_COUNTER', { service: cmd.toService });
      return [
        {
          type: 'ticket.transferred',
          ticketId: t.id,
          fromCounter: null,
          toService: cmd.toService,
          toCounter: null,
          note: null,
        },
      ];
    }

    case 'acknowledgeAlert':
      return [{ type: 'alert.acknowledged', key: cmd.key, officerId: cmd.officerId }];

    case 'setNotice':
      return [{ type: 'notice.set', text: cmd.text, until: cmd.text === null ? null : cmd.until }];

    case 'setLevel':
      return [{ type: 'level.changed', level: cmd.level }];

    case 'closeDay':
      return closeDayEvents(state);
  }
}

/** Defaults of the reactivation rule (`fairness.reactivateBehind`, `fairness.reactivateWithinMinutes`). */
export const REACTIVATE_BEHIND = 2;
export const REACTIVATE_WITHIN_MINUTES = 120;

/**
 * A no-show ticket goes back into its line (its service and class) with exactly
 * `reactivateBehind` of the tickets waiting there now ahead of it: its sort key becomes one
 * strictly between the Nth and the (N+1)th, or after the last when fewer wait. The key travels in
 * the event, so the place does not depend on when the event is replayed.
 */
function reactivate(
  config: OfficeConfig,
  state: DayState,
  cmd: Extract<QueueCommand, { type: 'reactivate' }>,
  now: number,
): QueueEvent {
  if (state.closed) refuse('DAY_CLOSED');
  // Only today's tickets are in the day, so an earlier day's no-show is UNKNOWN_TICKET.
  const t = getTicket(state, cmd.ticketId);
  if (t.status !== 'no_show') refuse('TICKET_NOT_NO_SHOW', { ticketId: t.id, status: t.status });
  // A counter brings back only a citizen it skipped itself; others ask the supervisor.
  if (cmd.counter !== null && t.counter !== cmd.counter)
    refuse('TICKET_NOT_FOR_COUNTER', { ticketId: t.id, counter: cmd.counter });
  const within = config.fairness.reactivateWithinMinutes ?? REACTIVATE_WITHIN_MINUTES;
  if (t.finishedAt !== null && now - t.finishedAt > within * 60_000)
    refuse('REACTIVATE_TOO_LATE', { ticketId: t.id, minutes: within });
  const behind = config.fairness.reactivateBehind ?? REACTIVATE_BEHIND;
  const line = state.lines.waiting[t.service]?.[t.priority ? 'priority' : 'normal'] ?? [];
  const ahead = line[behind - 1];
  const after = line[behind];
  let queuedAt: number;
  let order: number;
  if (behind === 0 || line.length === 0) {
    // First in line: just before the current head (or its own key when the line is empty).
    const head = line[0] ? state.tickets[line[0]]! : null;
    queuedAt = head ? Math.min(head.queuedAt, t.queuedAt) : t.queuedAt;
    order = head && queuedAt === head.queuedAt ? Math.min(t.order, head.order - 1) : t.order;
  } else if (!after) {
    // Fewer wait than `behind`: last in line.
    const last = state.tickets[line[line.length - 1]!]!;
    queuedAt = Math.max(last.queuedAt, t.queuedAt);
    order = queuedAt === last.queuedAt ? Math.max(t.order, last.order + 1) : t.order;
  } else {
    const a = state.tickets[ahead!]!;
    const b = state.tickets[after]!;
    if (a.queuedAt < b.queuedAt) {
      // Halfway in time; its own issue order breaks no tie here.
      queuedAt = a.queuedAt + (b.queuedAt - a.queuedAt) / 2;
      order = t.order;
    } else {
      queuedAt = a.queuedAt;
      order = a.order + (b.order - a.order) / 2;
    }
  }
  // The hall cap holds for a citizen who comes back too: with no room, or with people already
  // waiting to enter, they wait outside and are let in by the entry line like everyone else.
  const inside = fitsOnIssue(config, state, t.zone, t.party, t.priority !== null);
  return {
    type: 'ticket.reactivated',
    ticketId: t.id,
    by: cmd.counter,
    queuedAt,
    order,
    ...(inside ? {} : { outside: true }),
  };
}

function issue(
  config: OfficeConfig,
  state: DayState,
  cmd: Extract<QueueCommand, { type: 'issue' }>,
  now: number,
): QueueEvent | Refusal {
  if (state.closed) refuse('DAY_CLOSED');
  const booking = cmd.booking ?? null;
  if (booking) {
    checkIn(config, state, booking, now);
  } else {
    // A booked citizen checks in by their window, which may open before the session (or during the
    // lunch break) for a slot at its start: the window is their rule, not the opening hours.
    const session = sessionState(config.sessions, now);
    if (!session.open) refuse('OUTSIDE_SESSION', { reason: session.reason });
  }
  const svc = serviceConfig(config, cmd.service) ?? refuse('UNKNOWN_SERVICE', { service: cmd.service });
  if (cmd.priority !== null && !config.priorityCategories.some((p) => p.id === cmd.priority)) {
    refuse('UNKNOWN_PRIORITY', { priority: cmd.priority });
  }
  const block = serviceIssueBlock(config, state, svc, cmd.priority !== null, now);
  // A booked citizen's place was counted out of the counters' time when they booked: the daily cap
  // and the closing-time estimate are for walk-ins. Nobody to call them (level, closure) still refuses.
  if (block && !(booking && (block.code === 'DAILY_CAP_REACHED' || block.code === 'WAIT_PAST_CLOSING')))
    return block;
  const serial = (state.lastNumber[svc.prefix] ?? 0) + 1;
  if (cmd.party > capacity(config, state, svc.zone)) refuse('PARTY_TOO_LARGE', { party: cmd.party });

  const number = svc.prefix + String(serial).padStart(svc.numberWidth, '0');
  const entry = booking
    ? bookedEntry(config, state, svc.zone, booking, cmd.party, cmd.priority !== null, now)
    : null;
  const order = entry?.order ?? state.nextOrder;
  const inside = entry
    ? entry.inside
    : fitsOnIssue(config, state, svc.zone, cmd.party, cmd.priority !== null);
  const ticket: Ticket = {
    id: `${compactDay(state.day)}-${number}`,
    number,
    day: state.day,
    serial,
    service: svc.prefix,
    issuedService: svc.prefix,
    priority: cmd.priority,
    party: cmd.party,
    zone: svc.zone,
    status: inside ? 'waiting' : 'outside',
    issuedAt: now,
    queuedAt: now,
    order,
    admittedAt: inside ? now : null,
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    counter: null,
    targetCounter: null,
    officerId: null,
    callCount: 0,
    callsHere: 0,
    outcome: null,
    transfers: 0,
    kioskId: cmd.kioskId,
    rating: undefined,
    booking: booking && { code: booking.code, slotStart: booking.slotStart },
  };
  return { type: 'ticket.issued', ticket };
}

/** The office's service with this prefix. */
function serviceConfig(config: OfficeConfig, prefix: string): ServiceConfig | undefined {
  for (const s of config.services) if (s.prefix === prefix) return s;
  return undefined;
}

/** "2026-12-07" → "20261207", for ticket ids; the last day's kept, as every ticket of a day asks. */
let lastDay = '';
let lastCompact = '';
function compactDay(day: string): string {
  if (day !== lastDay) {
    lastCompact = day.replaceAll('-', '');
    lastDay = day;
  }
  return lastCompact;
}

/**
 * A check-in is refused outside the booking's window (docs/queue-rules.md, "Bookings"): early, unless
 * the office lets early comers check in and wait and the slot is today; late, the booking has lapsed
 * (the kiosk offers an ordinary number). A booking is checked in once.
 */
function checkIn(config: OfficeConfig, state: DayState, booking: TicketBooking, now: number): void {
  const w = checkInWindow(booking, now, config);
  if (w.kind === 'late') refuse('CHECK_IN_LATE', { closedAt: w.closedAt });
  const today = localTime(booking.slotStart, config.sessions.timeZone).day === state.day;
  if (w.kind === 'early' && !(w.mayWait && today)) refuse('CHECK_IN_EARLY', { opensAt: w.opensAt });
  // Only today's tickets are in the day, and a booking is for one day: this finds any earlier check-in.
  for (const t of Object.values(state.tickets))
    if (t.booking?.code === booking.code) refuse('ALREADY_CHECKED_IN', { ticketId: t.id });
}

/**
 * Where a booked citizen stands in the entry line, and whether they go straight in. Admitted
 * "first among the outside tickets of its slot time": ahead of everyone of its class who came
 * after its slot started, so a citizen who checks in a few minutes late is not put behind walk-ins
 * who came in the meantime; behind those who were there before the slot (they came first). The
 * place is an `order` key between two others (as a reactivation's), carried in the ticket, so a
 * replay puts it in the same place.
 */
function bookedEntry(
  config: OfficeConfig,
  state: DayState,
  zone: string,
  booking: TicketBooking,
  party: number,
  priority: boolean,
  now: number,
): { order: number; inside: boolean } {
  const o = state.lines.outside[zone];
  const list = (priority ? o?.priority : o?.normal) ?? [];
  let i =
    booking.slotStart < now ? list.findIndex((id) => state.tickets[id]!.issuedAt >= booking.slotStart) : -1;
  if (i < 0) i = list.length;
  let order = state.nextOrder;
  if (i < list.length) {
    const next = state.tickets[list[i]!]!.order;
    const prev = i > 0 ? state.tickets[list[i - 1]!]!.order : next - 1;
    order = (prev + next) / 2;
  }
  // Ahead of it: its class before its place, and for a normal ticket every priority ticket outside.
  const ahead = i + (priority ? 0 : (o?.priority.length ?? 0));
  return { order, inside: ahead === 0 && occupancy(state, zone) + party <= capacity(config, state, zone) };
}
