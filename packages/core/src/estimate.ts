import type { OfficeConfig } from './config.js';
import { counterAvailable, counterStaffed, countersServing } from './counters.js';
import { fitsOnIssue } from './flow.js';
import type { DayState } from './model.js';
import { ticketPosition } from './views.js';

export interface WaitEstimate {
  /** Tickets waiting inside or outside that will be called first: the whole service, or for a priority ticket its priority tickets. */
  peopleAhead: number;
  /** Counters taken into account (staffed ones, or available ones before officers sign in). */
  counters: number;
  /** Average service time in minutes (recent real times, or the configured default). */
  serviceMinutes: number;
  /** null when no counter serves the service now, or when a priority ticket would wait outside the hall. */
  minutes: number | null;
}

/**
 * Expected wait for a new ticket of the service: people ahead shared among its counters. A priority
 * ticket is called before normal ones (routing.ts), so only the priority tickets are ahead of it, and
 * counters that take every priority ticket count too. `party` is the citizen and companions.
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
  const serving = countersServing(config, service, priority).map((c) => c.number);
  const staffed = serving.filter((n) => counterStaffed(config, state, n)).length;
  const counters = staffed || serving.filter((n) => counterAvailable(config, state, n)).length;
  const times = state.serviceTimes[service] ?? [];
  const serviceMinutes =
    times.length > 0
      ? times.reduce((a, b) => a + b, 0) / times.length / 60_000
      : (svc?.defaultServiceMinutes ?? 10);
  // A priority ticket that goes outside waits first for room in the hall, which depends on every
  // service's tickets inside, not on its own (often empty) priority line: counting only that line
  // promised "under a minute" to someone told to wait outside. Its place in the entry line is what it
  // is told instead. (A normal ticket's line counts the whole service, outside too.)
  const outside = priority && svc !== undefined && !fitsOnIssue(config, state, svc.zone, party, true);
  const minutes = counters === 0 || outside ? null : Math.ceil((peopleAhead / counters) * serviceMinutes);
  return { peopleAhead, counters, serviceMinutes, minutes };
}

/** Priority tickets of the service waiting inside or outside. */
function priorityQueued(state: DayState, service: string): number {
  let n = state.lines.waiting[service]?.priority.length ?? 0;
  for (const zone of Object.values(state.lines.outside))
    for (const id of zone.priority) if (state.tickets[id]!.service === service) n++;
  return n;
}

/** Where a ticket already in line stands and how long it should still wait. */
export interface TicketWait {
  /** Tickets called before it (see `ticketPosition`); 0 once it has been called. */
  ahead: number;
  /** Place in the entry line while it waits outside the hall. */
  entryPlace: number | null;
  /** null when no counter serves it now. */
  minutes: number | null;
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
  const est = estimateWait(config, state, t.service, t.priority !== null);
  return {
    ahead,
    entryPlace,
    minutes: est.counters === 0 ? null : Math.ceil((ahead / est.counters) * est.serviceMinutes),
  };
}
