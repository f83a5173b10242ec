import { readFileSync } from 'node:fs';
import { startTestHub } from '@luot/hub/testing';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, screenshot } from '@luot/testing';
import { counterRow, LARGE, openSignedIn, POLL, SMALL } from './helpers.js';

// Every action of the console goes to the hub through the client, is refused without its reason,
// shows the hub's refusal in Vietnamese, and is on record in the audit log.

const suite = browserSuite(startTestHub);
const MINUTE = 60_000;

async function counterDialog(page: Page, n: number) {
  await counterRow(page, n)
    .getByRole('button', { name: /Thao tác/ })
    .click();
  const dialog = page.getByRole('dialog', { name: `Quầy ${n}` });
  await dialog.waitFor();
  return dialog;
}

async function findTicket(page: Page, number: string) {
  await page.getByLabel('Số thứ tự').fill(number);
  const card = page.getByTestId('ticket-card');
  await card.getByText(number).waitFor();
  return card;
}

describe('supervisor console: actions', () => {
  it('closes and reopens a counter (a reason is required), changes its services, pauses and signs it out', async () => {
    const t = await suite.hub();
    await t.counter(6);
    const page = await openSignedIn(suite.browser, t);

    let dialog = await counterDialog(page, 7);
    const apply = dialog.getByRole('button', { name: 'Thực hiện' });
    expect(await dialog.getByLabel('Đóng quầy hôm nay').isChecked()).toBe(true);
    expect(await apply.isDisabled()).toBe(true); // no reason yet
    await dialog.getByText('Cần ghi lý do để thực hiện.').waitFor();
    await dialog.getByLabel('Lý do (bắt buộc)').fill('   ');
    expect(await apply.isDisabled()).toBe(true); // blanks are no reason
    await screenshot(page, 'supervisor', 'close-counter-dialog-1366');
    await dialog.getByLabel('Lý do (bắt buộc)').fill('Cán bộ đi tập huấn');
    await apply.click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => counterRow(page, 7).getByTestId('counter-state').textContent(), POLL)
      .toBe('Lãnh đạo đóng: Cán bộ đi tập huấn');
    expect(t.hub.engine.state.counters[7]).toMatchObject({
      closedBySupervisor: true,
      closedReason: 'Cán bộ đi tập huấn',
    });

    dialog = await counterDialog(page, 7);
    expect(await dialog.getByLabel('Mở lại quầy').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Thực hiện' }).click(); // opening needs no reason
    await expect.poll(() => t.hub.engine.state.counters[7]!.closedBySupervisor, POLL).toBe(false);

    dialog = await counterDialog(page, 6);
    await dialog.getByLabel('Đổi lĩnh vực phục vụ').check();
    await dialog.getByRole('checkbox', { name: /^C / }).check();
    await dialog.getByRole('button', { name: 'Thực hiện' }).click();
    await expect.poll(() => t.hub.engine.state.counters[6]!.services, POLL).toEqual(['E', 'C']);
    await expect.poll(() => counterRow(page, 6).textContent(), POLL).toContain('E, Chôm nay');

    dialog = await counterDialog(page, 6);
    await dialog.getByLabel('Tạm dừng quầy').check();
    expect(await dialog.getByRole('button', { name: 'Thực hiện' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Lý do (bắt buộc)').fill('Cán bộ vắng mặt tại quầy');
    await dialog.getByRole('button', { name: 'Thực hiện' }).click();
    await expect
      .poll(() => counterRow(page, 6).getByTestId('counter-state').textContent(), POLL)
      .toBe('Tạm dừng: Cán bộ vắng mặt tại quầy');

    dialog = await counterDialog(page, 6);
    await dialog.getByLabel('Đăng xuất cán bộ').check();
    await dialog.getByRole('button', { name: 'Thực hiện' }).click();
    await expect.poll(() => t.hub.engine.state.counters[6]!.officer, POLL).toBeNull();

    // Keyboard: Esc closes a dialog; Tab stays inside it.
    dialog = await counterDialog(page, 5);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('the level, a notice, and a day closed with its reason', async () => {
    const t = await suite.hub();
    const page = await openSignedIn(suite.browser, t);
    await page.getByRole('button', { name: 'Đổi cấp độ' }).click();
    let dialog = page.getByRole('dialog', { name: 'Cấp độ giãn cách' });
    await dialog.getByLabel(/^Cấp độ 3/).check();
    await dialog.getByRole('button', { name: 'Áp dụng' }).click();
    await expect.poll(() => t.hub.engine.state.level, POLL).toBe(3);
    await expect
      .poll(() => counterRow(page, 2).getByTestId('counter-state').textContent(), POLL)
      .toBe('Đóng theo cấp độ');

    await page.getByRole('button', { name: 'Thông báo', exact: true }).click();
    dialog = page.getByRole('dialog', { name: 'Thông báo trên màn hình chung' });
    await dialog.getByLabel(/^Nội dung/).fill('Mạng liên thông tạm gián đoạn');
    await dialog.getByLabel(/^Hiển thị đến/).fill('16:30');
    await dialog.getByRole('button', { name: 'Hiển thị' }).click();
    // 16:30 in Hà Nội on the test's Monday is 09:30 UTC.
    await expect
      .poll(() => t.hub.engine.state.notice, POLL)
      .toEqual({ text: 'Mạng liên thông tạm gián đoạn', until: Date.UTC(2026, 10, 30, 9, 30) });
    await expect.poll(() => page.getByTestId('notice').textContent(), POLL).toContain('đến 16:30');

    await page.getByRole('button', { name: 'Kết thúc ngày' }).click();
    dialog = page.getByRole('dialog', { name: 'Kết thúc ngày làm việc' });
    const confirm = dialog.getByRole('button', { name: 'Kết thúc ngày' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Lý do (bắt buộc)').fill('Mất điện toàn khu');
    await confirm.click();
    await expect.poll(() => t.hub.engine.state.closed, POLL).toBe(true);
  });

  it('cancels, moves and reactivates tickets; a refused move shows the hub’s reason', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    const c5 = await t.counter(5);
    for (let i = 0; i < 4; i++) await kiosk.issue({ service: 'C' });
    const page = await openSignedIn(suite.browser, t);

    let card = await findTicket(page, 'C002');
    await card.getByRole('button', { name: 'Huỷ số' }).click();
    let dialog = page.getByRole('dialog', { name: 'Huỷ số C002' });
    expect(await dialog.getByRole('button', { name: 'Xác nhận' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Lý do (bắt buộc)').fill('Công dân xin huỷ');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => t.hub.engine.state.tickets['20261130-C002']!.status, POLL).toBe('cancelled');

    card = await findTicket(page, 'C003');
    await card.getByRole('button', { name: 'Chuyển lĩnh vực' }).click();
    dialog = page.getByRole('dialog', { name: 'Chuyển số C003' });
    await dialog.getByLabel('Sang lĩnh vực').selectOption('E');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click(); // a reason is optional here
    await expect.poll(() => t.hub.engine.state.tickets['20261130-C003']!.service, POLL).toBe('E');

    // The move dialog is open when counter 5 calls C001 first: the hub refuses the move.
    card = await findTicket(page, 'C001');
    await card.getByRole('button', { name: 'Chuyển lĩnh vực' }).click();
    dialog = page.getByRole('dialog', { name: 'Chuyển số C001' });
    await c5.callNext();
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Số này không còn trong hàng chờ.' }).waitFor();
    expect(t.hub.engine.state.tickets['20261130-C001']!.service).toBe('C');
    await screenshot(page, 'supervisor', 'refused-1366');
    await page.keyboard.press('Escape');

    // C001 did not come: a no-show, which the head puts back into its line.
    await c5.noShow();
    card = await findTicket(page, 'C001');
    await card.getByRole('button', { name: 'Gọi lại (vắng mặt)' }).click();
    dialog = page.getByRole('dialog', { name: 'Gọi lại số C001' });
    expect(await dialog.getByRole('button', { name: 'Xác nhận' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Lý do (bắt buộc)').fill('Công dân quay lại, có giấy hẹn');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => t.hub.engine.state.tickets['20261130-C001']!.status, POLL).toBe('waiting');
  });

  it('goes back to sign-in with the hub’s message when the hub ended the session', async () => {
    const t = await suite.hub();
    const page = await openSignedIn(suite.browser, t);
    t.clock.advance(16 * MINUTE); // past the hub's 15 idle minutes
    await page.getByRole('button', { name: 'Đổi cấp độ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cấp độ giãn cách' });
    await dialog.getByLabel(/^Cấp độ 2/).check();
    await dialog.getByRole('button', { name: 'Áp dụng' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Phiên làm việc đã kết thúc; vui lòng đăng nhập lại bằng mã cán bộ và mã PIN.' })
      .waitFor();
    await page.getByRole('heading', { name: 'Đăng nhập bảng điều hành' }).waitFor();
    expect(t.hub.engine.state.level).toBe(1);
  });
});

describe('supervisor console: the audit log', () => {
  it('lists the day’s actions in words with reasons, and downloads them as a safe CSV', async () => {
    const t = await suite.hub();
    const page = await openSignedIn(suite.browser, t, LARGE);
    const dialog = await counterDialog(page, 7);
    await dialog.getByLabel('Lý do (bắt buộc)').fill('=HYPERLINK("http://x","Bấm")');
    await dialog.getByRole('button', { name: 'Thực hiện' }).click();
    await expect.poll(() => t.hub.engine.state.counters[7]!.closedBySupervisor, POLL).toBe(true);

    await page.getByRole('link', { name: 'Nhật ký' }).click();
    const table = page.getByTestId('audit');
    const close = table.locator('tr[data-action="supervisor.setCounterClosed"]');
    await expect.poll(() => close.textContent(), POLL).toContain('Đóng/mở quầy');
    expect(await close.textContent()).toContain('Nguyễn Văn Lãnh');
    expect(await close.textContent()).toContain('=HYPERLINK("http://x","Bấm")');
    expect(await table.locator('tr[data-action="supervisor.signIn"]').count()).toBe(1);
    await screenshot(page, 'supervisor', 'audit-1920');
    await page.setViewportSize(SMALL);
    await screenshot(page, 'supervisor', 'audit-1366');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('nhat-ky-2026-11-30_2026-11-30.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFThời gian,Cán bộ,Thiết bị,Thao tác,Lý do,Chi tiết');
    expect(csv).toContain('Đóng/mở quầy,"\'=HYPERLINK(""http://x"",""Bấm"")"');

    // Another day: nothing there.
    await page.getByLabel('Từ ngày').fill('2026-11-29');
    await page.getByLabel('Đến ngày').fill('2026-11-29');
    await page.getByRole('button', { name: 'Xem' }).click();
    await page.getByText('Không có thao tác nào trong khoảng này.').waitFor();
  });
});
