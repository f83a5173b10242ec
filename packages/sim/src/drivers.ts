import {
  attempt,
  createDay,
  type DayState,
  type Emitted,
  type LoggedEvent,
  type OfficeConfig,
  type Outcome,
  type QueueCommand,
  type Ticket,
} from '@luot/core';
import {
  DaySimulator,
  type Feedback,
  type SimAction,
  type SimOptions,
  type SimStats,
  type TicketFacts,
} from './simulator.js';

/**
 * Carry a simulated day out on an in-memory day, in virtual time, as fast as the core goes: no
 * promises, no copies. `onEvents` sees what each accepted action emitted.
 */
export function runSync(
  sim: DaySimulator,
  state: DayState,
  onEvents?: (emitted: Emitted[], action: SimAction) => void,
): void {
  const config = sim.config;
  for (let action = sim.next(); action !== null; action = sim.next()) {
    // Refusals as answers, not thrown: an idle counter is refused at every look.
    const emitted = attempt(config, state, action.command, action.at);
    if (!Array.isArray(emitted)) {
      sim.report({ ok: false, code: emitted.code });
      continue;
    }
    onEvents?.(emitted, action);
    sim.report({ ok: true, ticket: ticketOf(state, action.command, emitted) });
  }
}

/** The ticket an accepted command concerns, for the simulator: issued, called, or in hand at sign-in. */
function ticketOf(state: DayState, command: QueueCommand, emitted: Emitted[]): Ticket | null {
  const first = emitted[0]?.event;
  if (first?.type === 'ticket.issued') return state.tickets[first.ticket.id] ?? null;
  if (first?.type === 'ticket.called') return state.tickets[first.ticketId] ?? null;
  if (command.type === 'signIn') {
    const id = state.counters[command.counter]?.current;
    return id ? (state.tickets[id] ?? null) : null;
  }
  return null;
}

export interface SimulatedDay {
  /** The day at its end. */
  state: DayState;
  /** Every event, numbered from 1 as the hub would log them (empty with `events: false`). */
  events: LoggedEvent[];
  /** Every ticket, in the order issued. */
  tickets: Ticket[];
  stats: SimStats;
}

/**
 * A whole simulated day through the real core, synchronously. Deterministic: the same office,
 * seed, date and profile give the same events. `events: false` keeps only the end state (for long
 * runs: a synthetic year, the staffing planner).
 */
export function simulateDay(config: OfficeConfig, options: SimOptions & { events?: boolean }): SimulatedDay {
  const sim = new DaySimulator(config, options);
  const state = createDay(config, options.date);
  const events: LoggedEvent[] = [];
  const keep = options.events !== false;
  runSync(
    sim,
    state,
    keep
      ? (emitted) => {
          for (const e of emitted) events.push({ seq: events.length + 1, at: e.at, event: e.event });
        }
      : undefined,
  );
  const tickets = Object.values(state.tickets).sort((a, b) => a.order - b.order);
  return { state, events, tickets, stats: sim.stats };
}

/** An acknowledgement as the hub gives it: the last seq the command produced. */
export interface Ack {
  seq: number;
}

/**
 * What the live driver needs of one device's connection to the hub. `LuotClient` (@luot/client)
 * is one; a type of our own keeps the simulation free of the network.
 */
export interface LiveDevice {
  issue(p: {
    service: string;
    priority: string | null;
    companions: number;
  }): Promise<Ack & { result: { ticket: TicketFacts } }>;
  signIn(officerId: string, pin: string): Promise<Ack>;
  signOut(close?: boolean): Promise<Ack>;
  callNext(): Promise<Ack>;
  recall(): Promise<Ack>;
  startServing(): Promise<Ack>;
  finish(outcome: Outcome): Promise<Ack>;
  noShow(): Promise<Ack>;
  transfer(to: { toService?: string | null; toCounter?: number | null; note?: string | null }): Promise<Ack>;
  pause(reason: string): Promise<Ack>;
  resume(): Promise<Ack>;
  rate(ticketId: string, score: number | null, reasons?: string[]): Promise<Ack>;
  closeDay(reason: string): Promise<Ack>;
  /** Resolves once the device's copy of the day satisfies `predicate`. */
  waitFor(
    predicate: (s: { seq: number; state: DayState }) => boolean,
  ): Promise<{ seq: number; state: DayState }>;
}

/** The hub as the live driver sees it: a device per actor, the officers' PIN, and the clock. */
export interface LiveHub {
  kiosk(id: string): LiveDevice | Promise<LiveDevice>;
  counter(counter: number): LiveDevice | Promise<LiveDevice>;
  rating(counter: number): LiveDevice | Promise<LiveDevice>;
  /** The supervisor device, with a supervisor signed in. */
  supervisor(): LiveDevice | Promise<LiveDevice>;
  pin(officerId: string): string;
  /** Resolve at the action's virtual time: the demo scales it to the wall clock, a test sets a fake clock. */
  until(at: number): Promise<void>;
}

/**
 * Carry a simulated day out against a live hub, one action at a time, each from its device. A
 * refusal (the hub's or the queue's code) goes back to the simulator like any other answer.
 */
export async function runLive(sim: DaySimulator, hub: LiveHub): Promise<void> {
  for (let action = sim.next(); action !== null; action = sim.next()) {
    await hub.until(action.at);
    sim.report(await perform(hub, action));
  }
}

async function perform(hub: LiveHub, action: SimAction): Promise<Feedback> {
  try {
    return { ok: true, ticket: await send(hub, action) };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return { ok: false, code };
    throw e;
  }
}

/** Send the action's command from its device; returns the ticket the simulator is told about. */
async function send(hub: LiveHub, { by, command: c }: SimAction): Promise<TicketFacts | null> {
  if (c.type === 'issue' && by.role === 'kiosk') {
    const ack = await (
      await hub.kiosk(by.kiosk)
    ).issue({
      service: c.service,
      priority: c.priority,
      companions: c.party - 1,
    });
    return ack.result.ticket;
  }
  if (c.type === 'rate' && by.role === 'rating') {
    await (await hub.rating(by.counter)).rate(c.ticketId, c.score, c.reasons);
    return null;
  }
  if (c.type === 'closeDay') {
    await (await hub.supervisor()).closeDay('Hết giờ làm việc');
    return null;
  }
  if (by.role !== 'counter') throw new Error(`${c.type} from a ${by.role}`);
  const device = await hub.counter(by.counter);
  let ack: Ack;
  switch (c.type) {
    case 'signIn':
      ack = await device.signIn(c.officer.id, hub.pin(c.officer.id));
      break;
    case 'signOut':
      ack = await device.signOut(c.close);
      break;
    case 'callNext':
      ack = await device.callNext();
      break;
    case 'recall':
      ack = await device.recall();
      break;
    case 'startServing':
      ack = await device.startServing();
      break;
    case 'finish':
      ack = await device.finish(c.outcome);
      break;
    case 'noShow':
      ack = await device.noShow();
      break;
    case 'transfer':
      ack = await device.transfer({ toService: c.toService, toCounter: c.toCounter, note: c.note });
      break;
    case 'pause':
      ack = await device.pause(c.reason);
      break;
    case 'resume':
      ack = await device.resume();
      break;
    default:
      throw new Error(`the simulation does not send ${c.type}`);
  }
  if (c.type !== 'signIn' && c.type !== 'callNext') return null;
  // The ticket the counter holds now, from the device's own copy of the day once it has the change.
  const { state } = await device.waitFor((s) => s.seq >= ack.seq);
  const id = state.counters[by.counter]?.current;
  return id ? (state.tickets[id] ?? null) : null;
}
