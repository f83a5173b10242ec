import type { OfficeConfig } from './config.js';
import { staffedCount } from './counters.js';
import { fitsOnIssue } from './flow.js';
import type { DayState } from './model.js';
import { ticketPosition } from './views.js';

/** Width of the range a wait is told in, in minutes: "khoảng 15–20 phút". */
export const WAIT_STEP_MINUTES = 5;

export interface WaitEstimate {
  /** Tickets waiting inside or outside that will be called first: the whole service, or for a priority ticket its priority tickets. */
  peopleAhead: number;
  /** Counters calling citizens now that would call this ticket: staffed (signed in, not paused). */
  counters: number;
  /** Average service time in minutes (today's finished tickets, or the configured default). */
  serviceMinutes: number;
  /** null when no counter serving the service is staffed now, or when a priority ticket would wait outside the hall. */
  minutes: number | null;
  /** What every screen and the paper tell the citizen: `minutes` rounded to 5-minute steps; null with `minutes`. */
  range: WaitRange | null;
}

/** [from, to] in minutes, multiples of `WAIT_STEP_MINUTES`, `to = from + 5`; [0, 5] reads "under 5 minutes". */
export type WaitRange = [number, number];

/**
 * The range a wait is told in. A figure to the minute promised more than the rule knows (one long
 * dossier shifts everyone), so every screen and the paper say the 5-minute step it falls in.
 */
export function waitRange(minutes: number): WaitRange {
  const from = Math.floor(Math.max(0, minutes) / WAIT_STEP_MINUTES) * WAIT_STEP_MINUTES;
  return [from, from + WAIT_STEP_MINUTES];
}

/** Counters, service minutes and the shared rule, for a new ticket and for one already in line. */
interface Throughput {
  counters: number;
  serviceMinutes: number;
}

function throughput(config: OfficeConfig, state: DayState, service: string, priority: boolean): Throughput {
  // Only counters calling now: before officers sign in (or while all are paused) nobody calls, and
  // counting merely open counters told the hall "under a minute" while nobody was there.
  return {
    counters: staffedCount(config, state, service, priority),
    serviceMinutes: serviceMinutes(config, state, service),
  };
}

/** The mean of the service's recent visits (today's), or the configured default before any. */
function serviceMinutes(config: OfficeConfig, state: DayState, service: string): number {
  const times = state.serviceTimes[service];
  if (times && times.length > 0) {
    let sum = 0;
    for (const t of times) sum += t;
    return sum / times.length / 60_000;
  }
  for (const s of config.services) if (s.prefix === service) return s.defaultServiceMinutes;
  return 10;
}

/** The one rule: people ahead shared among the counters calling them, each taking the mean service time. */
function waitFor(ahead: number, t: Throughput): { minutes: number | null; range: WaitRange | null } {
  if (t.counters === 0) return { minutes: null, range: null };
  const exact = (ahead / t.counters) * t.serviceMinutes;
  return { minutes: Math.ceil(exact), range: waitRange(exact) };
}

/**
 * Expected wait for a new ticket of the service: people ahead shared among its staffed counters. A
 * priority ticket is called before normal ones (routing.ts), so only the priority tickets are ahead of
 * it, and counters that take every priority ticket count too. `party` is the citizen and companions.
 */
export function estimateWait(
  config: OfficeConfig,
  state: DayState,
  service: string,
  priority = false,
  party = 1,
): WaitEstimate {
  const svc = config.services.find((s) => s.prefix === service);
  const peopleAhead = priority ? priorityQueued(state, service) : (state.lines.queued[service] ?? 0);
  const t = throughput(config, state, service, priority);
  // A priority ticket that goes outside waits first for room in the hall, which depends on every
  // service's tickets inside, not on its own (often empty) priority line: counting only that line
  // promised "under a minute" to someone told to wait outside. Its place in the entry line is what it
  // is told instead. (A normal ticket's line counts the whole service, outside too.)
  const outside = priority && svc !== undefined && !fitsOnIssue(config, state, svc.zone, party, true);
  const wait = outside ? { minutes: null, range: null } : waitFor(peopleAhead, t);
  return { peopleAhead, ...t, ...wait };
}

/** Priority tickets of the service waiting inside or outside. */
function priorityQueued(state: DayState, service: string): number {
  let n = state.lines.waiting[service]?.priority.length ?? 0;
  for (const zone of Object.values(state.lines.outside))
    for (const id of zone.priority) if (state.tickets[id]!.service === service) n++;
  return n;
}

/**
 * `estimateWait(…).minutes` for a citizen alone, without the rest of the estimate: the queue asks
 * it on every ticket it issues (is the wait past closing?), and a simulated day issues hundreds.
 */
export function waitMinutes(
  config: OfficeConfig,
  state: DayState,
  service: string,
  priority = false,
  /** Its staffed counters, when the caller has counted them (`staffedCount`). */
  staffed?: number,
): number | null {
  if (priority) {
    const svc = config.services.find((s) => s.prefix === service);
    if (svc !== undefined && !fitsOnIssue(config, state, svc.zone, 1, true)) return null;
  }
  const counters = staffed ?? staffedCount(config, state, service, priority);
  if (counters === 0) return null;
  const ahead = priority ? priorityQueued(state, service) : (state.lines.queued[service] ?? 0);
  return Math.ceil((ahead / counters) * serviceMinutes(config, state, service));
}

/** Where a ticket already in line stands and how long it should still wait. */
export interface TicketWait {
  /** Tickets called before it (see `ticketPosition`); 0 once it has been called. */
  ahead: number;
  /** Place in the entry line while it waits outside the hall. */
  entryPlace: number | null;
  /** null when no counter serving it is staffed now. */
  minutes: number | null;
  /** As `WaitEstimate.range`. */
  range: WaitRange | null;
}

/**
 * The wait of one issued ticket, by the same rule as `estimateWait` for a new one: the people ahead
 * of it shared among the counters that would call it. The phone page and the hub's ticket view read
 * this; the kiosk reads `estimateWait` at the moment of issue.
 */
export function ticketWait(config: OfficeConfig, state: DayState, ticketId: string): TicketWait | null {
  const t = state.tickets[ticketId];
  if (!t) return null;
  const { ahead, entryPlace } = ticketPosition(state, ticketId)!;
  return { ahead, entryPlace, ...waitFor(ahead, throughput(config, state, t.service, t.priority !== null)) };
}
