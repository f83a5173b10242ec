import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startTestHub, testConfig, type TestHub } from '@luot/hub/testing';
import { ReportResponseSchema, type RangeBookingCounts } from '@luot/protocol';
import { browserSuite, screenshot } from '@luot/testing';
import { formatCount, formatMinutes } from '../../src/reports/format.js';
import { openSignedIn, POLL } from './helpers.js';

// The reports page's bookings table (issue #14 "Reports"): a day with online numbers, taken through
// the import API of a real hub and checked in at its kiosk, beside walk-ins.

const suite = browserSuite(() => {
  const base = testConfig();
  return startTestHub({
    config: testConfig({
      bookings: { rules: { enabled: true } },
      devices: [...base.hub.devices, { id: 'ihanoi', role: 'integration', token: 'test-ihanoi-token' }],
    }),
  });
});
const DAY = '2026-11-30'; // the test hub's Monday, 09:00 at start
const MINUTE = 60_000;
const at = (h: number, m = 0) => Date.UTC(2026, 10, 30, h - 7, m);

/** Two bookings of A at 10:00 and 10:15: one checked in and called, one that never came; two walk-ins. */
async function bookADay(t: TestHub): Promise<void> {
  const importBooking = async (externalId: string, slotStart: number, phone: string) => {
    const res = await fetch(`${t.hub.url}/api/bookings`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-ihanoi-token', 'content-type': 'application/json' },
      body: JSON.stringify({ externalId, service: 'A', slotStart, name: 'Trần Thị Bình', phone }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { code: string }).code;
  };
  const onTime = await importBooking('IH-1', at(10), '0912345678');
  await importBooking('IH-2', at(10, 15), '0912345679');
  const kiosk = await t.client('test-kiosk-1-token');
  const counter = await t.counter(1);
  t.clock.advance(40 * MINUTE); // 09:40
  await kiosk.send('ticket.issue', { service: 'A' });
  await kiosk.send('booking.checkIn', { code: onTime });
  await kiosk.send('ticket.issue', { service: 'A' });
  t.clock.advance(22 * MINUTE); // 10:02: the booking first, then the walk-ins
  for (let i = 0; i < 3; i++) {
    await counter.send('counter.callNext', {});
    await counter.send('counter.startServing', {});
    t.clock.advance(6 * MINUTE);
    await counter.send('counter.finish', { outcome: { kind: 'received' } });
  }
  t.clock.advance(10 * MINUTE); // 10:30: 10:15's window has closed
  await t.hub.bookingJobs.run();
}

async function openReports(t: TestHub): Promise<Page> {
  const page = await openSignedIn(suite.browser, t);
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await page.getByTestId('bookings-table').waitFor();
  return page;
}

const onScreen = (b: RangeBookingCounts) => ({
  booked: formatCount(b.booked),
  pending: formatCount(b.pending),
  checkedIn: formatCount(b.checkedIn),
  lapsed: formatCount(b.lapsed),
  noShow: formatCount(b.noShow),
  cancelled: formatCount(b.cancelled),
  bookedWaitMean: formatMinutes(b.bookedWait.mean),
  bookedWaitMedian: formatMinutes(b.bookedWait.median),
  walkInWaitMean: formatMinutes(b.walkInWait.mean),
  walkInWaitMedian: formatMinutes(b.walkInWait.median),
});

describe('supervisor console: reports of bookings', () => {
  it('shows bookings per day and service, and booked vs walk-in waits, as the API computes them', async () => {
    const t = await suite.hub();
    await bookADay(t);
    const res = await fetch(`${t.hub.url}/api/reports?from=${DAY}&to=${DAY}`, {
      headers: await t.supervisorHeaders(),
    });
    const { current } = ReportResponseSchema.parse(await res.json());
    expect(current.bookings?.rows).toEqual([
      expect.objectContaining({ day: DAY, service: 'A', booked: 2, checkedIn: 1, noShow: 1 }),
    ]);
    // Called at 10:02, its slot at 10:00: 2 minutes; the walk-ins waited longer.
    expect(current.bookings!.total.bookedWait.mean).toBe(2);

    const page = await openReports(t);
    const table = page.getByTestId('bookings-table');
    await expect.poll(() => table.locator('tbody tr').count(), POLL).toBe(1);
    const cells = async (row: string) =>
      Object.fromEntries(
        await table
          .locator(`${row} td[data-col]`)
          .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-col'), td.textContent])),
      );
    expect(await cells('tbody tr')).toEqual(onScreen(current.bookings!.rows[0]!));
    expect(await cells('tfoot tr')).toEqual(onScreen(current.bookings!.total));
    expect(await table.locator('tbody tr').textContent()).toContain('30/11/2026');
    await expect.poll(() => page.getByText('Đặt lịch trực tuyến').isVisible(), POLL).toBe(true);
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'supervisor', 'reports-bookings-1366');
  });
});
