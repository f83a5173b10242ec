import type { OfficeConfig } from '@luot/core';
import { Random, simulateDay, type ProfileOptions } from '@luot/sim';
import { erlangC, mmc } from './erlang.js';
import { meanEstimate, ratio } from './simulate.js';
import type { Estimate } from './request.js';

/**
 * The check of the day simulator against queueing theory: an office reduced to one M/M/c line
 * (one service, `counters` counters, Poisson arrivals, exponential visits, nobody late or absent,
 * no walking or paperwork between citizens, a hall that never fills), simulated through the real
 * core, whose mean wait and P(wait > t) must agree with Erlang C.
 *
 * Erlang C describes the line in its steady state; a day starts empty. So each simulated day opens
 * with the number of citizens the steady state would have at a random moment already at the door
 * (drawn from the M/M/c distribution; Poisson arrivals see time averages), and only those who
 * arrive afterwards are measured: every measured citizen then meets the steady state, however
 * short the day, and the runs are independent samples of it.
 */

export interface MmcCase {
  counters: number;
  /** Utilisation ρ = λ / (c·μ). */
  load: number;
  serviceMinutes: number;
  /** Length of each simulated day, hours. */
  hours: number;
  runs: number;
  seed: number;
}

export interface MmcResult {
  erlang: { meanWaitMinutes: number; pWait: number; pWaitOverT: number };
  /** t of P(wait > t): the mean wait of those who wait, 1 / (cμ − λ). */
  tMinutes: number;
  sim: { meanWaitMinutes: Estimate; pWait: Estimate; pWaitOverT: Estimate; citizens: number };
}

/** The default office reduced to one line of `counters` counters (the base's first service). */
export function mmcOffice(base: OfficeConfig, counters: number, hours: number): OfficeConfig {
  const service = { ...base.services[0]!, dailyCap: undefined, essential: true };
  const zone = service.zone;
  const end = 8 * 60 + hours * 60;
  return {
    ...base,
    services: [service],
    counters: Array.from({ length: counters }, (_, i) => ({
      ...base.counters[0]!,
      number: i + 1,
      services: [service.prefix],
      servesAllPriority: false,
    })),
    zones: base.zones
      .filter((z) => z.id === zone)
      .map((z) => ({ ...z, capacity: { 1: 100_000, 2: 100_000, 3: 100_000, 4: 100_000 } })),
    levels: {
      1: open(base.levels[1]),
      2: open(base.levels[2]),
      3: open(base.levels[3]),
      4: open(base.levels[4]),
    },
    initialLevel: 1,
    priorityCategories: [],
    sessions: {
      ...base.sessions,
      periods: [
        {
          start: '08:00',
          end: `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`,
        },
      ],
      stopWhenWaitPastClose: false,
      holidays: [],
      alwaysOpen: false,
    },
  };
}

/** A level that closes nothing: the line is the whole office. */
function open(rules: OfficeConfig['levels'][1]): OfficeConfig['levels'][1] {
  return { ...rules, closedCounters: [], restrictedServices: [] };
}

/** P(N = n) of the M/M/c line in its steady state, n = 0…, until the tail is negligible. */
export function steadyStateCounts(counters: number, offered: number): number[] {
  const rho = offered / counters;
  const terms: number[] = [1];
  for (let n = 1; n < 100_000; n++) {
    const prev = terms[n - 1]!;
    const next = n <= counters ? (prev * offered) / n : prev * rho;
    terms.push(next);
    if (n > counters && next < 1e-12 * terms.reduce((a, b) => a + b, 0)) break;
  }
  const total = terms.reduce((a, b) => a + b, 0);
  return terms.map((t) => t / total);
}

export function simulateMmc(
  base: OfficeConfig,
  k: MmcCase,
  date: string,
  /** Another law for the visits (a test that the check can fail); exponential by default. */
  law: { kind: 'exponential' } | { kind: 'lognormal'; sigma: number } = { kind: 'exponential' },
): MmcResult {
  const config = mmcOffice(base, k.counters, k.hours);
  const prefix = config.services[0]!.prefix;
  const mu = 1 / k.serviceMinutes;
  const lambda = k.load * k.counters * mu;
  const offered = lambda / mu;
  const drain = k.counters * mu - lambda;
  const tMinutes = 1 / drain;
  const theory = mmc({ arrivalsPerMinute: lambda, serviceMinutes: k.serviceMinutes, counters: k.counters });
  const C = erlangC(offered, k.counters);
  const steady = steadyStateCounts(k.counters, offered);
  // Cumulative, for drawing the number at the door.
  const cdf: number[] = [];
  steady.reduce((acc, p, i) => (cdf[i] = acc + p), 0);

  const halfHours = Array.from({ length: k.hours * 2 }, (_, i) => {
    const m = 8 * 60 + i * 30;
    const hm = (x: number) =>
      `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
    return { start: hm(m), end: hm(m + 30), expected: lambda * 30 };
  });
  const wait: number[] = [];
  const waited: number[] = [];
  const over: number[] = [];
  const n: number[] = [];
  // A stream of its own for the number at the door, apart from the days' seeds.
  const door = Random.seeded(k.seed * 7919 + 1);
  for (let r = 0; r < k.runs; r++) {
    const u = door.float();
    let atDoor = cdf.findIndex((c) => u < c);
    if (atDoor < 0) atDoor = cdf.length - 1;
    const profile: ProfileOptions = {
      arrivals: { [prefix]: halfHours },
      opening: { [prefix]: atDoor },
      serviceMinutes: { [prefix]: k.serviceMinutes },
      serviceLaw: { [prefix]: law },
      priority: {},
      companions: [1],
      late: 0,
      noShow: 0,
      transfer: 0,
      outcomes: { guided: 1 },
      rating: { share: 0, scores: [1] },
      closeDay: false,
      pace: { early: [0, 0], walk: [0, 0], gap: [0, 0], notice: [0, 0], overtime: 100_000, recallAfter: 1 },
      staff: config.counters.map((c) => ({
        counter: c.number,
        officer: { id: `cb${c.number}`, name: `Cán bộ ${c.number}` },
        shifts: [config.sessions.periods[0]!],
      })),
    };
    const day = simulateDay(config, { seed: k.seed + r, date, profile, events: false });
    // Those at the door were issued first (by order); the rest arrived into the steady state.
    const measured = day.tickets.slice(atDoor);
    let w = 0;
    let some = 0;
    let o = 0;
    for (const t of measured) {
      const minutes = (t.calledAt! - t.issuedAt) / 60_000;
      w += minutes;
      if (minutes > 0) some++;
      if (minutes > tMinutes) o++;
    }
    wait.push(w);
    waited.push(some);
    over.push(o);
    n.push(measured.length);
  }
  return {
    erlang: {
      meanWaitMinutes: theory.meanWaitMinutes,
      pWait: C,
      pWaitOverT: C * Math.exp(-drain * tMinutes),
    },
    tMinutes,
    sim: {
      meanWaitMinutes: ratio(wait, n),
      pWait: ratio(waited, n, 1),
      pWaitOverT: ratio(over, n, 1),
      citizens: meanEstimate(n).value * k.runs,
    },
  };
}
