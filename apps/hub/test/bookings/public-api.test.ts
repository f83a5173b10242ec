import { afterEach, describe, expect, it } from 'vitest';
import type { TestHub } from '@luot/hub/testing';
import { book, bookingHub, get, lastOtp, post, tuesday } from './helpers.js';

let t: TestHub | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const citizen = { service: 'A', slotStart: tuesday(9), name: 'Nguyễn Văn An', phone: '0912 345 678' };

describe('the public booking API', () => {
  it('lists the services, the bookable days and a day’s slots with their free places', async () => {
    t = await bookingHub();
    const cat = await get(t, '/api/book/services');
    expect(cat.status).toBe(200);
    expect(cat.body.office.name.vi).toBe('Bộ phận Tiếp nhận và Trả kết quả huyện Quốc Oai');
    // Only services with a place in a slot (⌊0.5 × counters × 15 ÷ minutes⌋ ≥ 1): B, one counter of
    // 12-minute procedures, keeps its time for walk-ins.
    expect(cat.body.services.map((s: { prefix: string }) => s.prefix)).toEqual(['A', 'E', 'V', 'R']);
    expect(cat.body.services[0].procedures[0].vi).toBe(
      'Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu',
    );
    expect(cat.body.services[0].bring[0].vi).toBe('Căn cước công dân (CCCD) hoặc căn cước');
    // Monday 30 November + 6 working days: to Tuesday 8 December, no weekend.
    expect(cat.body.days).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-07',
      '2026-12-08',
    ]);
    const slots = await get(t, '/api/book/slots?service=A&date=2026-12-01');
    expect(slots.status).toBe(200);
    // Three counters of a 15-minute service, half for bookings: 1 place per 15-minute slot; 8–12, 13–17.
    expect(slots.body.slots[0]).toMatchObject({ start: '08:00', places: 1, remaining: 1, open: true });
    expect(slots.body.slots).toHaveLength(32);
    expect((await get(t, '/api/book/slots?service=A&date=1-12-2026')).body.error).toBe('INVALID_PAYLOAD');
    expect((await get(t, '/api/book/slots?service=A&date=2026-99-99')).status).toBe(400);
    const feb30 = await get(t, '/api/book/slots?service=A&date=2026-02-30');
    expect(feb30.body).toMatchObject({
      error: 'INVALID_PAYLOAD',
      details: { date: 'a day that exists, YYYY-MM-DD' },
    });
    expect((await get(t, '/api/book/slots?service=Z&date=2026-12-01')).body.error).toBe('UNKNOWN_SERVICE');
  });

  it('books with a one-time code: wrong codes counted, the right one takes the place; lookup, .ics, cancel', async () => {
    t = await bookingHub();
    const req = await post(t, '/api/book/otp', citizen);
    expect(req.status).toBe(200);
    expect(req.body).toMatchObject({ phoneMasked: '091••••678', attemptsLeft: 3 });
    expect(req.body.expiresAt).toBe(t.clock.now + 5 * 60_000);
    const code = lastOtp(t, '+84912345678');
    // The code is stored as an HMAC only, and the stored message has it masked.
    const db = t.hub.store.db;
    const row = db.prepare('SELECT code_hmac FROM otp_requests').get() as { code_hmac: string };
    expect(row.code_hmac).not.toContain(code);
    const sms = db.prepare('SELECT text, status, kind FROM sms_messages').get() as Record<string, string>;
    expect(sms).toMatchObject({ status: 'sent', kind: 'otp' });
    expect(sms.text).not.toContain(code);
    expect(sms.text).toContain('Mã xác nhận đặt lịch');

    const wrong = code === '000000' ? '000001' : '000000';
    const bad = await post(t, '/api/book/confirm', { requestId: req.body.requestId, code: wrong });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'OTP_INVALID', details: { attemptsLeft: 2 } });
    expect(bad.body.message.vi).toBe('Mã xác nhận không đúng hoặc đã hết hạn.');

    const ok = await post(t, '/api/book/confirm', { requestId: req.body.requestId, code });
    expect(ok.status).toBe(200);
    const v = ok.body;
    expect(v.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    expect(v).toMatchObject({
      service: 'A',
      slotStart: tuesday(9),
      date: '2026-12-01',
      start: '09:00',
      name: 'Nguyễn V. A.',
      phoneMasked: '091••••678',
      status: 'booked',
      window: { opensAt: tuesday(8, 30), closesAt: tuesday(9, 10) },
      ticket: null,
    });
    expect(v.office.address).toBe('Thị trấn Quốc Oai, Hà Nội');
    // The code is spent.
    expect((await post(t, '/api/book/confirm', { requestId: req.body.requestId, code })).body.error).toBe(
      'OTP_INVALID',
    );
    // The slot's place is gone.
    const slots = await get(t, '/api/book/slots?service=A&date=2026-12-01');
    expect(slots.body.slots.find((s: { start: string }) => s.start === '09:00').remaining).toBe(0);

    // Lookup: a wrong last-3 and an unknown code answer exactly the same.
    const found = await post(t, '/api/book/lookup', { code: v.code.toLowerCase(), phoneLast3: '678' });
    expect(found.body).toMatchObject({ code: v.code, status: 'booked' });
    const wrongDigits = await post(t, '/api/book/lookup', { code: v.code, phoneLast3: '679' });
    const unknown = await post(t, '/api/book/lookup', { code: 'ABCDEFGH', phoneLast3: '678' });
    expect(wrongDigits).toEqual(unknown);
    expect(unknown.status).toBe(404);

    const ics = await get(t, `/api/book/${v.code}.ics?phoneLast3=678`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(ics.body.text).toContain('DTSTART:20261201T020000Z');
    expect(ics.body.text).toContain(`Mã đặt lịch: ${v.code}`);
    expect((await get(t, `/api/book/${v.code}.ics?phoneLast3=000`)).status).toBe(404);

    const cancelled = await post(t, '/api/book/cancel', { code: v.code, phoneLast3: '678' });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await post(t, '/api/book/cancel', { code: v.code, phoneLast3: '678' })).body.error).toBe(
      'NOT_CANCELLABLE',
    );
    // The place is free again, and the same citizen may book again.
    expect((await book(t, citizen)).body.status).toBe('booked');
  });

  it('spends a request after 3 wrong codes, and a code after 5 minutes', async () => {
    t = await bookingHub();
    const req = await post(t, '/api/book/otp', citizen);
    const code = lastOtp(t, '+84912345678');
    const wrong = code === '111111' ? '222222' : '111111';
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push(
        (await post(t, '/api/book/confirm', { requestId: req.body.requestId, code: wrong })).body.error,
      );
    expect(answers).toEqual(['OTP_INVALID', 'OTP_INVALID', 'OTP_TOO_MANY_TRIES']);
    expect((await post(t, '/api/book/confirm', { requestId: req.body.requestId, code })).body.error).toBe(
      'OTP_TOO_MANY_TRIES',
    );

    const again = await post(t, '/api/book/otp', citizen);
    t.clock.advance(5 * 60_000 + 1);
    const late = await post(t, '/api/book/confirm', {
      requestId: again.body.requestId,
      code: lastOtp(t, '+84912345678'),
    });
    expect(late.body.error).toBe('OTP_INVALID');
  });

  it('refuses a slot that filled meanwhile, offering the nearest free slots', async () => {
    t = await bookingHub();
    const first = await post(t, '/api/book/otp', citizen);
    const firstCode = lastOtp(t, '+84912345678');
    // Someone else takes the only place of 09:00 before the first citizen confirms.
    expect((await book(t, { ...citizen, name: 'Trần Thị Bình', phone: '0987 654 321' })).body.status).toBe(
      'booked',
    );
    const late = await post(t, '/api/book/confirm', { requestId: first.body.requestId, code: firstCode });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('SLOT_FULL');
    expect(late.body.message.vi).toContain('hết chỗ');
    expect(late.body.nearest.map((s: { start: string }) => s.start)).toEqual(['08:30', '08:45', '09:15']);
    // Asking for a code for a full slot is refused at once: nobody is sent a code for nothing.
    const full = await post(t, '/api/book/otp', { ...citizen, phone: '0911111111' });
    expect(full.body.error).toBe('SLOT_FULL');
  });

  it('holds the limits per citizen, by phone or CCCD, with their Vietnamese reason', async () => {
    t = await bookingHub();
    expect((await book(t, { ...citizen, cccd: '001090012345' })).body.status).toBe('booked');
    const sameService = await post(t, '/api/book/otp', { ...citizen, slotStart: tuesday(10) });
    expect(sameService.body).toMatchObject({ error: 'SERVICE_DAY_LIMIT' });
    expect(sameService.body.message.vi).toBe('Bạn đã có lịch hẹn cho lĩnh vực này trong ngày.');
    // E: one counter of a 5-minute service, 1 place per slot.
    expect(
      (await book(t, { ...citizen, service: 'E', slotStart: tuesday(10), cccd: '001090012345' })).body.status,
    ).toBe('booked');
    // Another phone, the same CCCD: the same citizen.
    const third = await post(t, '/api/book/otp', {
      ...citizen,
      slotStart: tuesday(11),
      phone: '0900000001',
      cccd: '001090012345',
    });
    expect(third.body.error).toBe('DAILY_LIMIT');
  });

  it('answers bad input with the field and its reason, and caps bodies', async () => {
    t = await bookingHub();
    const bad = await post(t, '/api/book/otp', { ...citizen, phone: '024 3825 1234', cccd: '12' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('INVALID_PAYLOAD');
    expect(bad.body.details.phone).toContain('Số điện thoại di động không hợp lệ');
    expect(bad.body.details.cccd).toContain('12 chữ số');
    const big = await post(t, '/api/book/otp', { ...citizen, name: 'x'.repeat(10_000) });
    expect(big.status).toBe(413);
    const odd = await fetch(`${t.hub.url}/api/book/otp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"service":',
    });
    expect(odd.status).toBe(400);
  });

  it('limits one-time codes per phone number, whatever the address', async () => {
    t = await bookingHub({ hub: { bookings: { otpPerPhonePerHour: 2 } } });
    const answers = [];
    for (const slot of [9, 10, 11]) {
      const r = await post(t, '/api/book/otp', { ...citizen, slotStart: tuesday(slot) });
      answers.push(r.status);
    }
    expect(answers).toEqual([200, 200, 429]);
    // Another phone is not limited by it; a refused request (a full slot) costs no code.
    const other = { ...citizen, phone: '0987654321' };
    expect((await book(t, { ...other, slotStart: tuesday(14) })).body.status).toBe('booked');
    for (let i = 0; i < 3; i++)
      expect(
        (await post(t, '/api/book/otp', { ...citizen, phone: '0911111111', slotStart: tuesday(14) })).body
          .error,
      ).toBe('SLOT_FULL');
    expect((await post(t, '/api/book/otp', { ...other, service: 'E', slotStart: tuesday(14) })).status).toBe(
      200,
    );
  });

  it('limits lookups of one code (its second factor is 3 digits)', async () => {
    t = await bookingHub({ hub: { bookings: { lookupsPerCodePerHour: 3 } } });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await post(t, '/api/book/lookup', { code: 'ABCDEFGH', phoneLast3: `00${i}` })).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
  });

  it('says bookings are off when the office has not turned them on', async () => {
    t = await bookingHub({ bookings: { enabled: false } });
    const r = await get(t, '/api/book/services');
    expect(r.status).toBe(404);
    expect(r.body.error).toBe('BOOKINGS_OFF');
  });
});
