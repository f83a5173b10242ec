import { describe, expect, it } from 'vitest';
import { callBoard, counterTiles, hallZones, serviceWaiting } from '../src/view-model.js';
import { Day } from '@luot/core/testing';

/** The board as [number, counter] pairs: the latest call, then the history. */
function board(day: Day) {
  const b = callBoard(day.config, day.state, 40);
  return {
    latest: b.latest && [b.latest.number, b.latest.counter, ...(b.latest.recall ? ['recall'] : [])],
    history: b.history.map((c) => [c.number, c.counter]),
  };
}

describe('counter tiles', () => {
  it('list the services a counter serves today, as the office head set them', () => {
    const day = new Day();
    const before = counterTiles(day.config, day.state).find((c) => c.number === 5)!;
    day.run({ type: 'setCounterServices', counter: 5, services: ['E'] });
    const after = counterTiles(day.config, day.state).find((c) => c.number === 5)!;
    expect(after.services.map((s) => s.prefix)).toEqual(['E']);
    expect(before.services.map((s) => s.prefix)).not.toEqual(['E']);
  });
});

describe('the latest call and the history, from the day', () => {
  it('newest call first; a recall moves its ticket back to the top, tagged while it is still a call', () => {
    const day = new Day({ step: 30_000 }).signIn(1).signIn(5);
    day.issue('A');
    day.issue('C');
    day.callNext(1);
    day.callNext(5);
    expect(board(day)).toEqual({ latest: ['C001', 5], history: [['A001', 1]] });
    day.run({ type: 'recall', counter: 1 });
    expect(board(day)).toEqual({ latest: ['A001', 1, 'recall'], history: [['C001', 5]] });
    // The citizen came: no more "called again".
    day.run({ type: 'startServing', counter: 1 });
    expect(board(day)).toEqual({ latest: ['A001', 1], history: [['C001', 5]] });
  });

  it('a transferred ticket’s first call at its new counter is not a recall', () => {
    const day = new Day({ step: 30_000 }).signIn(5).signIn(6);
    day.issue('C');
    day.callNext(5);
    day.run({ type: 'recall', counter: 5 });
    day.run({ type: 'transfer', counter: 5, toService: null, toCounter: 6, note: null });
    day.callNext(6);
    expect(board(day).latest).toEqual(['C001', 6]);
    day.run({ type: 'recall', counter: 6 });
    expect(board(day).latest).toEqual(['C001', 6, 'recall']);
  });

  it('a finished ticket leaves the panel for the history; the panel goes back to a call still in force', () => {
    const day = new Day({ step: 30_000 }).signIn(1).signIn(5);
    day.issue('A');
    day.issue('C');
    day.callNext(1);
    day.callNext(5);
    day.run({ type: 'recall', counter: 5 });
    day.finish(5);
    expect(board(day)).toEqual({ latest: ['A001', 1], history: [['C001', 5]] });
    day.finish(1);
    const b = callBoard(day.config, day.state, 40);
    expect(b.latest).toBeNull();
    expect(b.anyCalled).toBe(true);
    expect(b.history.map((c) => c.number)).toEqual(['C001', 'A001']);
  });

  it('a no-show or a cancelled ticket leaves the board: nobody is sent to that counter for it', () => {
    const day = new Day({ step: 30_000 }).signIn(1).signIn(5);
    day.issue('A');
    day.issue('C');
    day.issue('C');
    day.callNext(1);
    day.callNext(5);
    day.run({ type: 'noShow', counter: 5 });
    expect(board(day)).toEqual({ latest: ['A001', 1], history: [] });
    day.callNext(5); // C002
    day.run({ type: 'cancel', ticketId: '20261130-C002', reason: 'left' });
    expect(board(day)).toEqual({ latest: ['A001', 1], history: [] });
  });

  it('a transferred ticket leaves the board until its new counter calls it, then shows that counter', () => {
    const day = new Day({ step: 30_000 }).signIn(4).signIn(5).signIn(6);
    day.issue('B');
    day.issue('C');
    day.callNext(4);
    day.callNext(5);
    day.run({ type: 'recall', counter: 5 });
    day.run({ type: 'transfer', counter: 5, toService: null, toCounter: 6, note: null });
    expect(board(day)).toEqual({ latest: ['B001', 4], history: [] });
    day.callNext(6);
    // Its first call at counter 6 (the recall was at counter 5: an inexact tag, see callBoard).
    expect(board(day).latest?.slice(0, 2)).toEqual(['C001', 6]);
    expect(board(day).history).toEqual([['B001', 4]]);
  });

  it('a first call at the counter a ticket was transferred to is not a recall; a recall there is', () => {
    const day = new Day({ step: 30_000 }).signIn(5).signIn(6);
    day.issue('C');
    day.callNext(5);
    day.run({ type: 'startServing', counter: 5 });
    day.run({ type: 'transfer', counter: 5, toService: null, toCounter: 6, note: null });
    day.callNext(6);
    expect(board(day).latest).toEqual(['C001', 6]);
    day.run({ type: 'recall', counter: 6 });
    expect(board(day).latest).toEqual(['C001', 6, 'recall']);
  });

  it('a counter closed after calling still expects its citizen: the call stays on the board', () => {
    const day = new Day({ step: 30_000 }).signIn(2).signIn(5).signIn(6);
    day.issue('A');
    day.issue('C');
    day.issue('E');
    day.callNext(6);
    day.run({ type: 'startServing', counter: 6 });
    day.callNext(2);
    day.callNext(5);
    day.run({ type: 'setCounterClosed', counter: 5, closed: true });
    expect(board(day)).toEqual({
      latest: ['C001', 5],
      history: [
        ['A001', 2],
        ['E001', 6],
      ],
    });
    day.setLevel(3); // closes counter 2
    const tile = (n: number) => counterTiles(day.config, day.state).find((t) => t.number === n)!;
    expect([tile(2).state, tile(5).state, tile(6).state]).toEqual(['calling', 'calling', 'serving']);
    // Once the called citizen is dealt with, the closed counter shows as closed.
    day.run({ type: 'noShow', counter: 5 });
    day.run({ type: 'noShow', counter: 2 });
    expect([tile(2).state, tile(5).state]).toEqual(['closedAtLevel', 'closed']);
    expect(board(day)).toEqual({ latest: ['E001', 6], history: [] });
  });

  it('calls made in the same instant go by issue order, the later number first', () => {
    const day = new Day({ step: 30_000 }).signIn(1).signIn(4).signIn(5);
    day.issue('C');
    day.issue('A');
    day.issue('B');
    const at = day.now;
    for (const n of [5, 1, 4]) {
      day.now = at;
      day.callNext(n);
    }
    expect(board(day)).toEqual({
      latest: ['B001', 4],
      history: [
        ['A001', 1],
        ['C001', 5],
      ],
    });
  });

  it('with nothing called yet, says so', () => {
    const day = new Day({ step: 30_000 });
    expect(callBoard(day.config, day.state, 8)).toEqual({ latest: null, history: [], anyCalled: false });
  });
});

describe('counter tiles from a snapshot', () => {
  it('one tile per configured counter, with its state, ticket, services and officer', () => {
    const day = new Day({ step: 30_000 }).signIn(1).signIn(2).signIn(5).signIn(9).signIn(16);
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
    const day = new Day({ step: 30_000 }).signIn(1).signIn(5);
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
    const day = new Day({ step: 30_000 });
    for (let i = 0; i < 3; i++) day.issue('C');
    expect(hallZones(day.config, day.state)).toEqual([
      { id: 'hall', name: day.config.zones[0]!.name, inside: 3, capacity: 120, outside: 0, full: false },
    ]);
    day.setLevel(4);
    expect(hallZones(day.config, day.state)[0]).toMatchObject({ inside: 3, capacity: 20, full: false });
  });

  it('is full at capacity, and stays full while anyone waits outside', () => {
    const day = new Day({ step: 30_000 }).signIn(5);
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
    const day = new Day({ step: 30_000 }).signIn(1);
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
