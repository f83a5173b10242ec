import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  arrivalOrder,
  bookingRules,
  capacity,
  createDay,
  dueBooking,
  execute,
  FINAL,
  IN_HALL,
  localTime,
  openDayIfNeeded,
  QueueError,
  waitingOrder,
  type CounterState,
  type DayState,
  type Emitted,
  type Level,
  type OfficeConfig,
  type OutcomeKind,
  type QueueCommand,
  type Ticket,
} from '../src/index.js';
import {
  at,
  MINUTE,
  MONDAY,
  normalizeLines,
  officer,
  profile,
  recountLines,
  smallConfig,
} from './helpers.js';

/**
 * Random office days: random commands at a clock that moves forward through the sessions.
 * After every step the invariants (docs/queue-rules.md, "Invariants") are checked against the tickets themselves
 * (not the `lines` indexes); at the end the day is drained and replayed.
 */

/**
 * Counter commands name a random counter; `pick` usually moves them to a counter where they make
 * sense (one with a ticket in hand, or an open one), so that days are busy rather than refused.
 */
type Op =
  | { op: 'issue'; service: number; priority: number | null; party: number }
  /** A booked citizen checks in: a slot some quarter hours from now (in the window or not), a code. */
  | { op: 'checkIn'; service: number; priority: number | null; party: number; slot: number; code: number }
  | {
      op: 'callNext' | 'recall' | 'startServing' | 'noShow' | 'pause' | 'resume';
      counter: number;
      pick: number;
    }
  | { op: 'finish'; counter: number; pick: number; kind: OutcomeKind }
  | { op: 'callTicket'; counter: number; pick: number }
  | { op: 'transfer'; counter: number; pick: number; toService: number | null; toCounter: number | null }
  | { op: 'cancel'; pick: number }
  | { op: 'reactivate'; pick: number; bySupervisor: boolean }
  | { op: 'rate'; pick: number; score: number | null }
  | { op: 'signIn'; counter: number; officer: number }
  | { op: 'signOut'; counter: number; close: boolean }
  | { op: 'setCounterClosed'; counter: number; closed: boolean }
  | { op: 'setLevel'; level: Level }
  | { op: 'closeDay' }
  | { op: 'nextDay' };

interface Step {
  minutes: number;
  op: Op;
}

