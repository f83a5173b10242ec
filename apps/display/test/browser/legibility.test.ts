import { estimateWait, serviceRestricted, type WaitRange } from '@luot/core';
import { FakeClock, MONDAY_9AM, startTestHub, type TestHub } from '@luot/hub/testing';
import { browserSuite, screenshot } from '@luot/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { issue, openDisplay } from './helpers.js';
import { busyHall, fullHall } from './scenarios.js';
import { auditText } from './audit.js';

/**
 * What a citizen standing 5 m from the TV can read. The issue's yardstick: 32 px on a 1920×1080 screen,
 * scaled with the screen (a 1280×720 TV is viewed the same way, just with fewer pixels).
 */
const SIZES = [
  ['1080p', { width: 1920, height: 1080 }],
  ['720p', { width: 1280, height: 720 }],
  ['portrait', { width: 1080, height: 1920 }],
] as const;
const minTextPx = (viewport: { width: number; height: number }) =>
  (32 * Math.min(viewport.width, viewport.height)) / 1080;

const SOON = { timeout: 10_000 };

/** What `auditText` reports when every text can be read. */
const NOTHING_WRONG = { small: [], lowContrast: [], cut: [] };

/** The wait a service's chip shows; '' while the chip has none. */
const chipWait = (page: Page, service: string) =>
  page.evaluate(
    (s) =>
      (document.querySelector(`[data-service="${s}"] .waiting-wait`) as HTMLElement | null)?.innerText ?? '',
    service,
  );

/** The wait as the kiosk's tiles word it ("15–20 phút", "Dưới 5 phút"), from core's one estimate. */
function spoken(range: WaitRange | null): string {
  if (range === null) return 'Chưa mở';
  return range[0] === 0 ? `Dưới ${range[1]} phút` : `${range[0]}–${range[1]} phút`;
}

async function audit(page: Page, viewport: { width: number; height: number }) {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(auditText, minTextPx(viewport));
}

describe('wall display read from 5 m', () => {
  const suite = browserSuite(startTestHub);

  for (const [name, viewport] of SIZES) {
    it(`busy hall at ${name}: every text large enough, in contrast, whole; each service's wait as the kiosk says it`, async () => {
      const t = await suite.hub({ clock: new FakeClock(MONDAY_9AM + 95 * 60_000) });
      await busyHall(t);
      const page = await openDisplay(suite.browser, t, viewport);
      await screenshot(page, 'display', `legible-busy-${name}`);

      const found = await audit(page, viewport);
      expect(found).toMatchObject(NOTHING_WRONG);
      expect(found.checked).toBeGreaterThan(50);

      // Each service's chip carries its wait, worked out by the kiosk's and phone's function in core.
      const { config, state } = await waitersView(t);
      const chips = await page.evaluate(() =>
        Object.fromEntries(
          Array.from(document.querySelectorAll('[data-testid="waiting"] [data-service]'), (li) => [
            li.getAttribute('data-service'),
            (li.querySelector('.waiting-wait') as HTMLElement | null)?.innerText ?? '',
          ]),
        ),
      );
      const expected = Object.fromEntries(
        config.services.map((s) => [
          s.prefix,
          // A service paused by the level takes no ticket: it promises no wait.
          serviceRestricted(config, state, s.prefix)
            ? 'Tạm dừng'
            : spoken(estimateWait(config, state, s.prefix).range),
        ]),
      );
      expect(chips).toEqual(expected);
      // Not all alike: the busy hall has short and long lines (A: 12 waiting).
      expect(new Set(Object.values(chips)).size).toBeGreaterThan(2);
    });

    it(`full hall at ${name}: the entry call is as prominent as a counter call; the offline badge covers nothing`, async () => {
      const t = await suite.hub({ clock: new FakeClock(MONDAY_9AM + 150 * 60_000) });
      await fullHall(t);
      const page = await openDisplay(suite.browser, t, viewport);
      await page.getByTestId('entry-calls').waitFor();
      await expect.poll(() => page.getByTestId('latest-call').getAttribute('data-number'), SOON).toBeTruthy();
      await screenshot(page, 'display', `legible-full-${name}`);

      const found = await audit(page, viewport);
      expect(found).toMatchObject(NOTHING_WRONG);

      // The English screen has the longer words: the same checks.
      const en = await openDisplay(suite.browser, t, viewport, 'audio=record&lang=en');
      await en.getByTestId('entry-calls').waitFor();
      await screenshot(en, 'display', `legible-full-${name}-en`);
      expect(await audit(en, viewport)).toMatchObject(NOTHING_WRONG);

      const sizes = await page.evaluate(() => {
        const px = (sel: string) =>
          Number.parseFloat(getComputedStyle(document.querySelector(sel)!).fontSize);
        return { entry: px('.entry-number'), counterCall: px('.latest-counter') };
      });
      // "Mời số C009 vào sảnh" in numbers at least as large as "Mời đến quầy số 5" on the call panel.
      expect(sizes.entry).toBeGreaterThanOrEqual(sizes.counterCall);

      // The hub goes away: the badge says so, over the notice line only — never over a counter or a call.
      await t.hub.close();
      const badge = page.getByText('Mất kết nối máy chủ');
      await badge.waitFor();
      await screenshot(page, 'display', `legible-offline-${name}`);
      const covered = await page.evaluate(() => {
        const b = document.querySelector('.luot-connection')!.getBoundingClientRect();
        const hit = (r: DOMRect) =>
          r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom;
        return Array.from(
          document.querySelectorAll('.tile, .latest, .history, .hall, .display-header'),
          (e) => (hit(e.getBoundingClientRect()) ? (e.getAttribute('data-counter') ?? e.className) : null),
        ).filter(Boolean);
      });
      expect(covered).toEqual([]);
      const offline = await audit(page, viewport);
      expect(offline).toMatchObject(NOTHING_WRONG);
    });
  }

  it('shows a wait on each chip that follows the line: longer as tickets are issued', async () => {
    const t = await suite.hub();
    await t.counter(5); // Tư pháp – Hộ tịch (C): one staffed counter
    const page = await openDisplay(suite.browser, t);
    await expect.poll(() => chipWait(page, 'C'), SOON).toBe('Dưới 5 phút');
    const kiosk = await t.client('test-kiosk-1-token');
    await issue(kiosk, 'C', 6);
    const { config, state } = await waitersView(t);
    const range = estimateWait(config, state, 'C').range;
    expect(range![0]).toBeGreaterThan(0);
    await expect.poll(() => chipWait(page, 'C'), SOON).toBe(spoken(range));
    // Nobody calls B (no officer at counter 4): no wait is promised.
    expect(await chipWait(page, 'B')).toBe('Chưa mở');
  });
});

/** The day as the hub has it now, through a client of its own. */
async function waitersView(t: TestHub) {
  const boss = await t.supervisor();
  return boss.waitFor(() => true);
}
