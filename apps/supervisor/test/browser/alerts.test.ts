import { startTestHub } from '@luot/hub/testing';
import { describe, expect, it } from 'vitest';
import { browserSuite, screenshot } from '@luot/testing';
import { alertsOf, LARGE, openSignedIn, POLL } from './helpers.js';

// Each alert of the console appears when its cause is there and goes with it, driven through a real
// hub and its clock. The console learns the hub's time from live events, so after moving the clock
// a test makes something happen (a ticket issued) for the screen to see the new time.

const suite = browserSuite(startTestHub);
const MINUTE = 60_000;

describe('supervisor console: alerts', () => {
  it('an idle counter (acknowledged, then gone on a call) and a wait over the target', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    const c5 = await t.counter(5);
    await kiosk.issue({ service: 'C' });
    const page = await openSignedIn(suite.browser, t);
    expect(await alertsOf(page, 'idle').count()).toBe(0);

    t.clock.advance(3 * MINUTE);
    await kiosk.issue({ service: 'E' }); // E: no counter signed in yet, so no other alert of its own
    const idle = alertsOf(page, 'idle');
    await expect.poll(() => idle.textContent(), POLL).toContain('Quầy 5 không gọi số đã 3 phút');
    await expect.poll(() => page.getByTestId('alert-badge').textContent(), POLL).toMatch(/^[1-9]\d*$/);

    const key = (await idle.getAttribute('data-key'))!;
    await idle.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => idle.textContent(), POLL).toContain('Đã xác nhận: Nguyễn Văn Lãnh');
    expect(t.hub.engine.state.acks[key]).toMatchObject({ officerId: 'ld1' });

    await c5.callNext();
    await expect.poll(() => idle.count(), POLL).toBe(0);

    // E001 was issued at 09:03: at 09:33 it has waited the 30 minutes of the target.
    t.clock.advance(30 * MINUTE);
    await kiosk.issue({ service: 'A' });
    const wait = alertsOf(page, 'wait').filter({ hasText: 'E001' });
    await expect.poll(() => wait.textContent(), POLL).toContain('đã chờ 30 phút');
    const c6 = await t.counter(6);
    await c6.callNext();
    await expect.poll(() => wait.count(), POLL).toBe(0);
  });

  it('a printer fault, a service without a counter, a device offline, the hall full, three “Không hài lòng”', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    const c5 = await t.counter(5);
    const rating5 = await t.client('test-rating-5-token');
    const page = await openSignedIn(suite.browser, t);

    await kiosk.reportPrinter({ ok: false, fault: 'paper_end' });
    const printer = alertsOf(page, 'printer');
    await expect.poll(() => printer.textContent(), POLL).toContain('Máy in hết giấy');

    // Three visits at counter 5, each rated "Không hài lòng" (1 on the office's four-level scale).
    const visit = async (score: number, rating = rating5) => {
      await kiosk.issue({ service: 'C' });
      const called = (await c5.callNext()).result.ticket!;
      await c5.finish({ kind: 'guided' });
      await rating.rate(called.id, score);
    };
    for (let i = 0; i < 3; i++) await visit(1);
    const unhappy = alertsOf(page, 'dissatisfied');
    await expect
      .poll(() => unhappy.textContent(), POLL)
      .toContain('Quầy 5: 3 lượt “Không hài lòng” liên tiếp');

    // C002… served today at 5; now one more waits and 5 pauses: nobody calls C any more.
    await kiosk.issue({ service: 'C' });
    await c5.pause('Nghỉ giải lao');
    const noCounter = page.locator('[data-testid="alert"][data-key^="noCounter:C:"]');
    await expect.poll(() => noCounter.textContent(), POLL).toContain('không còn quầy nào gọi');

    // The rating screen of counter 5 (in use) goes offline for over a minute.
    await page.getByLabel('Gồm cả máy đánh giá').check();
    const row = page.locator('[data-testid="devices"] tr[data-device="rating-5"]');
    await expect.poll(() => row.textContent(), POLL).toContain('Trực tuyến');
    rating5.close();
    // Offline from now on the hub's clock: wait for the hub to have seen it before moving the clock.
    await expect.poll(() => row.textContent(), POLL).toContain('Mất kết nối');
    t.clock.advance(MINUTE + 1000);
    await kiosk.issue({ service: 'A' });
    const offline = page.locator('[data-testid="alert"][data-key^="offline:rating-5:"]');
    await expect.poll(() => offline.count(), POLL).toBe(1);
    // Nobody has opened a counter of A (1–3) today: that is said too, in its own words.
    const neverOpened = page.locator('[data-testid="alert"][data-key^="noCounter:A:"]');
    await expect.poll(() => neverOpened.textContent(), POLL).toContain('chưa có quầy nào mở');

    // Level 4 lets 20 people into the hall.
    await page.getByRole('button', { name: 'Đổi cấp độ' }).click();
    await page
      .getByRole('dialog')
      .getByLabel(/^Cấp độ 4/)
      .check();
    await page.getByRole('dialog').getByRole('button', { name: 'Áp dụng' }).click();
    await expect.poll(() => t.hub.engine.state.level).toBe(4);
    while (t.hub.engine.state.lines.occupancy['hall']! < 20) await kiosk.issue({ service: 'E' }); // essential
    const full = alertsOf(page, 'hallFull');
    await expect.poll(() => full.textContent(), POLL).toContain('Sảnh chờ đã đầy: 20/20');
    await screenshot(page, 'supervisor', 'alerts-1366');
    await page.setViewportSize(LARGE);
    await screenshot(page, 'supervisor', 'alerts-1920');

    // Every cause goes away: so does its alert.
    await kiosk.reportPrinter({ ok: true });
    await expect.poll(() => printer.count(), POLL).toBe(0);
    await c5.resume();
    await expect.poll(() => noCounter.count(), POLL).toBe(0);
    const again = await t.client('test-rating-5-token');
    await again.online();
    await expect.poll(() => offline.count(), POLL).toBe(0);
    await visit(4, again);
    await expect.poll(() => unhappy.count(), POLL).toBe(0);
    await page.getByRole('button', { name: 'Đổi cấp độ' }).click();
    await page
      .getByRole('dialog')
      .getByLabel(/^Cấp độ 1/)
      .check();
    await page.getByRole('dialog').getByRole('button', { name: 'Áp dụng' }).click();
    await expect.poll(() => full.count(), POLL).toBe(0);
  });
});
