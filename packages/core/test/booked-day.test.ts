import { describe, expect, it } from 'vitest';
import { applyEvent, createDay, type OfficeConfig, type TicketBooking } from '../src/index.js';
import { at, MINUTE, normalizeLines, Office, recountLines, replay, smallConfig } from './helpers.js';

/**
 * The small office with bookings on and a big hall: A (10 min) at counters 1 and 2, B at 2 and 3
 * (3 also takes every priority ticket); 2 priority calls in a row, ageing after 30 minutes.
 */
const office = (change?: (c: OfficeConfig) => void) =>
  smallConfig((c) => {
    c.bookings = { enabled: true };
    c.zones[0]!.capacity = { 1: 100, 2: 100, 3: 100, 4: 100 };
    change?.(c);
  });

let codes = 0;
const booked = (hour: number, minute = 0): TicketBooking => ({
  code: `BK${String(++codes).padStart(6, '2')}`,
  slotStart: at(hour, minute),
});

describe('checking a booking in', () => {
  it('gives a number of the service daily series, marked with its booking', () => {
    const o = new Office(office(), at(8, 40));
    o.signIn(1);
    o.issue('A'); // A001, a walk-in
    const b = booked(9);
    const t = o.issue('A', { booking: b });
    expect(t.number).toBe('A002');
    expect(t.booking).toEqual(b);
    expect(o.ticket('A001').booking).toBeNull();
    expect(o.issue('A').number).toBe('A003');
  });

  it('refuses outside the window, and a second check-in of the same booking', () => {
    const o = new Office(office(), at(9, 29));
    o.signIn(1);
    const b = booked(10);
    o.refused(
      { type: 'issue', service: 'A', priority: null, party: 1, kioskId: null, booking: b },
      'CHECK_IN_EARLY',
    );
    o.now = at(9, 30);
    o.issue('A', { booking: b });
    o.refused(
      { type: 'issue', service: 'A', priority: null, party: 1, kioskId: null, booking: b },
      'ALREADY_CHECKED_IN',
    );
    o.now = at(10, 10) + 1;
    o.refused(
      { type: 'issue', service: 'A', priority: null, party: 1, kioskId: null, booking: booked(10) },
      'CHECK_IN_LATE',
    );
  });

  it('checks early comers in when the office lets them wait, on the day of their slot only', () => {
    const o = new Office(
      office((c) => (c.bookings!.checkIn = { early: 'wait' })),
      at(8, 10),
    );
    o.signIn(1);
    expect(o.issue('A', { booking: booked(11) }).number).toBe('A001');
    o.refused(
      {
        type: 'issue',
        service: 'A',
        priority: null,
        party: 1,
        kioskId: null,
        booking: { code: 'TOMORROW', slotStart: at(9, 0, 1) },
      },
      'CHECK_IN_EARLY',
    );
  });

  it('follows the window, not the opening hours, and is not stopped by the daily cap', () => {
    const o = new Office(
      office((c) => (c.services[0]!.dailyCap = 1)),
      at(7, 40),
    );
    o.signIn(1);
    o.refused({ type: 'issue', service: 'A', priority: null, party: 1, kioskId: null }, 'OUTSIDE_SESSION');
    expect(o.issue('A', { booking: booked(8) }).number).toBe('A001'); // before 08:00
    o.now = at(12, 40); // lunch break, for a 13:00 slot
    expect(o.issue('A', { booking: booked(13) }).number).toBe('A002'); // past the cap of 1
    o.now = at(13, 5);
    o.refused({ type: 'issue', service: 'A', priority: null, party: 1, kioskId: null }, 'DAILY_CAP_REACHED');
  });

  it('still refuses when nobody could call the citizen', () => {
    const o = new Office(office(), at(9, 50));
    o.setLevel(4); // A restricted
    o.refused(
      { type: 'issue', service: 'A', priority: null, party: 1, kioskId: null, booking: booked(10) },
      'SERVICE_RESTRICTED',
    );
  });
});

