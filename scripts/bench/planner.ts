import { quocOai, MONDAY } from '@luot/core/testing';
import {
  countersNeeded,
  planIntervals,
  seatOfficers,
  simulateMmc,
  simulatePlan,
  type PlanRequest,
  type SimulationSpec,
} from '@luot/planner';
import { PlanWorkers } from '@luot/planner/parallel';
import { dayProfile } from '@luot/sim';
import { round } from './stats.js';

/**
 * The planner's figures: one day of the default office (16 counters, its whole staff, the
 * simulator's default busy day) simulated 1,000 times, on one thread and over worker threads;
 * beside it, the substrate — Erlang C for every service and half hour of the same day, and one
 * simulated day alone.
 */
export async function benchPlanner(runs = 1000) {
  const spec = benchPlannerSpec(runs);
  // Erlang C for the day: 14 services × 18 half hours, the queueing formulas alone.
  const erlangStart = performance.now();
  let erlangRounds = 0;
  do {
    for (const s of spec.request.config.services)
      for (const a of spec.request.arrivals[s.prefix] ?? [])
        countersNeeded(a / 30, s.defaultServiceMinutes, spec.target);
    erlangRounds++;
  } while (performance.now() - erlangStart < 200);
  const erlangDayMs = (performance.now() - erlangStart) / erlangRounds;

  // Warm the JIT on a few days, then one thread. Its CPU time beside the wall clock: on a VM whose
  // two cores are shared, the CPU time a day takes moves far less than the time it waits for a core.
  simulatePlan({ ...spec, runs: 20 });
  const oneStart = performance.now();
  const cpuStart = process.cpuUsage();
  const one = simulatePlan({ ...spec, runs: Math.min(runs, 200) });
  const cpu = process.cpuUsage(cpuStart);
  const oneThreadRunsPerSecond = one.runs / ((performance.now() - oneStart) / 1000);
  const oneThreadCpuMsPerDay = (cpu.user + cpu.system) / 1000 / one.runs;

  const workers = new PlanWorkers();
  try {
    await workers.simulate({ ...spec, runs: 40 }); // warm the workers
    const start = performance.now();
    const all = await workers.simulate(spec);
    // Per 1,000 runs, as the target is put.
    const ms = ((performance.now() - start) * 1000) / all.runs;
    return {
      day: { counters: 16, citizens: round(all.day.citizens.value, 1), runs: all.runs },
      workers: workers.size,
      thousandRunsMs: round(ms, 0),
      runsPerSecond: round(1000 / (ms / 1000), 1),
      target: { thousandRunsMs: 2000, met: ms < 2000 },
      oneThreadRunsPerSecond: round(oneThreadRunsPerSecond, 1),
      oneThreadCpuMsPerDay: round(oneThreadCpuMsPerDay, 2),
      substrate: { erlangCDayMs: round(erlangDayMs, 3) },
      withinTarget: round(all.day.withinTarget.value, 3),
    };
  } finally {
    await workers.close();
  }
}

/** The plan of the default day: the simulator's default arrivals cut in half hours, every officer seated. */
export function benchPlannerSpec(runs: number): SimulationSpec {
  const config = quocOai();
  const intervals = planIntervals(config, 30);
  const profile = dayProfile(config);
  const open = (t: string) => config.sessions.periods.some((p) => p.start <= t && t < p.end);
  const openIntervals = intervals.filter(open).length;
  const request: PlanRequest = {
    config,
    date: MONDAY,
    arrivals: Object.fromEntries(
      config.services.map((s) => [
        s.prefix,
        intervals.map((t) => (open(t) ? (profile.volume[s.prefix] ?? 0) / openIntervals : 0)),
      ]),
    ),
    officers: [],
    runs,
    seed: 1,
  };
  // Every counter staffed all day with its configured services, as the office runs today.
  const assignments = intervals.map((t) =>
    open(t) ? Object.fromEntries(config.counters.map((c) => [`cb${c.number}`, c.services[0]!])) : {},
  );
  const officers = config.counters.map((c) => ({
    id: `cb${c.number}`,
    name: `Cán bộ ${c.number}`,
    services: c.services,
  }));
  return {
    request,
    level: 1,
    intervals,
    intervalMinutes: 30,
    target: { withinMinutes: 30, share: 0.8, outsideMax: 20 },
    times: Object.fromEntries(
      config.services.map((s) => [
        s.prefix,
        { kind: 'lognormal' as const, meanMinutes: s.defaultServiceMinutes, sigma: 0.5 },
      ]),
    ),
    seats: seatOfficers(config, [], intervals, 30, assignments, officers),
    runs,
  };
}

/** The simulator against Erlang C over the grid of docs/planner.md (minutes; `npm run bench -- mmc`). */
export function benchMmc() {
  const rows = [];
  for (const counters of [1, 2, 4, 8]) {
    for (const load of [0.5, 0.7, 0.9, 0.95]) {
      const r = simulateMmc(
        quocOai(),
        { counters, load, serviceMinutes: 10, hours: 8, runs: 1000, seed: 1 },
        MONDAY,
      );
      const f = (e: { value: number; low: number; high: number }, d = 3) =>
        `${e.value.toFixed(d)} [${e.low.toFixed(d)}, ${e.high.toFixed(d)}]`;
      rows.push({
        c: counters,
        load,
        meanWaitErlang: round(r.erlang.meanWaitMinutes, 3),
        meanWaitSim: f(r.sim.meanWaitMinutes),
        meanWaitError: `${((r.sim.meanWaitMinutes.value / r.erlang.meanWaitMinutes - 1) * 100).toFixed(1)}%`,
        pWaitErlang: round(r.erlang.pWait, 4),
        pWaitSim: f(r.sim.pWait, 4),
        tMinutes: round(r.tMinutes, 2),
        pOverTErlang: round(r.erlang.pWaitOverT, 4),
        pOverTSim: f(r.sim.pWaitOverT, 4),
      });
    }
  }
  return rows;
}
