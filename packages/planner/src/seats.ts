import type { OfficeConfig } from '@luot/core';
import type { Assignment } from './assign.js';
import { addMinutes } from './intervals.js';
import type { PlanOfficer, PlanSeat } from './request.js';

/**
 * From "who serves what in each interval" to seats a head can hand out: each officer's unbroken
 * stretches of duty become one seat each (a counter, its services, from–to), and the seats are put
 * on the counters the level leaves open.
 *
 * Seats are laid on counters in order of their start, each on a counter free by then — the classic
 * greedy colouring of intervals, which never needs more counters than the busiest interval has
 * seats (and `assign` never seats more than the open counters). Among free counters it prefers the
 * one that already serves exactly these services in the configuration, then the one sharing most,
 * so the day changes as few counters as it can (a counter's services are set for the whole day);
 * and above all an officer's afternoon seat goes on their morning's counter when it is free.
 */
export function seatOfficers(
  config: OfficeConfig,
  closedCounters: readonly number[],
  intervals: readonly string[],
  intervalMinutes: number,
  assignments: readonly Assignment[],
  officers: readonly PlanOfficer[],
): PlanSeat[] {
  const stretches: Array<Omit<PlanSeat, 'counter'>> = [];
  for (const o of officers) {
    let open: Omit<PlanSeat, 'counter'> | null = null;
    intervals.forEach((start, i) => {
      const service = assignments[i]?.[o.id];
      if (service === undefined) {
        if (open) stretches.push(open);
        open = null;
        return;
      }
      const end = addMinutes(start, intervalMinutes);
      if (open) {
        open.to = end;
        if (!open.services.includes(service)) open.services.push(service);
      } else open = { officerId: o.id, officerName: o.name, services: [service], from: start, to: end };
    });
    if (open) stretches.push(open);
  }
  stretches.sort((a, b) => a.from.localeCompare(b.from) || a.officerId.localeCompare(b.officerId));

  const counters = config.counters.filter((c) => !closedCounters.includes(c.number));
  const freeAt = new Map<number, string>(counters.map((c) => [c.number, '00:00']));
  const seatsAt = new Map<number, Set<string>>();
  const officerAt = new Map<string, number>();
  const seats: PlanSeat[] = [];
  for (const s of stretches) {
    const free = counters.filter((c) => freeAt.get(c.number)! <= s.from);
    if (free.length === 0) continue; // cannot happen: assign seats no more than the open counters
    const want = new Set(s.services);
    const score = (c: (typeof counters)[number]) => {
      const had = seatsAt.get(c.number);
      // The officer's own counter of the morning, for the afternoon: nobody moves desks at lunch.
      const own = officerAt.get(s.officerId) === c.number;
      const same = had !== undefined && had.size === want.size && [...had].every((x) => want.has(x));
      if (own) return same ? 4000 : 3500;
      // Same services as the seat already on this counter today: the counter's day needs no change.
      if (same) return 3000;
      if (had) return -1000; // a counter keeps one set of services for the day: mixing blurs it
      const configured = new Set(c.services);
      if (configured.size === want.size && s.services.every((x) => configured.has(x))) return 2000;
      return s.services.filter((x) => configured.has(x)).length;
    };
    const best = free.reduce((a, b) => (score(b) > score(a) ? b : a));
    freeAt.set(best.number, s.to);
    officerAt.set(s.officerId, best.number);
    seatsAt.set(best.number, new Set([...(seatsAt.get(best.number) ?? []), ...s.services]));
    seats.push({ ...s, counter: best.number });
  }
  return seats.sort((a, b) => a.counter - b.counter || a.from.localeCompare(b.from));
}

/** Each counter's services for the day, as the seats put them (the union of its seats'). */
export function counterServices(seats: readonly PlanSeat[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const s of seats) {
    const had = out.get(s.counter) ?? [];
    out.set(s.counter, [...had, ...s.services.filter((x) => !had.includes(x))]);
  }
  return out;
}
