import { startTestHub, testConfig } from '@luot/hub/testing';
import { describe, expect, it } from 'vitest';
import { browserSuite, screenshot } from '@luot/testing';
import { counterRow, LARGE, openConsole, openSignedIn, POLL, signIn, SMALL } from './helpers.js';

const suite = browserSuite(startTestHub);

describe('supervisor console: sign-in and the live monitor', () => {
  it('refuses a wrong PIN and an officer who is not a supervisor, then signs the head in', async () => {
    const t = await suite.hub();
    const page = await openConsole(suite.browser, t);
    await screenshot(page, 'supervisor', 'sign-in-1366');

    await signIn(page, 'ld1', '9999');
    await page.getByRole('alert').filter({ hasText: 'Sai mã cán bộ hoặc mã PIN.' }).waitFor();
    await signIn(page, 'cb1', '1234');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Cán bộ này không có quyền lãnh đạo, giám sát.' })
      .waitFor();
    expect(await page.getByTestId('officer-name').count()).toBe(0);

    await signIn(page);
    await page.getByTestId('officer-name').filter({ hasText: 'Nguyễn Văn Lãnh' }).waitFor();
    // The token came in the URL once and is kept, not left in the address bar.
    expect(page.url()).not.toContain('token=');
    const log = t.hub.store.supervisors.auditLog(0, Number.MAX_SAFE_INTEGER).map((a) => a.action);
    expect(log).toContain('supervisor.signIn');

    // English is one click away, and stays on this PC.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Monitor' }).waitFor();
    await page.getByRole('heading', { name: 'Lines by service' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('link', { name: 'Giám sát' }).waitFor();

    // Signing out goes back to the sign-in screen, and the hub knows.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập bảng điều hành' }).waitFor();
  });

  it('shows a counter’s call, the lines and the hall as they change', async () => {
    const t = await suite.hub();
    const kiosk = await t.client('test-kiosk-1-token');
    const counter = await t.counter(5);
    await t.counter(6);
    for (const s of ['C', 'C', 'E', 'A']) await kiosk.issue({ service: s });
    const page = await openSignedIn(suite.browser, t);

    const waitingC = page.locator(
      '[data-testid="queues"] tr[data-service="C"] [data-testid="queue-waiting"]',
    );
    await expect.poll(() => waitingC.textContent(), POLL).toBe('2');
    await expect.poll(() => counterRow(page, 5).textContent(), POLL).toContain('Cán bộ 5');

    await counter.callNext();
    await expect
      .poll(() => counterRow(page, 5).getByTestId('counter-current').textContent(), POLL)
      .toContain('C001');
    await expect.poll(() => waitingC.textContent(), POLL).toBe('1');
    await expect.poll(() => page.getByTestId('hall-hall').textContent(), POLL).toContain('4/120');

    // A service with people waiting and nobody calling it is said plainly in its row.
    await counter.finish({ kind: 'guided' });
    await counter.pause('Họp giao ban');
    await expect
      .poll(() => page.locator('[data-testid="queues"] tr[data-service="C"]').textContent(), POLL)
      .toContain('Không quầy nào gọi!');
    await expect
      .poll(() => counterRow(page, 5).getByTestId('counter-state').textContent(), POLL)
      .toBe('Tạm dừng: Họp giao ban');
    await screenshot(page, 'supervisor', 'monitor-1366');

    const large = await openSignedIn(suite.browser, t, LARGE);
    await expect.poll(() => counterRow(large, 5).textContent(), POLL).toContain('Họp giao ban');
    await screenshot(large, 'supervisor', 'monitor-1920');
  });

  it('counts down in the last idle minute, and signs out by itself at zero', async () => {
    const t = await suite.hub({ config: testConfig({ supervisorIdleMinutes: 2 }) });
    // The page's own clock, moved by the test: the idle time is measured by the device.
    const context = await suite.browser.newContext({ viewport: SMALL, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await page.clock.install();
    await page.goto(`${t.hub.url}/supervisor?token=test-supervisor-token`);
    await signIn(page);
    await page.getByTestId('officer-name').waitFor();
    expect(await page.getByTestId('idle-warning').count()).toBe(0);

    await page.clock.runFor(61_000);
    await expect
      .poll(() => page.getByTestId('idle-warning').textContent(), POLL)
      .toMatch(/tự đăng xuất sau \d+ giây/);
    await page.keyboard.press('Shift'); // activity: the countdown goes
    await page.clock.runFor(2_000);
    await expect.poll(() => page.getByTestId('idle-warning').count(), POLL).toBe(0);

    await page.clock.runFor(121_000);
    await page
      .getByRole('alert')
      .filter({ hasText: 'Đã tự đăng xuất vì không thao tác trong 2 phút.' })
      .waitFor();
    await page.getByRole('heading', { name: 'Đăng nhập bảng điều hành' }).waitFor();
    await expect
      .poll(() => t.hub.store.supervisors.auditLog(0, Number.MAX_SAFE_INTEGER)[0]?.action, POLL)
      .toBe('supervisor.signOut');
  });
});
