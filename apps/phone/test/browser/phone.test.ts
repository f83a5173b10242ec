import { existsSync } from 'node:fs';
import { startTestHub } from '@luot/hub/testing';
import { browserSuite, screenshot } from '@luot/testing';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

// The ticket's phone page (/t/<token>, the URL in the QR code) against a real hub.

const PHONE = { width: 390, height: 844 };

// The hub serves the built app; without a build the page is a placeholder and each test would time out.
beforeAll(() => {
  if (!existsSync(new URL('../../dist/index.html', import.meta.url))) {
    throw new Error('apps/phone is not built: run `npm run build -w apps/phone` first');
  }
});
const suite = browserSuite(startTestHub);

/** A phone page that counts calls to navigator.vibrate. */
async function openPhone(url: string, viewport = PHONE): Promise<Page> {
  const context = await suite.browser.newContext({ viewport, isMobile: true, hasTouch: true });
  await context.addInitScript(() => {
    const w = window as unknown as { vibrations: number };
    w.vibrations = 0;
    navigator.vibrate = () => {
      w.vibrations++;
      return true;
    };
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

describe('ticket phone page', () => {
  it('tells a waiting citizen when their service loses its only calling counter, until it is back', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-2-token');
    const counter = await t.counter(4); // B is served at counter 4 only
    await kiosk.issue({ service: 'B' });
    const { result } = await kiosk.issue({ service: 'B' });
    await counter.callNext();
    await counter.finish({ kind: 'received' });
    const page = await openPhone(result.url);
    // Served in no time on the test clock, so the mean service time is 0: "Dưới 5 phút".
    await page.getByText('Dưới 5 phút').waitFor();
    expect(await page.getByTestId('counter-lost').count()).toBe(0);

    await counter.send('counter.pause', { reason: 'họp' });
    await page.getByRole('heading', { name: 'Quầy tiếp nhận đang tạm nghỉ' }).waitFor();
    await page.getByText('Chưa ước tính được').waitFor();
    await screenshot(page, 'phone', 'counter-lost');

    await counter.send('counter.resume', {});
    await page.getByText('Dưới 5 phút').waitFor();
    expect(await page.getByTestId('counter-lost').count()).toBe(0);
  });

  it('tells the wait the kiosk told: no figure with nobody signed in, then the same 5-minute range', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-2-token');
    await kiosk.issue({ service: 'A' });
    await kiosk.issue({ service: 'A' });
    const { result } = await kiosk.issue({ service: 'A' });
    // Nobody signed in: no estimate on the kiosk's answer, and none on the phone (not "Dưới 1 phút").
    expect(result.estimate.range).toBeNull();
    const page = await openPhone(result.url);
    await page.getByText('Chưa ước tính được').waitFor();

    // Counters 1 and 2 sign in: 2 ahead ÷ 2 counters × 15 min = 15 → "Khoảng 15–20 phút", the range
    // a kiosk now tells the next citizen in line behind the same two.
    await t.counter(1);
    await t.counter(2);
    await page.getByText('Khoảng 15–20 phút').waitFor();
    expect(await page.getByText(/Dưới 1 phút/).count()).toBe(0);
    await screenshot(page, 'phone', 'wait-range');
  });

  it('follows one ticket from outside the hall to the counter call', async () => {
    const t = await suite.hub();
    const boss = await t.supervisor();
    await boss.setLevel(4); // hall capacity 20
    const kiosk = await t.client('test-kiosk-2-token');
    for (let i = 0; i < 20; i++) await kiosk.issue({ service: 'C' });
    const { result } = await kiosk.issue({ service: 'C' });
    expect(result.ticket.status).toBe('outside');

    const page = await openPhone(result.url);
    await page.getByRole('heading', { name: 'Vui lòng chờ bên ngoài sảnh' }).waitFor();
    await page.getByText(result.ticket.number, { exact: true }).waitFor();
    await page.getByText('Thứ tự vào sảnh').waitFor();
    await screenshot(page, 'phone', 'outside');

    // Counter 5 serves the first citizen: room in the hall, the ticket is let in.
    const counter = await t.counter(5);
    await counter.callNext();
    await counter.finish({ kind: 'received' });
    await page.getByRole('heading', { name: 'Mời vào sảnh chờ' }).waitFor();
    await screenshot(page, 'phone', 'admitted');

    await counter.callTicket(result.ticket.id);
    await page.getByRole('heading', { name: 'Mời đến quầy số 5' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { vibrations: number }).vibrations))
      .toBe(1);
    await screenshot(page, 'phone', 'called');

    // Nothing about other citizens: no other ticket number appears.
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/C0(0\d|1\d|20)\b/);

    // The smallest phone we support: nothing spills sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'phone', 'called-360');

    await counter.recall();
    await page.getByText('Mời lần 2').waitFor();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { vibrations: number }).vibrations))
      .toBe(2);
    await counter.startServing();
    await page.getByRole('heading', { name: 'Đang được phục vụ' }).waitFor();
    await counter.finish({ kind: 'received' });
    await page.getByRole('heading', { name: 'Đã hoàn thành' }).waitFor();
  });

  it('tells a citizen sent on to another counter, with the new service and counter', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    const { result } = await kiosk.issue({ service: 'C' });
    const page = await openPhone(result.url);
    await page.getByRole('heading', { name: 'Đang chờ đến lượt' }).waitFor();
    const counter = await t.counter(5);
    await t.counter(6);
    await counter.callNext();
    await counter.transfer({ toService: 'E', toCounter: 6 });
    await page.getByRole('heading', { name: 'Đã được chuyển tiếp' }).waitFor();
    await page.getByText('Quầy số 6 sẽ mời ông/bà.', { exact: false }).waitFor();
    await page.getByText('Tư pháp – Chứng thực').waitFor();
    await screenshot(page, 'phone', 'transferred');
  });

  it('tells a skipped citizen which counter to go to, and shows the ticket waiting again once reactivated', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    const { result } = await kiosk.issue({ service: 'C' });
    await kiosk.issue({ service: 'C' });
    const page = await openPhone(result.url);
    await page.getByRole('heading', { name: 'Đang chờ đến lượt' }).waitFor();
    const counter = await t.counter(5);
    await counter.callNext();
    await counter.noShow();
    await page.getByRole('heading', { name: 'Đã qua lượt' }).waitFor();
    await page.getByText('Ông/bà đã bị bỏ qua — vui lòng đến quầy số 5 để được gọi lại.').waitFor();
    await screenshot(page, 'phone', 'no-show');

    await counter.reactivate(result.ticket.id);
    await page.getByRole('heading', { name: 'Đang chờ đến lượt' }).waitFor();
    // Behind the one other ticket waiting (fewer than `fairness.reactivateBehind` = 2 wait).
    await page.getByText('Số người chờ trước').waitFor();
    expect(await page.locator('.p-facts dd').first().innerText()).toBe('1');
    await screenshot(page, 'phone', 'reactivated');
  });

  it('says so for an unknown ticket', async () => {
    const t = await suite.hub();
    const page = await openPhone(`${t.hub.url}/t/not-a-real-ticket-token`);
    await page.getByRole('heading', { name: 'Không tìm thấy số thứ tự' }).waitFor();
  });
});
