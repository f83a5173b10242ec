import type { Level, Text } from '@luot/core';
import { assign, type Assignment } from './assign.js';
import { countersNeeded, mmc, servedWithin } from './erlang.js';
import { addMinutes, inSession, planIntervals } from './intervals.js';
import {
  DEFAULT_TARGET,
  type Estimate,
  type HallBreak,
  type PlanBreak,
  type PlanRequest,
  type PlanResult,
  type PlanTarget,
  type ServiceInterval,
  type ServiceTimeModel,
} from './request.js';
import { seatOfficers } from './seats.js';
import { simulatePlan, type SimulatedPlan, type SimulationSpec } from './simulate.js';

/** Default spread of a visit's length when the office has no history (σ of the log). */
export const DEFAULT_SIGMA = 0.5;

/**
 * A day's plan: Erlang C says how many counters each service needs in each interval, the
 * officers are placed where they cover most of it (`assign`, exact), seated on the open counters
 * (`seatOfficers`), and the day simulator runs that staffing `runs` times on the office's real
 * rules. Where the simulation finds a service short of the target in an interval although an
 * officer was free, the need is raised by one there and the plan made again (a few rounds at most:
 * each round only adds counters, so it stops).
 */
export function makePlan(request: PlanRequest): PlanResult {
  const steps = planSteps(request);
  for (let step = steps.next(); ;) {
    if (step.done) return step.value;
    step = steps.next(simulatePlan(step.value));
  }
}

/**
 * `makePlan` with the simulated days shared out by `simulate` (worker threads: `@luot/planner/parallel`).
 * The same steps, so the same plan for the same seed.
 */
export async function makePlanWith(
  request: PlanRequest,
  simulate: (spec: SimulationSpec) => Promise<SimulatedPlan>,
): Promise<PlanResult> {
  const steps = planSteps(request);
  for (let step = steps.next(); ;) {
    if (step.done) return step.value;
    step = steps.next(await simulate(step.value));
  }
}

/**
 * The planning itself, as a generator: it yields each staffing to simulate and takes back what the
 * simulation found, so one piece of code serves the synchronous and the parallel runner.
 */
function* planSteps(request: PlanRequest): Generator<SimulationSpec, PlanResult, SimulatedPlan> {
  const t0 = performance.now();
  const config = request.config;
  const level: Level = request.level ?? config.initialLevel;
  const rules = config.levels[level];
  const minutes = request.intervalMinutes ?? 30;
  const target: PlanTarget = { ...DEFAULT_TARGET, ...request.target };
  const runs = request.runs ?? 1000;
  const intervals = planIntervals(config, minutes);
  const times = serviceTimes(request);
  const restricted = restrictedAt(request, level);
  const openCounters = config.counters.filter((c) => !rules.closedCounters.includes(c.number)).length;

  const erlangNeed = intervals.map((start, i) => {
    const need: Record<string, number> = {};
    for (const s of config.services) {
      const arrivals = restricted.has(s.prefix) ? 0 : (request.arrivals[s.prefix]?.[i] ?? 0);
      need[s.prefix] = inSession(config, start, minutes)
        ? countersNeeded(arrivals / minutes, times[s.prefix]!.meanMinutes, target)
        : 0;
    }
    return need;
  });
  const extra = intervals.map(() => ({}) as Record<string, number>);
  /**
   * What the k-th counter of a service is worth in interval i, when officers are too few for every
   * need: first the citizens it adds to those the line can serve at all in the half hour (a line
   * that overflows gains most), then the share more called within the target (Erlang C).
   */
  const worthIn = (i: number) => (service: string, k: number) => {
    const a = restricted.has(service) ? 0 : (request.arrivals[service]?.[i] ?? 0);
    const m = times[service]!.meanMinutes;
    const served = (c: number) => Math.min(a, (c * minutes) / m);
    const within = (c: number) =>
      c === 0
        ? 0
        : servedWithin(
            { arrivalsPerMinute: a / minutes, serviceMinutes: m, counters: c },
            target.withinMinutes,
          );
    // Citizens served at all come first (×1000): a line that overflows without this counter loses
    // people for good, while a counter that only shortens waits of people who will be served can
    // wait its turn.
    return 1000 * (served(k) - served(k - 1)) + a * (within(k) - within(k - 1));
  };

  let round = 0;
  for (;;) {
    const need = erlangNeed.map((n, i) =>
      Object.fromEntries(Object.entries(n).map(([s, k]) => [s, k + (extra[i]![s] ?? 0)])),
    );
    const assignments: Assignment[] = [];
    intervals.forEach((start, i) => {
      const end = addMinutes(start, minutes);
      const onDuty = request.officers.filter((o) => (o.from ?? '00:00') <= start && end <= (o.to ?? '24:00'));
      // Officers stay on the service they had the half hour before when that covers as much.
      assignments.push(assign(need[i]!, onDuty, openCounters, assignments[i - 1], worthIn(i)));
    });
    const seats = seatOfficers(
      config,
      rules.closedCounters,
      intervals,
      minutes,
      assignments,
      request.officers,
    );
    const sim = yield {
      request,
      level,
      intervals,
      intervalMinutes: minutes,
      target,
      times,
      seats,
      runs: round < ROUNDS ? Math.min(runs, 200) : runs,
    };
    // Raise the need where the simulation misses the target and an officer could have been added.
    let raised = false;
    if (round < ROUNDS) {
      intervals.forEach((_, i) => {
        const placed = Object.keys(assignments[i]!).length;
        for (const s of config.services) {
          const got = sim.perService[s.prefix]?.[i];
          const staffedNow = Object.values(assignments[i]!).filter((x) => x === s.prefix).length;
          if (!got || got.withinTarget.value >= target.share) continue;
          if (staffedNow < need[i]![s.prefix]!) continue; // short of officers already: more need changes nothing
          if (placed >= openCounters) continue;
          extra[i]![s.prefix] = (extra[i]![s.prefix] ?? 0) + 1;
          raised = true;
        }
      });
    }
    if (raised) {
      round++;
      continue;
    }
    if (round < ROUNDS && runs > 200) {
      // The final figures come from the full number of runs.
      round = ROUNDS;
      continue;
    }
    return result(request, {
      level,
      minutes,
      target,
      runs: sim.runs,
      intervals,
      times,
      need,
      assignments,
      seats,
      sim,
      elapsedMs: performance.now() - t0,
    });
  }
}

