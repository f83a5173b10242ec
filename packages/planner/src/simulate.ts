import { createDay, parseHm, type Level, type OfficeConfig } from '@luot/core';
import { DaySimulator, localMidnight, runSync, type ProfileOptions, type StaffPlan } from '@luot/sim';
import type {
  Estimate,
  HallInterval,
  PlanRequest,
  PlanSeat,
  PlanTarget,
  ServiceTimeModel,
} from './request.js';
import { addMinutes } from './intervals.js';
import { counterServices } from './seats.js';

/**
 * The check on the queueing formulas: the proposed staffing run `runs` times through the day
 * simulator (`@luot/sim`, the one that makes the demo's day and the synthetic history), which
 * drives the office's real queue core — priorities, the hall's cap and its entry line, recalls and
 * no-shows, transfers, the level's closed counters and services, the stop before closing.
 *
 * Every run's figures go into a `Tally` of plain numbers, so runs can be split over worker threads
 * and the tallies merged (`mergeTallies`) in any order; `summarise` turns a tally into estimates
 * with 95% confidence intervals over the runs.
 */

const MINUTE = 60_000;
/** Events after which the people inside or outside may have changed (the rest leave the hall as it is). */
function changesHall(type: string): boolean {
  switch (type) {
    case 'ticket.issued':
    case 'ticket.admitted':
    case 'ticket.finished':
    case 'ticket.no_show':
    case 'ticket.cancelled':
    case 'ticket.reactivated':
    case 'ticket.transferred':
    case 'level.changed':
    case 'day.opened':
      return true;
    default:
      return false;
  }
}

/** Batches for the confidence interval of a percentile (sectioning): runs are split in this many. */
const BATCHES = 20;

export interface SimulationSpec {
  request: PlanRequest;
  level: Level;
  intervals: readonly string[];
  intervalMinutes: number;
  target: PlanTarget;
  times: Record<string, ServiceTimeModel>;
  seats: readonly PlanSeat[];
  runs: number;
  /** First run's index (worker threads take a range each); seed = request.seed + index. */
  firstRun?: number;
}

/** Per (service, interval) of issue: what the runs saw. Plain arrays: it crosses worker threads. */
export interface Tally {
  runs: number;
  /** key "prefix|interval" → per run: citizens, summed wait (min), served within the target. */
  perKey: Record<string, { n: number[]; wait: number[]; within: number[]; waits: number[][] }>;
  /** Per run, the whole day. */
  day: { n: number[]; wait: number[]; within: number[] };
  /** Per interval: time-weighted histograms (minutes at each count) of people inside / outside. */
  inside: number[][];
  outside: number[][];
}

export interface SimulatedPlan {
  runs: number;
  perService: Record<
    string,
    Array<{ meanWaitMinutes: Estimate; p90WaitMinutes: Estimate; withinTarget: Estimate } | null>
  >;
  hall: HallInterval[];
  day: { citizens: Estimate; meanWaitMinutes: Estimate; withinTarget: Estimate };
}

export function simulatePlan(spec: SimulationSpec): SimulatedPlan {
  return summarise(spec, tallyRuns(spec));
}

/** The office as the simulation runs it: each seated counter takes the services its seats give it. */
export function plannedConfig(config: OfficeConfig, seats: readonly PlanSeat[]): OfficeConfig {
  const services = counterServices(seats);
  return {
    ...config,
    sessions: { ...config.sessions, alwaysOpen: false },
    counters: config.counters.map((c) => {
      const s = services.get(c.number);
      return s ? { ...c, services: s } : c;
    }),
  };
}

/** Seats as the simulator's staff: one desk per officer and counter, a shift per seat. */
export function staffOf(seats: readonly PlanSeat[]): StaffPlan[] {
  const desks = new Map<string, StaffPlan>();
  for (const s of [...seats].sort((a, b) => a.from.localeCompare(b.from))) {
    const key = `${s.officerId}@${s.counter}`;
    const desk = desks.get(key) ?? {
      counter: s.counter,
      officer: { id: s.officerId, name: s.officerName },
      shifts: [],
    };
    desk.shifts.push({ start: s.from, end: s.to });
    desks.set(key, desk);
  }
  return [...desks.values()];
}

