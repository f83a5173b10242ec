import { describe, expect, it } from 'vitest';
import {
  entryPlace,
  estimateWait,
  serviceCounts,
  servicesLeftIfClosed,
  servicesWithoutCounter,
  ticketPosition,
  ticketWait,
  waitRange,
} from '../src/index.js';
import { Office, profile, smallConfig } from './helpers.js';

describe('estimated wait', () => {
  it('counts only staffed counters: nobody signed in or everyone paused gives no figure, never "under a minute"', () => {
    const o = new Office(profile);
    for (let i = 0; i < 6; i++) o.issue('A');
    // Nobody signed in yet: the three A counters are open but nobody calls (this used to count them).
    expect(estimateWait(o.config, o.state, 'A')).toEqual({
      peopleAhead: 6,
      counters: 0,
      serviceMinutes: 15,
      minutes: null,
      range: null,
    });
    const empty = new Office(profile);
    expect(estimateWait(empty.config, empty.state, 'A')).toMatchObject({ minutes: null, range: null });
    o.signIn(1);
    expect(estimateWait(o.config, o.state, 'A')).toMatchObject({ counters: 1, minutes: 90, range: [90, 95] });
    // A paused counter calls nobody.
    o.run({ type: 'pause', counter: 1, reason: 'họp' });
    expect(estimateWait(o.config, o.state, 'A')).toMatchObject({ counters: 0, minutes: null, range: null });
  });

  it('tells the wait as a 5-minute range: people ahead ÷ staffed counters × mean service time', () => {
    const o = new Office(profile);
    o.signIn(1);
    o.signIn(2);
    for (let i = 0; i < 3; i++) o.issue('A');
    // 3 ahead ÷ 2 counters × 15 min = 22.5 min → "khoảng 20–25 phút".
    expect(estimateWait(o.config, o.state, 'A')).toMatchObject({ counters: 2, minutes: 23, range: [20, 25] });
    expect(waitRange(0)).toEqual([0, 5]);
    expect(waitRange(4.9)).toEqual([0, 5]);
    expect(waitRange(15)).toEqual([15, 20]);
    expect(waitRange(-3)).toEqual([0, 5]);
  });

  it('gives an issued ticket the same range as the kiosk told it, by the same rule', () => {
    const o = new Office(profile);
    o.signIn(1);
    o.signIn(2);
    for (let i = 0; i < 3; i++) o.issue('A');
    const told = estimateWait(o.config, o.state, 'A');
    const t = o.issue('A');
    expect(ticketWait(o.config, o.state, t.id)).toMatchObject({
      ahead: 3,
      range: told.range,
      minutes: told.minutes,
    });
    o.run({ type: 'pause', counter: 1, reason: 'họp' });
    o.run({ type: 'pause', counter: 2, reason: 'họp' });
    expect(ticketWait(o.config, o.state, t.id)).toMatchObject({ ahead: 3, minutes: null, range: null });
  });

  it('for a priority ticket counts only the priority tickets ahead, and counters that take any priority', () => {
    const o = new Office(profile).signIn(5).signIn(16);
    for (let i = 0; i < 6; i++) o.issue('C');
    o.issue('C', { priority: 'elderly' });
    const normal = estimateWait(o.config, o.state, 'C');
    const priority = estimateWait(o.config, o.state, 'C', true);
    expect(normal.peopleAhead).toBe(7);
    expect(priority.peopleAhead).toBe(1);
    // Counter 16 (H) takes every priority ticket besides counter 5 (C).
    expect(normal.counters).toBe(1);
    expect(priority.counters).toBe(2);
    expect(priority.minutes!).toBeLessThan(normal.minutes!);
  });

  it('uses recent real service times once there are some', () => {
    const o = new Office(profile);
    o.signIn(1);
    for (let i = 0; i < 4; i++) o.issue('A');
    o.callNext(1);
    o.advance(1).run({ type: 'startServing', counter: 1 }); // the call itself is not service time
    o.advance(4).finish(1);
    o.callNext(1);
    o.run({ type: 'startServing', counter: 1 });
    o.advance(6).finish(1);
    expect(estimateWait(o.config, o.state, 'A')).toEqual({
      peopleAhead: 2,
      counters: 1,
      serviceMinutes: 5,
      minutes: 10,
      range: [10, 15],
    });
  });

  it('counts people waiting outside too, but not those at a counter', () => {
    const o = new Office(smallConfig());
    o.signIn(1);
    for (let i = 0; i < 6; i++) o.issue('A'); // 4 inside, 2 outside
    o.callNext(1);
    expect(estimateWait(o.config, o.state, 'A').peopleAhead).toBe(5);
    expect(serviceCounts(o.state, 'A')).toEqual({ waiting: 3, outside: 2 });
  });

  it('promises a priority ticket going outside no wait: it waits for room in the hall, not for its line', () => {
    const o = new Office(smallConfig());
    o.signIn(1);
    for (let i = 0; i < 4; i++) o.issue('A'); // the hall holds 4: full
    // Nobody of its class is ahead of it, so its own line alone would say "under a minute".
    const est = estimateWait(o.config, o.state, 'A', true);
    expect(est).toMatchObject({ peopleAhead: 0, minutes: null });
    const p = o.issue('A', { priority: 'elderly' });
    expect(p.status).toBe('outside');
    expect(entryPlace(o.state, p.id)).toBe(1);
    // Two leave (the priority ticket comes in and is called second), one place stays free: a lone
    // citizen would go straight in and is told its line's wait as before; a party of two would not.
    o.callNext(1);
    o.finish(1);
    expect(o.callNext(1).id).toBe(p.id);
    o.finish(1);
    expect(o.state.lines.occupancy.hall).toBe(3);
    expect(estimateWait(o.config, o.state, 'A', true)).toMatchObject({ peopleAhead: 0, minutes: 0 });
    expect(estimateWait(o.config, o.state, 'A', true, 2)).toMatchObject({ peopleAhead: 0, minutes: null });
  });

  it('has no figure when no counter serves the service', () => {
    const o = new Office(profile);
    o.issue('B');
    o.run({ type: 'setCounterClosed', counter: 4, closed: true });
    expect(estimateWait(o.config, o.state, 'B')).toMatchObject({ counters: 0, minutes: null });
  });
});

