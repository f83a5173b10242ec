import { startTestHub } from '@luot/hub/testing';
import { browserSuite, screenshot } from '@luot/testing';
import { describe, expect, it } from 'vitest';
import { action, POLL, issue, openCounter, openRating, signIn, ticketInHand } from './helpers.js';

const suite = browserSuite(startTestHub);

describe('rating screen: a way back, and the officer sees only that a rating arrived', () => {
  it('goes back from the reasons, changes the rating until the screen resets; the counter shows no level', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    await issue(kiosk, 'C', 2);
    const page = await openCounter(suite.browser, t, 5);
    await signIn(page, 5);
    // A long thank-you (10 s) so the change is made on it, as a citizen would.
    const rating = await openRating(suite.browser, t, 5, '&timeout=60&thanks=10');
    await action(page, 'callNext').click();
    await expect.poll(() => ticketInHand(page), POLL).toBe('C001');
    await action(page, 'finish').click();
    await page
      .getByRole('dialog')
      .getByRole('radio', { name: /Hướng dẫn/ })
      .click();
    await page.keyboard.press('Enter');
    await expect.poll(() => ticketInHand(page), POLL).toBe('');

    // "Không hài lòng" by mistake: "Quay lại" from the reasons to the levels.
    await rating.getByRole('button', { name: 'Không hài lòng' }).click();
    await rating.getByRole('button', { name: 'Thời gian chờ lâu' }).click();
    await screenshot(rating, 'rating', 'reasons-back');
    await rating.getByRole('button', { name: 'Quay lại' }).click();
    await rating.getByText('Ông/bà có hài lòng').waitFor();

    // "Hài lòng", then changed on the thank-you screen to "Rất hài lòng".
    await rating.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await rating.getByText('Trân trọng cảm ơn ông/bà!').waitFor();
    await screenshot(rating, 'rating', 'thanks-change');
    expect(t.hub.engine.state.tickets['20261130-C001']!.rating).toBeUndefined(); // not sent yet
    await rating.getByRole('button', { name: 'Đổi đánh giá' }).click();
    await rating.getByRole('button', { name: 'Rất hài lòng' }).click();
    await rating.getByText('Trân trọng cảm ơn ông/bà!').waitFor();

    // Sent once, the last choice, when the screen resets (moved on by the next visit here).
    await action(page, 'callNext').click();
    await expect.poll(() => ticketInHand(page), POLL).toBe('C002');
    await action(page, 'finish').click();
    await page
      .getByRole('dialog')
      .getByRole('radio', { name: /Hướng dẫn/ })
      .click();
    await page.keyboard.press('Enter');
    await expect.poll(() => t.hub.engine.state.tickets['20261130-C001']!.rating, POLL).toBe(4);

    // The officer's terminal: that a rating arrived, never which.
    const note = page.getByTestId('toast');
    await note.filter({ hasText: 'Số C001: đã nhận đánh giá.' }).waitFor();
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/Rất hài lòng|Hài lòng|\b4\s*\/\s*4\b/);
    await screenshot(page, 'counter', 'rating-received');
  });
});
