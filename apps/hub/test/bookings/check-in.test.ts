import { afterEach, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { decodeEscPos } from '@luot/printer';
import type { LuotClient } from '@luot/client';
import type { TestHub } from '@luot/hub/testing';
import { book, bookingHub, monday, post } from './helpers.js';

let t: TestHub | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** The refusal a command got: its code, Vietnamese words and details. */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    const err = e as { code: string; messages: { vi: string }; details?: Record<string, unknown> };
    return { code: err.code, vi: err.messages.vi, details: err.details ?? {} };
  }
  throw new Error('the command was not refused');
}

const bookAt = async (hub: TestHub, slotStart: number, phone: string) => {
  const r = await book(hub, { service: 'A', slotStart, phone, name: 'Lê Thị Hoa' });
  expect(r.status).toBe(200);
  return r.body.code as string;
};

describe('checking in a booking (booking.checkIn)', () => {
  it('early: says when to come back; in the window: a number of the series marked as booked; twice: refused', async () => {
    t = await bookingHub(); // Monday 09:00
    const code = await bookAt(t, monday(10), '0912345678');
    const kiosk: LuotClient = await t.client('test-kiosk-1-token');

    const early = await refusal(kiosk.send('booking.checkIn', { code }));
    expect(early.code).toBe('CHECK_IN_EARLY');
    expect(early.vi).toContain('Chưa đến giờ xác nhận');
    expect(early.details).toMatchObject({ opensAt: monday(9, 30), start: '10:00', service: 'A' });

    t.clock.advance(35 * 60_000); // 09:35
    // A walk-in first, so the booked citizen's number is the next of the same series.
    await kiosk.send('ticket.issue', { service: 'A' });
    const ok = await kiosk.send('booking.checkIn', { code: code.toLowerCase().replace(/(....)/, '$1-') });
    expect(ok.result.ticket).toMatchObject({
      number: 'A002',
      service: 'A',
      booking: { code, slotStart: monday(10) },
    });
    expect(ok.result.booking).toMatchObject({ code, status: 'checked_in', ticket: { number: 'A002' } });
    expect(ok.result.url).toContain('/t/');
    const row = t.hub.store.db.prepare('SELECT status, ticket_id FROM bookings WHERE code = ?').get(code);
    expect(row).toEqual({ status: 'checked_in', ticket_id: ok.result.ticket.id });

    const twice = await refusal(kiosk.send('booking.checkIn', { code }));
    expect(twice.code).toBe('ALREADY_CHECKED_IN');

    // The citizen's lookup shows the number and its phone page.
    const seen = await post(t, '/api/book/lookup', { code, phoneLast3: '678' });
    expect(seen.body.ticket).toMatchObject({ number: 'A002', url: ok.result.url });

    // Served at counter 1: the booking reads as served.
    const counter = await t.counter(1);
    await counter.send('counter.callNext', {});
    await counter.send('counter.startServing', {});
    // Booked and due at 10:00; at 09:35 the walk-in A001 came first: serve both.
    await counter.send('counter.finish', { outcome: { kind: 'received' } });
    await counter.send('counter.callNext', {});
    await counter.send('counter.startServing', {});
    await counter.send('counter.finish', { outcome: { kind: 'received' } });
    expect((await post(t, '/api/book/lookup', { code, phoneLast3: '678' })).body.status).toBe('served');
    // The jobs store it, so it still reads so after the day (the view reads only today's tickets).
    await t.hub.bookingJobs.run();
    expect(t.hub.bookings.get(code)!.status).toBe('served');
  });

  it('late: the booking lapses, the citizen is told why and may take an ordinary number', async () => {
    t = await bookingHub();
    const code = await bookAt(t, monday(10), '0912345678');
    t.clock.advance(70 * 60_000 + 1); // 10:10 and a bit: the window closed at 10:10
    const kiosk = await t.client('test-kiosk-1-token');
    const late = await refusal(kiosk.send('booking.checkIn', { code }));
    expect(late.code).toBe('CHECK_IN_LATE');
    expect(late.vi).toContain('bạn có thể lấy số thường');
    expect(late.details).toMatchObject({ closedAt: monday(10, 10), service: 'A' });
    expect(t.hub.bookings.get(code)!.status).toBe('lapsed');
    expect((await refusal(kiosk.send('booking.checkIn', { code }))).code).toBe('CHECK_IN_LATE');
    expect((await kiosk.send('ticket.issue', { service: 'A' })).result.ticket.booking ?? null).toBeNull();
  });

  it('refuses an unknown or cancelled code with words for the citizen', async () => {
    t = await bookingHub();
    const code = await bookAt(t, monday(10), '0912345678');
    await post(t, '/api/book/cancel', { code, phoneLast3: '678' });
    t.clock.advance(35 * 60_000);
    const kiosk = await t.client('test-kiosk-1-token');
    const cancelled = await refusal(kiosk.send('booking.checkIn', { code }));
    expect(cancelled).toMatchObject({ code: 'BOOKING_CANCELLED' });
    const unknown = await refusal(kiosk.send('booking.checkIn', { code: 'ABCDEFGH' }));
    expect(unknown.code).toBe('UNKNOWN_BOOKING');
    expect(unknown.vi).toBe('Không tìm thấy lịch hẹn với mã này; vui lòng kiểm tra lại mã.');
    const malformed = await refusal(kiosk.send('booking.checkIn', { code: 'O0O0' }));
    expect(malformed.code).toBe('INVALID_PAYLOAD');
  });

  it('a counter checks a citizen in by code and lists today’s bookings of its services', async () => {
    t = await bookingHub();
    const first = await bookAt(t, monday(10), '0912345678');
    const second = await bookAt(t, monday(9, 30), '0987654321');
    const eCode = (
      await book(t, { service: 'E', slotStart: monday(10), phone: '0900000003', name: 'Phạm Văn Cường' })
    ).body.code as string;
    t.clock.advance(40 * 60_000); // 09:40
    const counter = await t.counter(1);
    const unsigned = await t.counter(2, false);
    expect((await refusal(unsigned.send('booking.checkIn', { code: first }))).code).toBe('NOT_SIGNED_IN');
    const ok = await counter.send('booking.checkIn', { code: first });
    expect(ok.result.ticket.booking?.code).toBe(first);
    expect(ok.result.printed).toBeNull();

    const list = await counter.send('booking.today', {});
    expect(list.result.day).toBe('2026-11-30');
    expect(list.result.bookings).toEqual([
      expect.objectContaining({
        code: second,
        start: '09:30',
        status: 'late',
        name: 'Lê Thị Hoa',
        ticket: null,
      }),
      expect.objectContaining({
        code: first,
        start: '10:00',
        status: 'checked_in',
        ticket: { id: ok.result.ticket.id, number: 'A001' },
      }),
    ]);
    // Counter 6 receives E only.
    const six = await t.counter(6);
    expect((await six.send('booking.today', {})).result.bookings.map((b) => b.code)).toEqual([eCode]);
    // After its window, the unchecked booking reads as a no-show.
    t.clock.advance(10 * 60_000); // 09:50 > 09:40 window end of 09:30
    const later = await counter.send('booking.today', {});
    expect(later.result.bookings.find((b) => b.code === second)?.status).toBe('no_show');
  });

  it('prints the booked ticket on the kiosk’s printer after the commit, with its phone page', async () => {
    t = await bookingHub({ hub: { printers: { 'kiosk-1': { kind: 'fake' } } } });
    const code = await bookAt(t, monday(10), '0912345678');
    t.clock.advance(35 * 60_000);
    const kiosk = await t.client('test-kiosk-1-token');
    const ack = await kiosk.send('booking.checkIn', { code, print: true });
    expect(ack.result.printed).toEqual({ ok: true, paperNearEnd: false });
    expect(ack.result.booking.code).toBe(code);
    const job = await t.hub.printers.fakes.get('kiosk-1')!.waitForJob(5000);
    const img = PNG.sync.read(decodeEscPos(job.bytes).images[0]!.png);
    expect(jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data).toBe(ack.result.url);
    // What the paper says of the booking ("Đặt lịch 10:00") is the printer package's, tested there.
  });
});