function stepArb(config: OfficeConfig): fc.Arbitrary<Step> {
  const maxCounter = Math.max(...config.counters.map((c) => c.number));
  // Now and then a counter that does not exist.
  const counter = fc.oneof(
    { weight: 30, arbitrary: fc.integer({ min: 1, max: maxCounter }) },
    { weight: 1, arbitrary: fc.constant(99) },
  );
  // Indexes into the config; now and then one past the end (an unknown service or category).
  const index = (n: number) =>
    fc.oneof(
      { weight: 25, arbitrary: fc.integer({ min: 0, max: n - 1 }) },
      { weight: 1, arbitrary: fc.constant(n) },
    );
  const service = index(config.services.length);
  const c = (op: 'callNext' | 'recall' | 'startServing' | 'noShow' | 'pause' | 'resume') =>
    fc.record({ op: fc.constant(op), counter, pick: fc.nat() });
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 150,
      arbitrary: fc.record({
        op: fc.constant('issue' as const),
        service,
        priority: fc.option(index(config.priorityCategories.length), { freq: 3 }),
        party: fc.oneof(
          { weight: 30, arbitrary: fc.constant(1) },
          { weight: 15, arbitrary: fc.integer({ min: 2, max: 3 }) },
        ),
      }),
    },
    {
      weight: 40,
      arbitrary: fc.record({
        op: fc.constant('checkIn' as const),
        service,
        priority: fc.option(index(config.priorityCategories.length), { freq: 4 }),
        party: fc.oneof(
          { weight: 30, arbitrary: fc.constant(1) },
          { weight: 10, arbitrary: fc.integer({ min: 2, max: 3 }) },
        ),
        // Mostly a slot of the window (−1…+2 quarters), now and then too early or too late.
        slot: fc.integer({ min: -2, max: 3 }),
        // Few enough codes that a booking is now and then checked in twice (refused).
        code: fc.integer({ min: 0, max: 400 }),
      }),
    },
    { weight: 125, arbitrary: c('callNext') },
    { weight: 20, arbitrary: fc.record({ op: fc.constant('callTicket' as const), counter, pick: fc.nat() }) },
    { weight: 15, arbitrary: c('recall') },
    { weight: 40, arbitrary: c('startServing') },
    {
      weight: 90,
      arbitrary: fc.record({
        op: fc.constant('finish' as const),
        counter,
        pick: fc.nat(),
        kind: fc.constantFrom<OutcomeKind>('received', 'guided', 'returned', 'refused', 'other'),
      }),
    },
    { weight: 20, arbitrary: c('noShow') },
    {
      weight: 20,
      arbitrary: fc.record({
        op: fc.constant('transfer' as const),
        counter,
        pick: fc.nat(),
        toService: fc.option(service, { freq: 4 }),
        toCounter: fc.option(counter),
      }),
    },
    { weight: 15, arbitrary: fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }) },
    {
      weight: 10,
      arbitrary: fc.record({
        op: fc.constant('reactivate' as const),
        pick: fc.nat(),
        bySupervisor: fc.boolean(),
      }),
    },
    {
      weight: 15,
      arbitrary: fc.record({
        op: fc.constant('rate' as const),
        pick: fc.nat(),
        score: fc.option(fc.integer({ min: 0, max: 6 }), { freq: 5 }),
      }),
    },
    { weight: 10, arbitrary: c('pause') },
    { weight: 10, arbitrary: c('resume') },
    {
      weight: 40,
      arbitrary: fc.record({
        op: fc.constant('signIn' as const),
        counter,
        officer: fc.integer({ min: 1, max: 6 }),
      }),
    },
    {
      weight: 10,
      arbitrary: fc.record({ op: fc.constant('signOut' as const), counter, close: fc.boolean() }),
    },
    {
      weight: 10,
      arbitrary: fc.record({ op: fc.constant('setCounterClosed' as const), counter, closed: fc.boolean() }),
    },
    {
      weight: 10,
      arbitrary: fc.record({
        op: fc.constant('setLevel' as const),
        level: fc.constantFrom<Level>(1, 2, 3, 4),
      }),
    },
    // Rare: a new day (the clock jumps to the next working morning) or the day closed early.
    { weight: 1, arbitrary: fc.constantFrom<Op>({ op: 'nextDay' }, { op: 'nextDay' }, { op: 'closeDay' }) },
  );
  return fc.record({
    minutes: fc.oneof(
      { weight: 3, arbitrary: fc.constant(0) },
      { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
    ),
    op,
  });
}