describe('ticket position', () => {
  it('inside: the tickets called before it in its line', () => {
    const o = new Office(profile);
    const a1 = o.issue('A');
    const a2 = o.issue('A');
    const p = o.issue('A', { priority: 'elderly' });
    expect(ticketPosition(o.state, a1.id)).toEqual({ ahead: 1, entryPlace: null });
    expect(ticketPosition(o.state, a2.id)).toEqual({ ahead: 2, entryPlace: null });
    expect(ticketPosition(o.state, p.id)).toEqual({ ahead: 0, entryPlace: null });
    o.signIn(1);
    o.callNext(1);
    expect(ticketPosition(o.state, p.id)).toEqual({ ahead: 0, entryPlace: null });
    expect(ticketPosition(o.state, a1.id)).toEqual({ ahead: 0, entryPlace: null });
    expect(ticketPosition(o.state, 'nope')).toBeNull();
  });

  it('outside: those of its service inside, plus those of its service before it in the entry line', () => {
    const o = new Office(smallConfig());
    o.issue('A');
    o.issue('A');
    o.issue('B');
    o.issue('B'); // full
    const a3 = o.issue('A');
    const b3 = o.issue('B');
    const a4 = o.issue('A');
    expect(ticketPosition(o.state, a3.id)).toEqual({ ahead: 2, entryPlace: 1 });
    expect(ticketPosition(o.state, b3.id)).toEqual({ ahead: 2, entryPlace: 2 });
    expect(ticketPosition(o.state, a4.id)).toEqual({ ahead: 3, entryPlace: 3 });
  });

  it('transferred to a counter: the tickets sent there before it', () => {
    const o = new Office(profile);
    o.signIn(1);
    o.signIn(2);
    const a1 = o.issue('A');
    const a2 = o.issue('A');
    o.callNext(1);
    o.callNext(2);
    o.run({ type: 'transfer', counter: 2, toService: null, toCounter: 5, note: null });
    o.run({ type: 'transfer', counter: 1, toService: null, toCounter: 5, note: null });
    expect(ticketPosition(o.state, a1.id)).toEqual({ ahead: 0, entryPlace: null });
    expect(ticketPosition(o.state, a2.id)).toEqual({ ahead: 1, entryPlace: null });
  });
});

