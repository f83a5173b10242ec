import { afterEach, describe, expect, it } from 'vitest';
import type { TestHub } from '@luot/hub/testing';
import { book, bookingHub, monday, post, type Json } from './helpers.js';

let t: TestHub | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const DAY = '2026-11-30'; // the test hub's Monday

describe('reports of bookings (day report, range report, CSV)', () => {
  it('counts booked, checked in, lapsed, no-show and cancelled per service, and waits booked vs walk-in', async () => {
    t = await bookingHub(); // Monday 09:00
    const hub = t;
    const bookA = async (slotStart: number, phone: string) => {
      const r = await book(hub, { service: 'A', slotStart, phone });
      expect(r.status).toBe(200);
      return r.body.code as string;
    };
    const onTime = await bookA(monday(10), '0912345678');
    const never = await bookA(monday(10, 15), '0912345679');
    const cancelled = await bookA(monday(10, 30), '0912345670');
    const late = await bookA(monday(10, 45), '0912345671');
    expect((await post(t, '/api/book/cancel', { code: cancelled, phoneLast3: '670' })).body.status).toBe(
      'cancelled',
    );

    const kiosk = await t.client('test-kiosk-1-token');
    t.clock.advance(35 * 60_000); // 09:35: the booked citizen checks in early (the window is open)
    const booked = await kiosk.send('booking.checkIn', { code: onTime });
    t.clock.advance(15 * 60_000); // 09:50: a walk-in
    const walkIn = await kiosk.send('ticket.issue', { service: 'A' });

    const counter = await t.counter(1);
    t.clock.advance(15 * 60_000); // 10:05: the slot has started, the booking goes first
    const first = await counter.send('counter.callNext', {});
    expect(first.result).toMatchObject({ ticket: { id: booked.result.ticket.id } });
    await counter.send('counter.startServing', {});
    await counter.send('counter.finish', { outcome: { kind: 'received' } });
    t.clock.advance(15 * 60_000); // 10:20: the walk-in, 30 minutes after its issue
    const second = await counter.send('counter.callNext', {});
    expect(second.result).toMatchObject({ ticket: { id: walkIn.result.ticket.id } });

    t.clock.advance(40 * 60_000); // 11:00: past 10:45's window (to 10:55), the booking lapses
    await expect(kiosk.send('booking.checkIn', { code: late })).rejects.toMatchObject({
      code: 'CHECK_IN_LATE',
    });
    await t.hub.bookingJobs.run(); // 10:15's window closed at 10:25: `never` is a no-show

    expect(t.hub.bookings.get(never)!.status).toBe('no_show');
    const headers = await t.supervisorHeaders();
    const get = async (path: string) => {
      const res = await fetch(`${hub.hub.url}${path}`, { headers });
      expect(res.status).toBe(200);
      return res;
    };
    const expected = {
      day: DAY,
      service: 'A',
      booked: 4,
      pending: 0,
      checkedIn: 1,
      lapsed: 1,
      noShow: 1,
      cancelled: 1,
      // From the slot's start (10:00), not the early check-in (09:35), to the call at 10:05.
      bookedWait: { count: 1, mean: 5, median: 5, p90: 5 },
      walkInWait: { count: 1, mean: 30, median: 30, p90: 30 },
    };

    const day = (await (await get(`/api/reports/day?date=${DAY}`)).json()) as Json;
    expect(day.bookings.rows).toEqual([expect.objectContaining(expected)]);
    expect(day.bookings.rows[0].name.vi).toBeTruthy();

    const range = (await (await get(`/api/reports?from=${DAY}&to=${DAY}`)).json()) as Json;
    expect(range.current.bookings.rows).toEqual([expect.objectContaining(expected)]);
    expect(range.current.bookings.total).toMatchObject({ booked: 4, checkedIn: 1, noShow: 1 });
    // A day without bookings has none.
    const before = (await (await get('/api/reports?from=2026-11-23&to=2026-11-23')).json()) as Json;
    expect(before.current.bookings).toBeUndefined();

    const csv = await (await get(`/api/exports/report.csv?view=bookings&from=${DAY}&to=${DAY}`)).text();
    const lines = csv.replace('\uFEFF', '').trim().split('\n');
    expect(lines[0]).toContain('Đã đặt,Chưa đến giờ,Đã đến nhận số,Đến trễ (hết hiệu lực),Không đến,Đã huỷ');
    expect(lines[1]).toMatch(/^2026-11-30,A,"Đất đai[^"]+",4,0,1,1,1,1,1,5,5,1,30,30$/);
    expect(lines[2]).toMatch(/^Tổng cộng,,,4,0,1,1,1,1,1,5,5,1,30,30$/);

    // The day's ticket CSV marks the booked ticket with its slot (local time); a walk-in's is empty.
    const tickets = (await (await get(`/api/exports/tickets.csv?date=${DAY}`)).text()).trim().split('\n');
    expect(tickets[0]!.split(',').at(-1)).toBe('booking_slot_at');
    const row = (number: string) => tickets.find((l) => l.startsWith(`${number},`))!;
    expect(row(booked.result.ticket.number).split(',').at(-1)).toBe('2026-11-30 10:00:00');
    expect(row(walkIn.result.ticket.number).split(',').at(-1)).toBe('');
  });
});