/** The command a generated step stands for, in the current state. */
function toCommand(config: OfficeConfig, state: DayState, op: Op, now: number): QueueCommand | null {
  if ('pick' in op && 'counter' in op && op.pick % 5 !== 0) {
    // Four times in five, a counter where the command can work.
    const fit =
      op.op === 'callNext' || op.op === 'callTicket' || op.op === 'pause'
        ? (c: CounterState) => c.status === 'open' && !c.current
        : op.op === 'resume'
          ? (c: CounterState) => c.status === 'paused'
          : (c: CounterState) => c.current !== null;
    const candidates = Object.values(state.counters).filter(fit);
    if (candidates.length > 0) op = { ...op, counter: candidates[op.pick % candidates.length]!.number };
  }
  const ids = Object.keys(state.tickets);
  const ticketAt = (pick: number) => (ids.length > 0 ? ids[pick % ids.length]! : '20261130-A999');
  const serviceAt = (i: number) => config.services[i]?.prefix ?? 'Z';
  switch (op.op) {
    case 'issue':
      return {
        type: 'issue',
        service: serviceAt(op.service),
        priority: op.priority === null ? null : (config.priorityCategories[op.priority]?.id ?? 'vip'),
        party: op.party,
        kioskId: 'k1',
      };
    case 'checkIn': {
      const quarter = 15 * MINUTE;
      return {
        type: 'issue',
        service: serviceAt(op.service),
        priority: op.priority === null ? null : (config.priorityCategories[op.priority]?.id ?? 'vip'),
        party: op.party,
        kioskId: 'k1',
        booking: { code: `BK${op.code}`, slotStart: Math.floor(now / quarter) * quarter + op.slot * quarter },
      };
    }
    case 'finish':
      return {
        type: 'finish',
        counter: op.counter,
        outcome:
          op.kind === 'received'
            ? { kind: op.kind, dossierCode: 'D-1', returnDate: '2026-12-10' }
            : { kind: op.kind },
      };
    case 'callTicket':
      return { type: 'callTicket', counter: op.counter, ticketId: ticketAt(op.pick) };
    case 'transfer':
      return {
        type: 'transfer',
        counter: op.counter,
        toService: op.toService === null ? null : serviceAt(op.toService),
        toCounter: op.toCounter,
        note: null,
      };
    case 'cancel':
      return { type: 'cancel', ticketId: ticketAt(op.pick), reason: 'left' };
    case 'reactivate': {
      // Usually a citizen who was skipped, by the counter that skipped them or the supervisor.
      const skipped = Object.values(state.tickets).filter((t) => t.status === 'no_show');
      const t = skipped.length > 0 && op.pick % 5 !== 0 ? skipped[op.pick % skipped.length]! : null;
      const ticketId = t?.id ?? ticketAt(op.pick);
      return { type: 'reactivate', ticketId, counter: op.bySupervisor ? null : (t?.counter ?? 1) };
    }
    case 'rate':
      return { type: 'rate', ticketId: ticketAt(op.pick), score: op.score, reasons: [] };
    case 'signIn':
      return { type: 'signIn', counter: op.counter, officer: officer(`o${op.officer}`) };
    case 'signOut':
      return { type: 'signOut', counter: op.counter, close: op.close };
    case 'setCounterClosed':
      return { type: 'setCounterClosed', counter: op.counter, closed: op.closed };
    case 'setLevel':
      return { type: 'setLevel', level: op.level };
    case 'closeDay':
      return { type: 'closeDay' };
    case 'nextDay':
      return null;
    default:
      return { type: op.op, counter: op.counter } as QueueCommand;
  }
}

/** Priority first, then arrival: the entry line of a zone, from the tickets. */
function entryLineOf(state: DayState, zone: string): Ticket[] {
  return Object.values(state.tickets)
    .filter((t) => t.status === 'outside' && t.zone === zone)
    .sort((a, b) => Number(!a.priority) - Number(!b.priority) || arrivalOrder(a, b));
}

function occupancyOf(state: DayState, zone: string): number {
  return Object.values(state.tickets)
    .filter((t) => IN_HALL.has(t.status) && t.zone === zone)
    .reduce((n, t) => n + t.party, 0);
}

function fail(message: string): never {
  throw new Error(message);
}

/** Everything the checker remembers across steps of one run. */
class Checker {
  /** Numbers ever issued per day, and tickets that reached a final status. */
  readonly numbers = new Map<string, Set<string>>();
  readonly final = new Set<string>();
  /**
   * Per counter, due bookings called by "call next" in a row while a walk-in it may call waited:
   * kept here from the calls themselves, to check the guard and the count the queue keeps.
   */
  readonly bookedRun = new Map<number, number>();

  constructor(readonly config: OfficeConfig) {}