describe('services without a counter', () => {
  it('lists a service whose last calling counter closed, signed out or paused while people wait', () => {
    const o = new Office(profile);
    o.signIn(4); // B (Đất đai – đăng ký biến động) is served at counter 4 only
    for (let i = 0; i < 3; i++) o.issue('B');
    // Before anyone is called nobody has "lost" a counter: the kiosk's own unstaffed note covers it.
    expect(servicesWithoutCounter(o.config, o.state)).toEqual([]);
    o.callNext(4);
    o.finish(4);
    expect(servicesWithoutCounter(o.config, o.state)).toEqual([]);
    o.run({ type: 'pause', counter: 4, reason: 'họp' });
    expect(servicesWithoutCounter(o.config, o.state)).toEqual([{ service: 'B', waiting: 2 }]);
    o.run({ type: 'resume', counter: 4 });
    expect(servicesWithoutCounter(o.config, o.state)).toEqual([]);
    o.run({ type: 'setCounterClosed', counter: 4, closed: true });
    expect(servicesWithoutCounter(o.config, o.state)).toEqual([{ service: 'B', waiting: 2 }]);
  });

  it('does not list a service another staffed counter still calls for, nor one nobody waits for', () => {
    const o = new Office(profile);
    o.signIn(1);
    o.signIn(2);
    o.issue('A');
    o.issue('A');
    o.callNext(1);
    o.run({ type: 'signOut', counter: 2, close: false });
    // Counter 1 still serves A.
    expect(servicesWithoutCounter(o.config, o.state)).toEqual([]);
    o.finish(1);
    o.run({ type: 'signOut', counter: 1, close: false });
    expect(servicesWithoutCounter(o.config, o.state)).toEqual([{ service: 'A', waiting: 1 }]);
    o.signIn(3);
    expect(servicesWithoutCounter(o.config, o.state)).toEqual([]);
  });
});

describe('services left if a counter closes', () => {
  it('names the services no other staffed counter serves, with how many wait', () => {
    const o = new Office(profile);
    o.signIn(1).signIn(2).signIn(4);
    o.issue('A');
    o.issue('B');
    o.issue('B');
    // B is served at counter 4 alone; A has counters 1 and 2 staffed.
    expect(servicesLeftIfClosed(o.config, o.state, 4)).toEqual([{ service: 'B', waiting: 2 }]);
    expect(servicesLeftIfClosed(o.config, o.state, 1)).toEqual([]);
    // With counter 2 paused, counter 1 is the last one calling A.
    o.run({ type: 'pause', counter: 2, reason: 'họp' });
    expect(servicesLeftIfClosed(o.config, o.state, 1)).toEqual([{ service: 'A', waiting: 1 }]);
  });

  it("is also the queue's rule: no new number while the line has nobody to call it, then again", () => {
    const o = new Office(profile);
    o.signIn(4);
    for (let i = 0; i < 2; i++) o.issue('B');
    o.callNext(4);
    o.finish(4);
    o.run({ type: 'pause', counter: 4, reason: 'họp' });
    const refused = o.refused(
      { type: 'issue', service: 'B', priority: null, party: 1, kioskId: 'k1' },
      'COUNTER_LOST',
    );
    expect(refused.details).toEqual({ service: 'B', waiting: 1 });
    o.run({ type: 'resume', counter: 4 });
    expect(o.issue('B').number).toBe('B003');
  });
});