describe('calling order with bookings', () => {
  it('calls a checked-in booking whose slot has started ahead of walk-ins of its service', () => {
    const o = new Office(office(), at(8, 30));
    o.signIn(1);
    o.issue('A'); // A001 08:30
    o.advance(5).issue('A', { booking: booked(9) }); // A002 checked in 08:35 for 09:00
    o.advance(5).issue('A'); // A003 08:40
    o.now = at(9);
    expect(o.serveAll(1)).toEqual(['A002', 'A001', 'A003']);
  });

  it('orders a booking before its slot like a walk-in, by its check-in time', () => {
    const o = new Office(office(), at(8, 30));
    o.signIn(1);
    o.issue('A'); // A001 08:30
    o.advance(5).issue('A', { booking: booked(9) }); // A002 08:35, slot 09:00
    o.advance(5).issue('A'); // A003 08:40
    o.now = at(8, 50);
    expect(o.serveAll(1)).toEqual(['A001', 'A002', 'A003']);
  });

  it('calls due bookings by slot, then check-in', () => {
    const o = new Office(office(), at(8, 50));
    o.signIn(1);
    o.issue('A'); // A001 walk-in
    o.issue('A', { booking: booked(9, 15) }); // A002
    o.issue('A', { booking: booked(9) }); // A003
    o.advance(1).issue('A', { booking: booked(9) }); // A004
    o.now = at(9, 16);
    expect(o.serveAll(1)).toEqual(['A003', 'A004', 'A002', 'A001']);
  });

  it('keeps priority in both lines: a priority walk-in before a normal booking, a priority booking first', () => {
    const o = new Office(office(), at(8, 40));
    o.signIn(1);
    o.issue('A', { booking: booked(9) }); // A001 normal booking
    o.issue('A', { priority: 'elderly' }); // A002 priority walk-in
    o.issue('A', { priority: 'disabled', booking: booked(9) }); // A003 priority booking
    o.issue('A'); // A004 normal walk-in
    o.now = at(9);
    expect(o.serveAll(1)).toEqual(['A003', 'A002', 'A001', 'A004']);
  });

  it('gives priority bookings to the counter that takes every priority ticket, not normal ones', () => {
    const o = new Office(office(), at(8, 40));
    o.signIn(3);
    o.issue('A', { booking: booked(9) }); // A001: counter 3 does not serve A
    o.issue('A', { priority: 'elderly', booking: booked(9) }); // A002
    o.now = at(9);
    expect(o.serveAll(3)).toEqual(['A002']);
  });

  it('serves walk-ins of another service by their age, not behind the bookings', () => {
    const o = new Office(office(), at(8, 20));
    o.signIn(2); // serves A and B
    o.issue('B'); // B001 08:20
    o.advance(30).issue('A', { booking: booked(9) }); // A001 08:50
    o.now = at(9);
    expect(o.serveAll(2)).toEqual(['B001', 'A001']);
  });

  it('lets no more than 2 bookings in a row past a walk-in who waited more than 30 minutes', () => {
    const o = new Office(office(), at(8, 0));
    o.signIn(1);
    o.issue('A'); // A001 08:00, the walk-in
    o.now = at(8, 35);
    for (let i = 0; i < 5; i++) o.issue('A', { booking: booked(9) }); // A002–A006
    o.now = at(9);
    // The walk-in has waited 60 minutes: 2 bookings, the walk-in, then the rest.
    const order: Array<[string, number]> = [];
    for (let i = 0; i < 6; i++) {
      const t = o.callNext(1);
      order.push([t.number, o.state.counters[1]!.bookedInRow ?? 0]);
      o.finish(1);
    }
    expect(order).toEqual([
      ['A002', 1],
      ['A003', 2],
      ['A001', 0],
      ['A004', 0],
      ['A005', 0],
      ['A006', 0],
    ]);
  });

  it('does not hold bookings back for a walk-in who has not waited long', () => {
    const o = new Office(office(), at(8, 40));
    o.signIn(1);
    for (let i = 0; i < 4; i++) o.issue('A', { booking: booked(9) }); // A001–A004
    o.issue('A'); // A005 08:40: 20 minutes at 09:00
    o.now = at(9);
    expect(o.serveAll(1)).toEqual(['A001', 'A002', 'A003', 'A004', 'A005']);
  });

  it('carries the count in the call event, so a replay and the counter agree', () => {
    const o = new Office(office(), at(8, 0));
    o.signIn(1);
    o.issue('A');
    o.now = at(8, 45);
    o.issue('A', { booking: booked(9) });
    o.issue('A', { booking: booked(9) });
    o.now = at(9);
    o.callNext(1);
    expect(o.last[0]!.event).toMatchObject({ type: 'ticket.called', bookedInRow: 1 });
    o.finish(1);
    o.callNext(1);
    o.finish(1);
    o.callNext(1); // the walk-in
    expect(o.last[0]!.event).not.toHaveProperty('bookedInRow');
    expect(replay(o.config, o.log)).toEqual(o.state);
  });
});

