import { describe, expect, it } from 'vitest';
import { countersNeeded, erlangB, erlangC, mmc, servedWithin } from '../src/index.js';

describe('Erlang B and C', () => {
  it('match values worked by hand from the closed forms', () => {
    // A = 2 Erlangs on 3 counters: B = (8/6) / (1 + 2 + 2 + 8/6) = 4/19; C = 3B / (3 − 2(1 − B)) = 4/9.
    expect(erlangB(2, 3)).toBeCloseTo(4 / 19, 12);
    expect(erlangC(2, 3)).toBeCloseTo(4 / 9, 12);
    // One counter: an M/M/1 queue waits with probability ρ.
    expect(erlangC(0.7, 1)).toBeCloseTo(0.7, 12);
  });

  it('stays finite for a large office', () => {
    const c = erlangC(140, 160);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  });

  it('says "always wait" when the counters cannot keep up', () => {
    expect(erlangC(3, 3)).toBe(1);
    expect(mmc({ arrivalsPerMinute: 1, serviceMinutes: 4, counters: 3 }).meanWaitMinutes).toBe(Infinity);
  });
});

describe('one service line', () => {
  it('M/M/1: mean wait ρ/(μ − λ), p90 from the exponential tail', () => {
    // λ = 0.1/min, 8 min each: ρ = 0.8, μ − λ = 0.025/min → mean wait 32 min.
    const f = mmc({ arrivalsPerMinute: 0.1, serviceMinutes: 8, counters: 1 });
    expect(f.utilisation).toBeCloseTo(0.8, 12);
    expect(f.meanWaitMinutes).toBeCloseTo(32, 9);
    // P(W > t) = 0.8·e^(−0.025 t) = 0.1 → t = ln 8 / 0.025.
    expect(f.p90WaitMinutes).toBeCloseTo(Math.log(8) / 0.025, 9);
    expect(
      servedWithin({ arrivalsPerMinute: 0.1, serviceMinutes: 8, counters: 1 }, f.p90WaitMinutes),
    ).toBeCloseTo(0.9, 9);
  });

  it('the fewest counters for 80% within 30 minutes', () => {
    // Land (đất đai): 40 citizens an hour at 12 minutes each is 8 Erlangs: 8 counters never catch up.
    const need = countersNeeded(40 / 60, 12, { withinMinutes: 30, share: 0.8 });
    expect(need).toBeGreaterThan(8);
    const q = { arrivalsPerMinute: 40 / 60, serviceMinutes: 12 };
    expect(servedWithin({ ...q, counters: need }, 30)).toBeGreaterThanOrEqual(0.8);
    expect(servedWithin({ ...q, counters: need - 1 }, 30)).toBeLessThan(0.8);
    expect(countersNeeded(0, 12, { withinMinutes: 30, share: 0.8 })).toBe(0);
  });
});

describe('the published reference case', () => {
  // The worked example every Erlang C calculator reproduces: 100 arrivals in 30 minutes, 3 minutes
  // each (10 Erlangs). With 14 servers 88.8% are answered within 20 s, the mean wait is 7.84 s and
  // the servers are busy 71% of the time; with 13 servers 79.6% within 20 s.
  const q = (counters: number) => ({ arrivalsPerMinute: 100 / 30, serviceMinutes: 3, counters });

  it('14 servers: 88.8% within 20 s, mean wait 7.84 s, occupancy 71%', () => {
    expect(servedWithin(q(14), 20 / 60).toFixed(3)).toBe('0.888');
    expect((mmc(q(14)).meanWaitMinutes * 60).toFixed(2)).toBe('7.84');
    expect(mmc(q(14)).utilisation.toFixed(2)).toBe('0.71');
  });

  it('13 servers: 79.6% within 20 s', () => {
    expect(servedWithin(q(13), 20 / 60).toFixed(3)).toBe('0.796');
  });
});
