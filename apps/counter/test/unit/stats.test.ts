import { describe, expect, it } from 'vitest';
import { officerStats } from '../../src/stats.js';
import { Day } from './day.js';

describe("the officer's day", () => {
  it('counts finished visits of this officer and averages their service time', () => {
    const day = new Day().signIn(5).signIn(6);
    for (let i = 0; i < 4; i++) day.issue('C');
    day.issue('E');
    // 1st: called, served from minute 1 to minute 5 (4 min).
    day.run({ type: 'callNext', counter: 5 }).advance(1).run({ type: 'startServing', counter: 5 });
    day.advance(4).run({ type: 'finish', counter: 5, outcome: { kind: 'received' } });
    // 2nd: finished without "start serving": timed from the call (8 min).
    day
      .run({ type: 'callNext', counter: 5 })
      .advance(8)
      .run({ type: 'finish', counter: 5, outcome: { kind: 'guided' } });
    // 3rd: no-show, not served.
    day.run({ type: 'callNext', counter: 5 }).advance(1).run({ type: 'noShow', counter: 5 });
    // 4th: still in hand.
    day.run({ type: 'callNext', counter: 5 });
    // Another officer's visit.
    day
      .run({ type: 'callNext', counter: 6 })
      .advance(3)
      .run({ type: 'finish', counter: 6, outcome: { kind: 'other' } });

    expect(officerStats(day.state, 'cb5')).toEqual({ served: 2, averageMinutes: 6 });
    expect(officerStats(day.state, 'cb6')).toEqual({ served: 1, averageMinutes: 3 });
    expect(officerStats(day.state, 'nobody')).toEqual({ served: 0, averageMinutes: null });
  });

  it('credits a transferred visit to the officer who finished it', () => {
    const day = new Day().signIn(5).signIn(6);
    day.issue('C');
    day.run({ type: 'callNext', counter: 5 }).advance(2);
    day.run({ type: 'transfer', counter: 5, toService: 'E', toCounter: null, note: null });
    day
      .run({ type: 'callNext', counter: 6 })
      .advance(5)
      .run({ type: 'finish', counter: 6, outcome: { kind: 'returned' } });
    expect(officerStats(day.state, 'cb5').served).toBe(0);
    expect(officerStats(day.state, 'cb6')).toEqual({ served: 1, averageMinutes: 5 });
  });
});
