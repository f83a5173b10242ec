import { describe, expect, it } from 'vitest';
import { execute, type QueueCommand } from '../src/index.js';
import { at, Office, officer, profile, smallConfig } from './helpers.js';

/** Small office with a big hall, so that flow limits stay out of the way. */
const roomy = () => smallConfig((c) => (c.zones[0]!.capacity = { 1: 100, 2: 100, 3: 100, 4: 100 }));

describe('a ticket’s life', () => {
  it('goes issued → waiting → called → serving → done, with its outcome', () => {
    const o = new Office(roomy());
    o.signIn(1, 'lan');
    const t = o.issue('A');
    expect(t.status).toBe('waiting');
    o.advance(5);
    const called = o.run({ type: 'callNext', counter: 1 });
    expect(called.map((e) => e.event)).toEqual([
      {
        type: 'ticket.called',
        ticketId: t.id,
        counter: 1,
        officerId: 'lan',
        recall: false,
        priorityInRow: 0,
      },
    ]);
    expect(o.state.tickets[t.id]).toMatchObject({
      status: 'called',
      counter: 1,
      calledAt: at(8, 5),
      callCount: 1,
    });
    expect(o.state.counters[1]!.current).toBe(t.id);
    o.advance(1).run({ type: 'startServing', counter: 1 });
    expect(o.state.tickets[t.id]).toMatchObject({ status: 'serving', servingAt: at(8, 6) });
    const outcome = {
      kind: 'received',
      dossierCode: 'H33.27-261130-0001',
      returnDate: '2026-12-07',
    } as const;
    o.advance(12).run({ type: 'finish', counter: 1, outcome });
    expect(o.state.tickets[t.id]).toMatchObject({ status: 'done', finishedAt: at(8, 18), outcome });
    expect(o.state.counters[1]!.current).toBeNull();
    expect(o.state.serviceTimes).toEqual({ A: [12 * 60_000] });
    expect(o.state.lines.occupancy).toEqual({ hall: 0 });
  });

  it('may finish straight from called', () => {
    const o = new Office(roomy());
    o.signIn(1);
    const t = o.issue('A');
    o.callNext(1);
    o.advance(3).finish(1);
    expect(o.state.tickets[t.id]!.status).toBe('done');
    expect(o.state.serviceTimes.A).toEqual([3 * 60_000]);
  });

  it('marks a no-show and frees the counter', () => {
    const o = new Office(roomy());
    o.signIn(1);
    const t = o.issue('A');
    o.callNext(1);
    o.run({ type: 'noShow', counter: 1 });
    expect(o.state.tickets[t.id]).toMatchObject({ status: 'no_show', finishedAt: o.now });
    expect(o.state.counters[1]!.current).toBeNull();
    o.refused({ type: 'noShow', counter: 1 }, 'NO_TICKET_IN_HAND');
    // Someone who came to the counter is not a no-show.
    const t2 = o.issue('A');
    o.callNext(1);
    o.run({ type: 'startServing', counter: 1 });
    o.refused({ type: 'noShow', counter: 1 }, 'TICKET_NOT_CALLED');
    expect(o.state.tickets[t2.id]!.status).toBe('serving');
  });

  it('cancels a ticket in any state that is not final', () => {
    const o = new Office(roomy());
    o.signIn(1);
    const waiting = o.issue('A');
    const held = o.issue('A');
    o.run({ type: 'callTicket', counter: 1, ticketId: held.id });
    o.run({ type: 'cancel', ticketId: waiting.id, reason: 'left' });
    o.run({ type: 'cancel', ticketId: held.id, reason: 'left' });
    expect(o.state.tickets[waiting.id]!.status).toBe('cancelled');
    expect(o.state.tickets[held.id]!.status).toBe('cancelled');
    expect(o.state.counters[1]!.current).toBeNull();
    expect(o.state.lines.waiting.A).toEqual({ priority: [], normal: [] });
    o.refused({ type: 'cancel', ticketId: held.id, reason: 'again' }, 'TICKET_FINAL');
    o.refused({ type: 'cancel', ticketId: '20261130-A999', reason: 'x' }, 'UNKNOWN_TICKET');
  });

  it('recalls the ticket in hand: same ticket, one more call', () => {
    const o = new Office(roomy());
    o.signIn(1);
    o.refused({ type: 'recall', counter: 1 }, 'NO_TICKET_IN_HAND');
    const t = o.issue('A');
    o.issue('A');
    o.callNext(1);
    const out = o.advance(2).run({ type: 'recall', counter: 1 });
    expect(out.map((e) => e.event)).toEqual([
      { type: 'ticket.called', ticketId: t.id, counter: 1, officerId: 'cb1', recall: true, priorityInRow: 0 },
    ]);
    expect(o.state.tickets[t.id]).toMatchObject({ status: 'called', callCount: 2, counter: 1 });
    expect(o.state.counters[1]!.current).toBe(t.id);
    o.run({ type: 'startServing', counter: 1 });
    o.refused({ type: 'recall', counter: 1 }, 'TICKET_NOT_CALLED');
    o.refused({ type: 'startServing', counter: 1 }, 'TICKET_NOT_CALLED');
  });

  it('needs a ticket in hand to start, finish or transfer', () => {
    const o = new Office(roomy());
    o.signIn(1);
    o.refused({ type: 'startServing', counter: 1 }, 'NO_TICKET_IN_HAND');
    o.refused({ type: 'finish', counter: 1, outcome: { kind: 'guided' } }, 'NO_TICKET_IN_HAND');
    o.refused(
      { type: 'transfer', counter: 1, toService: 'B', toCounter: null, note: null },
      'NO_TICKET_IN_HAND',
    );
  });
});