describe('a booked citizen after the first call', () => {
  it('is put back after a no-show with reactivateBehind ahead, not at the head of the line', () => {
    const o = new Office(office(), at(8, 40));
    o.signIn(1);
    o.issue('A', { booking: booked(9) }); // A001
    o.issue('A'); // A002
    o.issue('A'); // A003
    o.issue('A'); // A004
    o.now = at(9);
    expect(o.callNext(1).number).toBe('A001');
    o.noShow(1);
    o.reactivate('20261130-A001', 1);
    expect(o.serveAll(1)).toEqual(['A002', 'A003', 'A001', 'A004']);
  });

  it('is ordered by age in the line it is transferred to', () => {
    const o = new Office(office(), at(8, 35));
    o.signIn(1);
    o.signIn(3);
    o.issue('B'); // B001 08:35
    o.now = at(8, 40);
    o.issue('A', { booking: booked(9) }); // A001 08:40
    o.now = at(8, 50);
    o.issue('B'); // B002 08:50
    o.now = at(9);
    expect(o.callNext(1).number).toBe('A001');
    o.transfer(1, { service: 'B' });
    // By its original time, 08:40: after B001, before B002 — not at the head as a due booking.
    expect(o.serveAll(3)).toEqual(['B001', 'A001', 'B002']);
  });
});

describe('a booking and the hall cap', () => {
  /** A hall of 1: everyone after the first waits outside. */
  const small = () => office((c) => (c.zones[0]!.capacity = { 1: 1, 2: 1, 3: 1, 4: 1 }));

  it('waits outside with the hall full, like everyone', () => {
    const o = new Office(small(), at(8, 50));
    o.signIn(1);
    o.issue('A'); // A001 inside
    const t = o.issue('A', { booking: booked(9) });
    expect(t.status).toBe('outside');
  });

  it('checked in after its slot started, goes ahead of those who came since then, not of earlier ones', () => {
    const o = new Office(small(), at(8, 55));
    o.signIn(1);
    o.issue('A'); // A001 inside
    o.issue('A'); // A002 outside, came before the slot
    o.now = at(9, 2);
    o.issue('A'); // A003 outside, came after 09:00
    o.now = at(9, 6);
    o.issue('A', { booking: booked(9) }); // A004, 6 minutes late
    o.now = at(9, 7);
    o.issue('A'); // A005
    const outside = o.state.lines.outside.hall!.normal.map((id) => o.state.tickets[id]!.number);
    expect(outside).toEqual(['A002', 'A004', 'A003', 'A005']);
    // And let in in that order.
    expect(o.serveAll(1)).toEqual(['A001', 'A002', 'A004', 'A003', 'A005']);
    expect(normalizeLines(o.state.lines)).toEqual(normalizeLines(recountLines(o.state)));
    expect(replay(o.config, o.log)).toEqual(o.state);
  });

  it('goes straight in when the hall has room for it and nobody it follows waits', () => {
    const o = new Office(
      office((c) => (c.zones[0]!.capacity = { 1: 4, 2: 4, 3: 4, 4: 4 })),
      at(8, 55),
    );
    o.signIn(1);
    o.issue('A', { party: 3 }); // inside: 3 of 4
    o.now = at(9, 1);
    o.issue('A', { party: 2 }); // outside: does not fit
    o.now = at(9, 5);
    const t = o.issue('A', { booking: booked(9) }); // ahead of the party of 2, and fits
    expect(t.status).toBe('waiting');
  });
});

describe('replay of a day with bookings', () => {
  it('rebuilds the same day from the log, and from older logs without the field', () => {
    const o = new Office(office(), at(8, 30));
    o.signIn(1);
    o.signIn(2);
    o.issue('A');
    o.issue('A', { booking: booked(9) });
    o.issue('B', { booking: booked(9), priority: 'elderly' });
    o.now = at(9, 1);
    o.callNext(1);
    o.callNext(2);
    o.noShow(2);
    o.finish(1);
    expect(replay(o.config, o.log)).toEqual(o.state);
    // A ticket from a log written before bookings (no `booking` field) replays as a walk-in.
    const old = createDay(o.config, o.state.day);
    for (const e of o.log) {
      const event =
        e.event.type === 'ticket.issued' && e.event.ticket.booking === null
          ? { ...e.event, ticket: (({ booking: _, ...t }) => t)(e.event.ticket) }
          : e.event;
      applyEvent(old, event, e.at, o.config);
    }
    expect(old.tickets['20261130-A001']!.booking ?? null).toBeNull();
    expect(normalizeLines(old.lines)).toEqual(normalizeLines(o.state.lines));
  });

  it('keeps the booking in a copy of the ticket, not shared with the event', () => {
    const o = new Office(office(), at(8, 50));
    const t = o.issue('A', { booking: booked(9) });
    const event = o.last[0]!.event;
    if (event.type !== 'ticket.issued') throw new Error('not issued');
    expect(t.booking).not.toBe(event.ticket.booking);
    expect(MINUTE).toBe(60_000);
  });
});
