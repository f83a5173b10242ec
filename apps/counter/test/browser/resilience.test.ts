import { startTestHub } from '@luot/hub/testing';
import { describe, expect, it } from 'vitest';
import { browserSuite } from '@luot/testing';
import { action, POLL, issue, openCounter, signIn, ticketInHand } from './helpers.js';

const suite = browserSuite(startTestHub);

describe('two counters, restarts and network cuts', () => {
  it('gives two counters pressing "call next" together different tickets', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    await issue(kiosk, 'A', 2);
    const [p1, p2] = await Promise.all([openCounter(suite.browser, t, 1), openCounter(suite.browser, t, 2)]);
    await Promise.all([signIn(p1, 1), signIn(p2, 2)]);
    await Promise.all([p1.getByTestId('officer-name').waitFor(), p2.getByTestId('officer-name').waitFor()]);
    await Promise.all([p1.keyboard.press('NumpadAdd'), p2.keyboard.press('NumpadAdd')]);
    await expect.poll(() => ticketInHand(p1), POLL).not.toBe('');
    await expect.poll(() => ticketInHand(p2), POLL).not.toBe('');
    expect([await ticketInHand(p1), await ticketInHand(p2)].sort()).toEqual(['A001', 'A002']);
  });

  it('keeps the ticket in hand through a hub restart, and refuses actions while offline', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    await issue(kiosk, 'C', 2);
    const page = await openCounter(suite.browser, t, 5);
    await signIn(page, 5);
    await action(page, 'callNext').click();
    await expect.poll(() => ticketInHand(page), POLL).toBe('C001');
    await action(page, 'startServing').click();
    await expect
      .poll(() => page.getByTestId('current-ticket').getAttribute('data-status'), POLL)
      .toBe('serving');

    // Restart mid-service: the page reconnects, resyncs and still holds C001 (the hub's, not a copy).
    const sawOffline = page.locator('.workspace[data-connection="offline"]').waitFor();
    await t.restart();
    await sawOffline;
    await page.locator('.workspace[data-connection="online"]').waitFor({ timeout: 10_000 });
    await expect.poll(() => ticketInHand(page), POLL).toBe('C001');
    expect(await page.getByTestId('current-ticket').getAttribute('data-status')).toBe('serving');
    expect(await page.getByTestId('call-count').textContent()).toBe('1');

    // Network cut: buttons go grey, a key press says plainly that nothing was done.
    await t.hub.close();
    await page.getByText('Mất kết nối máy chủ — đang kết nối lại… Chưa thể thao tác.').waitFor();
    expect(await action(page, 'finish').isDisabled()).toBe(true);
    await page.keyboard.press('NumpadAdd');
    const alert = page.locator('[role="alert"][data-code="OFFLINE"]');
    await alert.getByText('Mất kết nối tới máy chủ; thao tác chưa được thực hiện.').waitFor();
    await alert.getByText('Số đang xử lý được máy chủ giữ nguyên').waitFor();
    await page.keyboard.press('F8'); // the finish dialog is not opened offline either
    expect(await page.getByRole('dialog').count()).toBe(0);

    // Back online: same ticket, finished once; the next call gives the next citizen.
    await t.restart();
    await page.locator('.workspace[data-connection="online"]').waitFor({ timeout: 10_000 });
    await alert.waitFor({ state: 'detached' }); // the refusal is cleared once the hub is back
    await expect.poll(() => ticketInHand(page), POLL).toBe('C001');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: /Hoàn thành/ }).waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => ticketInHand(page), POLL).toBe('');
    await page.keyboard.press('NumpadAdd');
    await expect.poll(() => ticketInHand(page), POLL).toBe('C002');
    const s = t.hub.engine.state;
    expect(s.tickets['20261130-C001']).toMatchObject({ status: 'done', callCount: 1 });
    expect(s.counters[5]!.current).toBe('20261130-C002');
  });
});