describe('transfers', () => {
  /** Counter 1 sends the citizen in hand on. */
  const transfer = (toService: string | null, toCounter: number | null): QueueCommand => ({
    type: 'transfer',
    counter: 1,
    toService,
    toCounter,
    note: null,
  });

  it('to another service keep the place given by the original issue time', () => {
    const o = new Office(roomy());
    o.signIn(1);
    o.signIn(3);
    const b1 = o.issue('B');
    const a1 = o.advance(1).issue('A');
    const b2 = o.advance(1).issue('B');
    o.advance(5).callNext(1);
    o.run({ type: 'startServing', counter: 1 });
    o.advance(4).run({ type: 'transfer', counter: 1, toService: 'B', toCounter: null, note: 'land → civil' });
    const t = o.state.tickets[a1.id]!;
    expect(t).toMatchObject({
      status: 'waiting',
      service: 'B',
      issuedService: 'A',
      number: 'A001',
      counter: null,
      transfers: 1,
      servingAt: null,
    });
    expect(o.state.counters[1]!.current).toBeNull();
    expect(o.state.lines.waiting.B!.normal).toEqual([b1.id, a1.id, b2.id]);
    // The time spent at counter 1 is a land service; counter 3's time will be a civil one.
    expect(o.state.serviceTimes).toEqual({ A: [4 * 60_000] });
    expect(o.serveAll(3)).toEqual(['B001', 'A001', 'B002']);
    expect(o.state.serviceTimes.B).toHaveLength(3);
    expect(o.state.tickets[a1.id]).toMatchObject({ status: 'done', counter: 3, callCount: 2 });
  });

  it('to a named counter: only that counter gets it, and first', () => {
    const o = new Office(roomy());
    o.signIn(1);
    o.signIn(2);
    const b1 = o.issue('B'); // older than A001
    const a1 = o.advance(1).issue('A');
    const a2 = o.advance(1).issue('A');
    expect(o.callNext(1).id).toBe(a1.id);
    o.run({ type: 'transfer', counter: 1, toService: null, toCounter: 2, note: 'ask Mr Minh' });
    expect(o.state.tickets[a1.id]).toMatchObject({ status: 'waiting', service: 'A', targetCounter: 2 });
    expect(o.state.lines.targeted).toEqual({ 2: [a1.id] });
    o.refused({ type: 'callTicket', counter: 1, ticketId: a1.id }, 'TICKET_NOT_FOR_COUNTER');
    expect(o.callNext(1).id).toBe(a2.id); // counter 1 never gets it back by "next"
    expect(o.callNext(2).id).toBe(a1.id); // before the older B001
    expect(o.state.tickets[a1.id]!.targetCounter).toBeNull();
    o.finish(2);
    expect(o.callNext(2).id).toBe(b1.id);
  });

  it('start counting calls again at the new counter (what "Mời lần 2" shows)', () => {
    const o = new Office(roomy());
    o.signIn(1).signIn(2);
    const a1 = o.issue('A');
    expect(o.state.tickets[a1.id]!.callsHere).toBe(0);
    o.callNext(1);
    o.recall(1);
    expect(o.state.tickets[a1.id]).toMatchObject({ callCount: 2, callsHere: 2 });
    o.run({ type: 'transfer', counter: 1, toService: null, toCounter: 2, note: null });
    expect(o.state.tickets[a1.id]!.callsHere).toBe(0);
    o.callNext(2);
    expect(o.state.tickets[a1.id]).toMatchObject({ callCount: 3, callsHere: 1 });
    o.noShow(2);
    o.reactivate(a1.id, 2);
    expect(o.state.tickets[a1.id]!.callsHere).toBe(0);
  });

  it('back to their line when the named counter closes: applyEvent reports those tickets as changed too', () => {
    const o = new Office(roomy());
    o.signIn(1);
    o.signIn(2);
    const a1 = o.issue('A');
    const a2 = o.issue('A');
    o.callNext(1);
    o.run({ type: 'transfer', counter: 1, toService: null, toCounter: 2, note: null });
    // The event names counter 2, not the ticket; a copy kept per ticket (the hub's stored tickets,
    // its cached snapshot) must still learn that a1 changed.
    const changed = new Set<string>();
    execute(o.config, o.state, { type: 'signOut', counter: 2, close: true }, o.now, changed);
    expect(o.state.tickets[a1.id]!.targetCounter).toBeNull();
    expect([...changed]).toEqual([a1.id]);
    expect(changed.has(a2.id)).toBe(false);
  });

  it('to a named counter may also change the service', () => {
    const o = new Office(roomy());
    o.signIn(1);
    const a1 = o.issue('A');
    o.callNext(1);
    o.run({ type: 'transfer', counter: 1, toService: 'B', toCounter: 3, note: null });
    expect(o.state.tickets[a1.id]).toMatchObject({ service: 'B', targetCounter: 3 });
    expect(o.state.lines.queued).toEqual({ A: 0, B: 1 });
  });

  it('are refused when they go nowhere', () => {
    const o = new Office(roomy());
    o.signIn(1);
    o.issue('A');
    o.callNext(1);
    o.refused(transfer('A', null), 'INVALID_TRANSFER');
    o.refused(transfer(null, 1), 'INVALID_TRANSFER');
    o.refused(transfer('Z', null), 'UNKNOWN_SERVICE');
    o.refused(transfer(null, 9), 'UNKNOWN_COUNTER');
  });

  it('are refused to a counter that is closed today, or to a service no open counter serves', () => {
    const o = new Office(roomy());
    o.signIn(1);
    o.issue('A');
    o.callNext(1);
    o.setLevel(3); // closes counter 2
    o.refused(transfer(null, 2), 'COUNTER_CLOSED_AT_LEVEL');
    o.run({ type: 'setCounterClosed', counter: 3, closed: true });
    o.refused(transfer(null, 3), 'COUNTER_CLOSED_BY_SUPERVISOR');
    // B is served by counters 2 and 3, both closed now: not even with a named open counter.
    o.refused(transfer('B', null), 'NO_OPEN_COUNTER');
    o.setLevel(1);
    o.run({ type: 'setCounterClosed', counter: 3, closed: false });
    o.signIn(2);
    o.run({ type: 'signOut', counter: 2, close: true });
    o.refused(transfer(null, 2), 'COUNTER_NOT_OPEN');
    // Open but nobody there yet: fine, the citizen waits for the officer.
    o.run(transfer('B', 3));
  });

  it('to a new service that no open counter serves is refused even with an open counter named', () => {
    const o = new Office(profile);
    o.signIn(5);
    o.issue('C');
    o.callNext(5);
    o.run({ type: 'setCounterClosed', counter: 7, closed: true }); // G's only counter
    const toG = { type: 'transfer', counter: 5, toService: 'G', toCounter: 8, note: null } as const;
    o.refused(toG, 'NO_OPEN_COUNTER');
    o.run({ ...toG, toService: 'K' }); // K is counter 8's own service
  });

  it('sent to a counter that then closes: the ticket goes back to its service, in its place', () => {
    for (const close of [
      (o: Office) => o.setLevel(3),
      (o: Office) => o.run({ type: 'setCounterClosed', counter: 2, closed: true }),
      (o: Office) => o.run({ type: 'signOut', counter: 2, close: true }),
    ]) {
      const o = new Office(roomy());
      o.signIn(1);
      o.signIn(2);
      const a1 = o.issue('A');
      const a2 = o.advance(1).issue('A');
      expect(o.callNext(1).id).toBe(a1.id);
      o.run({ type: 'transfer', counter: 1, toService: null, toCounter: 2, note: null });
      close(o);
      expect(o.state.tickets[a1.id]).toMatchObject({ status: 'waiting', targetCounter: null });
      expect(o.state.lines.targeted[2] ?? []).toEqual([]);
      expect(o.state.lines.waiting.A!.normal).toEqual([a1.id, a2.id]);
      expect(o.callNext(1).id).toBe(a1.id);
    }
  });
});