/** The simulator's profile for a plan: the request's arrivals and visit lengths, the seats as staff. */
export function profileOf(spec: SimulationSpec): ProfileOptions {
  const { request, intervals, intervalMinutes, times } = spec;
  const arrivals: NonNullable<ProfileOptions['arrivals']> = {};
  for (const s of request.config.services) {
    const expected = request.arrivals[s.prefix] ?? [];
    arrivals[s.prefix] = intervals
      .map((start, i) => ({
        start,
        end: addMinutes(start, intervalMinutes),
        expected: expected[i] ?? 0,
      }))
      .filter((a) => a.expected > 0);
  }
  return {
    arrivals,
    serviceMinutes: Object.fromEntries(Object.entries(times).map(([p, t]) => [p, t.meanMinutes])),
    serviceLaw: Object.fromEntries(
      Object.entries(times).map(([p, t]) => [
        p,
        t.kind === 'exponential'
          ? { kind: 'exponential' as const }
          : { kind: 'lognormal' as const, sigma: t.sigma },
      ]),
    ),
    staff: staffOf(spec.seats),
    // Ratings change no wait; leaving them out spares a command per visit.
    rating: { share: 0, scores: [1] },
  };
}

/** Run the simulated days and tally what matters to the plan. */
export function tallyRuns(spec: SimulationSpec): Tally {
  const { request, intervals, intervalMinutes, target } = spec;
  const config = plannedConfig(request.config, spec.seats);
  const profile = profileOf(spec);
  const midnight = localMidnight(request.date, config.sessions.timeZone);
  const dayStart = midnight + parseHm(intervals[0] ?? '00:00') * MINUTE;
  const span = intervalMinutes * MINUTE;
  const count = intervals.length;
  const tally = emptyTally(count);
  const targetMs = target.withinMinutes * MINUTE;
  const first = spec.firstRun ?? 0;

  // The tally's slots by number (service × interval), so a run's bookkeeping is array indexing;
  // `perKey` gets each slot under its name when first seen, in the same order as ever.
  const serviceIndex = new Map(config.services.map((s, i) => [s.prefix, i]));
  const zones = config.zones.map((z) => z.id);
  const slots: Array<Tally['perKey'][string] | undefined> = [];
  const seen: number[] = []; // slot numbers in the order `perKey` lists them
  // This run's sums per slot; `touched` lists the slots it wrote, to clear them for the next run.
  const size = config.services.length * count;
  const runN = new Float64Array(size);
  const runWait = new Float64Array(size);
  const runWithin = new Float64Array(size);
  const touched: number[] = [];

  for (let r = 0; r < spec.runs; r++) {
    const run = first + r;
    const batch = run % BATCHES;
    const sim = new DaySimulator(config, { seed: (request.seed ?? 1) + run, date: request.date, profile });
    const state = createDay(config, request.date, spec.level);
    const day = { n: 0, wait: 0, within: 0 };
    const record = (service: string, issuedAt: number, wait: number) => {
      const i = Math.min(count - 1, Math.max(0, Math.floor((issuedAt - dayStart) / span)));
      const k = serviceIndex.get(service)! * count + i;
      let slot = slots[k];
      if (!slot) {
        slot = slots[k] = tally.perKey[`${service}|${i}`] = emptyKey();
        seen.push(k);
      }
      if (runN[k] === 0) touched.push(k);
      const ok = wait <= targetMs ? 1 : 0;
      runN[k]! += 1;
      runWait[k]! += wait / MINUTE;
      runWithin[k]! += ok;
      day.n++;
      day.wait += wait / MINUTE;
      day.within += ok;
      (slot.waits[batch] ??= []).push(wait / MINUTE);
    };
    // The hall, weighted by time: people inside and outside from one change to the next.
    let lastAt = dayStart;
    let inside = 0;
    let outside = 0;
    const hold = (until: number) => {
      for (let t = lastAt; t < until;) {
        const i = Math.floor((t - dayStart) / span);
        const end = Math.min(until, dayStart + (i + 1) * span);
        if (i >= 0 && i < count) {
          add(tally.inside[i]!, inside, (end - t) / MINUTE);
          add(tally.outside[i]!, outside, (end - t) / MINUTE);
        }
        t = end;
      }
      lastAt = Math.max(lastAt, until);
    };

    runSync(sim, state, (emitted, action) => {
      let hall = false;
      for (let e = 0; e < emitted.length; e++) {
        const event = emitted[e]!.event;
        if (!hall && changesHall(event.type)) hall = true;
        if (event.type !== 'ticket.called') continue;
        const t = state.tickets[event.ticketId]!;
        // Its first call (a recall counts again): a citizen's wait ends when they are first called.
        if (t.callCount === 1) record(t.issuedService, t.issuedAt, action.at - t.issuedAt);
      }
      if (!hall) return;
      hold(action.at);
      // Every ticket waits in a zone of the configuration (it is checked): those are all the keys.
      const { occupancy, outside: entry } = state.lines;
      inside = 0;
      outside = 0;
      for (const zone of zones) {
        inside += occupancy[zone] ?? 0;
        const o = entry[zone];
        if (o) outside += o.priority.length + o.normal.length;
      }
    });
    hold(dayStart + count * span);
    // Never called (sent home at closing): they waited until then, and not within the target.
    const closedAt = Math.max(lastAt, dayStart + count * span);
    for (const id in state.tickets) {
      const t = state.tickets[id]!;
      if (t.callCount === 0)
        record(t.issuedService, t.issuedAt, Math.max(closedAt - t.issuedAt, targetMs + 1));
    }
    for (const k of seen) {
      const slot = slots[k]!;
      // Runs are listed in order; a run with nobody in this slot counts zeros (the ratio needs them).
      slot.n[r] = runN[k]!;
      slot.wait[r] = runWait[k]!;
      slot.within[r] = runWithin[k]!;
    }
    for (const k of touched) runN[k] = runWait[k] = runWithin[k] = 0;
    touched.length = 0;
    tally.day.n.push(day.n);
    tally.day.wait.push(day.wait);
    tally.day.within.push(day.within);
    tally.runs++;
  }
  // Slots first seen in a later run have holes for the runs before: zeros.
  for (const slot of Object.values(tally.perKey)) {
    for (const arr of [slot.n, slot.wait, slot.within]) for (let r = 0; r < spec.runs; r++) arr[r] ??= 0;
  }
  return tally;
}

