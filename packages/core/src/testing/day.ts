import type { Level, OfficeConfig } from '../config.js';
import type { QueueCommand } from '../commands.js';
import { QueueError } from '../errors.js';
import type { LoggedEvent } from '../events.js';
import type { DayState, Officer, Outcome, Ticket, TicketBooking } from '../model.js';
import { execute, openDayIfNeeded } from '../queue.js';
import { applyEvent, createDay } from '../state.js';
import { at, MINUTE, MONDAY, quocOai } from './office.js';

/** An officer as the tests sign them in: `officer('cb5')`. */
export function officer(id: string, name = `Cán bộ ${id}`): Officer {
  return { id, name, agency: { vi: '', en: '' } };
}

export interface DayOptions {
  /** The office (default: Quốc Oai). */
  config?: OfficeConfig;
  /** The calendar day (default MONDAY). */
  date?: string;
  /** The clock at the start (default 09:00 on MONDAY). */
  start?: number;
  /** Milliseconds the clock moves on after each command, so that every event has its own time (default 0). */
  step?: number;
  /** Go on from this day instead of a fresh one (it is changed in place), numbering events after `seq`. */
  state?: DayState;
  seq?: number;
}

export interface IssueOptions {
  priority?: string | null;
  /** The citizen plus companions (default 1). */
  party?: number;
  kioskId?: string | null;
  /** Check a booked citizen in: the booking's code and slot. */
  booking?: TicketBooking | null;
}

/**
 * What the hub sends a screen that asks for the day. It has the shape of @luot/protocol's
 * `Snapshot` (the core cannot name it), so screens' code takes it as it is.
 */
export interface DaySnapshot {
  seq: number;
  serverTime: number;
  config: OfficeConfig;
  state: DayState;
  printers: Record<string, never>;
}

/**
 * A day under test, driven through the real queue core: a clock you move, commands run at it, and
 * every event kept as the hub would log and stream it (`seq` from 1). The helpers are shorthands
 * for the commands tests use most; `run` takes any command. A refusal throws the core's QueueError.
 *
 *   const day = new Day().signIn(5);
 *   const c001 = day.issue('C');
 *   day.advance(2).callNext(5);
 *   announcementsFor(day.finish(5).last, day.state);
 */
export class Day {
  readonly state: DayState;
  now: number;
  /** The last event's seq. */
  seq: number;
  /** Every event so far. */
  readonly log: LoggedEvent[] = [];
  /** The events of the last command. */
  last: LoggedEvent[] = [];
  readonly config: OfficeConfig;
  private readonly step: number;

  constructor(opts: DayOptions = {}) {
    this.config = opts.config ?? quocOai();
    this.state = opts.state ?? createDay(this.config, opts.date ?? MONDAY);
    this.now = opts.start ?? at(9);
    this.seq = opts.seq ?? 0;
    this.step = opts.step ?? 0;
  }

  /** Run a command at `now` (which then becomes the clock); returns its events. */
  run(command: QueueCommand, now = this.now): LoggedEvent[] {
    this.now = now;
    return this.keep(execute(this.config, this.state, command, now));
  }

  /** The hub's rollover at `now`: a new calendar day closes the old one and opens the new one. */
  rollover(now: number): LoggedEvent[] {
    this.now = now;
    return this.keep(openDayIfNeeded(this.config, this.state, now));
  }

  private keep(emitted: Array<{ event: LoggedEvent['event']; at: number }>): LoggedEvent[] {
    this.last = emitted.map(({ event, at }) => ({ seq: ++this.seq, at, event }));
    this.log.push(...this.last);
    this.now += this.step;
    return this.last;
  }

  advance(minutes: number): this {
    this.now += minutes * MINUTE;
    return this;
  }

  /** Issue a ticket (priority by category id, or options); returns it as it stands in the day. */
  issue(service: string, opts: IssueOptions | string | null = {}): Ticket {
    const o: IssueOptions = typeof opts === 'string' || opts === null ? { priority: opts } : opts;
    const [first] = this.run({
      type: 'issue',
      service,
      priority: o.priority ?? null,
      party: o.party ?? 1,
      kioskId: o.kioskId === undefined ? 'kiosk-1' : o.kioskId,
      ...(o.booking ? { booking: o.booking } : {}),
    });
    if (first?.event.type !== 'ticket.issued') throw new Error('issue emitted no ticket');
    return this.state.tickets[first.event.ticket.id]!;
  }

