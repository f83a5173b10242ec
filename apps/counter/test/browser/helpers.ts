import type { Browser, Page } from 'playwright-core';
import type { LuotClient } from '@luot/client';
import type { TestHub } from '@luot/hub/testing';

export const COUNTER_VIEWPORT = { width: 1366, height: 768 };
export const RATING_VIEWPORT = { width: 1280, height: 800 };

/**
 * A counter terminal in its own browser context (its own localStorage, like its own PC), opened
 * with its device token as set up once at the counter.
 */
export async function openCounter(browser: Browser, t: TestHub, n: number, query = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: COUNTER_VIEWPORT, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${t.hub.url}/counter?token=test-counter-${n}-token${query}`);
  await page
    .getByRole('heading', { name: 'Đăng nhập cán bộ' })
    .or(page.getByTestId('officer-name'))
    .waitFor();
  return page;
}

/** Sign in with the mouse: officer id typed, PIN on the on-screen keypad. */
export async function signIn(page: Page, n: number, pin = '1234'): Promise<void> {
  await page.getByLabel('Mã cán bộ').fill(`cb${n}`);
  await page.getByLabel('Mã PIN').click();
  for (const d of pin) await page.getByRole('button', { name: d, exact: true }).click();
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

/** The rating tablet paired to counter `n` (apps/rating), where a visit ends: the counter's tests follow it there. */
export async function openRating(browser: Browser, t: TestHub, n: number, query = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: RATING_VIEWPORT, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${t.hub.url}/rating?token=test-rating-${n}-token${query}`);
  await page.getByTestId('rating-officer').waitFor();
  return page;
}

/** The ticket in hand as the terminal shows it ('' when none). */
export async function ticketInHand(page: Page): Promise<string> {
  return (await page.getByTestId('current-ticket').getAttribute('data-ticket')) ?? '';
}

export async function issue(kiosk: LuotClient, service: string, count = 1, priority: string | null = null) {
  const numbers: string[] = [];
  for (let i = 0; i < count; i++)
    numbers.push((await kiosk.issue({ service, priority })).result.ticket.number);
  return numbers;
}

export function action(page: Page, name: string) {
  return page.locator(`button[data-action="${name}"]`);
}

/** expect.poll options with room for a loaded machine (browser test files run in parallel). */
export const POLL = { timeout: 5000 };