describe('calling', () => {
  it('calls a chosen ticket out of order, only one that waits inside for this counter', () => {
    const o = new Office(smallConfig());
    o.signIn(1);
    o.signIn(3);
    const a = [1, 2, 3, 4].map(() => o.issue('A')); // fills the hall (capacity 4)
    const outside = o.issue('A');
    expect(outside.status).toBe('outside');
    o.refused({ type: 'callTicket', counter: 1, ticketId: outside.id }, 'TICKET_OUTSIDE');
    o.run({ type: 'callTicket', counter: 1, ticketId: a[2]!.id });
    expect(o.state.tickets[a[2]!.id]!.status).toBe('called');
    o.refused({ type: 'callTicket', counter: 1, ticketId: a[0]!.id }, 'COUNTER_BUSY');
    o.finish(1);
    o.refused({ type: 'callTicket', counter: 1, ticketId: a[2]!.id }, 'TICKET_NOT_WAITING');
    o.refused({ type: 'callTicket', counter: 3, ticketId: a[0]!.id }, 'TICKET_NOT_FOR_COUNTER');
    o.refused({ type: 'callTicket', counter: 1, ticketId: 'nope' }, 'UNKNOWN_TICKET');
    expect(o.callNext(1).id).toBe(a[0]!.id); // the line itself is untouched
  });

  it('lets the all-priority counter pick any priority ticket, but not a normal one of another service', () => {
    const o = new Office(roomy());
    o.signIn(3);
    const normal = o.issue('A');
    const prio = o.issue('A', { priority: 'disabled' });
    o.refused({ type: 'callTicket', counter: 3, ticketId: normal.id }, 'TICKET_NOT_FOR_COUNTER');
    o.run({ type: 'callTicket', counter: 3, ticketId: prio.id });
    expect(o.state.tickets[prio.id]!.counter).toBe(3);
  });

  it('serves one citizen at a time at a counter', () => {
    const o = new Office(roomy());
    o.signIn(1);
    o.issue('A');
    o.issue('A');
    o.callNext(1);
    o.refused({ type: 'callNext', counter: 1 }, 'COUNTER_BUSY');
    o.run({ type: 'startServing', counter: 1 });
    o.refused({ type: 'callNext', counter: 1 }, 'COUNTER_BUSY');
    o.finish(1);
    o.callNext(1);
    o.finish(1);
    o.refused({ type: 'callNext', counter: 1 }, 'QUEUE_EMPTY');
  });

  it('needs a known, open counter', () => {
    const o = new Office(roomy());
    o.issue('A');
    o.refused({ type: 'callNext', counter: 9 }, 'UNKNOWN_COUNTER');
    o.refused({ type: 'callNext', counter: 1 }, 'COUNTER_NOT_OPEN'); // nobody signed in
  });
});