  /** Check one successful step: `before` is a copy of the state before it, `out` what it emitted. */
  step(before: DayState, state: DayState, command: QueueCommand | null, out: Emitted[], now: number): void {
    const config = this.config;
    const tickets = Object.values(state.tickets);

    // Events never touch a ticket that is done, no-show or cancelled (ratings aside).
    for (const { event } of out) {
      if (event.type === 'day.opened') {
        this.final.clear();
        this.bookedRun.clear();
      }
      if (event.type === 'counter.signed_in') this.bookedRun.delete(event.counter);
      if (event.type === 'ticket.issued') {
        const seen = this.numbers.get(event.ticket.day) ?? new Set<string>();
        if (seen.has(event.ticket.number)) fail(`${event.ticket.number} issued twice on ${event.ticket.day}`);
        seen.add(event.ticket.number);
        this.numbers.set(event.ticket.day, seen);
      }
      // A skipped citizen may be put back into the line (reactivation): that is the one way back.
      if (event.type === 'ticket.reactivated') {
        if (before.tickets[event.ticketId]?.status !== 'no_show')
          fail(`${event.ticketId} reactivated, not a no-show`);
        this.final.delete(event.ticketId);
        continue;
      }
      if ('ticketId' in event && event.type !== 'ticket.rated' && this.final.has(event.ticketId)) {
        fail(`${event.type} for ${event.ticketId}, which was already final`);
      }
    }
    for (const t of tickets) if (FINAL.has(t.status)) this.final.add(t.id);

    // Numbers: per service, 1…n without gaps, each once; the printed number matches.
    const bySeq = new Map<string, number[]>();
    for (const t of tickets) {
      const svc = config.services.find((s) => s.prefix === t.issuedService)!;
      if (t.number !== t.issuedService + String(t.serial).padStart(svc.numberWidth, '0'))
        fail(`bad number ${t.number}`);
      if (t.day !== state.day) fail(`ticket ${t.id} of another day`);
      (bySeq.get(t.issuedService) ?? bySeq.set(t.issuedService, []).get(t.issuedService)!).push(t.serial);
    }
    for (const [svc, seqs] of bySeq) {
      seqs.sort((a, b) => a - b);
      if (seqs.some((s, i) => s !== i + 1)) fail(`gaps or repeats in ${svc}: ${seqs.join(',')}`);
      if (state.lastNumber[svc] !== seqs.length)
        fail(`last number of ${svc} is ${state.lastNumber[svc]}, ${seqs.length} tickets`);
    }

    // One ticket per counter, one counter per ticket.
    const holders = new Map<string, number>();
    for (const c of Object.values(state.counters)) {
      if (!c.current) continue;
      const t = state.tickets[c.current] ?? fail(`counter ${c.number} holds unknown ${c.current}`);
      if (t.status !== 'called' && t.status !== 'serving')
        fail(`counter ${c.number} holds a ${t.status} ticket`);
      if (t.counter !== c.number) fail(`counter ${c.number} holds ${t.id} of counter ${t.counter}`);
      if (holders.has(t.id)) fail(`${t.id} at two counters`);
      holders.set(t.id, c.number);
      if (!c.officer) fail(`counter ${c.number} holds a ticket with nobody signed in`);
    }
    for (const t of tickets) {
      if ((t.status === 'called' || t.status === 'serving') && !holders.has(t.id))
        fail(`${t.id} ${t.status} nowhere`);
      if (t.status === 'outside' && t.admittedAt !== null) fail(`${t.id} outside but admitted`);
      if (t.status === 'waiting' && t.admittedAt === null) fail(`${t.id} inside but never admitted`);
    }
    for (const c of Object.values(state.counters)) {
      if (c.priorityInRow > config.fairness.maxPriorityInRow)
        fail(`counter ${c.number}: ${c.priorityInRow} in a row`);
    }

    // The indexes agree with a recount.
    const lines = normalizeLines(state.lines);
    const recount = normalizeLines(recountLines(state));
    if (!isDeepStrictEqual(lines, recount)) expect(lines).toEqual(recount);

    // The hall.
    for (const zone of config.zones) {
      const cap = capacity(config, state, zone.id);
      const occ = occupancyOf(state, zone.id);
      // Let in: new, from outside, or a skipped citizen put back into the line (reactivation).
      const wasOutside = (t: Ticket) =>
        !before.tickets[t.id] || ['outside', 'no_show'].includes(before.tickets[t.id]!.status);
      const entered =
        before.day === state.day
          ? tickets.filter((t) => t.zone === zone.id && IN_HALL.has(t.status) && wasOutside(t))
          : [];
      if (entered.length > 0 && occ > cap && !(entered.length === 1 && occ === entered[0]!.party)) {
        fail(`hall ${zone.id}: ${occ} inside, capacity ${cap}, ${entered.length} just let in`);
      }
      if (
        entered.length === 0 &&
        before.day === state.day &&
        occ > Math.max(cap, occupancyOf(before, zone.id))
      ) {
        fail(`hall ${zone.id} grew to ${occ} with nobody let in`);
      }
      // Nobody waits outside who would fit: the head of the entry line does not fit (or the hall is empty: it would).
      const line = entryLineOf(state, zone.id);
      if (line.length > 0 && (occ === 0 || occ + line[0]!.party <= cap)) {
        fail(`${line[0]!.number} waits outside with ${occ}/${cap} inside`);
      }
      // Entry order: whoever came in from outside had nobody ahead of them left behind.
      if (before.day === state.day) {
        const beforeLine = entryLineOf(before, zone.id);
        for (const [i, t] of beforeLine.entries()) {
          if (!IN_HALL.has(state.tickets[t.id]!.status)) continue; // still outside, or cancelled
          const skipped = beforeLine.slice(0, i).find((a) => state.tickets[a.id]!.status === 'outside');
          if (skipped) fail(`${t.number} let in before ${skipped.number}`);
        }
        // A new ticket goes straight in only if it overtakes nobody outside.
        for (const t of tickets) {
          if (before.tickets[t.id] || t.status !== 'waiting' || t.zone !== zone.id) continue;
          // Ahead of it: every priority ticket for a normal one, and those of its class before it (a
          // booking checked in late is placed ahead of those who came since its slot started).
          const overtaken = beforeLine.find(
            (a) => (!t.priority || a.priority) && (!a.priority !== !t.priority || arrivalOrder(a, t) < 0),
          );
          if (overtaken) fail(`new ${t.number} went in ahead of ${overtaken.number}`);
        }
      }
    }

    // Routing: "call next" gives the oldest eligible ticket of its class, following the fairness rules.
    if (command?.type === 'callNext') {
      const called = out[0]!.event;
      if (called.type !== 'ticket.called') fail('callNext emitted no call');
      const t = before.tickets[called.ticketId]!;
      const cc = config.counters.find((c) => c.number === command.counter)!;
      const waiting = Object.values(before.tickets).filter((w) => w.status === 'waiting');
      const targeted = waiting.filter((w) => w.targetCounter === cc.number);
      const older = (a: Ticket, b: Ticket) => a.queuedAt < b.queuedAt;
      if (targeted.length > 0) {
        if (t.targetCounter !== cc.number)
          fail(`${t.number} called before tickets sent to counter ${cc.number}`);
        const first = targeted.find((w) => older(w, t));
        if (first) fail(`${t.number} called before ${first.number}, sent to counter ${cc.number} earlier`);
      } else {
        const eligible = waiting.filter(
          (w) =>
            w.targetCounter === null &&
            (cc.services.includes(w.service) || (cc.servesAllPriority && w.priority)),
        );
        const due = eligible.filter((w) => dueBooking(w, now));
        if (due.length > 0) {
          this.bookedCall(state, t, eligible, cc.number, now);
          return;
        }
        if ((state.counters[cc.number]!.bookedInRow ?? 0) !== 0)
          fail(`counter ${cc.number} counts bookings in a row after a walk-in`);
        this.bookedRun.set(cc.number, 0);
        const priority = eligible.filter((w) => w.priority);
        const normal = eligible.filter((w) => !w.priority);
        const sameClass = t.priority ? priority : normal;
        const jumped = sameClass.find((w) => older(w, t));
        if (jumped) fail(`counter ${cc.number} called ${t.number} before the older ${jumped.number}`);
        const inRow = before.counters[cc.number]!.priorityInRow;
        const max = config.fairness.maxPriorityInRow;
        const agedBefore = now - config.fairness.agingMinutes * MINUTE;
        const oldestPriority = priority.reduce<Ticket | null>((m, w) => (!m || older(w, m) ? w : m), null);
        if (t.priority) {
          const oldestNormal = normal.reduce<Ticket | null>((m, w) => (!m || older(w, m) ? w : m), null);
          if (oldestNormal && inRow >= max) fail(`${t.number}: priority call ${inRow + 1} in a row`);
          if (oldestNormal && oldestNormal.queuedAt <= agedBefore && older(oldestNormal, t)) {
            fail(`${t.number} called before the aged ${oldestNormal.number}`);
          }
        } else if (
          oldestPriority &&
          inRow < max &&
          !(t.queuedAt <= agedBefore && !older(oldestPriority, t))
        ) {
          fail(`${t.number} called before the priority ticket ${oldestPriority.number}`);
        }
      }
    }
  }