/** Tallies of disjoint run ranges, as one. */
export function mergeTallies(parts: readonly Tally[], intervals: number): Tally {
  const out = emptyTally(intervals);
  for (const part of parts) {
    const before = out.runs;
    for (const [key, slot] of Object.entries(part.perKey)) {
      const o = (out.perKey[key] ??= emptyKey());
      for (const arr of ['n', 'wait', 'within'] as const) {
        // Runs before this part in which the slot was not seen yet: zeros (the runs up to its length are there).
        for (let r = o[arr].length; r < before; r++) o[arr][r] = 0;
        for (const x of slot[arr]) o[arr].push(x);
      }
      slot.waits.forEach((w, b) => {
        if (w) (o.waits[b] ??= []).push(...w);
      });
    }
    for (const slot of Object.values(out.perKey)) {
      for (const arr of ['n', 'wait', 'within'] as const) {
        for (let r = slot[arr].length; r < before + part.runs; r++) slot[arr][r] = 0;
      }
    }
    out.day.n.push(...part.day.n);
    out.day.wait.push(...part.day.wait);
    out.day.within.push(...part.day.within);
    part.inside.forEach((h, i) => h.forEach((m, k) => add(out.inside[i]!, k, m)));
    part.outside.forEach((h, i) => h.forEach((m, k) => add(out.outside[i]!, k, m)));
    out.runs += part.runs;
  }
  return out;
}

export function summarise(spec: SimulationSpec, tally: Tally): SimulatedPlan {
  const { request, intervals, level } = spec;
  const config = request.config;
  const perService: SimulatedPlan['perService'] = {};
  for (const s of config.services) {
    perService[s.prefix] = intervals.map((_, i) => {
      const slot = tally.perKey[`${s.prefix}|${i}`];
      if (!slot || slot.n.every((n) => n === 0)) return null;
      return {
        meanWaitMinutes: ratio(slot.wait, slot.n),
        p90WaitMinutes: sectioned(slot.waits, 0.9),
        withinTarget: ratio(slot.within, slot.n, 1),
      };
    });
  }
  const capacity = config.zones.reduce((c, z) => c + z.capacity[level], 0);
  return {
    runs: tally.runs,
    perService,
    hall: intervals.map((_, i) => ({
      capacity,
      occupancyP95: histogramQuantile(tally.inside[i]!, 0.95),
      outsideP95: histogramQuantile(tally.outside[i]!, 0.95),
    })),
    day: {
      citizens: meanEstimate(tally.day.n),
      meanWaitMinutes: ratio(tally.day.wait, tally.day.n),
      withinTarget: ratio(tally.day.within, tally.day.n, 1),
    },
  };
}