/** Rounds of "raise the need where the simulation falls short" before the final run. */
const ROUNDS = 3;

function serviceTimes(request: PlanRequest): Record<string, ServiceTimeModel> {
  return Object.fromEntries(
    request.config.services.map((s) => [
      s.prefix,
      request.serviceTimes?.[s.prefix] ?? {
        kind: 'lognormal' as const,
        meanMinutes: s.defaultServiceMinutes,
        sigma: DEFAULT_SIGMA,
      },
    ]),
  );
}

/** Services the level stops taking (no tickets, so no counters for them). */
export function restrictedAt(request: PlanRequest, level: Level): Set<string> {
  const config = request.config;
  const r = config.levels[level].restrictedServices;
  if (r === 'non-essential') return new Set(config.services.filter((s) => !s.essential).map((s) => s.prefix));
  return new Set(r);
}

interface Parts {
  level: Level;
  minutes: number;
  target: PlanTarget;
  runs: number;
  intervals: string[];
  times: Record<string, ServiceTimeModel>;
  need: Array<Record<string, number>>;
  assignments: Assignment[];
  seats: PlanResult['seats'];
  sim: SimulatedPlan;
  elapsedMs: number;
}

function result(request: PlanRequest, p: Parts): PlanResult {
  const config = request.config;
  const perService: PlanResult['perService'] = {};
  for (const s of config.services) {
    perService[s.prefix] = p.intervals.map((_, i): ServiceInterval => {
      const arrivals = request.arrivals[s.prefix]?.[i] ?? 0;
      // Officers the plan puts on this service in this interval (a seat may list more services
      // over the day: its officer changed service; the count is of this half hour).
      const staffed = Object.values(p.assignments[i]!).filter((x) => x === s.prefix).length;
      const q = {
        arrivalsPerMinute: arrivals / p.minutes,
        serviceMinutes: p.times[s.prefix]!.meanMinutes,
        counters: staffed,
      };
      const f = arrivals > 0 ? mmc(q) : null;
      const finite = (x: number | undefined) => (x === undefined ? 0 : Number.isFinite(x) ? x : null);
      return {
        arrivals,
        needed: p.need[i]![s.prefix] ?? 0,
        staffed,
        erlang: {
          meanWaitMinutes: finite(f?.meanWaitMinutes),
          p90WaitMinutes: finite(f?.p90WaitMinutes),
          withinTarget: f ? servedWithin(q, p.target.withinMinutes) : 1,
        },
        sim: p.sim.perService[s.prefix]?.[i] ?? null,
      };
    });
  }
  return {
    date: request.date,
    level: p.level,
    intervalMinutes: p.minutes,
    target: p.target,
    runs: p.runs,
    source: request.source ?? null,
    intervals: p.intervals,
    services: config.services.map((s) => ({ prefix: s.prefix, name: s.name })),
    perService,
    hall: p.sim.hall,
    seats: p.seats,
    breaks: breaksOf(config.services, p.intervals, p.minutes, perService, p.target),
    hallBreaks: hallBreaksOf(p.intervals, p.minutes, p.sim.hall, p.target),
    day: {
      ...p.sim.day,
      countersOpenMax: Math.max(0, ...p.assignments.map((a) => Object.keys(a).length)),
    },
    elapsedMs: Math.round(p.elapsedMs),
  };
}

