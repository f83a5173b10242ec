import { describe, expect, it } from 'vitest';
import { capacity, entryLine, entryPlace, nextAdmissions, occupancy, outsideCount } from '../src/index.js';
import { Office, smallConfig } from './helpers.js';

/** Small office: hall capacity 4 / 3 / 2 / 1 by level. */
function office() {
  const o = new Office(smallConfig());
  o.signIn(1);
  o.signIn(2);
  o.signIn(3);
  return o;
}

const statuses = (o: Office) => Object.values(o.state.tickets).map((t) => `${t.number}:${t.status}`);

describe('hall capacity', () => {
  it('depends on the level', () => {
    const o = office();
    expect([1, 2, 3, 4].map((l) => (o.setLevel(l as 1), capacity(o.config, o.state, 'hall')))).toEqual([
      4, 3, 2, 1,
    ]);
  });

  it('sends a new ticket outside when the hall is full, with its place in the entry line', () => {
    const o = office();
    for (let i = 0; i < 4; i++) expect(o.issue('A').status).toBe('waiting');
    const a5 = o.issue('A');
    const b1 = o.issue('B');
    expect(a5).toMatchObject({ status: 'outside', admittedAt: null });
    expect(b1.status).toBe('outside');
    expect(occupancy(o.state, 'hall')).toBe(4);
    expect(outsideCount(o.state, 'hall')).toBe(2);
    expect(entryPlace(o.state, a5.id)).toBe(1);
    expect(entryPlace(o.state, b1.id)).toBe(2);
    expect(entryPlace(o.state, o.ticket('A001').id)).toBeNull();
  });

  it('counts the whole party', () => {
    const o = office();
    o.issue('A', { party: 3 });
    expect(o.issue('A', { party: 2 }).status).toBe('outside');
    expect(occupancy(o.state, 'hall')).toBe(3);
  });

  it('admits the next outside ticket when someone finishes, is a no-show or cancels', () => {
    const o = office();
    for (let i = 0; i < 7; i++) o.issue('A'); // A005, A006, A007 outside
    o.callNext(1);
    const out = o.advance(5).run({ type: 'finish', counter: 1, outcome: { kind: 'guided' } });
    expect(out.map((e) => e.event.type)).toEqual(['ticket.finished', 'ticket.admitted']);
    expect(o.ticket('A005')).toMatchObject({ status: 'waiting', admittedAt: o.now });
    o.callNext(1);
    o.run({ type: 'noShow', counter: 1 });
    expect(o.ticket('A006').status).toBe('waiting');
    o.run({ type: 'cancel', ticketId: o.ticket('A004').id, reason: 'left' });
    expect(o.ticket('A007').status).toBe('waiting');
    expect(occupancy(o.state, 'hall')).toBe(4);
  });

  it('keeps the hall count when a ticket is called, served or transferred', () => {
    const o = office();
    for (let i = 0; i < 5; i++) o.issue('A');
    o.callNext(1);
    o.run({ type: 'startServing', counter: 1 });
    o.run({ type: 'transfer', counter: 1, toService: 'B', toCounter: null, note: null });
    expect(occupancy(o.state, 'hall')).toBe(4);
    expect(o.ticket('A005').status).toBe('outside');
  });

  it('lets the citizen cancel from outside; the line moves up', () => {
    const o = office();
    for (let i = 0; i < 6; i++) o.issue('A');
    o.run({ type: 'cancel', ticketId: o.ticket('A005').id, reason: 'left' });
    expect(entryPlace(o.state, o.ticket('A006').id)).toBe(1);
    expect(o.ticket('A006').status).toBe('outside');
  });

  it('admits priority tickets first, then by arrival', () => {
    const o = office();
    for (let i = 0; i < 4; i++) o.issue('A');
    o.issue('A'); // A005 outside
    o.issue('B'); // B001 outside
    o.issue('B', { priority: 'elderly' }); // B002 outside, ahead of both
    expect(entryLine(o.state, 'hall').map((id) => o.state.tickets[id]!.number)).toEqual([
      'B002',
      'A005',
      'B001',
    ]);
    expect(entryPlace(o.state, o.ticket('B002').id)).toBe(1);
    o.serveAll(1, 1);
    expect(o.ticket('B002').status).toBe('waiting');
    o.serveAll(1, 1);
    expect(o.ticket('A005').status).toBe('waiting');
    expect(o.ticket('B001').status).toBe('outside');
  });

  it('lets a priority ticket straight in when there is room and no other priority ticket waits outside', () => {
    const o = office();
    o.issue('A');
    o.issue('A'); // 2 inside, room for 2
    const big = o.issue('A', { party: 3 }); // does not fit: waits outside
    expect(big.status).toBe('outside');
    expect(o.issue('A').status).toBe('outside'); // a normal ticket does not overtake it
    const p = o.issue('B', { priority: 'elderly' }); // a priority one comes first anyway
    expect(p.status).toBe('waiting');
    expect(o.issue('B', { priority: 'elderly', party: 2 }).status).toBe('outside'); // no room left
    expect(o.issue('B', { priority: 'elderly' }).status).toBe('outside'); // behind the priority ticket outside
  });

  it('admits more when the level raises capacity, nobody when it lowers it until below', () => {
    const o = office();
    o.setLevel(3); // capacity 2
    for (let i = 0; i < 5; i++) o.issue('A');
    expect(statuses(o).filter((s) => s.endsWith('outside'))).toHaveLength(3);
    const out = o.run({ type: 'setLevel', level: 2 }); // capacity 3
    expect(out.map((e) => e.event.type)).toEqual(['level.changed', 'ticket.admitted']);
    o.setLevel(1); // capacity 4
    expect(occupancy(o.state, 'hall')).toBe(4);
    expect(o.ticket('A005').status).toBe('outside');

    o.setLevel(3); // capacity 2, 4 inside: nobody is sent out, nobody comes in
    expect(occupancy(o.state, 'hall')).toBe(4);
    o.serveAll(1, 1); // 3 inside
    expect(o.ticket('A005').status).toBe('outside');
    o.serveAll(1, 1); // 2 inside: still full
    expect(o.ticket('A005').status).toBe('outside');
    o.serveAll(1, 1); // 1 inside: room for one
    expect(o.ticket('A005').status).toBe('waiting');
    expect(occupancy(o.state, 'hall')).toBe(2);
  });

  it('never lets a smaller party overtake the head of the entry line', () => {
    const o = office();
    for (let i = 0; i < 4; i++) o.issue('A'); // full
    o.issue('A', { party: 3 }); // A005, head
    o.issue('A'); // A006
    o.serveAll(1, 1); // 3 inside, room for 1: A006 would fit but A005 is first
    expect(o.ticket('A005').status).toBe('outside');
    expect(o.ticket('A006').status).toBe('outside');
    expect(nextAdmissions(o.config, o.state, 'hall')).toEqual([]);
    o.serveAll(1, 1); // 2 inside
    expect(o.ticket('A005').status).toBe('outside');
    o.serveAll(1, 1); // 1 inside: A005 (3) fits, then the hall is full again
    expect(o.ticket('A005').status).toBe('waiting');
    expect(o.ticket('A006').status).toBe('outside');
    expect(occupancy(o.state, 'hall')).toBe(4);
  });

  it('lets a party larger than a lowered capacity into an empty hall rather than never', () => {
    const o = office();
    for (let i = 0; i < 4; i++) o.issue('B');
    o.issue('B', { party: 3 }); // B005 outside
    o.setLevel(3); // capacity 2
    expect(o.serveAll(3).slice(0, 4)).toEqual(['B001', 'B002', 'B003', 'B004']);
    expect(o.ticket('B005').status).toBe('done'); // admitted alone when the hall was empty
  });

  it('admits nobody while the day is being closed', () => {
    const o = office();
    for (let i = 0; i < 6; i++) o.issue('A');
    o.callNext(1);
    const out = o.run({ type: 'closeDay' });
    expect(out.map((e) => e.event.type).filter((t) => t === 'ticket.admitted')).toEqual([]);
    expect(Object.values(o.state.tickets).every((t) => t.status === 'cancelled')).toBe(true);
    expect(o.state.lines.occupancy).toEqual({ hall: 0 });
  });

  it('admits nobody at a day rollover', () => {
    const o = office();
    for (let i = 0; i < 6; i++) o.issue('A');
    const out = o.rollover(o.now + 24 * 3600_000);
    expect(out.map((e) => e.event.type)).not.toContain('ticket.admitted');
  });
});