  /**
   * A "call next" while due bookings wait (docs/queue-rules.md, "Bookings"): a due booking heads its
   * line (service and class), earliest slot first; a walk-in goes before it only by the guard; the
   * guard lets no more than `maxBookedInRow` bookings in a row past a walk-in who waited too long;
   * and the queue's own count agrees with the calls.
   */
  bookedCall(state: DayState, t: Ticket, eligible: Ticket[], counter: number, now: number): void {
    const guard = bookingRules(this.config).walkInGuard;
    const line = (w: Ticket) => `${w.service}/${w.priority ? 'p' : 'n'}`;
    const mine = eligible.filter((w) => line(w) === line(t));
    const walkIns = eligible.filter((w) => !dueBooking(w, now));
    const lineWalkIns = mine.filter((w) => !dueBooking(w, now));
    const run = this.bookedRun.get(counter) ?? 0;
    const waitedTooLong = lineWalkIns.some((w) => now - w.queuedAt > guard.afterMinutes * MINUTE);
    if (dueBooking(t, now)) {
      const first = mine.find(
        (w) =>
          dueBooking(w, now) &&
          (w.booking!.slotStart < t.booking!.slotStart ||
            (w.booking!.slotStart === t.booking!.slotStart && waitingOrder(w, t) < 0)),
      );
      if (first) fail(`booking ${t.number} called before the booking ${first.number} of an earlier slot`);
      if (waitedTooLong && run >= guard.maxBookedInRow)
        fail(`booking ${t.number} called after ${run} bookings in a row while a walk-in waited too long`);
      this.bookedRun.set(counter, walkIns.length > 0 ? run + 1 : 0);
    } else {
      // A walk-in: the first of its line, and ahead of a due booking of its line only by the guard.
      const first = lineWalkIns.find((w) => waitingOrder(w, t) < 0);
      if (first) fail(`walk-in ${t.number} called before ${first.number} of its line`);
      const booking = mine.find((w) => dueBooking(w, now));
      if (booking && !(run >= guard.maxBookedInRow && now - t.queuedAt > guard.afterMinutes * MINUTE))
        fail(`walk-in ${t.number} called before the due booking ${booking.number} without the guard`);
      this.bookedRun.set(counter, 0);
    }
    const counted = state.counters[counter]!.bookedInRow ?? 0;
    if (counted !== this.bookedRun.get(counter))
      fail(
        `counter ${counter} counts ${counted} bookings in a row, the calls ${this.bookedRun.get(counter)}`,
      );
  }
}

