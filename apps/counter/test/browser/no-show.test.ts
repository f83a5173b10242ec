import { startTestHub } from '@luot/hub/testing';
import { browserSuite, screenshot } from '@luot/testing';
import { describe, expect, it } from 'vitest';
import { action, POLL, issue, openCounter, signIn, ticketInHand } from './helpers.js';

const suite = browserSuite(startTestHub);

describe('counter terminal: no-show', () => {
  it('asks before skipping; Enter keeps the citizen, the no-show key again skips', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    await issue(kiosk, 'C', 2);
    const page = await openCounter(suite.browser, t, 5);
    await signIn(page, 5);
    await action(page, 'callNext').click();
    await expect.poll(() => ticketInHand(page), POLL).toBe('C001');

    // One stray key no longer ends the turn: a question, whose default is "Quay lại".
    await page.keyboard.press('Minus');
    const dialog = page.getByRole('dialog', { name: 'Bỏ qua số C001?' });
    await dialog.waitFor();
    await screenshot(page, 'counter', 'no-show-confirm');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(t.hub.engine.state.tickets['20261130-C001']!.status).toBe('called');
    expect(await ticketInHand(page)).toBe('C001');

    // The key twice: skipped.
    await page.keyboard.press('Minus');
    await dialog.waitFor();
    await page.keyboard.press('Minus');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => t.hub.engine.state.tickets['20261130-C001']!.status, POLL).toBe('no_show');
    // The hub's state changes before the page hears of it: wait for the page, as a person would.
    await expect.poll(() => ticketInHand(page), POLL).toBe('');
  });

  it('undoes a no-show within 10 s (back in hand); later "Xếp lại hàng" in the side panel puts it back in line', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    await issue(kiosk, 'C', 4);
    const page = await openCounter(suite.browser, t, 5);
    await signIn(page, 5);
    await action(page, 'callNext').click();
    await expect.poll(() => ticketInHand(page), POLL).toBe('C001');
    await action(page, 'noShow').click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Vắng mặt, bỏ qua/ })
      .click();
    const toast = page.getByTestId('undo-toast');
    await toast.getByText('Đã bỏ qua số C001.').waitFor();
    await expect.poll(() => ticketInHand(page), POLL).toBe('');
    await screenshot(page, 'counter', 'no-show-undo');

    t.clock.advance(5_000);
    await toast.getByRole('button', { name: /Hoàn tác/ }).click();
    // Reactivated (back in its line after the next 2) and called again at once by this free counter.
    await expect.poll(() => ticketInHand(page), POLL).toBe('C001');
    await toast.waitFor({ state: 'detached' });
    const c001 = t.hub.engine.state.tickets['20261130-C001']!;
    expect(c001).toMatchObject({ status: 'called', counter: 5, callCount: 2 });

    // Skipped again, and 10 seconds pass on the hub's clock: no undo any more.
    await action(page, 'noShow').click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Vắng mặt, bỏ qua/ })
      .click();
    await toast.waitFor();
    t.clock.advance(10_001);
    await issue(kiosk, 'C'); // a live event tells the terminal the hub's time
    await toast.waitFor({ state: 'detached' });
    expect(t.hub.engine.state.tickets['20261130-C001']!.status).toBe('no_show');
    await screenshot(page, 'counter', 'no-show-undo-gone');

    // The citizen comes back later (their phone sent them here): "Xếp lại hàng" in the side panel.
    const skipped = page.getByTestId('skipped-list');
    await skipped.getByText('C001').waitFor();
    await skipped.getByRole('button', { name: 'Xếp lại hàng C001' }).click();
    await expect.poll(() => t.hub.engine.state.tickets['20261130-C001']!.status, POLL).toBe('waiting');
    await skipped.waitFor({ state: 'detached' });
    // After the next 2 waiting (C002, C003), before C004 and C005.
    const next = page.getByTestId('next-list').locator('li');
    await expect
      .poll(() => next.evaluateAll((li) => li.map((l) => l.getAttribute('data-ticket'))), POLL)
      .toEqual(['C002', 'C003', 'C001', 'C004', 'C005']);
  });
});
