import { describe, expect, it } from 'vitest';
import { assign, staffed, type OfficerSkills } from '../src/index.js';

/** The most need any assignment can cover, by trying every one (each officer: a service or none). */
function bruteForce(need: Record<string, number>, officers: OfficerSkills[], counters = Infinity): number {
  let best = 0;
  const walk = (i: number, used: Record<string, number>) => {
    const placed = Object.values(used).reduce((a, b) => a + b, 0);
    if (placed > counters) return;
    if (i === officers.length) {
      const covered = Object.keys(need).reduce((n, s) => n + Math.min(need[s]!, used[s] ?? 0), 0);
      best = Math.max(best, covered);
      return;
    }
    walk(i + 1, used);
    for (const s of officers[i]!.services) walk(i + 1, { ...used, [s]: (used[s] ?? 0) + 1 });
  };
  walk(0, {});
  return best;
}

/** Need covered by an assignment, and whether it opened any counter beyond a service's need. */
function check(need: Record<string, number>, officers: OfficerSkills[], counters = Infinity) {
  const a = assign(need, officers, counters);
  expect(Object.keys(a).length).toBeLessThanOrEqual(counters);
  for (const [id, s] of Object.entries(a)) expect(officers.find((o) => o.id === id)!.services).toContain(s);
  const got = staffed(a);
  for (const s of Object.keys(got)) expect(got[s]).toBeLessThanOrEqual(need[s] ?? 0);
  return Object.keys(need).reduce((n, s) => n + Math.min(need[s]!, got[s] ?? 0), 0);
}

describe('assigning officers to services', () => {
  it('does not spend the all-rounder where a specialist fits (greedy would)', () => {
    const officers = [
      { id: 'all', services: ['A', 'B'] },
      { id: 'landOnly', services: ['A'] },
    ];
    const a = assign({ A: 1, B: 1 }, officers);
    expect(a).toEqual({ all: 'B', landOnly: 'A' });
  });

  it('covers as much need as any assignment can, on random small offices (brute force)', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const prefixes = ['A', 'B', 'C', 'D'];
    for (let round = 0; round < 200; round++) {
      const need: Record<string, number> = {};
      for (const p of prefixes) need[p] = rand(3);
      const officers: OfficerSkills[] = Array.from({ length: 1 + rand(6) }, (_, i) => ({
        id: `cb${i}`,
        services: prefixes.filter(() => rand(2) === 1),
      }));
      expect(check(need, officers), JSON.stringify({ need, officers })).toBe(bruteForce(need, officers));
      // With the level closing counters: never more officers seated than desks, still the best cover.
      const counters = rand(4);
      expect(check(need, officers, counters), JSON.stringify({ need, officers, counters })).toBe(
        bruteForce(need, officers, counters),
      );
    }
  });

  it('opens nothing when nobody is needed', () => {
    expect(assign({ A: 0 }, [{ id: 'cb1', services: ['A'] }])).toEqual({});
  });
});

describe('when officers are too few', () => {
  const officers = [
    { id: 'cb1', services: ['A'] },
    { id: 'cb2', services: ['A'] },
    { id: 'cb3', services: ['A', 'C'] },
    { id: 'cb4', services: ['C'] },
  ];

  it('puts the officer who can do both where the next counter is worth most', () => {
    // Land overflows (its third counter serves citizens nobody else would), civil status keeps up.
    const landFirst = assign({ A: 3, C: 2 }, officers, Infinity, {}, (s, k) => (s === 'A' ? 10 - k : 1 / k));
    expect(landFirst.cb3).toBe('A');
    const civilFirst = assign({ A: 3, C: 2 }, officers, Infinity, {}, (s, k) => (s === 'C' ? 10 - k : 1 / k));
    expect(civilFirst.cb3).toBe('C');
    // Either way every officer sits: as many counters covered as any assignment can.
    expect(Object.keys(landFirst)).toHaveLength(4);
    expect(Object.keys(civilFirst)).toHaveLength(4);
  });

  it('keeps an officer on the service of the half hour before when that covers as much', () => {
    const before = { cb3: 'C', cb4: 'C' };
    const a = assign({ A: 2, C: 2 }, officers, Infinity, before);
    expect(a).toEqual({ cb1: 'A', cb2: 'A', cb3: 'C', cb4: 'C' });
  });
});
