import { afterEach, describe, expect, it } from 'vitest';
import { startTestHub, testConfig, type TestHub } from '@luot/hub/testing';
import { bookAhead } from '../demo-bookings.js';

// `npm run demo`'s booking step (scripts/demo-bookings.ts) on a test hub with its own temp dir and
// clock: citizens booked ahead through the import operation, spread over the day, and checked in at
// the kiosk when their window opens — the ticket marked booked like any check-in.

let t: TestHub | null = null;
let stop: (() => void) | null = null;
afterEach(async () => {
  stop?.();
  await t?.close();
  t = null;
});

describe('the demo books citizens ahead', () => {
  it('books about a tenth of the day, spread over it, and checks the citizens in as their windows open', async () => {
    t = await startTestHub({ config: testConfig({ bookings: { rules: { enabled: true } } }) }); // Monday 09:00
    const hub = t;
    const lines: string[] = [];
    stop = bookAhead(
      t.hub,
      () => hub.client('test-kiosk-2-token'),
      (l) => lines.push(l),
      20,
    );

    const rows = t.hub.store.db
      .prepare(
        `SELECT code, service, slot_start AS slotStart, date FROM bookings WHERE source = 'demo-ihanoi' ORDER BY slot_start`,
      )
      .all() as Array<{ code: string; service: string; slotStart: number; date: string }>;
    expect(lines[0]).toMatch(/^Đặt lịch trước: \d+ lịch hẹn/);
    expect(rows.length).toBeGreaterThan(2);
    // Today and the next working day, and not only the first hour: spread over the day.
    const days = [...new Set(rows.map((r) => r.date))];
    expect(days).toEqual(['2026-11-30', '2026-12-01']);
    const today = rows.filter((r) => r.date === '2026-11-30');
    const hours = (r: { slotStart: number }) => new Date(r.slotStart + 7 * 3_600_000).getUTCHours();
    expect(Math.max(...today.map(hours)) - Math.min(...today.map(hours))).toBeGreaterThanOrEqual(4);

    // Ten minutes before the first slot: its citizen checks in at kiosk 2 and gets a booked number.
    const first = rows[0]!;
    t.clock.now = first.slotStart - 10 * 60_000;
    await expect.poll(() => hub.hub.bookings.get(first.code)?.status, { timeout: 5000 }).toBe('checked_in');
    const ticketId = hub.hub.bookings.get(first.code)!.ticketId!;
    const ticket = hub.hub.engine.state.tickets[ticketId]!;
    expect(ticket.booking).toEqual({ code: first.code, slotStart: first.slotStart });
    expect(ticket.service).toBe(first.service);
    expect(
      hub.hub.store.db.prepare('SELECT booking_slot FROM tickets WHERE id = ?').pluck().get(ticketId),
    ).toBe(first.slotStart);
    await expect.poll(() => lines.some((l) => l.includes(`Xác nhận lịch hẹn ${first.code}: số`))).toBe(true);
  });
});
