import { startTestHub } from '@luot/hub/testing';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { browserSuite, screenshot } from '@luot/testing';
import { action, POLL, issue, openCounter, openRating, signIn, ticketInHand } from './helpers.js';

const suite = browserSuite(startTestHub);

describe('counter terminal', () => {
  it('refuses a wrong PIN, then serves a citizen: call, recall, finish with an outcome, rated once', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    const display = await t.client('test-display-token');
    await issue(kiosk, 'C', 2);

    const page = await openCounter(suite.browser, t, 5);
    await expect.poll(() => page.getByTestId('counter-number').textContent(), POLL).toContain('5');
    await screenshot(page, 'counter', 'sign-in');

    await signIn(page, 5, '9999');
    await page.getByRole('alert').filter({ hasText: 'Sai mã cán bộ hoặc mã PIN.' }).waitFor();
    expect(t.hub.engine.state.counters[5]!.officer).toBeNull();

    await signIn(page, 5);
    await page.getByTestId('officer-name').filter({ hasText: 'Cán bộ 5' }).waitFor();
    await page.getByTestId('next-list').getByText('C001').waitFor();
    await screenshot(page, 'counter', 'idle');

    // A short thank-you: the rating is sent when it ends (apps/rating flow.ts).
    const rating = await openRating(suite.browser, t, 5, '&timeout=60&thanks=2');
    await expect.poll(() => rating.getByTestId('rating-officer').textContent(), POLL).toBe('Cán bộ 5');

    await action(page, 'callNext').click();
    await expect.poll(() => ticketInHand(page), POLL).toBe('C001');
    await expect.poll(() => action(page, 'callNext').isDisabled(), POLL).toBe(true);
    // Called, not yet here: the screen says it is calling ("Công dân đang ở quầy" once serving).
    await page.getByText('Đang mời số C001', { exact: false }).waitFor();
    expect(t.hub.engine.state.counters[5]!.current).toBe('20261130-C001');

    await action(page, 'recall').click();
    await expect.poll(() => page.getByTestId('call-count').textContent(), POLL).toBe('2');

    await action(page, 'startServing').click();
    await expect
      .poll(() => page.getByTestId('current-ticket').getAttribute('data-status'), POLL)
      .toBe('serving');
    await screenshot(page, 'counter', 'serving');

    await action(page, 'finish').click();
    const dialog = page.getByRole('dialog', { name: /Hoàn thành/ });
    await dialog.getByRole('radio', { name: /Tiếp nhận hồ sơ/ }).click();
    await dialog.getByLabel('Mã hồ sơ (tùy chọn)').fill('H26.61-261130-0001');
    await dialog.getByRole('button', { name: /^5 ngày làm việc/ }).click();
    await screenshot(page, 'counter', 'finish-dialog');
    await dialog.getByRole('button', { name: /Xác nhận/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => ticketInHand(page), POLL).toBe('');
    const done = t.hub.engine.state.tickets['20261130-C001']!;
    expect(done.status).toBe('done');
    expect(done.outcome).toEqual({
      kind: 'received',
      dossierCode: 'H26.61-261130-0001',
      returnDate: '2026-12-07',
    });
    await expect.poll(() => page.getByTestId('served-count').textContent(), POLL).toBe('1');

    // The citizen's screen asks, with the officer's name; one tap is stored once.
    await rating.getByText('Ông/bà có hài lòng với thái độ phục vụ').waitFor();
    await rating.getByText('Cán bộ tiếp nhận: Cán bộ 5 · Số thứ tự C001').waitFor();
    await screenshot(rating, 'counter', 'rating');
    await rating.getByRole('button', { name: 'Rất hài lòng' }).click();
    await rating.getByText('Trân trọng cảm ơn ông/bà!').waitFor();
    await display.waitFor((s) => s.state.tickets['20261130-C001']!.rating === 4);
    const db = new Database(join(t.dir, 'luot.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT ticket_id, score, officer_id, counter, service FROM ratings').all()).toEqual([
        { ticket_id: '20261130-C001', score: 4, officer_id: 'cb5', counter: 5, service: 'C' },
      ]);
    } finally {
      db.close();
    }
  });

  it('skips a no-show and transfers to another service, where another counter calls the ticket', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    await issue(kiosk, 'C', 2);
    const counter6 = await t.counter(6);

    const page = await openCounter(suite.browser, t, 5);
    await signIn(page, 5);
    await action(page, 'callNext').click();
    await expect.poll(() => ticketInHand(page), POLL).toBe('C001');
    await action(page, 'noShow').click();
    // Skipping asks first (no-show.test.ts).
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Vắng mặt, bỏ qua/ })
      .click();
    await expect.poll(() => ticketInHand(page), POLL).toBe('');
    expect(t.hub.engine.state.tickets['20261130-C001']!.status).toBe('no_show');

    await action(page, 'callNext').click();
    await expect.poll(() => ticketInHand(page), POLL).toBe('C002');
    await action(page, 'transfer').click();
    const dialog = page.getByRole('dialog', { name: /Chuyển công dân/ });
    await dialog.getByRole('radio', { name: /Tư pháp – Chứng thực/ }).click();
    await dialog.getByRole('button', { name: 'Nộp phí, lệ phí' }).click();
    await screenshot(page, 'counter', 'transfer-dialog');
    await dialog.getByRole('button', { name: /^Chuyển/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => ticketInHand(page), POLL).toBe('');

    const ack = await counter6.callNext();
    expect((ack.result as { ticket: { number: string; service: string } }).ticket).toMatchObject({
      number: 'C002',
      service: 'E',
    });
  });

  it('pauses with a reason, resumes, and closes the counter', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    await issue(kiosk, 'B', 1);
    const page = await openCounter(suite.browser, t, 4);
    await signIn(page, 4);

    await action(page, 'pause').click();
    const dialog = page.getByRole('dialog', { name: 'Tạm dừng quầy' });
    await dialog.getByRole('radio', { name: 'Họp, công việc chung' }).click();
    await dialog.getByRole('button', { name: /Tạm dừng/ }).click();
    await page.getByText('Quầy đang tạm dừng: Họp, công việc chung.').waitFor();
    expect(t.hub.engine.state.counters[4]).toMatchObject({ status: 'paused', pauseReason: 'meeting' });
    expect(await action(page, 'callNext').isDisabled()).toBe(true);

    await action(page, 'pause').click(); // now "Tiếp tục làm việc"
    await expect.poll(() => page.getByTestId('counter-status').textContent(), POLL).toBe('Đang làm việc');

    await page.getByRole('button', { name: 'Đóng quầy' }).click();
    await page.getByRole('dialog', { name: 'Đóng quầy' }).getByRole('button', { name: 'Đóng quầy' }).click();
    await page.getByText('Quầy đã đóng. Đăng nhập để mở lại quầy.').waitFor();
    expect(t.hub.engine.state.counters[4]).toMatchObject({ status: 'closed', officer: null });
  });

  it('closing the last counter for a service names it and who waits, and asks to confirm that', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    await issue(kiosk, 'B', 3); // Tài nguyên và Môi trường: counter 4 alone
    const page = await openCounter(suite.browser, t, 4);
    await signIn(page, 4);
    await expect.poll(() => page.getByTestId('counter-status').textContent(), POLL).toBe('Đang làm việc');

    await page.getByRole('button', { name: 'Đóng quầy' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đóng quầy' });
    // Not "Các số đang chờ vẫn được quầy khác gọi": no other counter takes B.
    await dialog.getByText('Sau khi đóng, không còn quầy nào tiếp nhận', { exact: false }).waitFor();
    await dialog.getByText('B – Tài nguyên và Môi trường: 3 người đang chờ').waitFor();
    expect(await dialog.getByText('vẫn được quầy khác gọi', { exact: false }).count()).toBe(0);
    const confirm = dialog.getByRole('button', { name: 'Vẫn đóng quầy, để 3 người chờ không có quầy gọi' });
    await confirm.waitFor();
    await screenshot(page, 'counter', 'close-leaves-service');
    await confirm.click();
    await page.getByText('Quầy đã đóng. Đăng nhập để mở lại quầy.').waitFor();
  });

  it('says when the level or the supervisor has closed the counter, and switches to English', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    const boss = await t.supervisor();
    await issue(kiosk, 'A', 1);
    const page = await openCounter(suite.browser, t, 2);
    await signIn(page, 2);
    const badge = () => page.getByTestId('counter-status').textContent();
    await expect.poll(badge, POLL).toBe('Đang làm việc');
    await boss.setLevel(3);
    await page.getByText('Quầy tạm đóng theo cấp độ phòng dịch hiện tại (cấp độ 3)').waitFor();
    // The officer is still signed in and the counter 'open' for the hub: the badge says closed.
    await expect.poll(badge, POLL).toBe('Tạm đóng (cấp độ 3)');
    await screenshot(page, 'counter', 'closed-at-level');
    expect(await action(page, 'callNext').isDisabled()).toBe(true);
    await boss.setLevel(1);
    await boss.setCounterClosed(2, true, 'Cán bộ đi họp');
    // With the head's reason, in their words.
    await page.getByText('Quầy đã được lãnh đạo cho tạm đóng (Cán bộ đi họp). Không gọi số mới.').waitFor();
    await expect.poll(badge, POLL).toBe('Lãnh đạo cho tạm đóng');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('The supervisor has closed this counter (Cán bộ đi họp)').waitFor();
    await expect.poll(badge, POLL).toBe('Closed by supervisor');
    await page.getByRole('button', { name: /Call next/ }).waitFor();
    await boss.setCounterClosed(2, false);
    await expect.poll(badge, POLL).toBe('Open');
  });

  it('greys out closed counters and services no open counter calls in the transfer dialog, keys too', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    const boss = await t.supervisor();
    await issue(kiosk, 'C', 1);
    await (await t.counter(12)).signOut(true); // closed by its officer
    const page = await openCounter(suite.browser, t, 5);
    await signIn(page, 5);
    await boss.setLevel(4); // closes counters 2, 3, 7, 10, 11 and 14
    await boss.setCounterClosed(1, true, 'Cán bộ đi họp'); // with 2 and 3, every counter of service A
    await page.getByTestId('next-list').getByText('C001').waitFor();
    const kb = page.keyboard;
    await kb.press('NumpadAdd');
    await expect.poll(() => ticketInHand(page), POLL).toBe('C001');
    await kb.press('NumpadDivide');
    const dialog = page.getByRole('dialog', { name: /Chuyển công dân/ });
    await dialog.waitFor();

    const counterChip = (name: string) => dialog.getByRole('radio', { name, exact: true });
    expect(await counterChip('Quầy số 2 — Tạm đóng (cấp độ 4)').isDisabled()).toBe(true);
    expect(await counterChip('Quầy số 1 — Lãnh đạo cho tạm đóng').isDisabled()).toBe(true);
    expect(await counterChip('Quầy số 12 — Đã đóng').isDisabled()).toBe(true);
    expect(await counterChip('Quầy số 6').isDisabled()).toBe(false);
    const building = dialog.getByRole('radio', { name: /Xây dựng/ });
    expect(await building.isDisabled()).toBe(true);
    expect(await building.textContent()).toContain('Không có quầy mở');
    expect(await dialog.getByRole('radio', { name: /Đất đai/ }).isDisabled()).toBe(true);
    await screenshot(page, 'counter', 'transfer-closed');

    // The focus starts on the first service that can be chosen (A cannot).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''), POLL)
      .toContain('Tài nguyên và Môi trường');
    // The letter of a greyed-out service chooses nothing, so Enter asks for a target.
    await kb.press('g');
    expect(await building.getAttribute('aria-checked')).toBe('false');
    await kb.press('Enter');
    const missing = dialog.getByRole('alert').filter({ hasText: 'Hãy chọn lĩnh vực hoặc quầy nhận.' });
    await missing.waitFor();
    // A counter chosen, then closed while the dialog is open, is no longer a choice.
    await counterChip('Quầy số 8').click();
    await missing.waitFor({ state: 'detached' });
    await boss.setCounterClosed(8, true, 'Cán bộ đi họp');
    await expect.poll(() => counterChip('Quầy số 8 — Lãnh đạo cho tạm đóng').isDisabled(), POLL).toBe(true);
    await kb.press('Enter');
    await missing.waitFor();
    expect(t.hub.engine.state.tickets['20261130-C001']!.service).toBe('C');
    await kb.press('e');
    await kb.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(t.hub.engine.state.tickets['20261130-C001']).toMatchObject({ status: 'waiting', service: 'E' });
  });

  it('declares its icon, so the browser finds one for the terminal and the rating screen', async () => {
    const t = await suite.hub();
    for (const page of [await openCounter(suite.browser, t, 3), await openRating(suite.browser, t, 3)]) {
      // Without a <link rel="icon">, the browser asks for /favicon.ico, which the hub does not serve.
      const href = await page.locator('link[rel="icon"]').getAttribute('href');
      const icon = await page.request.get(new URL(href!, page.url()).href);
      expect(icon.status()).toBe(200);
      expect(icon.headers()['content-type']).toContain('image/svg+xml');
    }
  });
});
