import { describe, expect, it } from 'vitest';
import { Day } from '@luot/core/testing';
import { counterView, statusBadge } from '../../src/counter-view.js';

describe('counter view', () => {
  it('allows "call next" only for an open, free counter with someone waiting', () => {
    const day = new Day().signIn(1);
    const view = () => counterView(day.config, day.state, 1, day.now, true)!;
    expect(view().callBlocker).toBe('queue_empty');
    day.issue('A');
    day.issue('A');
    expect(view().callBlocker).toBeNull();
    expect(view().can).toMatchObject({
      callNext: true,
      recall: false,
      finish: false,
      pause: true,
      signOut: true,
    });
    day.run({ type: 'callNext', counter: 1 });
    expect(view().ticket?.number).toBe('A001');
    expect(view().callBlocker).toBe('busy');
    expect(view().can).toMatchObject({
      callNext: false,
      callTicket: false,
      recall: true,
      startServing: true,
      noShow: true,
      finish: true,
      transfer: true,
      pause: false,
      signOut: false,
    });
    day.run({ type: 'startServing', counter: 1 });
    expect(view().can).toMatchObject({
      recall: false,
      startServing: false,
      noShow: false,
      finish: true,
      transfer: true,
    });
    expect(counterView(day.config, day.state, 1, day.now, false)!.can.finish).toBe(false);
    expect(counterView(day.config, day.state, 1, day.now, false)!.callBlocker).toBe('offline');
  });

  it('says why a counter cannot call: level, supervisor, pause', () => {
    const day = new Day().signIn(2);
    day.issue('A');
    const view = () => counterView(day.config, day.state, 2, day.now, true)!;
    day.run({ type: 'setLevel', level: 3 }); // level 3 closes counters 2, 3 and 14
    expect(view().closedAtLevel).toBe(true);
    expect(view().callBlocker).toBe('closed_at_level');
    day.run({ type: 'setLevel', level: 1 });
    day.run({ type: 'setCounterClosed', counter: 2, closed: true });
    expect(view().callBlocker).toBe('closed_by_supervisor');
    day.run({ type: 'setCounterClosed', counter: 2, closed: false });
    day.run({ type: 'pause', counter: 2, reason: 'break' });
    expect(view().callBlocker).toBe('paused');
    expect(view().can).toMatchObject({ resume: true, pause: false, callNext: false });
  });

  it('badges a counter closed by the supervisor or the level as closed, though its officer is still in', () => {
    const day = new Day().signIn(2);
    const badge = (online = true) =>
      statusBadge(counterView(day.config, day.state, 2, day.now, online)!, online);
    expect(badge()).toBe('open');
    day.run({ type: 'setLevel', level: 3 }); // closes counter 2
    expect(day.state.counters[2]!.status).toBe('open');
    expect(badge()).toBe('closed_at_level');
    day.run({ type: 'setCounterClosed', counter: 2, closed: true });
    expect(badge()).toBe('closed_by_supervisor'); // the banner's order: the supervisor first
    expect(badge(false)).toBe('disconnected');
    day.run({ type: 'setLevel', level: 1 });
    day.run({ type: 'setCounterClosed', counter: 2, closed: false });
    day.run({ type: 'pause', counter: 2, reason: 'break' });
    expect(badge()).toBe('paused');
  });

  it('counts waiting and outside tickets per service', () => {
    const day = new Day().signIn(16);
    day.issue('H');
    day.issue('H');
    day.issue('A', 'elderly');
    day.issue('C', 'merit');
    const v = counterView(day.config, day.state, 16, day.now, true)!;
    expect(v.services).toEqual([
      { prefix: 'H', name: day.config.services.find((s) => s.prefix === 'H')!.name, waiting: 2, outside: 0 },
    ]);
    expect(v.otherPriority).toBe(2);
    expect(v.next.map((t) => t.number)).toEqual(['A001', 'C001', 'H001', 'H002']);
  });

  it('lists the services the office head set for today, and counts by them', () => {
    const day = new Day().signIn(16);
    day.issue('H');
    day.issue('C', 'merit');
    day.run({ type: 'setCounterServices', counter: 16, services: ['C', 'H'] });
    const v = counterView(day.config, day.state, 16, day.now, true)!;
    expect(v.services.map((s) => [s.prefix, s.waiting])).toEqual([
      ['C', 1],
      ['H', 1],
    ]);
    expect(v.otherPriority).toBe(0); // C's priority ticket is now one of its own services'
  });
});