/** Sign officers in everywhere, lift every closure and serve until nobody is left. */
function drain(
  run: (command: QueueCommand) => Emitted[] | null,
  state: DayState,
  config: OfficeConfig,
): void {
  run({ type: 'setLevel', level: 1 });
  for (const c of config.counters) {
    run({ type: 'setCounterClosed', counter: c.number, closed: false });
    if (state.counters[c.number]!.current)
      run({ type: 'finish', counter: c.number, outcome: { kind: 'other' } });
    run({ type: 'signIn', counter: c.number, officer: officer(`drain-${c.number}`) });
  }
  for (let progress = true; progress;) {
    progress = false;
    for (const c of config.counters) {
      if (run({ type: 'callNext', counter: c.number })) {
        progress = true;
        run({ type: 'finish', counter: c.number, outcome: { kind: 'guided' } });
      }
    }
  }
}

/** Next working day, 08:00, after `now`. */
function nextWorkingMorning(config: OfficeConfig, now: number): number {
  let t = at(8, 0, 0) + Math.ceil((now - at(8, 0, 0) + 1) / 86_400_000) * 86_400_000;
  while (!config.sessions.days.includes(localTime(t, config.sessions.timeZone).weekday)) t += 86_400_000;
  return t;
}

/** Keep the clock in session hours: skip the lunch break, stay before closing. */
function moveClock(config: OfficeConfig, now: number, minutes: number): number {
  const next = now + minutes * MINUTE;
  const local = localTime(next, config.sessions.timeZone).minutes;
  if (local >= 12 * 60 && local < 13 * 60) return next + (13 * 60 - local) * MINUTE;
  if (local >= 17 * 60) return now;
  return next;
}

