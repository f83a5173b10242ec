import { MONDAY, quocOai } from '@luot/core/testing';
import { describe, expect, it } from 'vitest';
import { simulateMmc, type MmcCase } from '../src/index.js';

/**
 * The day simulator, on the office's real queue core, against Erlang C on cases where the theory
 * is exact (one line, Poisson arrivals, exponential visits, no hall cap): 1,000 simulated days
 * each, fixed seeds. docs/planner.md has the whole table (c = 1…8, load 0.5–0.95, made by
 * `npm run bench -- planner`); these are the cases cheap enough to run on every commit.
 *
 * What must hold: the mean wait within 5% of Erlang C and Erlang C inside the simulation's 95%
 * interval; the share who wait at all within 5%. P(wait > t) at t = the mean wait of those who wait
 * is a rarer event and its interval is wider (±6% at 1,000 days): Erlang C must lie inside it.
 */
const CASES: MmcCase[] = [
  { counters: 1, load: 0.5, serviceMinutes: 10, hours: 8, runs: 1000, seed: 11 },
  { counters: 2, load: 0.7, serviceMinutes: 10, hours: 8, runs: 1000, seed: 12 },
  { counters: 4, load: 0.7, serviceMinutes: 10, hours: 8, runs: 1000, seed: 13 },
];

describe('the day simulator agrees with Erlang C on M/M/c lines', () => {
  for (const k of CASES) {
    it(`c = ${k.counters}, load ${k.load}`, { timeout: 120_000 }, () => {
      const r = simulateMmc(quocOai(), k, MONDAY);
      const rel = (sim: number, theory: number) => Math.abs(sim / theory - 1);
      const w = r.sim.meanWaitMinutes;
      expect(rel(w.value, r.erlang.meanWaitMinutes)).toBeLessThan(0.05);
      expect(w.low).toBeLessThanOrEqual(r.erlang.meanWaitMinutes);
      expect(r.erlang.meanWaitMinutes).toBeLessThanOrEqual(w.high);
      expect(rel(r.sim.pWait.value, r.erlang.pWait)).toBeLessThan(0.05);
      expect(r.sim.pWaitOverT.low).toBeLessThanOrEqual(r.erlang.pWaitOverT);
      expect(r.erlang.pWaitOverT).toBeLessThanOrEqual(r.sim.pWaitOverT.high);
    });
  }

  it('fails when the simulation is not M/M/c: visits of fixed length wait about half as long', () => {
    // The check can fail: the same line with lognormal visits of small spread (nearly constant)
    // is an M/D/c-like line, whose waits are about half Erlang C's (Pollaczek–Khinchine for c = 1).
    const k = { counters: 1, load: 0.7, serviceMinutes: 10, hours: 8, runs: 200, seed: 5 };
    const r = simulateMmc(quocOai(), k, MONDAY, { kind: 'lognormal', sigma: 0.05 });
    expect(r.sim.meanWaitMinutes.value / r.erlang.meanWaitMinutes).toBeLessThan(0.7);
  });
});