// ── Estimates ────────────────────────────────────────────────────────────────────────────────

/** Mean of per-run values, ± 1.96 standard errors. */
export function meanEstimate(xs: readonly number[]): Estimate {
  const n = xs.length;
  if (n === 0) return { value: 0, low: 0, high: 0 };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1) : 0;
  const half = 1.96 * Math.sqrt(variance / n);
  return { value: mean, low: mean - half, high: mean + half };
}

/**
 * A ratio over runs (total wait over total citizens): each run is one independent sample of the
 * pair, so the interval comes from the ratio estimator's variance (the delta method) — citizens
 * within a day are not independent of each other (one slow visit delays all behind it).
 */
export function ratio(num: readonly number[], den: readonly number[], bound = Infinity): Estimate {
  const n = num.length;
  const N = den.reduce((a, b) => a + b, 0);
  if (N === 0) return { value: 0, low: 0, high: 0 };
  const R = num.reduce((a, b) => a + b, 0) / N;
  const meanDen = N / n;
  let s = 0;
  for (let r = 0; r < n; r++) s += (num[r]! - R * den[r]!) ** 2;
  const se = n > 1 ? Math.sqrt(s / (n * (n - 1))) / meanDen : 0;
  // Waits and shares are never negative; a share never passes 1 (`bound` says which applies).
  return { value: R, low: Math.max(0, R - 1.96 * se), high: Math.min(bound, R + 1.96 * se) };
}

/**
 * A percentile with its interval by sectioning: the percentile of all waits, and the spread of
 * the percentiles of each batch of runs (t-distribution with batches − 1 degrees of freedom).
 */
export function sectioned(batches: ReadonlyArray<readonly number[] | undefined>, p: number): Estimate {
  const all = batches.flatMap((b) => b ?? []);
  const value = quantile(all, p);
  const each = batches.filter((b): b is number[] => !!b && b.length > 0).map((b) => quantile(b, p));
  if (each.length < 2) return { value, low: value, high: value };
  const m = each.reduce((a, b) => a + b, 0) / each.length;
  const sd = Math.sqrt(each.reduce((a, x) => a + (x - m) ** 2, 0) / (each.length - 1));
  const half = (T975[each.length - 1] ?? 1.96) * (sd / Math.sqrt(each.length));
  return { value, low: Math.max(0, value - half), high: value + half };
}

/** Student's t, 97.5% quantile, by degrees of freedom (1…19), for the sectioned interval. */
const T975 = [
  NaN,
  12.706,
  4.303,
  3.182,
  2.776,
  2.571,
  2.447,
  2.365,
  2.306,
  2.262,
  2.228,
  2.201,
  2.179,
  2.16,
  2.145,
  2.131,
  2.12,
  2.11,
  2.101,
  2.093,
];

export function quantile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const sorted = Float64Array.from(xs).sort();
  // The smallest value with at least p of the values at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function histogramQuantile(h: readonly number[], p: number): number {
  const total = h.reduce((a, b) => a + (b ?? 0), 0);
  if (total === 0) return 0;
  let acc = 0;
  for (let k = 0; k < h.length; k++) {
    acc += h[k] ?? 0;
    if (acc >= p * total) return k;
  }
  return h.length - 1;
}

// ── Plumbing ─────────────────────────────────────────────────────────────────────────────────

function emptyTally(intervals: number): Tally {
  return {
    runs: 0,
    perKey: {},
    day: { n: [], wait: [], within: [] },
    inside: Array.from({ length: intervals }, () => []),
    outside: Array.from({ length: intervals }, () => []),
  };
}

function emptyKey(): Tally['perKey'][string] {
  return { n: [], wait: [], within: [], waits: [] };
}

function add(h: number[], k: number, minutes: number): void {
  for (let j = h.length; j <= k; j++) h[j] = 0;
  h[k]! += minutes;
}