function runDay(config: OfficeConfig, steps: Step[]): void {
  const state = createDay(config, MONDAY);
  const log: Emitted[] = [];
  const checker = new Checker(config);
  let now = at(8, 0);

  const run = (command: QueueCommand | null): Emitted[] | null => {
    // JSON is several times faster than structuredClone here, and the state is plain data. The checker
    // reads tickets and counters only, so a copy of those is enough for it.
    const snapshot = JSON.stringify(state);
    const before = {
      ...state,
      tickets: Object.fromEntries(Object.entries(state.tickets).map(([id, t]) => [id, { ...t }])),
      counters: Object.fromEntries(Object.entries(state.counters).map(([n, c]) => [n, { ...c }])),
    };
    let out: Emitted[];
    try {
      out = command ? execute(config, state, command, now) : openDayIfNeeded(config, state, now);
    } catch (e) {
      if (!(e instanceof QueueError)) throw e;
      if (JSON.stringify(state) !== snapshot) fail(`refused ${command?.type} (${e.code}) changed the state`);
      return null;
    }
    log.push(...out);
    checker.step(before, state, command, out, now);
    return out;
  };

  for (const step of steps) {
    if (step.op.op === 'nextDay') {
      now = nextWorkingMorning(config, now);
      run(null);
      continue;
    }
    now = moveClock(config, now, step.minutes);
    run(toCommand(config, state, step.op, now));
  }
  drain(run, state, config);
  const left = Object.values(state.tickets).filter((t) => !FINAL.has(t.status));
  if (left.length > 0) fail(`starved: ${left.map((t) => `${t.number}:${t.status}`).join(' ')}`);

  // Replaying the log rebuilds the live state, from the first day or from the last opening.
  const replayed = createDay(config, MONDAY);
  for (const e of log) applyEvent(replayed, e.event, e.at, config);
  expect(replayed).toEqual(state);
  const opened = log.findLastIndex((e) => e.event.type === 'day.opened');
  if (opened >= 0) {
    const fromOpening = createDay(config, '2000-01-01');
    for (const e of log.slice(opened)) applyEvent(fromOpening, e.event, e.at, config);
    expect(fromOpening).toEqual(state);
  }
}

// Each run takes about 1–3 s; the timeout only keeps a loaded machine from failing them.
describe('random office days', { timeout: 30_000 }, () => {
  it('keep every invariant in a small office (3 counters, hall of 4)', () => {
    const config = smallConfig();
    fc.assert(
      fc.property(fc.array(stepArb(config), { minLength: 50, maxLength: 300, size: 'max' }), (steps) =>
        runDay(config, steps),
      ),
      { numRuns: 100 },
    );
  });

  it('keep every invariant in a small office that stops issuing when the wait passes closing', () => {
    const config = smallConfig((c) => {
      c.sessions.stopWhenWaitPastClose = true;
      c.services[0]!.dailyCap = 25;
      c.fairness = { maxPriorityInRow: 1, agingMinutes: 10 };
    });
    fc.assert(
      fc.property(fc.array(stepArb(config), { minLength: 50, maxLength: 300, size: 'max' }), (steps) =>
        runDay(config, steps),
      ),
      { numRuns: 60 },
    );
  });

  it('keep every invariant in the default office (16 counters) with a small hall', () => {
    const config: OfficeConfig = {
      ...profile,
      zones: [{ ...profile.zones[0]!, capacity: { 1: 12, 2: 8, 3: 5, 4: 3 } }],
    };
    fc.assert(
      fc.property(fc.array(stepArb(config), { minLength: 50, maxLength: 300, size: 'max' }), (steps) =>
        runDay(config, steps),
      ),
      { numRuns: 40 },
    );
  });
});