describe('counters', () => {
  it('pause and resume', () => {
    const o = new Office(roomy());
    o.refused({ type: 'pause', counter: 1, reason: 'break' }, 'COUNTER_NOT_OPEN');
    o.signIn(1);
    o.issue('A');
    o.run({ type: 'pause', counter: 1, reason: 'tea' });
    expect(o.state.counters[1]).toMatchObject({ status: 'paused', pauseReason: 'tea' });
    o.refused({ type: 'callNext', counter: 1 }, 'COUNTER_NOT_OPEN');
    o.refused({ type: 'pause', counter: 1, reason: 'again' }, 'COUNTER_NOT_OPEN');
    o.run({ type: 'resume', counter: 1 });
    expect(o.state.counters[1]).toMatchObject({ status: 'open', pauseReason: null });
    o.refused({ type: 'resume', counter: 1 }, 'COUNTER_NOT_OPEN');
    o.callNext(1);
    o.refused({ type: 'pause', counter: 1, reason: 'tea' }, 'COUNTER_BUSY');
  });

  it('an officer is at one counter at a time; an idle counter may be taken over', () => {
    const o = new Office(roomy());
    o.signIn(1, 'lan');
    o.refused({ type: 'signIn', counter: 2, officer: officer('lan') }, 'OFFICER_ELSEWHERE');
    const out = o.run({ type: 'signIn', counter: 1, officer: officer('minh') });
    expect(out.map((e) => e.event.type)).toEqual(['counter.signed_out', 'counter.signed_in']);
    expect(o.state.counters[1]!.officer?.id).toBe('minh');
    o.signIn(2, 'lan'); // lan is free again
    o.issue('A');
    o.callNext(1);
    o.refused({ type: 'signIn', counter: 1, officer: officer('hoa') }, 'COUNTER_BUSY');
    o.refused({ type: 'signOut', counter: 1, close: false }, 'COUNTER_BUSY');
    // The same officer signing in again (a reloaded terminal) keeps the ticket in hand.
    o.run({ type: 'signIn', counter: 1, officer: officer('minh') });
    expect(o.state.counters[1]!.current).not.toBeNull();
    o.finish(1);
    o.run({ type: 'signOut', counter: 1, close: false });
    expect(o.state.counters[1]).toMatchObject({ status: 'offline', officer: null });
    o.refused({ type: 'signIn', counter: 7, officer: officer('x') }, 'UNKNOWN_COUNTER');
  });

  it('are closed by the level (level 3 closes 2, 3 and 14 in the profile)', () => {
    const o = new Office(profile);
    o.signIn(1);
    o.signIn(2);
    o.issue('A');
    o.issue('A');
    o.callNext(2); // holds a ticket when the level changes
    o.setLevel(3);
    o.refused({ type: 'callNext', counter: 3 }, 'COUNTER_CLOSED_AT_LEVEL');
    o.finish(2); // a ticket in hand is still finished
    o.refused({ type: 'callNext', counter: 2 }, 'COUNTER_CLOSED_AT_LEVEL');
    o.signIn(14);
    o.refused({ type: 'callNext', counter: 14 }, 'COUNTER_CLOSED_AT_LEVEL');
    o.callNext(1);
    o.setLevel(2);
    o.signIn(3);
    o.refused({ type: 'callNext', counter: 3 }, 'QUEUE_EMPTY');
  });

  it('are closed and reopened by the supervisor', () => {
    const o = new Office(roomy());
    o.signIn(1);
    o.issue('A');
    o.run({ type: 'setCounterClosed', counter: 1, closed: true });
    expect(o.state.counters[1]!.closedBySupervisor).toBe(true);
    o.refused({ type: 'callNext', counter: 1 }, 'COUNTER_CLOSED_BY_SUPERVISOR');
    o.refused({ type: 'setCounterClosed', counter: 5, closed: true }, 'UNKNOWN_COUNTER');
    o.run({ type: 'setCounterClosed', counter: 1, closed: false });
    o.callNext(1);
  });
});

