import { startTestHub } from '@luot/hub/testing';
import { browserSuite, screenshot } from '@luot/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { action, POLL, issue, openCounter, signIn, ticketInHand } from './helpers.js';

// What the officer sees after each action (issue #17, item 14): a short message that it happened,
// words that match where the citizen is, a question before signing out, the distancing level, and
// controls big enough for a finger on a touch screen.

const suite = browserSuite(startTestHub);

/** The short message after an action; there is one at a time. */
const toast = (page: Page) => page.getByTestId('toast');

/**
 * Every control a finger may have to hit, smaller than 44×44 CSS pixels (WCAG 2.5.5), as
 * "label (width×height)". Hidden controls (a closed dialog, a collapsed list) do not count.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>(
        'button, a[href], input:not([type="hidden"]), select, textarea, [role="radio"], [role="button"]',
      ),
    );
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (r.width < 44 || r.height < 44) {
        const label = (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim().slice(0, 30);
        out.push(`${label} (${Math.round(r.width)}×${Math.round(r.height)})`);
      }
    }
    return out;
  });
}

describe('counter terminal: what the officer is told', () => {
  it('a message after each action, the words of each step, the level in the header, sign-out asks first', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    const boss = await t.supervisor();
    await boss.setLevel(2);
    await issue(kiosk, 'C', 2);
    await t.counter(6); // E is staffed: the transfer below has somewhere to go

    const page = await openCounter(suite.browser, t, 5);
    expect(await smallTargets(page)).toEqual([]);
    await signIn(page, 5);
    await page.getByTestId('next-list').getByText('C001').waitFor();

    // The other dialogs and the shortcut list: a finger's size too.
    for (const [button, name] of [
      ['pause', 'Tạm dừng quầy'],
      ['callTicket', 'Gọi một số trong hàng chờ'],
    ] as const) {
      await action(page, button).click();
      const dialog = page.getByRole('dialog', { name });
      await dialog.waitFor();
      expect(await smallTargets(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
    await page.getByRole('button', { name: /Phím tắt/ }).click();
    await page.getByRole('dialog', { name: 'Phím tắt' }).waitFor();
    expect(await smallTargets(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Phím tắt' }).waitFor({ state: 'detached' });

    // The level the office works at, always in sight; it follows the supervisor.
    const level = page.getByTestId('level');
    await expect.poll(() => level.textContent(), POLL).toBe('Cấp độ 2');
    expect(await smallTargets(page)).toEqual([]);

    // Called, not yet here: "Đang mời", and nothing says the citizen is at the counter.
    await action(page, 'callNext').click();
    await expect.poll(() => ticketInHand(page), POLL).toBe('C001');
    await expect.poll(() => toast(page).textContent(), POLL).toBe('Đã mời số C001.');
    await page.getByTestId('current-ticket').getByText('Đang mời', { exact: true }).waitFor();
    expect(await page.getByText('Công dân đang ở quầy').count()).toBe(0);
    await screenshot(page, 'counter', 'called-toast');

    // After "Bắt đầu tiếp nhận" the citizen is at the counter, and the screen says so.
    await action(page, 'startServing').click();
    await page.getByText('Công dân đang ở quầy', { exact: false }).first().waitFor();
    expect(await page.getByTestId('current-ticket').getByText('Đang mời').count()).toBe(0);

    await action(page, 'transfer').click();
    const transfer = page.getByRole('dialog', { name: /Chuyển công dân/ });
    await transfer.getByRole('radio', { name: /Tư pháp – Chứng thực/ }).click();
    expect(await smallTargets(page)).toEqual([]);
    await screenshot(page, 'counter', 'transfer-dialog-targets');
    await transfer.getByRole('button', { name: /^Chuyển/ }).click();
    await expect
      .poll(() => toast(page).textContent(), POLL)
      .toBe('Đã chuyển số C001 sang lĩnh vực E – Tư pháp – Chứng thực.');

    await action(page, 'callNext').click();
    await expect.poll(() => toast(page).textContent(), POLL).toBe('Đã mời số C002.');
    await action(page, 'startServing').click();
    await action(page, 'finish').click();
    const finish = page.getByRole('dialog', { name: /Hoàn thành/ });
    await finish.getByRole('radio', { name: /Hướng dẫn/ }).click();
    expect(await smallTargets(page)).toEqual([]);
    await finish.getByRole('button', { name: /Xác nhận/ }).click();
    await expect.poll(() => toast(page).textContent(), POLL).toBe('Đã hoàn thành số C002.');

    // The citizen rates on the tablet: the officer learns that a rating arrived, never its level.
    const tablet = await t.client('test-rating-5-token');
    await tablet.rate('20261130-C002', 1);
    await expect.poll(() => toast(page).textContent(), POLL).toBe('Số C002: đã nhận đánh giá.');
    await screenshot(page, 'counter', 'rating-toast');

    await boss.setLevel(3);
    await expect.poll(() => level.textContent(), POLL).toBe('Cấp độ 3');

    // Signing out asks first; "Hủy" keeps the officer at work.
    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    const ask = page.getByRole('dialog', { name: 'Đăng xuất?' });
    await ask.getByText('Quầy số 5 sẽ chuyển sang “Chưa mở”', { exact: false }).waitFor();
    expect(await smallTargets(page)).toEqual([]);
    await screenshot(page, 'counter', 'sign-out-confirm');
    await ask.getByRole('button', { name: /Hủy/ }).click();
    await ask.waitFor({ state: 'detached' });
    expect(t.hub.engine.state.counters[5]!.officer?.id).toBe('cb5');

    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await ask.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    expect(t.hub.engine.state.counters[5]).toMatchObject({ status: 'offline', officer: null });
  });

  it('a ticket transferred here is a first call at this counter, not "Mời lần 2"', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    await issue(kiosk, 'C', 1);
    // Counter 5 calls C001 twice, then sends it to E: three calls before it reaches counter 6.
    const five = await t.counter(5);
    await five.callNext();
    await five.recall();
    await five.transfer({ toService: 'E' });

    const page = await openCounter(suite.browser, t, 6);
    await signIn(page, 6);
    await action(page, 'callNext').click();
    await expect.poll(() => ticketInHand(page), POLL).toBe('C001');
    const card = page.getByTestId('current-ticket');
    await expect.poll(() => page.getByTestId('call-count').textContent(), POLL).toBe('1');
    await card.getByText('Đang mời', { exact: true }).waitFor();
    expect(await card.getByText(/Mời lần/).count()).toBe(0);
    await screenshot(page, 'counter', 'transferred-first-call');

    // A recall here is the second call here.
    await action(page, 'recall').click();
    await expect.poll(() => page.getByTestId('call-count').textContent(), POLL).toBe('2');
    await card.getByText('Mời lần 2', { exact: true }).waitFor();

    // A reload of the terminal keeps the count (the hub's day alone cannot tell calls here apart).
    await page.reload();
    await expect.poll(() => ticketInHand(page), POLL).toBe('C001');
    await expect.poll(() => page.getByTestId('call-count').textContent(), POLL).toBe('2');
  });
});
