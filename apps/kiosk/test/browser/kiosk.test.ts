import { decodeEscPos } from '@luot/printer';
import { launchBrowser } from '@luot/testing';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, openKiosk, shootBoth, tile, type KioskFixture } from './kiosk-fixture';

// The kiosk page served by a real hub (the app must be built: `npm run build -w apps/kiosk`),
// printing through the hub on a fake network printer.

const CIVIL = 'Tư pháp – Hộ tịch'; // C, counter 5, essential
const COPIES = 'Tư pháp – Chứng thực'; // E, counter 6, essential

let browser: Browser;
let k: KioskFixture | null = null;

beforeAll(async () => {
  assertBuilt();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await k?.close();
  k = null;
});

describe('kiosk', () => {
  it('prints the ticket of a tap and shows the number the hub issued', async () => {
    k = await openKiosk(browser);
    const { page, display } = k;
    await shootBoth(page, 'home');

    await tile(page, CIVIL).click();
    const job = await k.printer().waitForJob(10_000);
    const decoded = decodeEscPos(job.bytes);
    expect(decoded.images.length).toBeGreaterThan(0);
    expect(decoded.images[0]!.height).toBeGreaterThan(200);

    const snap = await display.waitFor((s) => s.state.lastNumber.C === 1);
    const ticket = Object.values(snap.state.tickets)[0]!;
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe(ticket.number);
    await page.getByText('Mời ông/bà nhận phiếu in.').waitFor();
    const qr = page.locator('img[data-qr-url]');
    expect(await qr.getAttribute('data-qr-url')).toMatch(new RegExp(`^${k.t.hub.url}/t/[\\w-]{10,}$`));
    await shootBoth(page, 'ticket');

    // "Done" goes home, where the tile now counts the citizen who is waiting.
    await page.getByRole('button', { name: /^Xong/ }).click();
    await tile(page, CIVIL).getByText('1 người chờ').waitFor();
  });

  it('promises no wait while nobody is signed in, and tells a 5-minute range once officers are', async () => {
    k = await openKiosk(browser);
    const { page, t } = k;
    // Every counter "Chưa mở" at 9:00: the tile still issues but says so plainly; the next session
    // (13:00) is when officers are next due. It used to say "Dưới 1 phút".
    const unstaffed = 'Chưa có cán bộ tiếp nhận lĩnh vực này, dự kiến mở lúc 13:00';
    await tile(page, CIVIL).getByText(unstaffed).waitFor();
    expect(await page.getByText(/Dưới 1 phút/).count()).toBe(0);
    await shootBoth(page, 'home-unstaffed');

    await tile(page, CIVIL).click();
    await page.getByText('Chưa ước tính được').waitFor();
    await page.getByRole('button', { name: /^Xong/ }).click();

    // An officer signs in at counter 5 (C): 1 waiting × 8 minutes ÷ 1 counter = 8 → "5–10 phút".
    await t.counter(5);
    await tile(page, CIVIL).getByText('5–10 phút').waitFor();
    expect(await tile(page, CIVIL).getByText(unstaffed).count()).toBe(0);
    await shootBoth(page, 'home-staffed');
    await tile(page, CIVIL).click();
    await page.getByText('Khoảng 5–10 phút').waitFor();
  });

  it('issues a priority ticket through "Tôi thuộc diện ưu tiên"', async () => {
    k = await openKiosk(browser);
    const { page, display } = k;
    // An officer at counter 6 (E): an unstaffed tile with nobody waiting shows only "Chưa có cán bộ…".
    await k.t.counter(6);
    await page.getByRole('button', { name: /^Tôi thuộc diện ưu tiên/ }).click();
    await page.getByRole('heading', { name: 'Chọn diện ưu tiên của ông/bà' }).waitFor();
    await shootBoth(page, 'priority');

    await page.getByRole('button', { name: 'Người cao tuổi' }).click();
    await page.getByRole('heading', { name: 'Ưu tiên: Người cao tuổi' }).waitFor();
    // On this path a tile counts who is ahead of a priority ticket, not everyone waiting.
    await tile(page, COPIES).getByText('Không có ai chờ trước').waitFor();
    await shootBoth(page, 'home-priority');
    await tile(page, COPIES).click();

    const snap = await display.waitFor((s) => s.state.lastNumber.E === 1);
    const ticket = Object.values(snap.state.tickets)[0]!;
    expect(ticket.priority).toBe('elderly');
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe(ticket.number);
    await page.getByText('Ưu tiên: Người cao tuổi').waitFor();
    // Counter 16 takes every priority ticket, so it is named too.
    await page.getByText('Quầy 6, 16').waitFor();
  });

  it('sends a citizen outside with a place in the entry line when the hall is full', async () => {
    k = await openKiosk(browser);
    const { page, display, t } = k;
    const boss = await t.supervisor();
    await boss.setLevel(4); // capacity 20, essential services only
    const other = await t.client('test-kiosk-2-token');
    for (let i = 0; i < 20; i++) await other.issue({ service: 'C' });

    await page.getByText('Sảnh chờ đã đủ người: số mới sẽ chờ bên ngoài').waitFor();
    await page.getByText('Cấp độ 4: chỉ tiếp nhận thủ tục thiết yếu').waitFor();
    expect(await tile(page, 'Đất đai').isDisabled()).toBe(true);
    await tile(page, 'Đất đai').getByText('Tạm dừng tiếp nhận (cấp độ 4)').waitFor();
    await shootBoth(page, 'home-level4');

    await tile(page, CIVIL).click();
    await page.getByText('Vui lòng chờ bên ngoài sảnh').waitFor();
    const snap = await display.waitFor((s) => s.state.lastNumber.C === 21);
    const ticket = Object.values(snap.state.tickets).find((x) => x.serial === 21)!;
    expect(ticket.status).toBe('outside');
    expect(await page.getByTestId('ticket-number').textContent()).toBe(ticket.number);
    expect(await page.getByTestId('entry-place').textContent()).toBe('1');
    await shootBoth(page, 'outside-wait');
  });

  it('stops issuing while the hub is unreachable and recovers by itself', async () => {
    k = await openKiosk(browser);
    const { page, t } = k;
    await t.hub.close();
    await page.getByRole('heading', { name: 'Hệ thống tạm gián đoạn' }).waitFor();
    expect(await tile(page, CIVIL).isDisabled()).toBe(true);
    await tile(page, CIVIL).getByText('Tạm gián đoạn').waitFor();
    await shootBoth(page, 'offline');

    await t.restart();
    await page
      .getByRole('heading', { name: 'Hệ thống tạm gián đoạn' })
      .waitFor({ state: 'hidden', timeout: 15_000 });
    await tile(page, CIVIL).click();
    await k.printer().waitForJob(10_000);
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe('C001');
  });

  it('shows the number when the printer is out of paper, and the hub records the fault', async () => {
    k = await openKiosk(browser);
    const { page, display } = k;
    k.printer().setMode('paper_end');
    await tile(page, CIVIL).click();

    await page.getByText('Không in được phiếu: máy in hết giấy.').waitFor();
    const snap = await display.waitFor((s) => s.printers['kiosk-1']?.fault === 'paper_end');
    expect(snap.printers['kiosk-1']!.ok).toBe(false);
    const ticket = Object.values(snap.state.tickets)[0]!;
    expect(await page.getByTestId('ticket-number').textContent()).toBe(ticket.number);
    await page.getByText(/Số thứ tự vẫn có hiệu lực/).waitFor();
    await shootBoth(page, 'printer-error');

    // The default keeps issuing: the next citizen can still take a number.
    await page.getByRole('button', { name: /^Xong/ }).click();
    expect(await tile(page, CIVIL).isEnabled()).toBe(true);
  });

  it('paper runs out on the last lines: the citizen is told to check the tray first', async () => {
    k = await openKiosk(browser);
    const { page, display } = k;
    k.printer().setMode('paper_runs_out');
    await tile(page, CIVIL).click();

    await page.getByText('Phiếu có thể đã được in. Vui lòng kiểm tra khay giấy trước khi in lại.').waitFor();
    await page.getByText('Máy in báo lỗi: máy in hết giấy.').waitFor();
    // Never "could not be printed": the whole ticket reached the printer.
    expect(await page.getByText(/Không in được phiếu/).count()).toBe(0);
    const job = await k.printer().waitForJob(10_000);
    expect(decodeEscPos(job.bytes).cut).toBe(true);
    const snap = await display.waitFor((s) => s.printers['kiosk-1']?.fault === 'paper_end');
    expect(await page.getByTestId('ticket-number').textContent()).toBe(
      Object.values(snap.state.tickets)[0]!.number,
    );
    await shootBoth(page, 'printer-maybe-printed');
  });

  it('pauses issuing after a printer fault when keepIssuing=false, until staff resume', async () => {
    k = await openKiosk(browser, '&keepIssuing=false');
    const { page } = k;
    k.printer().setMode('cover_open');
    await tile(page, CIVIL).click();
    await page.getByText('Không in được phiếu: nắp máy in đang mở.').waitFor();
    await page.getByText('Kiosk tạm ngừng cấp số.').waitFor();
    await page.getByRole('button', { name: /^Xong/ }).click();

    await page.getByText('Máy in đang gặp sự cố.').waitFor();
    expect(await tile(page, CIVIL).isDisabled()).toBe(true);
    k.printer().setMode('ok');
    await page.getByRole('button', { name: /máy in đã sẵn sàng/ }).click();
    await tile(page, CIVIL).click();
    await page.getByText('Mời ông/bà nhận phiếu in.').waitFor();
  });

  it('issues exactly one ticket for a rapid double tap', async () => {
    k = await openKiosk(browser);
    const { page, display, t } = k;
    // Two taps in the same instant, then a real double click.
    await tile(page, CIVIL).evaluate((b: HTMLElement) => {
      b.click();
      b.click();
    });
    await page.getByTestId('ticket-number').waitFor();
    await page.getByRole('button', { name: /^Xong/ }).click();
    await tile(page, COPIES).dblclick();
    await page.getByTestId('ticket-number').waitFor();

    // The hub runs commands in arrival order: once a later command is seen, no second tap is pending.
    const other = await t.client('test-kiosk-2-token');
    await other.issue({ service: 'R' });
    const snap = await display.waitFor((s) => s.state.lastNumber.R === 1);
    expect(snap.state.lastNumber.C).toBe(1);
    expect(snap.state.lastNumber.E).toBe(1);
    expect(Object.keys(snap.state.tickets)).toHaveLength(3);
  });

  it('switches to English, goes idle after inactivity and back to Vietnamese at a tap', async () => {
    k = await openKiosk(browser, '&idleSeconds=2');
    const { page } = k;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Choose the service you need' }).waitFor();
    await tile(page, 'Justice – civil status registration').waitFor();

    const touch = page.getByText('Chạm để lấy số thứ tự');
    await touch.waitFor({ timeout: 10_000 });
    await shootBoth(page, 'idle');
    await touch.click();
    await page.getByRole('heading', { name: 'Chọn lĩnh vực cần giải quyết' }).waitFor();
  });
});