describe('ratings', () => {
  it('are taken once per ticket, only when done, within the scale; null means no rating', () => {
    const o = new Office(roomy());
    o.signIn(1);
    const t = o.issue('A');
    const rate = (ticketId: string, score: number | null): QueueCommand => ({
      type: 'rate',
      ticketId,
      score,
      reasons: [],
    });
    o.refused(rate(t.id, 4), 'NOT_RATABLE');
    o.callNext(1);
    o.refused(rate(t.id, 4), 'NOT_RATABLE');
    o.finish(1);
    o.refused(rate(t.id, 0), 'INVALID_SCORE');
    o.refused(rate(t.id, 5), 'INVALID_SCORE'); // the scale is 4
    o.refused(rate(t.id, 2.5), 'INVALID_SCORE');
    o.run({ type: 'rate', ticketId: t.id, score: 1, reasons: ['wait'] });
    expect(o.state.tickets[t.id]!.rating).toBe(1);
    o.refused(rate(t.id, 4), 'ALREADY_RATED');

    const t2 = o.issue('A');
    o.callNext(1);
    o.finish(1);
    o.run(rate(t2.id, null)); // timed out
    expect(o.state.tickets[t2.id]!.rating).toBeNull();
    o.refused(rate(t2.id, 3), 'ALREADY_RATED');

    const t3 = o.issue('A');
    o.callNext(1);
    o.run({ type: 'noShow', counter: 1 });
    o.refused(rate(t3.id, 3), 'NOT_RATABLE');
    o.refused(rate('nope', 3), 'UNKNOWN_TICKET');
  });

  it('follow a 5-level scale when the office uses one', () => {
    const o = new Office({ ...profile, rating: { ...profile.rating, scale: 5 } });
    o.signIn(5);
    const t = o.issue('C');
    o.callNext(5);
    o.finish(5);
    o.run({ type: 'rate', ticketId: t.id, score: 5, reasons: [] });
    expect(o.state.tickets[t.id]!.rating).toBe(5);
  });
});
