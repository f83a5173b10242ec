import type { OfficeConfig } from './config.js';
import { counterAvailable, counterStaffed, countersServing } from './counters.js';
import type { DayState } from './model.js';
import { ticketPosition } from './views.js';

export interface WaitEstimate {
  /** Tickets waiting inside or outside that will be called first: the whole service, or for a priority ticket its priority tickets. */
  peopleAhead: number;
  /** Counters taken into account (staffed ones, or available ones before officers sign in). */
  counters: number;
  /** Average service time in minutes (recent real times, or the configured default). */
  serviceMinutes: number;
  /** null when no counter serves the service now. */
  minutes: number | null;
}

/**
 * Expected wait for a new ticket of the service: people ahead shared among its counters. A priority
 * ticket is called before normal ones (routing.ts), so only the priority tickets are ahead of it, and
 * counters that take every priority ticket count too.
 */
export function estimateWait(
  config: OfficeConfig,
  state: DayState,
  service: string,
  priority = false,
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
  const minutes = counters === 0 ? null : Math.ceil((peopleAhead / counters) * serviceMinutes);
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
    minutes:
      est.minutes === null || est.counters === 0
        ? null
        : Math.ceil((ahead / est.counters) * est.serviceMinutes),
  };
}
