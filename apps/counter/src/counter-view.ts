import {
  closedAtLevel,
  counterClosure,
  counterServices,
  counterConfig,
  serviceCounts,
  type CounterConfig,
  type CounterState,
  type CounterStatus,
  type DayState,
  type OfficeConfig,
  type Text,
  type Ticket,
} from '@luot/core';
import { nextTickets } from './next-tickets.js';

export type CounterAction =
  | 'callNext'
  | 'callTicket'
  | 'recall'
  | 'startServing'
  | 'finish'
  | 'noShow'
  | 'transfer'
  | 'pause'
  | 'resume'
  | 'signOut';

/** Why "call next" is not possible now, in the order an officer needs to know it. */
export type CallBlocker =
  'offline' | 'closed_by_supervisor' | 'closed_at_level' | 'paused' | 'not_open' | 'busy' | 'queue_empty';

export interface ServiceLine {
  prefix: string;
  name: Text;
  waiting: number;
  outside: number;
}

export interface CounterView {
  number: number;
  config: CounterConfig;
  counter: CounterState;
  /** The ticket in hand: always the hub's `counters[n].current`, never local state. */
  ticket: Ticket | null;
  closedAtLevel: boolean;
  closedBySupervisor: boolean;
  /** Waiting and outside counts for each service this counter calls. */
  services: ServiceLine[];
  /** Priority tickets of other services this counter also calls (a counter that serves all priority). */
  otherPriority: number;
  /** The next tickets in the order the hub would call them. */
  next: Ticket[];
  callBlocker: CallBlocker | null;
  can: Record<CounterAction, boolean>;
}

/**
 * Everything the officer's screen shows, derived from the hub's day. The rules are the hub's
 * (a refused command still shows the hub's message); this only greys out what cannot work.
 */
export function counterView(
  config: OfficeConfig,
  state: DayState,
  n: number,
  now: number,
  online: boolean,
  nextLimit = 6,
): CounterView | null {
  const cc = counterConfig(config, n);
  const cs = state.counters[n];
  if (!cc || !cs) return null;
  const ticket = cs.current ? (state.tickets[cs.current] ?? null) : null;
  const atLevel = closedAtLevel(config, state, n);
  const next = nextTickets(config, state, n, now, nextLimit);

  // Today's services: the office head may have changed them on the console.
  const own = counterServices(config, state, n);
  const services = own.map((prefix) => {
    const svc = config.services.find((s) => s.prefix === prefix);
    return { prefix, name: svc?.name ?? { vi: prefix, en: prefix }, ...serviceCounts(state, prefix) };
  });
  let otherPriority = 0;
  if (cc.servesAllPriority) {
    for (const [service, lines] of Object.entries(state.lines.waiting)) {
      if (!own.includes(service)) otherPriority += lines.priority.length;
    }
  }

  const callBlocker = callBlockerOf(config, state, cs, ticket, next.length, online);
  const called = ticket?.status === 'called';
  const canCall = callBlocker === null;
  return {
    number: n,
    config: cc,
    counter: cs,
    ticket,
    closedAtLevel: atLevel,
    closedBySupervisor: cs.closedBySupervisor,
    services,
    otherPriority,
    next,
    callBlocker,
    can: {
      callNext: canCall,
      callTicket: canCall,
      recall: online && called,
      startServing: online && called,
      finish: online && !!ticket,
      noShow: online && called,
      transfer: online && !!ticket,
      pause: online && cs.status === 'open' && !ticket,
      resume: online && cs.status === 'paused',
      signOut: online && !ticket,
    },
  };
}

/**
 * Why the counter cannot call now, in the order the hub refuses a call: who closed the counter is
 * core's rule (`counterClosure`), the rest is the counter's own state.
 */
function callBlockerOf(
  config: OfficeConfig,
  state: DayState,
  cs: CounterState,
  ticket: Ticket | null,
  waiting: number,
  online: boolean,
): CallBlocker | null {
  if (!online) return 'offline';
  const closure = counterClosure(config, state, cs.number);
  if (closure === 'supervisor') return 'closed_by_supervisor';
  if (closure === 'level') return 'closed_at_level';
  if (cs.status === 'paused') return 'paused';
  if (cs.status !== 'open') return 'not_open';
  if (ticket) return 'busy';
  if (waiting === 0) return 'queue_empty';
  return null;
}

/** What the header's badge says about the counter. */
export type StatusBadge = CounterStatus | 'disconnected' | 'closed_by_supervisor' | 'closed_at_level';

/**
 * The supervisor or the distancing level closes a counter without touching its status (the officer
 * stays signed in, 'open'), so the badge says so first, in the banner's order. Offline, the last
 * known state may be stale: the badge says that instead.
 */
export function statusBadge(view: CounterView, online: boolean): StatusBadge {
  if (!online) return 'disconnected';
  if (view.closedBySupervisor) return 'closed_by_supervisor';
  if (view.closedAtLevel) return 'closed_at_level';
  return view.counter.status;
}