/**
 * Stretches where a service misses the target: fewer counters than it needs, or (the simulation
 * says) fewer than `share` served in time. Consecutive intervals make one stretch.
 */
function breaksOf(
  services: ReadonlyArray<{ prefix: string; name: Text }>,
  intervals: readonly string[],
  minutes: number,
  perService: PlanResult['perService'],
  target: PlanTarget,
): PlanBreak[] {
  const out: PlanBreak[] = [];
  for (const s of services) {
    let run: Omit<PlanBreak, 'text'> | null = null;
    const close = () => {
      if (run) out.push({ ...run, text: breakText(run, s.name) });
      run = null;
    };
    intervals.forEach((start, i) => {
      const f = perService[s.prefix]![i]!;
      const p90 = f.sim ? f.sim.p90WaitMinutes.value : f.erlang.p90WaitMinutes;
      const short = f.staffed < f.needed || (f.sim !== null && f.sim.withinTarget.value < target.share);
      if (!short || f.arrivals === 0) return close();
      const to = addMinutes(start, minutes);
      const worse = (a: number | null, b: number | null) =>
        a === null || b === null ? null : Math.max(a, b);
      run = run
        ? {
            ...run,
            to,
            needed: Math.max(run.needed, f.needed),
            staffed: Math.min(run.staffed, f.staffed),
            p90WaitMinutes: worse(run.p90WaitMinutes, p90),
          }
        : { service: s.prefix, from: start, to, needed: f.needed, staffed: f.staffed, p90WaitMinutes: p90 };
    });
    close();
  }
  return out.sort((a, b) => a.from.localeCompare(b.from) || a.service.localeCompare(b.service));
}

/**
 * Stretches where the line outside passes the target's maximum ("10:00–11:00 hàng chờ bên ngoài
 * sảnh p95 ≈ 35 người (tối đa 20)"): the hall is full and citizens stand in the street.
 */
function hallBreaksOf(
  intervals: readonly string[],
  minutes: number,
  hall: PlanResult['hall'],
  target: PlanTarget,
): HallBreak[] {
  const out: HallBreak[] = [];
  let run: Omit<HallBreak, 'text'> | null = null;
  const close = () => {
    if (run) {
      const n = Math.round(run.outsideP95);
      out.push({
        ...run,
        text: {
          vi: `${run.from}–${run.to} hàng chờ bên ngoài sảnh p95 ≈ ${n} người (tối đa ${run.outsideMax}): sảnh đầy`,
          en: `${run.from}–${run.to} the line outside the hall p95 ≈ ${n} people (at most ${run.outsideMax}): the hall is full`,
        },
      });
    }
    run = null;
  };
  intervals.forEach((start, i) => {
    const h = hall[i]!;
    if (h.outsideP95 <= target.outsideMax) return close();
    const to = addMinutes(start, minutes);
    run = run
      ? { ...run, to, outsideP95: Math.max(run.outsideP95, h.outsideP95) }
      : { from: start, to, outsideP95: h.outsideP95, outsideMax: target.outsideMax };
  });
  close();
  return out;
}

/** "10:00–11:30 Đất đai cần 4 quầy, chỉ có 3 cán bộ: chờ p90 ≈ 55 phút" */
export function breakText(b: Omit<PlanBreak, 'text'>, name: Text): Text {
  const wait =
    b.p90WaitMinutes === null
      ? { vi: 'hàng chờ dài thêm liên tục', en: 'the line keeps growing' }
      : {
          vi: `chờ p90 ≈ ${Math.round(b.p90WaitMinutes)} phút`,
          en: `p90 wait ≈ ${Math.round(b.p90WaitMinutes)} min`,
        };
  if (b.staffed >= b.needed && b.staffed > 0) {
    // Staffed as Erlang C asks, yet the simulation misses the target: a line carried over from
    // before, or the hall's cap. Say so rather than "needs 2, 4 officers are not enough".
    return {
      vi: `${b.from}–${b.to} ${name.vi}: ${b.staffed} quầy vẫn chưa đủ, ${wait.vi}`,
      en: `${b.from}–${b.to} ${name.en}: ${b.staffed} counters are not enough, ${wait.en}`,
    };
  }
  const have =
    b.staffed === 0
      ? { vi: 'không có cán bộ nào', en: 'no officer can take it' }
      : { vi: `chỉ có ${b.staffed} cán bộ`, en: `only ${b.staffed} officer${b.staffed > 1 ? 's' : ''}` };
  return {
    vi: `${b.from}–${b.to} ${name.vi} cần ${b.needed} quầy, ${have.vi}: ${wait.vi}`,
    en: `${b.from}–${b.to} ${name.en} needs ${b.needed} counters, ${have.en}: ${wait.en}`,
  };
}

export type { Estimate };
