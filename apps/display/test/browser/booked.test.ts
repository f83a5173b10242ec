import { startTestHub, testConfig, type TestHub } from '@luot/hub/testing';
import { browserSuite, screenshot } from '@luot/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { auditText } from './audit.js';
import { issue, openDisplay } from './helpers.js';

// Booked numbers on the wall display (issue #14): called like any other, with a small "Đặt lịch"
// beside them, on the latest call and in the history — legible and whole at 1080p and 720p.

const suite = browserSuite(() => {
  const base = testConfig();
  return startTestHub({
    config: testConfig({
      bookings: { rules: { enabled: true } },
      devices: [...base.hub.devices, { id: 'ihanoi', role: 'integration', token: 'test-ihanoi-token' }],
    }),
  });
});
const at = (h: number, m = 0) => Date.UTC(2026, 10, 30, h - 7, m); // the test hub's Monday, local time
const MINUTE = 60_000;

/**
 * Three citizens booked A (land) at 09:45, 10:00 and 10:15 and checked in at 09:50 among walk-ins;
 * at 10:16 six counters call, one of A's three last: the latest call is a booked number, the other
 * two booked ones are in the history among walk-ins.
 */
async function bookedAndWalkIns(t: TestHub): Promise<string[]> {
  const codes: string[] = [];
  for (const [i, slotStart] of [at(9, 45), at(10), at(10, 15)].entries()) {
    const res = await fetch(`${t.hub.url}/api/bookings`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-ihanoi-token', 'content-type': 'application/json' },
      body: JSON.stringify({
        externalId: `IH-${i}`,
        service: 'A',
        slotStart,
        name: 'Nguyễn Thị Hương',
        phone: `091234567${i}`,
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    codes.push(((await res.json()) as { code: string }).code);
  }
  const kiosk = await t.client('test-kiosk-1-token');
  for (const [service, n] of Object.entries({ A: 3, B: 2, C: 3, E: 2 })) await issue(kiosk, service, n);
  t.clock.advance(50 * MINUTE); // 09:50: inside the three check-in windows
  const booked: string[] = [];
  for (const code of codes) booked.push((await kiosk.send('booking.checkIn', { code })).result.ticket.number);
  t.clock.advance(26 * MINUTE); // 10:16: the slots have started, booked tickets go ahead of walk-ins
  for (const n of [4, 1, 5, 2, 6, 3]) {
    t.clock.advance(20_000);
    await (await t.counter(n)).callNext();
  }
  return booked;
}

const SIZES = [
  ['1080p', { width: 1920, height: 1080 }],
  ['720p', { width: 1280, height: 720 }],
] as const;

describe('wall display: booked numbers', () => {
  for (const [name, viewport] of SIZES) {
    it(`tags booked calls "Đặt lịch" at ${name}, every text legible and whole`, async () => {
      const t = await suite.hub();
      const booked = await bookedAndWalkIns(t);
      const page: Page = await openDisplay(suite.browser, t, viewport);
      const latest = page.getByTestId('latest-call');
      await expect.poll(() => latest.getAttribute('data-number')).toBe(booked[2]);
      expect(await latest.getAttribute('data-booked')).toBe('true');
      expect(await latest.locator('.latest-booked').textContent()).toBe('Đặt lịch');
      // The history: the other two booked numbers tagged, the walk-ins not.
      const rows = await page
        .locator('.history-row')
        .evaluateAll((lis) =>
          lis.map((li) => [
            li.getAttribute('data-number'),
            li.querySelector('.history-booked')?.textContent ?? '',
          ]),
        );
      const tagged = Object.fromEntries(rows);
      expect(tagged[booked[0]!]).toBe('Đặt lịch');
      expect(tagged[booked[1]!]).toBe('Đặt lịch');
      expect(Object.values(tagged).filter((v) => v === '')).not.toHaveLength(0);
      await screenshot(page, 'display', `booked-${name}`);

      // 32 px at 1080p, scaled with the screen: the issue's yardstick for a TV read from 5 m.
      await page.evaluate(() => document.fonts.ready);
      const found = await page.evaluate(auditText, (32 * Math.min(viewport.width, viewport.height)) / 1080);
      expect(found).toMatchObject({ small: [], lowContrast: [], cut: [] });
    });
  }
});
