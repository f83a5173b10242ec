import { existsSync } from 'node:fs';
import { startTestHub, testConfig } from '@luot/hub/testing';
import type { BookingView } from '@luot/protocol';
import { browserSuite, screenshot } from '@luot/testing';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

// A booking's phone page (/t/<token> of a booking, issue #14): before check-in the booking and its
// check-in window, after it the ticket, at the same address the confirmation gave.

const PHONE = { width: 375, height: 812 };
const at = (h: number, m = 0) => Date.UTC(2026, 10, 30, h - 7, m); // the test hub's Monday, local time

beforeAll(() => {
  if (!existsSync(new URL('../../dist/index.html', import.meta.url))) {
    throw new Error('apps/phone is not built: run `npm run build -w apps/phone` first');
  }
});
const suite = browserSuite(() => {
  const base = testConfig();
  return startTestHub({
    config: testConfig({
      bookings: { rules: { enabled: true } },
      devices: [...base.hub.devices, { id: 'ihanoi', role: 'integration', token: 'test-ihanoi-token' }],
    }),
  });
});

/** A phone whose clock reads `now` (the hub's test clock), so the page's "too early" is the hub's. */
async function openPhone(url: string, now: number): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.clock.install({ time: now });
  await page.goto(url);
  return page;
}

async function importBooking(hubUrl: string, externalId: string, slotStart: number, phone: string) {
  const res = await fetch(`${hubUrl}/api/bookings`, {
    method: 'POST',
    headers: { authorization: 'Bearer test-ihanoi-token', 'content-type': 'application/json' },
    body: JSON.stringify({ externalId, service: 'A', slotStart, name: 'Trần Thị Bình', phone }),
  });
  expect(res.status).toBe(201);
  const { code } = (await res.json()) as { code: string };
  // The citizen's own view (what the booking page's confirmation shows), with the page's link.
  const view = await fetch(`${hubUrl}/api/book/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, phoneLast3: phone.slice(-3) }),
  });
  return (await view.json()) as BookingView;
}

describe('a booking’s phone page', () => {
  it('shows the booking and its check-in window, then follows the ticket once checked in', async () => {
    const t = await suite.hub(); // Monday 09:00
    const b = await importBooking(t.hub.url, 'IH-1', at(10), '0912345678');
    expect(b.pageUrl).toMatch(/\/t\/[\w-]{10,64}$/);

    const page = await openPhone(b.pageUrl, t.clock.now);
    const card = page.getByTestId('booking-card');
    await card.waitFor();
    expect(await card.textContent()).toContain(b.code);
    expect(await card.textContent()).toContain('10:00');
    expect(await card.textContent()).toContain('30/11/2026');
    expect(await card.textContent()).toContain('từ 09:30 đến 10:10');
    const status = page.getByTestId('booking-status');
    expect(await status.getAttribute('data-stage')).toBe('early');
    await page.getByRole('heading', { name: 'Chưa đến giờ xác nhận' }).waitFor();
    await screenshot(page, 'phone', 'booking-early-375');

    // Checked in at the kiosk at 09:40: the same address now follows the ticket, marked as booked.
    t.clock.advance(40 * 60_000);
    const kiosk = await t.client('test-kiosk-1-token');
    const { result } = await kiosk.send('booking.checkIn', { code: b.code });
    await page.clock.runFor(16_000); // the page asks again every 15 s
    await page.waitForURL((u) => u.pathname === new URL(result.url).pathname);
    await page.getByText(result.ticket.number).waitFor();
    expect(await page.getByTestId('booked-chip').textContent()).toBe('Đặt lịch 10:00');
    await page.getByRole('heading', { name: 'Đang chờ đến lượt' }).waitFor();
    await screenshot(page, 'phone', 'booking-checked-in-375');

    // Its number called at counter 1: the page says so, as for any ticket.
    const counter = await t.counter(1);
    await counter.send('counter.callNext', {});
    await page.getByRole('heading', { name: /Mời đến quầy số/ }).waitFor();

    // The booking's own address, opened again, goes straight to the ticket.
    const again = await openPhone(b.pageUrl, t.clock.now);
    await again.waitForURL((u) => u.pathname === new URL(result.url).pathname);
  });

  it('says when the window is open, and that a missed booking is over, with a link to book again', async () => {
    const t = await suite.hub();
    const open = await importBooking(t.hub.url, 'IH-2', at(10), '0912345679');
    t.clock.advance(35 * 60_000); // 09:35: the window is open (09:30–10:10)
    const page = await openPhone(open.pageUrl, t.clock.now);
    await page.getByRole('heading', { name: 'Mời xác nhận tại ki-ốt' }).waitFor();
    expect(await page.getByTestId('booking-status').textContent()).toContain('trước 10:10');
    await screenshot(page, 'phone', 'booking-open-375');

    t.clock.advance(40 * 60_000); // 10:15: the window closed at 10:10
    await t.hub.bookingJobs.run();
    const late = await openPhone(open.pageUrl, t.clock.now);
    await late.getByRole('heading', { name: 'Đã qua giờ hẹn' }).waitFor();
    expect(await late.getByRole('link', { name: 'Đặt lịch khác' }).getAttribute('href')).toBe('/book');

    // An unknown token is "not found", as a ticket's.
    const unknown = await openPhone(`${t.hub.url}/t/not-a-real-token-at-all`, t.clock.now);
    await unknown.getByRole('heading', { name: 'Không tìm thấy số thứ tự' }).waitFor();
  });
});
