import {
  counterClosure,
  counterServices,
  estimateWait,
  openCountersServing,
  servicesWithoutCounter,
  type DayState,
  type OfficeConfig,
  type Ticket,
} from '@luot/core';

/**
 * What the monitor's tables show, read from the day through the core's helpers (no queue rule is
 * worked out here): one row per counter and per service.
 */
export interface CounterRow {
  number: number;
  agency: OfficeConfig['counters'][number]['agency'];
  status: DayState['counters'][number]['status'];
  /** Why it cannot call today (the supervisor, the level, its officer), or null. */
  closure: ReturnType<typeof counterClosure>;
  closedReason: string | null;
  pauseReason: string | null;
  officer: string | null;
  current: Ticket | null;
  servedToday: number;
  /** Mean minutes per finished visit today, or null before the first. */
  meanServiceMinutes: number | null;
  services: string[];
  /** The supervisor changed its services for today. */
  servicesChanged: boolean;
}

export function counterRows(config: OfficeConfig, state: DayState): CounterRow[] {
  const done = new Map<number, number[]>();
  for (const t of Object.values(state.tickets)) {
    if (t.status !== 'done' || t.counter === null || t.finishedAt === null) continue;
    const start = t.servingAt ?? t.calledAt ?? t.finishedAt;
    done.set(t.counter, [...(done.get(t.counter) ?? []), t.finishedAt - start]);
  }
  return config.counters.map((cc) => {
    const c = state.counters[cc.number]!;
    const times = done.get(cc.number) ?? [];
    return {
      number: cc.number,
      agency: cc.agency,
      status: c.status,
      closure: counterClosure(config, state, cc.number),
      closedReason: c.closedReason,
      pauseReason: c.pauseReason,
      officer: c.officer?.name ?? null,
      current: c.current ? (state.tickets[c.current] ?? null) : null,
      servedToday: times.length,
      meanServiceMinutes: times.length ? times.reduce((a, b) => a + b, 0) / times.length / 60_000 : null,
      services: counterServices(config, state, cc.number),
      servicesChanged: c.services !== null,
    };
  });
}

export interface ServiceRow {
  prefix: string;
  name: OfficeConfig['services'][number]['name'];
  /** Waiting inside or outside the hall. */
  waiting: number;
  /** When the longest-waiting citizen took their number, or null. */
  longestSince: number | null;
  /** The estimate a new ticket would be told, [from, to] minutes; null when no counter calls. */
  estimate: [number, number] | null;
  openCounters: number[];
  /** People wait and no counter calls for it any more (`servicesWithoutCounter`). */
  noCounter: boolean;
}

export function serviceRows(config: OfficeConfig, state: DayState): ServiceRow[] {
  const lost = new Set(servicesWithoutCounter(config, state).map((s) => s.service));
  const longest = new Map<string, number>();
  for (const t of Object.values(state.tickets)) {
    if (t.status !== 'waiting' && t.status !== 'outside') continue;
    longest.set(t.service, Math.min(longest.get(t.service) ?? Infinity, t.issuedAt));
  }
  return config.services.map((s) => ({
    prefix: s.prefix,
    name: s.name,
    waiting: state.lines.queued[s.prefix] ?? 0,
    longestSince: longest.get(s.prefix) ?? null,
    estimate: estimateWait(config, state, s.prefix).range,
    openCounters: openCountersServing(config, state, s.prefix),
    noCounter: lost.has(s.prefix),
  }));
}

/** A ticket of today by its printed number ("c001" finds C001), or null. */
export function findTicket(state: DayState, number: string): Ticket | null {
  const n = number.trim().toUpperCase();
  if (!n) return null;
  return Object.values(state.tickets).find((t) => t.number === n) ?? null;
}

/**
 * The latest calls into the hall: citizens who waited outside and were let in (the entry line),
 * newest first, while they are still in the hall.
 */
export function entryCalls(state: DayState, max = 5): Ticket[] {
  return Object.values(state.tickets)
    .filter((t) => t.admittedAt !== null && t.admittedAt > t.issuedAt && t.status === 'waiting')
    .sort((a, b) => b.admittedAt! - a.admittedAt! || b.order - a.order)
    .slice(0, max);
}
