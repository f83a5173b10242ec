import { describe, expect, it } from 'vitest';
import { Day } from '@luot/core/testing';
import { officerStats } from '../../src/stats.js';

describe("the officer's day", () => {
  it('counts finished visits of this officer and averages their service time', () => {
    const day = new Day().signIn(5).signIn(6);
    for (let i = 0; i < 4; i++) day.issue('C');
    day.issue('E');
    // 1st: called, served from minute 1 to minute 5 (4 min).
    day.callNext(5);
    day.advance(1).startServing(5);
    day.advance(4).finish(5, { kind: 'received' });
    // 2nd: finished without "start serving": timed from the call (8 min).
    day.callNext(5);
    day.advance(8).finish(5, { kind: 'guided' });
    // 3rd: no-show, not served.
    day.callNext(5);
    day.advance(1).noShow(5);
    // 4th: still in hand.
    day.run({ type: 'callNext', counter: 5 });
    // Another officer's visit.
    day.callNext(6);
    day.advance(3).finish(6, { kind: 'other' });

    expect(officerStats(day.state, 'cb5')).toEqual({ served: 2, averageMinutes: 6 });
    expect(officerStats(day.state, 'cb6')).toEqual({ served: 1, averageMinutes: 3 });
    expect(officerStats(day.state, 'nobody')).toEqual({ served: 0, averageMinutes: null });
  });

  it('credits a transferred visit to the officer who finished it', () => {
    const day = new Day().signIn(5).signIn(6);
    day.issue('C');
    day.callNext(5);
    day.advance(2).transfer(5, { service: 'E' });
    day.callNext(6);
    day.advance(5).finish(6, { kind: 'returned' });
    expect(officerStats(day.state, 'cb5').served).toBe(0);
    expect(officerStats(day.state, 'cb6')).toEqual({ served: 1, averageMinutes: 5 });
  });
});
