import type { Browser, Page } from 'playwright-core';
import type { TestHub } from '@luot/hub/testing';

export const SMALL = { width: 1366, height: 768 };
export const LARGE = { width: 1920, height: 1080 };

/** expect.poll options with room for a loaded machine (browser test files run in parallel). */
export const POLL = { timeout: 5000 };

/** The console in its own browser context (its own localStorage), set up with the supervisor device's token. */
export async function openConsole(browser: Browser, t: TestHub, viewport = SMALL): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  // A step that cannot happen fails with its locator, well before the test's own timeout.
  page.setDefaultTimeout(8000);
  await page.goto(`${t.hub.url}/supervisor?token=test-supervisor-token`);
  await page.getByRole('heading', { name: 'Đăng nhập bảng điều hành' }).waitFor();
  return page;
}

export async function signIn(page: Page, officerId = 'ld1', pin = '1234'): Promise<void> {
  await page.getByLabel('Mã cán bộ').fill(officerId);
  await page.getByLabel('Mã PIN').fill(pin);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

/** Open and sign in as the test office's head (ld1). */
export async function openSignedIn(browser: Browser, t: TestHub, viewport = SMALL): Promise<Page> {
  const page = await openConsole(browser, t, viewport);
  await signIn(page);
  await page.getByTestId('officer-name').filter({ hasText: 'Nguyễn Văn Lãnh' }).waitFor();
  return page;
}

/** The alert items of one kind on the monitor. */
export function alertsOf(page: Page, kind: string) {
  return page.locator(`[data-testid="alert"][data-kind="${kind}"]`);
}

/** A counter's row in the monitor's counters table. */
export function counterRow(page: Page, n: number) {
  return page.locator(`[data-testid="counters"] tr[data-counter="${n}"]`);
}
