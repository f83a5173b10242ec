import { describe, expect, it } from 'vitest';
import { counterServices, localMidnight, servicesWithoutCounter } from '../src/index.js';
import { Office, recountLines, normalizeLines, replay, smallConfig } from './helpers.js';

// The office head's changes for the day (the console's actions): which services a counter serves,
// moving a waiting citizen to another service, a notice on the wall, a counter closed with a reason.

const roomy = () => smallConfig((c) => (c.zones[0]!.capacity = { 1: 100, 2: 100, 3: 100, 4: 100 }));

describe('a counter’s services for the day', () => {
  it('routes by them, lists them, and goes back to the configuration', () => {
    const o = new Office(roomy());
    o.signIn(1).signIn(2);
    const b1 = o.issue('B');
    const a1 = o.advance(1).issue('A');
    expect(counterServices(o.config, o.state, 1)).toEqual(['A']);
    o.run({ type: 'setCounterServices', counter: 1, services: ['B'] });
    expect(counterServices(o.config, o.state, 1)).toEqual(['B']);
    // Counter 1 now calls B001 (older) and never A001; counter 2 still serves both.
    expect(o.callNext(1).id).toBe(b1.id);
    o.finish(1);
    o.refused({ type: 'callTicket', counter: 1, ticketId: a1.id }, 'TICKET_NOT_FOR_COUNTER');
    o.refused({ type: 'callNext', counter: 1 }, 'QUEUE_EMPTY');
    // The same list as configured, or null, is the configuration again.
    o.run({ type: 'setCounterServices', counter: 1, services: ['A'] });
    expect(o.state.counters[1]!.services).toBeNull();
    expect(o.callNext(1).id).toBe(a1.id);
  });

  it('tells when a service is left with no counter, and refuses nonsense', () => {
    const o = new Office(roomy());
    o.signIn(1).signIn(2);
    o.issue('A');
    o.callNext(1);
    o.finish(1);
    o.issue('A');
    // Counters 1 and 2 both stop serving A while one citizen waits for it.
    o.run({ type: 'setCounterServices', counter: 1, services: ['B'] });
    o.run({ type: 'setCounterServices', counter: 2, services: ['B'] });
    expect(servicesWithoutCounter(o.config, o.state)).toEqual([{ service: 'A', waiting: 1 }]);
    o.refused({ type: 'issue', service: 'A', priority: null, party: 1, kioskId: null }, 'NO_OPEN_COUNTER');
    o.refused({ type: 'setCounterServices', counter: 1, services: [] }, 'INVALID_SERVICES');
    o.refused({ type: 'setCounterServices', counter: 1, services: ['Z'] }, 'UNKNOWN_SERVICE');
    o.refused({ type: 'setCounterServices', counter: 9, services: ['A'] }, 'UNKNOWN_COUNTER');
  });
});

describe('moving a waiting ticket to another service', () => {
  it('keeps its age in the new line; one outside stays outside', () => {
    const o = new Office(smallConfig()); // a hall of 4
    o.signIn(1).signIn(3);
    const a1 = o.issue('A');
    o.advance(1);
    const b1 = o.issue('B');
    o.run({ type: 'moveTicket', ticketId: a1.id, toService: 'B' });
    expect(o.state.tickets[a1.id]).toMatchObject({
      service: 'B',
      issuedService: 'A',
      status: 'waiting',
      transfers: 1,
    });
    expect(o.state.lines.waiting.B!.normal).toEqual([a1.id, b1.id]); // older, so first
    for (let i = 0; i < 3; i++) o.issue('A');
    const out = o.issue('A'); // the hall (4) is full: waits outside
    expect(out.status).toBe('outside');
    o.run({ type: 'moveTicket', ticketId: out.id, toService: 'B' });
    expect(o.state.tickets[out.id]).toMatchObject({ service: 'B', status: 'outside' });
    expect(normalizeLines(o.state.lines)).toEqual(normalizeLines(recountLines(o.state)));
  });

  it('is refused for a ticket not waiting, to its own service, or where nobody can call it', () => {
    const o = new Office(roomy());
    o.signIn(1);
    const a1 = o.issue('A');
    const a2 = o.issue('A');
    o.refused({ type: 'moveTicket', ticketId: a1.id, toService: 'A' }, 'INVALID_TRANSFER');
    o.refused({ type: 'moveTicket', ticketId: a1.id, toService: 'Z' }, 'UNKNOWN_SERVICE');
    o.run({ type: 'setLevel', level: 4 }); // level 4 closes counter 2: B still has counter 3
    o.run({ type: 'setCounterClosed', counter: 3, closed: true, reason: 'Cán bộ đi họp' });
    o.refused({ type: 'moveTicket', ticketId: a1.id, toService: 'B' }, 'NO_OPEN_COUNTER');
    o.callNext(1);
    o.refused({ type: 'moveTicket', ticketId: a1.id, toService: 'B' }, 'TICKET_NOT_WAITING');
    expect(o.state.tickets[a2.id]!.service).toBe('A');
  });
});

describe('the supervisor’s closing reason and the wall notice', () => {
  it('keeps why a counter was closed until it opens again; a notice until cleared', () => {
    const o = new Office(roomy());
    o.run({ type: 'setCounterClosed', counter: 2, closed: true, reason: 'Cán bộ đi tập huấn' });
    expect(o.state.counters[2]).toMatchObject({
      closedBySupervisor: true,
      closedReason: 'Cán bộ đi tập huấn',
    });
    o.run({ type: 'setCounterClosed', counter: 2, closed: false });
    expect(o.state.counters[2]).toMatchObject({ closedBySupervisor: false, closedReason: null });
    const until = o.now + 3_600_000;
    o.run({ type: 'setNotice', text: 'Hệ thống liên thông tạm gián đoạn, xin quý vị thông cảm.', until });
    expect(o.state.notice).toEqual({
      text: 'Hệ thống liên thông tạm gián đoạn, xin quý vị thông cảm.',
      until,
    });
    o.run({ type: 'setNotice', text: null, until: null });
    expect(o.state.notice).toBeNull();
  });

  it('replays to the same day', () => {
    const o = new Office(roomy());
    o.signIn(1).signIn(2);
    const a1 = o.issue('A');
    o.run({ type: 'setCounterServices', counter: 2, services: ['B', 'A'] });
    o.run({ type: 'moveTicket', ticketId: a1.id, toService: 'B' });
    o.run({ type: 'setCounterClosed', counter: 1, closed: true, reason: 'Mất điện' });
    o.run({ type: 'setNotice', text: 'Quầy 1 tạm đóng', until: null });
    expect(replay(o.config, o.log)).toEqual(o.state);
  });
});

describe('localMidnight', () => {
  it('is the start of a local day, east and west of UTC', () => {
    expect(new Date(localMidnight('2026-11-30', 'Asia/Ho_Chi_Minh')).toISOString()).toBe(
      '2026-11-29T17:00:00.000Z',
    );
    expect(new Date(localMidnight('2026-11-30', 'America/Sao_Paulo')).toISOString()).toBe(
      '2026-11-30T03:00:00.000Z',
    );
    expect(new Date(localMidnight('2026-11-30', 'UTC')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });
});
