import { describe, expect, it } from 'vitest';
import { pickNext } from '../src/index.js';
import { at, Office, profile, smallConfig } from './helpers.js';

/** Small office (max 2 priority calls in a row, ageing after 30 minutes) with a big hall. */
const roomy = () => smallConfig((c) => (c.zones[0]!.capacity = { 1: 100, 2: 100, 3: 100, 4: 100 }));

describe('routing', () => {
  it('calls priority tickets first', () => {
    const o = new Office(roomy());
    o.signIn(1);
    o.issue('A');
    o.advance(1).issue('A', { priority: 'elderly' });
    expect(o.serveAll(1)).toEqual(['A002', 'A001']);
  });

  it('calls one normal ticket after maxPriorityInRow priority calls while normal tickets wait', () => {
    const o = new Office(roomy());
    o.signIn(1);
    o.issue('A'); // A001
    o.issue('A'); // A002
    for (let i = 0; i < 4; i++) o.issue('A', { priority: 'elderly' }); // A003…A006
    const order: Array<[string, number]> = [];
    for (let i = 0; i < 6; i++) {
      const t = o.callNext(1);
      order.push([t.number, o.state.counters[1]!.priorityInRow]);
      o.finish(1);
    }
    expect(order).toEqual([
      ['A003', 1],
      ['A004', 2],
      ['A001', 0],
      ['A005', 1],
      ['A006', 2],
      ['A002', 0],
    ]);
  });

  it('does not count priority calls while no normal ticket waits', () => {
    const o = new Office(roomy());
    o.signIn(1);
    for (let i = 0; i < 4; i++) o.issue('A', { priority: 'elderly' });
    for (let i = 0; i < 3; i++) {
      o.callNext(1);
      o.finish(1);
      expect(o.state.counters[1]!.priorityInRow).toBe(0);
    }
    o.issue('A');
    o.callNext(1); // the last priority ticket, now with a normal one waiting
    expect(o.state.counters[1]!.priorityInRow).toBe(1);
  });

  it('keeps the fairness count per counter, and resets it on sign-in', () => {
    const o = new Office(roomy());
    o.signIn(1);
    o.signIn(2);
    o.issue('A');
    for (let i = 0; i < 4; i++) o.issue('A', { priority: 'elderly' });
    o.callNext(1);
    o.finish(1);
    o.callNext(1);
    o.finish(1);
    expect(o.state.counters[1]!.priorityInRow).toBe(2);
    expect(o.state.counters[2]!.priorityInRow).toBe(0);
    expect(o.callNext(2).priority).toBe('elderly');
    o.signIn(1, 'someone-else');
    expect(o.state.counters[1]!.priorityInRow).toBe(0);
  });

  it('ages a normal ticket into the priority class after agingMinutes', () => {
    const o = new Office(roomy(), at(8, 0));
    o.signIn(1);
    o.signIn(2);
    o.issue('A'); // A001 at 8:00
    o.now = at(8, 20);
    o.issue('A', { priority: 'elderly' }); // A002 at 8:20
    o.issue('A', { priority: 'elderly' }); // A003 at 8:20
    o.now = at(8, 29);
    expect(o.callNext(1).number).toBe('A002'); // 29 minutes: not yet
    o.now = at(8, 30);
    expect(o.callNext(2).number).toBe('A001'); // 30 minutes: older than A003
    expect(o.state.counters[2]!.priorityInRow).toBe(0); // a normal ticket was called
  });

  it('gives the fairness turn to the oldest normal ticket, aged or not', () => {
    // Counter 2 serves A and B. Three priority tickets at 8:00, a normal A at 8:01, a normal B at 8:50.
    const o = new Office(roomy(), at(8, 0));
    o.signIn(2);
    for (let i = 0; i < 3; i++) o.issue('B', { priority: 'elderly' });
    o.now = at(8, 1);
    o.issue('A');
    o.now = at(8, 50);
    o.issue('B');
    // A001 has aged (49 minutes) but the priority tickets are older still; after two of them, the
    // normal turn goes to A001, not to the younger B004.
    expect(o.serveAll(2)).toEqual(['B001', 'B002', 'A001', 'B003', 'B004']);
  });

  it('does not let an aged ticket wait longer than a fresh one would', () => {
    const o = new Office(roomy(), at(8, 0));
    o.signIn(1);
    for (let i = 0; i < 4; i++) o.issue('A', { priority: 'elderly' });
    o.now = at(8, 1);
    o.issue('A'); // A005
    o.now = at(9, 0);
    expect(o.serveAll(1)).toEqual(['A001', 'A002', 'A005', 'A003', 'A004']);
  });

  it('is first in, first out within a class, across the counter’s services', () => {
    const o = new Office(roomy());
    o.signIn(2);
    o.issue('B');
    o.advance(1).issue('A');
    o.advance(1).issue('B');
    o.advance(1).issue('B', { priority: 'disabled' });
    o.advance(1).issue('A', { priority: 'elderly' });
    expect(o.serveAll(2)).toEqual(['B003', 'A002', 'B001', 'A001', 'B002']);
  });

  it('breaks ties between equally old tickets by the counter’s service preference', () => {
    const o = new Office(roomy());
    o.signIn(2); // services ['A', 'B']
    o.issue('B');
    o.issue('A'); // same minute
    expect(o.serveAll(2)).toEqual(['A001', 'B001']);
    const swapped = new Office(smallConfig((c) => (c.counters[1]!.services = ['B', 'A'])));
    swapped.signIn(2);
    swapped.issue('A');
    swapped.issue('B');
    expect(swapped.serveAll(2)).toEqual(['B001', 'A001']);
  });

  it('lets counter 16 take priority tickets of every service and its own H tickets', () => {
    const o = new Office(profile);
    o.signIn(16);
    o.issue('A');
    o.advance(1).issue('H');
    o.advance(1).issue('T', { priority: 'merit' });
    o.advance(1).issue('A', { priority: 'elderly' });
    o.advance(1).issue('C');
    expect(o.serveAll(16)).toEqual(['T001', 'A002', 'H001']);
    // The others wait for their own counters.
    o.signIn(1);
    expect(o.serveAll(1)).toEqual(['A001']);
  });

  it('does not give another service’s priority tickets to a counter without servesAllPriority', () => {
    const o = new Office(profile);
    o.signIn(4);
    o.issue('A', { priority: 'elderly' });
    o.refused({ type: 'callNext', counter: 4 }, 'QUEUE_EMPTY');
  });

  it('pickNext is a pure look-up', () => {
    const o = new Office(roomy());
    o.signIn(1);
    o.issue('A');
    const before = structuredClone(o.state);
    expect(pickNext(o.config, o.state, 1, o.now)?.ticket.number).toBe('A001');
    expect(pickNext(o.config, o.state, 3, o.now)).toBeNull();
    expect(pickNext(o.config, o.state, 99, o.now)).toBeNull();
    expect(o.state).toEqual(before);
  });
});
