import { createHash } from 'node:crypto';
import { createDay, type LoggedEvent } from '@luot/core';
import { MONDAY, quocOai } from '@luot/core/testing';
import { DaySimulator, dayProfile, runSync, type ProfileOptions } from '@luot/sim';
import { describe, expect, it } from 'vitest';
import {
  makePlan,
  planIntervals,
  seatOfficers,
  simulateMmc,
  tallyRuns,
  type SimulationSpec,
} from '../src/index.js';

/**
 * The simulated days do not change when the simulator and the core are made faster: for fixed
 * seeds, every event (its time, its content, its order), every final state and every planner
 * figure is the same as before the speed work of issue #16. The digests below were taken from the
 * code before that work (commit 3a4405b); a change that moves any of them changes what the office
 * or the planner would decide, and needs a reason of its own, not "faster".
 */

const digest = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** A day's whole log and end state, with the simulator's own counts. */
function dayDigest(level: 1 | 2 | 3 | 4, seed: number, profile: ProfileOptions = {}) {
  const config = quocOai();
  const sim = new DaySimulator(config, { seed, date: MONDAY, profile });
  const state = createDay(config, MONDAY, level);
  const events: LoggedEvent[] = [];
  runSync(sim, state, (emitted) => {
    for (const e of emitted) events.push({ seq: events.length + 1, at: e.at, event: e.event });
  });
  return { events: events.length, digest: digest({ events, state, stats: sim.stats }) };
}

/** The benchmark's day (scripts/bench/planner.ts): 16 counters, every one staffed all day. */
function benchSpec(runs: number): SimulationSpec {
  const config = quocOai();
  const intervals = planIntervals(config, 30);
  const profile = dayProfile(config);
  const open = (t: string) => config.sessions.periods.some((p) => p.start <= t && t < p.end);
  const openIntervals = intervals.filter(open).length;
  const officers = config.counters.map((c) => ({
    id: `cb${c.number}`,
    name: `Cán bộ ${c.number}`,
    services: c.services,
  }));
  const assignments = intervals.map((t) =>
    open(t) ? Object.fromEntries(config.counters.map((c) => [`cb${c.number}`, c.services[0]!])) : {},
  );
  return {
    request: {
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
    },
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

describe('the simulated days, before and after the speed work', () => {
  it('the default day: the same events and end state for fixed seeds', () => {
    expect([1, 2, 3].map((seed) => dayDigest(1, seed))).toEqual([
      { events: 3126, digest: '52da96e941fb9ca1' },
      { events: 3291, digest: '98345428f3e3d6f8' },
      { events: 3289, digest: '29f052f4a025a6ea' },
    ]);
  });

  it('a crowded day at level 3 (closed counters, a small hall, an entry line outside)', () => {
    expect([dayDigest(3, 11, { load: 1.1 }), dayDigest(4, 12, { load: 0.9 })]).toEqual([
      { events: 4006, digest: 'ce5e87fd10119975' },
      { events: 4965, digest: '23aac0fa5519251e' },
    ]);
  });

  it('the planner’s tally of the benchmark’s day', () => {
    expect(digest(tallyRuns(benchSpec(6)))).toBe('91d224c506e7aa3f');
  });

  it('a whole plan (Erlang C, assignment, adjustment rounds, simulation) and the M/M/c check', () => {
    const config = quocOai();
    const intervals = planIntervals(config, 30);
    const plan = makePlan({
      config,
      date: MONDAY,
      level: 3,
      arrivals: Object.fromEntries(
        config.services.map((s, i) => [s.prefix, intervals.map((t) => (t < '12:00' ? 2 + (i % 4) : 1))]),
      ),
      officers: config.counters.map((c) => ({
        id: `cb${c.number}`,
        name: `Cán bộ ${c.number}`,
        services: c.services,
      })),
      runs: 30,
      seed: 5,
    });
    const mmc = simulateMmc(
      config,
      { counters: 2, load: 0.9, serviceMinutes: 10, hours: 4, runs: 30, seed: 2 },
      MONDAY,
    );
    // The time it took is the one figure that may (and should) change.
    expect([digest({ ...plan, elapsedMs: 0 }), digest(mmc)]).toEqual([
      'e7230fe1246dcff6',
      'f4ce3b76bff31379',
    ]);
  });
});