  /** Sign an officer in: by default `cb<counter>` ("Cán bộ <counter>"), as the test hub has them. */
  signIn(counter: number, who: string | Officer = officer(`cb${counter}`, `Cán bộ ${counter}`)): this {
    this.run({ type: 'signIn', counter, officer: typeof who === 'string' ? officer(who) : who });
    return this;
  }

  signOut(counter: number, close = false): this {
    this.run({ type: 'signOut', counter, close });
    return this;
  }

  /** "Call next" at the counter; returns the ticket called. */
  callNext(counter: number): Ticket {
    return this.called(this.run({ type: 'callNext', counter }));
  }

  callTicket(counter: number, ticketId: string): Ticket {
    return this.called(this.run({ type: 'callTicket', counter, ticketId }));
  }

  private called(events: LoggedEvent[]): Ticket {
    const call = events[0]?.event;
    if (call?.type !== 'ticket.called') throw new Error('nobody was called');
    return this.state.tickets[call.ticketId]!;
  }

  recall(counter: number): this {
    this.run({ type: 'recall', counter });
    return this;
  }

  startServing(counter: number): this {
    this.run({ type: 'startServing', counter });
    return this;
  }

  finish(counter: number, outcome: Outcome = { kind: 'guided' }): this {
    this.run({ type: 'finish', counter, outcome });
    return this;
  }

  noShow(counter: number): this {
    this.run({ type: 'noShow', counter });
    return this;
  }

  /** Put a no-show ticket back into its line, asked by a counter or (null) the supervisor. */
  reactivate(ticketId: string, by: number | null = null): this {
    this.run({ type: 'reactivate', ticketId, counter: by });
    return this;
  }

  /** Transfer the ticket in hand to another service, or to a named counter. */
  transfer(counter: number, to: { service?: string; counter?: number; note?: string }): this {
    this.run({
      type: 'transfer',
      counter,
      toService: to.service ?? null,
      toCounter: to.counter ?? null,
      note: to.note ?? null,
    });
    return this;
  }

  pause(counter: number, reason = 'Nghỉ giải lao'): this {
    this.run({ type: 'pause', counter, reason });
    return this;
  }

  resume(counter: number): this {
    this.run({ type: 'resume', counter });
    return this;
  }

  rate(ticketId: string, score: number | null, reasons: string[] = []): this {
    this.run({ type: 'rate', ticketId, score, reasons });
    return this;
  }

  cancel(ticketId: string, reason = 'left'): this {
    this.run({ type: 'cancel', ticketId, reason });
    return this;
  }

  setLevel(level: Level): this {
    this.run({ type: 'setLevel', level });
    return this;
  }

  setCounterClosed(counter: number, closed: boolean): this {
    this.run({ type: 'setCounterClosed', counter, closed });
    return this;
  }

  closeDay(): this {
    this.run({ type: 'closeDay' });
    return this;
  }

  /** Call and finish at one counter until its queue is empty; returns the numbers in call order. */
  serveAll(counter: number, max = 100): string[] {
    const numbers: string[] = [];
    for (let i = 0; i < max; i++) {
      let t: Ticket;
      try {
        t = this.callNext(counter);
      } catch (e) {
        if (e instanceof QueueError && e.code === 'QUEUE_EMPTY') break;
        throw e;
      }
      numbers.push(t.number);
      this.finish(counter);
    }
    return numbers;
  }

  /** A ticket by its printed number (today's). */
  ticket(number: string): Ticket {
    const t = Object.values(this.state.tickets).find((t) => t.number === number);
    if (!t) throw new Error(`no ticket ${number}`);
    return t;
  }

  /** The ticket the counter holds, if any. */
  inHand(counter: number): Ticket | null {
    const id = this.state.counters[counter]?.current;
    return id ? this.state.tickets[id]! : null;
  }

  /** The day as the hub would send it to a screen now: a copy, as if it came over the network. */
  snapshot(): DaySnapshot {
    return {
      seq: this.seq,
      serverTime: this.now,
      config: this.config,
      state: structuredClone(this.state),
      printers: {},
    };
  }
}

/** Replay logged events onto a fresh day (how the hub rebuilds a day after a restart). */
export function replay(
  config: OfficeConfig,
  log: ReadonlyArray<{ event: LoggedEvent['event']; at: number }>,
  date = MONDAY,
): DayState {
  const state = createDay(config, date);
  for (const e of log) applyEvent(state, e.event, e.at, config);
  return state;
}
