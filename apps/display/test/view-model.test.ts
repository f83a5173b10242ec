import { describe, expect, it } from 'vitest';
import { counterTiles, hallZones, serviceWaiting } from '../src/view-model.js';
import { Day } from './day.js';

describe('counter tiles from a snapshot', () => {
  it('one tile per configured counter, with its state, ticket, services and officer', () => {
    const day = new Day().signIn(1).signIn(2).signIn(5).signIn(9).signIn(16);
    day.issue('A');
    day.issue('A');
    day.callNext(1);
    day.callNext(2);
    day.run({ type: 'startServing', counter: 2 });
    day.run({ type: 'pause', counter: 9, reason: 'Họp' });
    const tiles = counterTiles(day.config, day.state);
    expect(tiles).toHaveLength(16);
    const byNumber = new Map(tiles.map((t) => [t.number, t]));
    expect(byNumber.get(1)).toMatchObject({ state: 'calling', ticket: 'A001', officer: 'Cán bộ 1' });
    expect(byNumber.get(2)).toMatchObject({ state: 'serving', ticket: 'A002' });
    expect(byNumber.get(5)).toMatchObject({ state: 'free', ticket: null });
    expect(byNumber.get(9)).toMatchObject({ state: 'paused', ticket: null });
    expect(byNumber.get(3)).toMatchObject({ state: 'offline', officer: null });
    expect(byNumber.get(1)!.services).toEqual([{ prefix: 'A', name: day.config.services[0]!.name }]);
    expect(byNumber.get(16)!.servesAllPriority).toBe(true);
  });

  it('counters closed by the level, the supervisor or their officer', () => {
    const day = new Day().signIn(1).signIn(5);
    day.run({ type: 'signOut', counter: 1, close: true });
    day.run({ type: 'setCounterClosed', counter: 6, closed: true });
    day.setLevel(3); // closes 2, 3 and 14
    const state = (n: number) => counterTiles(day.config, day.state).find((t) => t.number === n)!.state;
    expect([state(1), state(2), state(3), state(14), state(6), state(5)]).toEqual([
      'closed',
      'closedAtLevel',
      'closedAtLevel',
      'closedAtLevel',
      'closed',
      'free',
    ]);
  });
});

describe('hall occupancy and the full banner', () => {
  it('counts who is inside against the capacity of the level', () => {
    const day = new Day();
    for (let i = 0; i < 3; i++) day.issue('C');
    expect(hallZones(day.config, day.state)).toEqual([
      { id: 'hall', name: day.config.zones[0]!.name, inside: 3, capacity: 120, outside: 0, full: false },
    ]);
    day.setLevel(4);
    expect(hallZones(day.config, day.state)[0]).toMatchObject({ inside: 3, capacity: 20, full: false });
  });

  it('is full at capacity, and stays full while anyone waits outside', () => {
    const day = new Day().signIn(5);
    day.setLevel(4);
    for (let i = 0; i < 20; i++) day.issue('C');
    expect(hallZones(day.config, day.state)[0]).toMatchObject({ inside: 20, outside: 0, full: true });
    day.issue('C');
    day.issue('C');
    expect(hallZones(day.config, day.state)[0]).toMatchObject({ inside: 20, outside: 2, full: true });
    day.callNext(5);
    day.finish(5); // C021 in
    expect(hallZones(day.config, day.state)[0]).toMatchObject({ inside: 20, outside: 1, full: true });
    day.callNext(5);
    day.finish(5); // C022 in
    day.callNext(5);
    day.finish(5);
    expect(hallZones(day.config, day.state)[0]).toMatchObject({ inside: 19, outside: 0, full: false });
  });
});

describe('waiting counts per service', () => {
  it('inside and outside, and which services the level has paused', () => {
    const day = new Day().signIn(1);
    day.issue('A');
    day.issue('A');
    day.callNext(1);
    day.issue('C');
    day.setLevel(4);
    const waiting = new Map(serviceWaiting(day.config, day.state).map((w) => [w.prefix, w]));
    expect(waiting.size).toBe(14);
    expect(waiting.get('A')).toMatchObject({ waiting: 1, outside: 0, restricted: true });
    expect(waiting.get('C')).toMatchObject({ waiting: 1, outside: 0, restricted: false });
  });
});
