import { afterEach, describe, expect, it } from 'vitest';
import type { TestHub } from '@luot/hub/testing';
import type { LogGateway } from '@luot/sms';
import { book, bookingHub, get, monday, post, tuesday } from './helpers.js';

let t: TestHub | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const DAY = 86_400_000;
const row = (hub: TestHub, code: string) =>
  hub.hub.store.db
    .prepare('SELECT name, phone, cccd, status, service, erased_at FROM bookings WHERE code = ?')
    .get(code) as Record<string, unknown>;

describe('the bookings’ daily jobs', () => {
  it('erases names, phones and CCCD after the retention period, keeping the counts', async () => {
    t = await bookingHub({ hub: { bookings: { retentionDays: 90 } } });
    const code = (await book(t, { slotStart: tuesday(9), phone: '0912345678', cccd: '001090012345' })).body
      .code as string;
    const smsBefore = t.hub.store.db
      .prepare('SELECT COUNT(*) AS n FROM sms_messages WHERE phone IS NOT NULL')
      .get();
    expect(smsBefore).toEqual({ n: 1 });

    // 89 days after the booking's day: still kept.
    t.clock.now = tuesday(9) + 89 * DAY;
    await t.hub.bookingJobs.run();
    expect(row(t, code)).toMatchObject({ name: 'Nguyễn Văn An', phone: '+84912345678' });

    // 91 days after: erased; the booking still counts (a no-show of service A on its day).
    t.clock.now = tuesday(9) + 91 * DAY;
    await t.hub.bookingJobs.run();
    expect(row(t, code)).toMatchObject({
      name: null,
      phone: null,
      cccd: null,
      status: 'no_show',
      service: 'A',
    });
    expect(row(t, code).erased_at).toBe(t.clock.now);
    const report = await get(t, '/api/reports/bookings?from=2026-12-01', await t.supervisorHeaders());
    expect(report.body.days).toEqual([
      {
        date: '2026-12-01',
        services: [
          { service: 'A', booked: 0, checked_in: 0, served: 0, lapsed: 0, no_show: 1, cancelled: 0 },
        ],
      },
    ]);
    const sms = t.hub.store.db.prepare('SELECT phone, text FROM sms_messages').all();
    expect(sms).toEqual([{ phone: null, text: '' }]);
    expect(t.hub.store.db.prepare('SELECT COUNT(*) AS n FROM otp_requests').get()).toEqual({ n: 0 });
    // Nobody can look it up by its digits any more.
    expect((await post(t, '/api/book/lookup', { code, phoneLast3: '678' })).status).toBe(404);
  });

  it('erases at start too: a hub switched off past the retention day catches up', async () => {
    t = await bookingHub({ hub: { bookings: { retentionDays: 1 } } });
    const code = (await book(t, { slotStart: tuesday(9), phone: '0912345678' })).body.code as string;
    t.clock.now = tuesday(9) + 3 * DAY;
    await t.restart();
    expect(row(t, code).name).toBeNull();
  });

  it('marks bookings not checked in by the window’s end as no-shows', async () => {
    t = await bookingHub();
    const code = (await book(t, { slotStart: monday(10), phone: '0912345678' })).body.code as string;
    t.clock.now = monday(10, 10);
    await t.hub.bookingJobs.run();
    expect(row(t, code).status).toBe('booked');
    t.clock.now = monday(10, 11);
    await t.hub.bookingJobs.run();
    expect(row(t, code).status).toBe('no_show');
  });

  it('reminds by SMS the day before and 60 minutes before, once each, not when booked since', async () => {
    t = await bookingHub();
    const sms = () =>
      (t!.hub.sms as LogGateway)
        .messages()
        .filter((m) => m.kind === 'reminder')
        .map((m) => m.text);
    const code = (await book(t, { slotStart: tuesday(10), phone: '0912345678' })).body.code as string;
    await t.hub.bookingJobs.run();
    expect(sms()).toEqual([]);

    t.clock.now = tuesday(10) - DAY; // Monday 10:00
    await t.hub.bookingJobs.run();
    await t.hub.bookingJobs.run();
    expect(sms()).toEqual([
      `Nhắc lịch hẹn ${code}: Đất đai – đăng ký, cấp giấy chứng nhận, biến động lúc 10:00 ngày 01/12/2026 tại Bộ phận Tiếp nhận và Trả kết quả huyện Quốc Oai. Xác nhận tại ki-ốt từ 09:30 đến 10:10.`,
    ]);
    // Someone books Tuesday 11:00 at 11:30 on Monday: within 24 hours, no "day before" message.
    t.clock.now = tuesday(10) - DAY + 90 * 60_000;
    await book(t, { slotStart: tuesday(11), phone: '0987654321', name: 'Trần Thị Bình' });
    await t.hub.bookingJobs.run();
    expect(sms()).toHaveLength(1);

    t.clock.now = tuesday(9); // 60 minutes before 10:00
    await t.hub.bookingJobs.run();
    expect(sms()).toHaveLength(2);
    expect(sms()[0]).toContain('lúc 10:00 hôm nay');
    t.clock.now = tuesday(10, 0);
    await t.hub.bookingJobs.run();
    // 11:00's reminder at 10:00, once.
    expect(sms()).toHaveLength(3);
    expect(sms()[0]).toContain('lúc 11:00 hôm nay');
    const stored = t.hub.store.db
      .prepare("SELECT COUNT(*) AS n FROM sms_messages WHERE kind = 'reminder' AND status = 'sent'")
      .get();
    expect(stored).toEqual({ n: 3 });
  });

  it('cancels, as the office, the bookings whose slot the level takes away, and tells the citizen how to rebook', async () => {
    t = await bookingHub({ hub: { publicUrl: 'https://motcua.quocoai.example' } });
    const land = (await book(t, { slotStart: tuesday(9), phone: '0912345678' })).body.code as string;
    const stamp = (await book(t, { service: 'E', slotStart: tuesday(9), phone: '0987654321' })).body
      .code as string;
    await t.hub.bookingJobs.run();
    expect(row(t, land).status).toBe('booked');

    // Level 4 keeps essential services only: land (A) is not one, certification (E) is.
    const boss = await t.supervisor();
    await boss.send('supervisor.setLevel', { level: 4 });
    await t.hub.bookingJobs.run();
    expect(row(t, land).status).toBe('cancelled');
    expect(row(t, stamp).status).toBe('booked');
    const cancelled = t.hub.store.db
      .prepare('SELECT cancelled_by FROM bookings WHERE code = ?')
      .get(land) as { cancelled_by: string };
    expect(cancelled.cancelled_by).toBe('office');
    const notices = (t.hub.sms as LogGateway).messages().filter((m) => m.kind === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ to: '+84912345678' });
    expect(notices[0]!.text).toContain(`lịch hẹn ${land} đã bị hủy`);
    expect(notices[0]!.text).toContain('Đặt lịch lại: https://motcua.quocoai.example/book');
    // Told once.
    await t.hub.bookingJobs.run();
    expect((t.hub.sms as LogGateway).messages().filter((m) => m.kind === 'notice')).toHaveLength(1);
    // The office's cancellation does not count towards the citizen's block, and the slot is gone.
    expect(
      (
        await post(t, '/api/book/otp', {
          service: 'A',
          slotStart: tuesday(10),
          name: 'Nguyễn Văn An',
          phone: '0912345678',
        })
      ).body.error,
    ).toBe('NO_SLOT');
  });
});
