import { describe, expect, it } from 'vitest';
import { Day } from '@luot/core/testing';
import { counterRows, entryCalls, findTicket, serviceRows } from '../../src/monitor-view.js';

// The monitor's rows, from a day driven through the real core.

describe('the monitor’s rows', () => {
  it('a counter: served today, mean minutes, ticket in hand, who closed it and why', () => {
    const day = new Day().signIn(5);
    day.issue('C');
    day.issue('C');
    day.issue('C');
    day.callNext(5);
    day.advance(4).finish(5);
    day.callNext(5);
    day.advance(6).finish(5);
    const held = day.callNext(5);
    day.run({ type: 'setCounterClosed', counter: 7, closed: true, reason: 'Tập huấn' });
    const rows = counterRows(day.config, day.state);
    expect(rows.find((r) => r.number === 5)).toMatchObject({
      officer: 'Cán bộ 5',
      servedToday: 2,
      meanServiceMinutes: 5,
      current: { id: held.id },
      closure: null,
    });
    expect(rows.find((r) => r.number === 7)).toMatchObject({
      closure: 'supervisor',
      closedReason: 'Tập huấn',
    });
  });

  it('a service: waiting, the estimate, its open counters, and no counter calling it any more', () => {
    const day = new Day().signIn(5);
    day.issue('C');
    day.callNext(5);
    day.finish(5);
    day.issue('C');
    const row = () => serviceRows(day.config, day.state).find((r) => r.prefix === 'C')!;
    expect(row()).toMatchObject({ waiting: 1, openCounters: [5], noCounter: false });
    expect(row().estimate).not.toBeNull();
    day.pause(5);
    expect(row()).toMatchObject({ waiting: 1, noCounter: true, estimate: null });
  });

  it('entry calls: who came in from outside, newest first', () => {
    const day = new Day().setLevel(4); // 20 in the hall
    for (let i = 0; i < 22; i++) day.issue('C');
    expect(entryCalls(day.state)).toEqual([]);
    day.signIn(5);
    day.advance(1);
    day.callNext(5);
    day.finish(5); // one leaves: C021 comes in
    expect(entryCalls(day.state).map((t) => t.number)).toEqual(['C021']);
    expect(findTicket(day.state, ' c021 ')?.number).toBe('C021');
  });
});
