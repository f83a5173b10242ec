import { startTestHub } from '@luot/hub/testing';
import { describe, expect, it } from 'vitest';
import { browserSuite, screenshot } from '@luot/testing';
import { POLL, issue, openCounter, ticketInHand } from './helpers.js';

const suite = browserSuite(startTestHub);

describe('keyboard only', () => {
  it('drives a whole day at the counter without a mouse', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    await issue(kiosk, 'C', 3);
    const state = () => t.hub.engine.state;
    const page = await openCounter(suite.browser, t, 5);
    const kb = page.keyboard;

    // Sign in: officer id, Tab, PIN, Enter.
    await kb.type('cb5');
    await kb.press('Tab');
    await kb.type('1234');
    await kb.press('Enter');
    await page.getByTestId('officer-name').waitFor();
    // F-keys must not reach the browser (F5 would reload the terminal): mark this page to check.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

    // + calls, * calls again, Enter starts serving, Enter opens the finish dialog.
    await kb.press('NumpadAdd');
    await expect.poll(() => ticketInHand(page), POLL).toBe('C001');
    await kb.press('NumpadMultiply');
    await expect.poll(() => page.getByTestId('call-count').textContent(), POLL).toBe('2');
    await kb.press('Enter');
    await expect
      .poll(() => page.getByTestId('current-ticket').getAttribute('data-status'), POLL)
      .toBe('serving');
    await kb.press('Enter');
    const finish = page.getByRole('dialog', { name: /Hoàn thành/ });
    await finish.waitFor();
    await kb.press('2');
    await expect
      .poll(() => finish.getByRole('radio', { name: /Hướng dẫn/ }).getAttribute('aria-checked'), POLL)
      .toBe('true');
    await kb.press('Enter');
    await finish.waitFor({ state: 'detached' });
    expect(state().tickets['20261130-C001']).toMatchObject({ status: 'done', outcome: { kind: 'guided' } });
    // The terminal takes the next key once it has the hub's answer (the hand is empty again), not before.
    await expect.poll(() => ticketInHand(page), POLL).toBe('');

    // F1 calls next; − twice skips a no-show (the first asks, no-show.test.ts).
    await kb.press('F1');
    await expect.poll(() => ticketInHand(page), POLL).toBe('C002');
    await kb.press('NumpadSubtract');
    await page.getByRole('dialog', { name: 'Bỏ qua số C002?' }).waitFor();
    await kb.press('NumpadSubtract');
    await expect.poll(() => ticketInHand(page), POLL).toBe('');
    expect(state().tickets['20261130-C002']!.status).toBe('no_show');

    // / opens the transfer dialog; a letter picks the service; Enter transfers.
    await kb.press('NumpadAdd');
    await expect.poll(() => ticketInHand(page), POLL).toBe('C003');
    await kb.press('NumpadDivide');
    const transfer = page.getByRole('dialog', { name: /Chuyển công dân/ });
    await transfer.waitFor();
    await kb.press('e');
    await kb.press('Enter');
    await transfer.waitFor({ state: 'detached' });
    expect(state().tickets['20261130-C003']).toMatchObject({ status: 'waiting', service: 'E' });
    await expect.poll(() => ticketInHand(page), POLL).toBe('');

    // F6 pauses with reason 3, F6 again resumes.
    await kb.press('F6');
    const pause = page.getByRole('dialog', { name: 'Tạm dừng quầy' });
    await pause.waitFor();
    await kb.press('3');
    await kb.press('Enter');
    await page.getByText('Quầy đang tạm dừng: Hỗ trợ quầy khác.').waitFor();
    await pause.waitFor({ state: 'detached' });
    expect(state().counters[5]!.pauseReason).toBe('helping');
    await kb.press('F6');
    await expect.poll(() => page.getByTestId('counter-status').textContent(), POLL).toBe('Đang làm việc');
    expect(state().counters[5]!.status).toBe('open');

    // . picks a ticket from the list by its place (1–9); F8 finishes with "result returned".
    await issue(kiosk, 'C', 2);
    await page.getByTestId('next-list').getByText('C005').waitFor();
    await kb.press('NumpadDecimal');
    await page.getByRole('dialog', { name: 'Gọi một số trong hàng chờ' }).waitFor();
    await kb.press('2');
    await expect.poll(() => ticketInHand(page), POLL).toBe('C005');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await kb.press('F8');
    await finish.waitFor();
    await kb.press('3');
    await kb.press('Enter');
    await finish.waitFor({ state: 'detached' });
    expect(state().tickets['20261130-C005']).toMatchObject({ status: 'done', outcome: { kind: 'returned' } });

    // ? shows the shortcuts; Esc closes them.
    await kb.press('Shift+Slash');
    const help = page.getByRole('dialog', { name: 'Phím tắt' });
    await help.waitFor();
    await screenshot(page, 'counter', 'help');
    await kb.press('Escape');
    await help.waitFor({ state: 'detached' });

    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await expect.poll(() => page.getByTestId('served-count').textContent(), POLL).toBe('2');
  });
});
